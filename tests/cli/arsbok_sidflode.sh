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
# each listed report's own name, by one xsltproc for all (a file that does
# not parse gives nothing, as it gave no name before)
{
    echo '<filer>'
    for f in $(ab_listed $S); do printf '<f>%s</f>\n' "$ROOT/$f"; done
    echo '</filer>'
} > "$T/filer.xml"
xsltproc --nonet - "$T/filer.xml" 2>/dev/null <<'XSL' | sed '/^$/d' > "$T/names"
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:for-each select="/filer/f">
      <xsl:value-of select="string(document(string(.))/*[local-name()='arsberattelse']/*[local-name()='grupp']/*[local-name()='namn'])"/>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
XSL
[ "$(wc -l < "$T/names")" -ge 15 ] || fail "för få gruppnamn ur rapporterna: $(wc -l < "$T/names")"
# a chapter's entry is "place – own name" (the place as the summary
# writes it); its pages run from its entry's page up to the next entry's;
# the running head, the first line of each (blanks trimmed), is the own
# name. One awk over the table of contents, the names and every page's
# lines (ab_index: one pdftotext for the book).
ab_index "$P" > "$T/index"
awk -F '\t' -v N="$N" -v toc="$T/toc" -v names="$T/names" '
    FILENAME == toc { tp[++nt] = $1; t = $2; sub(/^[^–]* – /, "", t); tt[nt] = t; next }
    FILENAME == names { nm[++nn] = $0; next }
    { pg = substr($0, 1, index($0, "\t") - 1) + 0
      if (!(pg in head)) head[pg] = substr($0, index($0, "\t") + 1) }
    END {
        for (k = 1; k <= nn; k++) {
            first = ""
            for (i = 1; i <= nt; i++) if (tt[i] == nm[k]) { first = tp[i]; break }
            if (first == "") continue      # an invalid report has no chapter
            nxt = ""
            for (i = 1; i <= nt; i++) if (tp[i] + 0 > first + 0) { nxt = tp[i]; break }
            last = (nxt == "" ? N + 1 : nxt) - 1
            for (p = first + 0; p <= last; p++) {
                if (head[p] != nm[k]) print "sidan " p " i kapitlet " nm[k] " har inte gruppens namn som sidhuvud: " head[p]
                checked++
            }
        }
        print checked + 0 > "/dev/stderr"
    }' "$T/toc" "$T/names" "$T/index" > "$T/huvud" 2> "$T/checked"
while IFS= read -r l; do fail "$l"; done < "$T/huvud"
checked=$(cat "$T/checked")
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
# one pdftotext for all pages: for each page, how many of its lines start
# with WORD NUMBER (a bar's or row's label), per WORD, and whether it holds
# the long chart's title: "WORD PAGE COUNT TITLE" (TITLE 1 or 0)
pdftotext -layout "$Q" - 2>/dev/null | awk -v M="$M" '
    BEGIN { RS = "\f" }
    NR <= M { n = split($0, l, "\n")
              for (i = 1; i <= n; i++) {
                  if (l[i] ~ /^ *[^ ]+ [0-9]+( |$)/) { w = l[i]; sub(/^ */, "", w); sub(/ .*/, "", w); c[w SUBSEP NR]++ }
                  if (index(l[i], "Långt diagram")) title[NR] = 1
              } }
    END { for (k in c) { split(k, a, SUBSEP); print a[1], a[2], c[k], (a[2] in title) ? 1 : 0 } }' |
    sort -k2,2n > "$T/etiketter"
# pages holding lines that start with WORD NUMBER: "PAGE COUNT"
on_pages() { awk -v w="$1" '$1 == w { print $2, $3 }' "$T/etiketter"; }
for w in Kort Fem Två; do
    [ "$(on_pages $w | wc -l)" -eq 1 ] || fail "\"$w\" delas över sidor: $(on_pages $w | tr '\n' ' ')"
done
[ "$(on_pages Lång | wc -l)" -ge 2 ] || fail "det långa diagrammet ryms på en sida: testet prövar inget"
awk '$1 == "Lång" && $4 == 0 { print $2 }' "$T/etiketter" > "$T/utan"
while IFS= read -r pn; do fail "sidan $pn har staplar utan diagrammets rubrik"; done < "$T/utan"
for w in Lista Slut; do
    on_pages $w > "$T/split"
    [ "$(wc -l < "$T/split")" -ge 2 ] || continue
    awk '$2 < 2 { exit 1 }' "$T/split" || fail "\"$w\" lämnar färre än två rader på en sida: $(tr '\n' ' ' < "$T/split")"
done
finish
