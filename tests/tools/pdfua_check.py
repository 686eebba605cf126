#!/usr/bin/env python3
"""pdfua_check.py - checks the machine-checkable PDF/UA-1 and PDF/A-2a
rules vastbus relies on (Debian has no PDF/UA or PDF/A validator).

    python3 tests/tools/pdfua_check.py FILE.pdf ...
    python3 tests/tools/pdfua_check.py --regler        (the rules)
    python3 tests/tools/pdfua_check.py --figurer FILE.pdf   (each Figure's /Alt)

Reads each PDF through `qpdf --json` (objects with their decoded stream
data) and parses the page content streams itself. Prints one line per
violation, "FILE: [rule] message" in Swedish, and exits 1 when any file
has one, 2 when a file cannot be read, 0 when all pass. The rules and
what is deliberately not checked are listed in doc/tillganglighet.md;
RULES below is the same list (`--regler` prints it).
"""
import base64
import json
import re
import subprocess
import sys
import xml.etree.ElementTree as ET

RULES = [
    ("kryptering", "filen är inte krypterad"),
    ("katalog-markinfo", "katalogen har /MarkInfo << /Marked true >> och inte /Suspects true"),
    ("katalog-lang", "katalogen har /Lang med ett språk"),
    ("katalog-visatitel", "katalogen har /ViewerPreferences << /DisplayDocTitle true >>"),
    ("titel", "Info har /Title, XMP har dc:title, och de är lika"),
    ("xmp", "katalogen har XMP-metadata som går att läsa"),
    ("xmp-pdfua", "XMP anger pdfuaid:part 1"),
    ("xmp-pdfa", "XMP anger pdfaid:part 2 och pdfaid:conformance A"),
    ("xmp-tillagg", "pdfuaid beskrivs av ett PDF/A-tilläggsschema (pdfaExtension)"),
    ("outputintent", "en /OutputIntent /GTS_PDFA1 med en ICC-profil"),
    ("typsnitt-inbaddat", "varje typsnitt (utom Type3) är inbäddat"),
    ("typsnitt-tounicode", "varje typsnitt har /ToUnicode"),
    ("struktur-rot", "katalogen har /StructTreeRoot med /K och /ParentTree"),
    ("struktur-typ", "varje strukturtyp är standard eller mappas dit med /RoleMap; standardtyper mappas inte om"),
    ("innehall-omarkt", "all text, alla banor, bilder och skuggningar ligger i märkt innehåll med /MCID eller i /Artifact"),
    ("innehall-nastlat", "/MCID ligger inte i /Artifact eller i ett annat /MCID, /Artifact inte i /MCID"),
    ("innehall-obalans", "BMC/BDC och EMC går jämnt upp på varje sida"),
    ("mcid-dubbel", "ett MCID förekommer en gång per sida"),
    ("mcid-structparents", "en sida med MCID har /StructParents"),
    ("mcid-parenttree", "varje MCID finns i ParentTree under sidans /StructParents"),
    ("mcid-element", "ParentTree pekar för varje MCID på ett strukturelement i trädet som har just det MCID:t"),
    ("mcid-pg", "det elementet (eller dess MCR) har sidan som /Pg"),
    ("mcid-saknas", "varje MCID i strukturträdet finns i sidans innehåll"),
    ("figur-alt", "varje Figure har en /Alt som inte är tom"),
    ("figur-bbox", "varje Figure har /BBox i ett /Layout-attribut"),
    ("tabell-th", "varje Table har minst en TH-cell"),
    ("tabell-scope", "varje TH har /Scope (Row, Column eller Both) i ett /Table-attribut"),
    ("tabell-struktur", "TR ligger i Table/THead/TBody/TFoot, TH och TD i TR"),
    ("tabell-rader", "varje TR i en Table har lika många celler (TH och TD, /ColSpan räknat); en tom cell är ett TD utan innehåll"),
    ("lista-struktur", "LI ligger i L, Lbl och LBody i LI"),
    ("rubrik-niva", "den första rubriken är H1 och rubriknivåer hoppas inte över (H1 följs inte av H3)"),
    ("lank-struktur", "varje /Link-annotering nås med OBJR från ett Link-element och dess /StructParent pekar dit"),
    ("lank-contents", "varje /Link-annotering har /Contents"),
    ("annot-struktur", "varje annan annotering (utom /Popup) nås med OBJR från ett strukturelement"),
    ("sida-tabs", "en sida med annoteringar har /Tabs /S"),
]

STANDARD_TYPES = set("""Document Part Art Sect Div BlockQuote Caption TOC TOCI
Index NonStruct Private P H H1 H2 H3 H4 H5 H6 L LI Lbl LBody Table TR TH TD
THead TBody TFoot Span Quote Note Reference BibEntry Code Link Annot Ruby RB
RT RP Warichu WT WP Figure Formula Form""".split())

# Content operators that put marks on the page and so must be tagged or
# artifacts. "n" (a clipping path, paints nothing) is not among them.
PAINT_OPS = {"Tj", "TJ", "'", '"', "S", "s", "f", "F", "f*", "B", "B*",
             "b", "b*", "sh", "Do", "BI"}
PER_RULE_PER_FILE = 8  # more lines of one rule are summed up in one line


class Unreadable(Exception):
    pass


# ---------------------------------------------------------------- objects

class Doc:
    """The PDF's objects as qpdf's JSON gives them: references are
    strings "N G R", names "/Name", strings "u:text" or "b:hex"."""

    def __init__(self, path):
        try:
            out = subprocess.run(
                ["qpdf", "--json", "--json-key=qpdf", "--json-key=encrypt",
                 "--json-stream-data=inline", "--decode-level=generalized",
                 path], capture_output=True, check=False)
        except OSError as e:
            raise Unreadable("kunde inte köra qpdf: %s" % e)
        # 3 = warnings only; the JSON is there
        if out.returncode not in (0, 3) or not out.stdout:
            msg = out.stderr.decode("utf-8", "replace").strip().splitlines()
            raise Unreadable("qpdf kunde inte läsa filen: %s" %
                             (msg[-1] if msg else "status %d" % out.returncode))
        data = json.loads(out.stdout)
        self.encrypted = data.get("encrypt", {}).get("encrypted", False)
        objs = data["qpdf"][1]
        self.objs = {}
        for key, val in objs.items():
            if key == "trailer":
                self.trailer = val.get("value", {})
            elif key.startswith("obj:"):
                self.objs[key[4:]] = val

    def get(self, v):
        """Follows a reference; returns the value (a stream's dict for a
        stream)."""
        seen = 0
        while isinstance(v, str) and is_ref(v) and seen < 32:
            o = self.objs.get(v)
            if o is None:
                return None
            v = o["stream"]["dict"] if "stream" in o else o.get("value")
            seen += 1
        return v

    def stream(self, ref):
        o = self.objs.get(ref) if isinstance(ref, str) else None
        if not o or "stream" not in o:
            return None
        d = o["stream"].get("data")
        return base64.b64decode(d) if d is not None else None

    def dget(self, d, key, default=None):
        d = self.get(d)
        if not isinstance(d, dict):
            return default
        v = self.get(d.get(key))
        return default if v is None else v


REF_RE = re.compile(r"^\d+ \d+ R$")


def is_ref(v):
    return isinstance(v, str) and REF_RE.match(v) is not None


def text(v):
    """A PDF string from the JSON as Python text ("" when not a string)."""
    if not isinstance(v, str):
        return ""
    if v.startswith("u:"):
        return v[2:]
    if v.startswith("b:"):
        raw = bytes.fromhex(v[2:])
        if raw.startswith(b"\xfe\xff"):
            return raw[2:].decode("utf-16-be", "replace")
        return raw.decode("latin-1")
    return ""


def name(v):
    return v[1:] if isinstance(v, str) and v.startswith("/") else None


def as_list(v):
    if v is None:
        return []
    return v if isinstance(v, list) else [v]


# ---------------------------------------------------------- content parser

WS = b"\x00\t\n\x0c\r "
DELIM = b"()<>[]{}/%"


class Op:
    def __init__(self, op, args):
        self.op, self.args = op, args


def tokens(data):
    """Yields (kind, value) for a content stream: kind 'op', 'num',
    'name', 'str', '[', ']', '<<', '>>', 'inline' (an inline image)."""
    i, n = 0, len(data)
    while i < n:
        c = data[i:i + 1]
        if c in (b"",) or c[0] in WS:
            i += 1
        elif c == b"%":
            while i < n and data[i] not in b"\r\n":
                i += 1
        elif c == b"(":
            depth, i, buf = 1, i + 1, bytearray()
            while i < n and depth:
                ch = data[i]
                if ch == 0x5c:  # backslash: keep the escape, skip its char
                    buf += data[i:i + 2]
                    i += 2
                    continue
                if ch == 0x28:
                    depth += 1
                elif ch == 0x29:
                    depth -= 1
                    if not depth:
                        i += 1
                        break
                buf.append(ch)
                i += 1
            yield ("str", bytes(buf))
        elif data.startswith(b"<<", i):
            yield ("<<", None)
            i += 2
        elif data.startswith(b">>", i):
            yield (">>", None)
            i += 2
        elif c == b"<":
            j = data.find(b">", i)
            j = n if j < 0 else j
            yield ("str", data[i + 1:j])
            i = j + 1
        elif c in (b"[", b"]", b"{", b"}"):
            yield (c.decode(), None)
            i += 1
        elif c == b"/":
            j = i + 1
            while j < n and data[j] not in WS and data[j] not in DELIM:
                j += 1
            yield ("name", data[i + 1:j].decode("latin-1"))
            i = j
        else:
            j = i
            while j < n and data[j] not in WS and data[j] not in DELIM:
                j += 1
            if j == i:
                j = i + 1  # a stray delimiter such as ')': step over it
            word = data[i:j].decode("latin-1")
            i = j
            if re.match(r"^[+-]?(\d+\.?\d*|\.\d+)$", word):
                yield ("num", float(word) if "." in word else int(word))
            elif word == "ID":
                # inline image data: up to whitespace + EI + whitespace/end
                i += 1
                m = re.compile(rb"[\x00\t\n\x0c\r ]EI(?=[\x00\t\n\x0c\r ]|$)").search(data, i)
                i = m.end() if m else n
                yield ("op", "EI")
            else:
                yield ("op", word)


def operations(data):
    """Yields Op(operator, operands) with arrays as lists and dicts as
    dicts (keys without the slash)."""
    stack = []  # operands; '[' and '<<' markers for open containers
    for kind, val in tokens(data):
        if kind in ("[", "<<", "{"):
            stack.append((kind,))
        elif kind in ("]", "}"):
            items = []
            while stack and stack[-1] not in (("[",), ("{",)):
                items.append(stack.pop())
            if stack:
                stack.pop()
            stack.append(list(reversed(items)))
        elif kind == ">>":
            items = []
            while stack and stack[-1] != ("<<",):
                items.append(stack.pop())
            if stack:
                stack.pop()
            items.reverse()
            d = {}
            for k in range(0, len(items) - 1, 2):
                if isinstance(items[k], tuple) and items[k][0] == "name":
                    d[items[k][1]] = items[k + 1]
            stack.append(d)
        elif kind == "op":
            if val in ("true", "false", "null"):
                stack.append(("kw", val))
                continue
            if any(isinstance(s, tuple) and len(s) == 1 for s in stack):
                stack.append(("kw", val))  # a word inside an array/dict
                continue
            yield Op(val, stack)
            stack = []
        else:
            stack.append((kind, val))


# ------------------------------------------------------------------ checker

class Checker:
    def __init__(self, path):
        self.path = path
        self.found = []  # (rule, message)

    def fail(self, rule, msg):
        self.found.append((rule, msg))

    def run(self):
        doc = self.doc = Doc(self.path)
        if doc.encrypted:
            self.fail("kryptering", "filen är krypterad (PDF/A tillåter ingen kryptering)")
        self.cat = doc.get(doc.trailer.get("/Root")) or {}
        self.pages = self.page_list()
        self.check_catalog()
        self.check_metadata()
        self.check_fonts()
        self.check_structure()
        return self.found

    def page_list(self):
        out, todo, seen = [], [self.cat.get("/Pages")], set()
        while todo:
            ref = todo.pop(0)
            if ref in seen:
                continue
            seen.add(ref)
            node = self.doc.get(ref)
            if not isinstance(node, dict):
                continue
            if name(node.get("/Type")) == "Pages" or "/Kids" in node:
                todo = as_list(self.doc.get(node.get("/Kids"))) + todo
            else:
                out.append(ref)
        return out

    def page_no(self, ref):
        try:
            return self.pages.index(ref) + 1
        except ValueError:
            return "?"

    # ---- catalog, Info, XMP

    def check_catalog(self):
        d = self.doc
        mi = d.get(self.cat.get("/MarkInfo"))
        if not isinstance(mi, dict) or d.get(mi.get("/Marked")) is not True:
            self.fail("katalog-markinfo", "katalogen saknar /MarkInfo << /Marked true >> (dokumentet är inte märkt som taggat)")
        elif d.get(mi.get("/Suspects")) is True:
            self.fail("katalog-markinfo", "/MarkInfo har /Suspects true (taggningen kan vara fel)")
        if not text(d.get(self.cat.get("/Lang"))).strip():
            self.fail("katalog-lang", "katalogen saknar /Lang (dokumentets språk, t.ex. sv-SE)")
        vp = d.get(self.cat.get("/ViewerPreferences"))
        if not isinstance(vp, dict) or d.get(vp.get("/DisplayDocTitle")) is not True:
            self.fail("katalog-visatitel", "katalogen saknar /ViewerPreferences << /DisplayDocTitle true >> (läsaren visar filnamnet i stället för titeln)")
        intents = [d.get(x) for x in as_list(d.get(self.cat.get("/OutputIntents")))]
        if not any(isinstance(oi, dict) and name(d.get(oi.get("/S"))) == "GTS_PDFA1"
                   and "/DestOutputProfile" in oi for oi in intents):
            self.fail("outputintent", "ingen /OutputIntent /GTS_PDFA1 med /DestOutputProfile (ICC-profil)")

    def check_metadata(self):
        d = self.doc
        info = d.get(d.trailer.get("/Info"))
        info_title = text(d.get(info.get("/Title"))).strip() if isinstance(info, dict) else ""
        raw = d.stream(self.cat.get("/Metadata"))
        if raw is None:
            self.fail("xmp", "katalogen saknar /Metadata (XMP)")
            if not info_title:
                self.fail("titel", "dokumentet saknar titel (/Title i Info)")
            return
        try:
            root = ET.fromstring(raw.decode("utf-8").strip().lstrip("\ufeff"))
        except (ET.ParseError, UnicodeDecodeError) as e:
            self.fail("xmp", "XMP-metadata går inte att läsa som XML: %s" % e)
            return
        props = xmp_props(root)
        ua = props.get(("http://www.aiim.org/pdfua/ns/id/", "part"))
        if ua != "1":
            self.fail("xmp-pdfua", "XMP anger inte pdfuaid:part 1 (PDF/UA-1), utan %s" % (ua or "ingenting"))
        part = props.get(("http://www.aiim.org/pdfa/ns/id/", "part"))
        conf = props.get(("http://www.aiim.org/pdfa/ns/id/", "conformance"))
        if part != "2" or conf != "A":
            self.fail("xmp-pdfa", "XMP anger inte PDF/A-2a (pdfaid:part 2, pdfaid:conformance A), utan part %s, conformance %s"
                      % (part or "-", conf or "-"))
        if ua is not None:
            ns = [e.text.strip() for e in root.iter("{http://www.aiim.org/pdfa/ns/schema#}namespaceURI")
                  if e.text]
            ns += [v for e in root.iter() for k, v in e.attrib.items()
                   if k == "{http://www.aiim.org/pdfa/ns/schema#}namespaceURI"]
            if "http://www.aiim.org/pdfua/ns/id/" not in ns:
                self.fail("xmp-tillagg", "pdfuaid används men beskrivs inte av något pdfaExtension-schema (PDF/A-2 kräver det för egna namnrymder)")
        xmp_title = ""
        for alt in root.iter("{http://purl.org/dc/elements/1.1/}title"):
            lis = list(alt.iter("{http://www.w3.org/1999/02/22-rdf-syntax-ns#}li"))
            if lis:
                xdef = [li for li in lis
                        if li.get("{http://www.w3.org/XML/1998/namespace}lang") == "x-default"]
                xmp_title = ((xdef or lis)[0].text or "").strip()
        if not info_title and not xmp_title:
            self.fail("titel", "dokumentet saknar titel (varken /Title i Info eller dc:title i XMP)")
        elif not xmp_title:
            self.fail("titel", "XMP saknar dc:title (PDF/UA kräver titeln i XMP)")
        elif info_title and info_title != xmp_title:
            self.fail("titel", "titeln i Info (%s) och i XMP (%s) skiljer sig" % (info_title, xmp_title))

    # ---- fonts

    def resources_fonts(self, res, seen, out):
        d = self.doc
        res = d.get(res)
        if not isinstance(res, dict):
            return
        fonts = d.get(res.get("/Font"))
        if isinstance(fonts, dict):
            for ref in fonts.values():
                key = ref if is_ref(ref) else id(ref)
                if key in seen:
                    continue
                seen.add(key)
                out.append(ref)
                f = d.get(ref)
                if isinstance(f, dict) and name(f.get("/Subtype")) == "Type3":
                    self.resources_fonts(f.get("/Resources"), seen, out)
        xo = d.get(res.get("/XObject"))
        if isinstance(xo, dict):
            for ref in xo.values():
                if ref in seen:
                    continue
                seen.add(ref)
                x = d.get(ref)
                if isinstance(x, dict) and name(x.get("/Subtype")) == "Form":
                    self.resources_fonts(x.get("/Resources"), seen, out)

    def check_fonts(self):
        d, seen, fonts = self.doc, set(), []
        for p in self.pages:
            self.resources_fonts(self.page_attr(p, "/Resources"), seen, fonts)
        for ref in fonts:
            f = d.get(ref)
            if not isinstance(f, dict):
                continue
            fname = name(f.get("/BaseFont")) or str(ref)
            sub = name(f.get("/Subtype"))
            if "/ToUnicode" not in f:
                self.fail("typsnitt-tounicode", "typsnittet %s saknar /ToUnicode (texten kan inte läsas upp eller kopieras)" % fname)
            if sub == "Type3":
                continue
            desc_font = f
            if sub == "Type0":
                desc_font = d.get((as_list(d.get(f.get("/DescendantFonts"))) or [None])[0]) or {}
            fd = d.get(desc_font.get("/FontDescriptor")) if isinstance(desc_font, dict) else None
            if not isinstance(fd, dict) or not any(k in fd for k in ("/FontFile", "/FontFile2", "/FontFile3")):
                self.fail("typsnitt-inbaddat", "typsnittet %s är inte inbäddat" % fname)

    def page_attr(self, ref, key):
        """A page attribute, inherited from the page tree."""
        node, hops = self.doc.get(ref), 0
        while isinstance(node, dict) and hops < 64:
            if key in node:
                return node[key]
            node, hops = self.doc.get(node.get("/Parent")), hops + 1
        return None

    # ---- structure tree

    def std_type(self, s):
        """The standard type a structure type maps to through /RoleMap."""
        t, hops = s, 0
        while t not in STANDARD_TYPES and t in self.rolemap and hops < 16:
            t, hops = self.rolemap[t], hops + 1
        return t

    def check_structure(self):
        d = self.doc
        root = d.get(self.cat.get("/StructTreeRoot"))
        self.rolemap = {}
        self.elems = {}      # id -> element record
        self.mcr = {}        # (page, mcid) -> element id
        self.objr = {}       # annotation ref -> element id
        if not isinstance(root, dict) or root.get("/K") is None:
            self.fail("struktur-rot", "katalogen saknar /StructTreeRoot med innehåll (/K): PDF:en är inte taggad")
            root = {}
        rm = d.get(root.get("/RoleMap"))
        if isinstance(rm, dict):
            for k, v in rm.items():
                if name(k) and name(d.get(v)):
                    self.rolemap[k[1:]] = name(d.get(v))
        for k in self.rolemap:
            if k in STANDARD_TYPES:
                self.fail("struktur-typ", "standardtypen %s mappas om till %s i /RoleMap" % (k, self.rolemap[k]))
        self.order = []
        self.walk(root.get("/K"), None, None, set())
        self.parent_tree = {}
        if root:
            pt = root.get("/ParentTree")
            if pt is None:
                self.fail("struktur-rot", "/StructTreeRoot saknar /ParentTree")
            else:
                self.number_tree(pt, set())
        self.check_elements()
        self.check_content()
        self.check_annotations()

    def walk(self, k, parent, pg, seen):
        d = self.doc
        for kid in as_list(k if not is_ref(k) or not isinstance(d.get(k), list) else d.get(k)):
            if isinstance(kid, int):
                if parent is not None:
                    self.add_mcr(pg, kid, parent)
                continue
            obj = d.get(kid)
            if not isinstance(obj, dict):
                continue
            typ = name(obj.get("/Type"))
            if typ == "MCR":
                self.add_mcr(obj.get("/Pg", pg), d.get(obj.get("/MCID")), parent)
                continue
            if typ == "OBJR":
                if parent is not None and obj.get("/Obj") is not None:
                    self.objr.setdefault(obj.get("/Obj"), parent)
                continue
            eid = kid if is_ref(kid) else "direkt-%d" % len(self.elems)
            if eid in seen:
                continue
            seen.add(eid)
            s = name(obj.get("/S")) or "?"
            e_pg = obj.get("/Pg", pg)
            self.elems[eid] = {"s": s, "std": self.std_type(s), "obj": obj,
                               "parent": parent, "pg": e_pg, "kids": []}
            if parent is not None:
                self.elems[parent]["kids"].append(eid)
            self.order.append(eid)
            self.walk(obj.get("/K"), eid, e_pg, seen)

    def add_mcr(self, pg, mcid, eid):
        if not isinstance(mcid, int):
            return
        self.mcr.setdefault((pg, mcid), eid)

    def number_tree(self, node, seen):
        d = self.doc
        if is_ref(node):
            if node in seen:
                return
            seen.add(node)
        node = d.get(node)
        if not isinstance(node, dict):
            return
        nums = as_list(d.get(node.get("/Nums")))
        for i in range(0, len(nums) - 1, 2):
            if isinstance(nums[i], int):
                self.parent_tree[nums[i]] = nums[i + 1]
        for kid in as_list(d.get(node.get("/Kids"))):
            self.number_tree(kid, seen)

    def where(self, eid):
        e = self.elems[eid]
        p = self.page_no(e["pg"]) if e["pg"] is not None else None
        return "%s (%s%s)" % (e["s"], eid if is_ref(eid) else "direkt objekt",
                              ", sida %s" % p if p is not None else "")

    def ancestors_std(self, eid):
        p = self.elems[eid]["parent"]
        return self.elems[p]["std"] if p is not None else None

    def check_elements(self):
        d = self.doc
        last_h = 0
        for eid in self.order:
            e = self.elems[eid]
            s, std, obj = e["s"], e["std"], e["obj"]
            if std not in STANDARD_TYPES:
                self.fail("struktur-typ", "strukturtypen %s är inte standard och mappas inte i /RoleMap" % self.where(eid))
            attrs = [d.get(a) for a in as_list(d.get(obj.get("/A")))]
            attrs = [a for a in attrs if isinstance(a, dict)]
            if std == "Figure":
                if not text(d.get(obj.get("/Alt"))).strip():
                    self.fail("figur-alt", "%s saknar /Alt (textalternativ)" % self.where(eid))
                if not any(name(d.get(a.get("/O"))) == "Layout" and "/BBox" in a for a in attrs):
                    self.fail("figur-bbox", "%s saknar /BBox i ett /Layout-attribut" % self.where(eid))
            elif std == "Table":
                if not self.descendants(eid, "TH"):
                    self.fail("tabell-th", "%s har inga rubrikceller (TH)" % self.where(eid))
                widths = []
                for tr in self.descendants(eid, "TR"):
                    w = 0
                    for k in self.elems[tr]["kids"]:
                        if self.elems[k]["std"] not in ("TH", "TD"):
                            continue
                        span = 1
                        for a in as_list(d.get(self.elems[k]["obj"].get("/A"))):
                            a = d.get(a)
                            if isinstance(a, dict) and isinstance(d.get(a.get("/ColSpan")), int):
                                span = d.get(a.get("/ColSpan"))
                        w += span
                    widths.append(w)
                if widths and min(widths) != max(widths):
                    self.fail("tabell-rader", "%s har rader med %d till %d celler (en tom cell ska vara ett TD)"
                              % (self.where(eid), min(widths), max(widths)))
            elif std == "TH":
                scope = [name(d.get(a.get("/Scope"))) for a in attrs
                         if name(d.get(a.get("/O"))) == "Table" and "/Scope" in a]
                if not scope:
                    self.fail("tabell-scope", "%s saknar /Scope i ett /Table-attribut" % self.where(eid))
                elif scope[0] not in ("Row", "Column", "Both"):
                    self.fail("tabell-scope", "%s har /Scope /%s (ska vara Row, Column eller Both)" % (self.where(eid), scope[0]))
            parent = self.ancestors_std(eid)
            if std == "TR" and parent not in ("Table", "THead", "TBody", "TFoot"):
                self.fail("tabell-struktur", "%s ligger i %s, inte i Table/THead/TBody/TFoot" % (self.where(eid), parent))
            if std in ("TH", "TD") and parent != "TR":
                self.fail("tabell-struktur", "%s ligger i %s, inte i TR" % (self.where(eid), parent))
            if std == "LI" and parent != "L":
                self.fail("lista-struktur", "%s ligger i %s, inte i L" % (self.where(eid), parent))
            if std in ("Lbl", "LBody") and parent != "LI" and not (std == "Lbl" and parent in ("TOCI", "BibEntry", "Note")):
                self.fail("lista-struktur", "%s ligger i %s, inte i LI" % (self.where(eid), parent))
            m = re.match(r"^H([1-6])$", std or "")
            if m:
                level = int(m.group(1))
                if last_h == 0 and level != 1:
                    self.fail("rubrik-niva", "den första rubriken är %s, inte H1" % self.where(eid))
                elif last_h and level > last_h + 1:
                    self.fail("rubrik-niva", "%s följer på H%d: rubriknivå överhoppad" % (self.where(eid), last_h))
                last_h = level

    def descendants(self, eid, std, stop="Table"):
        out = []
        for k in self.elems[eid]["kids"]:
            if self.elems[k]["std"] == std:
                out.append(k)
            if self.elems[k]["std"] != stop:
                out += self.descendants(k, std, stop)
        return out

    # ---- content streams

    def content_of(self, page):
        """The page's content streams joined (an array's parts form one
        stream, so marked content may span them)."""
        c = (self.doc.get(page) or {}).get("/Contents")
        if is_ref(c) and self.doc.stream(c) is not None:
            refs = [c]
        else:
            refs = as_list(self.doc.get(c))
        return b"\n".join(self.doc.stream(r) or b"" for r in refs)

    def check_content(self):
        d = self.doc
        in_tree = {}  # page -> set of MCIDs the structure tree names
        for (pg, mcid) in self.mcr:
            in_tree.setdefault(pg, set()).add(mcid)
        for page in self.pages:
            no = self.page_no(page)
            pobj = d.get(page) or {}
            props = d.get(d.dget(self.page_attr(page, "/Resources"), "/Properties")) or {}
            mcids = {}
            stack = []  # 'mcid', 'artifact' or 'other'
            unmarked = {}
            for op in operations(self.content_of(page)):
                o = op.op
                if o in ("BMC", "BDC"):
                    tag = op.args[0][1] if op.args and isinstance(op.args[0], tuple) else None
                    plist = op.args[1] if o == "BDC" and len(op.args) > 1 else None
                    if isinstance(plist, tuple) and plist[0] == "name":
                        plist = self.props_dict(d.get(props.get("/" + plist[1])))
                    mcid = plist.get("MCID") if isinstance(plist, dict) else None
                    mcid = mcid[1] if isinstance(mcid, tuple) and mcid[0] == "num" else None
                    if tag == "Artifact":
                        if "mcid" in stack:
                            self.fail("innehall-nastlat", "sida %s: /Artifact inne i märkt innehåll med MCID" % no)
                        stack.append("artifact")
                    elif mcid is not None:
                        if "artifact" in stack:
                            self.fail("innehall-nastlat", "sida %s: MCID %s inne i /Artifact" % (no, mcid))
                        elif "mcid" in stack:
                            self.fail("innehall-nastlat", "sida %s: MCID %s inne i ett annat MCID" % (no, mcid))
                        if mcid in mcids:
                            self.fail("mcid-dubbel", "sida %s: MCID %s förekommer flera gånger" % (no, mcid))
                        mcids[mcid] = tag
                        stack.append("mcid")
                    else:
                        stack.append("other")
                elif o == "EMC":
                    if not stack:
                        self.fail("innehall-obalans", "sida %s: EMC utan BMC/BDC" % no)
                    else:
                        stack.pop()
                elif o in PAINT_OPS and "mcid" not in stack and "artifact" not in stack:
                    unmarked[o] = unmarked.get(o, 0) + 1
            if stack:
                self.fail("innehall-obalans", "sida %s: %d BMC/BDC utan EMC" % (no, len(stack)))
            if unmarked:
                self.fail("innehall-omarkt", "sida %s: innehåll utanför märkt innehåll (varken MCID eller /Artifact): %s"
                          % (no, ", ".join("%s %d gånger" % (k, v) for k, v in sorted(unmarked.items()))))
            self.check_mcids(page, no, pobj, mcids, in_tree.get(page, set()))

    def props_dict(self, v):
        if not isinstance(v, dict):
            return None
        out = {}
        for k, val in v.items():
            if isinstance(val, int):
                out[k.lstrip("/")] = ("num", val)
        return out

    def check_mcids(self, page, no, pobj, mcids, named):
        d = self.doc
        for mcid in sorted(named - set(mcids)):
            eid = self.mcr[(page, mcid)]
            self.fail("mcid-saknas", "%s pekar på MCID %s på sida %s, som inte finns i sidans innehåll" % (self.where(eid), mcid, no))
        if not mcids:
            return
        sp = d.get(pobj.get("/StructParents"))
        if not isinstance(sp, int):
            self.fail("mcid-structparents", "sida %s har MCID men saknar /StructParents" % no)
            return
        if sp not in self.parent_tree:
            self.fail("mcid-parenttree", "sida %s: /StructParents %d finns inte i ParentTree" % (no, sp))
            return
        arr = d.get(self.parent_tree[sp])
        arr = arr if isinstance(arr, list) else []
        for mcid in sorted(mcids):
            ref = arr[mcid] if mcid < len(arr) else None
            if ref is None:
                self.fail("mcid-parenttree", "sida %s: MCID %s (%s) saknas i ParentTree under /StructParents %d" % (no, mcid, mcids[mcid], sp))
                continue
            if ref not in self.elems:
                self.fail("mcid-element", "sida %s: MCID %s leder i ParentTree till %s, som inte är ett element i strukturträdet" % (no, mcid, ref))
                continue
            owner = self.mcr.get((page, mcid))
            if owner == ref:
                continue
            if mcid in self.elem_mcids_any_page(ref):
                self.fail("mcid-pg", "sida %s: MCID %s hör till %s, vars /Pg inte är sida %s" % (no, mcid, self.where(ref), no))
            else:
                self.fail("mcid-element", "sida %s: MCID %s leder i ParentTree till %s, som inte har det MCID:t" % (no, mcid, self.where(ref)))

    def elem_mcids_any_page(self, eid):
        return {m for (pg, m), e in self.mcr.items() if e == eid}

    # ---- annotations

    def check_annotations(self):
        d = self.doc
        for page in self.pages:
            no = self.page_no(page)
            pobj = d.get(page) or {}
            annots = as_list(d.get(pobj.get("/Annots")))
            if not annots:
                continue
            if name(d.get(pobj.get("/Tabs"))) != "S":
                self.fail("sida-tabs", "sida %s har annoteringar men inte /Tabs /S (tabbordning efter strukturen)" % no)
            for ref in annots:
                a = d.get(ref)
                if not isinstance(a, dict):
                    continue
                sub = name(d.get(a.get("/Subtype")))
                if sub == "Popup":
                    continue
                desc = "%s-annotering %s på sida %s" % (sub, ref, no)
                if sub == "Link" and not text(d.get(a.get("/Contents"))).strip():
                    self.fail("lank-contents", "%s saknar /Contents (beskrivning av länken)" % desc)
                rule = "lank-struktur" if sub == "Link" else "annot-struktur"
                owner = self.objr.get(ref)
                if owner is None:
                    self.fail(rule, "%s nås inte med OBJR från något strukturelement" % desc)
                    continue
                if sub == "Link" and self.elems[owner]["std"] != "Link":
                    self.fail(rule, "%s ligger i %s, inte i ett Link-element" % (desc, self.where(owner)))
                sp = d.get(a.get("/StructParent"))
                if not isinstance(sp, int):
                    self.fail(rule, "%s saknar /StructParent" % desc)
                elif self.parent_tree.get(sp) != owner:
                    self.fail(rule, "%s: /StructParent %d pekar i ParentTree inte på %s" % (desc, sp, self.where(owner)))


def xmp_props(root):
    """{(namespace, local name): text} for every simple XMP property, in
    element form or attribute form of rdf:Description."""
    rdf = "{http://www.w3.org/1999/02/22-rdf-syntax-ns#}"
    out = {}
    for desc in root.iter(rdf + "Description"):
        for k, v in desc.attrib.items():
            if k.startswith("{") and not k.startswith(rdf):
                ns, local = k[1:].split("}", 1)
                out.setdefault((ns, local), v.strip())
        for child in desc:
            if child.tag.startswith("{") and len(child) == 0 and child.text:
                ns, local = child.tag[1:].split("}", 1)
                out.setdefault((ns, local), child.text.strip())
    return out


def main(argv):
    if len(argv) == 3 and argv[1] == "--figurer":
        # each Figure's /Alt, one a line in reading order (tests/cli/pdf_taggad.sh)
        try:
            c = Checker(argv[2])
            c.run()
        except Unreadable as e:
            print("%s: %s" % (argv[2], e), file=sys.stderr)
            return 2
        for eid in c.order:
            if c.elems[eid]["std"] == "Figure":
                print(" ".join(text(c.doc.get(c.elems[eid]["obj"].get("/Alt"))).split()))
        return 0
    if len(argv) > 1 and argv[1] == "--regler":
        for rule, what in RULES:
            print("%-20s %s" % (rule, what))
        return 0
    files = argv[1:]
    if not files or any(f.startswith("-") for f in files):
        print("användning: pdfua_check.py FIL.pdf … | --regler | --figurer FIL.pdf", file=sys.stderr)
        return 2
    status = 0
    for path in files:
        try:
            found = Checker(path).run()
        except Unreadable as e:
            print("%s: %s" % (path, e), file=sys.stderr)
            status = 2
            continue
        per_rule = {}
        for rule, msg in found:
            per_rule[rule] = per_rule.get(rule, 0) + 1
            if per_rule[rule] <= PER_RULE_PER_FILE:
                print("%s: [%s] %s" % (path, rule, msg))
        for rule, n in per_rule.items():
            if n > PER_RULE_PER_FILE:
                print("%s: [%s] … och %d fel till av samma slag" % (path, rule, n - PER_RULE_PER_FILE))
        if found:
            print("%s: %d fel mot PDF/UA-1 och PDF/A-2a" % (path, len(found)))
            status = max(status, 1)
        else:
            print("%s: inga fel (%d regler kontrollerade)" % (path, len(RULES)))
    return status


if __name__ == "__main__":
    sys.exit(main(sys.argv))
