#!/bin/sh
# The same facts appear in the HTML page and in the layout tree (the PDF's
# source) of every report: names, organisations, dates, titles, counts,
# descriptions, actions, analysis, reflection and planning texts
# (tests/html/fakta.xsl lists them from the XML), plus the count sentences
# and section headings in order. Run from the repository root.
set -eu
[ -f xslt/rapport-html.xsl ] || { echo "html_fakta.sh: kör från förrådets rot" >&2; exit 2; }
. tests/html/lib.sh

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failures=0
checks=0
fail() { echo "FAIL: $*" >&2; failures=$((failures + 1)); }

# contains TEXTFILE STRING: STRING (normalised) occurs in TEXTFILE
contains() {
    needle=$(printf '%s' "$2" | vb_norm)
    grep -qF -- "$needle" "$1"
}

# in_order TEXTFILE S1 S2 ...: the strings occur in this order
in_order() {
    file=$1; shift
    rest=$(cat "$file")
    for s in "$@"; do
        case $rest in
            *"$s"*) rest=${rest#*"$s"} ;;
            *) return 1 ;;
        esac
    done
}

for f in $(vb_inputs); do
    n=$(vb_name "$f")
    vb_render_html "$f" "$out/$n.html" || { fail "$f: ingen HTML-sida"; continue; }
    vb_render_layout "$f" "$out/$n.layout.xml" || { fail "$f: inget layoutträd"; continue; }
    vb_text_html "$out/$n.html" > "$out/$n.html.txt"
    vb_text_xml "$out/$n.layout.xml" > "$out/$n.layout.txt"
    xsltproc --nonet tests/html/fakta.xsl "$f" | vb_norm_lines > "$out/$n.fakta"

    # the figures this file needs from the report, by one xsltproc:
    # year, meetings, deviations, and how many analys, reflektion,
    # planering and insats elements it has
    xsltproc --nonet - "$f" > "$out/tal" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:value-of select="concat(string(/*/@ar), '|', string(/*/*[local-name()='moten']/@antal), '|',
      string(/*/*[local-name()='avvikelser']/@antal), '|', count(//*[local-name()='analys']), '|',
      count(/*/*[local-name()='reflektion']), '|', count(/*/*[local-name()='planering']), '|',
      count(//*[local-name()='insats']), '&#10;')"/>
  </xsl:template>
</xsl:stylesheet>
XSL
    IFS='|' read -r ar moten avv n_analys n_reflektion n_planering n_insats < "$out/tal"
    case $moten in
        0) motesmening="Gruppen har inte haft några möten under $ar." ;;
        1) motesmening="Gruppen har haft 1 möte under $ar." ;;
        *) motesmening="Gruppen har haft $moten möten under $ar." ;;
    esac
    avvmening="Antal avvikelser under året: $avv."
    rubriker="1. Gruppens sammansättning|2. Antal möten|3. Utbildningsinsatser|4. Avvikelser"
    [ "$n_analys" = 0 ] || rubriker="$rubriker|Analys"
    [ "$n_reflektion" = 1 ] && rubriker="$rubriker|5. Reflektion"
    [ "$n_planering" = 1 ] && rubriker="$rubriker|6. Planering inför kommande år"

    for kind in html layout; do
        txt="$out/$n.$kind.txt"
        checks=$((checks + $(wc -l < "$out/$n.fakta")))
        vb_missing "$txt" "$out/$n.fakta" > "$out/missing"
        while IFS= read -r fact; do
            fail "$f ($kind): saknar \"$fact\""
        done < "$out/missing"
        for s in "$motesmening" "$avvmening" "Årsberättelse $ar"; do
            checks=$((checks + 1))
            contains "$txt" "$s" || fail "$f ($kind): saknar \"$s\""
        done
        if [ "$n_insats" != 0 ]; then :; else
            checks=$((checks + 1))
            contains "$txt" "Inga utbildningsinsatser under året." || fail "$f ($kind): saknar \"Inga utbildningsinsatser under året.\""
        fi
        checks=$((checks + 1))
        old_ifs=$IFS; IFS='|'
        # shellcheck disable=SC2086
        in_order "$txt" $rubriker || fail "$f ($kind): rubrikerna saknas eller står i fel ordning ($rubriker)"
        IFS=$old_ifs
    done
    # Reflektion and Planering only when present.
    for pair in "reflektion|5. Reflektion" "planering|6. Planering inför kommande år"; do
        el=${pair%%|*}; rub=${pair#*|}
        eval "cnt=\$n_$el"
        if [ "$cnt" = 0 ]; then
            checks=$((checks + 1))
            if grep -qF "$rub" "$out/$n.html.txt" || grep -qF "$rub" "$out/$n.layout.txt"; then
                fail "$f: \"$rub\" visas fast avsnittet saknas"
            fi
        fi
    done
done
echo "html_fakta.sh: $checks kontroller, $failures fel"
[ "$failures" -eq 0 ]
