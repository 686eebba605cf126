#!/bin/sh
# The yearbook-like tree: table of contents with true page numbers, each
# entry a link, page-refs resolved, bookmarks two levels, charts drawn.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
P=$T/bok.pdf
sats "$ROOT/tests/layout/arsbok.xml" "$P" || finish
pdf_ok "$P"
N=$(pages "$P")
for c in "Ale" "Göteborg Angered" "Öckerö" "Kungälv"; do
    # the page number the TOC gives ...
    toc=$(page_text "$P" 1 | grep "Lokala Västbusgruppen $c" | head -1 | awk '{ print $NF }')
    # ... is where the chapter heading is
    real=""
    for i in $(seq 1 "$N"); do
        if page_text "$P" "$i" | grep -q "^ *Lokala Västbusgruppen $c *$"; then
            real=$i
            break
        fi
    done
    [ -n "$toc" ] && [ "$toc" = "$real" ] ||
        fail "innehållsförteckningen säger sidan \"$toc\" för $c, kapitlet står på sidan \"$real\""
    # the chapter's own page-ref to itself
    page_text "$P" "$real" | tr '\n' ' ' | grep -q "(sidan $real)" ||
        fail "sidhänvisningen i kapitlet $c är fel"
done
qpdf --qdf --object-streams=disable "$P" "$T/q.pdf"
links=$(grep -a -c "/Subtype /Link" "$T/q.pdf")
[ "$links" -ge 8 ] || fail "för få länkar ($links)"
grep -a -q "/Dest" "$T/q.pdf" || fail "länkarna saknar mål"
# bookmarks: 5 top-level entries (summary + 4 chapters), each chapter one child
top=$(grep -a -B8 "/Type /Outlines" "$T/q.pdf" | grep -a "/Count" | tail -1 | awk '{ print $2 }')
[ -n "$top" ] && [ "$top" -ge 5 ] || fail "bokmärkena är för få (Count=$top)"
pdftotext "$P" - | grep -q "1 250 st\|1 250" || fail "diagrammets tal saknas (1 250)"
finish
