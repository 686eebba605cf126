#!/bin/sh
# vastbus statistik: the CSV opens in Swedish Excel (UTF-8 BOM, ';', CRLF,
# decimal comma) and parses with a real CSV reader (python3's csv); one
# row per group and year along the foregaende chain; each year's sums
# equal sums computed here from the XML, and the summary's totals; a
# missing or invalid group has empty figures, never 0; --avvikelser gives
# one row per listed deviation; hostile text stays one field and never
# becomes a formula.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
. "$ROOT/tests/arsbok/lib.sh"
cd "$ROOT" || exit 1
S=samples/sodra-alvsborg
export SOURCE_DATE_EPOCH=1700000000

"$VB" statistik $S/2019/arsbok.xml -o "$T/s.csv" 2>"$T/err"
rc=$?
[ "$rc" -eq 1 ] || fail "slutstatus $rc, väntade 1 (Ulricehamn 2019 är ogiltig)"
[ "$(head -c 3 "$T/s.csv" | od -An -tx1 | tr -d ' ')" = efbbbf ] || fail "CSV-filen börjar inte med UTF-8 BOM"
head -1 "$T/s.csv" | grep -q "$(printf '\r')\$" || fail "raderna slutar inte med CRLF"

# expectations per year: "år|fil" for each group with a valid report
: > "$T/valid"
: > "$T/groups"
for y in 2017 2018 2019; do
    ab_expect $S/$y > "$T/e$y"
    while IFS='|' read -r ko sd fil; do
        echo "$y|$ko" >> "$T/groups"
        [ -n "$fil" ] && "$VB" validera -q "$S/$y/$fil" >/dev/null 2>&1 && echo "$y|$ko|$S/$y/$fil" >> "$T/valid"
    done < "$T/e$y"
done
# each valid report's figures, read from its XML by one xsltproc:
# "år;möten;insatser;deltagare;avvikelser;systemfel;listade avvikelser"
while IFS='|' read -r y _ f; do
    xsltproc --nonet --stringparam y "$y" - "$f" 2>/dev/null <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:param name="y"/>
  <xsl:template match="/">
    <xsl:value-of select="concat($y, ';',
      sum(//*[local-name()='moten']/@antal), ';',
      count(//*[local-name()='insats']), ';',
      sum(//*[local-name()='insats']/@deltagare), ';',
      sum(//*[local-name()='avvikelser']/@antal), ';',
      count(//*[local-name()='avvikelse'][@systemfel='ja']), ';',
      count(//*[local-name()='avvikelse']), '&#10;')"/>
  </xsl:template>
</xsl:stylesheet>
XSL
done < "$T/valid" > "$T/figs"
# sumx COLUMN YEAR: the sum of one figure over the year's valid reports
sumx() { awk -F';' -v c="$1" -v y="$2" '$1 == y { t += $c } END { print t + 0 }' "$T/figs"; }
: > "$T/want"
for y in 2017 2018 2019; do
    printf '%s;%s;%s;%s;%s;%s\n' "$y" "$(sumx 2 $y)" "$(sumx 3 $y)" \
        "$(sumx 4 $y)" "$(sumx 5 $y)" "$(sumx 6 $y)" >> "$T/want"
done

python3 - "$T/s.csv" "$T/groups" "$T/valid" > "$T/py" 2>&1 <<'PY' || fail "CSV-kontrollen: $(cat "$T/py")"
import csv, re, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
head, body = rows[0], rows[1:]
bad = []
for r in body:
    if len(r) != len(head):
        bad.append("rad med %d fält, rubriken har %d: %r" % (len(r), len(head), r))
groups = [l.strip().split("|") for l in open(sys.argv[2], encoding="utf-8")]
valid = {tuple(l.strip().split("|")[:2]) for l in open(sys.argv[3], encoding="utf-8")}
got = [(r[0], r[2]) for r in body]
if got != [tuple(g) for g in groups]:
    bad.append("raderna är inte en per grupp och år i manifestens ordning: %r" % got)
c = {h: i for i, h in enumerate(head)}
figs = ["Möten", "Utbildningsinsatser", "Deltagare", "Avvikelser", "Möjliga systemfel"]
for r in body:
    ok = (r[0], r[2]) in valid
    for f in figs:
        v = r[c[f]]
        if ok and not re.fullmatch(r"\d+", v):
            bad.append("%s %s: %s är %r, inte ett heltal" % (r[0], r[2], f, v))
        if not ok and v != "":
            bad.append("%s %s saknas/ogiltig men %s är %r (ska vara tomt)" % (r[0], r[2], f, v))
    d = r[c["Deltagare per insats"]]
    if d and not re.fullmatch(r"\d+,\d", d):
        bad.append("deltagare per insats utan decimalkomma: %r" % d)
    if ok and r[c["Insatser med antal deltagare"]] not in ("", "0") and not d:
        bad.append("%s %s: deltagare per insats saknas" % (r[0], r[2]))
for y in ("2017", "2018", "2019"):
    s = [str(sum(int(r[c[f]]) for r in body if r[0] == y and r[c[f]] != "")) for f in figs]
    print(";".join([y] + s))
if bad:
    print("\n".join(bad), file=sys.stderr)
    sys.exit(1)
PY
cmp -s "$T/py" "$T/want" || fail "summorna per år: CSV \"$(tr '\n' ' ' < "$T/py")\", XML \"$(tr '\n' ' ' < "$T/want")\""

# the summary's totals for this year are the CSV's
"$VB" arsbok $S/2019/arsbok.xml -o "$T/bok.pdf" 2>/dev/null
pdftotext "$T/bok.pdf" - | tr '\n' ' ' | tr -s ' ' | sed 's/\xc2\xa0/ /g' > "$T/bok.txt"
m=$(awk -F';' '$1 == 2019 { print $2 }' "$T/want")
a=$(awk -F';' '$1 == 2019 { print $5 }' "$T/want")
grep -q "sammanlagt $m möten under 2019" "$T/bok.txt" || fail "sammanfattningens möten är inte CSV:ns $m"
grep -q "sammanlagt $a avvikelser under 2019" "$T/bok.txt" || fail "sammanfattningens avvikelser är inte CSV:ns $a"

# --- one row per deviation
"$VB" statistik --avvikelser $S/2019/arsbok.xml > "$T/a.csv" 2>/dev/null
n=0; sf=0
for y in 2017 2018 2019; do
    n=$((n + $(sumx 7 $y)))
    sf=$((sf + $(sumx 6 $y)))
done
python3 - "$T/a.csv" "$n" "$sf" > "$T/py" 2>&1 <<'PY' || fail "--avvikelser: $(cat "$T/py")"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
head, body = rows[0], rows[1:]
assert head[:9] == ["År", "Delregion", "Kommun", "Stadsdel", "Grupp", "Datum", "Kategori", "Status", "Systemfel"], head
assert len(body) == int(sys.argv[2]), "%d rader, väntade %s" % (len(body), sys.argv[2])
assert sum(r[8] == "ja" for r in body) == int(sys.argv[3]), "systemfel"
assert all(len(r) == len(head) for r in body)
PY

# --- hostile text: ; " newline and a leading = stay one field, no formula
D=$T/fientlig
mkdir -p "$D"
cp $S/2019/bollebygd.xml "$D/bollebygd.xml"
sed -i '0,/<berord verksamhet="\([a-z]*\)">[^<]*</s//<berord verksamhet="\1">=HYPERLINK("x";"y") \&amp; "citat"; rad\
två</' "$D/bollebygd.xml"
cat > "$D/arsbok.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<arsbok xmlns="urn:vastbus:arsbok:1" ar="2019">
  <delregion>Södra Älvsborg</delregion>
  <utgivare>Delregionala ledningsgruppen för Västbus i Södra Älvsborg</utgivare>
  <grupper><grupp kommun="Bollebygd"/></grupper>
</arsbok>
XML
"$VB" statistik --avvikelser "$D/arsbok.xml" -o "$D/a.csv" 2>"$T/err" || fail "fientlig text: slutstatus $?: $(cat "$T/err")"
python3 - "$D/a.csv" > "$T/py" 2>&1 <<'PY' || fail "fientlig text: $(cat "$T/py")"
import csv, sys
rows = list(csv.reader(open(sys.argv[1], encoding="utf-8-sig", newline=""), delimiter=";"))
f = [r[12] for r in rows[1:] if "HYPERLINK" in r[12]]
assert f == ["'=HYPERLINK(\"x\";\"y\") & \"citat\"; rad två"], f
PY

"$VB" statistik >/dev/null 2>&1; [ $? -eq 2 ] || fail "utan manifest: slutstatus 2"
"$VB" statistik $S/2019/arsbok.xml -o $S/2019/bollebygd.xml >/dev/null 2>&1; [ $? -eq 3 ] || fail "-o över en årsberättelse: slutstatus 3"
ab_info $S/2019/bollebygd.xml | grep -q "^2019|Bollebygd|" || fail "årsberättelsen skrevs över"
finish
