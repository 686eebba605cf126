#!/bin/sh
# vastbus arsbok on samples/gr-2019 (with gr-2018 as the previous year):
# exit status, cover, table of contents with TRUE page numbers, every
# chapter on a new page, Tjörn missing and Lilla Edet late, bookmarks two
# levels deep, "Sida N av M" on every page, qpdf and poppler silent, the
# summary's figures equal to sums computed from the XML here, the same
# bytes twice with SOURCE_DATE_EPOCH, the default output name.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
. "$ROOT/tests/arsbok/lib.sh"
cd "$ROOT" || exit 1
S=samples/gr-2019
F=samples/gr-2018
P=$T/bok.pdf
export SOURCE_DATE_EPOCH=1700000000

start=$(date +%s)
"$VB" arsbok $S/arsbok.xml -o "$P" 2>"$T/err"
rc=$?
[ "$rc" -eq 0 ] || fail "slutstatus $rc, väntade 0: $(tail -3 "$T/err")"
[ -s "$P" ] || { fail "ingen PDF"; finish; }
grep -q "^  Saknas: Tjörn\.$" "$T/err" || fail "slutraden nämner inte Tjörn som saknad"
grep -q "lilla-edet.xml:8: varning: inlämnad för sent: 2020-03-17, sista dagen var 2020-03-01" "$T/err" ||
    fail "Lilla Edets varning skrivs inte ut som av validera"
pdf_ok "$P"
N=$(pages "$P")

# --- cover
page_text "$P" 1 > "$T/p1"
for s in "Västbus – Årsberättelser 2019" "Göteborgsregionen" \
         "Utgivare +Delregionala ledningsgruppen för Västbus i Göteborgsregionen" \
         "Sammanställd +2023-11-14"; do
    grep -qE "$s" "$T/p1" || fail "omslaget saknar \"$s\""
done
pdfinfo "$P" | grep -q "^Title: *Västbus – Årsberättelser 2019 – Göteborgsregionen$" ||
    fail "fel titel i PDF:en"

# --- table of contents: each number is the page the heading is on
page_text "$P" 2 | ab_trim | grep -qx "Innehåll" || fail "sidan 2 är ingen innehållsförteckning"
ab_toc "$P" > "$T/toc"
[ "$(wc -l < "$T/toc")" -ge 25 ] || fail "innehållsförteckningen har för få rader: $(wc -l < "$T/toc")"
while IFS="$(printf '\t')" read -r page text; do
    # a chapter's entry is "place – own name"; its heading is the own name
    case $text in *" – "*) text=${text#* – } ;; esac
    real=$(ab_find "$P" "$text" 3)
    [ "$real" = "$page" ] ||
        fail "innehållet säger sidan $page för \"$text\", rubriken står på sidan \"$real\""
done < "$T/toc"

# --- one chapter per valid report, in the manifest's order, each first on
#     its page; the contents names it by its place as the summary does
#     ("Göteborg, Centrum"), then by its own name
# (one xsltproc per report for its place and name, not three xmllint)
names=$(for f in $(ab_listed $S); do
    xsltproc --nonet - "$f" 2>/dev/null <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:variable name="g" select="//*[local-name()='grupp']"/>
    <xsl:variable name="sd" select="normalize-space($g/*[local-name()='stadsdel'])"/>
    <xsl:value-of select="normalize-space($g/*[local-name()='kommun'])"/>
    <xsl:if test="$sd != ''"><xsl:value-of select="concat(', ', $sd)"/></xsl:if>
    <xsl:value-of select="concat(' – ', normalize-space($g/*[local-name()='namn']), '&#10;')"/>
  </xsl:template>
</xsl:stylesheet>
XSL
done | sed '/^$/d')
[ "$(printf '%s\n' "$names" | wc -l)" -eq 20 ] || fail "väntade 20 inlämnade årsberättelser"
prev=0
printf '%s\n' "$names" > "$T/names"
while read -r entry; do
    name=${entry#* – }
    p=$(awk -F '\t' -v n="$entry" '$2 == n { print $1; exit }' "$T/toc")
    if [ -z "$p" ]; then
        fail "kapitlet \"$entry\" saknas i innehållet"
        continue
    fi
    [ "$p" -gt "$prev" ] || fail "kapitlet \"$name\" står inte i manifestets ordning"
    prev=$p
    first=$(ab_index "$P" | awk -v p="$p" 'index($0, p "\t") == 1 && length($0) > length(p) + 1 { print substr($0, length(p) + 2); exit }')
    [ "$first" = "$name" ] || fail "kapitlet \"$name\" börjar inte på en ny sida (första raden på sidan $p: \"$first\")"
done < "$T/names"
grep -q "Lokala Västbusgruppen i Tjörn" "$T/toc" && fail "Tjörn har ett kapitel fast gruppen saknas"

# --- the summary
pdftotext -layout "$P" - | sed 's/\xc2\xa0/ /g' > "$T/all"
grep -q "Årsboken bygger på 20 av 21 förväntade årsberättelser" "$T/all" || fail "inlämnade: 20 av 21 saknas"
grep -q "Har inte lämnat in: Tjörn\." "$T/all" || fail "Tjörn står inte som saknad"
grep -q "Inlämnade för sent, efter den 1 mars: Lilla Edet (2020-03-17)\." "$T/all" || fail "Lilla Edet står inte som sen"
grep -q "Årsberättelsen lämnades in för sent, efter den 1 mars\." "$T/all" || fail "Lilla Edets kapitel säger inte att den kom sent"
fmt() { echo "$1" | sed -E ':a; s/([0-9])([0-9]{3})($| )/\1 \2\3/; ta'; }
# the figures of each listed report, one line each, by one xsltproc for
# all of them (was one xmllint per report per figure); tal COLUMN sums one
# over the reports as ab_xsum does (a file that does not parse adds 0)
# shellcheck disable=SC2046
xsltproc --nonet - $(ab_listed $S) > "$T/tal" 2>/dev/null <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:variable name="a" select="//*[local-name()='avvikelse']"/>
    <xsl:value-of select="concat(sum(//*[local-name()='moten']/@antal), ' ',
      sum(//*[local-name()='insats']/@deltagare), ' ', sum(//*[local-name()='avvikelser']/@antal), ' ',
      count($a[@kategori='riktlinjer-foljs-ej']), ' ', count($a[@kategori='insats-ej-utford']), ' ',
      count($a[@kategori='oenighet']), ' ', count($a[@kategori='ovrigt']), ' ',
      count($a[@status='lost-lokalt']), ' ', count($a[@status='skickad-delregionalt']), ' ',
      count($a[@status='pagaende']), '&#10;')"/>
  </xsl:template>
</xsl:stylesheet>
XSL
tal() { awk -v c="$1" '{ s += $c } END { print s + 0 }' "$T/tal"; }
m=$(tal 1)
tr '\n' ' ' < "$T/all" | tr -s ' ' | grep -q "sammanlagt $(fmt "$m") möten under 2019" ||
    fail "mötena i sammanfattningen är inte $m"
d=$(tal 2)
tr '\n' ' ' < "$T/all" | tr -s ' ' | grep -q "sammanlagt $(fmt "$d") deltagare" ||
    fail "deltagarna i sammanfattningen är inte $d"
a=$(tal 3)
tr '\n' ' ' < "$T/all" | tr -s ' ' | grep -q "sammanlagt $(fmt "$a") avvikelser under 2019" ||
    fail "avvikelserna i sammanfattningen är inte $a"
for k in "riktlinjer-foljs-ej:Riktlinjerna följs inte (t.ex." \
         "insats-ej-utford:Överenskommen insats i den" \
         "oenighet:Parterna är oeniga (om ansvar" "ovrigt:Övrigt "; do
    key=${k%%:*}; label=${k#*:}
    case $key in riktlinjer-foljs-ej) c=4 ;; insats-ej-utford) c=5 ;; oenighet) c=6 ;; *) c=7 ;; esac
    n=$(tal $c)
    got=$(grep -F "$label" "$T/all" | grep -E '[0-9]+ *$' | head -1 | awk '{ print $NF }')
    [ "$got" = "$n" ] || fail "kategorin $key: tabellen säger \"$got\", XML:en \"$n\""
done
for k in "lost-lokalt:Löst lokalt" "skickad-delregionalt:Skickad delregionalt" "pagaende:Pågående"; do
    key=${k%%:*}; label=${k#*:}
    case $key in lost-lokalt) c=8 ;; skickad-delregionalt) c=9 ;; *) c=10 ;; esac
    n=$(tal $c)
    got=$(grep -E "^ *$label +[0-9]+ *$" "$T/all" | head -1 | awk '{ print $NF }')
    [ "$got" = "$n" ] || fail "status $key: tabellen säger \"$got\", XML:en \"$n\""
done

# --- "Sida N av M" on every page but the cover, the footer too (one awk
#     over all pages' lines; the cover has none: arsbok_sidflode.sh)
ab_index "$P" | foot="Västbus årsberättelser 2019 – Göteborgsregionen" awk -v n="$N" '
    { p = substr($0, 1, index($0, "\t") - 1) + 0; l = substr($0, index($0, "\t") + 1)
      if (index(l, "Sida " p " av " n)) s[p] = 1
      if (index(l, ENVIRON["foot"])) f[p] = 1 }
    END { for (i = 2; i <= n; i++) {
            if (!s[i]) print "sidan " i " saknar \"Sida " i " av " n "\""
            if (!f[i]) print "sidan " i " saknar sidfoten" } }' > "$T/sidor"
while IFS= read -r msg; do fail "$msg"; done < "$T/sidor"

# --- bookmarks: Förord, Sammanfattning, 20 chapters; two levels, no third
qpdf --json --json-key=outlines "$P" > "$T/ol.json" 2>/dev/null || fail "qpdf --json"
node -e '
const o = JSON.parse(require("fs").readFileSync(process.argv[1], "utf8")).outlines;
const bad = [];
if (o.length !== 22) bad.push("nivå 1 har " + o.length + " bokmärken, väntade 22");
if (o[0].title !== "Förord") bad.push("första bokmärket är " + o[0].title);
if (o[1].title !== "Sammanfattning för delregionen" || o[1].kids.length !== 8)
  bad.push("sammanfattningens bokmärken");
for (const c of o.slice(2)) {
  if (c.kids.length < 4) bad.push(c.title + ": " + c.kids.length + " avsnitt");
  for (const k of c.kids) if (k.kids.length) bad.push(c.title + ": tredje nivå under " + k.title);
  if (!c.kids.some(k => k.title === "4. Avvikelser")) bad.push(c.title + ": inget 4. Avvikelser");
}
if (bad.length) { console.log(bad.join("\n")); process.exit(1); }
' "$T/ol.json" > "$T/ol.txt" 2>&1 || fail "bokmärken: $(head -5 "$T/ol.txt")"

# --- links: every TOC line is one
qpdf --qdf --object-streams=disable "$P" "$T/q.pdf"
links=$(grep -a -c "/Subtype /Link" "$T/q.pdf")
[ "$links" -ge "$(wc -l < "$T/toc")" ] || fail "för få länkar ($links)"

# --- reproducible; default output name beside the manifest
"$VB" arsbok $S/arsbok.xml -o "$T/igen.pdf" 2>/dev/null
cmp -s "$P" "$T/igen.pdf" || fail "två körningar med SOURCE_DATE_EPOCH gav olika PDF"
mkdir -p "$T/kopia"
cp $S/*.xml "$T/kopia/"
sed -i 's|<foregaende[^>]*/>||' "$T/kopia/arsbok.xml"
"$VB" arsbok "$T/kopia/arsbok.xml" 2>/dev/null || fail "utan -o: slutstatus $?"
[ -s "$T/kopia/arsbok-2019.pdf" ] || fail "utan -o hamnar PDF:en inte som arsbok-2019.pdf bredvid manifestet"
pdftotext "$T/kopia/arsbok-2019.pdf" - 2>/dev/null | grep -q "(2018: \|Status 2018" &&
    fail "utan foregaende ska inga 2018-siffror finnas"

echo "arsbok_pdf.sh: $N sidor, $(wc -c < "$P") byte, $(( $(date +%s) - start )) s"
finish
