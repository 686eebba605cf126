// axe.mjs - run axe-core (WCAG 2.0/2.1 A and AA rules) on HTML pages in
// Debian's headless Chromium, at a desktop and a phone width.
//
//   node tests/html/axe.mjs [--screenshot DIR] PAGE.html ...
//
// Exit status: 0 when every page has 0 violations and loads nothing but
// itself; 1 on a violation or an outside request; 2 on a usage or browser
// error. The browser is /usr/bin/chromium unless CHROMIUM says otherwise;
// it runs with a fresh profile that is removed afterwards.

import { readFileSync, mkdtempSync, rmSync, existsSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve, basename } from 'node:path';
import { pathToFileURL } from 'node:url';
import { createRequire } from 'node:module';
import puppeteer from 'puppeteer-core';

const require = createRequire(import.meta.url);
const axeSource = readFileSync(require.resolve('axe-core/axe.min.js'), 'utf8');

const TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'];
const VIEWPORTS = [
  { name: 'dator', width: 1200, height: 1800 },
  { name: 'mobil', width: 390, height: 844, isMobile: true, hasTouch: true, deviceScaleFactor: 1 },
];

let shotDir = null;
const pages = [];
const argv = process.argv.slice(2);
for (let i = 0; i < argv.length; i++) {
  if (argv[i] === '--screenshot') {
    shotDir = argv[++i];
  } else {
    pages.push(argv[i]);
  }
}
if (pages.length === 0) {
  console.error('användning: node axe.mjs [--screenshot KATALOG] SIDA.html ...');
  process.exit(2);
}
const executablePath = process.env.CHROMIUM || '/usr/bin/chromium';
if (!existsSync(executablePath)) {
  console.error(`axe.mjs: ${executablePath} saknas (Debian-paketet chromium)`);
  process.exit(2);
}
if (shotDir) mkdirSync(shotDir, { recursive: true });

const profile = mkdtempSync(join(tmpdir(), 'vastbus-axe-'));
let browser;
let failed = false;
try {
  browser = await puppeteer.launch({
    executablePath,
    headless: true,
    userDataDir: profile,
    args: [
      '--headless', '--no-sandbox', '--disable-gpu', '--disable-quic',
      '--no-first-run', '--disable-background-networking',
      '--disable-component-update', '--disable-sync',
      '--disable-dev-shm-usage',
      // The browser's own omnibox popup (a WebUI page in a renderer of
      // its own, preloaded even headless): about 15 % of the CPU here.
      '--disable-features=PreloadTopChromeWebUI,WebUIOmniboxPopup,WebUIOmniboxAimPopup',
    ],
  });
  // One tab per width, each reused for every page in turn (a new tab
  // costs the browser about as much CPU as the axe run itself); the two
  // widths of a page are checked at the same time, in their own renderers.
  // The first page is opened by its URL and axe-core put into the tab
  // once; each further page replaces the document (document.open, write,
  // close: a new document, parsed as loaded, in standards mode by its
  // doctype) in the same window, where axe-core stays. Compiling and
  // starting axe.min.js in every new page cost about as much CPU as the
  // axe run itself. The pages all lie in one folder, so anything a page
  // referred to would resolve as when opened by its own URL, and every
  // request the tab makes after the first page is one outside the page.
  const tabs = [];
  for (const vp of VIEWPORTS) {
    const page = await browser.newPage();
    await page.setViewport(vp);
    const tab = { page, vp, url: null, outside: [], axe: false };
    // A self-contained page requests nothing but itself.
    await page.setRequestInterception(true);
    page.on('request', (req) => {
      if (req.url() === tab.url || req.url().startsWith('data:')) {
        req.continue();
      } else {
        tab.outside.push(req.url());
        req.abort();
      }
    });
    tabs.push(tab);
  }
  // Checks file in tab; returns the lines to print.
  const check = async (tab, file) => {
    const { page, vp } = tab;
    const url = pathToFileURL(resolve(file)).href;
    const lines = [];
    tab.outside = [];
    if (!tab.axe) {
      tab.url = url;
      await page.goto(url, { waitUntil: 'load' });
      await page.evaluate(axeSource);
      tab.axe = true;
    } else {
      tab.url = null;
      const html = readFileSync(file, 'utf8');
      await page.evaluate((h) => {
        document.open();
        document.write(h);
        document.close();
      }, html);
      await page.waitForFunction(() => document.readyState === 'complete');
    }
    if (!(await page.evaluate(() => !!window.axe))) throw new Error(`${file}: axe-core saknas i fliken`);
    const result = await page.evaluate(
      (tags) => window.axe.run(document, { runOnly: { type: 'tag', values: tags }, resultTypes: ['violations', 'incomplete'] }),
      TAGS);
    const where = `${file} (${vp.name} ${vp.width}px)`;
    for (const v of result.violations) {
      failed = true;
      lines.push(`${where}: ${v.id} [${v.impact}] ${v.help}`);
      for (const n of v.nodes) {
        lines.push(`    ${n.target.join(' ')}: ${n.failureSummary.replace(/\n\s*/g, ' ')}`);
      }
    }
    for (const u of tab.outside) {
      failed = true;
      lines.push(`${where}: sidan hämtar en extern resurs: ${u}`);
    }
    const incomplete = result.incomplete.map((v) => v.id);
    lines.push(`${where}: ${result.violations.length} överträdelser, ${result.passes ? result.passes.length : 'ej räknade'} godkända` +
      (incomplete.length ? `, att granska manuellt: ${incomplete.join(', ')}` : ''));
    if (shotDir) {
      // Pieces of at most 1600 px, so that each stays legible.
      const height = await page.evaluate(() => document.documentElement.scrollHeight);
      const piece = 1600;
      for (let y = 0, n = 1; y < height; y += piece, n++) {
        const out = join(shotDir, `${basename(file, '.html')}-${vp.name}-${n}.png`);
        await page.screenshot({
          path: out,
          captureBeyondViewport: true,
          clip: { x: 0, y, width: vp.width, height: Math.min(piece, height - y) },
        });
        lines.push(`${where}: skärmbild ${out}`);
      }
    }
    return lines;
  };
  for (const file of pages) {
    const done = await Promise.all(tabs.map((tab) => check(tab, file)));
    for (const lines of done) {
      for (const l of lines) console.log(l);
    }
  }
} catch (e) {
  console.error(`axe.mjs: ${e && e.stack ? e.stack : e}`);
  process.exitCode = 2;
} finally {
  if (browser) await browser.close();
  rmSync(profile, { recursive: true, force: true });
}
if (process.exitCode !== 2) process.exit(failed ? 1 : 0);
