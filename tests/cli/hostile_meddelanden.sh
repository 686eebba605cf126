#!/bin/sh
# Hostile set, class 12 of issue 11, and errno in Swedish: control
# characters and bidi overrides from a file name or a file's content are
# shown escaped (\x1B, \u202E), never sent raw to the terminal; a
# duplicate attribute is named; an unknown or incomplete option is named
# by itself; a million-character PDF title is refused in Swedish, a
# million-character heading still makes a sound PDF; a 64-column table of
# 5000-character words stays inside the right margin; system errors
# (missing file, not a folder, name too long, link loop, disk full, a
# file where a folder should be) are said in Swedish, no strerror English.
VB=${VASTBUS:-./vastbus}
[ -f samples/gr-2019/ale.xml ] || { echo "hostile_meddelanden.sh: kör från förrådets rot" >&2; exit 2; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=$((fail + 1)); }
ENGLISH='(error|warning|failed|No such|File exists|Not a directory|too long|Too many|No space|Permission|denied|invalid|unknown option|requires an argument|HPDF|libharu)'
# run NAME RC WANT CMD...: exit code, exact stderr+stdout (2>&1), no English.
run() {
    name=$1 rc=$2 want=$3; shift 3
    "$@" > "$t/out" 2>&1
    got=$?
    [ "$got" = "$rc" ] || no "$name: exit $got, expected $rc"
    if ! printf '%s\n' "$want" | cmp -s - "$t/out"; then
        no "$name: output differs"
        printf '%s\n' "$want" | diff - "$t/out" | head -n 6 | cut -c1-300 | sed 's/^/    /'
    fi
    grep -Eiq "$ENGLISH" "$t/out" && no "$name: English: $(grep -Ei "$ENGLISH" "$t/out" | head -n 1)"
}
ESC=$(printf '\033')
RLO=$(printf '\342\200\256')     # U+202E right-to-left override
CSI=$(printf '\302\233')         # U+009B, the 8-bit control sequence introducer

# 1. Control characters and bidi overrides, from a name and from content.
: > "$t/a${ESC}[2J${RLO}lmx.xml"
run "styrtecken i filnamnet" 1 "$t/a\\x1B[2J\\u202Elmx.xml: fel: filen är tom
1 fil kontrollerad: 0 giltiga, 1 ogiltig." "$VB" validera "$t/a${ESC}[2J${RLO}lmx.xml"
sed 's|<kommun>Ale</kommun>|<kommun>Al\&#x202E;e\&#x9B;31m</kommun>|' samples/gr-2019/ale.xml > "$t/bidi.xml"
line=$(grep -n '<kommun>' "$t/bidi.xml" | head -n 1 | cut -d: -f1)
run "bidi i innehållet" 1 "$t/bidi.xml:$line: fel: okänd kommun: \"Al\\u202Ee\\u009B31m\" finns inte bland Västra Götalands 49 kommuner" \
    "$VB" validera -q "$t/bidi.xml"
# nothing raw reaches the terminal from any command naming such a file
mkdir "$t/m"
cp samples/gr-2019/ale.xml "$t/m/ale.xml"
printf 'inte xml' > "$t/m/b${ESC}]0;titel${RLO}.xml"
printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
    '<arsbok xmlns="urn:vastbus:arsbok:1" ar="2019"><delregion>Göteborgsregionen</delregion>' \
    '<utgivare>Test</utgivare><grupper><grupp kommun="Ale" fil="ale.xml"/></grupper></arsbok>' > "$t/m/arsbok.xml"
for cmd in status statistik; do
    "$VB" $cmd "$t/m/arsbok.xml" > "$t/out" 2>&1
    grep -q "$ESC\|$RLO\|$CSI" "$t/out" && no "$cmd: a raw control character or override in its output"
    grep -qF 'b\x1B]0;titel\u202E.xml' "$t/out" || no "$cmd: the unknown file is not named, escaped: $(head -c 300 "$t/out")"
done
# an invalid report's first finding in the status table, escaped
sed 's|<delregion>Göteborgsregionen</delregion>|<delregion>Göteborgs\&#x202E;regionen</delregion>|' \
    samples/gr-2019/ale.xml > "$t/m/ale.xml"
"$VB" status "$t/m/arsbok.xml" > "$t/out" 2>&1
grep -q "$RLO" "$t/out" && no "status: a raw U+202E from an invalid report's finding"
grep -qF 'okänd delregion: "Göteborgs\u202Eregionen"' "$t/out" || no "status: the first finding is not shown, escaped: $(head -c 300 "$t/out")"

# 2. A duplicate attribute is named, with or without a prefix.
printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
    '<arsberattelse xmlns="urn:vastbus:arsberattelse:1" ar="2019" ar="2018" version="1"/>' > "$t/dup1.xml"
run "attribut två gånger" 1 "$t/dup1.xml:2: fel: filen är inte korrekt XML: attributet ar står två gånger i samma element" \
    "$VB" validera -q "$t/dup1.xml"
printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
    '<arsberattelse xmlns="urn:vastbus:arsberattelse:1" xmlns:a="urn:x" xmlns:a="urn:y" version="1"/>' > "$t/dup2.xml"
run "namnrymd två gånger" 1 "$t/dup2.xml:2: fel: filen är inte korrekt XML: attributet xmlns:a står två gånger i samma element" \
    "$VB" validera -q "$t/dup2.xml"
printf '%s\n' '<?xml version="1.0" encoding="UTF-8"?>' \
    '<arsberattelse xmlns="urn:vastbus:arsberattelse:1" xmlns:a="urn:x" xmlns:b="urn:x" a:ar="1" b:ar="2" version="1"/>' > "$t/dup3.xml"
run "samma namnrymd, två prefix" 1 "$t/dup3.xml:2: fel: filen är inte korrekt XML: attributet ar står två gånger i samma element (med två prefix för samma namnrymd, urn:x)" \
    "$VB" validera -q "$t/dup3.xml"

# 3. Options: named by themselves (first line; the usage follows).
flag_case() {   # flag_case WANT ARGS...
    want=$1; shift
    "$VB" "$@" > "$t/out" 2> "$t/err"
    rc=$?
    [ "$rc" = 2 ] || no "vastbus $*: exit $rc, expected 2"
    [ "$(head -n 1 "$t/err")" = "$want" ] || no "vastbus $*: '$(head -n 1 "$t/err")', expected '$want'"
    [ -s "$t/out" ] && no "vastbus $*: something on stdout"
}
for cmd in validera html pdf arsbok status statistik manifest mall formular sats; do
    flag_case "vastbus $cmd: okänd flagga -Z" $cmd -Z x.xml
    flag_case "vastbus $cmd: okänd flagga --zz" $cmd --zz=1 x.xml
done
flag_case "vastbus: okänd flagga -q (före kommandot)" -q validera x.xml
flag_case "vastbus: okänt kommando 'validra'" validra x.xml
flag_case "vastbus validera: okänd flagga -x" validera -qx x.xml
flag_case "vastbus validera: okänd flagga -x" validera -xq x.xml
flag_case "vastbus pdf: flaggan -o behöver ett värde" pdf -o
flag_case "vastbus pdf: flaggan --utfil behöver ett värde" pdf --utfil
flag_case "vastbus arsbok: flaggan --html behöver ett värde" arsbok x.xml --html
flag_case "vastbus validera: flaggan --hjalp tar inget värde" validera --hjalp=ja
flag_case "vastbus arsbok: flaggan --h kan vara flera olika; skriv hela namnet" arsbok --h x.xml
flag_case "vastbus validera: okänd flagga -\\x1B" validera "-$ESC" x.xml

# 4. A title of a million characters: refused in Swedish; a heading of a
# million: a sound PDF (its bookmark cut).
big=$(head -c 1000000 /dev/zero | tr '\0' 'T')
printf '<?xml version="1.0" encoding="UTF-8"?>\n<document xmlns="urn:vastbus:layout:1" title="%s" lang="sv-SE"><body><p>Hej</p></body></document>\n' "$big" > "$t/titel.xml"
run "titel på en miljon tecken" 1 "$t/titel.xml:2: fel: titeln (title) har 1000000 tecken; högst 10000 tecken får plats i PDF:ens dokumentinformation" \
    "$VB" sats "$t/titel.xml" -o "$t/titel.pdf"
[ -e "$t/titel.pdf" ] && no "titel: a PDF was written"
printf '<?xml version="1.0" encoding="UTF-8"?>\n<document xmlns="urn:vastbus:layout:1" title="x" lang="sv-SE"><body><heading level="1" id="a">%s</heading></body></document>\n' \
    "$(head -c 100000 /dev/zero | tr '\0' 'T' | sed 's/TT/T /g')" > "$t/rubrik.xml"
"$VB" sats "$t/rubrik.xml" -o "$t/rubrik.pdf" > "$t/out" 2>&1 || no "rubrik på 100 000 tecken: exit $?: $(head -c 300 "$t/out")"
qpdf --check "$t/rubrik.pdf" > /dev/null 2>&1 || no "rubrik: qpdf --check"

# 5. 64 columns, one row of 5000-character words: inside the margins.
python3 - "$t/t64.xml" <<'PY'
import sys
cells = ''.join('<cell>%s</cell>' % (chr(97 + i % 26) * 4000 + 'mwMW' * 250) for i in range(64))
head = ''.join('<cell>K%d</cell>' % i for i in range(64))
open(sys.argv[1], 'w').write('<?xml version="1.0" encoding="UTF-8"?>\n<document xmlns="urn:vastbus:layout:1" '
    'title="t" lang="sv-SE"><body><table><thead><row>%s</row></thead><tbody><row>%s</row></tbody></table></body></document>\n' % (head, cells))
PY
"$VB" sats "$t/t64.xml" -o "$t/t64.pdf" > "$t/out" 2>&1 || no "64 kolumner: exit $?: $(head -c 300 "$t/out")"
pdftotext -bbox "$t/t64.pdf" "$t/t64.html" 2>/dev/null
out=$(awk '
    /<page / { match($0, /width="[0-9.]+"/); w = substr($0, RSTART+7, RLENGTH-8) + 0 }
    /<word / { match($0, /xMin="[0-9.]+"/); x0 = substr($0, RSTART+6, RLENGTH-7) + 0
               match($0, /xMax="[0-9.]+"/); x1 = substr($0, RSTART+6, RLENGTH-7) + 0
               ml = 25 * 72 / 25.4; n++
               if (x0 < ml - 0.05 || x1 > w - ml + 0.05) { print "utanför: " $0; exit } }
    END { if (n < 64 * 1000) print "bara " n " ord" }' "$t/t64.html")
[ -z "$out" ] || no "64 kolumner: $out"

# 6. errno in Swedish, the same words in every command.
cp samples/gr-2019/ale.xml "$t/ale.xml"
: > "$t/fil"
ln -s loop "$t/loop"
long=$(printf 'a%.0s' $(seq 300))
run "fil saknas" 1 "$t/saknas.xml: systemfel: kan inte läsa filen: filen eller katalogen finns inte
1 fil kontrollerad: 0 giltiga, 1 ogiltig." "$VB" validera "$t/saknas.xml"
run "inte en katalog" 1 "$t/fil/x.xml: systemfel: kan inte läsa filen: en del av sökvägen är inte en katalog
1 fil kontrollerad: 0 giltiga, 1 ogiltig." "$VB" validera "$t/fil/x.xml"
run "för långt namn" 1 "$t/$long.xml: systemfel: kan inte läsa filen: sökvägen är för lång
1 fil kontrollerad: 0 giltiga, 1 ogiltig." "$VB" validera "$t/$long.xml"
run "länkslinga" 1 "$t/loop: systemfel: kan inte läsa filen: för många symboliska länkar i sökvägen
1 fil kontrollerad: 0 giltiga, 1 ogiltig." "$VB" validera "$t/loop"
run "pdf -o i saknad mapp" 3 "$t/ale.xml: systemfel: kan inte skriva filen: $t/nej/x.pdf: filen eller katalogen finns inte
0 av 1 fil gjorda." "$VB" pdf -o "$t/nej/x.pdf" "$t/ale.xml"
run "pdf -d på en fil" 3 "vastbus pdf: kan inte skapa katalogen $t/fil: det finns redan en fil med det namnet, ingen katalog" \
    "$VB" pdf -d "$t/fil" "$t/ale.xml"
run "mall -o i saknad mapp" 3 "vastbus mall: kan inte skriva $t/nej/x.xml: filen eller katalogen finns inte" \
    "$VB" mall --kommun Ale --ar 2019 -o "$t/nej/x.xml"
run "formular -o i saknad mapp" 3 "vastbus formular: systemfel: kan inte skriva filen: $t/nej/x.html: filen eller katalogen finns inte" \
    "$VB" formular -o "$t/nej/x.html"
run "arsbok utan manifest" 1 "$t/nej/arsbok.xml: systemfel: kan inte läsa filen: filen eller katalogen finns inte
Ingen årsbok gjord: manifestet kan inte läsas." "$VB" arsbok "$t/nej/arsbok.xml"
if [ -w /dev/full ]; then
    "$VB" mall --kommun Ale --ar 2019 > /dev/full 2> "$t/err"
    rc=$?
    [ "$rc" = 3 ] || no "mall > /dev/full: exit $rc"
    [ "$(cat "$t/err")" = "vastbus: kan inte skriva till standard ut: disken är full" ] || no "mall > /dev/full: $(cat "$t/err")"
fi

[ "$fail" -eq 0 ] || { echo "$fail failure(s)"; exit 1; }
echo "hostile_meddelanden: ok"
