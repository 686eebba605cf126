// formular.mjs - drives the form of `vastbus formular` in Debian's headless
// Chromium as a user would: by accessible names and the keyboard, opening
// files through the file field and saving through the download.
//
//   node tests/formular/formular.mjs  (from the top of the tree;
//   VASTBUS names the program, CHROMIUM the browser,
//   FORMULAR_SKARMBILDER=DIR also writes screenshots at 1200 and 390 px)
//
// What it shows, each against `vastbus validera` run on the same file:
//   1. every sample report (samples/gr-*, every report under
//      samples/sodra-alvsborg, and blank reports from `vastbus mall`)
//      opened and saved again is the same XML after canonicalisation
//      (xmllint --c14n), and the form shows validera's findings for it;
//   2. every invalid sample (samples/ogiltiga) and generated variants of
//      the samples: the form shows exactly the rule findings validera
//      gives (level, headline and text), and shows an error exactly when
//      validera refuses the file; files that are not XML are refused;
//   3. a report filled in from scratch by keyboard is saved and accepted
//      by validera, and the form then shows no error; Tab alone reaches
//      every control with a visible focus, and a finding in the summary
//      leads to its field;
//   4. a personnummer typed in a deviation text is flagged (masked), a
//      phone number is not;
//   5. the preview is the page `vastbus html` makes;
//   6. a draft survives closing the tab; "Rensa utkastet" removes it;
//   7. axe-core finds no WCAG 2.1 A/AA violation with the form empty,
//      filled and showing errors, at 1200 and 390 px;
//   8. no page makes a request outside itself.
// Exit status 0 when all hold, 1 on a failure, 2 when it cannot run.

import { readFileSync, writeFileSync, mkdtempSync, rmSync, readdirSync, existsSync, mkdirSync, statSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { execFileSync, spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';

const require = createRequire(resolve('tests/html/package.json'));
const puppeteer = (await import(pathToFileURL(require.resolve('puppeteer-core')).href)).default;
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const VB = process.env.VASTBUS || resolve('vastbus');
const CHROMIUM = process.env.CHROMIUM || '/usr/bin/chromium';
const SHOTS = process.env.FORMULAR_SKARMBILDER || '';
const tmp = mkdtempSync(join(tmpdir(), 'vastbus-formular-'));
let failures = 0;
let checks = 0;
function fail(msg) { failures++; console.log('FAIL: ' + msg); }
function ok(cond, msg) { checks++; if (!cond) fail(msg); return cond; }

/* ---- the program and xmllint ---- */
function vb(args) {
  const r = spawnSync(VB, args, { encoding: 'utf8' });
  return { rc: r.status, out: r.stdout, err: r.stderr };
}
function makeForm(name, args) {
  const out = join(tmp, name + '.html');
  const r = vb(['formular', ...args, '-o', out]);
  if (r.rc !== 0) throw new Error(`vastbus formular ${args.join(' ')}: status ${r.rc}: ${r.err}`);
  return out;
}
/* validera's findings without "file:line: ", and its status; a file
 * under samples/ (never changed here) is run once and remembered. */
const valideraSeen = new Map();
function validera(file) {
  if (!file.startsWith('samples/')) return valideraRun(file);
  if (!valideraSeen.has(file)) valideraSeen.set(file, valideraRun(file));
  return valideraSeen.get(file);
}
function valideraRun(file) {
  const r = vb(['validera', '-q', file]);
  const lines = r.out.split('\n').filter((l) => l !== '').map((l) => {
    const k = l.indexOf(file);
    return k === 0 ? l.slice(file.length).replace(/^:[0-9]+:/, '').replace(/^:/, '').trim() : l;
  });
  return { rc: r.rc, lines };
}
function c14n(file) {
  return execFileSync('xmllint', ['--nonet', '--c14n', file], { encoding: 'utf8' });
}

/* The rule findings: those whose headline is one of the rule checks'
 * (src/check), as opposed to the schema's or the parser's. */
let RULE_HEADLINES = null;
function ruleLines(lines) {
  return lines.filter((l) => RULE_HEADLINES.some((h) => l.startsWith(h + ':') || l === h)).sort();
}

/* ---- the browser ---- */
const profile = mkdtempSync(join(tmpdir(), 'vastbus-formular-profil-'));
const browser = await puppeteer.launch({
  executablePath: CHROMIUM,
  headless: true,
  userDataDir: profile,
  env: { ...process.env, LANG: 'sv_SE.UTF-8', LANGUAGE: 'sv' },
  args: ['--no-sandbox', '--disable-gpu', '--disable-quic', '--no-first-run', '--disable-background-networking',
    '--disable-component-update', '--disable-sync', '--disable-dev-shm-usage', '--lang=sv-SE',
    /* the browser's own omnibox popup, a WebUI page preloaded even
     * headless (as in tests/html/axe.mjs) */
    '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxAimPopup'],
});

const outside = [];
/* A fresh page on the form at url; requests outside the page fail the
 * test. context: a browser context (fresh storage) or the default one. */
async function openForm(file, { width = 1200, context = null } = {}) {
  const ctx = context || await browser.createBrowserContext();
  const page = await ctx.newPage();
  await page.setViewport({ width, height: 900, isMobile: width < 500, hasTouch: width < 500 });
  const url = pathToFileURL(resolve(file)).href;
  await page.setRequestInterception(true);
  page.on('request', (req) => {
    const u = req.url();
    if (u === url || u.startsWith('data:') || u.startsWith('blob:') || u.startsWith('about:')) req.continue();
    else { outside.push(u); req.abort(); }
  });
  page.on('pageerror', (e) => fail(`${basename(file)}: fel i sidans skript: ${e.message}`));
  const dl = join(tmp, 'ned-' + Math.random().toString(36).slice(2));
  mkdirSync(dl);
  const cdp = await page.createCDPSession();
  await cdp.send('Browser.setDownloadBehavior', { behavior: 'allow', downloadPath: dl, browserContextId: ctx.id });
  await page.goto(url, { waitUntil: 'load' });
  await page.waitForSelector('#sammanfattning-text');
  await settle(page);
  return { page, ctx, dl, own: !context };
}
async function closeForm(f) {
  await f.page.close();
  if (f.own) await f.ctx.close();
}
/* Waits until the page has caught up with the last change: the form sets
 * data-klar="ja" on <html> once the check and the preview a change
 * schedules have run (a key press is handled before puppeteer's call
 * returns, so the "nej" of a change is already there). No fixed wait. */
async function settle(page) {
  await page.waitForFunction(() => document.documentElement.dataset.klar === 'ja', { polling: 'mutation', timeout: 30000 });
}
/* The same for the draft: data-utkast="sparat" once it is stored. */
async function draftSaved(page) {
  await page.waitForFunction(() => document.documentElement.dataset.utkast === 'sparat', { polling: 'mutation', timeout: 30000 });
}
/* The next frame after a new viewport: laid out at the new width. */
async function nextFrame(page) {
  await page.evaluate(() => new Promise((r) => requestAnimationFrame(() => requestAnimationFrame(() => r()))));
}
/* Opens a file through the file field, as a user picking it. */
async function openFile(f, path) {
  /* Chromium's accessibility query does not return file fields; find it
   * through its label, which gives its accessible name. */
  const input = await f.page.evaluateHandle(() => Array.from(document.querySelectorAll('label'))
    .find((l) => l.textContent === 'Öppna en sparad årsberättelse, XML-fil').control);
  /* The page reads the file, shows its findings, then says what it did
   * in #status (emptied first, the text set a moment later): the next
   * non-empty text there, watched from before the upload, means the
   * findings are on the page. No fixed wait. (The promise is wrapped so
   * that evaluateHandle does not wait for it.) */
  const said = await f.page.evaluateHandle(() => ({ text: new Promise((done, fail) => {
    const s = document.getElementById('status');
    const watch = new MutationObserver(() => {
      if (s.textContent !== '') {
        watch.disconnect();
        done(s.textContent);
      }
    });
    watch.observe(s, { childList: true, characterData: true, subtree: true });
    setTimeout(() => fail(new Error('ingen statusrad efter 30 s')), 30000);
  }) }));
  await input.uploadFile(resolve(path));
  const text = await f.page.evaluate((s) => s.text, said);
  await said.dispose();
  return text;
}
async function formFindings(page) {
  return page.$$eval('#sammanfattning-lista li', (lis) => lis.map((li) => li.textContent));
}
async function formErrors(page) {
  return page.$eval('#sammanfattning', (e) => +e.dataset.fel);
}
/* Clicks "Spara som XML" and returns the downloaded file's path (a
 * folder of its own per save, so the browser's name is kept). */
let saves = 0;
async function save(f) {
  for (const n of readdirSync(f.dl)) rmSync(join(f.dl, n), { force: true });
  /* By its accessible name, once per page (the button is not
   * re-rendered); differential() gives the button by its id instead:
   * asking Chromium for the accessibility tree switches it on for the
   * page, and it is then kept up to date through every file opened
   * (3 s of CPU over the samples). fromScratch() checks that the
   * button of that name is the one with that id. */
  if (!f.saveButton) f.saveButton = await field(f.page, 'Spara som XML');
  const btn = f.saveButton;
  await btn.focus();
  await f.page.keyboard.press('Enter');
  for (let i = 0; i < 100; i++) {
    const now = readdirSync(f.dl).filter((n) => !n.endsWith('.crdownload'));
    if (now.length) {
      const p = join(f.dl, now[0]);
      await new Promise((r) => setTimeout(r, 30));
      const keep = join(tmp, 'sparad-' + (++saves));
      mkdirSync(keep);
      const to = join(keep, now[0]);
      writeFileSync(to, readFileSync(p));
      rmSync(p);
      return to;
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  throw new Error('ingen nedladdad fil');
}

function reportsIn(dir) {
  return readdirSync(dir).filter((n) => n.endsWith('.xml') && n !== 'arsbok.xml').sort().map((n) => join(dir, n));
}
/* Every report in a folder tree (a season's folders, inkommet/ with its
 * odd file names): the .xml files whose root is an arsberattelse. */
function reportsUnder(dir) {
  const out = [];
  for (const n of readdirSync(dir).sort()) {
    const p = join(dir, n);
    if (statSync(p).isDirectory()) out.push(...reportsUnder(p));
    else if (n.endsWith('.xml') && /<arsberattelse[\s>]/.test(readFileSync(p, 'utf8'))) out.push(p);
  }
  return out;
}
/* Reports as `vastbus mall` writes them (comments, empty fields): a
 * coordinator's blank template opened, saved, opened again. */
function mallReports() {
  const dir = join(tmp, 'mall');
  mkdirSync(dir);
  return [['ale-2019', ['--kommun', 'Ale', '--ar', '2019']],
    ['angered-2019', ['--kommun', 'Göteborg', '--stadsdel', 'Angered', '--ar', '2019']],
    ['vara-2020', ['--kommun', 'Vara', '--ar', '2020']]].map(([name, args]) => {
    const p = join(dir, name + '.xml');
    const r = vb(['mall', ...args, '-o', p]);
    if (r.rc !== 0) throw new Error(`vastbus mall ${args.join(' ')}: status ${r.rc}: ${r.err}`);
    return p;
  });
}

/* ---- 1, 2: samples round trip, findings agree ---- */
/* Each file opened once: with compare, the form's findings against
 * validera's (1, 2); with roundTrip, the file saved again is the same
 * XML and validera gives it the same status (1). */
async function differential(form, files, label, { compare = true, roundTrip = false } = {}) {
  const f = await openForm(form);
  f.saveButton = await f.page.$('#spara');
  for (const file of files) {
    const v = validera(file);
    const st = await openFile(f, file);
    const refused = /kunde inte öppnas/.test(st);
    const fileLevel = v.lines.some((l) => /^fel: (filen|rotelementet)/.test(l) || /^fel: filen/.test(l));
    if (refused) {
      ok(v.rc === 1 && fileLevel, `${file}: formuläret vägrar öppna filen (${st}) men validera: ${v.lines.join(' | ')}`);
      continue;
    }
    if (compare) {
      ok(!fileLevel, `${file}: validera vägrar filen (${v.lines.join(' | ')}) men formuläret öppnade den`);
      const got = await formFindings(f.page);
      const want = ruleLines(v.lines);
      const gotRules = ruleLines(got);
      ok(JSON.stringify(gotRules) === JSON.stringify(want),
        `${label} ${file}: regelfynden skiljer sig\n    validera:   ${want.join('\n                ')}\n    formuläret: ${gotRules.join('\n                ')}`);
      const errs = await formErrors(f.page);
      ok((errs > 0) === (v.rc === 1), `${file}: formuläret visar ${errs} fel, validera slutstatus ${v.rc}\n    ${got.join('\n    ')}`);
    }
    if (roundTrip) {
      const saved = await save(f);
      ok(c14n(saved) === c14n(file), `${file}: sparad fil är inte samma XML efter kanonisering (${saved})`);
      ok(validera(saved).rc === v.rc, `${file}: validera ger annan status för den sparade filen`);
      rmSync(saved);
    }
  }
  await closeForm(f);
}

/* Variants of a valid sample, each with one typical mistake. */
function variants() {
  const src = readFileSync('samples/gr-2019/ale.xml', 'utf8');
  const gbg = readFileSync('samples/gr-2019/goteborg-angered.xml', 'utf8');
  const pnr = validPnr(1985, 7, 9);
  const list = [
    ['antal-moten', src.replace('<moten antal="5">', '<moten antal="7">')],
    ['antal-avvikelser', src.replace('<avvikelser antal="3">', '<avvikelser antal="1">')],
    ['mote-2018', src.replace('<mote datum="2019-02-12"/>', '<mote datum="2018-12-30"/>')],
    ['insats-2020', src.replace('<insats datum="2019-04-03"', '<insats datum="2020-01-03"')],
    ['avvikelse-2017', src.replace('<avvikelse datum="2019-03-05"', '<avvikelse datum="2017-03-05"')],
    ['tidig-inlamning', src.replace('<inlamning datum="2020-02-20">', '<inlamning datum="2019-12-20">')],
    ['sen-inlamning', src.replace('<inlamning datum="2020-02-20">', '<inlamning datum="2020-03-02">')],
    ['tva-ordforande', src.replace('<medlem roll="ledamot">', '<medlem roll="ordforande">')],
    ['ingen-ordforande', src.replace('<medlem roll="ordforande">', '<medlem roll="ledamot">')],
    ['ordforande-utan-namn', src.replace('<medlem roll="ledamot">\n      <namn>Göran Öberg</namn>', '<medlem roll="ordforande">\n      <namn></namn>')],
    ['bara-kommun', src.replace(/<huvudman>region<\/huvudman>/g, '<huvudman>kommun</huvudman>')],
    ['bara-region', src.replace(/<huvudman>(kommun|annan)<\/huvudman>/g, '<huvudman>region</huvudman>')],
    ['kommun-felstavad', src.replace('<kommun>Ale</kommun>', '<kommun>Alle</kommun>')],
    ['kommun-okand', src.replace('<kommun>Ale</kommun>', '<kommun>Oslo</kommun>')],
    ['kommun-stad', src.replace('<kommun>Ale</kommun>', '<kommun>Ale kommun</kommun>')],
    ['stadsdel-i-ale', src.replace('<kommun>Ale</kommun>', '<kommun>Ale</kommun>\n    <stadsdel>Nödinge</stadsdel>')],
    ['delregion-fel', src.replace('<delregion>Göteborgsregionen</delregion>', '<delregion>Fyrbodal</delregion>')],
    ['delregion-okand', src.replace('<delregion>Göteborgsregionen</delregion>', '<delregion>Goteborgsregionen</delregion>')],
    ['delregion-id', src.replace('<delregion>Göteborgsregionen</delregion>', '<delregion>gr</delregion>')],
    ['analys-saknas', src.replace(/<analys>[\s\S]*<\/analys>\n/, '')],
    ['pnr-atgard', src.replace('Rutin för kallelser ses över', `Barnet ${pnr} och rutin för kallelser ses över`)],
    ['pnr-reflektion', src.replace('Samverkan med primärvården', `Samverkan (${pnr.replace('-', '')}) med primärvården`)],
    ['pnr-kommentar', src.replace('<sammansattning>', `<sammansattning>\n    <!-- ${pnr} -->`)],
    ['telefon-ej-pnr', src.replace('Rutin för kallelser ses över', 'Ring 0303-33 01 57 eller 070-123 45 67; rutin ses över')],
    ['stadsdel-saknas', gbg.replace(/\s*<stadsdel>[^<]*<\/stadsdel>/, '')],
    ['stadsdel-gammal', gbg.replace(/<stadsdel>[^<]*<\/stadsdel>/, '<stadsdel>Askim</stadsdel>')],
    ['stadsdel-felstavad', gbg.replace(/<stadsdel>[^<]*<\/stadsdel>/, '<stadsdel>Angerd</stadsdel>')],
    ['stadsdel-okand', gbg.replace(/<stadsdel>[^<]*<\/stadsdel>/, '<stadsdel>Paris</stadsdel>')],
    ['ar-2009-stadsdel', gbg.replace(/ar="2019"/, 'ar="2009"')],
    ['flera', src.replace('<moten antal="5">', '<moten antal="2">').replace('<medlem roll="ledamot">', '<medlem roll="ordforande">')
      .replace('<kommun>Ale</kommun>', '<kommun>Göteborgs stad</kommun>')],
  ];
  /* The same kinds of mistake in another subregion's report, and the
   * rarer shapes of each rule's message. */
  const t = readFileSync('samples/sodra-alvsborg/2019/tranemo.xml', 'utf8');
  let chairs = 0;
  const sam = validPnr(1990, 4, 72);
  list.push(
    ['sa-tre-ordforande', t.replace(/<medlem roll="(sekreterare|ledamot)">/g, (m) => (chairs++ < 2 ? '<medlem roll="ordforande">' : m))],
    ['sa-bara-annan', t.replace(/<huvudman>(kommun|region)<\/huvudman>/g, '<huvudman>annan</huvudman>')],
    ['sa-delregion-par', t.replace('<delregion>Södra Älvsborg</delregion>', '<delregion>Fyrbodal</delregion>')],
    ['sa-delregion-felstavad', t.replace('<delregion>Södra Älvsborg</delregion>', '<delregion>Södra Alvsborg</delregion>')],
    ['sa-kommun-felstavad', t.replace('<kommun>Tranemo</kommun>', '<kommun>Tranmo</kommun>')],
    ['sa-samordningsnummer', t.replace('Gruppen har varit stabil', `Gruppen (${sam}) har varit stabil`)],
    ['sa-pnr-tolv-siffror', t.replace('<titel>SIP – samordnad individuell plan</titel>', `<titel>SIP för 19${validPnr(1979, 12, 31)}</titel>`)],
    ['sa-pnr-plus', t.replace('<malgrupp>Elevhälsopersonal</malgrupp>', `<malgrupp>Elevhälsopersonal ${validPnr(1911, 2, 3).replace('-', '+')}</malgrupp>`)],
    ['sa-telefon-och-datum', t.replace('Gruppen har varit stabil', 'Ring 0325-180 00, 0701234567 eller 0325 18 00 00 (möte 2019-04-11); gruppen har varit stabil')],
    ['sa-insats-2018', t.replace('<insats datum="2019-03-13"', '<insats datum="2018-03-13"')],
    ['sa-avvikelse-2020', t.replace('<avvikelse datum="2019-10-24"', '<avvikelse datum="2020-01-24"')],
    ['sa-bara-antal-avvikelser', t.replace(/\s*<avvikelse [\s\S]*<\/avvikelse>/, '')],
    ['sa-avvikelser-en-for-mycket', t.replace('<avvikelser antal="2">', '<avvikelser antal="3">')],
    ['sa-sen-skottar', t.replace(/<inlamning datum="[0-9-]+">/, '<inlamning datum="2020-03-02">')],
    ['sa-inlamning-nyarsafton', t.replace(/<inlamning datum="[0-9-]+">/, '<inlamning datum="2019-12-31">')],
    ['gbg-2021-stadsdel', gbg.replace(/ar="2019"/, 'ar="2021"')],
    ['gbg-2009-ny-stadsdel', gbg.replace(/ar="2019"/, 'ar="2009"').replace(/<stadsdel>[^<]*<\/stadsdel>/, '<stadsdel>Östra Göteborg</stadsdel>')],
  );
  const dir = join(tmp, 'varianter');
  mkdirSync(dir);
  for (const [name, text] of list) {
    if (text === src || text === gbg || text === t) throw new Error(`varianten ${name} ändrar inget`);
  }
  return list.map(([name, text]) => {
    const p = join(dir, name + '.xml');
    writeFileSync(p, text);
    return p;
  });
}

/* A made-up personnummer with a correct check digit. */
function validPnr(y, m, d) {
  const nine = String(y % 100).padStart(2, '0') + String(m).padStart(2, '0') + String(d).padStart(2, '0') + '123';
  let sum = 0;
  for (let i = 0; i < 9; i++) {
    const v = +nine[i] * (i % 2 === 0 ? 2 : 1);
    sum += v > 9 ? v - 9 : v;
  }
  return nine.slice(0, 6) + '-' + nine.slice(6) + ((10 - sum % 10) % 10);
}

/* ---- 3, 4: from scratch, by keyboard ---- */
async function field(page, name) {
  const h = await page.$('aria/' + name);
  if (!h) throw new Error('inget fält med namnet ' + name);
  return h;
}
async function type(page, name, text) {
  const h = await field(page, name);
  await h.focus();
  await page.keyboard.down('Control');
  await page.keyboard.press('KeyA');
  await page.keyboard.up('Control');
  await page.keyboard.press('Backspace');
  await page.keyboard.type(text);
}
/* A date field: typed as the browser's date field wants it. */
async function typeDate(page, name, iso) {
  await (await field(page, name)).focus();
  await typeDateFocused(page, iso);
}
async function typeDateFocused(page, iso) {
  const kind = await page.evaluate(() => document.activeElement.type);
  if (kind === 'date') {
    const order = await page.evaluate(() => new Intl.DateTimeFormat(navigator.language).formatToParts(new Date(2001, 10, 22))
      .filter((p) => p.type !== 'literal').map((p) => p.type));
    const [y, m, d] = iso.split('-');
    const part = { year: y, month: m, day: d };
    for (const p of order) await page.keyboard.type(part[p]);
  } else {
    await page.keyboard.type(iso);
  }
}
/* A select: focus it and type the start of the option's label. */
async function choose(page, name, label) {
  const h = await field(page, name);
  await h.focus();
  await page.keyboard.type(label);
  await settle(page);
  const got = await h.evaluate((e) => e.options[e.selectedIndex].textContent);
  if (!got.startsWith(label)) {
    throw new Error(`${name}: valde "${got}", inte "${label}"`);
  }
}
async function press(page, name) {
  const h = await field(page, name);
  await h.focus();
  await page.keyboard.press('Enter');
  await settle(page);
}

async function fromScratch(form) {
  const f = await openForm(form);
  const p = f.page;
  await type(p, 'Gruppens namn', 'Lokala Västbusgruppen i Ale');
  await typeDate(p, 'Inlämningsdatum', '2020-02-14');
  await type(p, 'Kontaktpersonens namn', 'Test Testsson');
  await type(p, 'Kontaktpersonens e-post', 'test.testsson@ale.se');
  /* The first member (the chair), then a second from the region. */
  await type(p, 'Namn', 'Test Testsson');
  await type(p, 'Funktion', 'Enhetschef');
  await type(p, 'Organisation', 'Individ- och familjeomsorgen, Ale kommun');
  await choose(p, 'Verksamhet', 'Socialtjänst');
  await choose(p, 'Huvudman', 'Kommunen');
  await press(p, 'Lägg till medlem');
  /* Focus is now in the new row; its fields have the same names, so
   * walk them with Tab as a user would. */
  const focused = await p.evaluate(() => document.activeElement.closest('fieldset').querySelector('legend').textContent);
  ok(focused === 'Medlem 2', `ny rad: fokus i "${focused}", inte i Medlem 2`);
  await p.keyboard.press('Tab');
  await p.keyboard.type('Tester Regionsson');
  await p.keyboard.press('Tab');
  await p.keyboard.type('Verksamhetschef');
  await p.keyboard.press('Tab');
  await p.keyboard.type('BUP Kungälv');
  await p.keyboard.press('Tab');
  await p.keyboard.type('Barn');
  await p.keyboard.press('Tab');
  await p.keyboard.type('Västra');
  await type(p, 'Antal möten', '2');
  /* A new row takes the focus to its first field, the date. */
  await press(p, 'Lägg till möte');
  await typeDateFocused(p, '2019-03-01');
  await press(p, 'Lägg till möte');
  await typeDateFocused(p, '2019-10-01');
  await type(p, 'Antal avvikelser', '1');
  await press(p, 'Lägg till avvikelse');
  const pnr = validPnr(2012, 3, 15);
  await fillDeviation(p, pnr);
  await type(p, 'Analys av avvikelserna', 'En avvikelse under året.');
  await settle(p);

  /* 4: the personnummer is flagged, masked, next to its field; the phone
   * number is not. */
  let found = await formFindings(p);
  const masked = pnr.slice(0, 6) + '-****';
  ok(found.some((t) => t.includes('personnummer') && t.includes(masked) && t.includes('avsnitt 4, Avvikelser (beskrivning)')),
    `personnumret i avvikelsens beskrivning flaggas inte: ${found.join(' | ')}`);
  ok(!found.some((t) => t.includes('0303-')), 'telefonnumret flaggas');
  ok(!found.some((t) => t.includes(pnr)), 'hela personnumret visas');
  const inline = await p.evaluate(() => {
    const ta = Array.from(document.querySelectorAll('textarea')).find((t) => t.value.includes('Ring'));
    const ids = ta.getAttribute('aria-describedby').split(' ');
    return { invalid: ta.getAttribute('aria-invalid'), text: ids.map((i) => document.getElementById(i).textContent).join(' ') };
  });
  ok(inline.invalid === 'true' && inline.text.includes(masked), `meddelandet står inte vid fältet (aria-describedby): ${JSON.stringify(inline)}`);
  ok(await (await field(p, 'Spara som XML')).evaluate((e) => e.id) === 'spara', 'knappen "Spara som XML" är inte #spara');
  let saved = await save(f);
  let v = validera(saved);
  ok(v.rc === 1 && v.lines.some((l) => l.includes(masked)), `validera flaggar inte personnumret i den sparade filen: ${v.lines.join(' | ')}`);

  /* Remove the number: no error left, and validera accepts the file. */
  await type(p, 'Beskrivning', 'Kallad part kom inte. Ring 0303-33 01 57 för mer.');
  await settle(p);
  found = await formFindings(p);
  const errs = await formErrors(p);
  saved = await save(f);
  v = validera(saved);
  ok(v.rc === 0, `ifylld berättelse: validera slutstatus ${v.rc}:\n    ${v.lines.join('\n    ')}\n  formuläret: ${found.join(' | ')}`);
  ok(errs === 0, `ifylld berättelse: formuläret visar ${errs} fel: ${found.join(' | ')}`);
  ok(basename(saved) === 'ale-2019.xml', `filnamnet är ${basename(saved)}`);
  const text = readFileSync(saved, 'utf8');
  ok(text.includes('<namn>Tester Regionsson</namn>') && text.includes('<huvudman>region</huvudman>'), 'medlem 2 saknas i filen');
  await axe(p, 'ifylld från början');
  await closeForm(f);
  return saved;
}
async function fillDeviation(p, pnr) {
  /* The new deviation's first field (its date) has focus. */
  const d = await p.evaluate(() => document.activeElement.closest('fieldset').querySelector('legend').textContent);
  ok(d === 'Avvikelse 1', `ny avvikelse: fokus i "${d}"`);
  await typeDateFocused(p, '2019-05-06');
  await choose(p, 'Kategori', 'Riktlinjerna');
  await choose(p, 'Status', 'Löst');
  await type(p, 'Rapporterande part', 'Elevhälsan, Ale gymnasium');
  await choose(p, 'Rapporterande part: verksamhet', 'Elevhälsa');
  await type(p, 'Berörd part', 'BUP Kungälv');
  await choose(p, 'Berörd part: verksamhet', 'Barn');
  await type(p, 'Beskrivning', `Kallad part kom inte (barnet ${pnr}). Ring 0303-33 01 57 för mer.`);
}

/* ---- 5: preview ---- */
async function previewSame(form, file) {
  const f = await openForm(form);
  await openFile(f, file);
  await press(f.page, 'Förhandsgranska');
  await f.page.waitForFunction(() => {
    const fr = document.getElementById('forhandsvisning-ram');
    return fr.contentDocument && fr.contentDocument.querySelector('h1');
  }, { timeout: 30000 });
  const got = await f.page.evaluate(() => document.getElementById('forhandsvisning-ram').contentDocument.documentElement.outerHTML);
  const html = join(tmp, 'html.html');
  vb(['html', file, '-o', html]);
  const ref = await browser.newPage();
  await ref.setRequestInterception(true);
  ref.on('request', (r) => (r.url().startsWith('file:') ? r.continue() : r.abort()));
  await ref.goto(pathToFileURL(html).href);
  const want = await ref.evaluate(() => document.documentElement.outerHTML);
  await ref.close();
  /* The serialiser's newline after </html> lands in the body when the
   * page file is parsed; the form's page has none. */
  const norm = (x) => x.replace(/\s*<\/body>/, '</body>');
  if (!ok(norm(got) === norm(want), `${file}: förhandsvisningen är inte samma sida som vastbus html (se ${tmp}/forhandsvisning-*.html)`)) {
    writeFileSync(join(tmp, 'forhandsvisning-formular.html'), got);
    writeFileSync(join(tmp, 'forhandsvisning-html.html'), want);
  }
  await closeForm(f);
}

/* ---- 3b: keyboard only ---- */
/* From the top of the page, Tab alone reaches every field, button and
 * link the page shows, each with a visible focus outline; Enter on a
 * finding in the summary at the top puts the focus on its field. */
async function keyboardWalk(form, file) {
  const f = await openForm(form);
  const p = f.page;
  await openFile(f, file);
  const want = await p.evaluate(() => {
    const sel = 'input:not([type=hidden]), select, textarea, button, a[href], summary';
    let k = 0;
    for (const e of document.querySelectorAll(sel)) {
      const r = e.getBoundingClientRect();
      if (e.disabled || e.closest('[hidden], [inert]') || getComputedStyle(e).visibility === 'hidden' || (r.width === 0 && r.height === 0 && e.type !== 'file')) continue;
      e.dataset.provTab = String(k++);
    }
    document.activeElement.blur();
    window.scrollTo(0, 0);
    return k;
  });
  const reached = new Set();
  const noOutline = [];
  /* a date field takes several Tabs (day, month, year, calendar) */
  for (let i = 0; i < want * 5 + 40; i++) {
    await p.keyboard.press('Tab');
    const r = await p.evaluate(() => {
      const e = document.activeElement;
      if (!e || e === document.body) return null;
      const st = getComputedStyle(e.type === 'file' ? (e.labels[0] || e) : e);
      const shown = (parseFloat(st.outlineWidth) > 0 && st.outlineStyle !== 'none') || st.boxShadow !== 'none';
      return { k: e.dataset.provTab, shown, what: e.tagName + (e.id ? '#' + e.id : '') };
    });
    if (r === null) continue; /* past the end: the next Tab starts at the top */
    if (reached.size === want) break;
    if (r.k !== undefined) reached.add(r.k);
    if (!r.shown) noOutline.push(r.what);
  }
  const missed = await p.evaluate((got) => Array.from(document.querySelectorAll('[data-prov-tab]'))
    .filter((e) => !got.includes(e.dataset.provTab)).map((e) => e.tagName + (e.id ? '#' + e.id : '') + ' ' + (e.getAttribute('aria-label') || e.textContent || e.name || '').slice(0, 40)), [...reached]);
  ok(reached.size === want, `tangentbordet når ${reached.size} av ${want} fält, knappar och länkar; inte: ${missed.join(', ')}`);
  ok(noOutline.length === 0, `fokus syns inte på: ${[...new Set(noOutline)].slice(0, 5).join(', ')}`);
  /* the summary's first finding leads to its field */
  const link = await p.$('#sammanfattning-lista li a');
  if (ok(link !== null, `${file}: inga fynd i sammanfattningen`)) {
    const target = await link.evaluate((a) => a.getAttribute('href').slice(1));
    await link.focus();
    await p.keyboard.press('Enter');
    await settle(p);
    const at = await p.evaluate(() => document.activeElement.id);
    ok(at === target, `Enter på fyndet i sammanfattningen: fokus på "${at}", inte på fältet "${target}"`);
  }
  await closeForm(f);
}

/* ---- 6: the draft ---- */
async function draft(form) {
  const ctx = await browser.createBrowserContext();
  let f = await openForm(form, { context: ctx });
  await type(f.page, 'Gruppens namn', 'Utkastgruppen');
  await draftSaved(f.page);
  await f.page.close();
  f = await openForm(form, { context: ctx });
  let v = await (await field(f.page, 'Gruppens namn')).evaluate((e) => e.value);
  ok(v === 'Utkastgruppen', `utkastet återställs inte: "${v}"`);
  await press(f.page, 'Rensa utkastet');
  await f.page.close();
  f = await openForm(form, { context: ctx });
  v = await (await field(f.page, 'Gruppens namn')).evaluate((e) => e.value);
  ok(v !== 'Utkastgruppen', 'utkastet finns kvar efter "Rensa utkastet"');
  await f.page.close();
  await ctx.close();
}

/* ---- 7: axe ---- */
async function axe(page, where) {
  for (const width of [1200, 390]) {
    await page.setViewport({ width, height: 900, isMobile: width < 500, hasTouch: width < 500 });
    await nextFrame(page);
    await settle(page);
    if (!(await page.evaluate(() => !!window.axe))) await page.evaluate(axeSource);
    const r = await page.evaluate(() => window.axe.run(document, {
      runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] }, resultTypes: ['violations'] }));
    checks++;
    for (const v of r.violations) {
      fail(`axe (${where}, ${width}px): ${v.id} [${v.impact}] ${v.help}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    }
    const wide = await page.evaluate(() => document.documentElement.scrollWidth);
    ok(wide <= width, `${where}: sidan är ${wide}px bred vid ${width}px`);
    if (SHOTS) {
      mkdirSync(SHOTS, { recursive: true });
      await page.screenshot({ path: join(SHOTS, `${where.replace(/[^a-zåäö0-9]+/gi, '-')}-${width}.png`), fullPage: true });
    }
  }
  await page.setViewport({ width: 1200, height: 900 });
}

try {
  const empty = makeForm('tomt', []);
  const ale = makeForm('ale', ['--kommun', 'Ale', '--ar', '2019']);
  const fran = makeForm('fran', ['--fran', 'samples/gr-2018/ale.xml']);

  /* The rule headlines, from the form's own data (src/diag via the C
   * program), which tests/cli/formular.sh compares with the sources. */
  const data = JSON.parse(/<script type="application\/json" id="vb-data">([\s\S]*?)<\/script>/.exec(readFileSync(empty, 'utf8'))[1]);
  /* Every finding the page knows except the file's and the schema's is
   * a rule finding; meddelanden.mjs proves that every code src/check
   * reports is among them, so a new rule is compared here too. */
  const NOT_RULES = ['SCHEMA', 'BLANK', 'XML', 'DTD', 'ENCODING', 'TOO_BIG', 'EMPTY_FILE', 'NOT_REPORT'];
  const RULES = Object.keys(data.diag).filter((k) => !NOT_RULES.includes(k));
  ok(RULES.length >= 16 && RULES.includes('PERSONNUMMER') && RULES.includes('NO_CHAIR'), `regelfynden i sidan: ${RULES.join(', ')}`);
  RULE_HEADLINES = RULES.map((k) => `${data.diag[k].niva}: ${data.diag[k].rubrik}`);

  /* --fran carries over the group, contact and members, not the year's facts. */
  if (!process.env.FORMULAR_BARA) {
    const f = await openForm(fran);
    const name = await (await field(f.page, 'Gruppens namn')).evaluate((e) => e.value);
    const year = await (await field(f.page, 'Redovisningsår')).evaluate((e) => e.value);
    const legends = await f.page.$$eval('legend', (l) => l.map((x) => x.textContent));
    const prev = readFileSync('samples/gr-2018/ale.xml', 'utf8');
    const members = (prev.match(/<medlem /g) || []).length;
    ok(name === /<grupp>\s*<namn>([^<]*)<\/namn>/.exec(prev)[1], `--fran: gruppens namn "${name}"`);
    ok(year === '2019', `--fran: året ${year}`);
    ok(legends.filter((l) => l.startsWith('Medlem')).length === members, `--fran: ${legends.length} rader, ${members} medlemmar förra året`);
    ok(!legends.some((l) => /^(Möte|Avvikelse|Utbildningsinsats)/.test(l)), '--fran: årets möten/avvikelser/insatser förs över');
    await axe(f.page, 'forifylld');
    await closeForm(f);
  }

  if (!process.env.FORMULAR_BARA) {
    const f = await openForm(empty);
    await axe(f.page, 'tomt');
    await closeForm(f);
    const g = await openForm(ale);
    await openFile(g, 'samples/ogiltiga/flera-fel.xml');
    await axe(g.page, 'med fel');
    await closeForm(g);
  }

  const samples = [...reportsIn('samples/gr-2019'), ...reportsIn('samples/gr-2018'), ...reportsUnder('samples/sodra-alvsborg')];
  ok(samples.length >= 60, `bara ${samples.length} exempel hittade`);
  const mall = mallReports();
  /* FORMULAR_BARA=del,del… runs only those parts (while developing). */
  const only = (process.env.FORMULAR_BARA || '').split(',').filter((x) => x);
  const run = (name) => only.length === 0 || only.includes(name);
  /* Every sample is opened once for the round trip and the comparison
   * with validera; the invalid samples and the variants in a second
   * form at the same time (own browser context, own downloads; neither
   * uses the keyboard or the focus), as two tabs. */
  const lanes = await Promise.allSettled([
    (async () => {
      if (run('rundtur') || run('exempel')) {
        await differential(empty, [...samples, ...mall], 'exempel', { compare: run('exempel'), roundTrip: run('rundtur') });
      }
    })(),
    (async () => {
      if (run('ogiltiga')) await differential(empty, reportsIn('samples/ogiltiga'), 'ogiltig');
      if (run('varianter')) await differential(ale, variants(), 'variant');
    })(),
  ]);
  for (const l of lanes) if (l.status === 'rejected') throw l.reason;
  if (run('nytt')) await fromScratch(ale);
  if (run('tangentbord')) await keyboardWalk(empty, 'samples/ogiltiga/flera-fel.xml');
  if (run('forhandsvisning')) await previewSame(empty, 'samples/gr-2019/ale.xml');
  if (run('utkast')) await draft(ale);
  ok(outside.length === 0, `sidan gjorde förfrågningar utanför sig själv: ${outside.join(', ')}`);
  console.log(`formular.mjs: ${samples.length} exempel och ${mall.length} från mall, ${checks} kontroller, ${failures} fel`);
} catch (e) {
  console.error('formular.mjs: ' + (e && e.stack ? e.stack : e));
  process.exitCode = 2;
} finally {
  await browser.close();
  rmSync(profile, { recursive: true, force: true });
  if (!process.env.FORMULAR_BEHALL) rmSync(tmp, { recursive: true, force: true });
}
if (process.exitCode !== 2) process.exit(failures ? 1 : 0);
