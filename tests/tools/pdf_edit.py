#!/usr/bin/env python3
"""pdf_edit.py IN CASES - breaks a PDF on purpose for the checker's tests.
IN is a `qpdf --qdf` file; CASES has one case a line, fields separated by
tabs: OUT, then one or more PATTERN, REPLACEMENT pairs; a pattern that
starts with "*" replaces every match, any other only the first. Patterns
are Python regular expressions (re.S) on the file's text; "{sida:N}" in a
replacement becomes page N's reference ("12 0 R"), read from qdf's
"%% Page N" comments (write groups as \\g<1> next to it). Writes each OUT
from IN. Fails (status 2) naming every pattern that does not match, so a
test never passes because its edit did nothing. One run for all cases (a
python3 start can be slow). Run fix-qdf on each OUT afterwards: it mends
the stream lengths and the xref.
"""
import re
import sys


def main(argv):
    if len(argv) != 3:
        sys.exit("användning: pdf_edit.py IN FALL")
    data = open(argv[1], "rb").read()
    pages = {int(n): r.decode() for n, r in re.findall(
        rb"%% Page (\d+)\n(?:%%[^\n]*\n)*(\d+ 0) obj", data)}
    status = 0
    for line in open(argv[2], encoding="utf-8"):
        fields = line.rstrip("\n").split("\t")
        if len(fields) < 3 or len(fields) % 2 == 0:
            continue
        out = data
        for pat, repl in zip(fields[1::2], fields[2::2]):
            count = 1
            if pat.startswith("*"):
                pat, count = pat[1:], 0
            repl = re.sub(r"\{sida:(\d+)\}", lambda m: pages[int(m.group(1))] + " R", repl)
            out, n = re.subn(pat.encode("utf-8"), repl.encode("utf-8"), out,
                             count=count, flags=re.S)
            if n == 0:
                print("pdf_edit.py: %s: mönstret finns inte: %s" % (fields[0], pat),
                      file=sys.stderr)
                status = 2
        open(fields[0], "wb").write(out)
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
