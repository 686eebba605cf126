#!/usr/bin/env python3
"""pad_report.py SRC DST SIZE: DST is the report SRC made exactly SIZE
bytes long by a comment after the XML declaration (the report itself
unchanged: still valid, still the same group). For tests of the total
input budget (tests/cli/hostile_budget.sh)."""
import sys

src, dst, size = sys.argv[1], sys.argv[2], int(sys.argv[3])
data = open(src, 'rb').read()
decl_end = data.index(b'?>') + 2
head, rest = data[:decl_end] + b'\n<!--', b'-->' + data[decl_end:]
fill = size - len(head) - len(rest)
if fill < 0:
    sys.exit('pad_report.py: %s is already longer than %d bytes' % (src, size))
with open(dst, 'wb') as f:
    f.write(head + b'x' * fill + rest)
