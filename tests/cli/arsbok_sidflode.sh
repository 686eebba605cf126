#!/bin/sh
# Page flow and finding one's way in the yearbook (samples/gr-2019): the
# cover has no header, footer or page number (its page label stays);
# every page of a group's chapter carries the group's own name (from its
# report) as running head. Then charts and tables in a layout of our own:
# a chart that fits on a page is not split, a longer one repeats its title
# on every page that holds its bars; a table of up to six rows is not
# split, a longer one leaves at least two rows on each side of a break.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
. "$ROOT/tests/arsbok/lib.sh"
cd "$ROOT" || exit 1
S=samples/gr-2019
P=$T/bok.pdf
export SOURCE_DATE_EPOCH=1700000000
"$VB" arsbok $S/arsbok.xml -o "$P" 2>"$T/err" || { fail "arsbok misslyckades: $(tail -2 "$T/err")"; finish; }
N=$(pages "$P")

# --- the cover: no "Sida", no footer, no header line; page label 1 stays
page_text "$P" 1 > "$T/p1"
grep -q "Sida" "$T/p1" && fail "omslaget har sidnummer: $(grep Sida "$T/p1")"
grep -q "Västbus årsberättelser 2019 – Göteborgsregionen" "$T/p1" && fail "omslaget har sidfot"
qpdf --json --json-key=pagelabels "$P" | tr -d ' \n' | grep -q '{"index":0,"label":{"/S":"/D"' ||
    fail "sidetiketterna börjar inte med 1 på omslaget"
page_text "$P" 2 | grep -q "Sida 2 av $N" || fail "sidan 2 saknar \"Sida 2 av $N\""

# --- running heads: each chapter's pages (from the table of contents up
# to the next entry) carry the group's name from its report
ab_toc "$P" > "$T/toc"
for f in $(ab_listed $S); do
    xmllint --nonet --noout "$f" 2>/dev/null || continue
    ab_x "string(/*[local-name()='arsberattelse']/*[local-name()='grupp']/*[local-name()='namn'])" "$f"
    echo
done | sed '/^$/d' > "$T/names"
[ "$(wc -l < "$T/names")" -ge 15 ] || fail "för få gruppnamn ur rapporterna: $(wc -l < "$T/names")"
checked=0
while IFS= read -r name; do
    # a chapter's entry is "place – own name" (the place as the summary
    # writes it); the running head is the own name
    first=$(awk -F '\t' -v n="$name" '{ t = $2; sub(/^[^–]* – /, "", t) } t == n { print $1; exit }' "$T/toc")
    [ -n "$first" ] || continue      # an invalid report has no chapter
    next=$(awk -F '\t' -v p="$first" '$1 > p { print $1; exit }' "$T/toc")
    last=$(( ${next:-$((N + 1))} - 1 ))
    p=$first
    while [ "$p" -le "$last" ]; do
        page_text "$P" "$p" | ab_trim | head -1 | grep -qxF "$name" ||
            fail "sidan $p i kapitlet $name har inte gruppens namn som sidhuvud: $(page_text "$P" "$p" | ab_trim | head -1)"
        p=$((p + 1)); checked=$((checked + 1))
    done
done < "$T/names"
[ "$checked" -ge 30 ] || fail "bara $checked kapitelsidor kontrollerade"

# --- charts and tables in a layout of our own
bars() { i=1; while [ "$i" -le "$1" ]; do printf '<bar label="%s %d" value="%d"/>' "$2" "$i" "$i"; i=$((i + 1)); done; }
rows() { i=1; while [ "$i" -le "$1" ]; do printf '<row><cell>%s %d</cell><cell>%d</cell></row>' "$2" "$i" "$i"; i=$((i + 1)); done; }
fill() { i=1; while [ "$i" -le "$1" ]; do printf '<p>Fyllnadsrad %d som tar plats på sidan.</p>' "$i"; i=$((i + 1)); done; }
{
    echo '<?xml version="1.0" encoding="UTF-8"?>'
    echo '<document xmlns="urn:vastbus:layout:1" title="Sidflöde" lang="sv-SE"><body>'
    fill 36; echo "<chart type=\"bar\" title=\"Kort diagram\">$(bars 8 Kort)</chart>"
    echo '<page-break/>'
    fill 10; echo "<chart type=\"bar\" title=\"Långt diagram\">$(bars 70 Lång)</chart>"
    echo '<page-break/>'
    fill 40; echo "<table><thead><row><cell>Rad</cell><cell>Tal</cell></row></thead><tbody>$(rows 5 Fem)</tbody></table>"
    echo '<page-break/>'
    fill 42; echo "<table><thead><row><cell>Rad</cell><cell>Tal</cell></row></thead><tbody>$(rows 2 Två)</tbody></table>"
    echo '<page-break/>'
    fill 43; echo "<table><thead><row><cell>Rad</cell><cell>Tal</cell></row></thead><tbody>$(rows 40 Lista)</tbody></table>"
    echo '<page-break/>'
    fill 22; echo "<table><thead><row><cell>Rad</cell><cell>Tal</cell></row></thead><tbody>$(rows 50 Slut)</tbody></table>"
    echo '</body></document>'
} > "$T/flode.xml"
Q=$T/flode.pdf
sats "$T/flode.xml" "$Q" || finish
pdf_ok "$Q"
M=$(pages "$Q")
p=1
while [ "$p" -le "$M" ]; do page_text "$Q" "$p" > "$T/q$p"; p=$((p + 1)); done
# pages holding lines that start with WORD NUMBER (a bar's or row's label)
on_pages() { p=1; while [ "$p" -le "$M" ]; do n=$(grep -c -E "^ *$1 [0-9]+( |\$)" "$T/q$p"); [ "$n" -gt 0 ] && echo "$p $n"; p=$((p + 1)); done; }
for w in Kort Fem Två; do
    [ "$(on_pages $w | wc -l)" -eq 1 ] || fail "\"$w\" delas över sidor: $(on_pages $w | tr '\n' ' ')"
done
[ "$(on_pages Lång | wc -l)" -ge 2 ] || fail "det långa diagrammet ryms på en sida: testet prövar inget"
for pn in $(on_pages Lång | awk '{ print $1 }'); do
    grep -q "Långt diagram" "$T/q$pn" || fail "sidan $pn har staplar utan diagrammets rubrik"
done
for w in Lista Slut; do
    on_pages $w > "$T/split"
    [ "$(wc -l < "$T/split")" -ge 2 ] || continue
    awk '$2 < 2 { exit 1 }' "$T/split" || fail "\"$w\" lämnar färre än två rader på en sida: $(tr '\n' ' ' < "$T/split")"
done
finish
