#!/bin/sh
# The house style's wording (doc/husstil.md), on the samples' yearbooks and
# reports: no sentence of the summary opens with a digit or a dash; lists of
# places joined with commas unless a name holds a comma; an invalid report
# says what its errors are; no "Utskriven" on the cover; no service repeated
# after an organisation that names it ("BUP Angered (BUP)"); the contents
# names each chapter by its place as the summary does, then by its own name.
. "$(dirname "$0")/../tools/pdf_testlib.sh"
. "$ROOT/tests/arsbok/lib.sh"
cd "$ROOT" || exit 1
export SOURCE_DATE_EPOCH=1700000000
M=$ROOT/tests/tools/html_meningar.py
x() { xmllint --nonet --xpath "$1" "$2" 2>/dev/null; }

# --- sentences: every sample yearbook -----------------------------------
for m in samples/gr-2019/arsbok.xml samples/sodra-alvsborg/2019/arsbok.xml \
         samples/sodra-alvsborg/2018/arsbok.xml; do
    n=$(echo "$m" | tr / _)
    # exit 1 when a group is missing or invalid; the book is written anyway
    "$VB" arsbok "$m" -o "$T/$n.pdf" --html "$T/$n.html" >/dev/null 2>"$T/err"
    [ -s "$T/$n.pdf" ] && [ -s "$T/$n.html" ] ||
        { fail "$m: ingen årsbok: $(tail -2 "$T/err")"; continue; }
    python3 "$M" "$T/$n.html" sammanfattning-avsnitt > "$T/$n.men"
    [ -s "$T/$n.men" ] || fail "$m: inga meningar i sammanfattningen"
    grep -E '^[0-9–—−-]' "$T/$n.men" > "$T/$n.bad"
    [ -s "$T/$n.bad" ] && fail "$m: meningar som börjar med en siffra eller ett streck: $(head -3 "$T/$n.bad")"
    # nor with a small letter (a quoted word: ”saknas” betyder …); a
    # count of one to twelve that a sentence turns on is a word ("För en
    # av insatserna", "Tre grupper har inte"), not "För 1 insats", "Av
    # grupperna har 3 inte", "Bland dem finns 2 avvikelser"
    grep -E '^(”|")?[a-zåäö]|För 1 |Av grupperna har ([2-9]|1[0-2]) |Bland dem finns ([1-9]|1[0-2]) ' "$T/$n.men" > "$T/$n.bad"
    [ -s "$T/$n.bad" ] && fail "$m: meningar som börjar med liten bokstav eller har ett litet tal i siffror: $(head -3 "$T/$n.bad")"
    # the cover: the date of compiling, never "Utskriven" (reads as
    # "discharged" in health care)
    pdftotext "$T/$n.pdf" "$T/$n.txt"
    grep -q "Utskriven" "$T/$n.txt" "$T/$n.html" && fail "$m: \"Utskriven\" står kvar"
    pdftotext -layout -f 1 -l 1 "$T/$n.pdf" - | grep -qE "^ *Sammanställd +2023-11-14$" ||
        fail "$m: omslaget saknar \"Sammanställd  2023-11-14\""
    grep -q "sista dag 1 mars\|efter sista dag," "$T/$n.txt" && fail "$m: \"efter sista dag 1 mars\" står kvar"
done

# --- the contents: "place – own name", the place as the summary's table
#     writes it (gr-2019's HTML, every chapter link)
H=$T/samples_gr-2019_arsbok.xml.html
for f in $(ab_listed samples/gr-2019); do
    g="//*[local-name()='grupp']"
    k=$(x "normalize-space($g/*[local-name()='kommun'])" "$f")
    sd=$(x "normalize-space($g/*[local-name()='stadsdel'])" "$f")
    nm=$(x "normalize-space($g/*[local-name()='namn'])" "$f")
    place="$k${sd:+, $sd}"
    grep -qF ">$place – $nm</a>" "$H" || fail "innehållet har inte \"$place – $nm\""
    grep -qF "<th scope=\"row\" role=\"rowheader\">$place</th>" "$H" ||
        grep -qF ">$place</th>" "$H" || fail "sammanfattningens tabell har inte gruppen \"$place\""
done

# every column of a chart's table has a heading; a figure over the years
# is headed "År", not "Grupp"
grep -q 'role="columnheader"></th>' "$H" && fail "en kolumnrubrik i HTML-årsboken är tom"
grep -q '<th scope="col" role="columnheader">Grupp</th><th scope="col" role="columnheader">[^<]*</th></tr></thead><tbody role="rowgroup"><tr role="row"><th scope="row" role="rowheader">2018<' "$H" &&
    fail "diagrammen över åren har \"Grupp\" som rubrik för åren"

# --- the service after an organisation: only when the name lacks it
for f in samples/gr-2019/goteborg-angered.xml samples/gr-2019/ale.xml; do
    "$VB" html -o "$T/r.html" "$f" 2>/dev/null || { fail "$f: ingen HTML"; continue; }
    "$VB" pdf -o "$T/r.pdf" "$f" 2>/dev/null || { fail "$f: ingen PDF"; continue; }
    pdftotext "$T/r.pdf" - | tr '\n' ' ' | tr -s ' ' > "$T/r.txt"
    for v in bup elevhalsa; do
        s=$(case $v in bup) echo BUP ;; elevhalsa) echo Elevhälsa ;; esac)
        n=$(x "count(//*[local-name()='rapporterande' or local-name()='berord'][@verksamhet='$v'])" "$f")
        [ "$n" -gt 0 ] || continue
        i=1
        while [ "$i" -le "$n" ]; do
            org=$(x "normalize-space((//*[local-name()='rapporterande' or local-name()='berord'][@verksamhet='$v'])[$i])" "$f")
            if echo "$org" | grep -qi "$s"; then
                grep -qF "$org ($s)" "$T/r.html" && fail "$f: \"$org ($s)\" upprepar verksamheten"
                grep -qF "$org" "$T/r.html" || fail "$f: \"$org\" saknas i HTML-sidan"
            else
                grep -qF "$org ($s)" "$T/r.html" || fail "$f: \"$org\" står utan verksamheten ($s)"
            fi
            i=$((i + 1))
        done
    done
    grep -q "BUP [A-ZÅÄÖa-zåäö ]*(BUP)" "$T/r.txt" && fail "$f: PDF:en har kvar \"BUP … (BUP)\""
done

# --- lists: commas between places, semicolons when a name holds a comma;
#     gr-2019 with three reports taken away (kept in the manifest's order)
D=$T/gr-2019
cp -r samples/gr-2019 samples/gr-2018 "$T"
rm "$D/ale.xml" "$D/lerum.xml" "$D/molndal.xml"
"$VB" arsbok "$D/arsbok.xml" -o "$T/gr.pdf" >/dev/null 2>&1
pdftotext "$T/gr.pdf" - | tr '\n' ' ' | tr -s ' ' > "$T/gr.txt"
grep -q "Har inte lämnat in: Ale, Lerum, Mölndal och Tjörn\." "$T/gr.txt" ||
    fail "fyra saknade: $(grep -o 'Har inte lämnat in: [^.]*\.' "$T/gr.txt")"
rm "$D/goteborg-centrum.xml"
"$VB" arsbok "$D/arsbok.xml" -o "$T/gr.pdf" >/dev/null 2>&1
pdftotext "$T/gr.pdf" - | tr '\n' ' ' | tr -s ' ' > "$T/gr.txt"
grep -q "Har inte lämnat in: Ale; Göteborg, Centrum; Lerum; Mölndal och Tjörn\." "$T/gr.txt" ||
    fail "med en stadsdel: $(grep -o 'Har inte lämnat in: [^.]*\.' "$T/gr.txt")"

# --- an invalid report says what is wrong with it, with validera's count
S=samples/sodra-alvsborg/2019
nfel=$("$VB" validera "$S/ulricehamn.xml" 2>&1 | grep -c ": fel: ")
tr '\n' ' ' < "$T/samples_sodra-alvsborg_2019_arsbok.xml.txt" | tr -s ' ' |
    grep -q "Ulricehamn (årsberättelsen har $nfel fel som måste rättas)" ||
    fail "Ulricehamns rad säger inte vad som är fel ($nfel fel)"
finish
