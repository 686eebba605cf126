#!/bin/sh
# No word outside the margins (25 mm left and right) on any page of any
# test layout, a 2000-character word included; text stays inside the page.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
for x in "$ROOT"/tests/layout/*.xml; do
    b=$(basename "$x" .xml)
    sats "$x" "$T/$b.pdf" || continue
    pdftotext -bbox "$T/$b.pdf" "$T/$b.html" 2>/dev/null
    out=$(awk -v name="$b" '
        /<page / { match($0, /width="[0-9.]+"/); w = substr($0, RSTART+7, RLENGTH-8) + 0
                   match($0, /height="[0-9.]+"/); h = substr($0, RSTART+8, RLENGTH-9) + 0 }
        /<word / {
            match($0, /xMin="[0-9.]+"/); x0 = substr($0, RSTART+6, RLENGTH-7) + 0
            match($0, /xMax="[0-9.]+"/); x1 = substr($0, RSTART+6, RLENGTH-7) + 0
            match($0, /yMin="[0-9.]+"/); y0 = substr($0, RSTART+6, RLENGTH-7) + 0
            match($0, /yMax="[0-9.]+"/); y1 = substr($0, RSTART+6, RLENGTH-7) + 0
            ml = 25 * 72 / 25.4
            if (x0 < ml - 0.05 || x1 > w - ml + 0.05 || y0 < 0 || y1 > h)
                print name ": ord utanför marginalen: " $0
        }' "$T/$b.html" | head -5)
    [ -z "$out" ] || fail "$out"
done
# the long word is all there, broken over lines
w=$(printf 'abcdefghij%.0s' $(seq 200))
pdftotext "$T/langt-ord.pdf" - | tr -d '\n ' | grep -q -F "Före${w}efter." ||
    fail "det långa ordet (2000 tecken) är inte helt och i ordning"
finish
