#!/usr/bin/env python3
"""Writes the stress-test layout trees in tests/layout/ (run once; the
outputs are committed). Deterministic: no randomness, no clock."""
import os
from xml.sax.saxutils import escape, quoteattr

OUT = os.path.join(os.path.dirname(__file__), '..', 'layout')

HEAD = '''<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:vastbus:layout:1" title={title}
          author="Lokala Västbusgruppen i Ale" subject="Västbus årsberättelse"
          keywords="Västbus" lang="sv-SE">
  <header><left>Västbus – Årsberättelse för lokal Västbusgrupp</left><right>2019</right></header>
  <footer><left>Lokala Västbusgruppen i Ale</left>
          <right>Sida <page-number/> av <page-count/></right></footer>
  <body>
'''
TAIL = '''  </body>
</document>
'''

FIRST = ['Åsa', 'Göran', 'Märta', 'Örjan', 'Ängla', 'Björn', 'Sölve', 'Karin',
         'Mohammed', 'Jovana', 'Päivi', 'Zlatan']
LAST = ['Lindström', 'Öberg', 'Åkesson', 'Bäckström', 'Hägg', 'Nyström',
        'Ekström', 'Al-Hassan', 'Petrović', 'Mäkelä']
FUNK = ['Enhetschef', 'Verksamhetschef', 'Skolkurator', 'Socialsekreterare',
        'Elevhälsochef', 'Barn- och ungdomspsykiater', 'Specialpedagog']
ORG = ['Individ- och familjeomsorgen, Ale kommun', 'BUP Kungälv',
       'Barn- och ungdomspsykiatrin, Sahlgrenska universitetssjukhuset',
       'Elevhälsan, Ale gymnasium', 'Vårdcentralen Nödinge',
       'Socialförvaltningen Nordost']
HUV = ['Kommun', 'Region', 'Kommun', 'Privat']

TEXT = ('Samverkan mellan skola, socialtjänst och hälso- och sjukvård är '
        'grunden för Västbus. Under året har gruppen arbetat med '
        'överenskommelsen om samordnad individuell plan och med '
        'utbildningsinsatser för elevhälsopersonal. Barnkonventionen, som '
        'sedan 2020 är svensk lag, ställer krav på att barnets bästa sätts '
        'i främsta rummet i varje samverkansmöte.')


def write(name, title, body):
    with open(os.path.join(OUT, name), 'w', encoding='utf-8') as f:
        f.write(HEAD.format(title=quoteattr(title)))
        f.write(body)
        f.write(TAIL)


def members(n):
    rows = []
    for i in range(n):
        name = FIRST[i % len(FIRST)] + ' ' + LAST[(i * 7) % len(LAST)]
        if i == 0:
            name += ' (ordförande)'
        rows.append('        <row><cell>%s</cell><cell>%s</cell><cell>%s</cell>'
                    '<cell>%s</cell></row>\n' % (
                        escape(name), FUNK[i % len(FUNK)],
                        escape(ORG[(i * 5) % len(ORG)]), HUV[i % len(HUV)]))
    return ('    <heading level="1" id="s1">1. Gruppens sammansättning</heading>\n'
            '    <table widths="28 24 32 16">\n'
            '      <thead><row><cell>Namn</cell><cell>Funktion</cell>'
            '<cell>Organisation</cell><cell>Huvudman</cell></row></thead>\n'
            '      <tbody>\n' + ''.join(rows) + '      </tbody>\n    </table>\n')


# 1. A group of 60 members: the table runs over pages, header repeats.
write('tabell-60.xml', 'Årsberättelse 2019 – 60 medlemmar',
      '    <title>Årsberättelse 2019</title>\n' + members(60) +
      '    <heading level="1" id="s2">2. Antal möten</heading>\n'
      '    <p>Gruppen har haft 6 möten under 2019.</p>\n')

# 2. A 2000-character word with no break point, in text and in a cell.
word = ('abcdefghij' * 200)
write('langt-ord.xml', 'Långt ord',
      '    <heading level="1" id="a">Ett ord på 2000 tecken</heading>\n'
      '    <p>Före ' + word + ' efter.</p>\n'
      '    <table widths="20 80"><tbody><row><cell>' + word[:300] +
      '</cell><cell>kort</cell></row></tbody></table>\n'
      '    <p>Slut.</p>\n')

# 3. Empty cells, empty paragraph, empty table body row parts.
write('tomma-celler.xml', 'Tomma celler',
      '    <heading level="1" id="a">3. Utbildningsinsatser</heading>\n'
      '    <table widths="18 42 25 15">\n'
      '      <thead><row><cell>Datum</cell><cell>Insats</cell><cell>Målgrupp</cell>'
      '<cell align="right">Deltagare</cell></row></thead>\n'
      '      <tbody>\n'
      '        <row><cell>2019-04-03</cell><cell></cell><cell/><cell align="right">45</cell></row>\n'
      '        <row><cell/><cell/><cell/><cell/></row>\n'
      '        <row><cell colspan="4">Inga fler insatser.</cell></row>\n'
      '      </tbody>\n    </table>\n'
      '    <p></p>\n    <p>Efter tabellen.</p>\n')

# 4. Long Swedish compounds in narrow cells (eight columns, ~55 pt each).
comp = ['ungdomspsykiatrin', 'utbildningsinsatser', 'samverkansmöte',
        'socialförvaltningen', 'elevhälsochef', 'Västbusgruppen',
        'barnkonventionen', 'överenskommelse', 'Överenskommelsen',
        'ärendehanteringssystemet', 'elevhälsopersonal']
rows = ''.join('        <row><cell>%s</cell><cell>%s</cell><cell>%s</cell>'
               '<cell>%s</cell><cell>%s</cell><cell>%s</cell><cell>%s</cell>'
               '<cell align="right">%d</cell></row>\n' % (
                   c, comp[(i + 3) % len(comp)], comp[(i + 5) % len(comp)],
                   'Barn- och ' + comp[0], comp[(i + 7) % len(comp)],
                   comp[(i + 1) % len(comp)].upper(), '2019-03-1%d' % (i % 10),
                   i) for i, c in enumerate(comp))
write('smala-celler.xml', 'Smala celler',
      '    <heading level="1" id="a">4. Avvikelser</heading>\n'
      '    <table widths="13 13 13 13 13 13 14 8" caption="Avvikelser under året">\n'
      '      <thead><row><cell>Kategori</cell><cell>Rapporterande</cell>'
      '<cell>Berörd</cell><cell>Organisation</cell><cell>Åtgärd</cell>'
      '<cell>Status</cell><cell>Datum</cell><cell align="right">Nr</cell></row></thead>\n'
      '      <tbody>\n' + rows + '      </tbody>\n    </table>\n'
      '    <table caption="Utan widths: kolumnerna efter innehållet">\n'
      '      <thead><row><cell>Namn</cell><cell>Organisation</cell></row></thead>\n'
      '      <tbody>\n'
      '        <row><cell>Åsa Lindström</cell><cell>Barn- och ungdomspsykiatrin, Sahlgrenska universitetssjukhuset, Göteborg</cell></row>\n'
      '        <row><cell>Göran Öberg</cell><cell>BUP Kungälv</cell></row>\n'
      '      </tbody>\n    </table>\n')

# 5. Many headings near page ends: sections of varying length.
parts = []
for i in range(40):
    parts.append('    <heading level="%d" id="h%d">%d. Rubrik nummer %d</heading>\n'
                 % (1 if i % 3 == 0 else 2, i, i + 1, i + 1))
    n = 1 + (i * 7) % 5
    parts.append('    <p align="justify">' + ' '.join([TEXT] * n) + '</p>\n')
    if i % 4 == 1:
        parts.append('    <p>Kort rad.</p>\n')
write('rubriker.xml', 'Många rubriker', ''.join(parts))

# 6. References, TOC, links, bookmarks, chart, lists, keep.
toc = ''.join('    <toc-entry ref="k%d" level="1">Kapitel %d: Lokala Västbusgruppen %s</toc-entry>\n'
              '    <toc-entry ref="k%d-1" level="2">Gruppens sammansättning</toc-entry>\n'
              % (i, i + 1, ['Ale', 'Göteborg Angered', 'Öckerö', 'Kungälv'][i], i)
              for i in range(4))
chap = ''
for i in range(4):
    chap += ('    <block id="k%d" break-before="page">\n'
             '      <heading level="1">Lokala Västbusgruppen %s</heading>\n'
             '      <heading level="2" id="k%d-1">1. Gruppens sammansättning</heading>\n'
             '      <p>%s</p>\n'
             '      <p>Se <link ref="k%d">början av kapitel %d</link> (sidan <page-ref ref="k%d"/>) '
             'och diagrammet på sidan <page-ref ref="diagram"/>.</p>\n'
             '      <keep><p weight="bold">Hålls ihop</p><list><item>Första punkten</item>'
             '<item>Andra punkten med ett längre innehåll som bryts över flera rader i listan '
             'så att indraget syns ordentligt</item></list></keep>\n'
             '    </block>\n') % (i, ['Ale', 'Göteborg Angered', 'Öckerö', 'Kungälv'][i],
                                   i, ' '.join([TEXT] * (3 + i)), i, i + 1, i)
write('arsbok.xml', 'Västbus – Årsberättelser 2019',
      '    <title>Västbus – Årsberättelser 2019</title>\n'
      '    <p>Göteborgsregionen</p>\n'
      '    <heading level="1" id="toc" outline="no">Innehåll</heading>\n' + toc +
      '    <block id="sam" break-before="page">\n'
      '    <heading level="1">Sammanfattning för delregionen</heading>\n'
      '    <chart type="bar" title="Avvikelser per kategori" unit="st" id="diagram"'
      ' legend-current="2019" legend-previous="2018">\n'
      '      <bar label="Riktlinjer följs ej" value="12" previous="9"/>\n'
      '      <bar label="Kallelse saknas" value="7" previous="11"/>\n'
      '      <bar label="Samordnad individuell plan (SIP) upprättades inte" value="3" previous="0"/>\n'
      '      <bar label="Övrigt" value="0" previous="2"/>\n'
      '    </chart>\n'
      '    <chart type="bar" title="Möten per grupp">\n'
      '      <bar label="Ale" value="6"/><bar label="Angered" value="1250"/><bar label="Öckerö" value="4.5"/>\n'
      '    </chart>\n'
      '    </block>\n' + chap)
