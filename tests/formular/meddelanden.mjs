// meddelanden.mjs - one source for the rule messages: the texts the form
// of `vastbus formular` carries are exactly those of src/check/messages.h,
// which the C checks use as their formats.
//
//   node tests/formular/meddelanden.mjs FORMULAR.html
//
// Reads every CK_MSG_* and CK_PNR_* entry of the header (C string
// literals, one per line) and compares them, name by name and text by
// text, with the JSON data block of the page; then checks that no rule
// checker in src/check passes a message of its own to vb_diag(), and that
// every finding code a checker reports is in the page's table.
import { readFileSync, readdirSync } from 'node:fs';

const page = readFileSync(process.argv[2], 'utf8');
const data = JSON.parse(/<script type="application\/json" id="vb-data">([\s\S]*?)<\/script>/.exec(page)[1]);
const hdr = readFileSync('src/check/messages.h', 'utf8');
let fail = 0;
const no = (m) => { fail++; console.log('FAIL: ' + m); };

/* A C string literal's value (the escapes messages.h uses). */
const unc = (s) => s.replace(/\\(["\\nt])/g, (m, c) => ({ n: '\n', t: '\t' }[c] || c));

const header = {};
for (const m of hdr.matchAll(/^#define CK_MSG_([A-Z0-9_]+) "((?:[^"\\]|\\.)*)"$/gm)) header[m[1]] = unc(m[2]);
const n = Object.keys(header).length;
if (n < 30) no(`bara ${n} meddelanden hittades i messages.h`);
for (const [k, v] of Object.entries(header)) {
  if (!(k in data.meddelanden)) no(`CK_MSG_${k} saknas i formuläret`);
  else if (data.meddelanden[k] !== v) no(`CK_MSG_${k}: formuläret har "${data.meddelanden[k]}", messages.h "${v}"`);
}
for (const k of Object.keys(data.meddelanden)) if (!(k in header)) no(`formuläret har ${k}, som inte finns i messages.h`);

for (const [macro, key] of [['CK_PNR_SECTIONS', 'pnrAvsnitt'], ['CK_PNR_FIELDS', 'pnrFalt']]) {
  const block = new RegExp(`#define ${macro}\\(X\\)([\\s\\S]*?)\\n\\n`).exec(hdr)[1];
  const pairs = [...block.matchAll(/X\("((?:[^"\\]|\\.)*)", "((?:[^"\\]|\\.)*)"\)/g)].map((m) => [unc(m[1]), unc(m[2])]);
  if (pairs.length < 5 || JSON.stringify(pairs) !== JSON.stringify(data[key])) no(`${macro} och formulärets ${key} skiljer sig`);
}

/* Every vb_diag() / vb_asprintf() in a checker takes its format from
 * messages.h: no Swedish string literal as a format. */
for (const f of readdirSync('src/check').filter((x) => /^check_.*\.c$/.test(x))) {
  const src = readFileSync('src/check/' + f, 'utf8');
  for (const m of src.matchAll(/vb_(?:diag|asprintf)\(([^;]*?)\);/gs)) {
    if (/"[^"]*[a-zåäö]{3}[^"]*"/.test(m[1])) no(`${f}: vb_diag/vb_asprintf med egen text: ${m[0].replace(/\s+/g, ' ').slice(0, 120)}`);
  }
}
/* Every finding code a rule checker reports has its headline and level
 * in the page (the table in src/cli/cmd_formular.c), so the form's
 * checks and the browser test know it. */
const table = readFileSync('src/cli/cmd_formular.c', 'utf8');
const inPage = new Set([...table.matchAll(/\{ "[A-Z_]+", (VB_[EWS]_[A-Z0-9_]+) \}/g)].map((m) => m[1]));
if (inPage.size < 16) no(`bara ${inPage.size} koder i tabellen i src/cli/cmd_formular.c`);
for (const f of readdirSync('src/check').filter((x) => /\.c$/.test(x))) {
  for (const m of readFileSync('src/check/' + f, 'utf8').matchAll(/\bVB_[EW]_[A-Z0-9_]+/g)) {
    if (!inPage.has(m[0])) no(`${f}: ${m[0]} finns inte bland formulärets fynd (src/cli/cmd_formular.c)`);
  }
}
if (fail) process.exit(1);
console.log(`meddelanden.mjs: ${n} meddelanden lika i messages.h och formuläret`);
