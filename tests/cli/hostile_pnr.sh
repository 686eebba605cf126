#!/bin/sh
# Hostile set, class 7 of issue 11: personnummer in the shapes a byte
# search misses (spaces and dashes of every kind between date and number,
# invisible characters inside, split by a comment, PI or CDATA, inside a
# PI, in the yearbook manifest's foreword) are caught at the right line,
# masked; phone, case and organisation numbers and wrong-Luhn numbers
# pass. Cases and expected findings: tests/hostile/gen_pnr.py; the checks
# on each case: tests/hostile/run_cases.sh.
VB=${VASTBUS:-./vastbus}
[ -f tests/hostile/gen_pnr.py ] || { echo "hostile_pnr.sh: kör från förrådets rot" >&2; exit 2; }
MIN_CASES=29
GEN=tests/hostile/gen_pnr.py NAME=hostile_pnr
. tests/hostile/run_cases.sh
