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

# The expected groups, straight from the geography: "kommun|stadsdel".
cat > "$T/grupper.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:g="urn:vastbus:geografi:1">
  <xsl:output method="text"/>
  <xsl:param name="d"/>
  <xsl:param name="ar"/>
  <xsl:template match="/">
    <xsl:for-each select="//g:kommun[g:tillhor[@delregion = $d and @fran &lt;= $ar and (not(@till) or @till &gt;= $ar)]]">
      <xsl:variable name="k" select="@namn"/>
      <xsl:variable name="sd" select="g:stadsdel[@fran &lt;= $ar and (not(@till) or @till &gt;= $ar)]"/>
      <xsl:for-each select="$sd"><xsl:value-of select="concat($k, '|', @namn, '&#10;')"/></xsl:for-each>
      <xsl:if test="not($sd)"><xsl:value-of select="concat($k, '|&#10;')"/></xsl:if>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
XSL
grep -o 'delregion id="[^"]*" namn="[^"]*"' data/geografi.xml | sed 's/.*namn="//; s/"$//' > "$T/delregioner"
[ "$(wc -l < "$T/delregioner")" -eq 4 ] || fail "fyra delregioner i data/geografi.xml"
# The groups a manifest lists, the same "kommun|stadsdel" form.
cat > "$T/listade.xsl" <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform"
                xmlns:a="urn:vastbus:arsbok:1">
  <xsl:output method="text"/>
  <xsl:param name="huvud"/>
  <xsl:template match="/">
    <xsl:if test="$huvud">
      <xsl:value-of select="concat('ar ', string(/*/@ar), '&#10;delregion ', normalize-space(//*[local-name()='delregion']), '&#10;')"/>
    </xsl:if>
    <xsl:for-each select="//a:grupp"><xsl:value-of select="concat(@kommun, '|', @stadsdel, '&#10;')"/></xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
XSL
# Every year the geography covers: from 2005 (its first year) to the year
# after the last fran/till it names, so every change of membership or
# district is crossed.
last=$(grep -o '\(fran\|till\)="[0-9]*"' data/geografi.xml | grep -o '[0-9][0-9]*' | sort -n | tail -1)
[ "$last" -ge 2020 ] || fail "data/geografi.xml: sista år $last"
ar_list=$(seq 2005 $((last + 1)))
checked=0
i=0
mkdir -p "$T/man"
: > "$T/man/lista"
while IFS= read -r d; do
    for ar in $ar_list; do
        i=$((i + 1))
        xsltproc --nonet --stringparam d "$d" --stringparam ar "$ar" "$T/grupper.xsl" data/geografi.xml | LC_ALL=C sort > "$T/want"
        "$VB" manifest --delregion "$d" --ar "$ar" > "$T/man/$i.xml" 2> "$T/err" || { fail "$d $ar: slutstatus $?: $(cat "$T/err")"; continue; }
        printf '%s|%s|%s\n' "$T/man/$i.xml" "$d" "$ar" >> "$T/man/lista"
        # year and subregion on the first two lines, then the groups
        xsltproc --nonet --param huvud 1 "$T/listade.xsl" "$T/man/$i.xml" > "$T/got.all"
        sed 1,2d "$T/got.all" | LC_ALL=C sort > "$T/got"
        [ -s "$T/want" ] || fail "$d $ar: inga grupper i data/geografi.xml"
        checked=$((checked + 1))
        cmp -s "$T/want" "$T/got" || fail "$d $ar: grupperna skiljer sig från data/geografi.xml: $(diff "$T/want" "$T/got" | head -4)"
        [ "$(sed -n 1p "$T/got.all")" = "ar $ar" ] || fail "$d $ar: fel år"
        [ "$(sed -n 2p "$T/got.all")" = "delregion $d" ] || fail "$d $ar: fel delregion"
    done
done < "$T/delregioner"
# every manifest against the XSD by one xmllint (the schema compiled once,
# not once per subregion and year): "FILE validates" for each good one
cut -d'|' -f1 "$T/man/lista" | tr '\n' '\0' | xargs -0 xmllint --noout --nonet --schema schema/arsbok.xsd > /dev/null 2> "$T/xl"
while IFS='|' read -r f d ar; do
    grep -qxF "$f validates" "$T/xl" ||
        fail "$d $ar: manifestet följer inte schemat: $(grep -F "$f" "$T/xl" | head -3)"
done < "$T/man/lista"
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
