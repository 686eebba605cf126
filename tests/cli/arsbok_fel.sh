#!/bin/sh
# vastbus arsbok when things are wrong: an invalid report, a report for the
# wrong group and a listed file that does not exist still give a yearbook
# that lists them (exit 1 for the invalid ones); hostile or broken
# manifests are refused with a Swedish message and no output; usage.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
. "$ROOT/tests/arsbok/lib.sh"
cd "$ROOT" || exit 1
S=samples/gr-2019
export SOURCE_DATE_EPOCH=1700000000

# manifest HEAD GROUPS [TAIL]: writes $D/arsbok.xml
manifest() {
    cat > "$D/arsbok.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<arsbok xmlns="urn:vastbus:arsbok:1" ar="2019">
  <delregion>Göteborgsregionen</delregion>
  <utgivare>Delregionala ledningsgruppen för Västbus i Göteborgsregionen</utgivare>
  <grupper>
$1
  </grupper>
${2:-}
</arsbok>
XML
}

# --- an invalid report, a mismatched one, a missing file: still a yearbook
D=$T/blandat
mkdir -p "$D"
cp $S/ale.xml $S/ockero.xml "$D/"
cp samples/ogiltiga/ingen-ordforande.xml "$D/lerum.xml"
cp $S/ale.xml "$D/alingsas.xml"
manifest '    <grupp kommun="Ale" fil="ale.xml"/>
    <grupp kommun="Alingsås" fil="alingsas.xml"/>
    <grupp kommun="Kungälv" fil="kungalv.xml"/>
    <grupp kommun="Lerum" fil="lerum.xml"/>
    <grupp kommun="Tjörn"/>
    <grupp kommun="Öckerö" fil="ockero.xml"/>'
"$VB" arsbok "$D/arsbok.xml" --html "$D/bok.html" 2>"$T/err"
rc=$?
[ "$rc" -eq 1 ] || fail "ogiltig årsberättelse: slutstatus $rc, väntade 1"
[ -s "$D/arsbok-2019.pdf" ] || fail "ingen årsbok fast bara några årsberättelser är ogiltiga"
[ -s "$D/bok.html" ] || fail "ingen HTML-årsbok"
grep -q "lerum.xml:16: fel: gruppen saknar ordförande" "$T/err" || fail "lerum.xml:s fel skrivs inte ut med rad: $(cat "$T/err")"
grep -q "alingsas.xml:[0-9]*: fel: årsberättelsen gäller kommunen Ale, men årsboksmanifestet väntar Alingsås här" "$T/err" ||
    fail "fel kommun i alingsas.xml sägs inte"
grep -q "arsbok.xml:[0-9]*: varning: Kungälv: filen kungalv.xml finns inte" "$T/err" || fail "saknad fil sägs inte"
pdftotext "$D/arsbok-2019.pdf" "$T/blandat.txt"
tr '\n' ' ' < "$T/blandat.txt" > "$T/blandat1.txt"
grep -q "Årsboken bygger på 2 av 6 förväntade årsberättelser" "$T/blandat1.txt" || fail "räkningen 2 av 6"
grep -q "Har inte lämnat in: Kungälv och Tjörn\." "$T/blandat1.txt" || fail "Kungälv och Tjörn står inte som saknade"
grep -q "Inlämnade men ogiltiga (inte med som kapitel): Alingsås (årsberättelsen har 1 fel som måste rättas) och Lerum (årsberättelsen har 1 fel som måste rättas)\." "$T/blandat1.txt" ||
    fail "de ogiltiga listas inte: $(grep -o 'Inlämnade men ogiltiga[^.]*' "$T/blandat1.txt")"
grep -q "Inlämnad men ogiltig" "$T/blandat.txt" || fail "statustabellen saknar \"Inlämnad men ogiltig\""
tr -d "\f" < "$T/blandat.txt" | grep -qx "Lokala Västbusgruppen i Ale" || fail "Ales kapitel saknas"
# one chapter for Ale (alingsas.xml, which says it is Ale's, is invalid): one
# contents entry in the PDF, one chapter heading in the HTML (the PDF's
# chapter pages also carry the name as their running head)
[ "$(grep -c "^Ale – Lokala Västbusgruppen i Ale" "$T/blandat.txt")" -eq 1 ] ||
    fail "Ale ska stå en gång i innehållet (alingsas.xml är ogiltig)"
[ "$(grep -o '<h2[^>]*>Lokala Västbusgruppen i Ale</h2>' "$D/bok.html" | wc -l)" -eq 1 ] ||
    fail "Ale ska vara ett kapitel, inte fler (alingsas.xml är ogiltig)"
grep -q "Har inte lämnat in: Kungälv och Tjörn\." "$D/bok.html" 2>/dev/null ||
    grep -q "Kungälv och Tjörn" "$D/bok.html" || fail "HTML-årsboken listar inte de saknade"

# --- refused manifests: message, exit 1, no output
refuse() {   # refuse NAME EXPECTED-TEXT
    rm -f "$D"/arsbok-*.pdf
    "$VB" arsbok "$D/arsbok.xml" -o "$D/ut.pdf" 2>"$T/err"
    rc=$?
    [ "$rc" -eq 1 ] || fail "$1: slutstatus $rc, väntade 1"
    grep -qF "$2" "$T/err" || fail "$1: meddelandet \"$2\" saknas: $(head -3 "$T/err")"
    grep -q "Ingen årsbok gjord" "$T/err" || fail "$1: säger inte att ingen årsbok gjordes"
    [ -e "$D/ut.pdf" ] && fail "$1: en PDF skrevs ändå"
    rm -f "$D/ut.pdf"
}
D=$T/fientlig/gr-2019
mkdir -p "$D"
cp $S/ale.xml "$D/"
manifest '    <grupp kommun="Ale" fil="/etc/passwd"/>'
refuse "absolut sökväg" 'arsbok.xml:6: fel: fil="/etc/passwd" godtas inte: sökvägen är absolut'
manifest '    <grupp kommun="Ale" fil="../../x"/>'
refuse "../../x" 'fil="../../x" godtas inte: sökvägen går upp ur manifestets mapp'
manifest '    <grupp kommun="Ale" fil="a/../../ale.xml"/>'
refuse "a/../.." 'godtas inte: sökvägen går upp ur manifestets mapp'
ln -s /etc/passwd "$D/lank.xml"
manifest '    <grupp kommun="Ale" fil="lank.xml"/>'
refuse "symbolisk länk" 'fil="lank.xml" godtas inte: filen ligger utanför manifestets mapp'
manifest '    <grupp kommun="Ale" fil="ale.xml"/>' '  <foregaende fil="../../../etc/arsbok.xml"/>'
refuse "föregående för högt upp" 'sökvägen får bara börja med ett ../'
manifest '    <grupp kommun="Ale" fil="ale.xml"/>' '  <foregaende fil="../gr-2018/arsbok.xml"/>'
refuse "föregående finns inte" 'föregående årsboksmanifest "../gr-2018/arsbok.xml" finns inte'
manifest '    <grupp kommun="Ale" fil="ale.xml"/>
    <grupp kommun="Ale"/>'
refuse "samma grupp två gånger" 'Ale står två gånger i listan över grupper (också på rad 6)'
manifest '    <grupp kommun="Ale" stadsdel="Angered"/>'
refuse "stadsdel utanför Göteborg" 'Ale har inga stadsdelar'
manifest '    <grupp kommun="Göteborg" stadsdel="Frölunda"/>'
refuse "okänd stadsdel" 'Göteborg hade ingen stadsdel "Frölunda" 2019'
manifest '    <grupp kommun="Göteborg"/>
    <grupp kommun="Göteborg" stadsdel="Angered"/>'
refuse "hel kommun och stadsdel" 'Göteborg står både som hel kommun och med stadsdel'
manifest '    <grupp kommun="Göterborg"/>'
refuse "okänd kommun" 'okänd kommun: "Göterborg"'
manifest '    <grupp kommun="Ale" fil="ale.xml"/>
    <grupp kommun="Alingsås" fil="./ale.xml"/>'
refuse "samma fil två gånger" 'är samma fil som "ale.xml"'
manifest '    <grupp kommun="Ale" fil="https://example.org/ale.xml"/>'
refuse "webbadress" 'arsbok.xml:6: fel:'
"$VB" arsbok $S/ale.xml -o "$D/ut.pdf" 2>"$T/err"
[ $? -eq 1 ] || fail "en årsberättelse i stället för ett manifest: fel slutstatus"
grep -q "inte ett årsboksmanifest" "$T/err" || fail "en årsberättelse i stället för ett manifest: $(cat "$T/err")"
"$VB" arsbok "$D/finns-inte.xml" 2>"$T/err"
[ $? -eq 1 ] || fail "manifest som inte finns: fel slutstatus"
grep -q "kan inte läsa filen" "$T/err" || fail "manifest som inte finns: $(cat "$T/err")"

# --- never over an input
manifest '    <grupp kommun="Ale" fil="ale.xml"/>'
cp "$D/ale.xml" "$T/ale.orig"
"$VB" arsbok "$D/arsbok.xml" -o "$D/ale.xml" 2>"$T/err"
[ $? -ne 0 ] || fail "-o över en årsberättelse: slutstatus 0"
cmp -s "$D/ale.xml" "$T/ale.orig" || fail "-o skrev över en årsberättelse"
"$VB" arsbok "$D/arsbok.xml" -o "$D/arsbok.xml" 2>/dev/null
[ $? -eq 3 ] || fail "-o över manifestet: slutstatus $?"
grep -q "<grupper>" "$D/arsbok.xml" || fail "-o skrev över manifestet"

# --- usage
"$VB" arsbok >/dev/null 2>&1; [ $? -eq 2 ] || fail "utan argument: slutstatus"
"$VB" arsbok a.xml b.xml >/dev/null 2>&1; [ $? -eq 2 ] || fail "två manifest: slutstatus"
"$VB" arsbok --okand x >/dev/null 2>&1; [ $? -eq 2 ] || fail "okänd flagga: slutstatus"
"$VB" arsbok --hjalp | grep -q "^Slutstatus: 0 årsboken gjord" || fail "--hjalp"
"$VB" --hjalp | grep -q "arsbok MANIFEST" || fail "vastbus --hjalp nämner inte arsbok"
finish
