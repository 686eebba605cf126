#!/bin/sh
# `vastbus validera` on samples/ogiltiga/: one report per typical mistake,
# each next to X.forvantat with the exact findings (file, line, level,
# Swedish text; the closing count line left out, hence -q). A file whose
# expected findings hold a "fel" must exit 1; one with only warnings is
# valid and exits 0. Then the folder as one batch: exit 1, and every file
# counted. Run from the top of the tree; VASTBUS names the program.
set -u
VB=${VASTBUS:-./vastbus}
dir=samples/ogiltiga
[ -d "$dir" ] || { echo "validera_ogiltiga.sh: kör från förrådets rot" >&2; exit 2; }
fail=0
n=0
no() { echo "FAIL: $*"; fail=$((fail + 1)); }

for x in "$dir"/*.xml; do
    exp=${x%.xml}.forvantat
    [ -f "$exp" ] || { no "$x: $exp saknas"; continue; }
    n=$((n + 1))
    out=$("$VB" validera -q "$x")
    rc=$?
    if grep -q "^$x:[0-9]*:* *fel: " "$exp"; then want=1; else want=0; fi
    [ "$rc" -eq "$want" ] || no "$x: exit $rc, expected $want"
    if [ "$out" != "$(cat "$exp")" ]; then
        no "$x: output differs"
        printf '%s\n' "$out" | diff -u "$exp" - | sed 's/^/    /'
    fi
done
[ "$n" -gt 0 ] || no "no samples in $dir"

# Every sample is one of the expected files, and the batch is invalid.
out=$("$VB" validera "$dir")
rc=$?
[ "$rc" -eq 1 ] || no "batch: exit $rc, expected 1"
printf '%s\n' "$out" | tail -n 1 | grep -q "^$n filer kontrollerade" ||
    no "batch: closing line: $(printf '%s\n' "$out" | tail -n 1)"
# The personnummer never appears in full in any message.
printf '%s\n' "$out" | grep -E '[0-9]{6}[-+]?[0-9]{4}' && no "batch: a full identity number was printed"

[ "$fail" -eq 0 ] || { echo "$fail failure(s)"; exit 1; }
echo "validera_ogiltiga: ok ($n filer)"
