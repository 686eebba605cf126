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

# The page-text checks of every page by one awk (a grep or two per check
# and page cost ~20 processes a page): pages.tsv has "PAGE<TAB>FILE<TAB>
# TITLE" per page, in order.
: > "$out/pages.tsv"
exec 3< "$out/titlar"
while IFS= read -r f; do
    IFS= read -r line <&3 || line=
    ar=${line%%|*}; grupp=${line#*|}
    page="$out/html/${f%.xml}.html"
    [ -s "$page" ] || { fail "$f: ingen HTML-sida"; continue; }
    printf '%s\t%s\t%s\n' "$page" "$f" "<title>Årsberättelse $ar – $grupp</title>" >> "$out/pages.tsv"
    checks=$((checks + 10))

    # Headings, tables, th: read the page with libxml2's HTML parser.
    xsltproc --nonet --html tests/html/struktur.xsl "$page" 2>/dev/null > "$out/struktur.txt" ||
        { fail "$f: sidan kunde inte läsas"; continue; }
    while IFS= read -r line; do
        fail "$f: $line"
    done < "$out/struktur.txt"
    checks=$((checks + 3))
done < "$out/inputs"
exec 3<&-
if [ -s "$out/pages.tsv" ]; then
    # shellcheck disable=SC2046
    awk -v tsv="$out/pages.tsv" '
        # occurrences of the fixed string s in t, without overlap (grep -o)
        function count(t, s,   n, k) { n = 0
            while ((k = index(t, s)) > 0) { n++; t = substr(t, k + length(s)) }
            return n }
        # occurrences of the regex r in t, without overlap (grep -o)
        function rcount(t, r,   n) { n = 0
            while (match(t, r) && RLENGTH > 0) { n++; t = substr(t, RSTART + RLENGTH) }
            return n }
        function has(s) { return (s in seen) }
        function judge() {
            if (cur == "") return
            if (!doctype) print f[cur] ": börjar inte med <!DOCTYPE html>"
            if (!seen[1]) print f[cur] ": saknar <html lang=\"sv\">"
            if (charsets != 1) print f[cur] ": teckenkodningen ska deklareras exakt en gång"
            if (!seen[2]) print f[cur] ": saknar viewport"
            if (!seen[3]) print f[cur] ": fel <title>"
            if (!seen[4]) print f[cur] ": saknar hopplänk till innehållet"
            if (!seen[5]) print f[cur] ": saknar <main id=\"innehall\">"
            if (h1 != 1) print f[cur] ": ska ha exakt en h1"
            if (outside) print f[cur] ": hämtar externa resurser"
            if (!seen[6]) print f[cur] ": saknar utskriftsformat (@media print)"
        }
        BEGIN { FS = "\t"
            while ((getline l < tsv) > 0) { split(l, x, "\t"); f[x[1]] = x[2]; title[x[1]] = x[3] }
            FS = " "
            want[1] = "<html lang=\"sv\">"
            want[2] = "<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\">"
            want[4] = "<a class=\"hoppa\" href=\"#innehall\">Hoppa till innehållet</a>"
            want[5] = "<main id=\"innehall\""
            want[6] = "@media print" }
        FNR == 1 { judge(); cur = FILENAME; want[3] = title[cur]; delete seen
                   doctype = ($0 == "<!DOCTYPE html>"); charsets = 0; h1 = 0; outside = 0 }
        { for (i = 1; i <= 6; i++) if (!seen[i] && index($0, want[i])) seen[i] = 1
          lc = tolower($0)
          charsets += rcount(lc, "<meta (charset|http-equiv=\"content-type\")")
          h1 += count($0, "<h1")
          if (lc ~ /<(link|script|img|iframe|object|embed|source)[ >]|url\(|@import|src=/) outside = 1 }
        END { judge() }' $(cut -f1 "$out/pages.tsv") > "$out/sidor.txt"
    while IFS= read -r line; do
        fail "$line"
    done < "$out/sidor.txt"
fi
echo "html_struktur.sh: $checks kontroller, $failures fel"
[ "$failures" -eq 0 ]
