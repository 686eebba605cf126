#!/bin/sh
# Benchmark: what users do, beside the floor (bench/floor.c: bare libharu
# writing the same text with greedy lines and no hyphenation).
#
# Works: one report of three pages, a 49-group yearbook, the same book with
# ten times the content, and a batch of 490 reports (ten years of the
# county) through `pdf`, through ten yearbooks that each compare with
# the year before, and through `statistik` along the foregaende chain. The inputs are generated from the samples by
# bench/make-inputs.sh at every run (never committed).
#
# For each: median wall time (hyperfine), instructions (callgrind: they
# repeat exactly whatever else the machine does), peak RSS (/usr/bin/time),
# pages, bytes and the characters of text set (non-blank characters of
# pdftotext's output); the floor is run on that same text in the same run,
# and the ratios are taken in the same run. Writes Markdown to stdout;
# `make bench` stores it in doc/bench.md. Speed is measured here, never
# asserted in a test.
set -eu
VB=${VASTBUS:-./vastbus}
FLOOR=${FLOOR:-build/bench/floor}
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
export LC_ALL=C.UTF-8
sh bench/make-inputs.sh "$t/in" >/dev/null

median() {   # median ms of a command (hyperfine, $RUNS runs)
    hyperfine -N --warmup 1 --runs "$RUNS" --export-json "$t/h.json" "$1" \
        >/dev/null 2>&1 || { echo "-"; return; }
    m=$(sed -n 's/.*"median": *\([0-9.e-]*\).*/\1/p' "$t/h.json" | head -n 1)
    printf '%.0f' "$(echo "$m * 1000" | bc -l)"
}
instr() {    # instructions, summed over child processes
    if [ "${NOINSTR:-0}" = 1 ]; then echo "-"; return; fi
    valgrind --tool=callgrind --trace-children=yes \
        --callgrind-out-file=/dev/null sh -c "$1" 2>&1 >/dev/null |
        sed -n 's/.*Collected : *\([0-9]*\).*/\1/p' |
        awk '{ s += $1 } END { printf "%.0f", s }'
}
rss() {      # peak RSS in MB of the largest process
    /usr/bin/time -v sh -c "$1" 2>&1 >/dev/null |
        sed -n 's/.*Maximum resident set size (kbytes): *//p' |
        awk '{ if ($1 > m) m = $1 } END { printf "%.1f", m / 1024 }'
}
chars() { tr -d ' \t\n\f\r' < "$1" | wc -m | tr -d ' '; }
pages() { n=0; for f in "$@"; do
        n=$((n + $(pdfinfo "$f" | sed -n 's/^Pages: *//p'))); done; echo $n; }
bytes() { cat "$@" | wc -c | tr -d ' '; }
ratio() { if [ "$1" = - ] || [ "$2" = - ]; then echo "-"; else
        printf '%.2f' "$(echo "$1 / $2" | bc -l)"; fi; }
g() { printf '%s' "$1" | sed ':a;s/\B[0-9]\{3\}\>/ &/;ta'; }   # 1 234 567

# work NAME RUNS VASTBUS-COMMAND 'PDF...' : one row of the results (the
# PDFs as a pattern, expanded once the command has made them)
work() {
    name=$1; RUNS=$2; cmd=$3
    sh -c "$cmd" >/dev/null 2>&1 || { echo "| $name | (vastbus failed) |"; return; }
    eval "set -- $4"
    : > "$t/text.txt"
    for f in "$@"; do pdftotext -enc UTF-8 "$f" - >> "$t/text.txt"; done
    fcmd="$FLOOR $t/text.txt $t/floor.pdf"
    vt=$(median "$cmd"); vi=$(instr "$cmd"); vr=$(rss "$cmd")
    ft=$(median "$fcmd"); fi_=$(instr "$fcmd"); fr=$(rss "$fcmd")
    ch=$(chars "$t/text.txt")
    printf '| %s | %s | %s | %s | %s ms | %s | %s MB | %s ms | %s | %s MB (%s p.) | %s | %s | %s |\n' \
        "$name" "$(pages "$@")" "$(g "$(bytes "$@")")" "$(g "$ch")" \
        "$vt" "$(g "$vi")" "$vr" "$ft" "$(g "$fi_")" "$fr" "$(pages "$t/floor.pdf")" \
        "$(ratio "$vt" "$ft")" "$(ratio "$vi" "$fi_")" "$(ratio "$vr" "$fr")"
}

cpu=$(sed -n 's/^model name[^:]*: *//p' /proc/cpuinfo | head -n 1)
echo "Machine: $(nproc) cores, $cpu, $(awk '/MemTotal/ { printf "%.0f GB", $2 / 1048576 }' /proc/meminfo), $(uname -sr)."
echo "Measured $(date -u '+%Y-%m-%d %H:%M UTC'); vastbus $("$VB" --version | cut -d' ' -f2), commit $(git rev-parse --short HEAD 2>/dev/null || echo '?')."
echo
echo "Time is the median wall time; instructions are callgrind's count (all processes);"
echo "RSS is the peak of the largest process. The floor sets the same text (pdftotext of"
echo "vastbus's PDF) with one face, greedy lines, no hyphenation. Ratios are vastbus/floor"
echo "in this run; the text is the same, so they are also the ratios per character."
echo
echo "| work | pages | bytes | characters | time | instructions | peak RSS | floor time | floor instructions | floor RSS (pages) | × time | × instr. | × RSS |"
echo "|---|---|---|---|---|---|---|---|---|---|---|---|---|"
I=$t/in
work "pdf: one report (kungalv.xml)" 15 "$VB pdf -o $t/one.pdf samples/gr-2019/kungalv.xml" "$t/one.pdf"
work "arsbok: 49 groups, 2019 (and 2011–2018 along foregaende: 441 reports read)" 5 \
    "$VB arsbok $I/y2019/arsbok.xml -o $t/book.pdf" "$t/book.pdf"
work "arsbok: the 49 groups with 10× the content" 3 \
    "$VB arsbok $I/dense/arsbok.xml -o $t/dense.pdf" "$t/dense.pdf"
years="2011 2012 2013 2014 2015 2016 2017 2018 2019 2020"
# the reports only (each year's folder also holds its manifest), named
# per year: one run refuses two outputs of the same name
# (expanded here: hyperfine -N runs the command without a shell)
dirs=""; for y in $years; do dirs="$dirs $(echo $I/y$y/g*-$y.xml)"; done
mkdir -p "$t/batch"
NOINSTR=${BENCH_FULL:+0}; NOINSTR=${NOINSTR:-1}
work "pdf: 490 reports, ten years (one command)" 3 "$VB pdf -d $t/batch $dirs" "$t/batch/*.pdf"
for y in $years; do
    echo "$VB arsbok $I/y$y/arsbok.xml -o $t/ab$y.pdf >/dev/null 2>&1"; done > "$t/books.sh"
work "arsbok: the ten years in turn, each with the year before" 3 "sh $t/books.sh" "$t/ab20??.pdf"
# The region's spreadsheet: every group and year along foregaende from
# the 2020 manifest (490 reports read and checked, one CSV); no PDF, so
# no floor: the row gives vastbus's own figures.
scmd="$VB statistik $I/y2020/arsbok.xml -o $t/stat.csv"
if sh -c "$scmd" >/dev/null 2>&1; then
    RUNS=3
    printf '| statistik: ten years along foregaende, 490 reports (one CSV of %s rows) | - | %s | - | %s ms | %s | %s MB | - | - | - | - | - | - |\n' \
        "$(($(wc -l < "$t/stat.csv") - 1))" "$(g "$(bytes "$t/stat.csv")")" \
        "$(median "$scmd")" "$(g "$(instr "$scmd")")" "$(rss "$scmd")"
else
    echo "| statistik: ten years along foregaende | (vastbus failed) |"
fi
NOINSTR=0
echo
if [ "${NOINSTR:-0}" = 0 ] && [ -z "${BENCH_FULL:-}" ]; then
    echo "The two batch rows are not counted by callgrind (about 15 minutes); \`make bench BENCH_FULL=1\` counts them."
fi

# ---- Apache FOP and WeasyPrint on the same content (when installed:
# `make bench-deps`). FOP sets an XSL-FO made from vastbus's own layout
# trees by bench/layout-fo.xsl (the book: its 49 chapters, one page
# sequence each, without the summary); WeasyPrint prints vastbus's HTML
# pages. Java's and Python's start-up are part of what a user waits for,
# so they are in the times. No callgrind (minutes per run for the JVM).
# other NAME TOOL RUNS COMMAND PDF VASTBUS-MS VASTBUS-MB
other() {
    sh -c "$4" >/dev/null 2>&1 || { echo "| $1 | $2 | (failed) |"; return; }
    RUNS=$3
    ot=$(median "$4"); orss=$(rss "$4")
    printf '| %s | %s | %s | %s | %s ms | %s MB | %s | %s |\n' "$1" "$2" \
        "$(pages "$5")" "$(g "$(bytes "$5")")" "$ot" "$orss" \
        "$(ratio "$ot" "$6")" "$(ratio "$orss" "$7")"
}
# layout trees of reports as one FO (xsltproc: the program keeps its
# layout tree internal; the stylesheet is the one it runs)
fo_of() {
    out=$1; shift
    { echo '<chapters xmlns="urn:vastbus:layout:1">'
      for r in "$@"; do xsltproc --nonet xslt/rapport-layout.xsl "$r" | sed 1d; done
      echo '</chapters>'; } > "$t/lay.xml"
    xsltproc --nonet bench/layout-fo.xsl "$t/lay.xml" > "$out"
}
echo
if command -v fop >/dev/null 2>&1 || command -v weasyprint >/dev/null 2>&1; then
    echo "Beside Apache FOP and WeasyPrint, same content, same run (× = the tool / vastbus;"
    echo "vastbus's time and RSS as measured the same way just before):"
    echo
    echo "| work | tool | pages | bytes | time | peak RSS | × time | × RSS |"
    echo "|---|---|---|---|---|---|---|---|"
    one="samples/gr-2019/kungalv.xml"
    vcmd="$VB pdf -o $t/one.pdf $one"
    RUNS=5; vt=$(median "$vcmd"); vr=$(rss "$vcmd")
    echo "| one report | vastbus | $(pages "$t/one.pdf") | $(g "$(bytes "$t/one.pdf")") | $vt ms | $vr MB | 1 | 1 |"
    "$VB" html -o "$t/one.html" "$one" >/dev/null 2>&1
    fo_of "$t/one.fo" "$one"
    command -v fop >/dev/null 2>&1 &&
        other "one report" "FOP $(fop -version 2>/dev/null | sed -n 's/^FOP Version //p' | head -n 1)" 3 \
            "fop -q -c bench/fop.xconf -fo $t/one.fo -pdf $t/one-fop.pdf" "$t/one-fop.pdf" "$vt" "$vr"
    command -v weasyprint >/dev/null 2>&1 &&
        other "one report" "WeasyPrint $(weasyprint --version | sed 's/.* //')" 3 \
            "weasyprint -q $t/one.html $t/one-wp.pdf" "$t/one-wp.pdf" "$vt" "$vr"
    vcmd="$VB arsbok $I/y2019/arsbok.xml -o $t/book.pdf --html $t/book.html"
    RUNS=3; vt=$(median "$vcmd"); vr=$(rss "$vcmd")
    echo "| 49-group book (PDF and HTML) | vastbus | $(pages "$t/book.pdf") | $(g "$(bytes "$t/book.pdf")") | $vt ms | $vr MB | 1 | 1 |"
    fo_of "$t/book.fo" $I/y2019/g*-2019.xml
    command -v fop >/dev/null 2>&1 &&
        other "49-group book (chapters)" FOP 1 \
            "fop -q -c bench/fop.xconf -fo $t/book.fo -pdf $t/book-fop.pdf" "$t/book-fop.pdf" "$vt" "$vr"
    command -v weasyprint >/dev/null 2>&1 &&
        other "49-group book (its HTML)" WeasyPrint 1 \
            "weasyprint -q $t/book.html $t/book-wp.pdf" "$t/book-wp.pdf" "$vt" "$vr"
    echo
fi
for tool in fop weasyprint; do
    command -v "$tool" >/dev/null 2>&1 ||
        echo "$tool is not installed on this machine (make bench-deps): not measured in this run."
done
echo
echo "Other jobs on the samples:"
echo
echo "| job | time | instructions |"
echo "|---|---|---|"
RUNS=10
for job in "validera -q samples/gr-2019" "html -d $t samples/gr-2019"; do
    printf '| %s | %s ms | %s |\n' "$(echo "$job" | sed "s|$t|DIR|")" \
        "$(median "$VB $job")" "$(g "$(instr "$VB $job")")"
done
