#!/bin/sh
# Hostile set, classes 1-6 of issue 11: files. A FIFO (named, or inside a
# folder) is never opened and the batch goes on; an output that is one of
# the run's inputs, two outputs that are one file (also through ./), an
# existing FIFO at the output path, and a yearbook onto one of last year's
# reports are each refused before anything is written, in Swedish, with
# the inputs unchanged by checksum and no temporary file left; standard
# output that cannot be written gives exit 3; SIGTERM or SIGINT during a
# batch leaves no temporary file and only whole outputs. Exact messages.
VB=${VASTBUS:-./vastbus}
case $VB in /*) ;; *) VB=$(pwd)/$VB ;; esac
[ -d samples/gr-2018 ] || { echo "hostile_filer.sh: kör från förrådets rot" >&2; exit 2; }
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT
fail=0
no() { echo "FAIL: $*"; fail=$((fail + 1)); }
cp samples/gr-2019/ale.xml "$t/r.xml"
cp -r samples/gr-2018 samples/gr-2019 "$t/"
mkdir "$t/d" "$t/a" "$t/b"
cp "$t/r.xml" "$t/d/r.xml"; cp "$t/r.xml" "$t/a/r.xml"; cp "$t/r.xml" "$t/b/r.xml"
mkfifo "$t/p.xml" "$t/d/q.xml" "$t/o.pdf"
echo behåll > "$t/r.html"
echo behåll > "$t/r.pdf"
sums() { (cd "$t" && find . -type f | LC_ALL=C sort | xargs sha256sum); }
# run NAME RC WANT CMD...: in $t, exit code and exact output (2>&1), no
# hang (a FIFO opened for reading would block: 60 s).
run() {
    name=$1 rc=$2 want=$3; shift 3
    before=$(sums)
    (cd "$t" && timeout 60 "$@") > "$t.out" 2>&1
    got=$?
    [ "$got" = "$rc" ] || no "$name: exit $got, expected $rc"
    if ! printf '%s\n' "$want" | cmp -s - "$t.out"; then
        no "$name: output differs"
        printf '%s\n' "$want" | diff - "$t.out" | head -n 6 | cut -c1-300 | sed 's/^/    /'
    fi
    [ "$(sums)" = "$before" ] || no "$name: a file changed or appeared"
    find "$t" -name '*.tmp*' | grep -q . && no "$name: a temporary file was left"
}
trap 'rm -rf "$t" "$t.out"' EXIT

run "FIFO som indata" 1 "p.xml: systemfel: kan inte läsa filen: det är en namngiven rörledning (FIFO), inte en vanlig fil; bara vanliga filer läses
1 fil kontrollerad: 0 giltiga, 1 ogiltig." "$VB" validera p.xml
run "FIFO i en katalog" 1 "d/q.xml: systemfel: kan inte läsa filen: det är en namngiven rörledning (FIFO), inte en vanlig fil; bara vanliga filer läses
2 filer kontrollerade: 1 giltig, 1 ogiltig." "$VB" validera d
run "html r.html r.xml" 3 "r.html: fel: filen är inte korrekt XML: den börjar inte med en tagg (<) och ser ut att vara vanlig text; spara årsberättelsen som XML
r.xml: systemfel: kan inte skriva filen: utfilen r.html är en av indatafilerna; den skrivs inte över
0 av 2 filer gjorda." "$VB" html r.html r.xml
run "pdf r.xml r.pdf" 3 "r.xml: systemfel: kan inte skriva filen: utfilen r.pdf är en av indatafilerna; den skrivs inte över
r.pdf: fel: filen är inte korrekt XML: den börjar inte med en tagg (<) och ser ut att vara vanlig text; spara årsberättelsen som XML
0 av 2 filer gjorda." "$VB" pdf r.xml r.pdf
run "två indata, en utfil" 3 "a/r.xml: systemfel: kan inte skriva filen: två utfiler i samma körning heter UT/r.pdf; ingen av dem skrivs (använd olika namn eller kataloger)
b/r.xml: systemfel: kan inte skriva filen: två utfiler i samma körning heter UT/r.pdf; ingen av dem skrivs (använd olika namn eller kataloger)
0 av 2 filer gjorda." "$VB" pdf -d UT a/r.xml b/r.xml
rmdir "$t/UT" 2>/dev/null
run "FIFO som utfil" 3 "r.xml: systemfel: kan inte skriva filen: utfilen o.pdf finns redan och är en namngiven rörledning (FIFO), inte en vanlig fil; den ersätts inte
0 av 1 fil gjorda." "$VB" pdf -o o.pdf r.xml
[ -p "$t/o.pdf" ] || no "FIFO som utfil: the FIFO was replaced"
run "årsbok över förra årets årsberättelse" 3 "gr-2019/arsbok.xml: systemfel: kan inte skriva filen: utfilen gr-2018/ale.xml är samma fil som indatafilen gr-2019/../gr-2018/ale.xml; den skrivs inte över
Ingen årsbok gjord." "$VB" arsbok gr-2019/arsbok.xml -o gr-2018/ale.xml
mkdir "$t/UT"
run "årsbok -o UT/bok --html UT/./bok" 3 "gr-2019/arsbok.xml: systemfel: kan inte skriva filen: utfilen UT/bok är samma fil som utfilen UT/./bok i samma körning; ingen av dem skrivs
gr-2019/arsbok.xml: systemfel: kan inte skriva filen: utfilen UT/./bok är samma fil som utfilen UT/bok i samma körning; ingen av dem skrivs
Ingen årsbok gjord." "$VB" arsbok gr-2019/arsbok.xml -o UT/bok --html UT/./bok
# SIGTERM or SIGINT at any moment of a batch leaves no temporary file
# (a finished output is whole: the rename is atomic).
mkdir "$t/sig" "$t/sigin"
for k in ale alingsas harryda kungalv lerum molndal; do cp samples/gr-2019/$k.xml "$t/sigin/"; done
for delay in 0.2 0.5 1; do
    for sig in TERM INT; do
        "$VB" pdf -d "$t/sig" "$t/sigin" > /dev/null 2>&1 &
        pid=$!
        sleep $delay
        kill -$sig $pid 2>/dev/null
        { wait $pid; } 2>/dev/null
        find "$t/sig" -name '*.tmp*' | grep -q . && no "SIG$sig after $delay s: a temporary file was left"
    done
done
for f in "$t"/sig/*.pdf; do
    [ -e "$f" ] || continue
    qpdf --check "$f" > /dev/null 2>&1 || no "SIGTERM: $(basename "$f") is not a whole PDF"
done

if [ -w /dev/full ]; then
    for args in "--help" "validera --help" "mall --kommun Ale --ar 2019" "formular"; do
        "$VB" $args > /dev/full 2> "$t.out"
        rc=$?
        [ "$rc" = 3 ] || no "vastbus $args > /dev/full: exit $rc"
        [ "$(cat "$t.out")" = "vastbus: kan inte skriva till standard ut: disken är full" ] ||
            no "vastbus $args > /dev/full: $(head -c 300 "$t.out")"
    done
    (cd "$t" && "$VB" statistik gr-2019/arsbok.xml) > /dev/full 2> "$t.out"
    rc=$?
    [ "$rc" = 3 ] || no "statistik > /dev/full: exit $rc"
    [ "$(cat "$t.out")" = "gr-2019/arsbok.xml: systemfel: kan inte skriva filen: kan inte skriva till standard ut: disken är full" ] ||
        no "statistik > /dev/full: $(head -c 300 "$t.out")"
fi

[ "$fail" -eq 0 ] || { echo "$fail failure(s)"; exit 1; }
echo "hostile_filer: ok"
