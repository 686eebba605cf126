#!/bin/sh
# End to end: `vastbus pdf` on every report in samples/gr-2019 and on a
# group of 60 members (tests/pdf/stor-grupp.xml), checked on the PDFs
# themselves with poppler and qpdf:
#   exit 0; qpdf --check clean; pdfinfo/pdffonts/pdftotext silent; A4;
#   every font embedded; the section headings in order (5 and 6 when the
#   report has them); names with å ä ö intact; "Sida N av M" on every page;
#   no word box outside the 25 mm side margins, and nothing crossing into
#   the header/footer bands; metadata (title, author, subject, sv-SE);
#   bookmarks for the sections; identical bytes with SOURCE_DATE_EPOCH;
#   no heading in the last 15 % of a page or without two lines after it;
#   the member table's header row again at the top of page 2 (60 members);
#   an invalid report among valid ones; atomic replacement; -o = input is
#   refused; the same facts in the PDF as in the HTML page for one report.
# VASTBUS names the program (default ./vastbus).
. "$(dirname "$0")/../tools/pdf_testlib.sh"
VB=${VASTBUS:-$ROOT/vastbus}
S=$ROOT/samples/gr-2019
export SOURCE_DATE_EPOCH=1580515200

# the reports of the sample folder (the yearbook manifest is not one)
REPORTS=$(grep -l 'urn:vastbus:arsberattelse:1' "$S"/*.xml)

mkdir -p "$T/a" "$T/b" "$T/big"
if ! "$VB" pdf -d "$T/a" $REPORTS >"$T/run.out" 2>"$T/run.err"; then
    fail "vastbus pdf på samples/gr-2019 avslutades med fel: $(grep -v varning "$T/run.err" | head -3)"
fi
"$VB" pdf -d "$T/b" $REPORTS >/dev/null 2>&1
cp "$ROOT/tests/pdf/stor-grupp.xml" "$T/big/"
if ! "$VB" validera "$T/big/stor-grupp.xml" >/dev/null 2>"$T/v.err"; then
    fail "tests/pdf/stor-grupp.xml är ingen giltig årsberättelse: $(head -3 "$T/v.err")"
fi
"$VB" pdf -d "$T/a" "$T/big/stor-grupp.xml" >/dev/null 2>"$T/big.err" ||
    fail "stor-grupp.xml: vastbus pdf misslyckades: $(head -3 "$T/big.err")"

MM=2.834645669
# check_geometry PDF: word boxes inside the side margins; nothing crossing
# the edge of the body area (20 mm top, 22 mm bottom) into the bands of the
# running header and footer; section headings neither in the last 15 % of
# the body nor followed by fewer than two lines on their page (unless what
# follows is that short and ends the document).
check_geometry() {
    pdftotext -bbox-layout "$1" - 2>/dev/null | awk -v name="$(basename "$1")" -v mm=$MM '
        function attr(s, a,   r) {
            if (!match(s, a "=\"[-0-9.]+\"")) return 0
            r = substr(s, RSTART + length(a) + 2, RLENGTH - length(a) - 3)
            return r + 0
        }
        function flush_page(   i, k, n, ys, after, bodyb) {
            if (np == 0) return
            bodyb = h - 22 * mm
            for (i = 1; i <= nl; i++) {
                if (ltext[i] !~ /^([1-6]\. (Gruppens sammansättning|Antal möten|Utbildningsinsatser|Avvikelser|Reflektion|Planering inför kommande år)|Analys|Beskrivning av avvikelserna)$/)
                    continue
                if (ly0[i] > 20 * mm + 0.85 * (h - 42 * mm))
                    print name ": sidan " np ": rubriken \"" ltext[i] "\" står i sidans sista 15 %"
                delete ys; n = 0
                for (k = 1; k <= nl; k++)
                    if (ly0[k] > ly1[i] && ly1[k] < bodyb) {
                        key = sprintf("%.0f", ly0[k])
                        if (!(key in ys)) { ys[key] = 1; n++ }
                    }
                if (n < 2 && !(lastpage && n == remaining_after(i)))
                    print name ": sidan " np ": rubriken \"" ltext[i] "\" har " n " rad(er) efter sig på sidan"
            }
        }
        function remaining_after(i,   k, c) { c = 0
            for (k = 1; k <= nl; k++) if (ly0[k] > ly1[i] && ly1[k] < h - 22 * mm) c++
            return c }
        /<page / { flush_page(); np++; nl = 0; w = attr($0, "width"); h = attr($0, "height") }
        /<line / { nl++; ly0[nl] = attr($0, "yMin"); ly1[nl] = attr($0, "yMax"); ltext[nl] = "" }
        /<word / {
            x0 = attr($0, "xMin"); x1 = attr($0, "xMax"); y0 = attr($0, "yMin"); y1 = attr($0, "yMax")
            t = $0; sub(/.*">/, "", t); sub(/<\/word>.*/, "", t)
            ltext[nl] = ltext[nl] == "" ? t : ltext[nl] " " t
            if (x0 < 25 * mm - 0.05 || x1 > w - 25 * mm + 0.05)
                print name ": sidan " np ": ordet \"" t "\" ligger utanför sidmarginalen (x " x0 "–" x1 ")"
            top = 20 * mm; bot = h - 22 * mm
            if ((y0 < top - 0.5 && y1 > top + 0.5) || (y0 < bot - 0.5 && y1 > bot + 0.5) || y0 < 0 || y1 > h)
                print name ": sidan " np ": ordet \"" t "\" går över kanten till sidhuvud/sidfot (y " y0 "–" y1 ")"
        }
        END { lastpage = 1; flush_page() }' | head -5
}

for f in $REPORTS "$T/big/stor-grupp.xml"; do
    b=$(basename "$f" .xml)
    P=$T/a/$b.pdf
    if [ ! -s "$P" ]; then
        fail "$b: ingen PDF"
        continue
    fi
    pdf_ok "$P"
    cp "$T/ok.txt" "$T/$b.txt"    # pdf_ok's `pdftotext "$P"`, not a second run
    # headings in order
    # what the report says, by one xsltproc: the counts of reflektion and
    # planering, the year and the group's name on the first line, then
    # every name (members, contact person) one per line
    xsltproc --nonet - "$f" > "$T/$b.x" 2>/dev/null <<'XSL'
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:value-of select="concat(count(/*/*[local-name()='reflektion']), '|', count(/*/*[local-name()='planering']), '|',
      string(/*/@ar), '|', normalize-space(//*[local-name()='grupp']/*[local-name()='namn']), '&#10;')"/>
    <xsl:for-each select="//*[local-name()='namn']/text()">
      <xsl:value-of select="."/><xsl:text>&#10;</xsl:text>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
XSL
    IFS='|' read -r n_refl n_plan ar grp < "$T/$b.x"
    want="1. Gruppens sammansättning|2. Antal möten|3. Utbildningsinsatser|4. Avvikelser"
    [ "$n_refl" = 1 ] && want="$want|5. Reflektion"
    [ "$n_plan" = 1 ] && want="$want|6. Planering inför kommande år"
    prev=0
    IFS='|'
    for h in $want; do
        n=$(grep -n -F -x "$h" "$T/$b.txt" | head -1 | cut -d: -f1)
        if [ -z "$n" ]; then fail "$b: rubriken \"$h\" saknas"
        elif [ "$n" -le "$prev" ]; then fail "$b: rubriken \"$h\" står i fel ordning"
        else prev=$n; fi
    done
    unset IFS
    for h in "5. Reflektion" "6. Planering inför kommande år"; do
        case "|$want|" in *"|$h|"*) ;; *)
            grep -q -F -x "$h" "$T/$b.txt" && fail "$b: \"$h\" finns i PDF:en men inte i rapporten" ;;
        esac
    done
    # every name (members, contact person) intact, å ä ö included
    tr '\n' ' ' < "$T/$b.txt" | sed 's/  */ /g' > "$T/$b.one"
    sed 1d "$T/$b.x" | sed 's/^ *//; s/ *$//' | sort -u > "$T/$b.names"
    awk 'NR == FNR { text = text $0; next } $0 != "" && index(text, $0) == 0 { print }' \
        "$T/$b.one" "$T/$b.names" > "$T/missing"
    while IFS= read -r nm; do
        fail "$b: namnet \"$nm\" saknas eller är förvanskat"
    done < "$T/missing"
    # "Sida N av M" on every page: one pdftotext for all pages
    N=$(awk '/^Pages:/ { print $2 }' "$T/ok.info")
    pdftotext -layout "$P" - 2>/dev/null | awk -v n="$N" '
        BEGIN { RS = "\f" }
        NR <= n { k = split($0, line, "\n")
                  for (j = 1; j <= k; j++) if (line[j] ~ ("Sida " NR " av " n "$")) ok[NR] = 1 }
        END { for (i = 1; i <= n; i++) if (!(i in ok)) print i }' > "$T/nosida"
    while IFS= read -r i; do
        fail "$b: sidan $i saknar \"Sida $i av $N\""
    done < "$T/nosida"
    # geometry
    out=$(check_geometry "$P")
    [ -z "$out" ] || fail "$out"
    # metadata
    info=$(cat "$T/ok.info")
    echo "$info" | grep -q -x -F "Title:           Årsberättelse $ar – $grp" || fail "$b: fel titel: $(echo "$info" | grep ^Title)"
    echo "$info" | grep -q -x -F "Author:          $grp" || fail "$b: fel författare: $(echo "$info" | grep ^Author)"
    echo "$info" | grep -q -x -F "Subject:         Västbus årsberättelse" || fail "$b: fel ämne"
    qpdf --qdf --object-streams=disable "$P" "$T/q.pdf" 2>/dev/null
    grep -a -q "/Lang (sv-SE)" "$T/q.pdf" || fail "$b: /Lang (sv-SE) saknas"
    grep -a -q "<dc:language><rdf:Bag><rdf:li>sv-SE</rdf:li>" "$T/q.pdf" ||
        grep -a -q "sv-SE" "$T/q.pdf" || fail "$b: språket saknas i XMP"
    # bookmarks: the section headings, in order, at the top level (read
    # for all PDFs by one node after the loop)
    qpdf --json --json-key=outlines "$P" > "$T/$b.oljson" 2>/dev/null
    echo "$want" | tr '|' '\n' > "$T/$b.want"
    # reproducible
    if [ -f "$T/b/$b.pdf" ] && ! cmp -s "$P" "$T/b/$b.pdf"; then
        fail "$b: två körningar med SOURCE_DATE_EPOCH gav olika byte"
    fi
done

# the bookmarks of every PDF: one node for all of them
node -e 'const fs = require("fs");
         for (const f of process.argv.slice(1)) {
           let t = "";
           try { for (const b of JSON.parse(fs.readFileSync(f, "utf8")).outlines) t += b.title + "\n"; }
           catch (e) { t = "(qpdf --json: " + e.message + ")\n"; }
           fs.writeFileSync(f.replace(/\.oljson$/, ".outl"), t);
         }' "$T"/*.oljson
for w in "$T"/*.want; do
    b=$(basename "$w" .want)
    cmp -s "$T/$b.outl" "$w" ||
        fail "$b: bokmärkena är inte avsnitten i ordning: $(tr '\n' ';' < "$T/$b.outl" 2>/dev/null)"
done

# 60 members: the table's caption with "(forts.)" and its header row
# again at the top of page 2
P=$T/a/stor-grupp.pdf
if [ -s "$P" ]; then
    [ "$(pages "$P")" -ge 2 ] || fail "stor-grupp: bara en sida"
    cap=$(page_text "$P" 2 | sed '/^ *$/d' | sed -n 2p)
    echo "$cap" | grep -q "^ *Gruppens medlemmar (forts\.) *$" ||
        fail "stor-grupp: sidan 2 börjar inte med tabellrubriken och \"(forts.)\": \"$cap\""
    first=$(page_text "$P" 2 | sed '/^ *$/d' | sed -n 3p)
    echo "$first" | grep -q "Namn *Funktion *Organisation *Huvudman" ||
        fail "stor-grupp: sidan 2 börjar inte med tabellhuvudet: \"$first\""
    page_text "$P" 1 | grep -q "Namn *Funktion *Organisation *Huvudman" ||
        fail "stor-grupp: sidan 1 saknar tabellhuvudet"
    grep -q -F "Aydın" "$T/stor-grupp.one" || fail "stor-grupp: \"Aydın\" (ı) saknas"
fi

# an invalid report among valid ones: its diagnostics, no PDF, the others
# made, exit 1
mkdir -p "$T/mix" "$T/mixout"
cp "$S/ale.xml" "$S/lerum.xml" "$T/mix/"
sed 's|<kommun>Kungälv</kommun>|<kommun>Kungälv</kommun><okand/>|' "$ROOT/tests/pdf/stor-grupp.xml" > "$T/mix/trasig.xml"
"$VB" pdf -d "$T/mixout" "$T/mix/ale.xml" "$T/mix/trasig.xml" "$T/mix/lerum.xml" >"$T/mix.out" 2>"$T/mix.err"
rc=$?
[ "$rc" -eq 1 ] || fail "en ogiltig rapport bland giltiga: slutstatus $rc, väntade 1"
grep -q "trasig.xml:[0-9]*: fel:" "$T/mix.err" || fail "den ogiltiga rapporten fick inga diagnoser: $(head -3 "$T/mix.err")"
[ -e "$T/mixout/trasig.pdf" ] && fail "den ogiltiga rapporten fick en PDF"
[ -s "$T/mixout/ale.pdf" ] && [ -s "$T/mixout/lerum.pdf" ] || fail "de giltiga rapporterna gjordes inte"
ls -A "$T/mixout" | grep -v -x -e ale.pdf -e lerum.pdf | grep -q . &&
    fail "tillfälliga filer ligger kvar: $(ls -A "$T/mixout")"

# an existing output is replaced by rename (new inode, never half-written),
# and -o equal to the input is refused
mkdir -p "$T/atom"
cp "$S/ale.xml" "$T/atom/in.xml"
echo "gammal" > "$T/atom/ut.pdf"
ino=$(stat -c %i "$T/atom/ut.pdf")
"$VB" pdf "$T/atom/in.xml" -o "$T/atom/ut.pdf" >/dev/null 2>&1 || fail "-o över en befintlig fil misslyckades"
[ "$(head -c 5 "$T/atom/ut.pdf")" = "%PDF-" ] || fail "den befintliga utfilen ersattes inte"
[ "$(stat -c %i "$T/atom/ut.pdf")" != "$ino" ] || fail "utfilen skrevs över på plats, inte ersatt atomärt"
ls -A "$T/atom" | grep -v -x -e in.xml -e ut.pdf | grep -q . && fail "tillfälliga filer ligger kvar i $(ls -A "$T/atom")"
sum=$(cksum < "$T/atom/in.xml")
"$VB" pdf "$T/atom/in.xml" -o "$T/atom/in.xml" >/dev/null 2>&1 && fail "-o lika med indatafilen godtogs"
"$VB" pdf "$T/atom/in.xml" -o "$T/atom/../atom/in.xml" >/dev/null 2>&1 && fail "-o lika med indatafilen (annan väg) godtogs"
[ "$(cksum < "$T/atom/in.xml")" = "$sum" ] || fail "indatafilen skrevs över"

# the same facts in the PDF as in the HTML page (one report)
f=$S/ale.xml
if "$VB" html "$f" -o "$T/ale.html" >/dev/null 2>&1; then
    xsltproc --nonet --html "$ROOT/tests/html/text.xsl" "$T/ale.html" 2>/dev/null |
        sed 's/\xc2\xa0/ /g' | tr -s ' \n\t' '\n\n\n' > "$T/html.words"
    # the PDF's words one by one (word boxes: table cells never run together)
    pdftotext -bbox "$T/a/ale.pdf" - 2>/dev/null | grep '<word ' |
        sed 's/.*">//; s/<\/word>.*//; s/&amp;/\&/g; s/&lt;/</g; s/&gt;/>/g; s/&quot;/"/g' > "$T/pdf.words"
    xsltproc --nonet "$ROOT/tests/html/fakta.xsl" "$f" | tr -s ' \n\t' '\n\n\n' | sort -u > "$T/fakta.words"
    for wf in html pdf; do
        sed 's/^[[:punct:]]*//; s/[[:punct:]]*$//' "$T/$wf.words" | sort -u > "$T/$wf.set"
    done
    sed 's/^[[:punct:]]*//; s/[[:punct:]]*$//' "$T/fakta.words" | sort -u | sed '/^$/d' > "$T/fakta.set"
    # a word hyphenated inside a table cell comes out as two words
    # ("Utvecklingssekretera-" and "re"): both halves count
    miss_pdf=$(comm -23 "$T/fakta.set" "$T/pdf.set" | awk -v set="$T/pdf.words" '
        BEGIN { while ((getline w < set) > 0) have[w] = 1 }
        { ok = 0
          for (k = 2; k < length($0) && !ok; k++)
              if ((substr($0, 1, k) "-") in have && (substr($0, k + 1) in have ||
                  (substr($0, k + 1) ",") in have || (substr($0, k + 1) ".") in have)) ok = 1
          if (!ok) print }' | head -5 | tr '\n' ' ')
    miss_html=$(comm -23 "$T/fakta.set" "$T/html.set" | head -5 | tr '\n' ' ')
    [ -z "$miss_pdf" ] || fail "ale: ord ur rapporten saknas i PDF:en: $miss_pdf"
    [ -z "$miss_html" ] || fail "ale: ord ur rapporten saknas i HTML-sidan: $miss_html"
    # dates and counts: the same in both
    grep -o -E '[0-9]{4}-[0-9]{2}-[0-9]{2}' "$T/pdf.words" | sort -u > "$T/pdf.dates"
    grep -o -E '[0-9]{4}-[0-9]{2}-[0-9]{2}' "$T/html.words" | sort -u > "$T/html.dates"
    cmp -s "$T/pdf.dates" "$T/html.dates" ||
        fail "ale: olika datum i PDF och HTML: $(comm -3 "$T/pdf.dates" "$T/html.dates" | tr '\n\t' '  ')"
    xsltproc --nonet --html "$ROOT/tests/html/text.xsl" "$T/ale.html" 2>/dev/null | tr -s ' \n' '  ' > "$T/html.one"
    for s in "Gruppen har haft 5 möten under 2019." "Antal avvikelser under året: 3."; do
        grep -q -F "$s" "$T/ale.one" || fail "ale: \"$s\" saknas i PDF:en"
        grep -q -F "$s" "$T/html.one" || fail "ale: \"$s\" saknas i HTML-sidan"
    done
else
    fail "vastbus html misslyckades för ale.xml"
fi
finish
