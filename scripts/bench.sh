#!/bin/sh
# Benchmark: wall time (hyperfine, several runs) and instruction counts
# (callgrind: repeatable whatever else the machine does) for the main
# jobs on the samples, plus output sizes. Writes a Markdown table to
# stdout; `make bench` stores it in doc/bench.md. Speed is measured here,
# never asserted in a test.
set -eu
VB=${VASTBUS:-./vastbus}
S=samples/gr-2019
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT

# One report of about three pages: the middle-sized sample.
ONE=$S/kungalv.xml
BIG=$S/goteborg-angered.xml

have_pdf=0
if "$VB" pdf -o "$t/probe.pdf" "$ONE" 2>/dev/null; then have_pdf=1; fi

instr() {
    valgrind --tool=callgrind --callgrind-out-file=/dev/null "$@" 2>&1 >/dev/null |
        sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' | tail -n 1
}

row() {
    name=$1; shift
    hyperfine -N --warmup 1 --runs 10 --export-json "$t/h.json" "$*" >/dev/null 2>&1 || {
        echo "| $name | (failed) | | |"; return; }
    mean=$(sed -n 's/.*"mean": *\([0-9.e-]*\).*/\1/p' "$t/h.json" | head -n 1)
    sd=$(sed -n 's/.*"stddev": *\([0-9.e-]*\).*/\1/p' "$t/h.json" | head -n 1)
    ins=$(instr "$@")
    printf '| %s | %.1f ± %.1f ms | %s | %s |\n' "$name" \
        "$(echo "$mean * 1000" | bc -l)" "$(echo "$sd * 1000" | bc -l)" \
        "$(printf '%s' "$ins" | sed ':a;s/\B[0-9]\{3\}\>/ &/;ta')" "$size"
}

echo "Measured $(date -u +%Y-%m-%d) on $(nproc) cores, $(uname -m); vastbus $("$VB" --version | cut -d' ' -f2)."
echo
echo "| job | wall time (10 runs) | instructions | output |"
echo "|---|---|---|---|"
size="—"
row "validera: 20 reports + manifest" "$VB" validera -q $S
"$VB" html -d "$t" $S 2>/dev/null || true
size="$(du -cb "$t"/*.html | tail -n 1 | cut -f1) bytes in all"
row "html: 20 reports" "$VB" html -d "$t" $S
if [ $have_pdf -eq 1 ]; then
    "$VB" pdf -o "$t/one.pdf" "$ONE"
    size="$(stat -c %s "$t/one.pdf") bytes, $(pdfinfo "$t/one.pdf" | sed -n 's/^Pages: *//p') pages"
    row "pdf: one report ($(basename "$ONE"))" "$VB" pdf -o "$t/one.pdf" "$ONE"
    "$VB" pdf -o "$t/big.pdf" "$BIG"
    size="$(stat -c %s "$t/big.pdf") bytes, $(pdfinfo "$t/big.pdf" | sed -n 's/^Pages: *//p') pages"
    row "pdf: largest report ($(basename "$BIG"))" "$VB" pdf -o "$t/big.pdf" "$BIG"
    "$VB" pdf -d "$t" $S 2>/dev/null || true
    size="$(du -cb "$t"/*.pdf | tail -n 1 | cut -f1) bytes in all"
    row "pdf: 20 reports" "$VB" pdf -d "$t" $S
    "$VB" arsbok $S/arsbok.xml -o "$t/ab.pdf" --html "$t/ab.html" >/dev/null 2>&1
    size="$(stat -c %s "$t/ab.pdf") bytes PDF ($(pdfinfo "$t/ab.pdf" | sed -n 's/^Pages: *//p') pages) + $(stat -c %s "$t/ab.html") bytes HTML"
    row "arsbok: GR 2019 yearbook, PDF + HTML" "$VB" arsbok $S/arsbok.xml -o "$t/ab.pdf" --html "$t/ab.html"
else
    echo "| pdf | not built yet | | |"
fi
