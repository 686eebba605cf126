#!/usr/bin/env python3
"""pdfua_fixture.py OUT.pdf - writes a small hand-made tagged PDF that
passes every rule of tests/tools/pdfua_check.py: two pages with a heading,
a paragraph, a chart (Figure with /Alt and /BBox), a table with TH/TD, a
second-level heading, a list and a link, a running footer as /Artifact;
structure tree, ParentTree, XMP declaring PDF/UA-1 and PDF/A-2a.

It is the checker's own test fixture (tests/cli/pdfua_kontroll.sh breaks
copies of it on purpose), not an example of vastbus output. The font is
Liberation Sans embedded whole as a simple TrueType font; its /Widths are
a flat 500 (nothing here measures text), so the file is good for the
checker's rules, not for a full PDF/A validator.
"""
import glob
import sys
import zlib

FONT_GLOBS = ["/usr/share/fonts/truetype/liberation2/LiberationSans-Regular.ttf",
              "/usr/share/fonts/truetype/liberation/LiberationSans-Regular.ttf"]
ICC_PATHS = ["/usr/share/color/icc/sRGB.icc",
             "/usr/share/color/icc/colord/sRGB.icc",
             "/usr/share/color/icc/ghostscript/srgb.icc"]
TITLE = "Testfil för tillgänglighetskontrollen"


def first(paths, what):
    for p in paths:
        for f in sorted(glob.glob(p)):
            return open(f, "rb").read()
    sys.exit("pdfua_fixture: hittar ingen %s (%s)" % (what, ", ".join(paths)))


def pdf_text(s):
    """A PDF text string: UTF-16BE with BOM, as hex."""
    return "<FEFF" + s.encode("utf-16-be").hex().upper() + ">"


def xmp():
    return ("""<?xpacket begin="\ufeff" id="W5M0MpCehiHzreSzNTczkc9d"?>
<x:xmpmeta xmlns:x="adobe:ns:meta/">
<rdf:RDF xmlns:rdf="http://www.w3.org/1999/02/22-rdf-syntax-ns#">
<rdf:Description rdf:about="" xmlns:dc="http://purl.org/dc/elements/1.1/">
<dc:format>application/pdf</dc:format>
<dc:title><rdf:Alt><rdf:li xml:lang="x-default">%s</rdf:li></rdf:Alt></dc:title>
<dc:language><rdf:Bag><rdf:li>sv-SE</rdf:li></rdf:Bag></dc:language>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaid="http://www.aiim.org/pdfa/ns/id/">
<pdfaid:part>2</pdfaid:part>
<pdfaid:conformance>A</pdfaid:conformance>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfuaid="http://www.aiim.org/pdfua/ns/id/">
<pdfuaid:part>1</pdfuaid:part>
</rdf:Description>
<rdf:Description rdf:about="" xmlns:pdfaExtension="http://www.aiim.org/pdfa/ns/extension/"
  xmlns:pdfaSchema="http://www.aiim.org/pdfa/ns/schema#"
  xmlns:pdfaProperty="http://www.aiim.org/pdfa/ns/property#">
<pdfaExtension:schemas><rdf:Bag><rdf:li rdf:parseType="Resource">
<pdfaSchema:schema>PDF/UA Universal Accessibility Schema</pdfaSchema:schema>
<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua/ns/id/</pdfaSchema:namespaceURI>
<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>
<pdfaSchema:property><rdf:Seq><rdf:li rdf:parseType="Resource">
<pdfaProperty:name>part</pdfaProperty:name>
<pdfaProperty:valueType>Integer</pdfaProperty:valueType>
<pdfaProperty:category>internal</pdfaProperty:category>
<pdfaProperty:description>Indicates, which part of ISO 14289 standard is followed</pdfaProperty:description>
</rdf:li></rdf:Seq></pdfaSchema:property>
</rdf:li></rdf:Bag></pdfaExtension:schemas>
</rdf:Description>
</rdf:RDF>
</x:xmpmeta>
<?xpacket end="w"?>""" % TITLE).encode("utf-8")


def text_op(size, x, y, s):
    return "BT /F1 %d Tf %d %d Td (%s) Tj ET" % (size, x, y, s)


PAGE1 = "\n".join([
    "/Artifact <</Type /Pagination /Subtype /Footer>> BDC",
    text_op(9, 72, 40, "Sidfot sida 1"), "EMC",
    "/H1 <</MCID 0>> BDC", text_op(20, 72, 780, "Rubrik ett"), "EMC",
    "/P <</MCID 1>> BDC", text_op(11, 72, 750, "Ett stycke text."), "EMC",
    "/Figure <</MCID 2>> BDC 0 0 1 rg 72 600 100 100 re f 0 g EMC",
    "/TH <</MCID 3>> BDC", text_op(11, 72, 560, "Grupp"), "EMC",
    "/TH <</MCID 4>> BDC", text_op(11, 200, 560, "Antal"), "EMC",
    "/Artifact BMC 72 555 m 300 555 l S EMC",
    "/TD <</MCID 5>> BDC", text_op(11, 72, 540, "Ale"), "EMC",
    "/TD <</MCID 6>> BDC", text_op(11, 200, 540, "3"), "EMC",
]) + "\n"
PAGE2 = "\n".join([
    "/Artifact <</Type /Pagination /Subtype /Footer>> BDC",
    text_op(9, 72, 40, "Sidfot sida 2"), "EMC",
    "/H2 <</MCID 0>> BDC", text_op(15, 72, 780, "Rubrik tva"), "EMC",
    "/Lbl <</MCID 1>> BDC", text_op(11, 72, 750, "1."), "EMC",
    "/LBody <</MCID 2>> BDC", text_op(11, 90, 750, "En punkt"), "EMC",
    "/P <</MCID 3>> BDC", text_op(11, 72, 720, "Se"), "EMC",
    "/Link <</MCID 4>> BDC", text_op(11, 90, 720, "webbplatsen"), "EMC",
]) + "\n"


def objects():
    """{number: body}; streams as (dict text, raw bytes)."""
    font = first(FONT_GLOBS, "Liberation Sans")
    icc = first(ICC_PATHS, "sRGB-profil")
    tounicode = (b"/CIDInit /ProcSet findresource begin 12 dict begin begincmap\n"
                 b"/CIDSystemInfo << /Registry (Adobe) /Ordering (UCS) /Supplement 0 >> def\n"
                 b"/CMapName /Adobe-Identity-UCS def /CMapType 2 def\n"
                 b"1 begincodespacerange <00> <FF> endcodespacerange\n"
                 b"1 beginbfrange <20> <7E> <0020> endbfrange\n"
                 b"endcmap CMapName currentdict /CMap defineresource pop end end\n")
    o = {}
    o[1] = ("<< /Type /Catalog /Pages 2 0 R /StructTreeRoot 20 0 R"
            " /MarkInfo << /Marked true >> /Lang (sv-SE)"
            " /ViewerPreferences << /DisplayDocTitle true >>"
            " /Metadata 10 0 R /OutputIntents [11 0 R] >>")
    o[2] = "<< /Type /Pages /Kids [3 0 R 4 0 R] /Count 2 >>"
    res = "<< /Font << /F1 7 0 R >> >>"
    o[3] = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.276 841.89]"
            " /Resources %s /Contents 5 0 R /StructParents 0 >>" % res)
    o[4] = ("<< /Type /Page /Parent 2 0 R /MediaBox [0 0 595.276 841.89]"
            " /Resources %s /Contents 6 0 R /StructParents 1"
            " /Annots [13 0 R] /Tabs /S >>" % res)
    o[5] = ("", PAGE1.encode("latin-1"))
    o[6] = ("", PAGE2.encode("latin-1"))
    o[7] = ("<< /Type /Font /Subtype /TrueType /BaseFont /LiberationSans"
            " /FirstChar 32 /LastChar 126 /Widths [%s] /Encoding /WinAnsiEncoding"
            " /FontDescriptor 8 0 R /ToUnicode 9 0 R >>" % " ".join(["500"] * 95))
    o[8] = ("<< /Type /FontDescriptor /FontName /LiberationSans /Flags 32"
            " /FontBBox [-544 -303 1302 980] /ItalicAngle 0 /Ascent 905"
            " /Descent -212 /CapHeight 729 /StemV 80 /FontFile2 12 0 R >>")
    o[9] = ("", tounicode)
    o[10] = ("/Type /Metadata /Subtype /XML", xmp(), "raw")
    o[11] = ("<< /Type /OutputIntent /S /GTS_PDFA1 /OutputConditionIdentifier (sRGB)"
             " /DestOutputProfile 14 0 R >>")
    o[12] = ("/Length1 %d" % len(font), font)
    o[13] = ("<< /Type /Annot /Subtype /Link /Rect [88 715 160 732] /Border [0 0 0]"
             " /A << /S /URI /URI (https://example.org/) >>"
             " /Contents %s /StructParent 2 /F 4 >>" % pdf_text("Länk till webbplatsen"))
    o[14] = ("/N 3", icc)
    o[15] = ("<< /Title %s /Producer (pdfua_fixture.py) >>" % pdf_text(TITLE))
    # structure tree
    o[20] = ("<< /Type /StructTreeRoot /K [21 0 R] /ParentTree 40 0 R"
             " /ParentTreeNextKey 3 >>")
    elems = {
        21: ("Document", "20", "[22 0 R 23 0 R 24 0 R 25 0 R 32 0 R 33 0 R 36 0 R]", "3", ""),
        22: ("H1", "21", "0", "3", ""),
        23: ("P", "21", "1", "3", ""),
        24: ("Figure", "21", "2", "3",
             " /Alt %s /A << /O /Layout /BBox [72 600 172 700] >>"
             % pdf_text("Stapeldiagram: möten 2019, 3 möten.")),
        25: ("Table", "21", "[26 0 R 29 0 R]", "3", ""),
        26: ("THead", "25", "[27 0 R]", "3", ""),
        27: ("TR", "26", "[28 0 R 41 0 R]", "3", ""),
        28: ("TH", "27", "3", "3", " /A << /O /Table /Scope /Column >>"),
        41: ("TH", "27", "4", "3", " /A << /O /Table /Scope /Column >>"),
        29: ("TBody", "25", "[30 0 R]", "3", ""),
        30: ("TR", "29", "[31 0 R 42 0 R]", "3", ""),
        31: ("TD", "30", "5", "3", ""),
        42: ("TD", "30", "6", "3", ""),
        32: ("H2", "21", "0", "4", ""),
        33: ("L", "21", "[34 0 R]", "4", ""),
        34: ("LI", "33", "[35 0 R 43 0 R]", "4", ""),
        35: ("Lbl", "34", "1", "4", ""),
        43: ("LBody", "34", "2", "4", ""),
        36: ("P", "21", "[3 37 0 R]", "4", ""),
        37: ("Link", "36", "[4 << /Type /OBJR /Obj 13 0 R >>]", "4", ""),
    }
    for n, (s, parent, k, pg, extra) in elems.items():
        o[n] = ("<< /Type /StructElem /S /%s /P %s 0 R /K %s /Pg %s 0 R%s >>"
                % (s, parent, k, pg, extra))
    o[40] = "<< /Nums [0 44 0 R 1 45 0 R 2 37 0 R] >>"
    o[44] = "[22 0 R 23 0 R 24 0 R 28 0 R 41 0 R 31 0 R 42 0 R]"
    o[45] = "[32 0 R 35 0 R 43 0 R 36 0 R 37 0 R]"
    return o


def write(path):
    o = objects()
    out = bytearray(b"%PDF-1.7\n%\xe2\xe3\xcf\xd3\n")
    offsets = {}
    for n in sorted(o):
        offsets[n] = len(out)
        body = o[n]
        out += b"%d 0 obj\n" % n
        if isinstance(body, tuple):
            extra, data = body[0], body[1]
            if len(body) == 2:  # compressed
                data = zlib.compress(data, 9)
                extra += " /Filter /FlateDecode"
            out += b"<< %s /Length %d >>\nstream\n" % (extra.encode("latin-1"), len(data))
            out += data + b"\nendstream\n"
        else:
            out += body.encode("latin-1") + b"\n"
        out += b"endobj\n"
    size = max(o) + 1
    xref = len(out)
    out += b"xref\n0 %d\n0000000000 65535 f \n" % size
    for n in range(1, size):
        if n in offsets:
            out += b"%010d 00000 n \n" % offsets[n]
        else:
            out += b"0000000000 65535 f \n"
    out += (b"trailer\n<< /Size %d /Root 1 0 R /Info 15 0 R"
            b" /ID [<0123456789ABCDEF0123456789ABCDEF> <0123456789ABCDEF0123456789ABCDEF>] >>\n"
            b"startxref\n%d\n%%%%EOF\n" % (size, xref))
    with open(path, "wb") as f:
        f.write(out)


if __name__ == "__main__":
    if len(sys.argv) != 2:
        sys.exit("användning: pdfua_fixture.py UT.pdf")
    write(sys.argv[1])
