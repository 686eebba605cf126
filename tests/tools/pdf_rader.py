#!/usr/bin/env python3
"""pdf_rader.py - the text lines of a PDF with their places, from
`pdftotext -bbox` (words with xMin yMin xMax yMax): one line per text line,
"page yMin yMax xMin<TAB>word@xMin word@xMin ...". Words whose yMin lie
within 1 pt of each other on a page are one line. Used by
tests/cli/husstil_pdf.sh to measure gaps and columns.

  pdf_rader.py FIL.html
"""
import html
import re
import sys

WORD = re.compile(r'<page |<word xMin="([0-9.]+)" yMin="([0-9.]+)" '
                  r'xMax="([0-9.]+)" yMax="([0-9.]+)">([^<]*)</word>')


def main():
    text = open(sys.argv[1], encoding='utf-8').read()
    page = 0
    lines = []
    for m in WORD.finditer(text):
        if m.group(0) == '<page ':
            page += 1
            continue
        x0, y0, x1, y1 = (float(m.group(i)) for i in range(1, 5))
        w = html.unescape(m.group(5))
        for ln in lines:
            if ln[0] == page and abs(ln[1] - y0) < 1:
                ln[3].append((x0, w))
                ln[2] = max(ln[2], y1)
                break
        else:
            lines.append([page, y0, y1, [(x0, w)]])
    lines.sort(key=lambda l: (l[0], l[1]))
    for p, y0, y1, ws in lines:
        ws.sort()
        print('%d %.1f %.1f %.1f\t%s' % (p, y0, y1, ws[0][0],
              ' '.join('%s@%.1f' % (w, x) for x, w in ws)))


if __name__ == '__main__':
    main()
