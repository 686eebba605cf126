#!/bin/sh
# vastbus sats on broken layout trees: each fault comes back as one
# Swedish finding "fil:rad: fel: …" on the faulty element's line (found
# in the input with grep -n), exit status 1 and no PDF; a font family the
# tree names but the machine lacks is the tree's error too, not a system
# error. The exit status follows the one rule of the man page (SLUTSTATUS):
# an unreadable input 1, an output that cannot be written 3.
set -u
VB=${VASTBUS:-./vastbus}
T=$(mktemp -d "${TMPDIR:-/tmp}/vastbus-satsfel.XXXXXX")
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FEL: $*"; fails=$((fails + 1)); }
NS='xmlns="urn:vastbus:layout:1"'

# name, pattern marking the faulty line (grep -F), message after "fel: ",
# the tree
broken() {
    f=$T/$1.xml
    printf '%s\n' "$4" > "$f"
    line=$(grep -n -F -- "$2" "$f" | head -1 | cut -d: -f1)
    [ -n "$line" ] || { fail "$1: testets mönster '$2' finns inte i trädet"; return; }
    rm -f "$T/$1.pdf"
    "$VB" sats "$f" -o "$T/$1.pdf" > "$T/$1.out" 2> "$T/$1.err"
    rc=$?
    [ "$rc" -eq 1 ] || fail "$1: slutstatus $rc, väntade 1"
    want="$f:$line: fel: $3"
    [ "$(cat "$T/$1.err")" = "$want" ] ||
        fail "$1: väntade
  $want
fick
  $(cat "$T/$1.err")"
    [ -s "$T/$1.out" ] && fail "$1: något skrevs på standard ut"
    [ -e "$T/$1.pdf" ] && fail "$1: en PDF skrevs trots felet"
}

broken okant-element '<para>' 'okänt element <para>' "<document $NS><body>
<p>a</p>
<para>b</para></body></document>"

broken okand-ref 'nix' 'ref="nix" pekar inte på något id' "<document $NS><body>
<p>a</p>
<p><page-ref ref=\"nix\"/></p></body></document>"

broken langd '6,5mm' \
    "attributet height i elementet <spacer>: '6,5mm' har inte rätt form" \
    "<document $NS><body>
<p>a</p>
<spacer height=\"6,5mm\"/></body></document>"

broken inte-xml '</body>' \
    'filen är inte korrekt XML: sluttaggen </body> passar inte ihop med starttaggen <p> på rad 2' \
    "<document $NS><body>
<p>a
</body></document>"

broken rot '<html' \
    'rotelementet är <html> utan namnrymd; ett layoutträd börjar med <document xmlns="urn:vastbus:layout:1">' \
    '<html/>'

fam='Ingen Sådan Familj'
broken typsnitt "$fam" \
    "typsnittet \"$fam\" finns inte installerat (fontconfig föreslog \"$(fc-match -f '%{family[0]}' "$fam")\"); installera det, t.ex. paketet fonts-liberation2" \
    "<document $NS>
<font family=\"$fam\"/><body>
<p>a</p></body></document>"

# Two elements with one id: the second one's line, naming the id and the
# line of its first use (the schema's xs:ID check, not its English).
tree="<document $NS><body>
<p id=\"a\">a</p>
<p id=\"a\">b</p></body></document>"
first=$(printf '%s\n' "$tree" | grep -n -F '<p id="a">a</p>' | cut -d: -f1)
broken dubbelt-id '<p id="a">b</p>' "id=\"a\" finns redan på rad $first" "$tree"

broken ogiltigt-id '1a' \
    'id="1a" är inget giltigt id: det börjar med en bokstav eller _ och har sedan bara bokstäver, siffror, -, _ och .' \
    "<document $NS><body>
<p>a</p>
<p id=\"1a\">b</p></body></document>"

# A typesetter limit the tree runs into is the tree's error, on the line
# of the element where it is reached, not a system error: a paragraph
# with more than 65 535 text styles (every link is one).
links=$(awk 'BEGIN { for (i = 0; i < 65600; i++) printf "<link ref=\"a\">a</link>" }')
broken textstilar '<link ref=' \
    'stycket har fler än 65 535 olika textstilar (varje länk räknas för sig); dela upp det' \
    "<document $NS><body>
<p id=\"a\">Länkar:
$links</p></body></document>"

# The same rule for the files around the tree.
printf '<document %s><body><p>a</p></body></document>\n' "$NS" > "$T/ok.xml"
"$VB" sats "$T/saknas.xml" -o "$T/saknas.pdf" 2> "$T/err"
rc=$?
[ "$rc" -eq 1 ] || fail "indatafil som saknas: slutstatus $rc, väntade 1"
[ "$(cat "$T/err")" = "$T/saknas.xml: systemfel: kan inte läsa filen: filen eller katalogen finns inte" ] ||
    fail "indatafil som saknas: $(cat "$T/err")"
"$VB" sats "$T/ok.xml" -o "$T/finns-inte/ok.pdf" 2> "$T/err"
rc=$?
[ "$rc" -eq 3 ] || fail "utfil som inte går att skriva: slutstatus $rc, väntade 3"
grep -q "^$T/ok.xml: systemfel: kan inte skriva filen: " "$T/err" ||
    fail "utfil som inte går att skriva: $(cat "$T/err")"
"$VB" sats "$T/ok.xml" -o "$T/ok.pdf" 2> "$T/err" ||
    fail "ett giltigt träd: slutstatus $?: $(cat "$T/err")"
[ -s "$T/ok.pdf" ] || fail "ett giltigt träd gav ingen PDF"

if [ $fails -gt 0 ]; then echo "sats_fel: $fails fel"; exit 1; fi
echo "sats_fel: ok"
