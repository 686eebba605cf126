# lib.sh - shared by tests/cli/arsbok_*.sh (sourced from the top of the
# tree, after tests/tools/pdf_testlib.sh, which gives $ROOT, $T, fail,
# quiet, pdf_ok, page_text, pages and finish).
#
#   ab_xsum DIR XPATH      sum of xmllint XPATH (a number) over the report
#                          files a manifest in DIR lists (valid ones only)
#   ab_listed DIR          the report files the manifest DIR/arsbok.xml lists
#   ab_trim                filter: strip leading and trailing blanks
#   ab_toc PDF             "PAGE<TAB>TEXT" for each line of the table of
#                          contents (page 2), dot leaders removed
#   ab_index PDF           "PAGE<TAB>LINE" for every line of every page,
#                          blanks trimmed as ab_trim does: one pdftotext
#                          per PDF (kept under $T by checksum), so a loop
#                          over pages or headings reads one file with awk
#                          instead of starting tools per page
#   ab_find PDF TEXT FROM  first page >= FROM with a line that is exactly TEXT

VB=${VASTBUS:-$ROOT/vastbus}

ab_listed() {
    xmllint --nonet --xpath "//*[local-name()='grupp']/@fil" "$1/arsbok.xml" 2>/dev/null |
        sed 's/ fil="\([^"]*\)"/\1\n/g' | sed '/^$/d' | while read -r f; do
            [ -f "$1/$f" ] && echo "$1/$f"
        done
}

ab_xsum() {
    total=0
    for f in $(ab_listed "$1"); do
        n=$(xmllint --nonet --xpath "$2" "$f" 2>/dev/null)
        total=$((total + ${n:-0}))
    done
    echo "$total"
}

ab_trim() { sed 's/^[[:space:]]*//; s/[[:space:]]*$//'; }

ab_toc() {
    page_text "$1" 2 | ab_trim | grep -E '[0-9]+$' | grep -v 'Sida [0-9]* av [0-9]*$' |
        sed -E 's/^(.*[^ .])[ .]+([0-9]+)$/\2\t\1/' | grep -P '^\d+\t'
}

ab_index() {
    ix=$T/index.$(cksum < "$1" | tr ' ' '.')
    if [ ! -f "$ix" ]; then
        pdftotext -layout "$1" - 2>/dev/null |
            awk 'BEGIN { RS = "\f" } { n = split($0, l, "\n"); for (i = 1; i <= n; i++) print NR "\t" l[i] }' |
            sed 's/^\([0-9]*\)\t[[:space:]]*/\1\t/; s/[[:space:]]*$//' > "$ix"
    fi
    cat "$ix"
}

ab_find() {
    ab_index "$1" | ab_t=$2 awk -v from="$3" '
        { p = substr($0, 1, index($0, "\t") - 1) + 0
          if (p >= from && substr($0, index($0, "\t") + 1) == ENVIRON["ab_t"] "") { print p; found = 1; exit } }
        END { exit !found }'
}

# --- the season (tests/cli/sasong_*.sh) ------------------------------
#   ab_info FILE           "ar|kommun|stadsdel|datum" of a report, or
#                          nothing when FILE is not an arsberattelse
#   ab_expect DIR          the report each entry of DIR/arsbok.xml gets,
#                          computed here from the XML alone: "kommun|stadsdel|fil"
#                          per entry, fil empty when none; an entry without
#                          fil gets the report below DIR for its year, kommun
#                          and stadsdel with the latest inlamning/@datum

ab_x() { xmllint --nonet --xpath "$1" "$2" 2>/dev/null; }

ab_info() {
    # one xsltproc: nothing when the root is no arsberattelse (or the file
    # does not parse), as the four xmllint before it gave
    xsltproc --nonet - "$1" 2>/dev/null <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:if test="count(/*[local-name()='arsberattelse']) = 1">
      <xsl:value-of select="concat(string(/*/@ar), '|',
        normalize-space(/*/*[local-name()='grupp']/*[local-name()='kommun']), '|',
        normalize-space(/*/*[local-name()='grupp']/*[local-name()='stadsdel']), '|',
        string(/*/*[local-name()='inlamning']/@datum), '&#10;')"/>
    </xsl:if>
  </xsl:template>
</xsl:stylesheet>
XSL
}

ab_expect() {
    m=$1/arsbok.xml
    (cd "$1" && find . -name '*.xml' -type f | sed 's|^\./||' | sort) > "$T/ab_files"
    : > "$T/ab_infos"
    while IFS= read -r f; do
        [ "$f" = arsbok.xml ] && continue
        i=$(ab_info "$1/$f")
        [ -n "$i" ] && printf '%s|%s\n' "$i" "$f" >> "$T/ab_infos"
    done < "$T/ab_files"
    # the manifest's year, then "kommun|stadsdel|fil" of each grupp in
    # order, by one xsltproc (was three xmllint per grupp)
    xsltproc --nonet - "$m" 2>/dev/null > "$T/ab_grupper" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:value-of select="concat(string(/*/@ar), '&#10;')"/>
    <xsl:for-each select="//*[local-name()='grupp']">
      <xsl:value-of select="concat(string(@kommun), '|', string(@stadsdel), '|', string(@fil), '&#10;')"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
XSL
    ar=$(sed -n 1p "$T/ab_grupper")
    sed 1d "$T/ab_grupper" | while IFS='|' read -r ko sd fil; do
        if [ -z "$fil" ]; then
            fil=$(awk -F'|' -v a="$ar" -v k="$ko" -v s="$sd" \
                '$1 == a && $2 == k && $3 == s { print $4 "|" $5 }' "$T/ab_infos" |
                sort -r | head -1 | cut -d'|' -f2)
        elif [ ! -f "$1/$fil" ]; then
            fil=
        fi
        printf '%s|%s|%s\n' "$ko" "$sd" "$fil"
    done
}
