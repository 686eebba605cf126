#!/bin/sh
# Tagged PDF (PDF/UA-1, PDF/A-2a) on every valid sample report (gr-2019,
# gr-2018, sodra-alvsborg) and on the sample yearbook: pdfinfo says
# "Tagged: yes"; the checker tests/tools/pdfua_check.py finds nothing (its
# rules: doc/tillganglighet.md); the words of `pdfinfo -struct-text` (the
# yearbook and the largest report per folder) are the HTML page's words in the same order (whitespace, punctuation and
# hyphenation ignored; charts compared apart and the table of contents
# without its page numbers, see tests/tools/struct_words.py); each chart's
# Figure /Alt holds the numbers of the HTML page's chart; no running
# header or footer text ("Sida N av M", the report header, the yearbook
# footer from its manifest) is in the structure text.
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

# --- Tagged: yes on every file. `pdfinfo -struct-text` costs poppler one
#     pass over the page per MCID (the sample yearbook: ~4000 MCIDs, over
#     a minute of CPU), so the structure's text is read for the yearbook,
#     which holds every gr-2019 report as a chapter, and for the largest
#     report of each sample folder; there it must be the HTML page's words
#     and hold no running header or footer.
while read -r P; do
    pdfinfo "$P" | grep -q '^Tagged: *yes$' || fail "${P#"$T/pdf/"}: pdfinfo säger inte Tagged: yes"
done <"$T/pdfs"
{
    echo "$T/pdf/bok.pdf"
    for dir in $dirs; do
        y=$(echo "$dir" | sed 's|^samples/||; s|/|-|g')
        big=$(ls -S "$dir"/*.xml | grep -v '/arsbok\.xml$' | head -1)
        b=$(basename "$big" .xml)
        [ -f "$T/pdf/$y/$b.pdf" ] && echo "$T/pdf/$y/$b.pdf"
    done
} >"$T/struct-pdfs"
while read -r P; do
    rel=${P#"$T/pdf/"}
    H=$T/html/${rel%.pdf}.html
    if ! pdfinfo -struct-text "$P" >"$T/s.txt" 2>"$T/s.err" || [ ! -s "$T/s.txt" ]; then
        fail "$rel: pdfinfo -struct-text ger ingen struktur: $(head -3 "$T/s.err")"
        continue
    fi
    cp "$T/s.txt" "$T/s-$(echo "$rel" | tr / _).txt"
    printf '%s\t%s\n' "$T/s-$(echo "$rel" | tr / _).txt" "$H" >>"$T/pairs"
    grep -n 'Sida [0-9][0-9]* av [0-9][0-9]*' "$T/s.txt" | head -3 >"$T/hf"
    [ -s "$T/hf" ] && fail "$rel: sidfotens sidnummer finns i strukturen (ska vara /Artifact): $(cat "$T/hf")"
    case $rel in
    bok.pdf)
        year=$(xmllint --nonet --xpath 'string(/*/@ar)' samples/gr-2019/arsbok.xml)
        region=$(xmllint --nonet --xpath "normalize-space(//*[local-name()='delregion'])" samples/gr-2019/arsbok.xml)
        running="Västbus årsberättelser $year – $region" ;;
    *)
        running="Västbus – Årsberättelse för lokal Västbusgrupp" ;;
    esac
    grep -F "$running" "$T/s.txt" | head -1 >"$T/hf"
    [ -s "$T/hf" ] && fail "$rel: sidhuvudet eller sidfoten \"$running\" finns i strukturen (ska vara /Artifact)"
done <"$T/struct-pdfs"
[ "$(wc -l <"$T/struct-pdfs")" -ge 6 ] || fail "strukturtexten lästes bara för $(wc -l <"$T/struct-pdfs") filer, väntade 6"

# --- the structure's words against the HTML page (one python3 for all)
if [ -s "$T/pairs" ]; then
    python3 "$TOOLS/struct_words.py" jamfor "$T/pairs" >"$T/cmp" 2>&1 ||
        fail "strukturens text är inte HTML-sidans:
$(grep -v ': samma text' "$T/cmp" | sed "s|$T/||g" | head -30)"
fi

# --- the yearbook's charts: each Figure's /Alt holds the chart's numbers
python3 "$TOOLS/pdfua_check.py" --figurer "$T/pdf/bok.pdf" >"$T/alts" 2>&1 ||
    fail "bok.pdf: kunde inte läsa Figure-elementen: $(head -3 "$T/alts")"
python3 "$TOOLS/struct_words.py" figurer "$T/html/bok.html" "$T/alts" >"$T/fig" 2>&1 ||
    fail "bok.pdf: diagrammens /Alt: $(head -10 "$T/fig")"
[ "$(wc -l <"$T/alts")" -ge 1 ] || fail "bok.pdf: inga Figure-element, fast årsboken har diagram"

finish
