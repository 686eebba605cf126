#!/bin/sh
# Many headings near page ends: no heading is the last line of a page, a
# heading is followed by at least two lines on its page, no paragraph line
# alone at the top of a page.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
P=$T/rub.pdf
sats "$ROOT/tests/layout/rubriker.xml" "$P" || finish
pdf_ok "$P"
N=$(pages "$P")
for i in $(seq 1 "$N"); do
    # body lines: drop the header (first line) and the footer (last line)
    page_text "$P" "$i" | sed '/^ *$/d' | sed '1d;$d' > "$T/body.txt"
    last=$(tail -1 "$T/body.txt")
    case "$last" in
        *"Rubrik nummer"*) fail "sidan $i slutar med en rubrik: $last" ;;
    esac
    # the heading on the page must have two lines after it
    n=$(grep -n "Rubrik nummer" "$T/body.txt" | tail -1 | cut -d: -f1)
    total=$(wc -l < "$T/body.txt")
    if [ -n "$n" ] && [ $((total - n)) -lt 2 ]; then
        # unless the section is that short (one-line paragraph at the end)
        fail "sidan $i: rubriken har färre än två rader efter sig"
    fi
    page_text "$P" "$i" | grep -q "Sida $i av $N" || fail "sidan $i saknar \"Sida $i av $N\""
done
finish
