#!/usr/bin/env python3
"""ordfoljd.py - the words of a PDF three ways (tests/cli/pdf_ordfoljd.sh):
what a screen reader gets from the structure (`pdfinfo -struct-text`),
what text extraction gets from the page (`pdftotext`, without the running
header and footer), and what the HTML page made from the same input says
(the text of its <main>).

    ordfoljd.py LIST
        LIST has one line per document, fields separated by tabs:
            STRUCT.txt  PDFTOTEXT.txt  PAGE.html  RUNNING...
        RUNNING are the texts of the running header and footer; "@rubriker"
        stands for the HTML page's h1-h3 texts (the yearbook's running
        head is the heading of the part a page is in). Prints every
        difference (status 1), or one line "samma ord" per document.

A word is a run of characters between whitespace, punctuation included:
"(ordförande)" and "(ord förande)" differ.

Structure against HTML: the same words in the same order. poppler prints
each marked-content sequence on a line of its own; an element's text is
its sequences and inline children (Link) joined as they are (a table
cell's second line is a sequence of its own, since the content is drawn
row line by row line), and block elements stand apart.

Structure against pdftotext: the same words as often, in any order
(poppler's reading order of a table follows the page's geometry, not the
structure: it may run two cells' lines together). Per page, the running
header and footer lines ("Sida N av M", the RUNNING texts; a heading text
only as a page's first line, on a page with a page number) are taken out
once. pdftotext drops the hyphen of a word broken at a line end and joins
it, so "ord-|förande" reads "ordförande"; when it joins lines of two cells
that stand side by side ("familje-" + "Skickad del-" ...) the words come
out mixed: words left over on both sides are accepted when they hold the
same letters. Words only pdftotext has are accepted when they are a table
header's or caption's, or "(forts.)": a table that runs on to another
page repeats its caption with "(forts.)" and its header rows there, as
artifacts.

Left out on purpose, on all sides alike:
  - soft hyphens (U+00AD); in the HTML what is outside <main>,
    aria-hidden and hidden elements and the "back to the top" links
    (class "tillbaka");
  - list bullets (a Lbl that is only "•"; the HTML draws them with CSS);
  - against the HTML, the page numbers of the table of contents (the
    HTML's contents have links only);
  - in the HTML, a chart table's column headings that the PDF chart does
    not draw: the first (the labels stand beside the bars), and all of
    them for a chart of one series (it has no legend).
"""
import difflib
import html.parser
import re
import sys
from collections import Counter

BULLETS = ("•", "–", "-")


def words(text):
    return text.replace("\u00ad", "").split()


# --------------------------------------------------------------- structure
def struct_words(path):
    """(words in order, the same without the table of contents' page
    numbers, words of the tables' captions and header cells)"""
    text, toc_at, lbl_at, head_at, heads = [], None, None, None, []
    tocnum = "\x00"   # marks a page number of the table of contents
    for line in open(path, encoding="utf-8", errors="replace"):
        body = line.rstrip("\n")
        indent = len(body) - len(body.lstrip(" "))
        s = body.strip()
        if not s or s.startswith("/"):      # an attribute: /Scope, /BBox
            continue
        if toc_at is not None and indent <= toc_at:
            toc_at = None
        if lbl_at is not None and indent <= lbl_at:
            lbl_at = None
        if head_at is not None and indent <= head_at:
            head_at = None
        if s.startswith('"'):
            t = s[1:-1] if s.endswith('"') and len(s) > 1 else s[1:]
            if toc_at is not None and re.fullmatch(r"\s*[0-9ivxlcdm]+\s*", t):
                text.append(" " + tocnum + t.strip() + " ")
                continue
            if lbl_at is not None and t.strip() in BULLETS:
                continue
            if head_at is not None:
                heads.extend(words(t))
            text.append(t)
            continue
        if s.startswith("Object ") or s.startswith("(No content)"):
            continue
        # an element: a block one starts and ends a run of text
        if "(inline)" not in s:
            text.append("\n")
        name = re.match(r"^(\w+)", s).group(1) if re.match(r"^\w", s) else ""
        if name == "TOC" and toc_at is None:
            toc_at = indent
        elif name == "Lbl":
            lbl_at = indent
        elif name in ("THead", "Caption"):
            head_at = indent
    ws = words("".join(text))
    return ([w.lstrip(tocnum) for w in ws],
            [w for w in ws if not w.startswith(tocnum)], heads)


# --------------------------------------------------------------- pdftotext
def pdftotext_words(path, running, headings):
    run = {" ".join(r.split()) for r in running if r.strip()}
    heads = {" ".join(h.split()) for h in headings if h.strip()}
    pagenum = re.compile(r"^Sida \d+ av \d+$")
    out = []
    for page in open(path, encoding="utf-8").read().split("\f"):
        lines = [" ".join(l.split()) for l in page.split("\n") if l.strip()]
        numbered = any(pagenum.match(l) for l in lines)
        lines = [l for l in lines if not pagenum.match(l)]
        if numbered and lines and lines[0] in heads:
            lines = lines[1:]
        for r in run:
            if r in lines:
                lines.remove(r)
        for line in lines:
            out.extend(w for w in words(line) if w not in BULLETS[:1])
    return out


# -------------------------------------------------------------------- HTML
class HtmlText(html.parser.HTMLParser):
    VOID = {"area", "base", "br", "col", "embed", "hr", "img", "input",
            "link", "meta", "source", "track", "wbr"}
    BLOCK = {"p", "div", "li", "td", "th", "h1", "h2", "h3", "h4", "h5",
             "h6", "dt", "dd", "tr", "caption", "figcaption", "section",
             "table", "ul", "ol", "dl", "main", "nav", "header", "footer",
             "figure", "article", "aside", "blockquote"}

    def __init__(self):
        super().__init__(convert_charrefs=True)
        self.stack = []       # (tag, skipped)
        self.parts = []
        self.in_main = 0
        self.chart_head = None  # a chart table's thead: its th texts
        self.headings = []
        self.hbuf = None

    def skipped(self):
        return any(s for _, s in self.stack)

    def handle_starttag(self, tag, attrs):
        if tag in self.VOID:
            if tag == "br":
                self.parts.append(" ")
            return
        a = dict(attrs)
        cls = (a.get("class") or "").split()
        skip = (tag in ("style", "script")
                or a.get("aria-hidden") == "true" or "hidden" in a
                or "tillbaka" in cls)
        if tag == "thead" and self.stack and any(
                t == "table:diagram" for t, _ in self.stack):
            self.chart_head = []
        if tag == "th" and self.chart_head is not None:
            self.chart_head.append([])
        if tag == "main":
            self.in_main += 1
        if tag in ("h1", "h2", "h3"):
            self.hbuf = []
        if tag in self.BLOCK:
            self.parts.append("\n")
        if tag == "table" and "diagram" in cls:
            tag = "table:diagram"
        self.stack.append((tag, skip))

    def handle_endtag(self, tag):
        if tag in self.VOID:
            return
        while self.stack:
            t, _ = self.stack.pop()
            if t == "main":
                self.in_main -= 1
            if t in ("h1", "h2", "h3") and self.hbuf is not None:
                self.headings.append(" ".join("".join(self.hbuf).split()))
                self.hbuf = None
            if t == "thead" and self.chart_head is not None:
                # the PDF chart's legend: the series' names, when two
                ths = ["".join(x) for x in self.chart_head]
                if len(ths) >= 3:
                    self.parts.append("\n" + "\n".join(ths[1:]) + "\n")
                self.chart_head = None
            if t == tag or (t == "table:diagram" and tag == "table"):
                break
        if tag in self.BLOCK:
            self.parts.append("\n")

    def handle_data(self, data):
        if self.hbuf is not None:
            self.hbuf.append(data)
        if not self.in_main or self.skipped():
            return
        if self.chart_head is not None:
            if self.chart_head:
                self.chart_head[-1].append(data)
            return
        self.parts.append(data)


def html_words(path):
    """(words of <main>, texts of the h1-h3)"""
    p = HtmlText()
    p.feed(open(path, encoding="utf-8").read())
    return words("".join(p.parts)), p.headings


# ----------------------------------------------------------------- compare
def show(seq, i, j):
    return " ".join(seq[i:j]) if j > i else "(inget)"


def in_order(name, a, b):
    """Every place where the structure's words (a) and the HTML's (b)
    differ; returns their number."""
    sm = difflib.SequenceMatcher(None, a, b, autojunk=False)
    n = 0
    for op, i1, i2, j1, j2 in sm.get_opcodes():
        if op == "equal":
            continue
        n += 1
        if n <= 10:
            print("%s: strukturen och HTML-sidan skiljer sig efter \"… %s\":\n"
                  "  strukturen: %s\n  HTML:       %s"
                  % (name, " ".join(a[max(0, i1 - 6):i1]), show(a, i1, min(i2, i1 + 30)),
                     show(b, j1, min(j2, j1 + 30))))
    if n > 10:
        print("%s: strukturen och HTML-sidan: %d skillnader till" % (name, n - 10))
    return n


def letters(ws):
    """The characters of words, hyphens aside (pdftotext drops the one
    that ends a line when it joins the next)."""
    return Counter(ch for w in ws for ch in w if ch != "-")


def as_often(name, s, t, heads):
    """The structure's words (s) against pdftotext's (t) as multisets;
    returns the number of problems."""
    only_s = Counter(s) - Counter(t)
    only_t = Counter(t) - Counter(s)
    # a caption "(forts.)" and header rows repeated on a later page:
    # artifacts, on the page only
    hs = set(heads) | {"(forts.)"}
    for w in list(only_t):
        if w in hs:
            del only_t[w]
    if not only_s and not only_t:
        return 0
    # lines of two cells run together by pdftotext: the same letters
    if only_s and letters(only_s.elements()) == letters(only_t.elements()):
        return 0
    print("%s: strukturen och pdftotext har olika ord:\n"
          "  bara i strukturen: %s\n  bara i pdftotext:  %s"
          % (name, " ".join(sorted(only_s.elements()))[:400] or "(inget)",
             " ".join(sorted(only_t.elements()))[:400] or "(inget)"))
    return 1


def main(argv):
    if len(argv) != 2:
        print("användning: ordfoljd.py LISTA", file=sys.stderr)
        return 2
    status = 0
    for line in open(argv[1], encoding="utf-8"):
        f = line.rstrip("\n").split("\t")
        if len(f) < 3:
            continue
        st, tt, page, running = f[0], f[1], f[2], f[3:]
        h, hh = html_words(page)
        headings = hh if "@rubriker" in running else []
        running = [r for r in running if r != "@rubriker"]
        s, s_html, heads = struct_words(st)
        t = pdftotext_words(tt, running, headings)
        n = in_order(page, s_html, h) + as_often(page, s, t, heads)
        if n:
            status = 1
        else:
            print("%s: samma ord (%d)" % (page, len(s)))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
