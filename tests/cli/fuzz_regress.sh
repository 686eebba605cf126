#!/bin/sh
# fuzz_regress.sh - every input the fuzzers ever found a problem with
# (tests/regress/fuzz/), and the hand-made strange seeds
# (tests/fuzz/corpus/), go through the program again: no crash, no hang,
# no sanitizer report. Only the absence of trouble is checked here, not
# the messages (those are tested in tests/validera/).
#
#   report inputs: validera, html and (once it works) pdf
#   manifest inputs: validera and arsbok
#   layout inputs: `vastbus sats` once that subcommand exists
#
# Allowed exit statuses: 0, 1 (invalid input) and 2 (usage); 3 (system
# error), a signal, a timeout or any AddressSanitizer, LeakSanitizer or
# UndefinedBehaviorSanitizer output fails the test. Run from the top of the
# tree with VASTBUS set (the Makefile does both).
set -u
VASTBUS=${VASTBUS:-./vastbus}
LIMIT=${FUZZ_REGRESS_TIMEOUT:-60}
tmp=$(mktemp -d "${TMPDIR:-/tmp}/vastbus-fuzzregress.XXXXXX")
trap 'rm -rf "$tmp"' EXIT
pass=0 fail=0

# check LABEL COMMAND…: runs one command and judges it.
check() {
    label=$1
    shift
    timeout "$LIMIT" "$@" >"$tmp/out" 2>&1
    rc=$?
    why=""
    case $rc in
    0|1|2) ;;
    124) why="took more than $LIMIT s" ;;
    *) why="exit status $rc" ;;
    esac
    if grep -qE 'ERROR: (Address|Leak|Memory|Thread)Sanitizer|runtime error:|SUMMARY: [A-Za-z]+Sanitizer' "$tmp/out"; then
        why="${why:+$why, }sanitizer report"
    fi
    if [ -n "$why" ]; then
        fail=$((fail + 1))
        echo "FAIL: $label: $why"
        sed -n '1,30p' "$tmp/out"
    else
        pass=$((pass + 1))
    fi
}

# A subcommand counts as working when it turns a valid sample into a
# file; until then (pdf says it is not built yet) it is left out.
works() {
    probe=$(ls samples/gr-2019/*.xml 2>/dev/null | grep -v arsbok | head -1)
    [ -n "$probe" ] && "$VASTBUS" "$1" -o "$tmp/probe$2" "$probe" >/dev/null 2>&1 &&
        [ -s "$tmp/probe$2" ]
}
cmds="validera"
works html .html && cmds="$cmds html"
works pdf .pdf && cmds="$cmds pdf"
have_sats=0
"$VASTBUS" sats --hjalp >/dev/null 2>&1 && have_sats=1

n=0
for f in tests/regress/fuzz/report/* tests/fuzz/corpus/report/*; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    for c in $cmds; do
        case $c in
        validera) check "validera $f" "$VASTBUS" validera "$f" ;;
        html) check "html $f" "$VASTBUS" html -o "$tmp/x.html" "$f" ;;
        pdf) check "pdf $f" "$VASTBUS" pdf -o "$tmp/x.pdf" "$f" ;;
        esac
    done
done
for f in tests/regress/fuzz/manifest/* tests/fuzz/corpus/manifest/*; do
    [ -f "$f" ] || continue
    n=$((n + 1))
    check "validera $f" "$VASTBUS" validera "$f"
    check "arsbok $f" "$VASTBUS" arsbok "$f" -o "$tmp/x.pdf"
done
for f in tests/regress/fuzz/layout/* tests/fuzz/corpus/layout/*; do
    [ -f "$f" ] || continue
    [ $have_sats -eq 1 ] || break
    n=$((n + 1))
    check "sats $f" "$VASTBUS" sats -o "$tmp/x.pdf" "$f"
done

echo "fuzz_regress: $n inputs through: $cmds$([ $have_sats -eq 1 ] && echo ' sats')"
echo "$pass passed, $fail failed"
[ "$fail" -eq 0 ]
