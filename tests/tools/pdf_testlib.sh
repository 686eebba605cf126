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

# quiet CMD...: the command must succeed and print nothing on stderr; its
# standard output goes to $T/q.out.
quiet() { quiet_to "$T/q.out" "$@"; }

# quiet_to FILE CMD...: the same with the standard output in FILE.
quiet_to() {
    qo=$1
    shift
    if ! "$@" >"$qo" 2>"$T/q.err"; then
        fail "$*: avslutades med fel: $(head -3 "$T/q.err")"
    elif [ -s "$T/q.err" ]; then
        fail "$*: varningar: $(head -3 "$T/q.err")"
    fi
}

# pdf_ok PDF: the checks every PDF of ours must pass. Leaves the PDF's
# plain text (`pdftotext PDF`) in $T/ok.txt, its word, line and block
# boxes (`pdftotext -bbox-layout`) in $T/ok.html and the outputs of pdfinfo
# and pdffonts in $T/ok.info and $T/ok.fonts for the caller to reuse.
# (Few processes: each start costs ~4 ms here and this runs per PDF.)
pdf_ok() {
    quiet_to "$T/ok.info" pdfinfo "$1"
    quiet_to "$T/ok.fonts" pdffonts "$1"
    quiet pdftotext "$1" "$T/ok.txt"
    quiet pdftotext -bbox-layout "$1" "$T/ok.html"
    # every page rendered (the images to standard out, not kept)
    quiet_to /dev/null pdftoppm -r 10 -png "$1"
    if ! qpdf --check "$1" >"$T/qpdf.out" 2>&1; then
        fail "$1: qpdf --check: $(tail -3 "$T/qpdf.out")"
    fi
    # every font embedded (column "emb" of pdffonts); A4
    awk -v pdf="$1" '
        FILENAME ~ /ok\.fonts$/ { if (FNR > 2 && $(NF-4) != "yes") bad = 1; next }
        /Page size: *595\.276 x 841\.89 pts \(A4\)/ { a4 = 1 }
        END { if (bad) print pdf ": ett typsnitt är inte inbäddat"
              if (!a4) print pdf ": sidformatet är inte A4" }' "$T/ok.fonts" "$T/ok.info" >"$T/ok.fails"
    while IFS= read -r l; do fail "$l"; done <"$T/ok.fails"
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
