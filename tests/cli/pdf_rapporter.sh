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

# What each report says, by one xsltproc for all of them (each start costs
# time): per file a line "@@ PATH", the counts of reflektion and
# planering, the year and the group's name on one line, then every name
# (members, contact person) one per line.
{
    echo '<filer>'
    for f in $REPORTS "$T/big/stor-grupp.xml"; do printf '<f>%s</f>\n' "$f"; done
    echo '</filer>'
} >"$T/filer.xml"
xsltproc --nonet - "$T/filer.xml" > "$T/x.all" 2>"$T/x.err" <<'XSL' || fail "xsltproc på rapporterna: $(head -3 "$T/x.err")"
<xsl:stylesheet version="1.0" xmlns:xsl="http://www.w3.org/1999/XSL/Transform">
  <xsl:output method="text" encoding="UTF-8"/>
  <xsl:template match="/">
    <xsl:for-each select="/filer/f">
      <xsl:value-of select="concat('@@ ', ., '&#10;')"/>
      <xsl:for-each select="document(string(.))">
        <xsl:value-of select="concat(count(/*/*[local-name()='reflektion']), '|', count(/*/*[local-name()='planering']), '|',
          string(/*/@ar), '|', normalize-space(//*[local-name()='grupp']/*[local-name()='namn']), '&#10;')"/>
        <xsl:for-each select="//*[local-name()='namn']/text()">
          <xsl:value-of select="."/><xsl:text>&#10;</xsl:text>
        </xsl:for-each>
      </xsl:for-each>
    </xsl:for-each>
  </xsl:template>
</xsl:stylesheet>
XSL
# one file per report: $T/NAME.x
awk -v d="$T" '/^@@ / { if (f != "") close(f); n = $2; sub(/.*\//, "", n); sub(/\.xml$/, "", n); f = d "/" n ".x"; printf "" > f; next }
               f != "" { print > f }' "$T/x.all"

# check_pdf NAME XFILE: one awk over what pdf_ok left ($T/ok.info,
# $T/ok.txt, $T/ok.html: pdfinfo, pdftotext and pdftotext -bbox-layout)
# and what the report says (XFILE); prints one failure per line and
# writes $T/NAME.one (the text on one line) and $T/NAME.want (the
# sections, one per line: the bookmarks wanted). It checks
#   the section headings in order (5 and 6 exactly when the report has
#   them); every name intact, å ä ö included; "Sida N av M" at the end of
#   a line on every page; no word box outside the 25 mm side margins, and
#   nothing crossing the edge of the body area (20 mm top, 22 mm bottom)
#   into the bands of the running header and footer; section headings
#   neither in the last 15 % of the body nor followed by fewer than two
#   lines on their page (unless what follows is that short and ends the
#   document); title, author and subject.
check_pdf() {
    awk -v name="$1.pdf" -v b="$1" -v one="$T/$1.one" -v wantf="$T/$1.want" -v mm=$MM '
        function attr(s, a,   r) {
            if (!match(s, a "=\"[-0-9.]+\"")) return 0
            r = substr(s, RSTART + length(a) + 2, RLENGTH - length(a) - 3)
            return r + 0
        }
        function trim(s) { sub(/^ +/, "", s); sub(/ +$/, "", s); return s }
        function geo(msg) { if (ngeo++ < 5) print name ": " msg }
        function flush_page(   i, k, n, ys, key, sida) {
            if (np == 0) return
            for (i = 1; i <= nl; i++) if (ltext[i] ~ ("Sida " np " av " npages "$")) sida = 1
            if (!sida) sida_missing[np] = 1
            bodyb = h - 22 * mm
            for (i = 1; i <= nl; i++) {
                if (ltext[i] !~ /^([1-6]\. (Gruppens sammansättning|Antal möten|Utbildningsinsatser|Avvikelser|Reflektion|Planering inför kommande år)|Analys|Beskrivning av avvikelserna)$/)
                    continue
                if (ly0[i] > 20 * mm + 0.85 * (h - 42 * mm))
                    geo("sidan " np ": rubriken \"" ltext[i] "\" står i sidans sista 15 %")
                delete ys; n = 0
                for (k = 1; k <= nl; k++)
                    if (ly0[k] > ly1[i] && ly1[k] < bodyb) {
                        key = sprintf("%.0f", ly0[k])
                        if (!(key in ys)) { ys[key] = 1; n++ }
                    }
                if (n < 2 && !(lastpage && n == remaining_after(i)))
                    geo("sidan " np ": rubriken \"" ltext[i] "\" har " n " rad(er) efter sig på sidan")
            }
        }
        function remaining_after(i,   k, c) { c = 0
            for (k = 1; k <= nl; k++) if (ly0[k] > ly1[i] && ly1[k] < h - 22 * mm) c++
            return c }
        # pdfinfo
        FILENAME ~ /ok\.info$/ {
            info[$1] = $0
            if ($1 == "Pages:") npages = $2
            next
        }
        # the report: counts, year, group; then the names
        FILENAME ~ /\.x$/ {
            if (FNR == 1) { split($0, v, "|"); n_refl = v[1]; n_plan = v[2]; ar = v[3]; grp = v[4]; next }
            nm = trim($0)
            if (nm != "" && !(nm in names)) { names[nm] = 1; order[++nnames] = nm }
            next
        }
        # the plain text: the first line number of each heading, and the
        # text on one line (newlines as spaces, runs of spaces as one)
        FILENAME ~ /ok\.txt$/ {
            if (!($0 in firstline)) firstline[$0] = FNR
            text = text $0 " "
            next
        }
        # pdftotext -bbox-layout: lines and word boxes by page
        /<page / { flush_page(); np++; nl = 0; w = attr($0, "width"); h = attr($0, "height") }
        /<line / { nl++; ly0[nl] = attr($0, "yMin"); ly1[nl] = attr($0, "yMax"); ltext[nl] = "" }
        /<word / {
            x0 = attr($0, "xMin"); x1 = attr($0, "xMax"); y0 = attr($0, "yMin"); y1 = attr($0, "yMax")
            t = $0; sub(/.*">/, "", t); sub(/<\/word>.*/, "", t)
            ltext[nl] = ltext[nl] == "" ? t : ltext[nl] " " t
            if (x0 < 25 * mm - 0.05 || x1 > w - 25 * mm + 0.05)
                geo("sidan " np ": ordet \"" t "\" ligger utanför sidmarginalen (x " x0 "–" x1 ")")
            top = 20 * mm; bot = h - 22 * mm
            if ((y0 < top - 0.5 && y1 > top + 0.5) || (y0 < bot - 0.5 && y1 > bot + 0.5) || y0 < 0 || y1 > h)
                geo("sidan " np ": ordet \"" t "\" går över kanten till sidhuvud/sidfot (y " y0 "–" y1 ")")
        }
        END {
            lastpage = 1; flush_page()
            # headings in order
            nw = split("1. Gruppens sammansättning|2. Antal möten|3. Utbildningsinsatser|4. Avvikelser", want, "|")
            if (n_refl == 1) want[++nw] = "5. Reflektion"
            if (n_plan == 1) want[++nw] = "6. Planering inför kommande år"
            prev = 0
            printf "" > wantf
            for (i = 1; i <= nw; i++) {
                print want[i] > wantf
                if (!(want[i] in firstline)) print b ": rubriken \"" want[i] "\" saknas"
                else if (firstline[want[i]] <= prev) print b ": rubriken \"" want[i] "\" står i fel ordning"
                else prev = firstline[want[i]]
            }
            if (n_refl != 1 && ("5. Reflektion" in firstline)) print b ": \"5. Reflektion\" finns i PDF:en men inte i rapporten"
            if (n_plan != 1 && ("6. Planering inför kommande år" in firstline)) print b ": \"6. Planering inför kommande år\" finns i PDF:en men inte i rapporten"
            # every name intact
            gsub(/  +/, " ", text)
            print text > one
            for (i = 1; i <= nnames; i++)
                if (index(text, order[i]) == 0) print b ": namnet \"" order[i] "\" saknas eller är förvanskat"
            # "Sida N av M" on every page
            if (npages == "" || npages < 1) print b ": pdfinfo ger inget sidantal"
            for (i = 1; i <= npages; i++)
                if (i > np || (i in sida_missing)) print b ": sidan " i " saknar \"Sida " i " av " npages "\""
            # metadata
            if (info["Title:"] != "Title:           Årsberättelse " ar " – " grp) print b ": fel titel: " info["Title:"]
            if (info["Author:"] != "Author:          " grp) print b ": fel författare: " info["Author:"]
            if (info["Subject:"] != "Subject:         Västbus årsberättelse") print b ": fel ämne"
        }' "$T/ok.info" "$2" "$T/ok.txt" "$T/ok.html"
}

for f in $REPORTS "$T/big/stor-grupp.xml"; do
    b=$(basename "$f" .xml)
    P=$T/a/$b.pdf
    if [ ! -s "$P" ]; then
        fail "$b: ingen PDF"
        continue
    fi
    pdf_ok "$P"
    if [ ! -s "$T/$b.x" ]; then
        fail "$b: xsltproc gav inget om rapporten"
        continue
    fi
    check_pdf "$b" "$T/$b.x" >"$T/fails"
    while IFS= read -r l; do fail "$l"; done <"$T/fails"
    # the catalog's /Lang, the XMP and the bookmarks, read for all PDFs
    # by one node after the loop
    qpdf --json --json-key=outlines --json-key=qpdf --json-stream-data=inline \
        --decode-level=generalized "$P" > "$T/$b.json" 2>/dev/null
done

# for every PDF, one node for all: /Lang (sv-SE) in the catalog; sv-SE as
# dc:language in the XMP; the bookmarks are the section headings, in
# order, at the top level; two runs with SOURCE_DATE_EPOCH give the same
# bytes
node -e 'const fs = require("fs"), path = require("path");
         const T = process.argv[1];
         for (const f of process.argv.slice(2)) {
           const b = path.basename(f, ".json");
           let titles = "", lang = "", xmp = "";
           try {
             const j = JSON.parse(fs.readFileSync(f, "utf8"));
             for (const o of j.outlines) titles += o.title + "\n";
             const objs = j.qpdf[1];
             const val = (ref) => objs["obj:" + ref];
             const root = val(objs.trailer.value["/Root"]).value;
             lang = root["/Lang"] || "";
             const m = root["/Metadata"] && val(root["/Metadata"]);
             if (m && m.stream && m.stream.data) xmp = Buffer.from(m.stream.data, "base64").toString("utf8");
           } catch (e) { titles = "(qpdf --json: " + e.message + ")\n"; }
           if (lang !== "u:sv-SE") console.log(b + ": /Lang (sv-SE) saknas");
           if (!/<dc:language>\s*<rdf:Bag>\s*<rdf:li>sv-SE<\/rdf:li>/.test(xmp)) console.log(b + ": språket saknas i XMP");
           let want = "";
           try { want = fs.readFileSync(path.join(T, b + ".want"), "utf8"); } catch (e) { want = "(inga avsnitt)"; }
           if (titles !== want) console.log(b + ": bokmärkena är inte avsnitten i ordning: " + titles.replace(/\n/g, ";"));
           const a = path.join(T, "a", b + ".pdf"), r = path.join(T, "b", b + ".pdf");
           if (fs.existsSync(r) && !fs.readFileSync(a).equals(fs.readFileSync(r)))
             console.log(b + ": två körningar med SOURCE_DATE_EPOCH gav olika byte");
         }' "$T" "$T"/*.json >"$T/fails" 2>&1 || fail "node: $(head -3 "$T/fails")"
while IFS= read -r l; do fail "$l"; done <"$T/fails"

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
