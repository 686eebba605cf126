#!/bin/sh
# The house style (doc/husstil.md) as the PDFs draw it: tables with
# horizontal rules only (no vertical line in a report), a heavier rule under
# each header row on a light fill, header words never broken; chart bars of
# both years with at least 3:1 contrast on white and the unit on every value
# label. The content streams are read uncompressed (qpdf --qdf) by
# tests/tools/pdf_ritning.py.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
R=$ROOT/tests/tools/pdf_ritning.py
S=$ROOT/samples/gr-2019
export SOURCE_DATE_EPOCH=1700000000

# --- a report: one table per part that has rows --------------------------
for f in ale goteborg-angered; do
    P=$T/$f.pdf
    "$VB" pdf -o "$P" "$S/$f.xml" 2>"$T/err" || { fail "$f: ingen PDF: $(cat "$T/err")"; continue; }
    qpdf --qdf --object-streams=disable "$P" "$T/$f.qdf"
    python3 "$R" linjer "$T/$f.qdf" > "$T/$f.lin"
    python3 "$R" ytor "$T/$f.qdf" > "$T/$f.ytor"
    v=$(awk '$1 == $3 && $2 != $4' "$T/$f.lin" | wc -l)
    [ "$v" -eq 0 ] || fail "$f: $v lodräta linjer; tabellerna ska bara ha vågräta"
    # expected tables: members always; training efforts and deviations when
    # the report lists any
    n=1
    [ "$(xmllint --xpath "count(//*[local-name()='insats'])" "$S/$f.xml")" -gt 0 ] && n=$((n + 1))
    [ "$(xmllint --xpath "count(//*[local-name()='avvikelse'])" "$S/$f.xml")" -gt 0 ] && n=$((n + 1))
    heavy=$(awk '$2 == $4 && $5 >= 0.9' "$T/$f.lin" | wc -l)
    [ "$heavy" -ge "$n" ] || fail "$f: $heavy kraftiga linjer under rubrikrader, väntade minst $n (en per tabell)"
    fills=$(awk '$8 < 1.3' "$T/$f.ytor" | wc -l)
    [ "$fills" -ge "$n" ] || fail "$f: $fills ljusa rubrikrader, väntade minst $n"
done

# --- a report's title block: label and value in two aligned columns; the
#     deviations' descriptions: a gap before each at least twice the
#     largest gap inside one (items, not a wall)
for f in goteborg-angered ale; do
    pdftotext -bbox "$T/$f.pdf" "$T/$f.bbox"
    python3 "$ROOT/tests/tools/pdf_rader.py" "$T/$f.bbox" > "$T/$f.rader"
    n=0
    for lab in Kommun Stadsdel Delregion Till Inlämnad Kontaktperson; do
        [ "$lab" = Stadsdel ] && [ -z "$(xmllint --xpath "normalize-space(//*[local-name()='stadsdel'])" "$S/$f.xml")" ] && continue
        awk -F '\t' -v l="$lab" '$1 ~ /^1 / { split($2, w, " "); if (w[1] ~ "^" l "@") { split(w[2], v, "@"); print v[2] } }' "$T/$f.rader"
        n=$((n + 1))
    done > "$T/$f.x"
    [ "$(wc -l < "$T/$f.x")" -eq "$n" ] || fail "$f: titelblocket har inte $n rader med etikett och värde"
    [ "$(sort -u "$T/$f.x" | wc -l)" -eq 1 ] || fail "$f: titelblockets värden står inte i en kolumn: $(sort -u "$T/$f.x" | tr '\n' ' ')"
    awk -F '\t' '
        { split($1, a, " "); pg = a[1]; y0 = a[2]; y1 = a[3]
          if (pg == ppg && $2 ~ /^Avvikelse@[0-9.]+ [0-9]+,@/ && initem) {
              gap = y0 - py1
              if (gap < 2 * inner) { printf "%s (%.1f pt, inuti %.1f pt)\n", $2, gap, inner }
              checked++
          }
          if ($2 ~ /^Avvikelse@[0-9.]+ [0-9]+,@/) { initem = 1; inner = 0 }
          else if (initem && pg == ppg && y0 - py1 > inner) inner = y0 - py1
          if (pg != ppg) initem = 0
          ppg = pg; py1 = y1 }
        END { if (!checked) print "ingen avvikelse att mäta" }' "$T/$f.rader" > "$T/$f.gap"
    [ -s "$T/$f.gap" ] && fail "$f: för litet avstånd före avvikelsebeskrivningar: $(head -3 "$T/$f.gap")"
done

# --- the yearbook --------------------------------------------------------
Y=$T/arsbok.pdf
"$VB" arsbok "$S/arsbok.xml" -o "$Y" 2>"$T/err" || fail "årsboken: ingen PDF: $(tail -2 "$T/err")"
pdf_ok "$Y"
qpdf --qdf --object-streams=disable "$Y" "$T/y.qdf"
python3 "$R" linjer "$T/y.qdf" > "$T/y.lin"
python3 "$R" ytor "$T/y.qdf" > "$T/y.ytor"
# the only upright lines are the charts' axes (0.6 pt, grey)
v=$(awk '$1 == $3 && $2 != $4 && !($5 == 0.60 && $6 == 0.350)' "$T/y.lin" | wc -l)
[ "$v" -eq 0 ] || fail "årsboken: $v lodräta tabellinjer"
# every filled shape that is not a light header fill is a bar or a legend
# swatch: at least 3:1 against white (WCAG 1.4.11)
awk '$8 >= 1.3 && $8 < 3 { print "  " $5, $6, $7, "kontrast " $8 ":1" }' "$T/y.ytor" | sort -u > "$T/svaga"
[ -s "$T/svaga" ] && fail "årsboken: staplar med för svag kontrast mot vitt: $(cat "$T/svaga")"
bars=$(awk '$8 >= 3' "$T/y.ytor" | awk '{ print $5, $6, $7 }' | sort -u | wc -l)
[ "$bars" -ge 2 ] || fail "årsboken: väntade staplar i två färger (i år, förra året), fann $bars"
# value labels: with last year's figures each group has two bars in "Möten
# per grupp"; every value label carries the unit, no bare number on a line
pdftotext -layout "$Y" "$T/y.txt"
awk '/^Möten per grupp/ { on = 1; next } on && /^(Utbildningsinsatser|Avvikelser)$/ { on = 0 } on' "$T/y.txt" > "$T/moten.txt"
bare=$(grep -c -E '^ *[0-9]+ *$' "$T/moten.txt")
[ "$bare" -eq 0 ] || fail "årsboken: $bare värden i diagrammet Möten per grupp saknar enhet"
# one label per bar: with two years more labels than the manifest has groups
g=$(xmllint --xpath "count(//*[local-name()='grupp'])" "$S/arsbok.xml")
nu=$(grep -c -E '[0-9]+ st\.' "$T/moten.txt")
[ "$nu" -gt "$g" ] || fail "årsboken: $nu värden med enhet i Möten per grupp, väntade fler än $g (två år)"
# header words are whole (never hyphenated, never cut)
grep -q -E 'Verksamheter +Status +Beskrivning' "$T/y.txt" ||
    fail "årsboken: rubrikraden i systemfelstabellen är bruten"
# the system-fault table gives its one prose column (the description's
# first sentence) at least 30 % of the table, and its short columns room
# for their longest word: no category is hyphenated ("Rikt-linjerna")
pdftotext -bbox "$Y" "$T/y.bbox"
python3 - "$T/y.bbox" > "$T/sf.mat" <<'PY'
import re, sys
page, words = 0, []
hdr = None
for line in open(sys.argv[1], encoding="utf-8"):
    if "<page " in line:
        page += 1; words = []
        w = float(re.search(r'width="([\d.]+)"', line).group(1))
        continue
    m = re.search(r'xMin="([\d.]+)" yMin="([\d.]+)" xMax="([\d.]+)" yMax="([\d.]+)">([^<]*)<', line)
    if m:
        words.append((float(m[1]), float(m[2]), float(m[3]), m[5]))
    if "</page>" in line:
        row = {}
        for x0, y0, x1, t in words:
            row.setdefault(round(y0), []).append((x0, t))
        for y, ws in row.items():
            ts = [t for _, t in sorted(ws)]
            if ts[:4] == ["Grupp", "Datum", "Kategori", "Verksamheter"]:
                xs = dict((t, x) for x, t in ws)
                left = xs["Grupp"]
                right = w - left            # margins are equal
                print("andel %.3f" % ((right - xs["Beskrivning"]) / (right - left)))
                for x0, y0, x1, t in words:
                    if y0 > y and xs["Kategori"] - 1 <= x0 < xs["Verksamheter"] - 1 and t.endswith("-"):
                        print("avstavad", t)
PY
# the contents' dot leaders stand in columns: every dot of every entry on
# one grid, whether the page number has one digit or two. The dots are
# drawn (small grey squares, so that text extraction does not read them),
# read from page 2's content stream
qpdf --qdf --object-streams=disable "$Y" --pages "$Y" 2 -- "$T/toc.qdf" 2>/dev/null
python3 "$R" ytor "$T/toc.qdf" > "$T/toc.ytor"
python3 - "$T/toc.ytor" > "$T/prickar" <<'PY'
import sys
dots = {}
for line in open(sys.argv[1], encoding="utf-8"):
    f = line.split()
    x, y, w, h = (float(v) for v in f[:4])
    if w < 2 and abs(w - h) < 0.01:
        dots.setdefault(round(y, 1), []).append(x)
rows = [sorted(v) for v in dots.values() if len(v) >= 3]
if len(rows) < 5:
    print("för få rader med punkter:", len(rows)); sys.exit()
step = rows[0][1] - rows[0][0]
ref = rows[0][0]
off = [x for r in rows for x in r if abs((x - ref) / step - round((x - ref) / step)) > 0.05]
if off:
    print("%d punkter utanför rutnätet, t.ex. x=%.2f" % (len(off), off[0]))
PY
[ -s "$T/prickar" ] && fail "årsboken: innehållets punktlinjer står inte i kolumner: $(cat "$T/prickar")"
grep -q '^andel' "$T/sf.mat" || fail "årsboken: systemfelstabellens rubrikrad hittades inte"
awk '/^andel/ && $2 < 0.30 { print }' "$T/sf.mat" | grep -q . &&
    fail "årsboken: beskrivningen i systemfelstabellen har för smal kolumn: $(grep '^andel' "$T/sf.mat" | head -1)"
grep -q '^avstavad' "$T/sf.mat" &&
    fail "årsboken: kategorier avstavade i systemfelstabellen: $(grep '^avstavad' "$T/sf.mat" | head -3 | tr '\n' ' ')"
grep -q -E 'Deltagare +Deltagare +Avvikelser +Avvikelser' "$T/y.txt" ||
    fail "årsboken: rubrikraden i tabellen per grupp är bruten"
finish
