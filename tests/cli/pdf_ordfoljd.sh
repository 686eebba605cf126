#!/bin/sh
# The same words in the same order three ways, on every valid sample
# report (samples/gr-2019, gr-2018, sodra-alvsborg/2017-2019) and a
# sample yearbook (Södra Älvsborg 2019 from a manifest written by
# `vastbus manifest`, as in `make demo`, with the foreword of
# samples/sodra-alvsborg/2019/arsbok.xml added): the words
# a screen reader gets from the tagged PDF (`pdfinfo -struct-text`), the
# words of the page (`pdftotext`, without the running header and footer)
# and the words of the HTML page made from the same input (its <main>).
# Words are compared strictly, punctuation included; whitespace and the
# hyphens of words broken at a line end do not count. The details, and
# what is left out on purpose: tests/tools/ordfoljd.py. Also the
# yearbook's structure as a screen reader gets it (chapters as Sect,
# TOCI, a Figure with /Alt per chart), read from the same -struct-text.
#
# `pdfinfo -struct-text` costs poppler one pass over the page per MCID
# (the GR yearbook: ~4300 MCIDs, 18 s of CPU), so it runs once per PDF and
# everything else reads its output. One yearbook is enough (the GR one
# cost as much as 25 reports): its chapters are the reports' layouts,
# each also compared on its own, and what only a yearbook has (title
# page, foreword, table of contents, a summary table run on over pages
# with "(forts.)", charts, a chapter per report, the running head by
# chapter, a missing and a late group) the Södra Älvsborg book has as the
# GR one did, and an invalid group besides.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
cd "$ROOT" || exit 1
TOOLS=$ROOT/tests/tools
# the same "Utskriven" date in the yearbook's PDF and HTML, even at midnight
export SOURCE_DATE_EPOCH=1700000000
mkdir -p "$T/out"
HEAD="Västbus – Årsberättelse för lokal Västbusgrupp"

# xpath FILE EXPR: a string from an input file
xpath() { xmllint --nonet --xpath "$2" "$1" 2>/dev/null; }

# --- the reports: PDF and HTML of each one the program accepts (an
#     invalid report gives neither, exit status 1)
dirs="samples/gr-2019 samples/gr-2018 samples/sodra-alvsborg/2017 samples/sodra-alvsborg/2018 samples/sodra-alvsborg/2019"
: >"$T/list"
for dir in $dirs; do
    y=$(echo "$dir" | sed 's|^samples/||; s|/|-|g')
    mkdir -p "$T/out/$y"
    "$VB" pdf -d "$T/out/$y" "$dir" 2>"$T/err"
    [ $? -le 1 ] || fail "$dir: vastbus pdf misslyckades: $(tail -3 "$T/err")"
    "$VB" html -d "$T/out/$y" "$dir" 2>"$T/err"
    [ $? -le 1 ] || fail "$dir: vastbus html misslyckades: $(tail -3 "$T/err")"
    for x in "$dir"/*.xml; do
        b=$(basename "$x" .xml)
        [ "$b" = arsbok ] && continue
        P=$T/out/$y/$b.pdf
        if [ ! -f "$P" ]; then
            # only an invalid report may be missing
            "$VB" validera "$x" >/dev/null 2>&1 && fail "$x: ingen PDF fast filen är giltig"
            continue
        fi
        [ -f "$T/out/$y/$b.html" ] || { fail "$x: ingen HTML-sida"; continue; }
        ar=$(xpath "$x" 'string(/*/@ar)')
        grupp=$(xpath "$x" "normalize-space(/*/*[local-name()='grupp']/*[local-name()='namn'])")
        printf '%s\t%s\t%s\t%s\n' "$T/out/$y/$b" "$HEAD" "$ar" "$grupp" >>"$T/list"
    done
done

# --- the yearbooks; their running head is the heading of the part a page
#     is in ("@rubriker": the HTML page's headings), the footer names the
#     year and the region
book() {   # book MANIFEST NAME
    "$VB" arsbok "$1" -o "$T/out/$2.pdf" --html "$T/out/$2.html" 2>"$T/err"
    [ $? -le 1 ] || { fail "$1: vastbus arsbok misslyckades: $(tail -3 "$T/err")"; return; }
    ar=$(xpath "$1" 'string(/*/@ar)')
    region=$(xpath "$1" "normalize-space(//*[local-name()='delregion'])")
    printf '%s\t%s\t%s\n' "$T/out/$2" "@rubriker" "Västbus årsberättelser $ar – $region" >>"$T/list"
}
mkdir -p "$T/sa"
cp -r samples/sodra-alvsborg/2017 samples/sodra-alvsborg/2018 samples/sodra-alvsborg/2019 "$T/sa/"
rm "$T/sa/2019/arsbok.xml"
if "$VB" manifest --delregion "Södra Älvsborg" --ar 2019 "$T/sa/2019" >/dev/null 2>"$T/err"; then
    # the foreword a coordinator writes where the manifest says so
    xpath samples/sodra-alvsborg/2019/arsbok.xml "//*[local-name()='forord']" >"$T/forord"
    [ -s "$T/forord" ] || fail "samples/sodra-alvsborg/2019/arsbok.xml har inget förord"
    awk -v f="$T/forord" '/<grupper>/ { while ((getline l < f) > 0) print l } { print }' \
        "$T/sa/2019/arsbok.xml" >"$T/manifest" && mv "$T/manifest" "$T/sa/2019/arsbok.xml"
    book "$T/sa/2019/arsbok.xml" bok-sa
else
    fail "vastbus manifest misslyckades: $(tail -3 "$T/err")"
fi

# --- as many documents as valid reports (vastbus validera) plus one
# shellcheck disable=SC2086
reports=$(for dir in $dirs; do ls "$dir"/*.xml; done | grep -vc '/arsbok\.xml$')
# shellcheck disable=SC2086
invalid=$("$VB" validera $dirs 2>&1 | grep ': fel: ' | cut -d: -f1 | sort -u | wc -l)
n=$(wc -l <"$T/list")
[ "$n" -eq $((reports - invalid + 1)) ] ||
    fail "$n dokument, väntade $((reports - invalid + 1)) (de giltiga årsberättelserna och en årsbok)"

# --- the two texts of each PDF, once
: >"$T/pairs"
while IFS="$(printf '\t')" read -r base rest; do
    rel=${base#"$T/out/"}
    if ! pdfinfo -struct-text "$base.pdf" >"$base.st" 2>"$T/err" || [ ! -s "$base.st" ]; then
        fail "$rel.pdf: pdfinfo -struct-text ger ingen struktur: $(head -3 "$T/err")"
        continue
    fi
    if ! pdftotext "$base.pdf" "$base.txt" 2>"$T/err"; then
        fail "$rel.pdf: pdftotext: $(head -3 "$T/err")"
        continue
    fi
    # no page number ("Sida N av M") and no report header in the structure
    grep -n '"Sida [0-9][0-9]* av [0-9][0-9]*' "$base.st" | head -2 >"$T/hf"
    [ -s "$T/hf" ] && fail "$rel.pdf: sidfotens sidnummer finns i strukturen (ska vara /Artifact): $(cat "$T/hf")"
    grep -F "$HEAD" "$base.st" | head -1 >"$T/hf"
    [ -s "$T/hf" ] && fail "$rel.pdf: sidhuvudet \"$HEAD\" finns i strukturen (ska vara /Artifact)"
    printf '%s\t%s\t%s\t%s\n' "$base.st" "$base.txt" "$base.html" "$rest" >>"$T/pairs"
done <"$T/list"

# --- the yearbook's structure, from the same -struct-text (one poppler
#     run per PDF): tagged; the table of contents as TOCI; one Sect per
#     chapter (the foreword, the summary, each report the book takes: a
#     group's file that validera accepts) directly under Document, each
#     beginning with its H2 (the title page's heading is the H1); a
#     Figure per chart with an /Alt each, and no /Alt with two full stops
#     in a row (a unit "st." ends the sentence too)
M=$T/sa/2019/arsbok.xml
B=$T/out/bok-sa
if [ -s "$B.st" ]; then
    pdfinfo "$B.pdf" | grep -q "^Tagged: *yes" || fail "årsboken är inte taggad"
    grep -q "^ *TOCI$" "$B.st" || fail "årsboken saknar TOCI"
    xpath "$M" "//*[local-name()='grupp']/@fil" | grep -o 'fil="[^"]*"' | sed 's/^fil="//; s/"$//' >"$T/filer"
    reps=0
    while IFS= read -r f; do
        "$VB" validera -q "$(dirname "$M")/$f" >/dev/null 2>&1 && reps=$((reps + 1))
    done <"$T/filer"
    forord=$(xpath "$M" "count(//*[local-name()='forord'])")
    want=$((reps + forord + 1))
    sects=$(grep -c "^ *Sect\( (block)\)\?$" "$B.st")
    [ "$sects" -eq "$want" ] || fail "årsboken: $sects Sect, väntade $want (förord, sammanfattning, en per årsberättelse)"
    h2=$(awk '/^ *Sect/ { s = 1; next } s && /^ *[A-Z][A-Za-z0-9]*( |:|$)/ { if ($1 == "H2") n++; s = 0 } END { print n + 0 }' "$B.st")
    [ "$h2" -eq "$sects" ] || fail "årsboken: $h2 av $sects Sect börjar med en H2"
    grep -q '^  Sect' "$B.st" || fail "årsboken: Sect ligger inte direkt under Document"
    figs=$(grep -c "^ *Figure:\?$" "$B.st")
    qpdf --qdf --object-streams=disable "$B.pdf" "$T/bq.pdf" 2>/dev/null
    alts=$(grep -a -c "/Alt <" "$T/bq.pdf")
    [ "$figs" -gt 0 ] && [ "$figs" = "$alts" ] || fail "årsboken: $figs Figure, $alts /Alt"
    python3 -c '
import re, sys
for m in re.finditer(rb"/Alt <([0-9a-fA-F]+)>", open(sys.argv[1], "rb").read()):
    alt = bytes.fromhex(m.group(1).decode()).decode("utf-16")
    if ".." in alt:
        print("två punkter i rad:", alt[-50:])' "$T/bq.pdf" >"$T/alt.out"
    [ -s "$T/alt.out" ] && fail "årsbokens /Alt: $(head -n 1 "$T/alt.out")"
else
    fail "årsboken: ingen struktur att läsa"
fi

# --- the words, one python3 for all
if [ -s "$T/pairs" ]; then
    if ! python3 "$TOOLS/ordfoljd.py" "$T/pairs" >"$T/cmp" 2>&1; then
        fail "orden skiljer sig:
$(grep -v ': samma ord' "$T/cmp" | sed "s|$T/out/||g" | head -60)"
    fi
    same=$(grep -c ': samma ord' "$T/cmp")
    [ "$same" -eq "$n" ] || fail "samma ord i $same av $n dokument"
fi
finish
