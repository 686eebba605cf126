#!/usr/bin/env python3
"""html_meningar.py - the sentences of an HTML page's running text, one a
line: the text of every <p> (not list items, which may be dates, nor table cells, which hold
figures and quoted first sentences), split after ". ", "! ", "? ".
Used by tests/cli/husstil_text.sh to check how sentences open.

  html_meningar.py FIL.html [ID]   only inside the element with id=ID
"""
import re
import sys
from html.parser import HTMLParser

BLOCKS = {'p'}
VOID = {'br', 'img', 'meta', 'link', 'input', 'hr', 'col', 'source', 'wbr'}


class Texts(HTMLParser):
    def __init__(self, within):
        super().__init__(convert_charrefs=True)
        self.within = within
        self.depth = 0 if within is None else -1   # -1: not yet inside
        self.stack = []
        self.cur = None
        self.out = []

    def handle_starttag(self, tag, attrs):
        if tag in VOID:
            return
        if self.depth < 0 and dict(attrs).get('id') == self.within:
            self.depth = len(self.stack)
            self.stack.append(tag)
            return
        self.stack.append(tag)
        if self.depth >= 0 and tag in BLOCKS and self.cur is None and \
                'table' not in self.stack:
            self.cur = (len(self.stack), [])

    def handle_endtag(self, tag):
        if tag in VOID or not self.stack:
            return
        while self.stack:
            t = self.stack.pop()
            if self.cur is not None and len(self.stack) < self.cur[0]:
                self.out.append(''.join(self.cur[1]))
                self.cur = None
            if self.within is not None and self.depth >= 0 and \
                    len(self.stack) == self.depth:
                self.depth = -2                       # done
            if t == tag:
                break

    def handle_data(self, data):
        if self.cur is not None and self.depth >= 0:
            self.cur[1].append(data)


def main():
    p = Texts(sys.argv[2] if len(sys.argv) > 2 else None)
    p.feed(open(sys.argv[1], encoding='utf-8').read())
    for block in p.out:
        text = re.sub(r'\s+', ' ', block).strip()
        if not text:
            continue
        for s in re.split(r'(?<=[.!?])\s+(?=\S)', text):
            print(s)


if __name__ == '__main__':
    main()
