#!/bin/sh
# memcheck.sh - runs vastbus under valgrind over every sample (the body of
# `make memcheck`, mk/memcheck.mk). Run from the top of the tree after a
# plain (unsanitised) build.
#
# Each run: validera, html, pdf (when it works) and mall on every folder
# of samples/, tests/validera, the strange reports of tests/fuzz/corpus/report
# and the kept fuzz findings of tests/regress/fuzz; arsbok on every manifest;
# plus the fuzz harnesses' plain drivers (build-memcheck/) over the seed
# corpora and every kept finding (also the open ones, tests/regress/fuzz/
# open/, which `make check` leaves out), reaching the rule checks and the
# typesetter directly.
# A run fails on any valgrind error (invalid read/write, use of
# uninitialised memory, bad free) and on any definite or indirect leak;
# vastbus's own status may be 0 (all valid) or 1 (some file invalid), since
# half of the inputs are invalid on purpose.
#
# Environment: VASTBUS (the program, default ./vastbus), MEMCHECK_DRIVERS
# (folder of the drivers, default build-memcheck), VALGRIND_EXTRA (more
# valgrind options, e.g. --track-origins=yes or --gen-suppressions=all),
# KEEP=1 keeps the temporary folder.
set -u
VASTBUS=${VASTBUS:-./vastbus}
DRIVERS=${MEMCHECK_DRIVERS:-build-memcheck}
top=$(pwd)
export VASTBUS_DATA="$top"
export LC_ALL=C.UTF-8
export SOURCE_DATE_EPOCH=1577836800

command -v valgrind >/dev/null 2>&1 || {
    echo "memcheck: valgrind is missing (apt-get install valgrind)"; exit 3; }
[ -x "$VASTBUS" ] || { echo "memcheck: no $VASTBUS; run make first"; exit 3; }

# Our own error status, so that it cannot be mistaken for vastbus's own 1.
VGERR=99
# shellcheck disable=SC2086
VG="valgrind -q --error-exitcode=$VGERR --leak-check=full \
    --errors-for-leak-kinds=definite,indirect \
    --show-leak-kinds=definite,indirect --num-callers=40 \
    --suppressions=$top/tests/valgrind.supp ${VALGRIND_EXTRA:-}"

tmp=$(mktemp -d "${TMPDIR:-/tmp}/vastbus-memcheck.XXXXXX")
mkdir -p "$tmp/html" "$tmp/pdf" "$tmp/logs"
runs=0 failed=0 skipped=""

# run NAME ALLOWED_STATUSES COMMAND… : one program under valgrind.
run() {
    name=$1 allowed=$2
    shift 2
    runs=$((runs + 1))
    log="$tmp/logs/$name.vg"
    # shellcheck disable=SC2086
    $VG --log-file="$log" "$@" >"$tmp/logs/$name.out" 2>&1
    rc=$?
    problem=""
    if [ "$rc" -eq "$VGERR" ] || [ -s "$log" ]; then
        problem="valgrind found errors"
    else
        case " $allowed " in
        *" $rc "*) ;;
        *) problem="exit status $rc" ;;
        esac
    fi
    if [ -n "$problem" ]; then
        failed=$((failed + 1))
        echo "FAILED: $name: $problem"
        echo "     $*"
        sed -n '1,60p' "$log"
        if [ ! -s "$log" ]; then sed -n '1,20p' "$tmp/logs/$name.out"; fi
    else
        echo "ok   $name"
    fi
}

# The input sets: every folder of samples/ (gr-2019, gr-2018, ogiltiga…),
# tests/validera, the strange seeds and the kept findings. Sets that do not
# exist are left out.
set_files() {
    case $1 in
    validera) ls tests/validera/*.xml 2>/dev/null ;;
    fuzz-korpus) ls tests/fuzz/corpus/report/*.xml 2>/dev/null ;;
    fuzz-fynd) ls tests/regress/fuzz/report/* tests/regress/fuzz/open/report/* 2>/dev/null ;;
    *) ls samples/"$1"/*.xml 2>/dev/null ;;
    esac
}
SETS="$(cd samples 2>/dev/null && for d in */; do printf '%s ' "${d%/}"; done)validera fuzz-korpus fuzz-fynd"

# Does a subcommand work yet? It should turn one valid sample into a file;
# a command that says it is not built yet (or does not exist) is skipped,
# and the run says so, rather than failing memcheck for that reason.
works() {
    cmd=$1 ext=$2
    probe=$(ls samples/gr-2019/*.xml 2>/dev/null | grep -v arsbok | head -1)
    [ -n "$probe" ] || return 1
    "$VASTBUS" "$cmd" -o "$tmp/probe$ext" "$probe" >"$tmp/probe.out" 2>&1 &&
        [ -s "$tmp/probe$ext" ] && return 0
    skipped="$skipped $cmd"
    echo "skipping $cmd (not working yet): $(grep -v '^[0-9]* av ' "$tmp/probe.out" | head -1)"
    return 1
}

have_html=0 have_pdf=0
works html .html && have_html=1
works pdf .pdf && have_pdf=1

for s in $SETS; do
    files=$(set_files "$s")
    [ -n "$files" ] || continue
    # shellcheck disable=SC2086
    run "validera-$s" "0 1" "$VASTBUS" validera $files
    # shellcheck disable=SC2086
    [ $have_html -eq 1 ] && run "html-$s" "0 1" "$VASTBUS" html -d "$tmp/html" $files
    # shellcheck disable=SC2086
    [ $have_pdf -eq 1 ] && run "pdf-$s" "0 1" "$VASTBUS" pdf -d "$tmp/pdf" $files
done
# The yearbook: every manifest of samples/ (and the strange one of the
# seeds), when `vastbus arsbok` exists.
if "$VASTBUS" arsbok --hjalp >/dev/null 2>&1; then
    for m in samples/*/arsbok.xml tests/fuzz/corpus/report/arsbok*.xml; do
        [ -f "$m" ] || continue
        n=$(echo "$m" | tr '/' '-')
        run "arsbok-$n" "0 1" "$VASTBUS" arsbok "$m" -o "$tmp/pdf/$n.pdf" \
            --html "$tmp/html/$n.html"
    done
else
    skipped="$skipped arsbok"
fi
run "mall" "0" "$VASTBUS" mall --kommun Göteborg --stadsdel Angered --ar 2019 -o "$tmp/mall.xml"
run "mall-fel" "0 1 2" "$VASTBUS" mall --kommun Finns-inte --ar 2019 -o "$tmp/mall2.xml"

# The harnesses' plain drivers: the rule checks and the typesetter on the
# seeds and the kept findings, without going through the command line.
if [ -x "$DRIVERS/report_driver" ]; then
    # shellcheck disable=SC2046
    run "driver-report" "0" "$DRIVERS/report_driver" \
        $(ls tests/fuzz/corpus/report/* tests/regress/fuzz/report/* \
             tests/regress/fuzz/open/report/* 2>/dev/null)
fi
if [ -x "$DRIVERS/manifest_driver" ]; then
    # shellcheck disable=SC2046
    run "driver-manifest" "0" "$DRIVERS/manifest_driver" \
        $(ls tests/fuzz/corpus/manifest/* tests/regress/fuzz/manifest/* \
             tests/regress/fuzz/open/manifest/* 2>/dev/null)
fi
if [ -x "$DRIVERS/layout_driver" ]; then
    # shellcheck disable=SC2046
    run "driver-layout" "0" "$DRIVERS/layout_driver" \
        $(ls tests/layout/*.xml tests/fuzz/corpus/layout/* \
             tests/regress/fuzz/layout/* tests/regress/fuzz/open/layout/* 2>/dev/null)
fi

echo "memcheck: $runs runs under valgrind, $failed failed${skipped:+; skipped (not working yet):$skipped}"
if [ "$failed" -eq 0 ] && [ "${KEEP:-0}" != 1 ]; then
    rm -rf "$tmp"
else
    echo "memcheck: logs in $tmp"
fi
[ "$failed" -eq 0 ]
