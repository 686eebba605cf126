#!/bin/sh
# Tagged PDF as a reader of the structure sees it (pdfinfo -struct-text):
# the layout's title, headings, paragraphs, list items, table cells and
# table-of-contents entries in the layout's order, with the same words;
# none of the running header and footer texts; TH cells with /Scope; each
# chart a Figure whose /Alt holds its bars' labels and numbers; the XMP
# declares PDF/UA-1 and PDF/A-2a. On two layout trees (one a yearbook's);
# empty table cells are TDs of their own (tests/layout/tomma-celler.xml);
# text marked lang="…" has /Lang on its element. (The full rule checker is
# tests/cli/pdf_taggad*.sh; a sample yearbook's structure, one Sect per
# chapter beginning with its heading, TOCI, Figure and /Alt, is checked by
# tests/cli/pdf_ordfoljd.sh on the -struct-text it reads anyway.)
. "$(dirname "$0")/../tools/pdf_testlib.sh"

# struct_ok LAYOUT PDF: the struct-text against the layout file.
struct_ok() {
    pdfinfo "$2" | grep -q "^Tagged: *yes" || fail "$(basename "$1"): Tagged är inte yes"
    quiet pdfinfo -struct-text "$2"
    cp "$T/q.out" "$T/st.txt"
    qpdf --qdf --object-streams=disable "$2" "$T/st.qdf" 2>/dev/null
    python3 - "$1" "$T/st.txt" "$T/st.qdf" <<'PY' || fail "$(basename "$1"): strukturen stämmer inte (se ovan)"
import re, sys, xml.etree.ElementTree as ET
NS = "{urn:vastbus:layout:1}"
layout, st, qdf = sys.argv[1], open(sys.argv[2], encoding="utf-8").read(), open(sys.argv[3], "rb").read()
bad = []
def squash(s):
    return re.sub(r"[\s\u00ad]+", "", s)
def pattern(el):
    # the element's words, whitespace left out; a page reference is a number
    parts = [re.escape(squash(el.text or ""))]
    for ch in el:
        if ch.tag == NS + "page-ref":
            parts.append(r"[0-9ivxlcdm]+")
        else:
            parts.append(pattern(ch))
        parts.append(re.escape(squash(ch.tail or "")))
    return "".join(parts)
root = ET.parse(layout).getroot()
body = root.find(NS + "body")
kinds = ("title", "heading", "p", "item", "cell", "toc-entry")
lines = [m.group(1) for m in re.finditer(r'^\s*"(.*)"\s*$', st, re.M)]
text = squash("".join(lines))
pos, n = 0, 0
for el in body.iter():
    if el.tag[len(NS):] not in kinds:
        continue
    pat = pattern(el)
    if not pat:
        continue
    m = re.compile(pat).search(text, pos)
    if not m:
        bad.append("saknas eller i fel ordning: %r" % "".join(el.itertext())[:60])
        continue
    pos = m.end()
    n += 1
if n < 5:
    bad.append("för få element hittades (%d)" % n)
# running content: a slot's text that the body does not have is absent
bodytext = squash("".join(body.itertext()))
for slot in list(root.iter(NS + "header")) + list(root.iter(NS + "footer")):
    for part in slot:
        t = squash(part.text or "")
        if len(t) > 3 and t not in bodytext and t in text:
            bad.append("sidhuvud/sidfot i strukturen: %r" % t)
# table headers: one TH with /Scope per head cell
heads = sum(len(r.findall(NS + "cell")) for th in body.iter(NS + "thead") for r in th)
ths = len(re.findall(r"^\s*TH:?\s*$", st, re.M))
scopes = len(re.findall(r"/Scope /(Column|Row)", st))
if ths != heads or scopes != heads:
    bad.append("TH: %d, /Scope: %d, rubrikceller i layouten: %d" % (ths, scopes, heads))
# charts: a Figure each, its /Alt with every bar's label and value
alts = []
for m in re.finditer(rb"/Alt <([0-9a-fA-F]+)>", qdf):
    alts.append(bytes.fromhex(m.group(1).decode()).decode("utf-16"))
charts = list(body.iter(NS + "chart"))
if len(re.findall(r"^\s*Figure:?\s*$", st, re.M)) != len(charts) or len(alts) != len(charts):
    bad.append("%d diagram, %d Figure, %d /Alt" % (len(charts), st.count("Figure"), len(alts)))
def sv(v):
    # the Swedish form of a number: space between thousands, decimal comma
    f = float(v)
    s = ("%.1f" % f).rstrip("0").rstrip(".").replace(".", ",")
    i, _, d = s.partition(",")
    i = re.sub(r"(?<=\d)(?=(\d{3})+$)", "\u00a0", i)
    return i + ("," + d if d else "")
for ch, alt in zip(charts, alts):
    # one full stop at a sentence's end, also after a unit like "st."
    if ".." in alt:
        bad.append("/Alt har två punkter i rad: %r" % alt[-60:])
    for bar in ch.iter(NS + "bar"):
        for want in [bar.get("label"), sv(bar.get("value"))] + ([sv(bar.get("previous"))] if bar.get("previous") else []):
            if want not in alt:
                bad.append("/Alt saknar %r: %r" % (want, alt[:80]))
for b in bad:
    print("FEL:", b, file=sys.stderr)
sys.exit(1 if bad else 0)
PY
}

for X in rapport-ale arsbok; do
    sats "$ROOT/tests/layout/$X.xml" "$T/$X.pdf" || continue
    struct_ok "$ROOT/tests/layout/$X.xml" "$T/$X.pdf"
    qpdf --check "$T/$X.pdf" >/dev/null 2>&1 || fail "$X: qpdf --check"
done

# XMP: PDF/UA-1 and PDF/A-2a identification
qpdf --qdf --object-streams=disable "$T/rapport-ale.pdf" "$T/x.pdf" 2>/dev/null
grep -a -q "<pdfuaid:part>1</pdfuaid:part>" "$T/x.pdf" || fail "XMP saknar pdfuaid:part 1"
grep -a -q "<pdfaid:part>2</pdfaid:part>" "$T/x.pdf" || fail "XMP saknar pdfaid:part 2"
grep -a -q "<pdfaid:conformance>A</pdfaid:conformance>" "$T/x.pdf" || fail "XMP saknar pdfaid:conformance A"
grep -a -q "/DisplayDocTitle true" "$T/x.pdf" || fail "DisplayDocTitle saknas"

# empty cells: each is a TD of its own (no content), a row of empty cells
# is a TR, a cell spanning columns has /ColSpan: every TR has as many cells
# as the layout's row has columns
L=$ROOT/tests/layout/tomma-celler.xml
if sats "$L" "$T/tomma.pdf"; then
    quiet pdfinfo -struct-text "$T/tomma.pdf"
    python3 - "$L" "$T/q.out" <<'PY' || fail "tomma-celler: cellerna i strukturen stämmer inte med layouten"
import re, sys, xml.etree.ElementTree as ET
NS = "{urn:vastbus:layout:1}"
want = []
for row in ET.parse(sys.argv[1]).getroot().iter(NS + "row"):
    want.append([int(c.get("colspan", "1")) for c in row.findall(NS + "cell")])
got, span = [], None
for line in open(sys.argv[2], encoding="utf-8"):
    s = line.strip()
    if re.match(r"^TR:?$", s):
        got.append([])
    elif re.match(r"^T[HD]:?$", s):
        got[-1].append(1)
    elif s.startswith("/ColSpan"):
        got[-1][-1] = int(s.split()[1])
if got != want:
    print("FEL: cellerna per rad i strukturen: %s, i layouten: %s" % (got, want), file=sys.stderr)
    sys.exit(1)
PY
    python3 "$ROOT/tests/tools/pdfua_check.py" "$T/tomma.pdf" >"$T/tc.out" 2>&1 ||
        fail "tomma-celler: $(head -3 "$T/tc.out")"
fi

# another language: a p and a cell with lang="…" get /Lang on their
# element; the catalog keeps the document's; a tag that is no language
# tag is refused with the line
cat >"$T/sprak.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:vastbus:layout:1" title="Språk" author="Test" subject="Test" keywords="Test" lang="sv-SE">
  <body>
    <heading level="1">Sammanfattning</heading>
    <p>Svensk text.</p>
    <p lang="en">English text.</p>
    <table><thead><row><cell>Språk</cell><cell>Text</cell></row></thead>
      <tbody><row><cell>finska</cell><cell lang="fi">Hyvää päivää</cell></row></tbody></table>
  </body>
</document>
XML
if sats "$T/sprak.xml" "$T/sprak.pdf"; then
    qpdf --qdf --object-streams=disable "$T/sprak.pdf" "$T/sprak.qdf" 2>/dev/null
    for l in en fi sv-SE; do
        hex=$(printf '%s' "$l" | od -An -tx1 | tr -d ' \n' | tr a-f A-F)
        grep -a -q -e "/Lang ($l)" -e "/Lang <$hex>" "$T/sprak.qdf" || fail "språk: /Lang $l saknas"
    done
    [ "$(grep -a -c '/Lang' "$T/sprak.qdf")" -eq 3 ] || fail "språk: $(grep -a -c '/Lang' "$T/sprak.qdf") /Lang, väntade 3"
fi
sed 's/lang="en"/lang="e"/' "$T/sprak.xml" >"$T/sprak-fel.xml"
if "$VB" sats "$T/sprak-fel.xml" -o "$T/sprak-fel.pdf" 2>"$T/sprak.err"; then
    fail "språk: lang=\"e\" godtogs"
else
    grep -q 'sprak-fel.xml:6: fel: .*lang' "$T/sprak.err" || fail "språk: fel meddelande: $(cat "$T/sprak.err")"
fi

finish
