# pdf_testlib.sh - shared by tests/cli/pdf_*.sh (sourced, not run).
# Finds a way to run "sats LAYOUT -o OUT.pdf": the real ./vastbus when it
# has the subcommand, otherwise the dev driver tests/tools/sats_main.c built
# into a temporary folder. Sets $T (temp dir, removed on exit) and $ROOT.
set -u
ROOT=$(cd "$(dirname "$0")/../.." && pwd)
T=$(mktemp -d)
trap 'rm -rf "$T"' EXIT
FAILS=0

fail() { echo "FEL: $*" >&2; FAILS=$((FAILS + 1)); }

find_sats() {
    VB=${VASTBUS:-$ROOT/vastbus}
    if [ -x "$VB" ] && "$VB" sats "$ROOT/tests/layout/tomma-celler.xml" \
            -o "$T/probe.pdf" >/dev/null 2>&1 && [ -s "$T/probe.pdf" ]; then
        SATS="$VB sats"
        return
    fi
    CC=${CC:-cc}
    PKGS="libxml-2.0 fontconfig harfbuzz harfbuzz-subset"
    # shellcheck disable=SC2046
    if ! $CC -std=c17 -O1 $(pkg-config --cflags $PKGS) \
            "$ROOT"/src/layout/*.c "$ROOT"/src/typeset/*.c "$ROOT"/src/pdf/*.c \
            "$ROOT/tests/tools/sats_main.c" -o "$T/sats" \
            -lhpdf -lhyphen $(pkg-config --libs $PKGS) -lm; then
        echo "FEL: kunde inte bygga tests/tools/sats_main.c" >&2
        exit 1
    fi
    SATS="$T/sats"
}

# sats LAYOUT OUT: typesets, fails the test on error.
sats() {
    if ! $SATS "$1" -o "$2" 2>"$T/sats.err"; then
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

# pdf_ok PDF: the checks every PDF of ours must pass.
pdf_ok() {
    quiet pdfinfo "$1"
    quiet pdffonts "$1"
    quiet pdftotext "$1" "$T/ok.txt"
    quiet pdftotext -bbox "$1" "$T/ok.html"
    quiet pdftoppm -r 10 -png "$1" "$T/ok"
    rm -f "$T"/ok*.png
    if ! qpdf --check "$1" >"$T/qpdf.out" 2>&1; then
        fail "$1: qpdf --check: $(tail -3 "$T/qpdf.out")"
    fi
    # every font embedded (column "emb" of pdffonts)
    if pdffonts "$1" | awk 'NR > 2 && $(NF-4) != "yes" { bad = 1 } END { exit !bad }'; then
        fail "$1: ett typsnitt är inte inbäddat"
    fi
    # A4
    if ! pdfinfo "$1" | grep -q 'Page size: *595.276 x 841.89 pts (A4)'; then
        fail "$1: sidformatet är inte A4"
    fi
}

# page_text PDF N: the text of page N in reading order.
page_text() { pdftotext -f "$2" -l "$2" -layout "$1" - 2>/dev/null; }

pages() { pdfinfo "$1" | awk '/^Pages:/ { print $2 }'; }

finish() {
    if [ "$FAILS" -gt 0 ]; then
        echo "$(basename "$0"): $FAILS fel" >&2
        exit 1
    fi
    echo "$(basename "$0"): ok"
    exit 0
}
