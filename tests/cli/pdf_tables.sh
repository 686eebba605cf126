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
finish
