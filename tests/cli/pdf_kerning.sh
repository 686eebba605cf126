#!/bin/sh
# Kerning: text is drawn as TJ arrays with the font's pair adjustments
# (HarfBuzz positions), in headings and body text, and still copies out
# right. Read from the content streams as qpdf writes them uncompressed.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
# A string's codes as the PDF writes them, as a regular expression: a
# Latin-1 document has one-byte codes in literal strings, "(Te)" (ASCII
# text here: the bytes are the characters; src/pdf/pdf_codes.c), other
# documents two-byte code points in hex, "<00540065>", in lower case as
# qpdf --qdf writes them. codes TEXT gives "(\(TEXT|<hex>)".
hexof() { printf '%s' "$1" | iconv -f UTF-8 -t UTF-16BE | od -An -tx1 | tr -d ' \n'; }
codes() { printf '(\\(%s|<%s)' "$(printf '%s' "$1" | sed 's/[].[\\*^$()+?{}|]/\\&/g')" "$(hexof "$1")"; }

P=$T/ale.pdf
if ! "$VB" pdf "$ROOT/samples/gr-2019/ale.xml" -o "$P" 2>"$T/err"; then
    fail "pdf ale.xml misslyckades: $(cat "$T/err")"
    finish
fi
pdf_ok "$P"
qpdf --qdf --object-streams=disable "$P" "$T/q.pdf" || fail "qpdf --qdf misslyckades"
grep -a -E '^\[(<[0-9a-f]+>|\(.*\))-?[0-9]+(<[0-9a-f]+>|\().*\]TJ$' "$T/q.pdf" > "$T/tj"
[ "$(wc -l < "$T/tj")" -ge 5 ] || fail "innehållsflödena saknar kernade TJ-fält"
# the heading "4. Avvikelser" (the section's title in xslt/gemensam.xsl):
# "A" and "v" with an adjustment between them
grep -a -q -E "^\\[$(codes "4. A")[)>][0-9]+$(codes vvikelser)" "$T/tj" || fail "rubriken \"4. Avvikelser\" är inte kernad (A–v)"
# and it, like the body, still copies out as text
pdftotext "$P" "$T/ale.txt"
grep -q '^4\. Avvikelser$' "$T/ale.txt" || fail "\"4. Avvikelser\" går inte att kopiera ut"
grep -q '^Kategori, parter och status för varje avvikelse$' "$T/ale.txt" || fail "tabellrubriken \"Kategori, parter och status för varje avvikelse\" går inte att kopiera ut"
# the group's name (the report's first <namn>) is in the copied text
tr '\n' ' ' < "$T/ale.txt" > "$T/ale1.txt"
name=$(sed -n 's:.*<namn>\(.*\)</namn>.*:\1:p' "$ROOT/samples/gr-2019/ale.xml" | head -1)
[ -n "$name" ] || fail "gruppnamnet hittades inte i ale.xml"
grep -q -F "$name" "$T/ale1.txt" || fail "gruppnamnet \"$name\" går inte att kopiera ut"
# a heading in a layout of its own: kerned pairs at 15 pt ("Te", "Av")
cat > "$T/k.xml" <<'XML'
<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:vastbus:layout:1" title="Kerning" lang="sv-SE">
  <body>
    <heading level="1">Tevatten Avvikelser</heading>
    <p>Vattentornet Avtal Tyresö</p>
  </body>
</document>
XML
sats "$T/k.xml" "$T/k.pdf" || finish
qpdf --qdf --object-streams=disable "$T/k.pdf" "$T/k.q.pdf"
grep -a -c -E '\]TJ$' "$T/k.q.pdf" | grep -q -v '^0$' || fail "rubrik och brödtext utan TJ"
grep -a -q -E "^\\[$(codes T)[)>][0-9]+$(codes evatten)" "$T/k.q.pdf" || fail "\"Te\" i rubriken är inte kernat"
pdftotext "$T/k.pdf" - | tr '\n' ' ' > "$T/k.txt"
for w in "Tevatten Avvikelser" "Vattentornet Avtal Tyresö"; do
    grep -q -F "$w" "$T/k.txt" || fail "\"$w\" går inte att kopiera ut: $(cat "$T/k.txt")"
done
finish
