#!/bin/sh
# cli-run.sh - runs the end-to-end scripts (tests/cli/*.sh) for make; one
# script per call so that `make -j2` runs them side by side.
#
#   cli-run.sh run SCRIPT PROGRAM DIR
#       runs SCRIPT from the top of the tree with VASTBUS=PROGRAM (absolute),
#       LC_ALL=C.UTF-8 and Debian's /usr/bin and /bin first on the PATH;
#       its output goes to DIR/NAME.log, its exit status
#       to DIR/NAME.rc; prints one line. Always exits 0 (the summary judges).
#   cli-run.sh summary DIR SCRIPT…
#       the real program: fails naming every script whose status is not 0,
#       with the end of its output.
#   cli-run.sh stub-summary DIR SCRIPT…
#       the broken stub: fails naming every script that passed.
#   cli-run.sh exempt SCRIPT
#       true when SCRIPT's first comment line starts with "# data-only:"
#       (it checks only the data files with xmllint/xsltproc, or only a
#       test tool on files it writes).
set -u

name() { basename "$1" .sh; }

exempt() {
    sed -n '/^#!/d; /^#/{p;q;}' "$1" | grep -q '^# data-only:'
}

case ${1:-} in
run)
    t=$2 prog=$3 dir=$4 n=$(name "$2")
    mkdir -p "$dir"
    rm -f "$dir/$n.rc"
    start=$(date +%s)
    # The tools the scripts call are those of scripts/debian-packages.txt,
    # in /usr/bin and /bin. A shim found first elsewhere (pyenv's python3
    # on the machine where make check is timed: ~0.7 s of CPU per call
    # against 0.07 s, 12 calls in pdfua_kontroll.sh alone) would run
    # another program, and slowly.
    PATH=/usr/bin:/bin:$PATH VASTBUS=$prog LC_ALL=C.UTF-8 sh "$t" >"$dir/$n.log" 2>&1
    rc=$?
    echo "$rc" >"$dir/$n.rc"
    secs=$(($(date +%s) - start))
    if [ "$rc" -eq 0 ]; then s=ok; else s="status $rc"; fi
    echo "== $t: $s ($secs s)"
    ;;
summary)
    dir=$2; shift 2
    bad=""
    for t; do
        n=$(name "$t")
        [ "$(cat "$dir/$n.rc" 2>/dev/null)" = 0 ] && continue
        bad="$bad $t"
        echo "---- $t (status $(cat "$dir/$n.rc" 2>/dev/null || echo '?'); all of it: $dir/$n.log)"
        tail -n 30 "$dir/$n.log" 2>/dev/null
    done
    if [ -n "$bad" ]; then
        echo "Testskript som misslyckades:$bad"
        exit 1
    fi
    echo "Alla $# testskript gick igenom."
    ;;
stub-summary)
    dir=$2; shift 2
    bad="" n_run=0
    for t; do
        n_run=$((n_run + 1))
        [ "$(cat "$dir/$(name "$t").rc" 2>/dev/null)" = 0 ] && bad="$bad $t"
    done
    if [ -n "$bad" ]; then
        echo "Dessa testskript går igenom fast programmet är trasigt (de testar inte vastbus):$bad"
        exit 1
    fi
    echo "Alla $n_run testskript som testar programmet misslyckas mot den trasiga attrappen, som de ska."
    ;;
exempt)
    exempt "$2"
    ;;
*)
    echo "användning: cli-run.sh run|summary|stub-summary|exempt …" >&2
    exit 2
    ;;
esac
