#!/usr/bin/env python3
"""pdf_ritning.py - what a PDF draws besides text, read from its content
streams (the PDF must be uncompressed first: qpdf --qdf
--object-streams=disable). Used by tests/cli/husstil_pdf.sh.

  pdf_ritning.py linjer FIL.qdf   one line per stroked segment:
                                  "x1 y1 x2 y2 width r g b"
  pdf_ritning.py ytor FIL.qdf     one line per filled rectangle:
                                  "x y w h r g b contrast-against-white"

Only the operators our PDF writer emits are understood (m, l, S, re, f,
w, RG, rg); that is enough to tell rules from bars.
"""
import re
import sys


def luminance(rgb):
    def lin(c):
        return c / 12.92 if c <= 0.04045 else ((c + 0.055) / 1.055) ** 2.4
    r, g, b = (lin(c) for c in rgb)
    return 0.2126 * r + 0.7152 * g + 0.0722 * b


def contrast_white(rgb):
    return 1.05 / (luminance(rgb) + 0.05)


def main():
    what, path = sys.argv[1], sys.argv[2]
    data = open(path, 'rb').read().decode('latin-1')
    stroke = (0.0, 0.0, 0.0)
    fill = (0.0, 0.0, 0.0)
    width = 1.0
    start = None
    num = r'(-?[0-9.]+)'
    for line in data.splitlines():
        line = line.strip()
        m = re.fullmatch(num + ' w', line)
        if m:
            width = float(m.group(1))
            continue
        m = re.fullmatch(' '.join([num] * 3) + ' RG', line)
        if m:
            stroke = tuple(float(x) for x in m.groups())
            continue
        m = re.fullmatch(' '.join([num] * 3) + ' rg', line)
        if m:
            fill = tuple(float(x) for x in m.groups())
            continue
        m = re.fullmatch(num + ' ' + num + ' m', line)
        if m:
            start = (float(m.group(1)), float(m.group(2)))
            continue
        m = re.fullmatch(num + ' ' + num + ' l', line)
        if m and start is not None:
            end = (float(m.group(1)), float(m.group(2)))
            if what == 'linjer':
                print('%.2f %.2f %.2f %.2f %.2f %.3f %.3f %.3f'
                      % (start + end + (width,) + stroke))
            start = end
            continue
        m = re.fullmatch(' '.join([num] * 4) + ' re', line)
        if m and what == 'ytor':
            print('%s %s %s %s %.3f %.3f %.3f %.2f'
                  % (m.groups() + fill + (contrast_white(fill),)))


if __name__ == '__main__':
    main()
