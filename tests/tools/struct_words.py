#!/usr/bin/env python3
"""struct_words.py - the words a screen reader gets from a tagged PDF,
compared with the words of the HTML page made from the same input
(tests/cli/pdf_taggad.sh).

    struct_words.py jamfor PAIRS
        PAIRS has one "STRUCT.txt<TAB>PAGE.html" a line; STRUCT.txt is
        `pdfinfo -struct-text` output. Fails (status 1) naming for each
        pair the first place where the two differ. Compared are the
        letters and digits in order: whitespace, punctuation, list bullets
        and hyphens (so hyphenation at line ends) are ignored.
    struct_words.py figurer PAGE.html ALTS.txt
        ALTS.txt has one Figure /Alt a line (pdfua_check.py --figurer).
        Fails unless there are as many Figures as charts in the HTML and
        each /Alt holds every figure its chart shows, as often as the chart
        shows it (the numbers in the HTML chart's table outside its column
        headings, which name the series).

Left out on both sides, as they are not the same words by design:
  - charts: the PDF draws a Figure (its words are the /Alt, checked by
    "figurer"); the HTML shows a table of bars (figure.diagram);
  - the page numbers in the PDF's table of contents (the HTML's has
    links only);
  - in the HTML: what is outside <main> (running header and footer,
    skip link), aria-hidden and hidden elements, and the "back to the
    top" links (class "tillbaka"), which the PDF does not need.
"""
import html.parser
from collections import Counter
import re
import sys

def struct_text(path):
    """Text of `pdfinfo -struct-text` outside Figure subtrees, without the
    page numbers in the table of contents (a TOC text that is a number)."""
    out, skip_at, toc_at = [], None, None
    for line in open(path, encoding="utf-8", errors="replace"):
        body = line.rstrip("\n")
        indent = len(body) - len(body.lstrip(" "))
        s = body.strip()
        if not s:
            continue
        if skip_at is not None:
            if indent > skip_at:
                continue
            skip_at = None
        if toc_at is not None and indent <= toc_at:
            toc_at = None
        if s.startswith('"'):
            t = s[1:-1] if s.endswith('"') and len(s) > 1 else s[1:]
            if toc_at is None or not t.strip().isdigit():
                out.append(t)
            continue
        m = re.match(r"^([A-Za-z0-9]+)( \(|:|$)", s)
        if m and m.group(1) == "Figure":
            skip_at = indent
        elif m and m.group(1) == "TOC" and toc_at is None:
            toc_at = indent
    return "\n".join(out)


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


def letters(text):
    """[(char, word)]: each letter or digit with the word it stands in."""
    out = []
    for w in text.replace("\u00ad", "").split():
        for ch in w:
            if ch.isalnum():
                out.append((ch, w))
    return out


def context(seq, i):
    words = []
    for _, w in seq[max(0, i - 60):i + 40]:
        if not words or words[-1] != w:
            words.append(w)
    return " ".join(words[-12:])


def compare(struct_path, html_path):
    """Prints one verdict line (more for a difference); 0 when the same."""
    pdf = letters(struct_text(struct_path))
    page, _ = html_text(html_path)
    htm = letters(page)
    name = html_path
    n = min(len(pdf), len(htm))
    for i in range(n):
        if pdf[i][0] != htm[i][0]:
            print("%s: orden skiljer sig vid ordet \"%s\" i PDF:en och \"%s\" i HTML-sidan\n"
                  "  PDF:  … %s\n  HTML: … %s" % (name, pdf[i][1], htm[i][1],
                                                  context(pdf, i), context(htm, i)))
            return 1
    if len(pdf) != len(htm):
        longer, what = (pdf, "PDF:en") if len(pdf) > len(htm) else (htm, "HTML-sidan")
        print("%s: %s har mer text efter det gemensamma: … %s" % (name, what, " ".join(
            dict.fromkeys(w for _, w in longer[n:n + 80])).strip()))
        return 1
    print("%s: samma text (%d bokstäver och siffror)" % (name, n))
    return 0


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
    if len(argv) == 3 and argv[1] == "jamfor":
        status = 0
        for line in open(argv[2], encoding="utf-8"):
            if "\t" in line:
                struct, page = line.rstrip("\n").split("\t", 1)
                status |= compare(struct, page)
        return status
    if len(argv) == 4 and argv[1] == "figurer":
        return figures(argv[2], argv[3])
    print("användning: struct_words.py jamfor PAR.tsv | figurer SIDA.html ALT.txt",
          file=sys.stderr)
    return 2


if __name__ == "__main__":
    sys.exit(main(sys.argv))
