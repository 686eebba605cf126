#!/bin/sh
# Hostile set, classes 10 and 11 of issue 11: every message states the
# real cause, in Swedish: a PDF, Word file, text or JSON saved as .xml;
# UTF-16 without a byte-order mark and UTF-32; text or a second report
# after the root; US-ASCII declared over UTF-8; more members or
# deviations than the schema allows (the limit named); a 60 000-character
# name; xsi:nil and xsi:type; 66 000 attributes on one element (refused
# before the parser's quadratic duplicate check); 150 faults of one kind
# (the first 100 shown, the rest counted). Cases: tests/hostile/gen_diag.py; checks
# on each: tests/hostile/run_cases.sh.
VB=${VASTBUS:-./vastbus}
[ -f tests/hostile/gen_diag.py ] || { echo "hostile_diag.sh: kör från förrådets rot" >&2; exit 2; }
MIN_CASES=17
GEN=tests/hostile/gen_diag.py NAME=hostile_diag
. tests/hostile/run_cases.sh
