#!/usr/bin/env python3
"""gen_seeds.py - writes the hand-made seed inputs of tests/fuzz/corpus/.

The seeds copied from samples/ and tests/layout/ show the fuzzers what
normal input looks like; these show them the corners: empty elements,
endless words, huge counts, many rows, zero widths, deep nesting, odd
characters. Run from the top of the tree; the files are committed, so this
is only needed to change them. Nothing here is random. The other seeds are
plain copies: report/ holds five samples/gr-2019 reports and the yearbook
manifest, five samples/ogiltiga files (prefixed ogiltig-) and
tests/validera/entitetsbomb.xml. The layout trees of tests/layout/ are not
copied: `make fuzz` reads that folder as seeds directly, so new ones join.
"""
import os

REPORT_NS = "urn:vastbus:arsberattelse:1"
LAYOUT_NS = "urn:vastbus:layout:1"
HEAD = '<?xml version="1.0" encoding="UTF-8"?>\n'


def write(folder, name, text):
    os.makedirs(folder, exist_ok=True)
    with open(os.path.join(folder, name), "w", encoding="utf-8") as f:
        f.write(text)


def report(body, ar="2019"):
    return (HEAD + f'<arsberattelse xmlns="{REPORT_NS}" ar="{ar}" version="1">\n'
            + body + "</arsberattelse>\n")


GRUPP = ("<grupp><namn>G</namn><kommun>Göteborg</kommun>"
         "<stadsdel>Angered</stadsdel><delregion>Göteborgsregionen</delregion></grupp>\n"
         '<inlamning datum="2020-02-01"><kontaktperson><namn>A</namn>'
         "<epost>a@b.se</epost><telefon>1</telefon></kontaktperson></inlamning>\n")


def medlem(roll, n):
    return (f'<medlem roll="{roll}"><namn>N{n}</namn><funktion>F</funktion>'
            "<organisation>O</organisation><verksamhet>bup</verksamhet>"
            "<huvudman>region</huvudman></medlem>\n")


def reports(d):
    # Every element present but empty.
    write(d, "tomma-element.xml", report(
        "<grupp><namn/><kommun/><stadsdel/><delregion/></grupp>"
        '<inlamning datum=""><kontaktperson><namn/><epost/><telefon/>'
        "</kontaktperson></inlamning><sammansattning><medlem roll=\"\">"
        "<namn/><funktion/><organisation/><verksamhet/><huvudman/></medlem>"
        '</sammansattning><moten antal=""><mote datum=""/></moten>'
        "<utbildningsinsatser><insats datum=\"\" deltagare=\"\"><titel/>"
        "<malgrupp/><arrangor/><beskrivning/></insats></utbildningsinsatser>"
        '<avvikelser antal=""><avvikelse datum="" kategori="" status="" '
        'systemfel=""><rapporterande verksamhet=""/><berord verksamhet=""/>'
        "<beskrivning/><atgard/></avvikelse><analys/></avvikelser>"
        "<reflektion><stycke/></reflektion><planering/>\n", ar=""))
    # Counts and years at and past the edges of int.
    write(d, "stora-tal.xml", report(
        GRUPP + "<sammansattning>" + medlem("ordforande", 1) + "</sammansattning>"
        '<moten antal="99999999999999999999"><mote datum="9999-99-99"/>'
        '<mote datum="2019-02-30"/><mote datum="-001-01-01"/></moten>'
        '<utbildningsinsatser><insats datum="2019-13-01" deltagare="2147483648">'
        "<titel>t</titel><malgrupp>m</malgrupp><arrangor>a</arrangor>"
        "<beskrivning>b</beskrivning></insats></utbildningsinsatser>"
        '<avvikelser antal="-2147483649"/>\n', ar="2147483647"))
    # A 2000-character word and a personal identity number glued to text.
    word = "Barnochungdomspsykiatri" * 87
    write(d, "langt-ord.xml", report(
        GRUPP + "<sammansattning>" + medlem("ordforande", 1) + "</sammansattning>"
        '<moten antal="0"/><avvikelser antal="0"/>'
        f"<reflektion><stycke>{word[:2000]}</stycke>"
        "<stycke>19121212-1212x201212121212+121212-1212 0000000000</stycke>"
        "</reflektion>\n"))
    # Many members and meetings (every chair: many findings).
    write(d, "manga-medlemmar.xml", report(
        GRUPP + "<sammansattning>"
        + "".join(medlem("ordforande", i) for i in range(120))
        + "</sammansattning>" + '<moten antal="1">'
        + '<mote datum="2019-01-01"/>' * 200 + "</moten><avvikelser antal=\"0\"/>\n"))
    # Deep nesting of foreign elements inside a known one.
    write(d, "djup-nastling.xml", report(
        GRUPP + "<reflektion><stycke>" + "<x>" * 300 + "text" + "</x>" * 300
        + "</stycke></reflektion>\n"))
    # Foreign namespace, wrong root, namespace prefixes, odd characters.
    write(d, "fel-rot.xml", HEAD + '<p:arsberattelse xmlns:p="urn:annat" ar="2019">'
          "<p:grupp/></p:arsberattelse>\n")
    write(d, "prefix.xml", HEAD + f'<a:arsberattelse xmlns:a="{REPORT_NS}" ar="2019" '
          'version="1"><a:grupp><a:namn>\u00ad\u00a0\u200b\U0001F600</a:namn>'
          "<a:kommun>G\u0308oteborg</a:kommun></a:grupp></a:arsberattelse>\n")
    write(d, "cdata-pi-kommentar.xml", report(
        "<?pi data?><!-- k --><grupp><namn><![CDATA[<namn>&amp;]]></namn>"
        "<kommun>Ale<!-- x -->&#x0;</kommun></grupp>\n"))
    write(d, "arsbok-tom.xml", HEAD + '<arsbok xmlns="urn:vastbus:arsbok:1" ar="">'
          '<grupper><grupp kommun="" fil=""/><grupp kommun="Ale" fil="../../etc/passwd"/>'
          "</grupper></arsbok>\n")


def layout(body, attrs="", before=""):
    return (HEAD + f'<document xmlns="{LAYOUT_NS}" title="T"{attrs}>\n' + before
            + "<body>\n" + body + "</body>\n</document>\n")


def layouts(d):
    write(d, "tomma-celler.xml", layout(
        '<table widths="1 1 1"><thead><row><cell/><cell/><cell/></row></thead>'
        "<tbody>" + "<row><cell/><cell></cell><cell> </cell></row>" * 5
        + "</tbody></table><p/><p> </p><list><item/></list>"
        '<heading level="1"/><title/><toc-entry ref="x"/><block id="x"/><keep/>\n'))
    write(d, "tomma-strukturer.xml", layout(
        '<table widths="1 1 1"><tbody><row/></tbody></table><table/><list/>\n'))
    word = "Samordnadindividuellplanering" * 70
    write(d, "langt-ord.xml", layout(
        f'<p align="justify">{word[:2000]}</p>'
        f'<table widths="1 1"><tbody><row><cell>{word[:2000]}</cell>'
        "<cell>x</cell></row></tbody></table>"
        f'<heading level="1">{word[:2000]}</heading>'
        f"<list><item>{word[:2000]}</item></list>\n"))
    write(d, "nollbredd.xml", layout(
        '<table widths="0.0001 0.0001 100"><tbody><row><cell>a</cell><cell>b</cell>'
        "<cell>c</cell></row></tbody></table>"
        '<table widths="1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1 1">'
        "<tbody><row>" + "<cell>ord</cell>" * 30 + "</row></tbody></table>"
        '<table widths="1 1 1"><tbody><row><cell colspan="3">a</cell></row></tbody></table>'
        '<spacer height="0mm"/><p size="4pt">liten</p><p size="72pt">stor stor stor stor</p>\n'))
    write(d, "konstiga-tal.xml", layout(
        '<table widths="0 0 0"><tbody><row><cell>a</cell><cell>b</cell>'
        "<cell>c</cell></row></tbody></table>"
        '<table widths="0 100"><tbody><row><cell>ord ord</cell><cell>b</cell>'
        "</row></tbody></table>"
        '<table widths="-1 1e308 nan"><tbody><row><cell colspan="0">a</cell>'
        '<cell colspan="99999">b</cell></row></tbody></table>'
        '<spacer height="0mm"/><spacer height="-5mm"/><spacer height="99999mm"/>'
        '<p size="0pt">noll</p><p size="0.001pt">liten</p>\n',
        before='<page size="A4" margin-left="105mm" margin-right="105mm" '
               'margin-top="0mm" margin-bottom="0mm"/>'
               '<font family="Liberation Sans" size="0pt" line-height="0"/>'))
    # libxml2 refuses more than 256 levels; stay below so the tree is built.
    nest = "<block>" * 120 + "<p>djup</p>" + "</block>" * 120
    inline = "<b><i>" * 60 + "text" + "</i></b>" * 60
    keep = "<keep>" * 100 + "<p>k</p>" + "</keep>" * 100
    write(d, "djup-nastling.xml", layout(nest + f"<p>{inline}</p>" + keep + "\n"))
    write(d, "referenser.xml", layout(
        '<toc-entry ref="b">B</toc-entry><toc-entry ref="a">A</toc-entry>'
        '<heading level="1" id="a">A</heading><heading level="2" id="b">B</heading>'
        '<p><link ref="b">l</link> <page-ref ref="a"/> <page-ref ref="b"/>'
        "<br/><br/></p>"
        '<chart type="bar" title="D" unit="st"><bar label="a" value="0"/>'
        '<bar label="b" value="1000000" previous="1"/><bar label="" value="0.5"/>'
        "</chart>\n",
        before="<header><left><page-number/></left><center>" + "x " * 500
               + "</center><right><page-count/></right></header>"))
    write(d, "trasiga-referenser.xml", layout(
        '<toc-entry ref="a">A</toc-entry><toc-entry ref="saknas">S</toc-entry>'
        '<toc-entry ref="">tom</toc-entry><heading level="1" id="a">A</heading>'
        '<heading level="9" id="a">dubbel</heading>'
        '<p><link ref="a">l</link> <page-ref ref="a"/> <page-ref ref="saknas"/>'
        "<page-number/><page-count/><br/><br/></p>"
        '<chart type="bar" title="D" unit="st"><bar label="a" value="-1"/>'
        '<bar label="b" value="1e308" previous="nan"/><bar label="" value=""/>'
        "</chart><chart/>\n",
        before="<header><left><page-number/></left><center>" + "x " * 500
               + "</center><right><page-count/></right></header>"))
    # Below libxml2's limit of 256 levels: 2 + 60 + 60 + 1 + 100 = 223.
    write(d, "djup-223.xml", layout(
        "<block>" * 60 + "<keep>" * 60 + '<p id="a">' + '<link ref="a">' * 100
        + "x" + "</link>" * 100 + "</p>" + "</keep>" * 60 + "</block>" * 60 + "\n"))
    write(d, "mjuka-bindestreck.xml", layout(
        '<p align="justify">' + "\u00ad" * 2000 + "</p><p>" + "a\u00ad" * 2000
        + "</p><p>" + " " * 2000 + "</p><p>" + "\u00a0" * 2000 + "</p>\n"))
    rows = "".join(f"<row><cell>{i}</cell><cell>Rad {i}</cell></row>"
                   for i in range(2000))
    write(d, "manga-rader.xml", layout(
        '<table widths="1 3"><thead><row><cell>Nr</cell><cell>Text</cell></row>'
        f"</thead><tbody>{rows}</tbody></table>\n"))
    write(d, "sidbrytningar.xml", layout(
        "<page-break/>" * 50 + '<heading level="1" break-before="page">H</heading>'
        + "<rule/>" * 200 + '<p>\u00ad\u00ad\u00a0\u00a0\U0001F600\u200b\u202e</p>\n'))


if __name__ == "__main__":
    reports("tests/fuzz/corpus/report")
    layouts("tests/fuzz/corpus/layout")
