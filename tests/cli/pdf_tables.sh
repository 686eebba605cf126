#!/bin/sh
# A group of 60 members: the table runs over pages and its header row is
# repeated on each; every row is there once; empty cells and narrow cells
# with long compounds typeset.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
L=$ROOT/tests/layout
P=$T/t60.pdf
sats "$L/tabell-60.xml" "$P" || finish
pdf_ok "$P"
N=$(pages "$P")
[ "$N" -ge 2 ] || fail "60 medlemmar borde ta minst två sidor, blev $N"
for i in $(seq 1 "$N"); do
    t=$(page_text "$P" "$i")
    echo "$t" | grep -q "Sida $i av $N" || fail "sidan $i saknar \"Sida $i av $N\""
    # pages that hold table rows start the table with the header row
    if echo "$t" | grep -q -E "(Kommun|Region|Privat) *$"; then
        echo "$t" | grep -q -E "Namn +Funktion +Organisation +Huvudman" ||
            fail "sidan $i: tabellens rubrikrad upprepas inte"
    fi
done
# with a caption, each page the table runs on to repeats it with
# "(forts.)" above the header row; the first page has it once, plain
sed 's/<table /<table caption="Gruppens medlemmar" /' "$L/tabell-60.xml" > "$T/t60c.xml"
sats "$T/t60c.xml" "$T/t60c.pdf" && {
    Nc=$(pages "$T/t60c.pdf")
    page_text "$T/t60c.pdf" 1 | grep -q -E "^ *Gruppens medlemmar *$" ||
        fail "sidan 1: tabellrubriken saknas"
    for i in $(seq 2 "$Nc"); do
        t=$(page_text "$T/t60c.pdf" "$i")
        echo "$t" | grep -q -E "(Kommun|Region|Privat) *$" || continue
        echo "$t" | grep -q -E "^ *Gruppens medlemmar \(forts\.\) *$" ||
            fail "sidan $i: tabellen fortsätter utan sin rubrik med \"(forts.)\""
    done
}
rows=$(pdftotext -layout "$P" - | grep -c -E "(Kommun|Region|Privat) *$")
[ "$rows" -eq 60 ] || fail "väntade 60 tabellrader, fann $rows"
pdftotext "$P" - | grep -q "(ordförande)" || fail "ordföranden är inte markerad"
for f in tomma-celler smala-celler; do
    sats "$L/$f.xml" "$T/$f.pdf" && pdf_ok "$T/$f.pdf"
done
pdftotext "$T/tomma-celler.pdf" - | grep -q "Efter tabellen." || fail "text efter tom tabell saknas"
# compounds in narrow cells: hyphenated (hyphens at line ends in the
# layout), and whole again when poppler joins the lines
pdftotext -layout "$T/smala-celler.pdf" - > "$T/smala.txt"
n=$(grep -o -E "[a-zåäöA-ZÅÄÖ]-( |$)" "$T/smala.txt" | wc -l)
[ "$n" -ge 20 ] || fail "för få avstavningar i de smala cellerna ($n)"
pdftotext "$T/smala-celler.pdf" "$T/smala-raw.txt"
for w in ungdomspsykiatrin utbildningsinsatser samverkansmöte socialförvaltningen \
         elevhälsochef Västbusgruppen barnkonventionen Överenskommelsen \
         ärendehanteringssystemet elevhälsopersonal; do
    grep -q -F "$w" "$T/smala-raw.txt" || fail "ordet $w kommer inte tillbaka helt"
done
# adjacent cells stay apart in the copied text: the gap between two
# columns' text (two cell paddings) is wide enough that poppler does not
# read two cells on one baseline as one line ("Individ- och familjeSkickad
# delomsorgen"). Every member's function and organisation and every
# deviation's reporting and concerned party of the samples must come out
# of pdftotext as one run of words (24 of 2805 table cells of the samples
# did not with a gap of 8 pt).
mkdir -p "$T/celler"
for d in "$ROOT/samples/gr-2019" "$ROOT/samples/sodra-alvsborg/2017" "$ROOT/samples/sodra-alvsborg/2018" "$ROOT/samples/sodra-alvsborg/2019"; do
    mkdir -p "$T/celler/$(basename "$d")"
    "$VB" pdf -d "$T/celler/$(basename "$d")" "$d" 2>/dev/null
    for f in "$d"/*.xml; do
        o=$T/celler/$(basename "$d")/$(basename "$f" .xml)
        [ -f "$o.pdf" ] || continue
        pdftotext "$o.pdf" - | tr -s ' \n' '  ' > "$o.txt"
        xsltproc --nonet - "$f" 2>/dev/null <<'XSL' > "$o.celler"
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:for-each select="//*[local-name()='medlem']/*[local-name()='funktion' or local-name()='organisation'] | //*[local-name()='avvikelse']/*[local-name()='rapporterande' or local-name()='berord']">
      <xsl:value-of select="normalize-space(.)"/><xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
XSL
    done
done
# every cell's text a substring of its PDF's one-line text: one awk for
# all files (a grep per cell was ~2800 processes)
awk 'FNR == 1 { t = FILENAME; sub(/\.celler$/, ".txt", t); cur = ""
                while ((getline l < t) > 0) cur = cur l
                close(t)
                n = split(FILENAME, p, "/"); name = p[n - 1] "/" p[n]; sub(/\.celler$/, "", name) }
     $0 != "" && index(cur, $0) == 0 { print name ": " $0 }' "$T"/celler/*/*.celler > "$T/ihop"
[ "$(cat "$T"/celler/*/*.celler | wc -l)" -ge 500 ] || fail "för få tabellceller prövade ur exemplen"
[ -s "$T/ihop" ] && fail "$(wc -l < "$T/ihop") tabellceller kommer inte ut hela ur pdftotext (grannceller ihopslagna): $(head -3 "$T/ihop" | tr '\n' ';')"
finish
