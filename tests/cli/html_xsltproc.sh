#!/bin/sh
# `xsltproc xslt/rapport-html.xsl R.xml` gives byte for byte the page that
# `vastbus html R.xml` writes, for every report.
set -eu
[ -f xslt/rapport-html.xsl ] || { echo "html_xsltproc.sh: kör från förrådets rot" >&2; exit 2; }
. tests/html/lib.sh
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failures=0
checks=0
for f in $(vb_inputs); do
    checks=$((checks + 1))
    n=$(vb_name "$f")
    xsltproc --nonet xslt/rapport-html.xsl "$f" > "$out/$n.xsltproc.html"
    if ! "$VB" html "$f" -o "$out/$n.vastbus.html"; then
        echo "FAIL: $f: $VB html misslyckades" >&2
        failures=$((failures + 1))
    elif ! cmp -s "$out/$n.xsltproc.html" "$out/$n.vastbus.html"; then
        echo "FAIL: $f: xsltproc och $VB html ger olika sidor:" >&2
        diff "$out/$n.xsltproc.html" "$out/$n.vastbus.html" | head -20 >&2 || true
        failures=$((failures + 1))
    fi
done
echo "html_xsltproc.sh: $checks sidor, $failures fel"
[ "$failures" -eq 0 ]
