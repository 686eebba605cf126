#!/bin/sh
# PDF/A-2a and PDF/UA-1 identification and the PDF/A pieces (no validator in Debian: check them one by one), the
# ToUnicode repair, and reproducibility with SOURCE_DATE_EPOCH, also under
# a Swedish locale (decimal comma).
. "$(dirname "$0")/../tools/pdf_testlib.sh"
X=$ROOT/tests/layout/rapport-ale.xml
SOURCE_DATE_EPOCH=1582200000 LC_ALL=C.UTF-8 "$VB" sats "$X" -o "$T/a.pdf" || fail "sättningen misslyckades"
SOURCE_DATE_EPOCH=1582200000 LC_ALL=C.UTF-8 "$VB" sats "$X" -o "$T/b.pdf" || fail "sättningen misslyckades"
cmp -s "$T/a.pdf" "$T/b.pdf" || fail "samma indata gav olika PDF-filer"
if locale -a 2>/dev/null | grep -q -i '^sv_SE.utf-\?8$'; then
    SOURCE_DATE_EPOCH=1582200000 LC_ALL=sv_SE.UTF-8 "$VB" sats "$X" -o "$T/c.pdf" ||
        fail "sättningen misslyckades under sv_SE.UTF-8"
    cmp -s "$T/a.pdf" "$T/c.pdf" || fail "LC_ALL=sv_SE.UTF-8 ger en annan PDF"
fi
pdf_ok "$T/a.pdf"
pdfinfo "$T/a.pdf" | grep -q "CreationDate: *Thu Feb 20 12:00:00 2020 UTC" ||
    fail "CreationDate följer inte SOURCE_DATE_EPOCH"
qpdf --qdf --object-streams=disable "$T/a.pdf" "$T/q.pdf"
Q=$T/q.pdf
head -c 9 "$T/a.pdf" | grep -q "%PDF-1.7" || fail "inte PDF 1.7"
grep -a -q "/Type /Metadata" "$Q" || fail "XMP-metadata saknas"
grep -a -q "<pdfaid:part>2</pdfaid:part>" "$Q" || fail "pdfaid:part 2 saknas"
grep -a -q "<pdfaid:conformance>A</pdfaid:conformance>" "$Q" || fail "pdfaid:conformance A saknas"
grep -a -q "<pdfuaid:part>1</pdfuaid:part>" "$Q" || fail "pdfuaid:part 1 saknas"
grep -a -q "<pdfaSchema:prefix>pdfuaid</pdfaSchema:prefix>" "$Q" ||
    fail "XMP beskriver inte pdfuaid-schemat (PDF/A-tillägg)"
grep -a -q "Årsberättelse 2019 – Lokala Västbusgruppen i Ale</rdf:li>" "$Q" ||
    fail "XMP-titeln stämmer inte med Info"
grep -a -q "<xmp:CreateDate>2020-02-20T12:00:00+00:00</xmp:CreateDate>" "$Q" ||
    fail "XMP-datum stämmer inte med Info"
grep -a -q "/S /GTS_PDFA1" "$Q" || fail "OutputIntent saknas"
grep -a -q "/DestOutputProfile" "$Q" || fail "ICC-profil saknas"
grep -a -q "^  /ID \[" "$Q" || grep -a -q "/ID \[" "$Q" || fail "/ID saknas i trailern"
# ToUnicode: code -> Unicode (bfchar, bfrange), no code->CID mapping (the
# one-byte encoding CMap, src/pdf/pdf_codes.c, is the one with cidrange)
sed -n '/Adobe-Identity-UCS/,/endcmap/p' "$Q" > "$T/tu.txt"
[ -s "$T/tu.txt" ] || fail "ToUnicode-CMap saknas"
grep -a -q "begincidrange" "$T/tu.txt" && fail "ToUnicode använder begincidrange"
grep -a -q "beginbfchar" "$Q" || fail "ToUnicode saknar bfchar"
grep -a -q "/Ordering (Identity)" "$Q" || fail "CIDSystemInfo /Ordering är inte Identity"

# No CIDSet: PDF/A-2 (6.2.11.4.2) only asks that one, if present, list
# exactly the subset's CIDs; vastbus writes none, in a report and in a
# document with characters from the fallback face.
no_cidset() {
    qpdf --qdf --object-streams=disable "$1" "$T/cs.pdf" 2>/dev/null
    grep -a -q "/FontDescriptor" "$T/cs.pdf" || fail "$2: inga typsnittsbeskrivningar hittades"
    grep -a -q "/CIDSet" "$T/cs.pdf" && fail "$2: CIDSet skrivs (PDF/A-2 behöver ingen)"
}
no_cidset "$T/a.pdf" rapport-ale
sats "$ROOT/tests/layout/tecken.xml" "$T/tecken.pdf" && no_cidset "$T/tecken.pdf" tecken
finish
