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

ab_find() {
    n=$(pages "$1")
    i=$3
    while [ "$i" -le "$n" ]; do
        if page_text "$1" "$i" | ab_trim | grep -qxF "$2"; then
            echo "$i"
            return 0
        fi
        i=$((i + 1))
    done
    return 1
}
