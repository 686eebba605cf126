#!/bin/sh
# One report as PDF: structure, fonts, text order, å ä ö, "Sida N av M",
# metadata, no warnings from poppler, qpdf --check clean.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
L=$ROOT/tests/layout
P=$T/ale.pdf
sats "$L/rapport-ale.xml" "$P" || finish
pdf_ok "$P"
pdftotext "$P" "$T/ale.txt"
# the four sections in order, then 5
prev=0
for h in "1. Gruppens sammansättning" "2. Antal möten" "3. Utbildningsinsatser" \
         "4. Avvikelser" "5. Reflektion"; do
    n=$(grep -n -F -x "$h" "$T/ale.txt" | head -1 | cut -d: -f1)
    if [ -z "$n" ]; then
        fail "rubriken \"$h\" saknas"
    elif [ "$n" -le "$prev" ]; then
        fail "rubriken \"$h\" står i fel ordning"
    else
        prev=$n
    fi
done
for w in "Åsa Lindström" "Göran Öberg" "Överenskommelsen" "Göteborgsregionen" \
         "Västbus – Årsberättelse för lokal Västbusgrupp"; do
    grep -q -F "$w" "$T/ale.txt" || fail "texten \"$w\" saknas eller är förvanskad"
done
N=$(pages "$P")
for i in $(seq 1 "$N"); do
    page_text "$P" "$i" | grep -q "Sida $i av $N" || fail "sidan $i saknar \"Sida $i av $N\""
done
info=$(pdfinfo "$P")
echo "$info" | grep -q "^Title: *Årsberättelse 2019 – Lokala Västbusgruppen i Ale$" ||
    fail "fel titel i metadata"
echo "$info" | grep -q "^Author: *Lokala Västbusgruppen i Ale$" || fail "fel författare"
echo "$info" | grep -q "^Subject: *Västbus årsberättelse$" || fail "fel ämne"
# bookmarks for the sections
qpdf --qdf --object-streams=disable "$P" "$T/q.pdf"
grep -a -q "/Outlines" "$T/q.pdf" || fail "bokmärken saknas"
grep -a -q "/Lang (sv-SE)" "$T/q.pdf" || fail "/Lang sv-SE saknas"
finish
