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

# in_order TEXTFILE S1 S2 ...: the strings occur in this order (the file
# is one line, vb_norm's)
in_order() {
    file=$1; shift
    IFS= read -r rest < "$file" || :
    for s in "$@"; do
        case $rest in
            *"$s"*) rest=${rest#*"$s"} ;;
            *) return 1 ;;
        esac
    done
}

# Every report's texts by a few processes for all of them, not a dozen
# per report: the pages by one `vastbus html -d` per source folder, the
# layout trees by one xsltproc (its outputs one after another, each from
# its XML declaration on), the texts and the facts by one xsltproc each,
# a separator line before each document (vb_split).
vb_inputs > "$out/inputs"
n_in=$(wc -l < "$out/inputs")
sed 's|/[^/]*$||' "$out/inputs" | sort -u > "$out/dirs"
while IFS= read -r d; do
    mkdir -p "$out/html/$d"
    # shellcheck disable=SC2046
    "$VB" html -d "$out/html/$d" $(grep "^$d/[^/]*\$" "$out/inputs") </dev/null >/dev/null 2>"$out/html.err" || :
done < "$out/dirs"
: > "$out/html.list"; : > "$out/htmltxt.list"; : > "$out/layout.list"
while IFS= read -r f; do
    n=$(vb_name "$f")
    if [ -s "$out/html/${f%.xml}.html" ]; then
        echo "$out/html/${f%.xml}.html" >> "$out/html.list"
        echo "$out/$n.html.txt" >> "$out/htmltxt.list"
    fi
    echo "$out/$n.layout.xml" >> "$out/layout.list"
done < "$out/inputs"
# shellcheck disable=SC2046
xsltproc --nonet xslt/rapport-layout.xsl $(cat "$out/inputs") 2>"$out/layout.err" |
    awk -v list="$out/layout.list" '
        /^<\?xml / { if (f != "") close(f); if ((getline f < list) <= 0) f = "/dev/null" }
        { print > f }'
if [ -s "$out/html.list" ]; then
    # shellcheck disable=SC2046
    xsltproc --nonet --html --stringparam sep "$VB_SEP" tests/html/text.xsl $(cat "$out/html.list") 2>/dev/null |
        vb_norm | vb_split "$out/htmltxt.list"
fi
sed 's/\.layout\.xml$/.layout.txt/' "$out/layout.list" > "$out/layouttxt.list"
# shellcheck disable=SC2046
xsltproc --nonet --stringparam sep "$VB_SEP" tests/html/text.xsl $(cat "$out/layout.list") 2>/dev/null |
    vb_norm | vb_split "$out/layouttxt.list"
# shellcheck disable=SC2046
xsltproc --nonet --stringparam sep "$VB_SEP" tests/html/fakta.xsl $(cat "$out/inputs") |
    vb_norm_lines | awk -v sep="$VB_SEP" -v list="$out/layout.list" '
        $0 == sep { if (f != "") close(f); if ((getline f < list) <= 0) f = "/dev/null"
                    sub(/\.layout\.xml$/, ".fakta", f); printf "" > f; next }
        { print > f }'
# the figures each report needs: year, meetings, deviations, and how many
# analys, reflektion, planering and insats elements it has, one line per
# report in the order of the inputs
# shellcheck disable=SC2046
xsltproc --nonet - $(cat "$out/inputs") > "$out/tal" <<'XSL'
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
[ "$(wc -l < "$out/tal")" -eq "$n_in" ] || fail "xsltproc gav inte en rad tal per rapport"

exec 3< "$out/tal"
while IFS= read -r f; do
    IFS='|' read -r ar moten avv n_analys n_reflektion n_planering n_insats <&3 || :
    n=$(vb_name "$f")
    [ -s "$out/html/${f%.xml}.html" ] || { fail "$f: ingen HTML-sida"; continue; }
    [ -s "$out/$n.layout.xml" ] || { fail "$f: inget layoutträd"; continue; }
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

    # what each text must hold: the facts, the count sentences, the title
    # (normalised as the texts are), checked by one awk per text
    { cat "$out/$n.fakta"
      { printf '%s\n' "$motesmening" "$avvmening" "Årsberättelse $ar"
        [ "$n_insats" != 0 ] || echo "Inga utbildningsinsatser under året."
      } | vb_norm_lines
    } > "$out/want"
    for kind in html layout; do
        txt="$out/$n.$kind.txt"
        vb_missing "$txt" "$out/want" > "$out/missing"
        while IFS= read -r fact; do
            fail "$f ($kind): saknar \"$fact\""
        done < "$out/missing"
        checks=$((checks + 1))
        old_ifs=$IFS; IFS='|'
        # shellcheck disable=SC2086
        in_order "$txt" $rubriker || fail "$f ($kind): rubrikerna saknas eller står i fel ordning ($rubriker)"
        IFS=$old_ifs
    done
    checks=$((checks + 2 * $(wc -l < "$out/want")))
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
done < "$out/inputs"
exec 3<&-
echo "html_fakta.sh: $checks kontroller, $failures fel"
[ "$failures" -eq 0 ]
