#!/bin/sh
# Regenerates templates/stil.xml from templates/rapport.css.
#
# XSLT 1.0 cannot read a text file, so the CSS that every HTML page embeds
# is wrapped in an XML file (CSS in one CDATA section) that
# xslt/rapport-html.xsl reads with document(). rapport.css is the source;
# stil.xml is generated and committed. tests/cli/html_css.sh fails when
# the two differ.
#
#   templates/stil-fran-css.sh            rewrite templates/stil.xml
#   templates/stil-fran-css.sh --stdout   print what it would write
set -eu
dir=$(cd "$(dirname "$0")" && pwd)
css="$dir/rapport.css"
if grep -q ']]>' "$css"; then
    echo "stil-fran-css.sh: rapport.css innehåller ']]>', som inte får stå i en CDATA-sektion" >&2
    exit 1
fi
generate() {
    printf '<?xml version="1.0" encoding="UTF-8"?>\n'
    printf '<!-- Generated from rapport.css by stil-fran-css.sh; edit rapport.css, not this file. -->\n'
    printf '<stil xmlns="urn:vastbus:stil:1" kalla="rapport.css"><![CDATA[\n'
    cat "$css"
    printf ']]></stil>\n'
}
if [ "${1:-}" = "--stdout" ]; then
    generate
else
    tmp="$dir/.stil.xml.$$"
    generate > "$tmp"
    mv -f "$tmp" "$dir/stil.xml"
fi
