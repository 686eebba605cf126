#!/usr/bin/env python3
"""gen_pnr.py OUTDIR - personnummer in the shapes a byte search misses.

Writes OUTDIR/NAME.xml (a sample report or manifest with one text
replaced) and OUTDIR/NAME.want: the exit code on the first line, then
the exact findings that `vastbus validera -q` must print (none for the
look-alikes). Expected lines are built from each case's definition: the
line where the number's first digit stands (the text's start line plus
the newlines before it), its masked form, where it stands and why.
The check digits are computed here with Luhn, never copied."""
import os
import sys

REPORT = 'samples/gr-2019/ale.xml'
MANIFEST = 'samples/gr-2019/arsbok.xml'
HEAD = 'fel: texten innehåller ett personnummer eller samordningsnummer: '
WHY_AVV = 'avvikelsetexter får aldrig kunna identifiera ett barn'
WHY_REP = 'en årsberättelse får aldrig kunna identifiera ett barn'
WHY_BOK = 'en årsbok får aldrig kunna identifiera ett barn'
AVV = 'avsnitt 4, Avvikelser (beskrivning)'


def luhn(nine):
    s = 0
    for i, ch in enumerate(nine):
        v = int(ch) * (2 if i % 2 == 0 else 1)
        s += v - 9 if v > 9 else v
    return str((10 - s % 10) % 10)


DATE = '120315'
SERIAL = '238'
LAST4 = SERIAL + luhn(DATE + SERIAL)          # a valid number
BAD4 = SERIAL + str((int(LAST4[-1]) + 1) % 10)  # wrong check digit
MASK = DATE + '-****'

# (name, text put in place of the description, offset in lines of the
#  number from the text's first line, or None for a look-alike,
#  where, why)
CASES = [
    ('mellanslag', f'Flickan {DATE} {LAST4} kom inte.', 0, AVV, WHY_AVV),
    ('hardt-mellanslag', f'Flickan {DATE}\u00a0{LAST4}.', 0, AVV, WHY_AVV),
    ('smalt-hardt-mellanslag', f'Flickan {DATE}\u202f{LAST4}.', 0, AVV, WHY_AVV),
    ('tankstreck', f'Flickan {DATE}\u2013{LAST4}.', 0, AVV, WHY_AVV),
    ('tankstreck-ref', f'Flickan {DATE}&#x2013;{LAST4}.', 0, AVV, WHY_AVV),
    ('hardt-bindestreck', f'Flickan {DATE}\u2011{LAST4}.', 0, AVV, WHY_AVV),
    ('langt-tankstreck', f'Flickan {DATE}\u2014{LAST4}.', 0, AVV, WHY_AVV),
    ('minustecken', f'Flickan {DATE}\u2212{LAST4}.', 0, AVV, WHY_AVV),
    ('bindestreck-u2010', f'Flickan {DATE}\u2010{LAST4}.', 0, AVV, WHY_AVV),
    ('streck-med-mellanslag', f'Flickan {DATE} - {LAST4}.', 0, AVV, WHY_AVV),
    ('nollbreddsmellanslag', f'Flickan {DATE[:3]}\u200b{DATE[3:]}-{LAST4}.', 0, AVV, WHY_AVV),
    ('ordfogning', f'Flickan {DATE}-{LAST4[:2]}\u2060{LAST4[2:]}.', 0, AVV, WHY_AVV),
    ('mjukt-bindestreck', f'Flickan {DATE[:2]}\u00ad{DATE[2:]}{LAST4}.', 0, AVV, WHY_AVV),
    ('bom-inuti', f'Flickan {DATE}\ufeff-{LAST4}.', 0, AVV, WHY_AVV),
    ('helbredd', 'Flickan ' + ''.join(chr(0xFF10 + int(c)) for c in DATE)
     + '\uff0d' + ''.join(chr(0xFF10 + int(c)) for c in LAST4) + '.', 0, AVV, WHY_AVV),
    ('delat-av-kommentar', f'Flickan {DATE}<!-- x -->-{LAST4}.', 0, AVV, WHY_AVV),
    ('delat-av-pi', f'Flickan {DATE}<?x y?>{LAST4}.', 0, AVV, WHY_AVV),
    ('delat-av-cdata', f'Flickan {DATE}<![CDATA[ ]]>{LAST4}.', 0, AVV, WHY_AVV),
    ('over-radbrytning', f'Flickan {DATE}\n{LAST4}.', 0, AVV, WHY_AVV),
    ('andra-raden', f'Mötet hölls inte.\nFlickan {DATE} {LAST4}.', 1, AVV, WHY_AVV),
    ('efter-kommentar-pa-tva-rader', f'Mötet<!--\n\n-->hölls inte för {DATE}\u2013{LAST4}.',
     2, AVV, WHY_AVV),
    ('i-pi', f'Mötet hölls inte.<?anteckning {DATE}-{LAST4}?>', 0,
     'en bearbetningsinstruktion (<?…?>) i filen', WHY_REP),
    ('sekel-mellanslag', f'Flickan 20{DATE} {LAST4}.', 0, AVV, WHY_AVV),
    # Look-alikes: must pass.
    ('telefon', 'BUP nås på 031-123 45 67, 0701-23 45 67 eller +46 70 123 45 67.', None, None, None),
    ('diarienummer', 'Ärendet har diarienummer 2019-1234 och KS 2019/0312-1234.', None, None, None),
    ('organisationsnummer', 'Kommunen, organisationsnummer 212000-1355, svarar.', None, None, None),
    ('fel-kontrollsiffra', f'Numret {DATE}-{BAD4} och {DATE} {BAD4} och {DATE}\u2013{BAD4}.',
     None, None, None),
    ('datum-och-tid', 'Mötet 2019-03-15 1400 och 190315 kl. 14.30.', None, None, None),
]


def escape(t):
    # The cases hold markup on purpose; only a bare '&' outside a
    # reference would need escaping, and none occurs.
    return t


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    src = open(REPORT, encoding='utf-8').read().split('\n')
    # The first <beskrivning> of avsnitt 4 (inside <avvikelser>).
    first = next(i for i, l in enumerate(src) if '<avvikelser' in l)
    line = next(i for i in range(first, len(src)) if '<beskrivning>' in src[i])
    for name, text, off, where, why in CASES:
        lines = list(src)
        pre = lines[line][:lines[line].index('<beskrivning>') + len('<beskrivning>')]
        lines[line] = pre + escape(text) + '</beskrivning>'
        path = os.path.join(out, name + '.xml')
        with open(path, 'w', encoding='utf-8') as f:
            f.write('\n'.join(lines))
        with open(os.path.join(out, name + '.want'), 'w', encoding='utf-8') as f:
            if off is None:
                f.write('0\n')
            else:
                mask = ('20' + MASK) if name.startswith('sekel') else MASK
                f.write('1\n%s:%d: %s%s i %s; ta bort numret, %s\n'
                        % (path, line + 1 + off, HEAD, mask, where, why))
    # The manifest's foreword, printed in the yearbook.
    m = open(MANIFEST, encoding='utf-8').read().split('\n')
    k = next(i for i, l in enumerate(m) if '<stycke>' in l)
    pre = m[k][:m[k].index('<stycke>') + len('<stycke>')]
    m[k] = pre + f'Tack till familjen till {DATE}\u00a0{LAST4}.</stycke>'
    # Last year's manifest is not beside the copy: leave the link out.
    m = [l for l in m if '<foregaende' not in l]
    path = os.path.join(out, 'forord.xml')
    with open(path, 'w', encoding='utf-8') as f:
        f.write('\n'.join(m))
    with open(os.path.join(out, 'forord.want'), 'w', encoding='utf-8') as f:
        f.write('1\n%s:%d: %s%s i årsbokens förord; ta bort numret, %s\n'
                % (path, k + 1, HEAD, MASK, WHY_BOK))


main()
