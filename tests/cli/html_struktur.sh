#!/bin/sh
# The HTML page of every report is a self-contained, accessible HTML5 page:
# <!DOCTYPE html>, <html lang="sv">, one charset declaration, viewport,
# title "Årsberättelse <år> – <grupp>", a skip link to <main id>, exactly
# one h1, headings that never skip a level, every table with a caption and
# every th with a scope, a print stylesheet, nothing loaded from outside
# (no link/script/img/iframe, no url(), no @import); and
# templates/stil.xml is what templates/stil-fran-css.sh makes of
# templates/rapport.css. Run from the repository root.
set -eu
[ -f xslt/rapport-html.xsl ] || { echo "html_struktur.sh: kör från förrådets rot" >&2; exit 2; }
. tests/html/lib.sh

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failures=0
checks=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

checks=$((checks + 1))
if ! sh templates/stil-fran-css.sh --stdout | cmp -s - templates/stil.xml; then
    fail "templates/stil.xml är inte genererad från rapport.css: kör templates/stil-fran-css.sh"
fi

# The pages by one `vastbus html -d` per source folder, and each report's
# year and group name (escaped as the title has them) by one xsltproc for
# all reports, one line each in the order of the inputs.
vb_inputs > "$out/inputs"
sed 's|/[^/]*$||' "$out/inputs" | sort -u > "$out/dirs"
while IFS= read -r d; do
    mkdir -p "$out/html/$d"
    # shellcheck disable=SC2046
    "$VB" html -d "$out/html/$d" $(grep "^$d/[^/]*\$" "$out/inputs") </dev/null >/dev/null 2>&1 || :
done < "$out/dirs"
# shellcheck disable=SC2046
xsltproc --nonet - $(cat "$out/inputs") 2>/dev/null <<'XSL' | sed 's/&/\&amp;/g; s/</\&lt;/g; s/>/\&gt;/g' > "$out/titlar"
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:value-of select="concat(string(/*/@ar), '|',
      normalize-space(/*/*[local-name()='grupp']/*[local-name()='namn']), '&#10;')"/>
  </xsl:template>
</xsl:stylesheet>
XSL
[ "$(wc -l < "$out/titlar")" -eq "$(wc -l < "$out/inputs")" ] || fail "xsltproc gav inte år och grupp för varje rapport"

exec 3< "$out/titlar"
while IFS= read -r f; do
    IFS= read -r line <&3 || line=
    ar=${line%%|*}; grupp=${line#*|}
    page="$out/html/${f%.xml}.html"
    [ -s "$page" ] || { fail "$f: ingen HTML-sida"; continue; }

    check() { # description, then a command that must succeed
        d=$1; shift
        checks=$((checks + 1))
        "$@" || fail "$f: $d"
    }
    has() { grep -qF -- "$1" "$page"; }
    hasnt() { ! grep -qiE -- "$1" "$page"; }
    count_is() { [ "$(grep -oF -- "$1" "$page" | wc -l)" -eq "$2" ]; }

    check "börjar inte med <!DOCTYPE html>" sh -c 'head -c 16 "$1" | grep -qx "<!DOCTYPE html>"' sh "$page"
    check 'saknar <html lang="sv">' has '<html lang="sv">'
    check "teckenkodningen ska deklareras exakt en gång" \
        sh -c '[ "$(grep -oiE "<meta (charset|http-equiv=\"Content-Type\")" "$1" | wc -l)" -eq 1 ]' sh "$page"
    check "saknar viewport" has '<meta name="viewport" content="width=device-width, initial-scale=1">'
    check "fel <title>" has "<title>Årsberättelse $ar – $grupp</title>"
    check "saknar hopplänk till innehållet" has '<a class="hoppa" href="#innehall">Hoppa till innehållet</a>'
    check "saknar <main id=\"innehall\">" has '<main id="innehall"'
    check "ska ha exakt en h1" count_is '<h1' 1
    check "hämtar externa resurser" hasnt '<(link|script|img|iframe|object|embed|source)[ >]|url\(|@import|src='
    check "saknar utskriftsformat (@media print)" has '@media print'

    # Headings, tables, th: read the page with libxml2's HTML parser.
    xsltproc --nonet --html tests/html/struktur.xsl "$page" 2>/dev/null > "$out/struktur.txt" ||
        { fail "$f: sidan kunde inte läsas"; continue; }
    while IFS= read -r line; do
        fail "$f: $line"
    done < "$out/struktur.txt"
    checks=$((checks + 3))
done < "$out/inputs"
exec 3<&-
echo "html_struktur.sh: $checks kontroller, $failures fel"
[ "$failures" -eq 0 ]
