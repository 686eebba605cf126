# pdf_testlib.sh - shared by tests/cli/pdf_*.sh and tests/cli/arsbok_*.sh
# (sourced, not run). The PDFs come from the program only: $VB (env
# VASTBUS, default ./vastbus) and its "sats LAYOUT -o OUT.pdf" command;
# there is no second implementation to fall back on. Sets $VB, $T (temp
# dir, removed on exit) and $ROOT.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
VB=${VASTBUS:-$ROOT/vastbus}
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
FAILS=0

fail() { echo "FEL: $*" >&2; FAILS=$((FAILS + 1)); }

# sats LAYOUT OUT: typesets, fails the test on error.
sats() {
    if ! "$VB" sats "$1" -o "$2" 2>"$T/sats.err"; then
        fail "$(basename "$1"): sättningen misslyckades: $(cat "$T/sats.err")"
        return 1
    fi
    return 0
}

# quiet CMD...: the command must succeed and print nothing on stderr.
quiet() {
    if ! "$@" >"$T/q.out" 2>"$T/q.err"; then
        fail "$*: avslutades med fel: $(head -3 "$T/q.err")"
    elif [ -s "$T/q.err" ]; then
        fail "$*: varningar: $(head -3 "$T/q.err")"
    fi
}

# pdf_ok PDF: the checks every PDF of ours must pass. Leaves the PDF's
# plain text (`pdftotext PDF`) in $T/ok.txt and the outputs of pdfinfo and
# pdffonts in $T/ok.info and $T/ok.fonts for the caller to reuse.
pdf_ok() {
    quiet pdfinfo "$1"
    cp "$T/q.out" "$T/ok.info"
    quiet pdffonts "$1"
    cp "$T/q.out" "$T/ok.fonts"
    quiet pdftotext "$1" "$T/ok.txt"
    quiet pdftotext -bbox "$1" "$T/ok.html"
    quiet pdftoppm -r 10 -png "$1" "$T/ok"
    rm -f "$T"/ok*.png
    if ! qpdf --check "$1" >"$T/qpdf.out" 2>&1; then
        fail "$1: qpdf --check: $(tail -3 "$T/qpdf.out")"
    fi
    # every font embedded (column "emb" of pdffonts)
    if awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit !bad }' "$T/ok.fonts"; then
        fail "$1: ett typsnitt är inte inbäddat"
    fi
    # A4
    if ! grep -q 'Page size: *595.276 x 841.89 pts (A4)' "$T/ok.info"; then
        fail "$1: sidformatet är inte A4"
    fi
}

# page_text PDF N: the text of page N in reading order, as
# `pdftotext -f N -l N -layout` gives it (form feed at the end). One
# pdftotext per PDF: the whole text is split at the form feeds once and
# kept under $T, keyed by the file's checksum (a rewritten PDF is read anew).
page_text() {
    d=$T/pages.$(cksum < "$1" | tr ' ' '.')
    if [ ! -d "$d" ]; then
        mkdir -p "$d"
        pdftotext -layout "$1" - 2>/dev/null |
            awk -v d="$d" 'BEGIN { RS = "\f" } { f = d "/" NR; printf "%s\f", $0 > f; close(f) }'
    fi
    cat "$d/$2" 2>/dev/null
}

pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }

finish() {
    if [ "$FAILS" -gt 0 ]; then
        echo "$(basename "$0"): $FAILS fel" >&2
        exit 1
    fi
    echo "$(basename "$0"): ok"
    exit 0
}
