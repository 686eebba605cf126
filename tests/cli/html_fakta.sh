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

# The checks of every report by one awk (they cost ~12 processes a report
# in a shell loop). First the sentences each text must hold, normalised
# as the texts are, "K|SENTENCE" for the K-th report: the count
# sentences, the title, and the no-training sentence when it has none.
awk -F'|' '{ m = $2 == 0 ? "Gruppen har inte haft några möten under " $1 "." : \
                 $2 == 1 ? "Gruppen har haft 1 möte under " $1 "." : "Gruppen har haft " $2 " möten under " $1 "."
             print NR "|" m; print NR "|Antal avvikelser under året: " $3 "."; print NR "|Årsberättelse " $1
             if ($7 == 0) print NR "|Inga utbildningsinsatser under året." }' "$out/tal" | vb_norm_lines > "$out/meningar"
# Then per report (inputs and tal in order): its HTML page and layout tree
# exist; each text (html, layout) holds every fact (fakta.xsl) and
# sentence, and the section headings in order (Analys when it has one,
# 5 and 6 when it has them); "5. Reflektion" and "6. Planering inför
# kommande år" in neither text when the report lacks the section.
awk -v out="$out" -v tal="$out/tal" -v meningar="$out/meningar" '
    function readall(file,   t, l) { t = ""; while ((getline l < file) > 0) t = t l; close(file); return t }
    function nonempty(file,   l, r) { r = (getline l < file) > 0; close(file); return r }
    BEGIN { while ((getline l < meningar) > 0) { k = substr(l, 1, index(l, "|") - 1); sent[k] = sent[k] substr(l, index(l, "|") + 1) "\n" } }
    { f = $0; k = NR
      if ((getline l < tal) <= 0) l = ""
      split(l, v, "|"); ar = v[1]; n_analys = v[4]; n_refl = v[5]; n_plan = v[6]
      n = f; sub(/^\.\//, "", n); sub(/\.xml$/, "", n); gsub(/\//, "_", n)
      page = f; sub(/\.xml$/, ".html", page)
      if (!nonempty(out "/html/" page)) { print f ": ingen HTML-sida"; next }
      if (!nonempty(out "/" n ".layout.xml")) { print f ": inget layoutträd"; next }
      nw = 0; delete want
      fakta = out "/" n ".fakta"
      while ((getline l < fakta) > 0) want[++nw] = l
      close(fakta)
      m = split(sent[k], x, "\n"); for (i = 1; i < m; i++) want[++nw] = x[i]
      nr = split("1. Gruppens sammansättning|2. Antal möten|3. Utbildningsinsatser|4. Avvikelser", rub, "|")
      if (n_analys != 0) rub[++nr] = "Analys"
      if (n_refl == 1) rub[++nr] = "5. Reflektion"
      if (n_plan == 1) rub[++nr] = "6. Planering inför kommande år"
      rubs = rub[1]; for (i = 2; i <= nr; i++) rubs = rubs "|" rub[i]
      for (kind = 1; kind <= 2; kind++) {
          kn = kind == 1 ? "html" : "layout"
          text[kind] = readall(out "/" n "." kn ".txt")
          for (i = 1; i <= nw; i++) if (want[i] != "" && index(text[kind], want[i]) == 0) print f " (" kn "): saknar \"" want[i] "\""
          checks++
          rest = text[kind]; ok = 1
          for (i = 1; i <= nr && ok; i++) { j = index(rest, rub[i]); if (j == 0) ok = 0; else rest = substr(rest, j + length(rub[i])) }
          if (!ok) print f " (" kn "): rubrikerna saknas eller står i fel ordning (" rubs ")"
      }
      checks += 2 * nw
      if (n_refl == 0) { checks++; if (index(text[1], "5. Reflektion") || index(text[2], "5. Reflektion")) print f ": \"5. Reflektion\" visas fast avsnittet saknas" }
      if (n_plan == 0) { checks++; if (index(text[1], "6. Planering inför kommande år") || index(text[2], "6. Planering inför kommande år")) print f ": \"6. Planering inför kommande år\" visas fast avsnittet saknas" }
    }
    END { print checks + 0 > "/dev/stderr" }' "$out/inputs" > "$out/fel" 2> "$out/checks"
while IFS= read -r line; do
    fail "$line"
done < "$out/fel"
checks=$((checks + $(cat "$out/checks")))
echo "html_fakta.sh: $checks kontroller, $failures fel"
[ "$failures" -eq 0 ]
