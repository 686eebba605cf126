#!/bin/sh
# Fallback face without its oblique: with DejaVu Sans's oblique files
# hidden from fontconfig (as on a machine without fonts-dejavu-extra),
# fontconfig offers the upright DejaVuSans.ttf, slanted by a matrix, for
# italic text. vastbus must not take it as the italic face: it once did,
# and regular and italic fallback text then shared one PDF font whose
# ToUnicode map held only the italic text's characters, so ⚠ ☎ and the
# Georgian letters of the regular text were lost to copying. The faces
# are hidden by a private fonts.conf (rejectfont), so the test does not
# depend on which font packages are installed.
set -u
VASTBUS=${VASTBUS:-./vastbus}
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d "${TMPDIR:-/tmp}/vastbus-reserv.XXXXXX")
trap 'rm -rf "$T"' EXIT
fails=0
fail() { echo "FEL: $*"; fails=$((fails + 1)); }

cat > "$T/fonts.conf" <<'CONF'
<?xml version="1.0"?>
<!DOCTYPE fontconfig SYSTEM "urn:fontconfig:fonts.dtd">
<fontconfig>
  <include ignore_missing="yes">/etc/fonts/fonts.conf</include>
  <selectfont><rejectfont>
    <pattern><patelt name="family"><string>DejaVu Sans</string></patelt>
             <patelt name="slant"><const>oblique</const></patelt></pattern>
    <pattern><patelt name="family"><string>DejaVu Sans</string></patelt>
             <patelt name="slant"><const>italic</const></patelt></pattern>
  </rejectfont></selectfont>
</fontconfig>
CONF

# The layout: regular and italic text, each with characters only the
# fallback face has; what must come back is read from the input.
cat > "$T/reserv.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:vastbus:layout:1" title="Reserv" author="vastbus" subject="Test" lang="sv-SE">
  <body>
    <p>Rak: ⚠ ☎ ქართული Ѯ</p>
    <p><i>Kursiv: ✓ ქართ ∑</i></p>
  </body>
</document>
XML
FONTCONFIG_FILE=$T/fonts.conf "$VASTBUS" sats "$T/reserv.xml" -o "$T/reserv.pdf" \
    > "$T/out" 2>&1
rc=$?
[ $rc -eq 0 ] || fail "vastbus sats gav status $rc: $(cat "$T/out")"
pdftotext "$T/reserv.pdf" - 2>/dev/null | tr '\n' ' ' > "$T/text"
sed -n 's/.*<p>\(<i>\)\{0,1\}\([^<]*\)<.*/\2/p' "$T/reserv.xml" > "$T/want"
[ "$(wc -l < "$T/want")" -eq 2 ] || fail "testets egna indata lästes fel"
tr ' ' '\n' < "$T/want" | while read -r w; do
    [ -n "$w" ] || continue
    grep -q -F -- "$w" "$T/text" || echo "\"$w\" går inte att kopiera ur PDF:en"
done > "$T/lost"
[ -s "$T/lost" ] && fail "$(cat "$T/lost") (text: $(cat "$T/text"))"
if [ $fails -gt 0 ]; then echo "pdf_reservsnitt: $fails fel"; exit 1; fi
echo "pdf_reservsnitt: ok"
