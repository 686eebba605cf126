#!/bin/sh
# vastbus status, and reports found by content: on samples/sodra-alvsborg
# (entries without fil, two versions of Borås, an unknown file, a late, an
# invalid and a missing group) each line says what the XML says, computed
# here with xmllint; a tie of hand-in dates is an error naming both; a
# symbolic link out of the folder is refused; a manifest without fil gives
# the same yearbook as one with every path written out.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
. "$ROOT/tests/arsbok/lib.sh"
cd "$ROOT" || exit 1
S=samples/sodra-alvsborg/2019
export SOURCE_DATE_EPOCH=1700000000

"$VB" status $S/arsbok.xml > "$T/out" 2> "$T/err"
rc=$?
[ "$rc" -eq 1 ] || fail "status: slutstatus $rc, väntade 1 (en grupp saknas, en är ogiltig)"
head -1 "$T/out" | grep -qx "Södra Älvsborg 2019 ($S/arsbok.xml)" || fail "status: första raden: $(head -1 "$T/out")"

ab_expect $S > "$T/expect"
[ "$(wc -l < "$T/expect")" -eq "$(ab_x "count(//*[local-name()='grupp'])" $S/arsbok.xml)" ] || fail "ab_expect"
valid=0 late=0 invalid=0 missing=0
while IFS='|' read -r ko sd fil; do
    namn=$ko${sd:+, $sd}
    line=$(grep -F "  $namn  " "$T/out" | head -1)
    if [ -z "$fil" ]; then
        want="saknas"
        missing=$((missing + 1))
    elif ! "$VB" validera -q "$S/$fil" >/dev/null 2>&1; then
        want="ogiltig"
        invalid=$((invalid + 1))
        first=$("$VB" validera -q "$S/$fil" 2>&1 | grep ': fel: ' | head -1 | sed "s|^$S/||; s|: fel: |: |")
        printf '%s\n' "$line" | grep -qF "$first" || fail "status: $namn visar inte första felet \"$first\": $line"
    else
        d=$(ab_info "$S/$fil" | cut -d'|' -f4)
        y=$(ab_x "string(/*/@ar)" $S/arsbok.xml)
        if [ "$d" \> "$((y + 1))-03-01" ]; then want="för sent"; late=$((late + 1)); else want="inlämnad"; valid=$((valid + 1)); fi
        printf '%s\n' "$line" | grep -qF "$d  $fil" || fail "status: $namn: väntade \"$d  $fil\": $line"
    fi
    printf '%s\n' "$line" | sed "s/^  $namn *//" | grep -q "^$want" || fail "status: $namn: väntade \"$want\": $line"
done < "$T/expect"
# unknown files: every report in the tree that no entry got
n_unknown=0
while IFS='|' read -r a k s d f; do
    grep -q "|$f\$" "$T/expect" && continue
    # an older version of an expected group's report is not unknown
    grep -q "^$k|$s|." "$T/expect" && [ "$a" = 2019 ] && continue
    n_unknown=$((n_unknown + 1))
    grep -q "^  okänd fil  *$f: " "$T/out" || fail "status: $f står inte som okänd fil"
done < "$T/ab_infos"
[ "$n_unknown" -ge 1 ] || fail "exemplet ska ha minst en okänd fil"
n=$(wc -l < "$T/expect")
[ "$invalid" -eq 1 ] && ogiltiga=ogiltig || ogiltiga=ogiltiga
tail -1 "$T/out" | grep -qx "$n förväntade grupper: $((valid + late)) med giltig årsberättelse ($valid i tid, $late för sent), $invalid $ogiltiga, $missing saknas; $n_unknown okända filer\." ||
    fail "status: slutraden: $(tail -1 "$T/out") (väntade $valid/$late/$invalid/$missing/$n_unknown)"
grep -q "varning: Borås: två versioner av årsberättelsen; den senare, inkommet/Årsberättelse Borås 2019 rättad.xml (inlämnad 2020-02-24), används i stället för inkommet/Årsberättelse Borås 2019.xml (inlämnad 2020-02-10)" "$T/err" ||
    fail "varningen om två versioner av Borås: $(cat "$T/err")"

# every group valid: exit 0
"$VB" status samples/sodra-alvsborg/2018/arsbok.xml > "$T/out18" 2>&1 || fail "status 2018: slutstatus $?, väntade 0"
grep -c "hittad på innehållet" "$T/out18" | grep -qx 8 || fail "status 2018: alla åtta ska vara hittade på innehållet"

# --- a tie of hand-in dates: an error naming both, the group invalid
D=$T/lika
cp -r $S "$D"
sed -i 's|<foregaende[^>]*/>||' "$D/arsbok.xml"
b1="$D/inkommet/Årsberättelse Borås 2019.xml"
b2="$D/inkommet/Årsberättelse Borås 2019 rättad.xml"
d2=$(ab_info "$b2" | cut -d'|' -f4)
sed -i "s/<inlamning datum=\"[^\"]*\"/<inlamning datum=\"$d2\"/" "$b1"
"$VB" status "$D/arsbok.xml" > "$T/out" 2> "$T/err"
[ $? -eq 1 ] || fail "lika datum: slutstatus"
grep -q "arsbok.xml:[0-9]*: fel: Borås: två årsberättelser med samma inlämningsdatum ($d2): inkommet/Årsberättelse Borås 2019 rättad.xml och inkommet/Årsberättelse Borås 2019.xml" "$T/err" ||
    fail "lika datum: felet nämner inte båda: $(cat "$T/err")"
grep -q "^  Borås  *ogiltig  *två årsberättelser" "$T/out" || fail "lika datum: Borås ska vara ogiltig: $(grep Borås "$T/out")"

# --- a symbolic link out of the folder is refused; one inside is read once
D=$T/lank
cp -r $S "$D"
sed -i 's|<foregaende[^>]*/>||' "$D/arsbok.xml"
mkdir -p "$T/utanfor"
cp samples/sodra-alvsborg/2018/svenljunga.xml "$T/utanfor/svenljunga.xml"
sed -i 's/ar="2018"/ar="2019"/; s/2019-03-08/2020-02-11/; s/2018-/2019-/g' "$T/utanfor/svenljunga.xml"
ln -s "$T/utanfor/svenljunga.xml" "$D/svenljunga.xml"
ln -s "$T/utanfor" "$D/mapp-utanfor"
"$VB" status "$D/arsbok.xml" > "$T/out" 2> "$T/err"
grep -q "varning: svenljunga.xml är en symbolisk länk ut ur manifestets mapp; den läses inte" "$T/err" || fail "länk ut: ingen varning: $(cat "$T/err")"
grep -q "varning: mapp-utanfor är en symbolisk länk ut ur manifestets mapp" "$T/err" || fail "länkad mapp ut: ingen varning"
grep -q "^  Svenljunga  *saknas" "$T/out" || fail "länk ut: Svenljunga ska fortfarande saknas"

# --- without fil = with every path written: the same yearbook
D=$T/utan
mkdir -p "$D"
cp -r $S "$D/med"
cp -r $S "$D/utan-fil"
cp -r samples/sodra-alvsborg/2018 samples/sodra-alvsborg/2017 "$D/"
# "med": every entry's file written out, as computed above
while IFS='|' read -r ko sd fil; do
    [ -n "$fil" ] || continue
    sed -i "s|<grupp kommun=\"$ko\"/>|<grupp kommun=\"$ko\" fil=\"$fil\"/>|" "$D/med/arsbok.xml"
done < "$T/expect"
grep -q '<grupp kommun="Borås" fil=' "$D/med/arsbok.xml" || fail "testet kunde inte skriva fil för Borås"
# "utan-fil": no fil at all
sed -i 's|\(<grupp [^>]*\) fil="[^"]*"/>|\1/>|' "$D/utan-fil/arsbok.xml"
for v in med utan-fil; do
    "$VB" arsbok "$D/$v/arsbok.xml" -o "$D/$v.pdf" 2> "$T/err-$v"
    pdftotext -layout "$D/$v.pdf" "$D/$v.txt"
done
[ -s "$D/med.txt" ] || fail "ingen årsbok med fil"
cmp -s "$D/med.txt" "$D/utan-fil.txt" || fail "årsboken utan fil skiljer sig från den med fil: $(diff "$D/med.txt" "$D/utan-fil.txt" | head -5)"
grep -q "Har inte lämnat in: Svenljunga\." "$D/utan-fil.txt" || fail "utan fil: Svenljunga ska vara den enda som saknas"
grep -q "inkommet/lerum.xml" "$D/utan-fil.txt" || fail "den okända filen står inte i årsbokens statustabell"

# --- usage
"$VB" status > /dev/null 2>&1; [ $? -eq 2 ] || fail "status utan manifest: slutstatus 2"
"$VB" status samples/gr-2019/ale.xml > /dev/null 2>&1; [ $? -eq 1 ] || fail "status på en årsberättelse: slutstatus 1"
finish
