#!/bin/sh
# `vastbus formular`: the command line (usage, errors, what it writes), one
# source for the rule messages (tests/formular/meddelanden.mjs), and the
# form itself driven in Debian's headless Chromium
# (tests/formular/formular.mjs: round trip of every sample, the same rule
# findings as `vastbus validera` on every invalid sample and generated
# variants, a report filled in from scratch by keyboard, personnummer
# flagged and phone numbers not, the preview, the draft, axe-core at 1200
# and 390 px, no network request). Run from the top of the tree; VASTBUS
# names the program. FORMULAR_SKARMBILDER=DIR keeps screenshots.
set -u
VB=${VASTBUS:-./vastbus}
[ -d templates/formular ] || { echo "formular.sh: kör från förrådets rot" >&2; exit 2; }
fail=0
no() { echo "FAIL: $*"; fail=$((fail + 1)); }
out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT

# ---- the command line ----
"$VB" formular --hjalp | grep -q '^Användning: vastbus formular' || no "--hjalp"
"$VB" formular --okand >/dev/null 2>&1; [ $? -eq 2 ] || no "okänd flagga: status ska vara 2"
"$VB" formular --ar 19 >/dev/null 2>"$out/err"; [ $? -eq 2 ] || no "--ar 19: status ska vara 2"
grep -q "fyra siffror" "$out/err" || no "--ar 19: $(cat "$out/err")"
"$VB" formular --kommun Kungsbacka >/dev/null 2>"$out/err"; [ $? -eq 2 ] || no "--kommun Kungsbacka: status ska vara 2"
grep -q '"Kungsbacka" är inte en av Västra Götalands' "$out/err" || no "--kommun Kungsbacka: $(cat "$out/err")"
"$VB" formular --stadsdel Angered >/dev/null 2>&1; [ $? -eq 2 ] || no "--stadsdel utan --kommun: status ska vara 2"
"$VB" formular --fran "$out/finns-inte.xml" >/dev/null 2>"$out/err"; [ $? -eq 1 ] || no "--fran som saknas: status ska vara 1"
grep -q "finns-inte.xml" "$out/err" || no "--fran som saknas: $(cat "$out/err")"
"$VB" formular --fran samples/gr-2019/arsbok.xml >/dev/null 2>&1; [ $? -eq 1 ] || no "--fran med ett manifest: status ska vara 1"

# Standard out, or -o (written whole, never half).
"$VB" formular --kommun Göteborg --stadsdel Angered --ar 2019 > "$out/a.html" || no "till standard ut"
"$VB" formular --kommun Göteborg --stadsdel Angered --ar 2019 -o "$out/b.html" || no "-o"
cmp -s "$out/a.html" "$out/b.html" || no "standard ut och -o ger olika sidor"
# One file: nothing loaded from elsewhere (no src/href to another file or
# the network; namespace names in the embedded stylesheet are not loads).
grep -Eq '(src|href)="(https?:|//|[a-z]+\.(js|css))' "$out/a.html" && no "sidan hämtar något utifrån"
grep -q '<html lang="sv">' "$out/a.html" || no "sidan saknar lang=sv"
# The place and year given are in the report the form starts from.
grep -q '<kommun>Göteborg</kommun>' "$out/a.html" 2>/dev/null ||
    grep -q 'kommun\\u003eGöteborg' "$out/a.html" || no "--kommun fylls inte i"

# ---- the browser ----
chromium=${CHROMIUM:-/usr/bin/chromium}
[ -x "$chromium" ] || { echo "formular.sh: $chromium saknas (apt-get install chromium)" >&2; exit 2; }
command -v node >/dev/null 2>&1 || { echo "formular.sh: node saknas (apt-get install nodejs npm)" >&2; exit 2; }
command -v xmllint >/dev/null 2>&1 || { echo "formular.sh: xmllint saknas (apt-get install libxml2-utils)" >&2; exit 2; }
if [ ! -d tests/html/node_modules/axe-core ] || [ ! -d tests/html/node_modules/puppeteer-core ]; then
    echo "formular.sh: installerar axe-core och puppeteer-core (npm ci i tests/html)"
    (cd tests/html && PUPPETEER_SKIP_DOWNLOAD=1 npm ci --no-audit --no-fund --loglevel=error) ||
        { echo "formular.sh: npm ci misslyckades" >&2; exit 2; }
fi
node tests/formular/meddelanden.mjs "$out/a.html" || no "meddelandena i formuläret och src/check/messages.h skiljer sig"
VASTBUS=$VB CHROMIUM=$chromium node tests/formular/formular.mjs
rc=$?
[ "$rc" -eq 0 ] || no "formular.mjs: status $rc"

[ "$fail" -eq 0 ] || { echo "$fail failure(s)"; exit 1; }
echo "formular: ok"
