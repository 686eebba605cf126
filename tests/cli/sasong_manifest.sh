#!/bin/sh
# vastbus manifest: for every subregion and every year the geography covers the groups
# are exactly those data/geografi.xml gives (computed here with xsltproc);
# with KATALOG the reports found by content get fil, last year's manifest
# in a sibling folder becomes foregaende; the file is valid for the XSD
# and for vastbus; an existing file is never overwritten without
# --skriv-over; usage.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
. "$ROOT/tests/arsbok/lib.sh"
cd "$ROOT" || exit 1

grep -o 'delregion id="[^"]*" namn="[^"]*"' data/geografi.xml | sed 's/.*namn="//; s/"$//' > "$T/delregioner"
[ "$(wc -l < "$T/delregioner")" -eq 4 ] || fail "fyra delregioner i data/geografi.xml"
# Every year the geography covers: from 2005 (its first year) to the year
# after the last fran/till it names, so every change of membership or
# district is crossed.
last=$(grep -o '\(fran\|till\)="[0-9]*"' data/geografi.xml | grep -o '[0-9][0-9]*' | sort -n | tail -1)
[ "$last" -ge 2020 ] || fail "data/geografi.xml: sista år $last"
ar_list=$(seq 2005 $((last + 1)))
i=0
mkdir -p "$T/man"
: > "$T/man/lista"
while IFS= read -r d; do
    for ar in $ar_list; do
        i=$((i + 1))
        "$VB" manifest --delregion "$d" --ar "$ar" > "$T/man/$i.xml" 2> "$T/err" || { fail "$d $ar: slutstatus $?: $(cat "$T/err")"; continue; }
        printf '%s|%s|%s\n' "$T/man/$i.xml" "$d" "$ar" >> "$T/man/lista"
    done
done < "$T/delregioner"
# For every manifest written, by one xsltproc (each start costs time): the
# groups straight from the geography for its subregion and year as
# "N|want|kommun|stadsdel" (a kommun without districts that year is one
# group, "kommun|"; one with districts, a group per district), then what
# the manifest says: "N|ar|YEAR", "N|delregion|NAME" and
# "N|got|kommun|stadsdel" per group.
awk -F'|' 'BEGIN { print "<lista>" }
    { gsub(/&/, "\\&amp;"); gsub(/</, "\\&lt;"); gsub(/"/, "\\&quot;")
      printf "<m n=\"%d\" f=\"%s\" d=\"%s\" ar=\"%s\"/>\n", NR, $1, $2, $3 }
    END { print "</lista>" }' "$T/man/lista" > "$T/man/lista.xml"
cat > "$T/alla.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:g="urn:vastbus:geografi:1" xmlns:a="urn:vastbus:arsbok:1">
  <xsl:output method="text"/>
  <xsl:param name="geo"/>
  <xsl:variable name="geografi" select="document($geo)"/>
  <xsl:template match="/">
    <xsl:for-each select="/lista/m">
      <xsl:variable name="n" select="@n"/>
      <xsl:variable name="d" select="string(@d)"/>
      <xsl:variable name="ar" select="string(@ar)"/>
      <xsl:for-each select="$geografi//g:kommun[g:tillhor[@delregion = $d and @fran &lt;= $ar and (not(@till) or @till &gt;= $ar)]]">
        <xsl:variable name="k" select="@namn"/>
        <xsl:variable name="sd" select="g:stadsdel[@fran &lt;= $ar and (not(@till) or @till &gt;= $ar)]"/>
        <xsl:for-each select="$sd"><xsl:value-of select="concat($n, '|want|', $k, '|', @namn, '&#10;')"/></xsl:for-each>
        <xsl:if test="not($sd)"><xsl:value-of select="concat($n, '|want|', $k, '|&#10;')"/></xsl:if>
      </xsl:for-each>
      <xsl:for-each select="document(string(@f))">
        <xsl:value-of select="concat($n, '|ar|', string(/*/@ar), '&#10;', $n, '|delregion|', normalize-space(//*[local-name()='delregion']), '&#10;')"/>
        <xsl:for-each select="//a:grupp"><xsl:value-of select="concat($n, '|got|', @kommun, '|', @stadsdel, '&#10;')"/></xsl:for-each>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
XSL
xsltproc --nonet --stringparam geo "$ROOT/data/geografi.xml" "$T/alla.xsl" "$T/man/lista.xml" > "$T/man/alla" 2> "$T/err" ||
    fail "xsltproc på manifesten: $(head -3 "$T/err")"
# the same groups as the geography (as many of each), year and subregion
awk -F'|' -v lista="$T/man/lista" '
    BEGIN { while ((getline l < lista) > 0) { m++; split(l, x, "|"); d[m] = x[2]; ar[m] = x[3] } }
    $2 == "want" { w[$1]++; c[$1 SUBSEP $3 "|" $4]++; next }
    $2 == "got" { c[$1 SUBSEP $3 "|" $4]--; next }
    $2 == "ar" { gotar[$1] = $3; next }
    $2 == "delregion" { gotd[$1] = $3; next }
    END {
        for (k in c) if (c[k] != 0) { split(k, x, SUBSEP); diff[x[1]] = diff[x[1]] (nd[x[1]]++ < 4 ? " " (c[k] > 0 ? "saknas " : "extra ") x[2] : "") }
        for (i = 1; i <= m; i++) {
            if (!(i in w)) print d[i] " " ar[i] ": inga grupper i data/geografi.xml"
            checked++
            if (i in diff) print d[i] " " ar[i] ": grupperna skiljer sig från data/geografi.xml:" diff[i]
            if (gotar[i] != ar[i]) print d[i] " " ar[i] ": fel år"
            if (gotd[i] != d[i]) print d[i] " " ar[i] ": fel delregion"
        }
        print checked + 0 > "/dev/stderr"
    }' "$T/man/alla" > "$T/man/fel" 2> "$T/man/checked"
while IFS= read -r l; do fail "$l"; done < "$T/man/fel"
checked=$(cat "$T/man/checked")
# every manifest against the XSD by one xmllint (the schema compiled once,
# not once per subregion and year): "FILE validates" for each good one
cut -d'|' -f1 "$T/man/lista" | tr '\n' '\0' | xargs -0 xmllint --noout --nonet --schema schema/arsbok.xsd > /dev/null 2> "$T/xl"
awk -F'|' -v xl="$T/xl" '
    BEGIN { while ((getline l < xl) > 0) { said[++n] = l; if (l ~ / validates$/) ok[substr(l, 1, length(l) - 10)] = 1 } }
    !($1 in ok) { s = ""; k = 0
                  for (i = 1; i <= n && k < 3; i++) if (index(said[i], $1)) { s = s (k++ ? " " : "") said[i] }
                  print $2 " " $3 ": manifestet följer inte schemat: " s }' "$T/man/lista" > "$T/man/fel"
while IFS= read -r l; do fail "$l"; done < "$T/man/fel"
[ "$checked" -eq $((4 * $(echo "$ar_list" | wc -l))) ] || fail "bara $checked delregioner och år prövade"
# Göteborg in 2019: ten districts, each its own group
"$VB" manifest --delregion Göteborgsregionen --ar 2019 | grep -c 'kommun="Göteborg" stadsdel=' | grep -qx 10 || fail "Göteborg 2019: tio stadsdelar"

# --- with KATALOG: fil for the reports found, foregaende from the sibling
D=$T/sa
mkdir -p "$D"
cp -r samples/sodra-alvsborg/2018 samples/sodra-alvsborg/2019 "$D/"
rm "$D/2019/arsbok.xml"
"$VB" manifest --delregion "Södra Älvsborg" --ar 2019 "$D/2019" 2> "$T/err" || fail "manifest med katalog: slutstatus $?: $(cat "$T/err")"
M=$D/2019/arsbok.xml
[ -s "$M" ] || fail "manifest med katalog: ingen $M"
xmllint --noout --nonet --schema schema/arsbok.xsd "$M" 2>/dev/null || fail "det skrivna manifestet följer inte schemat"
"$VB" validera -q "$M" || fail "vastbus validera godtar inte det skrivna manifestet"
[ "$(ab_x "string(//*[local-name()='foregaende']/@fil)" "$M")" = "../2018/arsbok.xml" ] || fail "foregaende är inte ../2018/arsbok.xml"
cp samples/sodra-alvsborg/2019/arsbok.xml "$T/orig.xml"
# the files it names are the ones the original manifest's entries get
mkdir -p "$T/exp" && cp -r samples/sodra-alvsborg/2019/. "$T/exp/"
ab_expect "$T/exp" > "$T/expect"
while IFS='|' read -r ko sd fil; do
    got=$(ab_x "string(//*[local-name()='grupp'][@kommun='$ko']/@fil)" "$M")
    [ "$got" = "$fil" ] || fail "$ko: fil=\"$got\", väntade \"$fil\""
done < "$T/expect"
grep -q "Okänd fil i mappen: inkommet/lerum.xml" "$M" || fail "den okända filen nämns inte i en kommentar"
# status on the written manifest: the same groups and states as on the original
"$VB" status "$M" | sed '1d' > "$T/s1"
"$VB" status samples/sodra-alvsborg/2019/arsbok.xml | sed '1d' | sed 's/ (hittad på innehållet)//' > "$T/s2"
sed -i 's/ (hittad på innehållet)//' "$T/s1"
cmp -s "$T/s1" "$T/s2" || fail "status skiljer sig mellan det skrivna och det ursprungliga manifestet: $(diff "$T/s1" "$T/s2" | head -4)"

# --- never over an existing file without --skriv-over
cp "$M" "$T/fore.xml"
"$VB" manifest --delregion "Södra Älvsborg" --ar 2019 "$D/2019" 2> "$T/err"
[ $? -eq 1 ] || fail "över befintlig fil: slutstatus, väntade 1"
grep -q "finns redan och skrivs inte över (använd --skriv-over)" "$T/err" || fail "över befintlig fil: meddelandet"
cmp -s "$M" "$T/fore.xml" || fail "den befintliga filen ändrades"
"$VB" manifest --delregion "Södra Älvsborg" --ar 2019 "$D/2019" --skriv-over 2>/dev/null || fail "--skriv-over: slutstatus $?"
"$VB" manifest --delregion "Södra Älvsborg" --ar 2019 "$D/2019" -o "$D/2019/bollebygd.xml" --skriv-over 2> "$T/err"
[ $? -eq 3 ] || fail "-o över en årsberättelse: slutstatus, väntade 3"
ab_info "$D/2019/bollebygd.xml" | grep -q "^2019|Bollebygd|" || fail "årsberättelsen skrevs över"
"$VB" manifest --delregion "Södra Älvsborg" --ar 2019 "$D/2019" -o "$T/annan/x.xml" 2> "$T/err"
[ $? -eq 2 ] || fail "manifest utanför katalogen: slutstatus, väntade 2"

# --- usage
"$VB" manifest --ar 2019 >/dev/null 2>&1; [ $? -eq 2 ] || fail "utan --delregion: slutstatus 2"
"$VB" manifest --delregion Halland --ar 2019 >/dev/null 2>&1; [ $? -eq 2 ] || fail "okänd delregion: slutstatus 2"
"$VB" manifest --delregion Fyrbodal --ar 19 >/dev/null 2>&1; [ $? -eq 2 ] || fail "år med två siffror: slutstatus 2"
"$VB" manifest --delregion Fyrbodal --ar 1999 >/dev/null 2>&1; [ $? -eq 2 ] || fail "år före geografin: slutstatus 2"
finish
