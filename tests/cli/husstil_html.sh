#!/bin/sh
# The HTML yearbook at a desktop width (1200 px) and on a phone (390 px):
# every table fits its box without scrolling sideways (at 1200 px the
# summary's widest tables show every column, "Totalt" and "Avvikelser
# 2018" included; at 390 px the rows are cards) and the page itself never
# scrolls sideways; the chart bars of both years have at least 3:1
# contrast on white. Chromium (headless) lays the page out in an iframe of
# the width measured; a script in the wrapper page reads the boxes and
# --dump-dom hands them back.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
cd "$ROOT" || exit 1
export SOURCE_DATE_EPOCH=1700000000
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { fail "chromium saknas (apt-get install chromium)"; finish; }

"$VB" arsbok samples/gr-2019/arsbok.xml -o "$T/bok.pdf" --html "$T/bok.html" >/dev/null 2>"$T/err"
[ -s "$T/bok.html" ] || { fail "ingen HTML-årsbok: $(tail -2 "$T/err")"; finish; }
# the tables the summary has, from the page itself: all must be measured
ntab=$(grep -o '<div class="tabell[^"]*"' "$T/bok.html" | wc -l)
[ "$ntab" -ge 8 ] || fail "årsboken har bara $ntab tabeller"

# both widths in one page, one iframe each, so one Chromium measures both
cat > "$T/vy.html" <<'EOF'
<!DOCTYPE html><html><head><meta charset="utf-8"><title>mätning</title></head>
<body style="margin:0">
<iframe src="bok.html" data-w="1200" style="display:block;width:1200px;height:900px;border:0"></iframe>
<iframe src="bok.html" data-w="390" style="display:block;width:390px;height:900px;border:0"></iframe>
<script>
document.querySelectorAll('iframe').forEach(function (f) { f.addEventListener('load', function () {
  var w = this.contentWindow, d = this.contentDocument, out = [];
  d.querySelectorAll('.tabell').forEach(function (b) {
    var t = b.querySelector('table');
    out.push('tabell ' + (t.id || t.className) + ' ' + b.scrollWidth + ' ' + b.clientWidth);
  });
  out.push('sida ' + d.documentElement.scrollWidth + ' ' + d.documentElement.clientWidth);
  ['.stapel:not(.fg)', '.stapel.fg'].forEach(function (s) {
    var e = d.querySelector(s);
    out.push('farg ' + s + ' ' + (e ? w.getComputedStyle(e).backgroundColor.replace(/ /g, '') : 'saknas'));
  });
  var p = document.createElement('pre'); p.id = 'matt' + this.dataset.w; p.textContent = out.join(';');
  document.body.appendChild(p);
}); });
</script></body></html>
EOF
timeout 300 "$chromium" --headless --no-sandbox --disable-gpu --allow-file-access-from-files \
    --virtual-time-budget=10000 --window-size=1400,1000 --dump-dom "file://$T/vy.html" 2>/dev/null > "$T/dom"
for w in 1200 390; do
    grep -o "<pre id=\"matt$w\">[^<]*" "$T/dom" | sed "s/<pre id=\"matt$w\">//" | tr ';' '\n' > "$T/m$w"
    n=$(grep -c '^tabell ' "$T/m$w")
    [ "$n" -eq "$ntab" ] || { fail "$w px: mätte $n av $ntab tabeller"; continue; }
    awk -v w="$w" '$1 == "tabell" && $3 > $4 + 1 { print w " px: " $2 " behöver " $3 " px men har " $4 }' "$T/m$w" > "$T/bred"
    [ -s "$T/bred" ] && fail "tabeller som inte får plats: $(head -3 "$T/bred")"
    awk -v w="$w" '$1 == "sida" && $2 > $3 + 1 { print w " px: sidan är " $2 " px bred" }' "$T/m$w" > "$T/bred"
    [ -s "$T/bred" ] && fail "$(cat "$T/bred")"
    # both years' bars: 3:1 against white (WCAG 1.4.11)
    grep '^farg ' "$T/m$w" | while read -r _ sel rgb; do
        c=$(echo "$rgb" | python3 -c '
import re, sys
v = [int(x) / 255 for x in re.findall(r"[0-9]+", sys.stdin.read())[:3]]
l = [c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4 for c in v]
print("%.2f" % (1.05 / (0.2126 * l[0] + 0.7152 * l[1] + 0.0722 * l[2] + 0.05)))' 2>/dev/null)
        awk -v c="${c:-0}" 'BEGIN { exit !(c >= 3) }' ||
            echo "$w px: stapeln $sel ($rgb) har kontrasten ${c:-?}:1 mot vitt, under 3:1" >&2
    done 2>"$T/kontrast"
    [ -s "$T/kontrast" ] && fail "$(cat "$T/kontrast")"
done
finish
