#!/bin/sh
# End-to-end tests of `vastbus validera`: exact Swedish diagnostics with
# line numbers for malformed, hostile and schema-invalid files
# (tests/validera/X.xml next to X.forvantat), exit codes, usage, and the
# samples. Run from the top of the tree; VASTBUS names the program.
set -u
VB=${VASTBUS:-./vastbus}
fail=0
t=$(mktemp -d)
trap 'rm -rf "$t"' EXIT

no() { echo "FAIL: $*"; fail=$((fail + 1)); }

for x in tests/validera/*.xml; do
    exp=${x%.xml}.forvantat
    out=$("$VB" validera -q "$x")
    rc=$?
    [ "$rc" -eq 1 ] || no "$x: exit $rc, expected 1"
    if [ "$out" != "$(cat "$exp")" ]; then
        no "$x: output differs"
        printf '%s\n' "$out" | diff -u "$exp" - | sed 's/^/    /'
    fi
done

# The samples are all valid, with the expected closing line.
out=$("$VB" validera samples/gr-2019) || no "samples: exit $?"
printf '%s\n' "$out" | tail -n 1 | grep -qx '21 filer kontrollerade: 21 giltiga, 0 ogiltiga (1 varning)\.' \
    || no "samples: closing line: $(printf '%s\n' "$out" | tail -n 1)"

# The samples are valid for the XSD alone too (xmllint, no vastbus).
for f in samples/gr-2019/*.xml samples/gr-2018/*.xml; do
    case $(basename "$f") in
        arsbok.xml) xsd=schema/arsbok.xsd ;;
        *) xsd=schema/arsberattelse.xsd ;;
    esac
    xmllint --noout --nonet --schema "$xsd" "$f" 2>"$t/xl" || no "xmllint: $f: $(cat "$t/xl")"
done

# Every message of the diagnostics table is explained in the man page.
sed -n '/static const char \*const texts/,/^};/p' src/diag/diag.c |
    sed -n 's/^[[:space:]]*"\([^"]*\)",*$/\1/p' |
    grep -v -e '^$' -e '^[A-Z]*$' | while read -r msg; do
        grep -qF "$msg" man/vastbus.1 || echo "$msg"
    done > "$t/undoc"
[ -s "$t/undoc" ] && no "man page lacks: $(cat "$t/undoc")"

# A batch goes on after a bad file and counts both.
out=$("$VB" validera tests/validera/tom.xml doc/format-exempel.xml)
[ $? -eq 1 ] || no "batch: exit should be 1"
printf '%s\n' "$out" | grep -qx '2 filer kontrollerade: 1 giltig, 1 ogiltig\.' \
    || no "batch: closing line: $out"

# A file that does not exist is a finding, not a crash.
out=$("$VB" validera -q "$t/finns-inte.xml")
[ $? -eq 1 ] || no "missing file: exit"
[ "$out" = "$t/finns-inte.xml: systemfel: kan inte läsa filen: filen eller katalogen finns inte" ] \
    || no "missing file: $out"

# Usage errors exit 2 and say so in Swedish; --help and --version exit 0.
"$VB" validera >/dev/null 2>&1; [ $? -eq 2 ] || no "no args: exit"
"$VB" validera --okand x >/dev/null 2>&1; [ $? -eq 2 ] || no "bad flag: exit"
"$VB" okant-kommando >/dev/null 2>&1; [ $? -eq 2 ] || no "bad command: exit"
"$VB" --help | grep -q '^Användning: vastbus KOMMANDO' || no "--help"
"$VB" validera --hjalp | grep -q 'Slutstatus' || no "validera --hjalp"
"$VB" --version | grep -qx 'vastbus [0-9.]*' || no "--version"

# A blank template says which fields are not filled in, and is invalid.
"$VB" mall --kommun Ale --ar 2019 -o "$t/ale.xml" || no "mall: exit $?"
"$VB" mall --kommun Ale --ar 2019 -o "$t/ale.xml" 2>/dev/null && no "mall overwrote a file"
out=$("$VB" validera -q "$t/ale.xml")
[ $? -eq 1 ] || no "blank: exit"
for field in "kontaktpersonens namn" "e-postadress" "ledamotens namn" \
             "ledamotens funktion" "antal möten (antal)" "inlämningsdatum (datum)"; do
    printf '%s\n' "$out" | grep -q "fältet är inte ifyllt: $field" \
        || no "blank: no message for $field"
done
"$VB" mall --kommun Ale --ar 19 >/dev/null 2>&1; [ $? -eq 2 ] || no "mall bad year: exit"
# The template knows the places: subregion filled in, districts required.
grep -q '<delregion>Göteborgsregionen</delregion>' "$t/ale.xml" || no "mall: delregion not filled in"
"$VB" mall --kommun Kungsbacka --ar 2019 >/dev/null 2>&1; [ $? -eq 2 ] || no "mall Kungsbacka: exit"
err=$("$VB" mall --kommun Göteborg --ar 2019 2>&1 >/dev/null)
[ $? -eq 2 ] || no "mall Göteborg without stadsdel: exit"
printf '%s\n' "$err" | grep -q 'ange --stadsdel, en av Angered, ' || no "mall Göteborg: $err"
"$VB" mall --kommun Göteborg --stadsdel Angered --ar 2019 | grep -q '<stadsdel>Angered</stadsdel>' \
    || no "mall Göteborg Angered"

[ "$fail" -eq 0 ] || { echo "$fail failure(s)"; exit 1; }
echo "validera: ok"
