/*
 * formular.js - the report form of `vastbus formular`.
 *
 * The form edits one XML document (the report) in place: every field is
 * bound to an element or attribute of it, a row added or removed is an
 * element added or removed. So a report opened and saved again keeps
 * everything it held (comments, order, layout), and "Spara" writes that
 * document.
 *
 * The checks are those of src/check (the C program) written again in
 * JavaScript, on the same document tree, with the message texts taken
 * from the data block (src/check/messages.h, serialised by the program):
 * the form says what `vastbus validera` says. Field-level checks (blank,
 * not one of the allowed values, not a date) follow the schema's Swedish
 * findings (src/xml/schema_sv.c).
 *
 * Plain ES2017, no libraries, nothing fetched.
 */
'use strict';

(function () {
  const NS = 'urn:vastbus:arsberattelse:1';
  const DATA = JSON.parse(document.getElementById('vb-data').textContent);
  const M = DATA.meddelanden;
  const GEO = DATA.geografi;
  const DRAFT_KEY = 'vastbus-utkast:' + [DATA.givet.kommun, DATA.givet.stadsdel, DATA.givet.ar].join('|');

  /* ---- the closed lists, with their Swedish labels ---- */
  const LISTS = {
    roll: [['ordforande', 'Ordförande'], ['ledamot', 'Ledamot'], ['sekreterare', 'Sekreterare'], ['adjungerad', 'Adjungerad']],
    verksamhet: [['socialtjanst', 'Socialtjänst'], ['skola', 'Skola'], ['elevhalsa', 'Elevhälsa'], ['forskola', 'Förskola'],
      ['primarvard', 'Primärvård'], ['bup', 'Barn- och ungdomspsykiatri (BUP)'], ['habilitering', 'Habilitering'],
      ['ungdomsmottagning', 'Ungdomsmottagning'], ['polis', 'Polis'], ['fritid', 'Fritid'], ['ovrig', 'Övrig verksamhet']],
    huvudman: [['kommun', 'Kommunen'], ['region', 'Västra Götalandsregionen'], ['annan', 'Annan huvudman']],
    kategori: [['riktlinjer-foljs-ej', 'Riktlinjerna följs inte'], ['insats-ej-utford', 'Överenskommen insats genomförs inte'],
      ['oenighet', 'Parterna är oeniga'], ['ovrigt', 'Övrigt']],
    status: [['lost-lokalt', 'Löst lokalt'], ['skickad-delregionalt', 'Skickad till delregionen'], ['pagaende', 'Pågående']],
  };

  /* Schema facts the field checks need: the most characters (after
   * collapsing spaces) of each text type. */
  const MAX = { Namn: 200, Rubrik: 500, Text: 20000, Anteckning: 1000, Epost: 254, Telefon: 50 };

  let doc = null;           /* the report being edited */
  let sourceText = null;    /* the opened file's text while unchanged */
  let fieldSeq = 0;
  let anchors = new Map();  /* report node -> id of the field that shows it */
  let attrFields = new Map(); /* element -> {attr: id} */
  let fieldInfo = new Map(); /* id -> {label} */

  /* ================================================================
   * Small helpers on the report tree (as check.c's ck_*)
   * ================================================================ */
  function isEl(n, name) {
    return n && n.nodeType === 1 && n.namespaceURI === NS && (name === undefined || n.localName === name);
  }
  function ckChild(parent, name) {
    if (!parent || parent.nodeType !== 1) return null;
    for (let n = parent.firstChild; n; n = n.nextSibling) if (isEl(n, name)) return n;
    return null;
  }
  function ckChildren(parent, name) {
    const out = [];
    for (let n = parent ? parent.firstChild : null; n; n = n.nextSibling) if (isEl(n, name)) out.push(n);
    return out;
  }
  function collapse(s) {
    return s.replace(/[ \t\n\r]+/g, ' ').replace(/^ /, '').replace(/ $/, '');
  }
  function ckAttr(n, name) {
    if (!n || n.nodeType !== 1 || !n.hasAttribute(name)) return null;
    return collapse(n.getAttribute(name));
  }
  function ckText(n) {
    return n ? collapse(n.textContent) : null;
  }
  function parseDate(s) {
    if (s == null || !/^[0-9]{4}-[0-9]{2}-[0-9]{2}$/.test(s)) return null;
    const y = +s.slice(0, 4), m = +s.slice(5, 7), d = +s.slice(8, 10);
    if (y < 1 || m < 1 || m > 12 || d < 1 || d > mdays(y, m)) return null;
    return { y: y, m: m, d: d };
  }
  function mdays(y, m) {
    const leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    return m === 2 && leap ? 29 : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][m - 1];
  }
  function parseCount(s) {
    return s != null && /^[0-9]{1,9}$/.test(s) ? +s : -1;
  }
  function parseYear(s) {
    return s != null && /^[0-9]{4}$/.test(s) && +s !== 0 ? +s : 0;
  }
  function dateCmp(a, b) {
    if (a.y !== b.y) return a.y < b.y ? -1 : 1;
    if (a.m !== b.m) return a.m < b.m ? -1 : 1;
    return (a.d > b.d) - (a.d < b.d);
  }
  /* ck_quote: at most 60 characters, then "…". */
  function quote(s) {
    const cps = Array.from(s || '');
    return cps.length <= 60 ? (s || '') : cps.slice(0, 60).join('') + '…';
  }
  function join(v, lastSep) {
    let out = '';
    v.forEach(function (x, i) {
      if (i > 0) out += i + 1 === v.length ? lastSep : ', ';
      out += x;
    });
    return out;
  }
  /* printf with the conversions messages.h uses. */
  function fmt(template, args) {
    let i = 0;
    return template.replace(/%(0?[0-9]*)(l|z)?([sdu])/g, function (m, width, len, conv) {
      let v = args[i++];
      if (conv === 's') return String(v);
      let s = String(Math.trunc(v));
      if (width) {
        const w = parseInt(width, 10);
        while (s.length < w) s = (width[0] === '0' ? '0' : ' ') + s;
      }
      return s;
    });
  }

  /* ================================================================
   * Suggestions (check.c: ck_suggest), on the same byte-like units
   * ================================================================ */
  const FOLD_MAX = 120;
  const FOLD = { 'å': 'a', 'ä': 'a', 'à': 'a', 'á': 'a', 'Å': 'a', 'Ä': 'a', 'À': 'a', 'Á': 'a',
    'ö': 'o', 'ø': 'o', 'Ö': 'o', 'Ø': 'o', 'é': 'e', 'è': 'e', 'É': 'e', 'È': 'e', 'ü': 'u', 'Ü': 'u' };
  function fold(s) {
    const out = [];
    for (const ch of s) {
      const cp = ch.codePointAt(0);
      let u;
      if (FOLD[ch]) u = FOLD[ch];
      else if (cp >= 0x41 && cp <= 0x5a) u = ch.toLowerCase();
      else if (' -._\''.indexOf(ch) >= 0) continue;
      else if (cp < 0x80) u = ch;
      else if (cp >= 0xc0 && cp <= 0xff) u = 'L' + cp;   /* one unit, kept distinct */
      else {
        /* Other characters count as their UTF-8 bytes, as in C. */
        for (const b of new TextEncoder().encode(ch)) {
          if (out.length + 1 >= FOLD_MAX) return null;
          out.push('B' + b);
        }
        continue;
      }
      if (out.length + 1 >= FOLD_MAX) return null;
      out.push(u);
    }
    return out;
  }
  function lev(a, b) {
    const row = [];
    for (let j = 0; j <= b.length; j++) row[j] = j;
    for (let i = 1; i <= a.length; i++) {
      let diag = row[0];
      row[0] = i;
      for (let j = 1; j <= b.length; j++) {
        const up = row[j];
        let best = diag + (a[i - 1] !== b[j - 1] ? 1 : 0);
        if (up + 1 < best) best = up + 1;
        if (row[j - 1] + 1 < best) best = row[j - 1] + 1;
        row[j] = best;
        diag = up;
      }
    }
    return row[b.length];
  }
  function distTo(forms, cand) {
    const fc = fold(cand);
    let best = 1 << 20;
    if (fc === null) return best;
    forms.forEach(function (f) {
      if (f === null) return;
      const d = lev(f, fc);
      if (d < best) best = d;
    });
    return best;
  }
  function hasPart(cand, f) {
    for (const w of cand.split(/[ -]/)) {
      if (w.length === 0 || new TextEncoder().encode(w).length >= FOLD_MAX) continue;
      const fw = fold(w);
      if (fw && fw.length > 0 && lev(f, fw) <= (fw.length <= 4 ? 0 : 1)) return true;
    }
    return false;
  }
  function suggest(s, cand, aliases) {
    if (!s) return null;
    let base = s, stripped = false;
    for (const suf of [' kommun', ' stad', ' stadsdel']) {
      if (s.length > suf.length && s.slice(-suf.length).toLowerCase() === suf) {
        base = s.slice(0, -suf.length);
        stripped = true;
        break;
      }
    }
    const f0 = fold(base);
    if (f0 === null || f0.length === 0) return null;
    let f1 = null;
    if (stripped && f0.length > 1 && f0[f0.length - 1] === 's') f1 = f0.slice(0, -1);
    const forms = [f0, f1];
    const n0 = f0.length;
    const limit = n0 <= 4 ? 1 : n0 <= 8 ? 2 : 3;
    let best = null, bestd = limit + 1, tie = false;
    cand.forEach(function (c, i) {
      if (c == null) return;
      let d = distTo(forms, c);
      if (aliases && aliases[i] && distTo(forms, aliases[i]) === 0) d = 0;
      if (d < bestd) { best = c; bestd = d; tie = false; }
      else if (d === bestd && best && best !== c) tie = true;
    });
    if (best || tie || n0 < 4) return tie ? null : best;
    for (const c of cand) {
      if (c == null || !hasPart(c, f0)) continue;
      if (best && best !== c) return null;
      best = c;
    }
    return best;
  }

  /* ================================================================
   * Geography (geo.c)
   * ================================================================ */
  function geoKommun(namn) {
    return GEO.kommuner.find(function (k) { return k.namn === namn; }) || null;
  }
  function inPeriod(p, year) { return year >= p[1] && year <= p[2]; }
  function geoStadsdelar(kommun, year) {
    const k = geoKommun(kommun);
    return k ? k.stadsdelar.filter(function (p) { return inPeriod(p, year); }).map(function (p) { return p[0]; }) : [];
  }
  function geoDelregionerFor(kommun, year) {
    const k = geoKommun(kommun);
    return k ? k.tillhor.filter(function (p) { return inPeriod(p, year); }).map(function (p) { return p[0]; }) : [];
  }
  function geoPairs(kommun, delregion, year) {
    const k = geoKommun(kommun);
    if (!k || delregion == null) return -1;
    let any = false;
    for (const p of k.tillhor) {
      if (!inPeriod(p, year)) continue;
      any = true;
      if (p[0] === delregion) return 1;
    }
    return any ? 0 : -1;
  }

  /* ================================================================
   * Personal identity numbers (pnr.c)
   * ================================================================ */
  function isDig(c) { return c >= '0' && c <= '9'; }
  function allDigits(s, i, n) {
    for (let k = 0; k < n; k++) if (!isDig(s[i + k] || '')) return false;
    return true;
  }
  function luhnOk(ten) {
    let sum = 0;
    for (let i = 0; i < 9; i++) {
      const v = (+ten[i]) * (i % 2 === 0 ? 2 : 1);
      sum += v > 9 ? v - 9 : v;
    }
    return (10 - sum % 10) % 10 === +ten[9];
  }
  function tryAt(s, i, datelen) {
    const n = s.length;
    const p = i + datelen;
    if (p > n || !allDigits(s, i, datelen)) return null;
    let seplen = 0;
    if (p < n && (s[p] === '-' || s[p] === '+')) seplen = 1;
    const end = p + seplen + 4;
    if (end > n || !allDigits(s, p + seplen, 4)) return null;
    if (end < n && isDig(s[end])) return null;
    const d = i + (datelen === 8 ? 2 : 0);
    let leap;
    if (datelen === 8) {
      const cc = +s.substr(i, 2);
      if (cc < 18 || cc > 20) return null;
      const y = cc * 100 + +s.substr(d, 2);
      leap = (y % 4 === 0 && y % 100 !== 0) || y % 400 === 0;
    } else {
      leap = +s.substr(d, 2) % 4 === 0;
    }
    const month = +s.substr(d + 2, 2);
    let day = +s.substr(d + 4, 2);
    if (month < 1 || month > 12) return null;
    if (day > 60) day -= 60;
    const dim = month === 2 && leap ? 29 : [31, 28, 31, 30, 31, 30, 31, 31, 30, 31, 30, 31][month - 1];
    if (day < 1 || day > dim) return null;
    const ten = s.substr(d, 6) + s.substr(p + seplen, 4);
    if (!luhnOk(ten)) return null;
    return { off: i, len: end - i, datelen: datelen };
  }
  function pnrFind(s, start) {
    for (let i = start; i < s.length; i++) {
      if (!isDig(s[i])) continue;
      if (i > 0 && isDig(s[i - 1])) continue;
      const hit = tryAt(s, i, 8) || tryAt(s, i, 6);
      if (hit) return hit;
    }
    return null;
  }
  function pnrMask(s, hit) {
    const dl = hit.datelen;
    return s.substr(hit.off, dl) + (s[hit.off + dl] === '+' ? '+' : '-') + '****';
  }

  /* ================================================================
   * The rule checks (check.c and its checkers). Each finding: code (a
   * key of DATA.diag), detail, node (where it belongs).
   * ================================================================ */
  function runRules(findings, lines) {
    const root = doc.documentElement;
    if (!isEl(root, 'arsberattelse')) return;
    const c = { year: parseYear(ckAttr(root, 'ar')), add: function (code, node, detail) {
      findings.push({ code: code, node: node, detail: detail });
    }, line: function (n) { return lines.get(n) || 0; } };
    const table = [['grupp', ckGrupp], ['inlamning', ckInlamning], ['sammansattning', ckSammansattning],
      ['moten', ckMoten], ['utbildningsinsatser', ckUtbildningsinsatser], ['avvikelser', ckAvvikelser]];
    const seen = {};
    for (let n = root.firstChild; n; n = n.nextSibling) {
      for (const [name, fn] of table) {
        if (!seen[name] && isEl(n, name)) { seen[name] = true; fn(c, n); }
      }
    }
    ckFreeText(c, root);
  }

  function ckGrupp(c, n) {
    const kel = ckChild(n, 'kommun'), sel = ckChild(n, 'stadsdel'), del = ckChild(n, 'delregion');
    const kommun = ckText(kel), stadsdel = ckText(sel), delregion = ckText(del);
    let kommunOk = false;
    if (kommun) {
      kommunOk = geoKommun(kommun) !== null;
      if (!kommunOk) {
        const names = GEO.kommuner.map(function (k) { return k.namn; });
        const s = suggest(kommun, names, null);
        if (s) c.add('KOMMUN', kel, fmt(M.KOMMUN_SUGGEST, [quote(kommun), names.length, s]));
        else c.add('KOMMUN', kel, fmt(M.KOMMUN, [quote(kommun), names.length]));
      }
    }
    if (kommunOk && !(stadsdel !== null && stadsdel === '')) checkStadsdel(c, kel, kommun, sel, stadsdel);
    if (delregion) checkDelregion(c, del, kommunOk ? kommun : null, delregion);
  }

  function checkStadsdel(c, kel, kommun, sel, stadsdel) {
    const k = geoKommun(kommun);
    const hasAny = k.stadsdelar.length > 0;
    if (stadsdel !== null && !hasAny) {
      c.add('STADSDEL_NOT_GBG', sel, fmt(M.STADSDEL_NOT_GBG, [kommun, quote(stadsdel)]));
      return;
    }
    if (!hasAny || c.year === 0) return;
    const list = geoStadsdelar(kommun, c.year).slice(0, 64);
    const joined = join(list, M.JOIN_AND);
    if (stadsdel === null) {
      if (list.length > 0) c.add('STADSDEL_MISSING', kel, fmt(M.STADSDEL_MISSING, [kommun, c.year, joined]));
    } else if (list.length === 0) {
      c.add('STADSDEL', sel, fmt(M.STADSDEL_NONE, [kommun, c.year, quote(stadsdel)]));
    } else if (list.indexOf(stadsdel) < 0) {
      const q = quote(stadsdel);
      const p = k.stadsdelar.find(function (x) { return x[0] === stadsdel; });
      const s = suggest(stadsdel, list, null);
      const hint = s ? fmt(M.STADSDEL_SUGGEST, [s]) : '';
      if (p && p[2] === 9999) c.add('STADSDEL', sel, fmt(M.STADSDEL_FROM, [q, p[1], c.year, c.year, joined, hint]));
      else if (p) c.add('STADSDEL', sel, fmt(M.STADSDEL_PERIOD, [q, p[1], p[2], c.year, c.year, joined, hint]));
      else c.add('STADSDEL', sel, fmt(M.STADSDEL_UNKNOWN, [q, kommun, c.year, c.year, joined, hint]));
    }
  }

  function checkDelregion(c, el, kommun, delregion) {
    const names = GEO.delregioner.map(function (d) { return d.namn; });
    if (names.indexOf(delregion) < 0) {
      const ids = GEO.delregioner.map(function (d) { return d.id; });
      const s = suggest(delregion, names, ids);
      const all = join(names, M.JOIN_AND);
      if (s) c.add('DELREGION', el, fmt(M.DELREGION_SUGGEST, [quote(delregion), all, s]));
      else c.add('DELREGION', el, fmt(M.DELREGION, [quote(delregion), all]));
      return;
    }
    if (kommun === null || c.year === 0) return;
    if (geoPairs(kommun, delregion, c.year) !== 0) return;
    const list = geoDelregionerFor(kommun, c.year).slice(0, 8);
    c.add('DELREGION_PAIR', el, fmt(M.DELREGION_PAIR, [kommun, c.year, join(list, M.JOIN_OR), delregion]));
  }

  function ckInlamning(c, n) {
    if (c.year === 0) return;
    const s = ckAttr(n, 'datum');
    const dt = parseDate(s);
    if (!dt) return;
    const deadline = { y: c.year + 1, m: 3, d: 1 };
    if (dt.y <= c.year) c.add('HANDIN_TOO_EARLY', n, fmt(M.HANDIN_TOO_EARLY, [s, c.year, c.year + 1]));
    else if (dateCmp(dt, deadline) > 0) c.add('LATE', n, fmt(M.LATE, [s, deadline.y, deadline.m, deadline.d]));
  }

  function who(c, m) {
    const name = ckText(ckChild(m, 'namn'));
    return name ? quote(name) : fmt(M.MEMBER_AT_LINE, [c.line(m)]);
  }

  function ckSammansattning(c, n) {
    const roles = ['ordforande', 'ledamot', 'sekreterare', 'adjungerad'];
    let first = null, members = 0, chairs = 0, malformed = false;
    for (const m of ckChildren(n, 'medlem')) {
      members++;
      const roll = ckAttr(m, 'roll');
      if (roles.indexOf(roll) < 0) malformed = true;
      if (roll === 'ordforande') {
        if (chairs++ === 0) first = m;
        else c.add('MANY_CHAIRS', m, fmt(M.MANY_CHAIRS, [who(c, first), c.line(first), who(c, m)]));
      }
    }
    if (chairs === 0 && members > 0 && !malformed) c.add('NO_CHAIR', n, M.NO_CHAIR);

    const kinds = ['kommun', 'region', 'annan'];
    let kommun = false, region = false;
    members = 0;
    for (const m of ckChildren(n, 'medlem')) {
      members++;
      const h = ckText(ckChild(m, 'huvudman'));
      const ok = kinds.indexOf(h) >= 0;
      if (ok && h === 'kommun') kommun = true;
      else if (ok && h === 'region') region = true;
      if (!ok) return;
    }
    if (members === 0 || (kommun && region)) return;
    const missing = kommun ? M.PRINCIPAL_REGION : region ? M.PRINCIPAL_KOMMUN : M.PRINCIPAL_EITHER;
    c.add('PRINCIPALS', n, fmt(M.PRINCIPALS, [missing]));
  }

  function dateInYear(c, n, what, where) {
    if (c.year === 0) return;
    const s = ckAttr(n, 'datum');
    const dt = parseDate(s);
    if (dt && dt.y !== c.year) c.add('DATE_OUTSIDE_YEAR', n, fmt(M.DATE_OUTSIDE_YEAR, [what, s, where, c.year]));
  }
  function listedItems(c, n, child, what, section, code, label, one, many) {
    let listed = 0;
    for (const m of ckChildren(n, child)) {
      listed++;
      dateInYear(c, m, what, section);
    }
    const want = parseCount(ckAttr(n, 'antal'));
    if (listed > 0 && want >= 0 && want !== listed) {
      c.add(code, n, fmt(M.COUNT, [section, label, want, listed, listed === 1 ? one : many]));
    }
    return want;
  }
  function ckMoten(c, n) {
    listedItems(c, n, 'mote', M.MOTE_WHAT, M.MOTE_SECTION, 'COUNT_MOTEN', M.MOTE_LABEL, M.MOTE_ONE, M.MOTE_MANY);
  }
  function ckUtbildningsinsatser(c, n) {
    for (const m of ckChildren(n, 'insats')) dateInYear(c, m, M.INSATS_WHAT, M.INSATS_SECTION);
  }
  function ckAvvikelser(c, n) {
    const want = listedItems(c, n, 'avvikelse', M.AVVIKELSE_WHAT, M.AVVIKELSE_SECTION, 'COUNT_AVVIKELSER',
      M.AVVIKELSE_LABEL, M.AVVIKELSE_ONE, M.AVVIKELSE_MANY);
    if (want > 0 && ckChild(n, 'analys') === null) c.add('NO_ANALYSIS', n, fmt(M.NO_ANALYSIS, [want]));
  }

  function pnrWhere(holder) {
    let section = null, field = null, avv = false;
    for (let p = holder; p && p.nodeType === 1; p = p.parentNode) {
      if (!isEl(p)) continue;
      if (field === null) {
        const f = DATA.pnrFalt.find(function (x) { return x[0] === p.localName; });
        if (f) field = f[1];
      }
      const s = DATA.pnrAvsnitt.find(function (x) { return x[0] === p.localName; });
      if (s) {
        section = s[1];
        if (s[0] === 'avvikelser') avv = true;
        break;
      }
    }
    let w;
    if (section && field) w = fmt(M.PNR_WHERE, [section, field]);
    else w = section || field || M.PNR_ANYWHERE;
    return { where: w, avv: avv };
  }
  function ckFreeText(c, root) {
    const walker = doc.createTreeWalker(root, NodeFilter.SHOW_TEXT | NodeFilter.SHOW_CDATA_SECTION | NodeFilter.SHOW_COMMENT);
    for (let n = walker.nextNode(); n; n = walker.nextNode()) {
      const text = n.data;
      let pos = 0, hit;
      while ((hit = pnrFind(text, pos)) !== null) {
        const mask = pnrMask(text, hit);
        let w, avv = false;
        if (n.nodeType === 8) w = M.PNR_IN_COMMENT;
        else { const r = pnrWhere(n.parentNode); w = r.where; avv = r.avv; }
        c.add('PERSONNUMMER', n.nodeType === 8 ? root : n.parentNode,
          fmt(M.PERSONNUMMER, [mask, w, avv ? M.PNR_WHY_AVVIKELSE : M.PNR_WHY_REPORT]));
        pos = hit.off + hit.len;
      }
    }
  }

  /* ================================================================
   * Line numbers: where each element's start tag ends in the file that
   * is (or would be) saved, as libxml2 counts them for `validera`.
   * ================================================================ */
  function startTagLines(text) {
    const lines = [];
    let line = 1, i = 0;
    const n = text.length;
    function adv(to) {
      for (; i < to; i++) if (text.charCodeAt(i) === 10) line++;
    }
    while (i < n) {
      const lt = text.indexOf('<', i);
      if (lt < 0) break;
      adv(lt);
      if (text.startsWith('<!--', i)) { adv(idx(text.indexOf('-->', i), 3)); continue; }
      if (text.startsWith('<![CDATA[', i)) { adv(idx(text.indexOf(']]>', i), 3)); continue; }
      if (text.startsWith('<?', i) || text.startsWith('</', i) || text.startsWith('<!', i)) {
        adv(idx(text.indexOf('>', i), 1));
        continue;
      }
      /* A start tag: attribute values may hold '>' but not '<'. */
      let j = i + 1, q = null;
      for (; j < n; j++) {
        const ch = text[j];
        if (q) { if (ch === q) q = null; } else if (ch === '"' || ch === "'") q = ch; else if (ch === '>') break;
      }
      adv(j);
      lines.push(line);
      adv(j + 1);
    }
    return lines;
    function idx(k, len) { return k < 0 ? n : k + len; }
  }
  function lineMap() {
    const text = sourceText !== null ? sourceText : serialize();
    const lines = startTagLines(text);
    const map = new Map();
    const all = doc.getElementsByTagName('*');
    for (let k = 0; k < all.length && k < lines.length; k++) map.set(all[k], lines[k]);
    return map;
  }

  /* ================================================================
   * Field checks: what the schema says about one field.
   * ================================================================ */
  function term(key) {
    return DATA.termer[key] || key;
  }
  function fieldFindings(findings) {
    for (const f of boundFields) {
      const v = f.get();
      if (v === null) {
        if (f.requiredMissing) findings.push({ code: 'SCHEMA', node: f.node(), fieldId: f.id, detail: f.requiredMissing });
        continue;
      }
      const t = collapse(v);
      const what = f.what;
      if (f.kind === 'enum') {
        const allowed = LISTS[f.list].map(function (x) { return x[0]; });
        if (allowed.indexOf(t) >= 0) continue;
        if (t === '') findings.push({ code: 'BLANK', fieldId: f.id, detail: what + '; välj ett av: ' + allowed.join(', ') });
        else findings.push({ code: 'SCHEMA', fieldId: f.id, detail: what + ": '" + t + "' är inte ett tillåtet värde; välj ett av: " + allowed.join(', ') });
      } else if (f.kind === 'date') {
        if (t === '') { if (f.required) findings.push({ code: 'BLANK', fieldId: f.id, detail: what }); }
        else if (!parseDate(t)) findings.push({ code: 'SCHEMA', fieldId: f.id, detail: what + ": '" + t + "' är inte ett giltigt datum; skriv ÅÅÅÅ-MM-DD, t.ex. 2019-03-14" });
      } else if (f.kind === 'count') {
        if (t === '') { if (f.required) findings.push({ code: 'BLANK', fieldId: f.id, detail: what }); }
        else if (!/^[0-9]{1,6}$/.test(t)) findings.push({ code: 'SCHEMA', fieldId: f.id, detail: what + " ska vara ett heltal, 0 eller större, inte '" + t + "'" });
      } else if (f.kind === 'year') {
        if (t === '') findings.push({ code: 'BLANK', fieldId: f.id, detail: what });
        else if (!/^[0-9]{4}$/.test(t)) findings.push({ code: 'SCHEMA', fieldId: f.id, detail: what + " ska skrivas med fyra siffror, t.ex. 2019, inte '" + t + "'" });
      } else {
        if (t === '') {
          if (f.type !== 'Anteckning') findings.push({ code: 'BLANK', fieldId: f.id, detail: what });
        } else if (f.type === 'Epost' && !/^[^@\s]+@[^@\s]+\.[^@\s]+$/.test(t)) {
          findings.push({ code: 'SCHEMA', fieldId: f.id, detail: "'" + t + "' är inte en giltig e-postadress" });
        } else if (MAX[f.type] && Array.from(t).length > MAX[f.type]) {
          findings.push({ code: 'SCHEMA', fieldId: f.id, detail: what + ' är för lång (' + Array.from(t).length + ' tecken, högst ' + MAX[f.type] + ')' });
        }
      }
    }
  }

  /* ================================================================
   * Editing the report tree, keeping its layout
   * ================================================================ */
  const ROOT_ORDER = ['grupp', 'inlamning', 'sammansattning', 'moten', 'utbildningsinsatser', 'avvikelser', 'reflektion', 'planering'];

  function indentOf(el) {
    const prev = el.previousSibling;
    if (prev && prev.nodeType === 3) {
      const k = prev.data.lastIndexOf('\n');
      if (k >= 0 && /^[ \t]*$/.test(prev.data.slice(k + 1))) return prev.data.slice(k + 1);
    }
    return el === doc.documentElement ? '' : null;
  }
  function childIndent(parent) {
    for (let n = parent.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 1) {
        const i = indentOf(n);
        if (i !== null) return i;
      }
    }
    const pi = indentOf(parent);
    return (pi === null ? '' : pi) + '  ';
  }
  function isBlankText(n) { return n && n.nodeType === 3 && /^[ \t\r\n]*$/.test(n.data); }

  /* Inserts el into parent before ref (null: at the end), on its own line. */
  function insertPretty(parent, el, ref) {
    const ci = childIndent(parent);
    const pi = indentOf(parent);
    let hasEl = false;
    for (let n = parent.firstChild; n; n = n.nextSibling) if (n.nodeType !== 3 || !isBlankText(n)) hasEl = true;
    if (!hasEl) {
      while (parent.firstChild) parent.removeChild(parent.firstChild);
      parent.appendChild(doc.createTextNode('\n' + ci));
      parent.appendChild(el);
      parent.appendChild(doc.createTextNode('\n' + (pi === null ? '' : pi)));
      return el;
    }
    if (ref === null) {
      /* Before the whitespace that precedes the end tag. */
      const last = parent.lastChild;
      if (isBlankText(last)) {
        parent.insertBefore(doc.createTextNode('\n' + ci), last);
        parent.insertBefore(el, last);
      } else {
        parent.appendChild(doc.createTextNode('\n' + ci));
        parent.appendChild(el);
      }
    } else {
      const before = isBlankText(ref.previousSibling) ? ref.previousSibling : ref;
      parent.insertBefore(doc.createTextNode('\n' + ci), before);
      parent.insertBefore(el, before);
    }
    return el;
  }
  function removePretty(el) {
    const prev = el.previousSibling;
    if (isBlankText(prev)) prev.parentNode.removeChild(prev);
    el.parentNode.removeChild(el);
  }
  function swap(a, b) {
    const ph = doc.createTextNode('');
    const p = a.parentNode;
    p.replaceChild(ph, a);
    p.replaceChild(a, b);
    p.replaceChild(b, ph);
  }
  function mk(name, attrs, children) {
    const el = doc.createElementNS(NS, name);
    for (const k in attrs || {}) el.setAttribute(k, attrs[k]);
    return { el: el, children: children || [] };
  }
  /* Builds a new element with its children laid out under parent. */
  function build(parent, spec, ref) {
    insertPretty(parent, spec.el, ref);
    for (const c of spec.children) {
      if (typeof c === 'string') spec.el.appendChild(doc.createTextNode(c));
      else build(spec.el, c, null);
    }
    return spec.el;
  }
  /* The child name of parent, created (empty) at its place when missing. */
  function ensure(parent, name) {
    let el = ckChild(parent, name);
    if (el) return el;
    let ref = null;
    if (parent === doc.documentElement) {
      const k = ROOT_ORDER.indexOf(name);
      for (let n = parent.firstChild; n && ref === null; n = n.nextSibling) {
        if (isEl(n) && ROOT_ORDER.indexOf(n.localName) > k) ref = n;
      }
    } else if (parent.localName === 'avvikelser' && name !== 'analys') {
      ref = ckChild(parent, 'analys');
    }
    return build(parent, mk(name), ref);
  }
  function elementPath(parentFn, name) {
    return function (create) {
      const p = parentFn(create);
      if (!p) return null;
      return create ? ensure(p, name) : ckChild(p, name);
    };
  }
  function rootEl() { return doc.documentElement; }

  /* Text of an element as one field (simple content). */
  function setText(el, v) {
    while (el.firstChild) el.removeChild(el.firstChild);
    if (v !== '') el.appendChild(doc.createTextNode(v));
  }
  /* Paragraph text (Fritext: stycke children) as "p1\n\np2". */
  function paragraphs(el) {
    const st = ckChildren(el, 'stycke');
    if (st.length === 0) return collapse(el.textContent);
    return st.map(function (s) { return collapse(s.textContent); }).join('\n\n');
  }
  function setParagraphs(el, v, mixed) {
    const parts = v.split(/\n[ \t]*\n/).map(function (s) { return s.trim(); }).filter(function (s) { return s !== ''; });
    while (el.firstChild) el.removeChild(el.firstChild);
    if (mixed && parts.length <= 1) {
      if (parts.length) el.appendChild(doc.createTextNode(parts[0]));
      return;
    }
    if (parts.length === 0) parts.push('');
    for (const p of parts) build(el, mk('stycke', null, [p]), null);
  }

  /* ================================================================
   * The form: built from the report tree; every field bound to a node
   * ================================================================ */
  let boundFields = [];
  const area = document.getElementById('faltyta');

  function h(tag, attrs, kids) {
    const e = document.createElement(tag);
    for (const k in attrs || {}) {
      if (attrs[k] === null || attrs[k] === undefined || attrs[k] === false) continue;
      if (k === 'text') e.textContent = attrs[k];
      else if (k.startsWith('on')) e.addEventListener(k.slice(2), attrs[k]);
      else e.setAttribute(k, attrs[k] === true ? '' : attrs[k]);
    }
    for (const c of kids || []) if (c) e.appendChild(typeof c === 'string' ? document.createTextNode(c) : c);
    return e;
  }

  /*
   * One field. spec: label, help, kind (text|area|para|enum|date|count|
   * year|check), list (enum), type (schema text type), required,
   * get()/set(v) on the report, anchor (report node shown by it), what
   * (the schema's name for it), datalist (suggested values).
   */
  function field(spec) {
    const id = 'f' + (++fieldSeq);
    const helpId = id + '-hjalp', errId = id + '-fel';
    let control;
    const cur = spec.get();
    const value = cur === null ? '' : cur;
    if (spec.kind === 'enum') {
      control = h('select', { id: id, class: spec.short ? 'kort' : null });
      control.appendChild(h('option', { value: '', text: 'Välj …' }));
      let found = value === '';
      for (const [v, l] of LISTS[spec.list]) {
        control.appendChild(h('option', { value: v, text: l }));
        if (v === collapse(value)) found = true;
      }
      if (!found) control.appendChild(h('option', { value: value, text: value + ' (inte ett tillåtet värde)' }));
      control.value = found ? collapse(value) : value;
    } else if (spec.kind === 'area' || spec.kind === 'para') {
      control = h('textarea', { id: id, rows: spec.rows || 4 });
      control.value = value;
    } else if (spec.kind === 'check') {
      control = h('input', { id: id, type: 'checkbox' });
      control.checked = value === 'ja';
    } else {
      let type = 'text';
      if (spec.kind === 'date' && (value === '' || parseDate(collapse(value)))) type = 'date';
      if (spec.type === 'Epost') type = 'email';
      if (spec.type === 'Telefon') type = 'tel';
      control = h('input', { id: id, type: type, class: spec.kind === 'count' || spec.kind === 'year' || spec.kind === 'date' ? 'kort' : null,
        inputmode: spec.kind === 'count' || spec.kind === 'year' ? 'numeric' : null,
        autocomplete: spec.autocomplete || 'off', list: spec.datalist ? id + '-lista' : null,
        placeholder: spec.kind === 'date' && type === 'text' ? 'ÅÅÅÅ-MM-DD' : null });
      control.value = spec.kind === 'date' ? collapse(value) : value;
    }
    if (spec.required && spec.kind !== 'check') control.setAttribute('aria-required', 'true');
    control.setAttribute('aria-describedby', (spec.help ? helpId + ' ' : '') + errId);
    const onChange = function () {
      let v;
      if (spec.kind === 'check') v = control.checked ? 'ja' : '';
      else v = control.value;
      spec.set(v);
      changed();
    };
    control.addEventListener(spec.kind === 'enum' || spec.kind === 'check' ? 'change' : 'input', onChange);

    const label = h('label', { for: id, text: spec.label + (spec.required || spec.conditional ? '' : ' (frivilligt)') });
    const wrap = spec.kind === 'check'
      ? h('div', { class: 'falt kryss' }, [control, label])
      : h('div', { class: 'falt' }, [label, spec.help ? h('span', { class: 'hjalp', id: helpId, text: spec.help }) : null, control]);
    if (spec.kind === 'check' && spec.help) wrap.appendChild(h('span', { class: 'hjalp', id: helpId, text: spec.help }));
    if (spec.datalist) {
      const dl = h('datalist', { id: id + '-lista' });
      for (const v of spec.datalist) dl.appendChild(h('option', { value: v }));
      wrap.appendChild(dl);
    }
    wrap.appendChild(h('ul', { class: 'meddelanden', id: errId }));
    const f = { id: id, kind: spec.kind, list: spec.list, type: spec.type, required: spec.required,
      what: spec.what, get: spec.get, node: spec.node || function () { return null; },
      requiredMissing: spec.requiredMissing };
    boundFields.push(f);
    fieldInfo.set(id, { label: spec.label });
    if (spec.anchor) for (const a of [].concat(spec.anchor)) if (a) anchors.set(a, id);
    return wrap;
  }

  /* Binds a simple-content element child of parentFn(). */
  function textField(parentFn, name, spec) {
    const elFn = elementPath(parentFn, name);
    const el = elFn(false);
    return field(Object.assign({
      kind: 'text', type: 'Namn',
      get: function () { const e = elFn(false); return e ? e.textContent : null; },
      set: function (v) {
        if (v.trim() === '' && !spec.required) { const e = elFn(false); if (e) removePretty(e); return; }
        setText(elFn(true), v);
      },
      anchor: el,
      requiredMissing: null,
    }, spec));
  }
  function attrField(elFn, name, spec) {
    const el = elFn(false);
    return field(Object.assign({
      get: function () { const e = elFn(false); return e && e.hasAttribute(name) ? e.getAttribute(name) : null; },
      set: function (v) {
        if (v === '' && !spec.required) { const e = elFn(false); if (e) e.removeAttribute(name); return; }
        elFn(true).setAttribute(name, v);
      },
      anchor: spec.anchorEl ? el : null,
    }, spec));
  }
  function paraField(parentFn, name, spec) {
    const elFn = elementPath(parentFn, name);
    return field(Object.assign({
      kind: 'para', type: 'Text', rows: 6,
      get: function () { const e = elFn(false); return e ? paragraphs(e) : null; },
      set: function (v) {
        if (v.trim() === '' && !spec.required) { const e = elFn(false); if (e) removePretty(e); return; }
        setParagraphs(elFn(true), v, !!spec.mixed);
      },
      anchor: elFn(false),
    }, spec));
  }

  function section(id, title, intro, kids) {
    return h('section', { class: 'avsnitt', id: id, 'aria-labelledby': id + '-rubrik' },
      [h('h2', { id: id + '-rubrik', text: title }), intro ? h('p', { text: intro }) : null].concat(kids));
  }

  /* Buttons to move and remove row el among its same-named siblings. */
  function rowButtons(el, noun, num, refocus) {
    const sibs = ckChildren(el.parentNode, el.localName);
    const k = sibs.indexOf(el);
    const kids = [];
    if (k > 0) kids.push(h('button', { type: 'button', text: 'Flytta upp', 'aria-label': 'Flytta upp ' + noun + ' ' + num,
      onclick: function () { swap(sibs[k - 1], el); changed(true); refocus('upp', el); } }));
    if (k < sibs.length - 1) kids.push(h('button', { type: 'button', text: 'Flytta ned', 'aria-label': 'Flytta ned ' + noun + ' ' + num,
      onclick: function () { swap(el, sibs[k + 1]); changed(true); refocus('ned', el); } }));
    kids.push(h('button', { type: 'button', text: 'Ta bort', 'aria-label': 'Ta bort ' + noun + ' ' + num,
      onclick: function () { removePretty(el); changed(true); refocus('bort', el); } }));
    return h('div', { class: 'rad-knappar' }, kids);
  }

  let focusAfter = null; /* {kind, el} after a re-render */

  function render() {
    anchors = new Map();
    fieldInfo = new Map();
    boundFields = [];
    fieldSeq = 0;
    const active = document.activeElement && document.activeElement.id;
    area.textContent = '';
    const root = rootEl();
    const grupp = function (c) { return c ? ensure(root, 'grupp') : ckChild(root, 'grupp'); };
    const inl = function (c) { return c ? ensure(root, 'inlamning') : ckChild(root, 'inlamning'); };
    const kontakt = elementPath(inl, 'kontaktperson');
    const year = parseYear(ckAttr(root, 'ar'));
    const kommun = ckText(ckChild(ckChild(root, 'grupp'), 'kommun')) || '';

    /* ---- title block ---- */
    area.appendChild(section('gruppen', 'Gruppen och året', 'Vilken lokal Västbusgrupp som lämnar berättelsen, och för vilket år.', [
      attrField(function () { return root; }, 'ar', { kind: 'year', label: 'Redovisningsår', required: true,
        help: 'Året berättelsen gäller (inte året den lämnas in), fyra siffror, t.ex. 2019.', what: term('arsberattelse/@ar') + ' i ' + term('/arsberattelse'), anchorEl: false }),
      textField(grupp, 'namn', { label: 'Gruppens namn', required: true, help: 'T.ex. Lokala Västbusgruppen i Ale.', what: term('grupp/namn') }),
      h('div', { class: 'tva' }, [
        textField(grupp, 'kommun', { label: 'Kommun', required: true, help: 'Kommunens namn som kommunen själv stavar det.',
          what: term('grupp/kommun'), datalist: GEO.kommuner.map(function (k) { return k.namn; }) }),
        textField(grupp, 'stadsdel', { label: 'Stadsdel', required: false, help: 'Bara för grupper i Göteborg.',
          what: term('grupp/stadsdel'), datalist: year ? geoStadsdelar(kommun, year) : [] }),
      ]),
      textField(grupp, 'delregion', { label: 'Delregion', required: true, help: 'Göteborgsregionen, Fyrbodal, Skaraborg eller Södra Älvsborg.',
        what: term('grupp/delregion'), datalist: GEO.delregioner.map(function (d) { return d.namn; }) }),
    ]));

    /* ---- hand-in ---- */
    area.appendChild(section('inlamning', 'Inlämning och kontaktperson', null, [
      attrField(inl, 'datum', { kind: 'date', label: 'Inlämningsdatum', required: true, anchorEl: true,
        help: 'Dagen ni skickar berättelsen: efter redovisningsåret, senast 1 mars året efter.', what: term('inlamning/@datum') + ' i ' + term('arsberattelse/inlamning') }),
      textField(kontakt, 'namn', { label: 'Kontaktpersonens namn', required: true, what: term('kontaktperson/namn'), autocomplete: 'name' }),
      h('div', { class: 'tva' }, [
        textField(kontakt, 'epost', { label: 'Kontaktpersonens e-post', required: true, type: 'Epost', what: term('kontaktperson/epost'), autocomplete: 'email' }),
        textField(kontakt, 'telefon', { label: 'Kontaktpersonens telefon', required: false, type: 'Telefon', what: term('kontaktperson/telefon'), autocomplete: 'tel' }),
      ]),
    ]));

    /* ---- 1 members ---- */
    const sam = ckChild(root, 'sammansattning');
    const samFn = function (c) { return c ? ensure(root, 'sammansattning') : ckChild(root, 'sammansattning'); };
    const members = ckChildren(sam, 'medlem');
    const memberRows = members.map(function (m, i) {
      const mf = function () { return m; };
      const num = i + 1;
      const name = ckText(ckChild(m, 'namn'));
      const fs = h('fieldset', { class: 'rad' }, [
        h('legend', { text: 'Medlem ' + num + (name ? ': ' + name : '') }),
        h('div', { class: 'tva' }, [
          attrField(mf, 'roll', { kind: 'enum', list: 'roll', label: 'Roll', required: true, what: term('medlem/@roll') + ' i ' + term('sammansattning/medlem'), anchorEl: true, short: true }),
          textField(mf, 'namn', { label: 'Namn', required: true, what: term('medlem/namn') }),
          textField(mf, 'funktion', { label: 'Funktion', required: true, help: 'T.ex. Enhetschef, Rektor.', what: term('medlem/funktion') }),
          textField(mf, 'organisation', { label: 'Organisation', required: true, help: 'T.ex. BUP Alingsås.', what: term('medlem/organisation') }),
          textField(mf, 'verksamhet', { kind: 'enum', list: 'verksamhet', label: 'Verksamhet', required: true, what: term('medlem/verksamhet') }),
          textField(mf, 'huvudman', { kind: 'enum', list: 'huvudman', label: 'Huvudman', required: true, what: term('medlem/huvudman') }),
        ]),
        rowButtons(m, 'medlem', num, refocusRow('medlem')),
      ]);
      fs.dataset.rad = 'medlem-' + num;
      return fs;
    });
    const addMember = h('button', { type: 'button', class: 'lagg-till', id: 'ny-medlem', text: 'Lägg till medlem',
      onclick: function () {
        build(samFn(true), mk('medlem', { roll: 'ledamot' }, [mk('namn'), mk('funktion'), mk('organisation'), mk('verksamhet'), mk('huvudman')]), null);
        focusAfter = { row: 'medlem', index: ckChildren(samFn(false), 'medlem').length };
        changed(true);
      } });
    /* Findings about the whole list belong to the first member's role. */
    if (sam) anchors.set(sam, members.length ? anchors.get(members[0]) : null);
    area.appendChild(section('del1', '1. Gruppens sammansättning',
      'En rad per medlem. Gruppen ska ha exakt en ordförande och bör ha medlemmar från både kommun och region.',
      memberRows.concat([addMember])));

    /* ---- 2 meetings ---- */
    const motenFn = function (c) { return c ? ensure(root, 'moten') : ckChild(root, 'moten'); };
    const moten = ckChild(root, 'moten');
    const meetRows = ckChildren(moten, 'mote').map(function (m, i) {
      const mf = function () { return m; };
      const num = i + 1;
      const fs = h('fieldset', { class: 'rad' }, [
        h('legend', { text: 'Möte ' + num }),
        h('div', { class: 'tva' }, [
          attrField(mf, 'datum', { kind: 'date', label: 'Datum', required: true, anchorEl: true, what: term('mote/@datum') + ' i ' + term('moten/mote') }),
          field({ kind: 'text', type: 'Anteckning', label: 'Anteckning', required: false, help: 'T.ex. Gemensamt möte med elevhälsan.',
            what: term('moten/mote'), get: function () { return m.textContent; }, set: function (v) { setText(m, v); } }),
        ]),
        rowButtons(m, 'möte', num, refocusRow('mote')),
      ]);
      fs.dataset.rad = 'mote-' + num;
      return fs;
    });
    area.appendChild(section('del2', '2. Antal möten', 'Hur många möten gruppen höll under året. Lista gärna mötena med datum; då ska de vara lika många som antalet.', [
      attrField(motenFn, 'antal', { kind: 'count', label: 'Antal möten', required: true, anchorEl: true, what: term('moten/@antal') + ' i ' + term('arsberattelse/moten'),
        requiredMissing: moten ? null : 'avsnitt 2, Antal möten, saknas' }),
    ].concat(meetRows, [h('button', { type: 'button', class: 'lagg-till', id: 'nytt-mote', text: 'Lägg till möte',
      onclick: function () {
        build(motenFn(true), mk('mote', { datum: '' }), null);
        focusAfter = { row: 'mote', index: ckChildren(motenFn(false), 'mote').length };
        changed(true);
      } })])));

    /* ---- 3 training ---- */
    const utbFn = function (c) { return c ? ensure(root, 'utbildningsinsatser') : ckChild(root, 'utbildningsinsatser'); };
    const utb = ckChild(root, 'utbildningsinsatser');
    const insRows = ckChildren(utb, 'insats').map(function (m, i) {
      const mf = function () { return m; };
      const num = i + 1;
      const fs = h('fieldset', { class: 'rad' }, [
        h('legend', { text: 'Utbildningsinsats ' + num }),
        textField(mf, 'titel', { label: 'Titel', required: true, type: 'Rubrik', what: term('insats/titel') }),
        h('div', { class: 'tva' }, [
          attrField(mf, 'datum', { kind: 'date', label: 'Datum', required: true, anchorEl: true, help: 'Första dagen om insatsen pågick flera dagar.', what: term('insats/@datum') + ' i ' + term('utbildningsinsatser/insats') }),
          attrField(mf, 'deltagare', { kind: 'count', label: 'Antal deltagare', required: false, what: term('insats/@deltagare') + ' i ' + term('utbildningsinsatser/insats') }),
        ]),
        textField(mf, 'malgrupp', { label: 'Målgrupp', required: false, type: 'Rubrik', what: term('insats/malgrupp') }),
        textField(mf, 'arrangor', { label: 'Arrangör', required: false, type: 'Rubrik', what: term('insats/arrangor') }),
        paraField(mf, 'beskrivning', { label: 'Beskrivning', required: false, mixed: true, rows: 3, what: term('insats/beskrivning'),
          help: 'Stycken skiljs åt med en tom rad.' }),
        rowButtons(m, 'utbildningsinsats', num, refocusRow('insats')),
      ]);
      fs.dataset.rad = 'insats-' + num;
      return fs;
    });
    area.appendChild(section('del3', '3. Utbildningsinsatser', 'De utbildningsinsatser som genomfördes under året. Lämna tomt om inga genomfördes.',
      insRows.concat([h('button', { type: 'button', class: 'lagg-till', id: 'ny-insats', text: 'Lägg till utbildningsinsats',
        onclick: function () {
          build(utbFn(true), mk('insats', { datum: '' }, [mk('titel')]), null);
          focusAfter = { row: 'insats', index: ckChildren(utbFn(false), 'insats').length };
          changed(true);
        } })])));

    /* ---- 4 deviations ---- */
    const avvFn = function (c) { return c ? ensure(root, 'avvikelser') : ckChild(root, 'avvikelser'); };
    const avv = ckChild(root, 'avvikelser');
    const avvRows = ckChildren(avv, 'avvikelse').map(function (m, i) {
      const mf = function () { return m; };
      const num = i + 1;
      const part = function (name, label) {
        const pf = elementPath(mf, name);
        return h('div', { class: 'tva' }, [
          textField(mf, name, { label: label, required: true, help: 'Organisationens namn.', what: term('avvikelse/' + name) }),
          attrField(pf, 'verksamhet', { kind: 'enum', list: 'verksamhet', label: label + ': verksamhet', required: true,
            what: term(name + '/@verksamhet') + ' i ' + term('avvikelse/' + name) }),
        ]);
      };
      const fs = h('fieldset', { class: 'rad' }, [
        h('legend', { text: 'Avvikelse ' + num }),
        h('div', { class: 'tva' }, [
          attrField(mf, 'datum', { kind: 'date', label: 'Datum', required: true, anchorEl: true, help: 'Då avvikelsen inträffade eller rapporterades.', what: term('avvikelse/@datum') + ' i ' + term('avvikelser/avvikelse') }),
          attrField(mf, 'kategori', { kind: 'enum', list: 'kategori', label: 'Kategori', required: true, what: term('avvikelse/@kategori') + ' i ' + term('avvikelser/avvikelse') }),
          attrField(mf, 'status', { kind: 'enum', list: 'status', label: 'Status', required: true, what: term('avvikelse/@status') + ' i ' + term('avvikelser/avvikelse') }),
        ]),
        attrField(mf, 'systemfel', { kind: 'check', label: 'Återkommande systemfel i samverkan', required: false, what: term('avvikelse/@systemfel') }),
        part('rapporterande', 'Rapporterande part'),
        part('berord', 'Berörd part'),
        paraField(mf, 'beskrivning', { label: 'Beskrivning', required: true, mixed: true, rows: 4, what: term('avvikelse/beskrivning'),
          help: 'Vad som hände, på strukturnivå. Inga personnummer eller annat som pekar ut ett barn.' }),
        textField(mf, 'atgard', { kind: 'area', label: 'Åtgärd', required: false, type: 'Text', rows: 3, what: term('avvikelse/atgard') }),
        rowButtons(m, 'avvikelse', num, refocusRow('avvikelse')),
      ]);
      fs.dataset.rad = 'avvikelse-' + num;
      return fs;
    });
    const analysFn = elementPath(avvFn, 'analys');
    area.appendChild(section('del4', '4. Avvikelser', 'Antal avvikelser under året och gruppens analys av dem. Lista gärna varje avvikelse; då ska de vara lika många som antalet.', [
      attrField(avvFn, 'antal', { kind: 'count', label: 'Antal avvikelser', required: true, anchorEl: true, what: term('avvikelser/@antal') + ' i ' + term('arsberattelse/avvikelser'),
        requiredMissing: avv ? null : 'avsnitt 4, Avvikelser, saknas' }),
    ].concat(avvRows, [
      h('button', { type: 'button', class: 'lagg-till', id: 'ny-avvikelse', text: 'Lägg till avvikelse',
        onclick: function () {
          build(avvFn(true), mk('avvikelse', { datum: '', kategori: '', status: '' },
            [mk('rapporterande', { verksamhet: '' }), mk('berord', { verksamhet: '' }), mk('beskrivning')]), ckChild(avvFn(false), 'analys'));
          focusAfter = { row: 'avvikelse', index: ckChildren(avvFn(false), 'avvikelse').length };
          changed(true);
        } }),
      paraField(avvFn, 'analys', { label: 'Analys av avvikelserna', required: false, conditional: true, rows: 6, what: term('analys/stycke'),
        help: 'Krävs när antalet avvikelser är större än noll. Stycken skiljs åt med en tom rad.' }),
    ])));

    /* ---- 5, 6 ---- */
    area.appendChild(section('del5', '5. Reflektion', null, [
      paraField(function () { return root; }, 'reflektion', { label: 'Gruppens reflektion över året', required: false, rows: 6,
        what: term('reflektion/stycke'), help: 'Vad fungerade, vad var svårt? Stycken skiljs åt med en tom rad.' }),
    ]));
    area.appendChild(section('del6', '6. Planering inför kommande år', null, [
      paraField(function () { return root; }, 'planering', { label: 'Planering och utbildningsbehov', required: false, rows: 6,
        what: term('planering/stycke'), help: 'Stycken skiljs åt med en tom rad.' }),
    ]));

    /* Focus: a new row's first field, or back where it was. */
    if (focusAfter) {
      const fa = focusAfter;
      focusAfter = null;
      let target = null;
      if (fa.row) {
        const fs = area.querySelector('[data-rad="' + fa.row + '-' + fa.index + '"]');
        target = fs ? fs.querySelector('input, select, textarea') : null;
        if (!target) target = document.getElementById(fa.fallback || '');
      } else if (fa.id) target = document.getElementById(fa.id);
      if (target) target.focus();
    } else if (active && document.getElementById(active)) {
      document.getElementById(active).focus();
    }
  }

  function refocusRow(kind) {
    const addIds = { medlem: 'ny-medlem', mote: 'nytt-mote', insats: 'ny-insats', avvikelse: 'ny-avvikelse' };
    return function (how, el) {
      /* After a move the moved row's button; after a removal the add
       * button (render() has run by then through changed()). */
      if (how === 'bort') {
        const b = document.getElementById(addIds[kind]);
        if (b) b.focus();
        return;
      }
      const k = ckChildren(el.parentNode, el.localName).indexOf(el) + 1;
      const fs = area.querySelector('[data-rad="' + kind + '-' + k + '"]');
      if (!fs) return;
      const btns = fs.querySelectorAll('.rad-knappar button');
      const want = how === 'upp' ? 'Flytta upp' : 'Flytta ned';
      let b = Array.from(btns).find(function (x) { return x.textContent === want; }) || btns[0];
      if (b) b.focus();
    };
  }

  /* ================================================================
   * Checking and showing the findings
   * ================================================================ */
  let lastFindings = [];

  function fieldIdFor(node) {
    for (let n = node; n; n = n.parentNode) {
      if (anchors.has(n) && anchors.get(n)) return anchors.get(n);
      if (n.nodeType === 9) break;
    }
    return null;
  }

  function check() {
    const findings = [];
    fieldFindings(findings);
    const rules = [];
    runRules(rules, lineMap());
    for (const r of rules) {
      r.fieldId = fieldIdFor(r.node);
      findings.push(r);
    }
    for (const f of findings) {
      const d = DATA.diag[f.code];
      f.niva = d.niva;
      f.text = d.niva + ': ' + (d.rubrik ? d.rubrik + (f.detail ? ': ' + f.detail : '') : f.detail || '');
    }
    /* In the order of the form. */
    const order = new Map();
    boundFields.forEach(function (b, i) { order.set(b.id, i); });
    findings.sort(function (a, b) {
      const x = order.has(a.fieldId) ? order.get(a.fieldId) : -1;
      const y = order.has(b.fieldId) ? order.get(b.fieldId) : -1;
      return x - y;
    });
    lastFindings = findings;
    show(findings);
  }

  function show(findings) {
    for (const ul of area.querySelectorAll('.meddelanden')) ul.textContent = '';
    for (const el of area.querySelectorAll('[aria-invalid]')) el.removeAttribute('aria-invalid');
    const list = document.getElementById('sammanfattning-lista');
    list.textContent = '';
    let errors = 0, warnings = 0;
    for (const f of findings) {
      if (f.niva === 'fel') errors++; else warnings++;
      const li = h('li', { class: f.niva === 'fel' ? 'fel' : 'varning' });
      if (f.fieldId && document.getElementById(f.fieldId)) {
        li.appendChild(h('a', { href: '#' + f.fieldId, text: f.text, onclick: function (ev) {
          ev.preventDefault();
          const t = document.getElementById(f.fieldId);
          t.focus();
          t.scrollIntoView({ block: 'center' });
        } }));
        const ul = document.getElementById(f.fieldId + '-fel');
        ul.appendChild(h('li', { class: f.niva === 'fel' ? 'fel' : 'varning', text: f.text }));
        if (f.niva === 'fel') document.getElementById(f.fieldId).setAttribute('aria-invalid', 'true');
      } else {
        li.textContent = f.text;
      }
      list.appendChild(li);
    }
    const box = document.getElementById('sammanfattning');
    box.classList.toggle('har-fel', errors > 0);
    const text = errors === 0 && warnings === 0
      ? 'Inga fel: årsberättelsen går att lämna in.'
      : (errors ? errors + (errors === 1 ? ' fel' : ' fel') : 'Inga fel') +
        (warnings ? ' och ' + warnings + (warnings === 1 ? ' varning' : ' varningar') : '') +
        (errors ? ' att rätta innan årsberättelsen lämnas in.' : '; årsberättelsen går att lämna in.');
    document.getElementById('sammanfattning-text').textContent = text;
    box.dataset.fel = String(errors);
    box.dataset.varningar = String(warnings);
  }

  /* ================================================================
   * Changes, draft, save, open, preview
   * ================================================================ */
  let checkTimer = null, draftTimer = null, previewTimer = null;
  function changed(structure) {
    sourceText = null;
    if (structure) render();
    clearTimeout(checkTimer);
    checkTimer = setTimeout(function () { checkTimer = null; check(); ready(); }, structure ? 0 : 150);
    clearTimeout(draftTimer);
    draftTimer = setTimeout(function () { draftTimer = null; saveDraft(); ready(); }, 400);
    if (!document.getElementById('forhandsvisning').hidden) schedulePreview();
    ready();
  }

  /* On <html>: data-klar="ja" once the check and the preview a change
   * schedules have run ("nej" while one is pending), data-utkast="sparat"
   * once the draft it schedules is stored ("väntar" before): something
   * driving the page (tests/formular/formular.mjs) waits on these instead
   * of guessing a delay. */
  function ready() {
    const root = document.documentElement.dataset;
    root.klar = checkTimer || previewTimer ? 'nej' : 'ja';
    root.utkast = draftTimer ? 'väntar' : 'sparat';
  }

  function serialize() {
    const ser = new XMLSerializer();
    const parts = ['<?xml version="1.0" encoding="UTF-8"?>'];
    for (let n = doc.firstChild; n; n = n.nextSibling) {
      if (n.nodeType === 10) continue;
      parts.push(ser.serializeToString(n));
    }
    return parts.join('\n') + '\n';
  }

  function saveDraft() {
    try { localStorage.setItem(DRAFT_KEY, serialize()); } catch (e) { /* storage off: no draft */ }
  }

  function status(text) {
    const s = document.getElementById('status');
    s.textContent = '';
    setTimeout(function () { s.textContent = text; }, 30);
  }

  function slug(s) {
    return (s || '').toLowerCase().replace(/[åä]/g, 'a').replace(/ö/g, 'o').replace(/é/g, 'e')
      .replace(/[^a-z0-9]+/g, '-').replace(/^-|-$/g, '');
  }
  function fileName() {
    const g = ckChild(rootEl(), 'grupp');
    const parts = [slug(ckText(ckChild(g, 'kommun'))), slug(ckText(ckChild(g, 'stadsdel'))), slug(ckAttr(rootEl(), 'ar'))]
      .filter(function (x) { return x; });
    return (parts.length ? parts.join('-') : 'arsberattelse') + '.xml';
  }

  function save() {
    check();
    const blob = new Blob([serialize()], { type: 'application/xml' });
    const a = document.createElement('a');
    a.href = URL.createObjectURL(blob);
    a.download = fileName();
    a.hidden = true;
    document.body.appendChild(a);
    a.click();
    a.remove();
    setTimeout(function () { URL.revokeObjectURL(a.href); }, 1000);
    const errors = lastFindings.filter(function (f) { return f.niva === 'fel'; }).length;
    status('Sparad som ' + a.download + (errors ? '. Obs: ' + errors + ' fel återstår att rätta.' : '.'));
  }

  /* Parses report text; returns {doc} or {error}. */
  function parseReport(text) {
    const D = DATA.diag;
    if (text.trim() === '') return { error: D.EMPTY_FILE.rubrik };
    if (text.indexOf('\uFFFD') >= 0) return { error: D.ENCODING.rubrik };
    if (/<!DOCTYPE/i.test(text)) return { error: D.DTD.rubrik };
    const m = /^\s*<\?xml[^>]*encoding\s*=\s*["']([^"']+)["']/.exec(text);
    if (m && !/^utf-?8$/i.test(m[1])) return { error: D.ENCODING.rubrik };
    const d = new DOMParser().parseFromString(text, 'application/xml');
    if (d.getElementsByTagName('parsererror').length) return { error: D.XML.rubrik };
    if (!isEl(d.documentElement, 'arsberattelse')) return { error: D.NOT_REPORT.rubrik };
    return { doc: d };
  }

  function load(text, asSource) {
    const r = parseReport(text);
    if (r.error) return r;
    doc = r.doc;
    sourceText = asSource ? text : null;
    render();
    check();
    return r;
  }

  function openFile(file) {
    if (file.size > 8 * 1024 * 1024) { status('Filen kunde inte öppnas: ' + DATA.diag.TOO_BIG.rubrik + '.'); return; }
    const reader = new FileReader();
    reader.onload = function () {
      const text = new TextDecoder('utf-8').decode(new Uint8Array(reader.result));
      const r = load(text, true);
      if (r.error) {
        status('Filen ' + file.name + ' kunde inte öppnas: ' + r.error + '.');
      } else {
        saveDraft();
        status('Öppnade ' + file.name + '.');
        document.getElementById('sammanfattning').focus();
      }
    };
    reader.readAsArrayBuffer(file);
  }

  function schedulePreview() {
    clearTimeout(previewTimer);
    previewTimer = setTimeout(function () { previewTimer = null; preview(); ready(); }, 400);
  }
  let xsltDoc = null;
  function preview() {
    const frame = document.getElementById('forhandsvisning-ram');
    try {
      if (!xsltDoc) xsltDoc = new DOMParser().parseFromString(DATA.xslt, 'application/xml');
      const p = new XSLTProcessor();
      p.importStylesheet(xsltDoc);
      const out = p.transformToDocument(doc);
      if (!out || !out.documentElement) throw new Error('ingen sida');
      frame.srcdoc = '<!DOCTYPE html>\n' + out.documentElement.outerHTML;
    } catch (e) {
      frame.srcdoc = '<!DOCTYPE html><html lang="sv"><head><title>Förhandsvisning</title></head><body><p>Förhandsvisningen kunde inte göras: ' +
        String(e.message || e).replace(/[<&]/g, '') + '</p></body></html>';
    }
  }

  /* ================================================================
   * Start
   * ================================================================ */
  document.getElementById('spara').addEventListener('click', save);
  document.getElementById('oppna-fil').addEventListener('change', function (ev) {
    const f = ev.target.files && ev.target.files[0];
    if (f) openFile(f);
    ev.target.value = '';
  });
  document.getElementById('rensa-utkast').addEventListener('click', function () {
    try { localStorage.removeItem(DRAFT_KEY); } catch (e) { /* nothing stored */ }
    load(DATA.rapport, false);
    status('Utkastet är borttaget; formuläret börjar om från början.');
  });
  document.getElementById('forhandsgranska').addEventListener('click', function (ev) {
    const sec = document.getElementById('forhandsvisning');
    sec.hidden = !sec.hidden;
    ev.target.setAttribute('aria-expanded', String(!sec.hidden));
    if (!sec.hidden) preview();
  });

  let draft = null;
  try { draft = localStorage.getItem(DRAFT_KEY); } catch (e) { draft = null; }
  if (draft && draft !== DATA.rapport && !load(draft, false).error) {
    status('Ditt utkast från den här webbläsaren är återställt. Välj ”Rensa utkastet” för att börja om.');
  } else {
    load(DATA.rapport, false);
  }
  ready();
})();
