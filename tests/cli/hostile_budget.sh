#!/bin/sh
# Hostile set, class 9 of issue 11: the total input budget of a run over
# a season. Every file is capped on its own (8 MiB), and arsbok, status
# and statistik also bound the manifests and reports of every year along
# foregaende together (20 MiB), before reading any report: over it, one
# Swedish error naming the total and the bound, exit 1, nothing written,
# the inputs unchanged. At the bound exactly, the yearbook is made; a
# file over its own cap is refused on its own and does not count.
# Reports are samples padded by a comment (tests/hostile/pad_report.py).
VB=${VASTBUS:-./vastbus}
[ -f tests/hostile/pad_report.py ] || { echo "hostile_budget.sh: kör från förrådets rot" >&2; exit 2; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=$((fail + 1)); }
BUDGET=$((20 * 1024 * 1024))
MIB7=$((7 * 1024 * 1024))
pad() { python3 tests/hostile/pad_report.py "$1" "$2" "$3" || no "pad $2"; }
size() { wc -c < "$1" | tr -d ' '; }
# "20,1": bytes in MiB, one decimal rounded up, decimal comma.
mib() { tenths=$(( ($1 * 10 + 1048575) / 1048576 )); echo "$((tenths / 10)),$((tenths % 10))"; }
manifest() {   # manifest DIR YEAR [FOREGAENDE]: Ale, Alingsås, Härryda (or only Ale)
    {
        echo '<?xml version="1.0" encoding="UTF-8"?>'
        echo "<arsbok xmlns=\"urn:vastbus:arsbok:1\" ar=\"$2\">"
        echo '  <delregion>Göteborgsregionen</delregion>'
        echo '  <utgivare>Test</utgivare>'
        echo '  <grupper>'
        echo '    <grupp kommun="Ale" fil="ale.xml"/>'
        if [ -z "${3:-}" ]; then
            echo '    <grupp kommun="Alingsås" fil="alingsas.xml"/>'
            echo '    <grupp kommun="Härryda" fil="harryda.xml"/>'
        fi
        echo '  </grupper>'
        [ -n "${3:-}" ] && echo "  <foregaende fil=\"$3\"/>"
        echo '</arsbok>'
    } > "$1/arsbok.xml"
}
sums() { cat "$@" | sha256sum; }
# expect NAME RC WANT-FILE OUT -- CMD...: exit code and exact stderr.
expect() {
    name=$1 rc=$2 want=$3; shift 3
    "$@" > "$t/out" 2> "$t/err"
    got=$?
    [ "$got" = "$rc" ] || no "$name: exit $got, expected $rc"
    if ! cmp -s "$want" "$t/err"; then
        no "$name: messages differ"
        diff "$want" "$t/err" | head -n 6 | cut -c1-300 | sed 's/^/    /'
    fi
}

# One year, total one byte over the budget.
mkdir -p "$t/a"
manifest "$t/a" 2019
m=$(size "$t/a/arsbok.xml")
pad samples/gr-2019/ale.xml "$t/a/ale.xml" $MIB7
pad samples/gr-2019/alingsas.xml "$t/a/alingsas.xml" $MIB7
pad samples/gr-2019/harryda.xml "$t/a/harryda.xml" $((BUDGET + 1 - m - 2 * MIB7))
total=$(( m + $(size "$t/a/ale.xml") + $(size "$t/a/alingsas.xml") + $(size "$t/a/harryda.xml") ))
[ "$total" = $((BUDGET + 1)) ] || no "set a: $total bytes, not budget + 1"
before=$(sums "$t"/a/*)
printf '%s\n' "$t/a/arsbok.xml: fel: för mycket indata: manifestet och dess 3 årsberättelser är $(mib $total) MiB tillsammans; gränsen för indata till en årsbok är 20 MiB i allt" \
    'Ingen årsbok gjord: för mycket indata.' > "$t/want"
expect "arsbok över gränsen" 1 "$t/want" "$VB" arsbok "$t/a/arsbok.xml" -o "$t/a/bok.pdf" --html "$t/a/bok.html"
[ -e "$t/a/bok.pdf" ] || [ -e "$t/a/bok.html" ] && no "arsbok över gränsen: an output was written"
sed -i 's/^Ingen årsbok gjord: /Inget läge att visa: /' "$t/want"
expect "status över gränsen" 1 "$t/want" "$VB" status "$t/a/arsbok.xml"
[ -s "$t/out" ] && no "status över gränsen: a table on stdout"
sed -i 's/^Inget läge att visa: /Ingen statistik skriven: /' "$t/want"
expect "statistik över gränsen" 1 "$t/want" "$VB" statistik "$t/a/arsbok.xml"
[ -s "$t/out" ] && no "statistik över gränsen: CSV on stdout"
[ "$(sums "$t"/a/*.xml)" = "$before" ] || no "set a: an input changed"
[ "$(ls -A "$t/a" | wc -l)" = 4 ] || no "set a: files left: $(ls -A "$t/a")"

# The same at the budget exactly: the yearbook is made.
pad samples/gr-2019/harryda.xml "$t/a/harryda.xml" $((BUDGET - m - 2 * MIB7))
"$VB" arsbok "$t/a/arsbok.xml" -o "$t/a/bok.pdf" > /dev/null 2> "$t/err"
rc=$?
[ "$rc" = 0 ] || no "arsbok vid gränsen: exit $rc: $(head -c 300 "$t/err")"
grep -q 'för mycket indata' "$t/err" && no "arsbok vid gränsen: refused"
[ -s "$t/a/bok.pdf" ] || no "arsbok vid gränsen: no PDF"

# Two years: last year's three reports count too.
mkdir -p "$t/c/2018" "$t/c/2019"
manifest "$t/c/2018" 2018
manifest "$t/c/2019" 2019 ../2018/arsbok.xml
cp samples/gr-2019/ale.xml "$t/c/2019/ale.xml"
for k in ale alingsas harryda; do
    pad samples/gr-2018/$k.xml "$t/c/2018/$k.xml" $MIB7
done
total=0
for f in "$t"/c/*/*.xml; do total=$((total + $(size "$f"))); done
before=$(sums "$t"/c/*/*)
printf '%s\n' "$t/c/2019/arsbok.xml: fel: för mycket indata: de 2 manifesten längs foregaende och deras 4 årsberättelser är $(mib $total) MiB tillsammans; gränsen för indata till en årsbok är 20 MiB i allt" \
    'Ingen årsbok gjord: för mycket indata.' > "$t/want"
expect "arsbok med föregående år" 1 "$t/want" "$VB" arsbok "$t/c/2019/arsbok.xml"
[ -e "$t/c/2019/arsbok-2019.pdf" ] && no "arsbok med föregående år: a PDF was written"
sed -i 's/^Ingen årsbok gjord: /Ingen statistik skriven: /' "$t/want"
expect "statistik med föregående år" 1 "$t/want" "$VB" statistik "$t/c/2019/arsbok.xml"
# status reads one year only: this year's 2 files are far below.
"$VB" status "$t/c/2019/arsbok.xml" > /dev/null 2> "$t/err" || no "status utan föregående år: exit $?: $(head -c 300 "$t/err")"
[ "$(sums "$t"/c/*/*)" = "$before" ] || no "set c: an input changed"

# Files over their own cap are refused unread, each with its own
# message, and count nothing: no budget error for 3 x 9 MiB.
mkdir -p "$t/d"
manifest "$t/d" 2019
for k in ale alingsas harryda; do
    pad samples/gr-2019/$k.xml "$t/d/$k.xml" $((9 * 1024 * 1024))
done
"$VB" status "$t/d/arsbok.xml" > /dev/null 2> "$t/err"
grep -q 'för mycket indata' "$t/err" && no "status med för stora filer: budget error"
"$VB" arsbok "$t/d/arsbok.xml" -o "$t/d/bok.pdf" > /dev/null 2> "$t/err"
n=$(grep -c ': fel: filen är för stor: största tillåtna storlek är 8 MiB$' "$t/err")
[ "$n" = 3 ] || no "arsbok med för stora filer: $n of 3 files refused as too big: $(head -c 300 "$t/err")"

[ "$fail" -eq 0 ] || { echo "$fail failure(s)"; exit 1; }
echo "hostile_budget: ok"
