#!/usr/bin/env python3
"""struct_words.py - the charts of a tagged PDF against the HTML page made
from the same input (tests/cli/pdf_taggad.sh). The words of the structure
against the page's are compared by ordfoljd.py (tests/cli/pdf_ordfoljd.sh).

    struct_words.py figurer PAGE.html ALTS.txt
        ALTS.txt has one Figure /Alt a line (pdfua_check.py --figurer).
        Fails unless there are as many Figures as charts in the HTML and
        each /Alt holds every figure its chart shows, as often as the chart
        shows it (the numbers in the HTML chart's table outside its column
        headings, which name the series). Read in the HTML: what is inside
        <main>, outside aria-hidden and hidden elements.
"""
import html.parser
from collections import Counter
import re
import sys

class HtmlText(html.parser.HTMLParser):
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []      # (tag, skipped)
        self.parts = []
        self.charts = []     # per figure.diagram: its text
        self.in_main = 0

    def skipped(self):
        return any(s for _, s in self.stack)

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            return
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        skip = (tag in ("style", "script")
                or a.get("aria-hidden") == "true" or "hidden" in a
                or "tillbaka" in cls
                or (tag == "figure" and "diagram" in cls))
        if tag == "figure" and "diagram" in cls and not self.skipped():
            self.charts.append([])
        if tag == "main":
            self.in_main += 1
        self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self.stack:
            t, _ = self.stack.pop()
            if t == "main":
                self.in_main -= 1
            if t == tag:
                break

    def handle_data(self, data):
        if not self.in_main:
            return
        if self.skipped():
            in_chart = any(t == "figure" for t, s in self.stack if s)
            in_head = any(t == "thead" for t, _ in self.stack)
            if in_chart and self.charts and not in_head:
                self.charts[-1].append(data)
            return
        self.parts.append(data)


def html_text(path):
    p = HtmlText()
    p.feed(open(path, encoding="utf-8").read())
    return "\n".join(p.parts), ["\n".join(c) for c in p.charts]


def figures(html_path, alts_path):
    _, charts = html_text(html_path)
    alts = [l.rstrip("\n") for l in open(alts_path, encoding="utf-8")]
    if len(alts) != len(charts):
        print("%d Figure-element i PDF:en men %d diagram i HTML-sidan" % (len(alts), len(charts)))
        return 1
    bad = 0
    for i, (alt, chart) in enumerate(zip(alts, charts), 1):
        # as many times as the chart shows it: "5" for each group with 5
        missing = list((Counter(re.findall(r"\d+", chart))
                        - Counter(re.findall(r"\d+", alt))).elements())
        if missing:
            print("diagram %d: /Alt saknar talen %s: \"%s\"" % (i, " ".join(missing), alt))
            bad = 1
    return bad


def main(argv):
    if len(argv) == 4 and argv[1] == "figurer":
        return figures(argv[2], argv[3])
    print("användning: struct_words.py figurer SIDA.html ALT.txt",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
