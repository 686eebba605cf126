#!/bin/sh
# tidy finds neither errors nor warnings in the HTML page of every report
# (format example, tests/html/fixtures, samples). Run from the repository
# root: sh tests/cli/html_tidy.sh
set -eu
[ -f xslt/rapport-html.xsl ] || { echo "html_tidy.sh: kör från förrådets rot" >&2; exit 2; }
command -v tidy >/dev/null 2>&1 || { echo "html_tidy.sh: tidy saknas (apt-get install tidy)" >&2; exit 2; }
command -v xsltproc >/dev/null 2>&1 || { echo "html_tidy.sh: xsltproc saknas" >&2; exit 2; }
. tests/html/lib.sh

out=$(mktemp -d)
trap 'rm -rf "$out"' EXIT
failures=0
checks=0
for f in $(vb_inputs); do
    checks=$((checks + 1))
    page="$out/$(vb_name "$f").html"
    if ! vb_render_html "$f" "$page"; then
        echo "FAIL: $f: ingen HTML-sida" >&2
        failures=$((failures + 1))
        continue
    fi
    # tidy: 0 = clean, 1 = warnings, 2 = errors. We accept only 0.
    rc=0
    tidy -q -e "$page" >"$out/tidy.txt" 2>&1 || rc=$?
    if [ "$rc" -ne 0 ]; then
        echo "FAIL: $f: tidy (status $rc):" >&2
        sed 's/^/    /' "$out/tidy.txt" >&2
        failures=$((failures + 1))
    fi
done
echo "html_tidy.sh: $checks sidor, $failures fel"
[ "$failures" -eq 0 ]
