#!/bin/sh
# A faulty layout tree gives a Swedish message with the line number and no
# PDF.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
bad() {   # name, line, keyword, xml
    printf '%s\n' "$4" > "$T/$1.xml"
    rm -f "$T/$1.pdf"
    "$VB" sats "$T/$1.xml" -o "$T/$1.pdf" 2>"$T/$1.err"
    rc=$?
    # 1 = invalid input; 0 would hide the error, 3 (system error) or a
    # signal would mean the program broke on it
    [ "$rc" -eq 1 ] || fail "$1: slutstatus $rc, väntade 1 för ett felaktigt träd"
    # the line, as "rad N" (typesetter) or "fil:N:" (schema check in the CLI)
    if [ -n "$2" ]; then
        grep -q -e "rad $2\b" -e ":$2:" "$T/$1.err" ||
            fail "$1: radnummer $2 saknas i: $(cat "$T/$1.err")"
    fi
    grep -q -F -- "$3" "$T/$1.err" || fail "$1: väntade \"$3\" i: $(cat "$T/$1.err")"
    [ -s "$T/$1.pdf" ] && fail "$1: en PDF skrevs trots felet"
}
NS='xmlns="urn:vastbus:layout:1"'
bad okant 3 "<para>" "<document $NS><body>
<p>a</p>
<para>b</para></body></document>"
bad attr 2 "colour" "<document $NS><body>
<p colour=\"red\">a</p></body></document>"
bad ref 2 "nix" "<document $NS><body>
<p><page-ref ref=\"nix\"/></p></body></document>"
bad langd 2 "6,5mm" "<document $NS><body>
<spacer height=\"6,5mm\"/></body></document>"
bad kolumner "" "kolumner" "<document $NS><body><table><tbody>
<row><cell>a</cell><cell>b</cell></row>
<row><cell>a</cell><cell>b</cell><cell>c</cell></row></tbody></table></body></document>"
bad typsnitt "" "Ingen Sådan Familj" "<document $NS><font family=\"Ingen Sådan Familj\"/><body>
<p>a</p></body></document>"
bad sidnr 2 "page-number" "<document $NS><body>
<p><page-number/></p></body></document>"
finish
