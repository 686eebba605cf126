#!/bin/sh
# Page labels (/PageLabels) for the yearbook, page numbers that follow
# them, running text shortened with "…" instead of overflowing, and
# characters from the fallback face (DejaVu Sans) or, when no face has
# them, a visible U+FFFD.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
P=$T/lab.pdf
sats "$ROOT/tests/layout/sidnumrering.xml" "$P" || finish
pdf_ok "$P"
qpdf --json --json-key=pagelabels "$P" | tr -d ' \n' > "$T/lab.json"
for want in '{"index":0,"label":{"/P":"u:Omslag"' '{"index":1,"label":{"/S":"/r"' \
            '{"index":3,"label":{"/S":"/D"' '{"index":5,"label":{"/P":"u:B-","/S":"/D","/St":10}'; do
    grep -q -F "$want" "$T/lab.json" || fail "sidetiketten $want saknas: $(cat "$T/lab.json")"
done
for i in 2 3 4 5 6; do
    case $i in 2) l=i ;; 3) l=ii ;; 4) l=1 ;; 5) l=2 ;; 6) l=B-10 ;; esac
    page_text "$P" "$i" | grep -q "Sida $l av 6\$" || fail "sidan $i saknar \"Sida $l av 6\""
done
# -layout: the entry and its number on one line (the leader between them
# is drawn, not text, so reading order puts the numbers in a column after)
pdftotext -layout -f 2 -l 2 "$P" - | grep -q "^Kapitel 2  *B-10\$" || fail "innehållsförteckningen visar inte B-10"
pdftotext -f 2 -l 2 "$P" - | grep -q "Förordet står på sidan ii\." || fail "page-ref visar inte ii"
# the too long header: shortened with "…", on one line, clear of "2019"
pdftotext -bbox -f 1 -l 1 "$P" - | awk '
    /<word / && /yMax="[0-4][0-9]\./ {
        match($0, /xMin="[0-9.]+"/); x0 = substr($0, RSTART+6, RLENGTH-7) + 0
        match($0, /xMax="[0-9.]+"/); x1 = substr($0, RSTART+6, RLENGTH-7) + 0
        t = $0; sub(/.*">/, "", t); sub(/<\/word>.*/, "", t)
        if (t == "2019") yx = x0; else if (x1 > lx) { lx = x1; last = t }
    }
    END { if (last !~ /…$/) print "sidhuvudet slutar inte med …: " last
          if (!(lx < yx)) print "sidhuvudet går in i årtalet" }' > "$T/hdr"
[ -s "$T/hdr" ] && fail "$(cat "$T/hdr")"

# fallback face and replacement
P=$T/tecken.pdf
sats "$ROOT/tests/layout/tecken.xml" "$P" || finish
pdf_ok "$P"
pdffonts "$P" | grep -q "DejaVuSans " || fail "reservtypsnittet DejaVu Sans är inte inbäddat"
pdftotext "$P" - | tr '\n' ' ' > "$T/tecken.txt"
for w in "Łódź" "Aydın" "Αθήνα" "⚠" "ქართული" "Emoji: �." "Kinesiska: ��."; do
    grep -q -F "$w" "$T/tecken.txt" || fail "\"$w\" saknas eller är förvanskat i PDF:en"
done
grep -q '?' "$T/tecken.txt" && fail "ett tecken blev \"?\""
pdftotext "$P" - | grep -q "…" || fail "sidfoten är inte avkortad med …"
finish
