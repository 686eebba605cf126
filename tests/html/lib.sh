# lib.sh - shared by tests/cli/html_*.sh and tests/cli/layout_xslt.sh.
# Source it from the repository root: . tests/html/lib.sh
#
#   vb_inputs            every report the HTML/layout tests render: the
#                        format example, tests/html/fixtures/*.xml and every
#                        samples/*/*.xml whose root is an arsberattelse and
#                        that the schema accepts (the program renders no
#                        invalid report, so samples/ogiltiga/ is left out)
#   vb_name FILE         a unique output name for FILE (path with / -> _)
#   vb_render_html IN OUT   the page, by `vastbus html` (${VASTBUS:-./vastbus});
#                        never by a second implementation, so the tests
#                        fail when the program does
#   vb_render_layout IN OUT the layout tree, by xsltproc (the program keeps
#                        it internal; this checks the stylesheet itself)
#   vb_text_html HTML    the page's visible text (body), whitespace-normalised
#   vb_text_xml XML      the text of an XML file, whitespace-normalised
#   vb_norm              filter: NBSP -> space, one line, single spaces,
#                        no space between two digits ("1 250" -> "1250")

VB=${VASTBUS:-./vastbus}

vb_inputs() {
    echo doc/format-exempel.xml
    for f in tests/html/fixtures/*.xml; do
        [ -f "$f" ] && echo "$f"
    done
    set --
    for f in samples/*/*.xml; do
        [ -f "$f" ] || continue
        case $f in */ogiltiga/*|*/invalid/*) continue ;; esac
        set -- "$@" "$f"
    done
    [ $# -gt 0 ] || return 0
    if [ -f schema/arsberattelse.xsd ]; then
        # The valid reports, in order, by one xmllint for all of them (it
        # says "FILE validates" for each): the schema's one global
        # element is arsberattelse in the report namespace, so another
        # root (a yearbook manifest) never validates.
        xmllint --noout --nonet --schema schema/arsberattelse.xsd "$@" 2>&1 >/dev/null |
            awk -v list="$(printf '%s\n' "$@")" '
                { ok[$0] = 1 }
                END { n = split(list, f, "\n"); for (i = 1; i <= n; i++) if ((f[i] " validates") in ok) print f[i] }'
        return 0
    fi
    for f; do
        # The root element of a report carries the report namespace.
        xmllint --nonet --xpath "count(/*[local-name()='arsberattelse' and namespace-uri()='urn:vastbus:arsberattelse:1'])" "$f" 2>/dev/null | grep -qx 1 || continue
        echo "$f"
    done
}

vb_name() {
    echo "$1" | sed 's|^\./||; s|\.xml$||; s|/|_|g'
}

vb_render_html() {
    "$VB" html "$1" -o "$2"
}

vb_render_layout() {
    xsltproc --nonet xslt/rapport-layout.xsl "$1" > "$2"
}

vb_norm() {
    sed 's/\xc2\xa0/ /g' | tr '\n\t\r' '   ' | vb_norm_lines
}

# The same per line (for a file of facts, one per line).
vb_norm_lines() {
    sed -E 's/\xc2\xa0/ /g; s/[[:space:]]+/ /g; s/([0-9]) ([0-9])/\1\2/g; s/([0-9]) ([0-9])/\1\2/g; s/^ //; s/ $//'
}

# vb_missing TEXTFILE FACTFILE: print each line of FACTFILE (already
# normalised) that does not occur in the one-line TEXTFILE.
vb_missing() {
    awk 'NR == FNR { text = text $0; next } $0 != "" && index(text, $0) == 0 { print }' "$1" "$2"
}

vb_text_html() {
    # libxml2's HTML parser does not know HTML5 elements (main, section,
    # header): it complains on stderr but keeps them, which is all we need.
    xsltproc --nonet --html tests/html/text.xsl "$1" 2>/dev/null | vb_norm
}

vb_text_xml() {
    xsltproc --nonet tests/html/text.xsl "$1" | vb_norm
}

# A line that no report's text holds, put before each document when one
# xsltproc reads many (text.xsl and fakta.xsl take it as the param sep).
VB_SEP=@@vastbus-dokument@@

# vb_split LIST: filter; split the one line of vb_norm's output of many
# documents (each after VB_SEP) into one file per document, named by the
# lines of LIST in order, each file the one line vb_norm makes of that
# document alone.
vb_split() {
    awk -v sep="$VB_SEP" -v list="$1" '
        { n = split($0, part, sep)
          for (i = 2; i <= n; i++) {
              if ((getline f < list) <= 0) break
              t = part[i]; sub(/^ /, "", t); sub(/ $/, "", t)
              printf "%s", t > f; close(f)
          } }'
}
