#!/bin/sh
# Hyphens at line ends as a reader copies the text out (pdftotext): a
# hyphen that is part of the word ("Askim-|Frölunda-Högsbo") stays, one the
# typesetter added to break a long compound ("grundskole-|förvaltningen")
# disappears and the word is whole again. Narrow columns force both.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
TEXT='Stadsdelen Askim-Frölunda-Högsbo och grundskoleförvaltningen samt Askim-Frölunda-Högsbo och utbildningsförvaltningen, Örgryte-Härlanda och Majorna-Linné med socialsekreterare, barn- och ungdomspsykiatrin, elevhälsopersonal och Askim-Frölunda-Högsbo igen.'
for right in 150 145 140 135; do
    cat > "$T/n$right.xml" <<XML
<?xml version="1.0" encoding="UTF-8"?>
<document xmlns="urn:vastbus:layout:1" title="Smal spalt" lang="sv-SE">
  <page size="A4" margin-left="25mm" margin-right="${right}mm"/>
  <body>
    <p>$TEXT</p>
    <table widths="1 3"><tbody><row><cell>Stadsdel</cell><cell>$TEXT</cell></row></tbody></table>
  </body>
</document>
XML
    P=$T/n$right.pdf
    sats "$T/n$right.xml" "$P" || continue
    pdf_ok "$P"
    pdftotext -layout "$P" "$T/lay$right.txt"
    pdftotext "$P" "$T/txt$right.txt"
    # both kinds of line end happen (else the test proves nothing)
    grep -q -E '[[:alpha:]]-\-?$' "$T/lay$right.txt" ||
        fail "$right mm: ingen rad slutar med bindestreck: $(cat "$T/lay$right.txt")"
    # the copied text: every word of the input, hyphenated names whole
    tr -s ' \n' '\n\n' < "$T/txt$right.txt" | sed 's/[.,]$//' > "$T/words$right"
    for w in $(printf '%s\n' "$TEXT" | tr ' ' '\n' | sed 's/[.,]$//' | sort -u); do
        case $w in *-) continue ;; esac   # "barn-" of "barn- och"
        grep -q -x -F -- "$w" "$T/words$right" ||
            fail "$right mm: \"$w\" kopieras inte ut hel: $(grep -n -F -- "$(printf '%s' "$w" | cut -c1-5)" "$T/txt$right.txt" | head -3 | tr '\n' ' ')"
    done
    n=$(grep -o -F 'Askim-Frölunda-Högsbo' "$T/txt$right.txt" | wc -l)
    [ "$n" -eq 6 ] || fail "$right mm: \"Askim-Frölunda-Högsbo\" $n gånger i den kopierade texten, väntat 6"
    grep -q -F -e 'Askim--' -e 'AskimFrölunda' -e 'FrölundaHögsbo' "$T/txt$right.txt" &&
        fail "$right mm: förvanskat bindestreck i den kopierade texten"
done
finish
