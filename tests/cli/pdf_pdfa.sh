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
grep -a -q "/CIDSet" "$Q" || fail "CIDSet saknas"
grep -a -q "^  /ID \[" "$Q" || grep -a -q "/ID \[" "$Q" || fail "/ID saknas i trailern"
# ToUnicode: bfchar only, no code->CID CMap
grep -a -q "begincidrange" "$Q" && fail "ToUnicode använder begincidrange"
grep -a -q "beginbfchar" "$Q" || fail "ToUnicode saknar bfchar"
grep -a -q "/Ordering (Identity)" "$Q" || fail "CIDSystemInfo /Ordering är inte Identity"

# CIDSet (PDF/A-1: it lists exactly the CIDs the embedded subset has): for
# every CIDFont, CID c has its bit set exactly when CIDToGIDMap maps c to a
# glyph (CID 0, .notdef, always). Checked on a report and on a document
# with characters from the fallback face.
cidset_ok() {
    qpdf --qdf --object-streams=disable "$1" "$T/cs.pdf" 2>/dev/null
    grep -a -E "^  /(CIDToGIDMap|FontDescriptor) [0-9]+ 0 R" "$T/cs.pdf" |
        awk '{ print $2 }' | paste - - > "$T/cs.pairs"
    [ -s "$T/cs.pairs" ] || { fail "$2: inga CID-typsnitt hittades"; return; }
    while read -r map desc; do
        cs=$(qpdf --show-object="$desc" "$T/cs.pdf" 2>/dev/null | grep -o '/CIDSet [0-9]*' | awk '{ print $2 }')
        [ -n "$cs" ] || { fail "$2: typsnittsbeskrivning $desc saknar CIDSet"; continue; }
        qpdf --show-object="$map" --filtered-stream-data "$T/cs.pdf" | od -An -v -tu1 > "$T/cs.map"
        qpdf --show-object="$cs" --filtered-stream-data "$T/cs.pdf" | od -An -v -tu1 > "$T/cs.set"
        bad=$(awk 'NR == FNR { for (i = 1; i <= NF; i++) m[n++] = $i; next }
                   { for (i = 1; i <= NF; i++) s[k++] = $i }
                   END {
                       cids = n / 2
                       if (k * 8 > cids) cids = k * 8
                       for (c = 0; c < cids; c++) {
                           g = (2 * c + 1 < n) ? m[2 * c] * 256 + m[2 * c + 1] : 0
                           byte = int(c / 8) < k ? s[int(c / 8)] : 0
                           bit = int(byte / 2 ^ (7 - c % 8)) % 2
                           has = (c == 0 || g != 0)
                           if (bit != has) { printf "CID %d: CIDSet %d, glyf %d; ", c, bit, g; if (++e > 3) exit }
                       }
                   }' "$T/cs.map" "$T/cs.set")
        [ -z "$bad" ] || fail "$2: CIDSet stämmer inte med typsnittet: $bad"
    done < "$T/cs.pairs"
}
cidset_ok "$T/a.pdf" rapport-ale
sats "$ROOT/tests/layout/tecken.xml" "$T/tecken.pdf" && cidset_ok "$T/tecken.pdf" tecken
finish
