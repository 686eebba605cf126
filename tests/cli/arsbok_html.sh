#!/bin/sh
# vastbus arsbok --html on samples/gr-2019: one self-contained page that
# tidy finds clean, headings in order without skipped levels, unique ids,
# a table of contents of links that all lead somewhere, and the same
# figures and wording as the PDF's summary. axe-core on the same page
# (desktop and phone width): tests/cli/html_axe.sh, in the browser it
# starts for the reports anyway.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
. "$ROOT/tests/arsbok/lib.sh"
cd "$ROOT" || exit 1
. tests/html/lib.sh
VB=${VASTBUS:-$ROOT/vastbus}
export SOURCE_DATE_EPOCH=1700000000
H=$T/arsbok.html
"$VB" arsbok samples/gr-2019/arsbok.xml -o "$T/bok.pdf" --html "$H" 2>"$T/err" ||
    fail "slutstatus $?: $(tail -3 "$T/err")"
[ -s "$H" ] || { fail "ingen HTML-sida"; finish; }

# tidy: 0 = clean (warnings count as failures)
tidy -q -e "$H" >"$T/tidy.txt" 2>&1 || fail "tidy: $(head -5 "$T/tidy.txt")"

# structure: lang, skip link, headings in order, ids unique, links land
xsltproc --nonet --html - "$H" 2>/dev/null > "$T/struktur.txt" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text"/>
  <xsl:template match="/">
    <xsl:text>lang </xsl:text><xsl:value-of select="/html/@lang"/><xsl:text>&#10;</xsl:text>
    <xsl:for-each select="//h1 | //h2 | //h3 | //h4 | //h5 | //h6">
      <xsl:text>h </xsl:text><xsl:value-of select="substring(name(), 2)"/><xsl:text>&#10;</xsl:text>
    </xsl:for-each>
    <xsl:for-each select="//@id"><xsl:text>id </xsl:text><xsl:value-of select="."/><xsl:text>&#10;</xsl:text></xsl:for-each>
    <xsl:for-each select="//a/@href[starts-with(., '#')]"><xsl:text>href </xsl:text><xsl:value-of select="substring(., 2)"/><xsl:text>&#10;</xsl:text></xsl:for-each>
    <xsl:for-each select="//table[not(caption)][not(@aria-labelledby)]"><xsl:text>tabell-utan-rubrik&#10;</xsl:text></xsl:for-each>
    <xsl:for-each select="//th[not(@scope)]"><xsl:text>th-utan-scope&#10;</xsl:text></xsl:for-each>
    <xsl:for-each select="//nav//a"><xsl:text>toc&#10;</xsl:text></xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
XSL
grep -qx "lang sv" "$T/struktur.txt" || fail "lang är inte sv"
awk '$1 == "h" { if (prev && $2 > prev + 1) { print "hopp " prev " -> " $2; bad = 1 } prev = $2 } END { exit bad }' \
    "$T/struktur.txt" >"$T/h.txt" || fail "rubriknivåer hoppar: $(head -3 "$T/h.txt")"
[ "$(grep '^h ' "$T/struktur.txt" | head -1)" = "h 1" ] || fail "första rubriken är inte h1"
dup=$(grep '^id ' "$T/struktur.txt" | sort | uniq -d | head -3)
[ -z "$dup" ] || fail "id förekommer två gånger: $dup"
grep '^href ' "$T/struktur.txt" | sort -u | while read -r _ ref; do
    grep -qx "id $ref" "$T/struktur.txt" || echo "$ref"
done > "$T/dangling"
[ -s "$T/dangling" ] && fail "länkar utan mål: $(head -3 "$T/dangling")"
grep -q tabell-utan-rubrik "$T/struktur.txt" && fail "en tabell saknar caption"
grep -q th-utan-scope "$T/struktur.txt" && fail "en th saknar scope"
[ "$(grep -c '^toc$' "$T/struktur.txt")" -eq 30 ] || fail "innehållsförteckningen har inte 30 länkar"
grep -q 'href="#innehall"' "$H" || fail "ingen hopplänk"
grep -qi '<link\|<script\|src=' "$H" && fail "sidan hämtar något utifrån"

# the same words and figures as the PDF
vb_text_html "$H" > "$T/html.txt"
pdftotext "$T/bok.pdf" - | vb_norm > "$T/pdf.txt"
for s in "Har inte lämnat in: Tjörn." \
         "Inlämnade för sent, efter den 1 mars: Lilla Edet (2020-03-17)." \
         "Årsboken bygger på 20 av 21 förväntade årsberättelser (2018: 20 av 21): de som har kommit in i giltigt skick." \
         "Grupperna har haft sammanlagt 103 möten under 2019, i genomsnitt 5,2 per grupp." \
         "Grupperna har genomfört 32 utbildningsinsatser med sammanlagt 1422 deltagare" \
         "Grupperna har rapporterat sammanlagt 81 avvikelser under 2019." \
         "Jämförelsen gäller de 19 grupper som har en giltig årsberättelse både 2019 och 2018" \
         "Socialtjänst – BUP" \
         "Årsberättelsen lämnades in för sent, efter den 1 mars." \
         "Sammanfattning för delregionen" "Lokala Västbusgruppen i Ale" "Västbusgruppen Öckerö"; do
    grep -qF "$s" "$T/html.txt" || fail "HTML-sidan saknar \"$s\""
    grep -qF "$s" "$T/pdf.txt" || fail "PDF:en saknar \"$s\""
done
finish
