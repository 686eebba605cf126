#!/bin/sh
# data-only: checks the XSDs in schema/ with xmllint alone (no vastbus binary needed).
# Run from the repository root: sh tests/cli/schema.sh
#
#  - doc/format-exempel.xml and doc/arsbok-exempel.xml are valid;
#  - data/geografi.xml is valid, has 49 kommun and 10 districts in 2019;
#  - every file in tests/schema/giltiga/ is valid;
#  - every file in tests/schema/ogiltiga/ is well-formed but rejected by
#    its schema, and the error output contains the text given on the
#    file's "expect:" line (so it fails for the intended reason).
# The schema is chosen by file-name prefix: arsbok-*, geografi-*, else
# arsberattelse.
set -eu

command -v xmllint >/dev/null 2>&1 || { echo "schema.sh: xmllint missing (apt-get install libxml2-utils)" >&2; exit 2; }
[ -f schema/arsberattelse.xsd ] || { echo "schema.sh: run from the repository root" >&2; exit 2; }

failures=0
checks=0
tmp=$(mktemp)
trap 'rm -f "$tmp"' EXIT

fail() {
    echo "FAIL: $*" >&2
    failures=$((failures + 1))
}

schema_for() {
    case $(basename "$1") in
        arsbok*) echo schema/arsbok.xsd ;;
        geografi*) echo schema/geografi.xsd ;;
        *) echo schema/arsberattelse.xsd ;;
    esac
}

expect_valid() { # file schema
    checks=$((checks + 1))
    if ! xmllint --noout --nonet --schema "$2" "$1" >"$tmp" 2>&1; then
        fail "$1 should be valid against $2:"
        sed 's/^/    /' "$tmp" >&2
    fi
}

expect_invalid() { # file schema
    checks=$((checks + 1))
    if ! xmllint --noout --nonet "$1" >"$tmp" 2>&1; then
        fail "$1 is not well-formed XML (fix the test file):"
        sed 's/^/    /' "$tmp" >&2
        return 0
    fi
    if xmllint --noout --nonet --schema "$2" "$1" >"$tmp" 2>&1; then
        fail "$1 should be rejected by $2 but validates"
        return 0
    fi
    expect=$(sed -n 's/^ *expect: \(.*\) -->$/\1/p' "$1" | head -n 1)
    if [ -z "$expect" ]; then
        fail "$1 has no 'expect:' line"
    elif ! grep -F -q -- "$expect" "$tmp"; then
        fail "$1 rejected, but not for the expected reason '$expect':"
        sed 's/^/    /' "$tmp" >&2
    fi
}

# The schemas themselves must compile (an xs:schema error shows up here).
for xsd in schema/arsberattelse.xsd schema/arsbok.xsd schema/geografi.xsd; do
    checks=$((checks + 1))
    if ! xmllint --noout --nonet "$xsd" >"$tmp" 2>&1; then
        fail "$xsd is not well-formed"; sed 's/^/    /' "$tmp" >&2
    fi
done

# Every element and attribute declaration carries documentation, and no
# schema pulls in anything from outside (no import/include/redefine).
for xsd in schema/arsberattelse.xsd schema/arsbok.xsd schema/geografi.xsd; do
    checks=$((checks + 1))
    n=$(xmllint --nonet --xpath "count(//*[local-name()='element' or local-name()='attribute'][not(*[local-name()='annotation']/*[local-name()='documentation'])])" "$xsd" 2>/dev/null || echo "?")
    [ "$n" = 0 ] || fail "$xsd: $n element/attribute declarations without xs:documentation"
    checks=$((checks + 1))
    n=$(xmllint --nonet --xpath "count(//*[local-name()='import' or local-name()='include' or local-name()='redefine'])" "$xsd" 2>/dev/null || echo "?")
    [ "$n" = 0 ] || fail "$xsd: uses xs:import/include/redefine"
done

expect_valid doc/format-exempel.xml schema/arsberattelse.xsd
expect_valid doc/arsbok-exempel.xml schema/arsbok.xsd
expect_valid data/geografi.xml schema/geografi.xsd

# Counts in the geography table.
count() { # xpath
    xmllint --nonet --xpath "$1" data/geografi.xml 2>/dev/null || echo "?"
}
checks=$((checks + 1))
n=$(count "count(/*[local-name()='geografi']/*[local-name()='kommun'])")
[ "$n" = 49 ] || fail "data/geografi.xml: expected 49 kommun, found $n"

districts_in() { # year
    count "count(//*[local-name()='kommun'][@namn='Göteborg']/*[local-name()='stadsdel'][@fran <= $1 and (not(@till) or @till >= $1)])"
}
checks=$((checks + 1))
n=$(districts_in 2019)
[ "$n" = 10 ] || fail "data/geografi.xml: expected 10 districts in 2019, found $n"
checks=$((checks + 1))
n=$(districts_in 2021)
[ "$n" = 0 ] || fail "data/geografi.xml: expected no districts in 2021, found $n"
checks=$((checks + 1))
n=$(count "count(/*[local-name()='geografi']/*[local-name()='delregion'])")
[ "$n" = 4 ] || fail "data/geografi.xml: expected 4 delregion, found $n"
checks=$((checks + 1))
n=$(count "count(//*[local-name()='stadsdel'][not(../@namn='Göteborg')])")
[ "$n" = 0 ] || fail "data/geografi.xml: stadsdel outside Göteborg: $n"
checks=$((checks + 1))
n=$(count "count(//*[local-name()='kommun'][@namn='Kungsbacka'])")
[ "$n" = 0 ] || fail "data/geografi.xml: Kungsbacka (Halland) must not be listed"

found=0
for f in tests/schema/giltiga/*.xml; do
    [ -e "$f" ] || continue
    found=1
    expect_valid "$f" "$(schema_for "$f")"
done
[ "$found" = 1 ] || fail "no files in tests/schema/giltiga/"

found=0
for f in tests/schema/ogiltiga/*.xml; do
    [ -e "$f" ] || continue
    found=1
    expect_invalid "$f" "$(schema_for "$f")"
done
[ "$found" = 1 ] || fail "no files in tests/schema/ogiltiga/"

if [ "$failures" -ne 0 ]; then
    echo "schema.sh: $failures of $checks checks failed" >&2
    exit 1
fi
echo "schema.sh: all $checks checks passed"
