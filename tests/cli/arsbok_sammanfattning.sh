#!/bin/sh
# The summary the management group reads, checked against sums computed
# here from the report XML (xmllint), on the HTML yearbook (the same model
# as the PDF: tests/cli/arsbok_html.sh compares their text):
#   - the system-fault table holds exactly the deviations with
#     status="skickad-delregionalt" or systemfel="ja";
#   - the pair table: each pair's total is the sum of both directions,
#     both directions and the number of groups as in the XML;
#   - a group without a valid report reads "saknas"/"ogiltig", never "–";
#   - last year like with like: only the groups valid both years;
#   - the foregaende chain: one column per year with each year's sums;
#   - a cycle in the chain, or a missing link, is a clear error, fast.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
. "$ROOT/tests/arsbok/lib.sh"
cd "$ROOT" || exit 1
export SOURCE_DATE_EPOCH=1700000000
S=samples/gr-2019
F=samples/gr-2018
H=$T/bok.html
"$VB" arsbok $S/arsbok.xml -o "$T/bok.pdf" --html "$H" 2>"$T/err" || fail "slutstatus $?: $(tail -3 "$T/err")"
hx() { xmllint --html --xpath "$1" "$H" 2>/dev/null; }
# rows TABLE-ID: each body row of that table in $H as "th|td1|td2|…", every
# cell normalize-space()d: one xsltproc per table, not one xmllint per cell
rows() {
    xsltproc --nonet --html --stringparam id "$1" - "$H" 2>/dev/null <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:param name="id"/>
  <xsl:template match="/">
    <xsl:for-each select="//table[@id=$id]/tbody/tr">
      <xsl:value-of select="normalize-space(th)"/>
      <xsl:for-each select="td"><xsl:text>|</xsl:text><xsl:value-of select="normalize-space(.)"/></xsl:for-each>
      <xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
XSL
}
# devs FILE: each listed deviation of a report, in order, as
# "datum|status|systemfel|rapporterande verksamhet|berörd verksamhet"
devs() {
    xsltproc --nonet - "$1" 2>/dev/null <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:for-each select="//*[local-name()='avvikelse']">
      <xsl:value-of select="concat(@datum, '|', @status, '|', @systemfel, '|',
        *[local-name()='rapporterande']/@verksamhet, '|', *[local-name()='berord']/@verksamhet, '&#10;')"/>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
XSL
}
# the valid reports of a manifest folder, as "fil" lines: one validera
# over all of them; a file is valid when no finding of it is an error
valid() {
    ab_expect "$1" | cut -d'|' -f3 | sed '/^$/d' | sed "s|^|$1/|" > "$T/kand"
    tr '\n' '\0' < "$T/kand" | xargs -0 "$VB" validera -q > "$T/fynd" 2>&1
    awk 'NR == FNR { if (index($0, ": fel: ") || index($0, ": systemfel: ")) bad[$0] = 1; next }
         { for (l in bad) if (index(l, $0 ":") == 1) next; print }' "$T/fynd" "$T/kand"
}
valid $S > "$T/v19"
valid $F > "$T/v18"
name() { ab_x "normalize-space(concat(//*[local-name()='grupp']/*[local-name()='kommun'], substring(concat(', ', //*[local-name()='grupp']/*[local-name()='stadsdel']), 1, 200 * boolean(//*[local-name()='grupp']/*[local-name()='stadsdel']))))" "$1"; }

# --- the system-fault table: exactly the deviations sent on or marked
: > "$T/sf-want"
while IFS= read -r f; do
    g=$(name "$f")
    devs "$f" | awk -F'|' -v g="$g" '$2 == "skickad-delregionalt" || $3 == "ja" { print g "|" $1 }' >> "$T/sf-want"
done < "$T/v19"
rows tabell-systemfel | cut -d'|' -f1,2 > "$T/sf-got"
sort "$T/sf-want" > "$T/a"; sort "$T/sf-got" > "$T/b"
[ -s "$T/a" ] || fail "exemplet har inga avvikelser till delregional nivå"
cmp -s "$T/a" "$T/b" || fail "systemfelstabellen: $(diff "$T/a" "$T/b" | head -6)"
grep -q "^Sammanlagt $(wc -l < "$T/a") avvikelser har skickats vidare till delregional nivå" "$T/a" 2>/dev/null ||
    hx "normalize-space(//section[.//table[@id='tabell-systemfel']]/p[1])" | grep -q "^Sammanlagt $(wc -l < "$T/a") avvikelser har skickats vidare" ||
    fail "meningen före systemfelstabellen har inte antalet $(wc -l < "$T/a")"

# --- pairs: both directions together, from the XML
lbl() { case $1 in socialtjanst) echo Socialtjänst;; skola) echo Skola;; elevhalsa) echo Elevhälsa;;
    forskola) echo Förskola;; primarvard) echo Primärvård;; bup) echo BUP;; habilitering) echo Habilitering;;
    ungdomsmottagning) echo Ungdomsmottagning;; polis) echo Polis;; fritid) echo Fritid;; ovrig) echo Övrig;; esac; }
ord=" socialtjanst skola elevhalsa forskola primarvard bup habilitering ungdomsmottagning polis fritid ovrig "
pos() { p=${ord%% $1 *}; echo ${#p}; }
: > "$T/dev"
gi=0
while IFS= read -r f; do
    gi=$((gi + 1))
    devs "$f" > "$T/devs"
    while IFS='|' read -r _ _ _ r b; do
        if [ "$(pos "$r")" -le "$(pos "$b")" ]; then echo "$(lbl "$r") – $(lbl "$b")|fram|$gi"; else echo "$(lbl "$b") – $(lbl "$r")|bak|$gi"; fi
    done < "$T/devs"
done < "$T/v19" > "$T/dev"
awk -F'|' '{ t[$1]++; if ($2 == "fram") f[$1]++; else b[$1]++; if (!s[$1 "|" $3]++) g[$1]++ }
    END { for (p in t) printf "%s|%d|%d|%d|%d\n", p, f[p], b[p], t[p], g[p] }' "$T/dev" | sort > "$T/par-want"
rows tabell-par | cut -d'|' -f1-5 | sort > "$T/par-got"
cmp -s "$T/par-want" "$T/par-got" || fail "partabellen: $(diff "$T/par-want" "$T/par-got" | head -6)"
awk -F'|' '$2 + $3 != $4 { print "summan för " $1 " är inte båda hållen: " $0 }' "$T/par-got" > "$T/bad"
[ -s "$T/bad" ] && fail "$(cat "$T/bad")"
[ "$(awk -F'|' '{ s += $4 } END { print s }' "$T/par-got")" = "$(wc -l < "$T/dev")" ] || fail "partabellen räknar inte alla listade avvikelser"
# recurring pairs are marked, and the sentence names the top one
top=$(sort -t'|' -k5,5nr -k4,4nr "$T/par-want" | head -1)
hx "normalize-space(//section[.//table[@id='tabell-par']])" | grep -q "De par som återkommer i flest grupper är ${top%%|*} ($(echo "$top" | cut -d'|' -f4) avvikelser i $(echo "$top" | cut -d'|' -f5) grupper)" ||
    fail "meningen nämner inte ${top%%|*} först"
[ "$(hx "count(//table[@id='tabell-par']/tbody/tr[@class='markerad'])")" = "$(awk -F'|' '$5 >= 2' "$T/par-want" | wc -l | tr -d ' ')" ] ||
    fail "markerade par är inte de som två grupper eller fler rapporterar"

# --- "saknas" never looks like 0: Tjörn has no report in 2019
row="//table[@id='tabell-pergrupp']/tbody/tr[th='Tjörn']"
[ "$(hx "normalize-space($row/td[1])")" = saknas ] || fail "Tjörns siffror för 2019 står inte som saknas: $(hx "normalize-space($row)")"
hx "//table[@id='tabell-pergrupp']/tbody//td" | grep -q '>–<' && fail "ett streck står för en saknad siffra i tabellen per grupp"

# --- last year like with like
# (each 2018 report's name read once, not once per 2019 report)
while IFS= read -r h; do printf '%s|%s\n' "$(name "$h")" "$h"; done < "$T/v18" > "$T/n18"
both=$(while IFS= read -r f; do g=$(name "$f") awk -F'|' -v f="$f" '$1 == ENVIRON["g"] { print f "|" substr($0, length($1) + 2) }' "$T/n18"; done < "$T/v19")
nb=$(printf '%s\n' "$both" | sed '/^$/d' | wc -l)
m19=0; m18=0
for p in $(printf '%s\n' "$both" | sed 's/ /%20/g'); do
    a=$(printf '%s' "${p%%|*}" | sed 's/%20/ /g'); b=$(printf '%s' "${p#*|}" | sed 's/%20/ /g')
    m19=$((m19 + $(ab_x "sum(//*[local-name()='moten']/@antal)" "$a")))
    m18=$((m18 + $(ab_x "sum(//*[local-name()='moten']/@antal)" "$b")))
done
hx "normalize-space(//section[.//table[@id='tabell-jamforelse']]/p[1])" | grep -q "Jämförelsen gäller de $nb grupper som har en giltig årsberättelse både 2019 och 2018" ||
    fail "jämförelsen gäller inte $nb grupper"
row="//table[@id='tabell-jamforelse']/tbody/tr[th='Möten']"
got="$(hx "normalize-space($row/td[1])")|$(hx "normalize-space($row/td[2])")"
[ "$got" = "$m19|$m18" ] || fail "jämförelsens möten: \"$got\", XML:en \"$m19|$m18\" (samma grupper båda åren)"

# --- the chain: Södra Älvsborg 2017-2019, one column per year
C=samples/sodra-alvsborg
"$VB" arsbok $C/2019/arsbok.xml -o "$T/sa.pdf" --html "$T/sa.html" 2>/dev/null
H=$T/sa.html
yrs=$(hx "//table[@id='tabell-trend']/thead/tr/th" | sed 's/<[^>]*>/ /g' | tr -s ' \n' '  ' | sed 's/^ //; s/ $//')
[ "$yrs" = "Uppgift 2017 2018 2019" ] || fail "trendtabellens år: $yrs"
i=0
for y in 2017 2018 2019; do
    i=$((i + 1))
    t=0
    valid $C/$y > "$T/vy"
    while IFS= read -r f; do t=$((t + $(ab_x "sum(//*[local-name()='moten']/@antal)" "$f"))); done < "$T/vy"
    got=$(hx "normalize-space(//table[@id='tabell-trend']/tbody/tr[th='Möten']/td[$i])")
    [ "$got" = "$t" ] || fail "trendtabellen, möten $y: \"$got\", XML:en $t"
done
[ "$(hx "count(//figure[.//table[contains(@class, 'diagram')]])")" -ge 6 ] || fail "färre än sex diagram (möten, insatser, fyra kategorier per år och möten per grupp)"

# --- a cycle and a missing link: clear errors, no hang
D=$T/kedja
mkdir -p "$D"
cp -r $C/2017 $C/2018 $C/2019 "$D/"
sed -i 's|</grupper>|</grupper>\n  <foregaende fil="../2019/arsbok.xml"/>|' "$D/2017/arsbok.xml"
timeout 60 "$VB" arsbok "$D/2019/arsbok.xml" -o "$T/c.pdf" 2>"$T/err"
rc=$?
[ "$rc" -eq 1 ] || fail "cirkel: slutstatus $rc, väntade 1"
grep -q "2017/arsbok.xml:[0-9]*: fel: föregående-kedjan går i cirkel: fil=\"../2019/arsbok.xml\" pekar tillbaka på årsboken för 2019, som redan är med i kedjan" "$T/err" ||
    fail "cirkeln sägs inte: $(cat "$T/err")"
[ -e "$T/c.pdf" ] && fail "en årsbok gjordes trots cirkeln"
timeout 60 "$VB" statistik "$D/2019/arsbok.xml" >/dev/null 2>"$T/err"
[ $? -eq 1 ] || fail "statistik med cirkel: slutstatus"
sed -i 's|<foregaende fil="../2019/arsbok.xml"/>|<foregaende fil="../2016/arsbok.xml"/>|' "$D/2017/arsbok.xml"
timeout 60 "$VB" arsbok "$D/2019/arsbok.xml" -o "$T/c.pdf" 2>"$T/err"
[ $? -eq 1 ] || fail "saknad länk: slutstatus"
grep -q 'föregående årsboksmanifest "../2016/arsbok.xml" finns inte' "$T/err" || fail "den saknade länken sägs inte: $(cat "$T/err")"
# --- the first sentence: an abbreviation's full stop does not end it
M=$T/mening
mkdir -p "$M"
cp samples/gr-2019/*.xml "$M/"
sed -i '/<foregaende/d' "$M/arsbok.xml"
forsta='Kallad part, t.ex. BUP och bl.a. skolan, kom inte (jfr. riktlinjerna) till mötet.'
sed -i "0,/<beskrivning>Oenighet om vem som ansvarar/s||<beskrivning>$forsta Andra meningen. Oenighet om vem som ansvarar|" "$M/ale.xml"
grep -qF "$forsta" "$M/ale.xml" || fail "mening: texten sattes inte in"
"$VB" arsbok "$M/arsbok.xml" --html "$T/mening.html" 2>"$T/err" || fail "mening: slutstatus $?: $(tail -3 "$T/err")"
xmllint --html --xpath "//table[@id='tabell-systemfel']/tbody/tr/td" "$T/mening.html" 2>/dev/null | sed 's/<[^>]*>//g' > "$T/celler"
grep -qxF "$forsta" "$T/celler" || fail "mening: systemfelstabellen har inte \"$forsta\": $(grep -F 'Kallad part' "$T/celler")"
finish
