#!/bin/sh
# run_cases.sh (sourced, with GEN and NAME set): runs the cases a tests/hostile/gen_*.py
# writes (X.xml beside X.want: exit code, then the exact output of
# `vastbus validera -q X.xml`). Each case: the exit code, the exact
# Swedish findings, no English word from libxml2 on stdout or stderr,
# no full personnummer printed, the input unchanged (checksum), no file
# left beside it. Sourced by tests/cli/hostile_*.sh; VB names the program.
set -u
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail=0
n=0
no() { echo "FAIL: $*"; fail=$((fail + 1)); }
# Words libxml2's messages are made of; none is Swedish.
ENGLISH='(error|warning|expected|failed|parser|encoder|input|element is|value|available|nillable|Name too long|NCName|File exists|No such)'

python3 "$GEN" "$t/c" || { echo "FAIL: $GEN"; exit 1; }
for want in "$t"/c/*.want; do
    x=${want%.want}.xml
    n=$((n + 1))
    sum=$(sha256sum < "$x")
    before=$(ls -A "$t/c" | wc -l)
    "$VB" validera -q "$x" > "$t/out" 2> "$t/err"
    rc=$?
    [ "$rc" = "$(head -n 1 "$want")" ] || no "$x: exit $rc, expected $(head -n 1 "$want")"
    if ! tail -n +2 "$want" | cmp -s - "$t/out"; then
        no "$x: output differs"
        tail -n +2 "$want" | diff - "$t/out" | head -n 6 | cut -c1-300 | sed 's/^/    /'
    fi
    [ -s "$t/err" ] && no "$x: stderr: $(head -c 300 "$t/err")"
    grep -Eiw "$ENGLISH" "$t/out" "$t/err" | head -n 2 | sed "s|^|FAIL: $x: English: |"
    grep -Eiwq "$ENGLISH" "$t/out" "$t/err" && fail=$((fail + 1))
    grep -Eq '[0-9]{6}.?[0-9]{4}' "$t/out" && no "$x: a full number was printed"
    [ "$(sha256sum < "$x")" = "$sum" ] || no "$x: input changed"
    [ "$(ls -A "$t/c" | wc -l)" = "$before" ] || no "$x: a file was left beside it"
done
[ "$n" -ge "${MIN_CASES:-1}" ] || no "only $n cases"
[ "$fail" -eq 0 ] || { echo "$fail failure(s)"; exit 1; }
echo "$NAME: ok ($n fall)"
