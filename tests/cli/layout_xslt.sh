#!/bin/sh
# data-only: the stylesheet alone, run by xsltproc (the program keeps the
# layout tree internal; its PDFs are tested by pdf_*.sh).
# xslt/rapport-layout.xsl turns every report (format example, fixtures,
# samples) into a layout tree that is well-formed, valid against
# schema/layout.xsd once that exists, and follows ../shared/TEMPLATE.md:
# metadata, running header and footer, title block, the section headings
# in order with their ids, the tables with their column headings and one
# row per member/effort/deviation, the chair marked (ordförande)
# (tests/html/layout-kontroll.xsl). Run from the repository root.
set -eu
[ -f xslt/rapport-layout.xsl ] || { echo "layout_xslt.sh: kör från förrådets rot" >&2; exit 2; }
. tests/html/lib.sh

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failures=0
checks=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }
schema=schema/layout.xsd
[ -f "$schema" ] || echo "layout_xslt.sh: $schema finns inte ännu; kontrollerar bara välformighet och innehåll"

for f in $(vb_inputs); do
    tree="$out/$(vb_name "$f").layout.xml"
    checks=$((checks + 1))
    if ! vb_render_layout "$f" "$tree" 2>"$out/err"; then
        fail "$f: xsltproc misslyckades:"; sed 's/^/    /' "$out/err" >&2; continue
    fi
    checks=$((checks + 1))
    xmllint --noout --nonet "$tree" 2>"$out/err" || { fail "$f: layoutträdet är inte välformat:"; sed 's/^/    /' "$out/err" >&2; continue; }
    if [ -f "$schema" ]; then
        checks=$((checks + 1))
        xmllint --noout --nonet --schema "$schema" "$tree" >"$out/err" 2>&1 ||
            { fail "$f: layoutträdet följer inte $schema:"; sed 's/^/    /' "$out/err" >&2; }
    fi
    checks=$((checks + 1))
    xsltproc --nonet --stringparam rapport "$(pwd)/$f" tests/html/layout-kontroll.xsl "$tree" > "$out/kontroll" 2>&1 ||
        fail "$f: kontrollen kunde inte köras"
    while IFS= read -r line; do
        fail "$f: $line"
    done < "$out/kontroll"
done
echo "layout_xslt.sh: $checks kontroller, $failures fel"
[ "$failures" -eq 0 ]
