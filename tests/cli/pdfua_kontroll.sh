#!/bin/sh
# data-only: tests the test tools tests/tools/pdfua_check.py (the PDF/UA-1 and PDF/A-2a checker) and struct_words.py on files it writes itself; it does not run vastbus.
# A good tagged PDF (tests/tools/pdfua_fixture.py) must pass, and copies
# broken on purpose, one rule at a time (a qpdf --qdf copy edited with
# tests/tools/pdf_edit.py, then mended by fix-qdf), must each fail naming
# that rule. tests/cli/pdf_taggad.sh runs the same checker on vastbus's PDFs.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
CHECK=$ROOT/tests/tools/pdfua_check.py
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
FAILS=0
fail() { printf 'FEL: %s\n' "$*" >&2; FAILS=$((FAILS + 1)); }

python3 "$ROOT/tests/tools/pdfua_fixture.py" "$T/god.pdf" || { echo "FEL: kunde inte skriva testfilen" >&2; exit 1; }
qpdf --check "$T/god.pdf" >"$T/check.out" 2>&1 || fail "testfilen: qpdf --check: $(tail -2 "$T/check.out")"
pdfinfo "$T/god.pdf" | grep -q '^Tagged: *yes' || fail "testfilen: pdfinfo säger inte Tagged: yes"
qpdf --qdf --object-streams=disable "$T/god.pdf" "$T/god-q.pdf"
for f in god god-q; do
    if ! python3 "$CHECK" "$T/$f.pdf" >"$T/out" 2>&1; then
        fail "$f.pdf är korrekt men kontrollen underkänner den: $(cat "$T/out")"
    fi
done

# broken RULE PATTERN REPLACEMENT [PATTERN REPLACEMENT]...: the good
# file with each PATTERN replaced (a leading "*": every match; see
# tests/tools/pdf_edit.py) must fail naming [RULE]. The cases are written
# first and the edits and the checks run once for all of them below (each
# python3 start costs time).
n=0
: >"$T/fall.tsv"
: >"$T/regler"
broken() {
    n=$((n + 1))
    rule=$1
    shift
    line="$T/e$n.pdf"
    for a; do line="$line	$a"; done
    printf '%s\n' "$line" >>"$T/fall.tsv"
    printf '%s %s\n' "$n" "$rule" >>"$T/regler"
}

# catalog, metadata, fonts
broken katalog-markinfo '/Marked true' '/Marked false'
broken katalog-lang '\n  /Lang \(sv-SE\)' ''
broken katalog-visatitel '/DisplayDocTitle true' '/DisplayDocTitle false'
broken titel '<dc:title>.*?</dc:title>' ''
broken titel '(xml:lang="x-default">)Testfil' '\1Annan fil'
broken xmp '\n  /Metadata [0-9]+ 0 R' ''
broken xmp-pdfua '<pdfuaid:part>1<' '<pdfuaid:part>2<'
broken xmp-pdfa '<pdfaid:conformance>A<' '<pdfaid:conformance>B<'
broken xmp-pdfa '<pdfaid:part>2<' '<pdfaid:part>1<'
broken xmp-tillagg '(<pdfaSchema:namespaceURI>http://www.aiim.org/pdfua)' '\1x'
broken outputintent '/S /GTS_PDFA1' '/S /GTS_PDFX'
broken typsnitt-inbaddat '/FontFile2' '/FontFileX'
broken typsnitt-tounicode '\n  /ToUnicode [0-9]+ 0 R' ''
# structure tree
broken struktur-rot '/StructTreeRoot' '/StructTreeRooX'
broken struktur-rot '\n  /ParentTree [0-9]+ 0 R' ''
broken struktur-typ '/S /P\n' '/S /Stycke\n'
# content: a BDC removed (text), an artifact removed (a path), nesting, balance
broken innehall-omarkt '/P <</MCID 1>> BDC\n(.*?)EMC\n' '\1'
broken innehall-omarkt '/Artifact BMC (72 555 m 300 555 l S) EMC' '\1'
broken innehall-nastlat '(/H1 <</MCID 0>> BDC\n[^\n]*\nEMC\n)' '/Artifact BMC\n\1EMC\n'
broken innehall-obalans '(/TD <</MCID 6>> BDC\n[^\n]*\n)EMC\n' '\1'
broken mcid-dubbel '/TD <</MCID 6>>' '/TD <</MCID 5>>'
# MCIDs and the ParentTree
broken mcid-structparents '\n  /StructParents 0' ''
broken mcid-parenttree '(/Nums \[\n)    0\n    [0-9]+ 0 R\n' '\1'
broken mcid-parenttree '/StructParents 1\n' '/StructParents 7\n'
broken mcid-parenttree '(obj\n\[\n  [0-9]+ 0 R\n  [0-9]+ 0 R\n  )[0-9]+ 0 R' '\g<1>null'
broken mcid-element '(obj\n\[\n  [0-9]+ 0 R\n  [0-9]+ 0 R\n  )[0-9]+ 0 R' '\g<1>{sida:1}'
broken mcid-element '/K 0(\n(?:  [^\n]*\n)*?  /S /H1\n)' '/K 9\1'
broken mcid-saknas '/K 0(\n(?:  [^\n]*\n)*?  /S /H1\n)' '/K 9\1'
broken mcid-pg '(  /Pg )[0-9]+ 0 R(\n  /S /Figure)' '\g<1>{sida:2}\g<2>'
# elements
broken figur-alt '\n  /Alt [^\n]*' ''
broken figur-bbox '/O /Layout' '/O /List'
broken tabell-th '*/S /TH\n' '/S /TD\n'
broken tabell-scope '\n    /Scope /Column' ''
broken tabell-scope '/Scope /Column' '/Scope /Kolumn'
broken tabell-struktur '/S /TR\n' '/S /Div\n'
broken tabell-rader '/S /TD\n' '/S /Span\n'
broken lista-struktur '/S /L\n' '/S /Div\n'
broken rubrik-niva '/S /H2\n' '/S /H3\n'
broken rubrik-niva '/S /H1\n' '/S /H2\n'
# links and annotations
broken lank-contents '\n  /Contents <feff[0-9a-f]*>' ''
broken lank-struktur '\n    <<\n      /Obj [0-9]+ 0 R\n      /Type /OBJR\n    >>' ''
broken lank-struktur '/S /Link\n' '/S /Span\n'
broken lank-struktur '\n  /StructParent 2' ''
broken sida-tabs '\n  /Tabs /S' ''
broken annot-struktur '/Subtype /Link' '/Subtype /Square' \
    '\n    <<\n      /Obj [0-9]+ 0 R\n      /Type /OBJR\n    >>' ''

# encryption (an empty user password: qpdf can still read it)
qpdf --encrypt "" agare 256 -- "$T/god.pdf" "$T/krypterad.pdf"
# an untagged PDF: all marked content taken out of the content streams
sed -e 's/^\/[A-Za-z0-9]* <<\/MCID [0-9]*>> BDC$//' -e 's/^EMC$//' \
    -e 's/^\/Artifact <<.*BDC$//' -e 's/^\/Artifact BMC \(.*\) EMC$/\1/' \
    -e 's/^\(\/Figure\|\/TH\|\/TD\) .* BDC \(.*\) EMC$/\2/' "$T/god-q.pdf" >"$T/e.pdf"
fix-qdf <"$T/e.pdf" >"$T/otaggad.pdf"

python3 "$ROOT/tests/tools/pdf_edit.py" "$T/god-q.pdf" "$T/fall.tsv" ||
    fail "några redigeringar gick inte att göra"
i=0
while [ "$i" -lt "$n" ]; do
    i=$((i + 1))
    fix-qdf <"$T/e$i.pdf" >"$T/fall$i.pdf"
done
python3 "$CHECK" "$T"/fall*.pdf "$T/krypterad.pdf" "$T/otaggad.pdf" >"$T/out" 2>&1
rc=$?
[ "$rc" -eq 1 ] || fail "kontrollen av de trasiga filerna gav status $rc, inte 1: $(head -3 "$T/out")"

# The expectations, one per line "RULE<tab>PDF<tab>WHAT": the checker
# failed PDF naming [RULE]. Judged by one awk over its output (a grep or
# two per case cost more than the checker's run).
awk -F '\t' -v d="$T" 'NR == FNR { pat[FNR] = $2; next }
    { split($0, a, " "); printf "%s\t%s\tfall %s (%s: %s)\n", a[2], d "/fall" a[1] ".pdf", a[1], a[2], pat[a[1]] }' \
    "$T/fall.tsv" "$T/regler" >"$T/forvant"
printf '%s\t%s\t%s\n' kryptering "$T/krypterad.pdf" "krypterad fil" >>"$T/forvant"
for rule in innehall-omarkt mcid-saknas; do
    printf '%s\t%s\t%s\n' "$rule" "$T/otaggad.pdf" "otaggad fil" >>"$T/forvant"
done
awk -F '\t' '
    # the checker: "FILE: N fel mot ..." and "FILE: [rule] ..." lines
    NR == FNR {
        k = index($0, ": ")
        if (k == 0) next
        f = substr($0, 1, k - 1); rest = substr($0, k + 2)
        if (n[f]++ < 3) said[f] = said[f] (n[f] > 1 ? " " : "") $0
        if (rest ~ /^[0-9]* fel mot/) failed[f] = 1
        if (match(rest, /^\[[^]]*\] /)) named[f, substr(rest, 2, RLENGTH - 3)] = 1
        next
    }
    !($2 in failed) { print $3 ": kontrollen underkände inte filen: " said[$2]; next }
    !(($2, $1) in named) { print $3 ": inget fel [" $1 "]: " said[$2] }' "$T/out" "$T/forvant" >"$T/fel"
while IFS= read -r l; do fail "$l"; done <"$T/fel"

# a file that is not a PDF: status 2 and a message
echo "ingen pdf" >"$T/inte.pdf"
python3 "$CHECK" "$T/inte.pdf" >"$T/out" 2>&1
rc=$?
[ "$rc" -eq 2 ] || fail "en fil som inte är PDF gav status $rc, inte 2"
grep -q "qpdf kunde inte läsa filen" "$T/out" || fail "en fil som inte är PDF: inget meddelande: $(cat "$T/out")"

# tests/tools/struct_words.py (pdf_taggad.sh compares the charts' /Alt
# with the HTML charts): the good file's /Alt against a page whose chart
# shows the same numbers passes, a chart number the /Alt lacks fails.
page() {
    cat <<EOF
<html><body><p>Sidhuvud utanför main</p><main><h1>Rubrik ett</h1><p>Ett stycke text.</p>
<figure class="diagram"><table><thead><tr><th>Grupp</th><th>2019</th></tr></thead>
<tbody><tr><th>Ale</th><td>$2 möten</td></tr></tbody></table></figure>
<table><tr><th>Grupp</th><th>Antal</th></tr><tr><td>Ale</td><td>3</td></tr></table>
<p class="tillbaka"><a href="#">Till början</a></p>
<h2>Rubrik $1</h2><ul><li>1. En punkt</li></ul><p>Se <a href="#">webbplatsen</a>.</p></main></body></html>
EOF
}
page tva 3 >"$T/lika.html"
page tva 4 >"$T/fyra.html"
python3 "$CHECK" --figurer "$T/god.pdf" >"$T/alts"
python3 "$ROOT/tests/tools/struct_words.py" figurer "$T/lika.html" "$T/alts" >"$T/sw3" 2>&1 ||
    fail "struct_words.py: /Alt med diagrammets tal underkänns: $(cat "$T/sw3")"
python3 "$ROOT/tests/tools/struct_words.py" figurer "$T/fyra.html" "$T/alts" >"$T/sw4" 2>&1 &&
    fail "struct_words.py: /Alt utan diagrammets tal (4) godkänns"
grep -q '/Alt saknar talen 4' "$T/sw4" || fail "struct_words.py: fel meddelande för ett tal som fattas: $(cat "$T/sw4")"

# every rule the checker lists is broken by some case above (the first
# column of the expectations)
python3 "$CHECK" --regler >"$T/regellista"
[ -s "$T/regellista" ] || fail "pdfua_check.py --regler gav inga regler"
awk 'NR == FNR { split($0, a, "\t"); tried[a[1]] = 1; next }
     !($1 in tried) { print $1 }' "$T/forvant" "$T/regellista" >"$T/oprovade"
while IFS= read -r rule; do fail "regeln $rule prövas inte av något trasigt fall"; done <"$T/oprovade"

if [ "$FAILS" -gt 0 ]; then
    echo "$(basename "$0"): $FAILS fel" >&2
    exit 1
fi
echo "$(basename "$0"): ok ($n trasiga filer, en krypterad och en otaggad underkända med rätt regel)"
