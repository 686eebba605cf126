#!/usr/bin/env python3
"""gen_diag.py OUTDIR - files whose fault a naive reading misnames.

Classes 10 and 11 of issue 11: a PDF, Word file, text or JSON saved as
.xml, UTF-16 without a byte-order mark and UTF-32, text or a second
report after the root, US-ASCII declared over UTF-8, too many members or
deviations, a 60 000-character name, xsi:nil and xsi:type. Writes
NAME.xml (or the bytes of the case) and NAME.want: the exit code, then
the exact `vastbus validera -q` output, built from the case: the line is
where the case put the fault, the limits are the schema's maxOccurs
(read from schema/arsberattelse.xsd here, never from the program)."""
import os
import re
import sys

SAMPLE = open('samples/gr-2019/ale.xml', encoding='utf-8').read()
XSD = open('schema/arsberattelse.xsd', encoding='utf-8').read()
NOTXML = 'fel: filen är inte korrekt XML: '
ENC = 'fel: filen är inte sparad som UTF-8: '


def max_occurs(name):
    return int(re.search(r'name="%s"[^>]*maxOccurs="(\d+)"' % name, XSD).group(1))


def lines_before(text, marker):
    return text[:text.index(marker)].count('\n') + 1


def repeat_child(parent_open, child, count, pick=0):
    """The sample with children of parent_open repeated until there are
    count of them (copies of child number pick); returns (text, line of
    the first one too many, the schema's limit)."""
    opener = re.compile(r'<%s[ >]' % child)
    p0 = SAMPLE.index(parent_open)
    p1 = SAMPLE.index('</%s>' % parent_open[1:].split()[0].rstrip('>'), p0)
    starts = [m.start() for m in opener.finditer(SAMPLE, p0, p1)]
    start = starts[pick]
    end = SAMPLE.index('</%s>' % child, start) + len('</%s>' % child)
    block = SAMPLE[start:end]
    indent = SAMPLE[SAMPLE.rindex('\n', 0, start) + 1:start]
    ins = ('\n' + indent).join([block] * (count - len(starts)))
    text = SAMPLE[:start] + ins + '\n' + indent + SAMPLE[start:]
    limit = max_occurs(child)
    nth = [m.start() for m in opener.finditer(text, p0)][limit]
    return text, text[:nth].count('\n') + 1, limit


def main():
    out = sys.argv[1]
    os.makedirs(out, exist_ok=True)
    cases = []   # (name, bytes, rc, expected lines with {f} for the path)

    def add(name, data, rc, *lines):
        cases.append((name, data if isinstance(data, bytes) else data.encode('utf-8'), rc, lines))

    add('pdf', b'%PDF-1.4\n%\xe2\xe3\xcf\xd3\n1 0 obj\n<< /Type /Catalog >>\n', 1,
        '{f}: ' + NOTXML + 'den ser ut att vara en PDF-fil; spara årsberättelsen som XML')
    add('docx', b'PK\x03\x04\x14\x00\x06\x00word/document.xml', 1,
        '{f}: ' + NOTXML + 'den ser ut att vara ett Word-dokument (.docx) eller en annan zip-fil; spara årsberättelsen som XML')
    add('doc', b'\xd0\xcf\x11\xe0\xa1\xb1\x1a\xe1' + b'\0' * 64, 1,
        '{f}: ' + NOTXML + 'den ser ut att vara ett äldre Word- eller Excel-dokument (.doc, .xls); spara årsberättelsen som XML')
    add('text', 'Hej!\n\nHär kommer vår årsberättelse för 2019.\n', 1,
        '{f}: ' + NOTXML + 'den börjar inte med en tagg (<) och ser ut att vara vanlig text; spara årsberättelsen som XML')
    add('json', '{\n  "ar": 2019,\n  "grupp": "Ale"\n}\n', 1,
        '{f}: ' + NOTXML + 'den börjar inte med en tagg (<) och ser ut att vara JSON; spara årsberättelsen som XML')
    body = SAMPLE[SAMPLE.index('<arsberattelse'):]
    add('utf16-utan-bom', body.encode('utf-16-le'), 1,
        '{f}: ' + ENC + 'filen är sparad som UTF-16 utan byte-ordningsmärke; spara den som UTF-8')
    add('utf16be-utan-bom', body.encode('utf-16-be'), 1,
        '{f}: ' + ENC + 'filen är sparad som UTF-16 utan byte-ordningsmärke; spara den som UTF-8')
    add('utf32', SAMPLE.encode('utf-32-le'), 1,
        '{f}: ' + ENC + 'filen är sparad som UTF-32; spara den som UTF-8')
    add('utf32-bom', SAMPLE.encode('utf-32'), 1,
        '{f}: ' + ENC + 'filen är sparad som UTF-32; spara den som UTF-8')
    t = SAMPLE.rstrip('\n') + '\nTack för i år!\n'
    add('text-efter-roten', t, 1,
        '{f}:%d: ' % (t.rstrip('\n').count('\n') + 1) + NOTXML +
        'text efter dokumentets slut; allt ska ligga inom rotelementet <arsberattelse>')
    t = SAMPLE.rstrip('\n') + '\n' + body
    add('tva-rapporter', t, 1,
        '{f}:%d: ' % (SAMPLE.rstrip('\n').count('\n') + 2) + NOTXML +
        'ett andra dokument börjar här, efter </arsberattelse>; en fil ska innehålla ett enda dokument')
    t = SAMPLE.replace('encoding="UTF-8"', 'encoding="US-ASCII"', 1)
    first = min(i for i, ch in enumerate(t) if ord(ch) > 127)
    add('us-ascii-med-utf8', t, 1,
        '{f}:%d: ' % (t[:first].count('\n') + 1) + ENC +
        'filen säger encoding="US-ASCII" men har tecken utanför ASCII (t.ex. å, ä, ö) på den här raden; skriv encoding="UTF-8" och spara filen som UTF-8')
    t, line, lim = repeat_child('<sammansattning>', 'medlem', 20000, pick=-1)
    add('20000-ledamoter', t, 1,
        '{f}:%d: fel: filen är för stor: för många: högst %d av en ledamot (<medlem>) får finnas i avsnitt 1, Gruppens sammansättning (<sammansattning>), och det här är nummer %d'
        % (line, lim, lim + 1))
    t, line, lim = repeat_child('<avvikelser', 'avvikelse', 5000)
    t = re.sub(r'<avvikelser antal="\d+"', '<avvikelser antal="5000"', t, count=1)
    add('5000-avvikelser', t, 1,
        '{f}:%d: fel: filen är för stor: för många: högst %d av en avvikelse (<avvikelse>) får finnas i avsnitt 4, Avvikelser (<avvikelser>), och det här är nummer %d'
        % (line, lim, lim + 1))
    long_name = 'a' * 60000
    t = SAMPLE.replace('<grupp>', '<grupp><%s/>' % long_name, 1)
    add('langt-namn', t, 1,
        '{f}:%d: fel: filen är för stor: ett element- eller attributnamn är för långt'
        % lines_before(t, '<' + long_name))
    # 66 000 attributes on one element: refused before libxml2's
    # duplicate check, which is quadratic (12 s here, minutes at 8 MiB).
    attrs = ' '.join('x%d="1"' % k for k in range(66000))
    t = SAMPLE.replace('<kommun>', '<kommun %s>' % attrs, 1)
    add('66000-attribut', t, 1,
        '{f}:%d: fel: filen är för stor: elementet <kommun> har 66000 attribut; högst 256 är tillåtna'
        % lines_before(t, '<kommun '))
    # 150 members with an unknown attribute: the first 100 findings are
    # shown, the rest counted in one line.
    start = SAMPLE.index('<medlem roll="ledamot">')
    end = SAMPLE.index('</medlem>', start) + len('</medlem>')
    indent = SAMPLE[SAMPLE.rindex('\n', 0, start) + 1:start]
    t = SAMPLE[:start] + ('\n' + indent).join(
        [SAMPLE[start:end]] * (150 - SAMPLE.count('<medlem '))) + '\n' + indent + SAMPLE[start:]
    t = t.replace('<medlem roll=', '<medlem okant="1" roll=')
    lines = [t[:m.start()].count('\n') + 1 for m in re.finditer('<medlem ', t)]
    add('150-fel', t, 1,
        *(['{f}:%d: fel: attributet okant hör inte hemma i en ledamot (<medlem>)' % ln
           for ln in lines[:100]] +
          ['{f}: fel: ytterligare %d fel av samma slag visas inte (de första 100 står ovan)'
           % (len(lines) - 100)]))
    # xsi attributes: libxml2's English remark never shows.
    xsi = 'xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"'
    group = '<namn>Lokala Västbusgruppen i Ale</namn>'
    for attr, new in (('nil', '<namn %s xsi:nil="true"/>' % xsi),
                      ('type', '<namn %s xsi:type="xs:int">Ale</namn>' % xsi)):
        t = SAMPLE.replace(group, new, 1)
        ln = lines_before(t, new)
        add('xsi-' + attr, t, 1,
            '{f}:%d: fel: gruppens namn (<namn>) får inte ha attributet xsi:%s; ta bort det'
            % (ln, attr), *(['{f}:%d: fel: fältet är inte ifyllt: gruppens namn (<namn>)' % ln]
                            if attr == 'nil' else []))
    for name, data, rc, lines in cases:
        path = os.path.join(out, name + '.xml')
        open(path, 'wb').write(data)
        with open(os.path.join(out, name + '.want'), 'w', encoding='utf-8') as f:
            f.write('%d\n' % rc)
            for l in lines:
                f.write(l.replace('{f}', path) + '\n')


main()
