#!/bin/sh
# make-inputs.sh OUTDIR - the benchmark's generated inputs, made from the
# GR 2019 samples at bench time (never committed: they are large).
#
#   OUTDIR/y2011 .. OUTDIR/y2020   49 reports a year (Göteborg's ten city
#       districts and the first 39 other municipalities of the county in
#       data/geografi.xml) and an arsbok.xml whose foregaende is the year
#       before: ten years of the county, 490 reports.
#   OUTDIR/y2019/arsbok.xml        the 49-group book.
#   OUTDIR/dense                   the same 49 groups for 2019 with ten times
#       the content: every deviation, training, ordinary member and paragraph repeated ten
#       times (counts adjusted), and an arsbok.xml.
# Each report is a sample with its municipality (and group name) replaced
# and its dates moved to the year; the text is otherwise the sample's.
set -eu
out=$1
S=samples/gr-2019
mkdir -p "$out"

# name|source sample|stadsdel  (stadsdel empty outside Göteborg)
groups="$out/groups.txt"
: > "$groups"
for f in $S/goteborg-*.xml; do
    sd=$(sed -n 's|.*<stadsdel>\(.*\)</stadsdel>.*|\1|p' "$f" | head -n 1)
    echo "Göteborg|$f|$sd" >> "$groups"
done
set -- $(ls $S/*.xml | grep -v -e arsbok.xml -e /goteborg-)
nsrc=$#
i=0
sed -n 's|^  <kommun namn="\([^"]*\)".*|\1|p' data/geografi.xml | grep -v '^Göteborg$' |
    head -n 39 > "$out/kommuner.txt"
while IFS= read -r k; do
    i=$((i + 1))
    n=$(( (i - 1) % nsrc + 1 ))
    eval "src=\${$n}"
    echo "$k|$src|" >> "$groups"
done < "$out/kommuner.txt"

# report SRC KOMMUN YEAR > file: the sample moved to another place and year
report() {
    y=$3; y1=$(($3 + 1))
    sed -e "s|<kommun>[^<]*</kommun>|<kommun>$2</kommun>|" \
        -e "/<grupp>/,/<\/grupp>/s|<namn>[^<]*</namn>|<namn>Lokala Västbusgruppen $2</namn>|" \
        -e "s|ar=\"2019\"|ar=\"$y\"|" -e "s|\"2020-|\"@NEXT@-|g" \
        -e "s|\"2019-|\"$y-|g" -e "s|\"@NEXT@-|\"$y1-|g" "$1"
}

manifest() {   # manifest YEAR DIR FOREGAENDE SUFFIX (of the reports' names)
    {
        echo '<?xml version="1.0" encoding="UTF-8"?>'
        echo "<arsbok xmlns=\"urn:vastbus:arsbok:1\" ar=\"$1\">"
        echo '  <delregion>Göteborgsregionen</delregion>'
        echo '  <utgivare>Västbus i Västra Götaland (prestandamätning)</utgivare>'
        echo '  <grupper>'
        j=0
        while IFS='|' read -r k src sd; do
            j=$((j + 1))
            if [ -n "$sd" ]; then
                echo "    <grupp kommun=\"$k\" stadsdel=\"$sd\" fil=\"g$j$4.xml\"/>"
            else
                echo "    <grupp kommun=\"$k\" fil=\"g$j$4.xml\"/>"
            fi
        done < "$groups"
        echo '  </grupper>'
        [ -n "$3" ] && echo "  <foregaende fil=\"$3\"/>"
        echo '</arsbok>'
    } > "$2/arsbok.xml"
}

# Ten times the content: repeat each deviation, training, ordinary member
# and paragraph.
dense() {
    awk '
    function flush(   r) { for (r = 0; r < 10; r++) printf "%s", buf; buf = ""; inblk = 0 }
    inblk { buf = buf $0 "\n"; if ($0 ~ endtag) flush(); next }
    /^ *<(avvikelse|insats)[ >]/ && $0 !~ /\/> *$/ || /^ *<medlem roll="ledamot">/ {
        tag = $0; sub(/^ *</, "", tag); sub(/[ >].*/, "", tag)
        endtag = "</" tag ">"; buf = $0 "\n"; inblk = 1
        if ($0 ~ endtag) flush()
        next }
    /^ *<stycke>.*<\/stycke> *$/ { for (r = 0; r < 10; r++) print; next }
    /<avvikelser antal="/ { match($0, /antal="[0-9]+"/)
        n = substr($0, RSTART + 7, RLENGTH - 8) * 10
        sub(/antal="[0-9]+"/, "antal=\"" n "\"") }
    { print }'
}

prev=""
for y in 2011 2012 2013 2014 2015 2016 2017 2018 2019 2020; do
    d="$out/y$y"
    mkdir -p "$d"
    j=0
    while IFS='|' read -r k src sd; do
        j=$((j + 1))
        report "$src" "$k" "$y" > "$d/g$j-$y.xml"
    done < "$groups"
    manifest "$y" "$d" "$prev" "-$y"
    prev="../y$y/arsbok.xml"
done

mkdir -p "$out/dense"
j=0
while IFS='|' read -r k src sd; do
    j=$((j + 1))
    dense < "$out/y2019/g$j-2019.xml" > "$out/dense/g$j.xml"
done < "$groups"
manifest 2019 "$out/dense" "" ""
