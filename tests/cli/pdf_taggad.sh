#!/bin/sh
# Tagged PDF (PDF/UA-1, PDF/A-2a) on every valid sample report (gr-2019,
# gr-2018, sodra-alvsborg) and on the sample yearbook: pdfinfo says
# "Tagged: yes"; the checker tests/tools/pdfua_check.py finds nothing (its
# rules: doc/tillganglighet.md); each chart's Figure /Alt holds the
# numbers of the HTML page's chart. The words of the structure against
# pdftotext and the HTML page, with no running header or footer in the
# structure: tests/cli/pdf_ordfoljd.sh (it reads `pdfinfo -struct-text`,
# the costly part, once per PDF).
. "$(dirname "$0")/../tools/pdf_testlib.sh"
cd "$ROOT" || exit 1
TOOLS=$ROOT/tests/tools
# the same "Utskriven" date in the yearbook's PDF and HTML, even at midnight
export SOURCE_DATE_EPOCH=1700000000
mkdir -p "$T/pdf" "$T/html"

# --- the PDFs and their HTML pages: every sample report the program
#     accepts (samples/sodra-alvsborg/2019/ulricehamn.xml has no chair on
#     purpose: no PDF, exit status 1), and the yearbook
dirs="samples/gr-2019 samples/gr-2018 samples/sodra-alvsborg/2017 samples/sodra-alvsborg/2018 samples/sodra-alvsborg/2019"
for dir in $dirs; do
    y=$(echo "$dir" | sed 's|^samples/||; s|/|-|g')
    mkdir -p "$T/pdf/$y" "$T/html/$y"
    "$VB" pdf -d "$T/pdf/$y" "$dir" 2>"$T/err"
    [ $? -le 1 ] || fail "$dir: vastbus pdf misslyckades: $(tail -3 "$T/err")"
    "$VB" html -d "$T/html/$y" "$dir" 2>"$T/err"
    [ $? -le 1 ] || fail "$dir: vastbus html misslyckades: $(tail -3 "$T/err")"
done
"$VB" arsbok samples/gr-2019/arsbok.xml -o "$T/pdf/bok.pdf" --html "$T/html/bok.html" 2>"$T/err" ||
    fail "vastbus arsbok misslyckades: $(tail -3 "$T/err")"
ls "$T"/pdf/*/*.pdf "$T/pdf/bok.pdf" >"$T/pdfs" 2>/dev/null
n=$(wc -l <"$T/pdfs")
# shellcheck disable=SC2086
reports=$(for dir in $dirs; do ls "$dir"/*.xml; done | grep -vc '/arsbok\.xml$')
# shellcheck disable=SC2086
invalid=$("$VB" validera $dirs 2>&1 | grep ': fel: ' | cut -d: -f1 | sort -u | wc -l)
want=$((reports - invalid + 1))
[ "$n" -eq "$want" ] || fail "$n PDF-filer, väntade $want (en per giltig årsberättelse och årsboken)"
[ "$n" -gt 0 ] || finish

# --- the checker, once for all files
# shellcheck disable=SC2046
if ! python3 "$TOOLS/pdfua_check.py" $(cat "$T/pdfs") >"$T/check" 2>&1; then
    fail "PDF/UA- och PDF/A-kontrollen underkänner filerna:
$(grep -v ': inga fel' "$T/check" | sed "s|$T/pdf/||" | head -40)"
fi

# --- Tagged: yes on every file
while read -r P; do
    pdfinfo "$P" | grep -q '^Tagged: *yes$' || fail "${P#"$T/pdf/"}: pdfinfo säger inte Tagged: yes"
done <"$T/pdfs"

# --- the yearbook's charts: each Figure's /Alt holds the chart's numbers
python3 "$TOOLS/pdfua_check.py" --figurer "$T/pdf/bok.pdf" >"$T/alts" 2>&1 ||
    fail "bok.pdf: kunde inte läsa Figure-elementen: $(head -3 "$T/alts")"
python3 "$TOOLS/struct_words.py" figurer "$T/html/bok.html" "$T/alts" >"$T/fig" 2>&1 ||
    fail "bok.pdf: diagrammens /Alt: $(head -10 "$T/fig")"
[ "$(wc -l <"$T/alts")" -ge 1 ] || fail "bok.pdf: inga Figure-element, fast årsboken har diagram"

finish
