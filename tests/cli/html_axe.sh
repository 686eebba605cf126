#!/bin/sh
# axe-core in Debian's headless Chromium finds 0 violations of the WCAG 2.0
# and 2.1 A and AA rules (tags wcag2a wcag2aa wcag21a wcag21aa) on the HTML
# page of every report and on the yearbook page of samples/gr-2019
# (`vastbus arsbok --html`; its other checks: tests/cli/arsbok_html.sh), at
# 1200 px and at a 390 px phone width, and no page loads anything but
# itself; one browser for all pages. Run from the repository root.
#
# Needs /usr/bin/chromium (Debian package chromium; CHROMIUM=... to use
# another), Node and tests/html/node_modules (installed once by `make
# deps`, scripts/install-deps, from tests/html/package-lock.json).
# AXE_SKARMBILDER=DIR also writes screenshots of every page there.
set -eu
[ -f xslt/rapport-html.xsl ] || { echo "html_axe.sh: kör från förrådets rot" >&2; exit 2; }
. tests/html/lib.sh
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "html_axe.sh: $chromium saknas (apt-get install chromium)" >&2; exit 2; }
command -v node >/dev/null 2>&1 || { echo "html_axe.sh: node saknas (apt-get install nodejs npm)" >&2; exit 2; }

if [ ! -d tests/html/node_modules/axe-core ] || [ ! -d tests/html/node_modules/puppeteer-core ]; then
    echo "html_axe.sh: axe-core och puppeteer-core saknas i tests/html/node_modules: kör make deps" >&2
    exit 2
fi

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
for f in $(vb_inputs); do
    vb_render_html "$f" "$out/$(vb_name "$f").html" ||
        { echo "FAIL: $f: ingen HTML-sida" >&2; exit 1; }
done
# the yearbook (exit 1 would mean a report in it is invalid: not so here)
mkdir -p "$out/bok"
SOURCE_DATE_EPOCH=1700000000 "$VB" arsbok samples/gr-2019/arsbok.xml -o "$out/bok/arsbok.pdf" \
    --html "$out/arsbok.html" 2>"$out/bok/err" ||
    { echo "FAIL: samples/gr-2019/arsbok.xml: ingen årsbokssida: $(tail -3 "$out/bok/err")" >&2; exit 1; }

set -- "$out"/*.html
if [ -n "${AXE_SKARMBILDER:-}" ]; then
    set -- --screenshot "$AXE_SKARMBILDER" "$@"
fi
rc=0
CHROMIUM=$chromium node tests/html/axe.mjs "$@" > "$out/axe.txt" 2>&1 || rc=$?
# Print the violations (and any browser error) in full; the clean pages
# as a count.
grep -v ' 0 överträdelser' "$out/axe.txt" | grep -v 'skärmbild' || true
clean=$(grep -c ' 0 överträdelser' "$out/axe.txt" || true)
echo "html_axe.sh: $clean sidvisningar utan överträdelser (status $rc)"
exit "$rc"
