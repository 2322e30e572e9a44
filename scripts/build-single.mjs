// Make one self-contained HTML file from the built site: the page, its style, its script and
// the wasm (base64) inlined, plus the sample report. It works opened from disk (file://), for
// users who cannot host anything. PDFs need the site version (pdf.js is not inlined).
//   node scripts/build-single.mjs [SITE_DIR] [OUT_FILE]      (default: site dist/report-lens.html)
import { createHash } from 'node:crypto';
import { mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';

const [site = 'site', out = 'dist/report-lens.html'] = process.argv.slice(2);
const read = (f) => readFileSync(join(site, f), 'utf8');

const glue = read('pkg/report_lens.js');
let app = read('app.js');
const importLine = /^import init, \{[^}]*\} from '\.\/pkg\/report_lens\.js';$/m;
if (!importLine.test(app)) throw new Error('app.js: the import of the wasm glue was not found');
app = app.replace(importLine, 'const init = __wbg_init;');
if (!app.includes('    await init(await engineSource());')) throw new Error('app.js: the init() call was not found');
app = app.replace('    await init(await engineSource());', '    await init({ module_or_path: wasmBytes() });');
const wasm = readFileSync(join(site, 'pkg/report_lens_bg.wasm')).toString('base64');
const sample = read('samples/tianjun-2022.txt');

const script = [
  // The glue's `export` line is the only module syntax it needs; inline, nothing imports it.
  glue.replace(/^export \{ initSync, __wbg_init as default \};$/m, ''),
  `const WASM_BASE64 = ${JSON.stringify(wasm)};`,
  'function wasmBytes() { const s = atob(WASM_BASE64); const b = new Uint8Array(s.length); for (let i = 0; i < s.length; i++) b[i] = s.charCodeAt(i); return b; }',
  `globalThis.REPORT_LENS_SAMPLE = ${JSON.stringify(sample)};`,
  app,
].join('\n');
const style = read('style.css');
const hash = (s) => `'sha256-${createHash('sha256').update(s, 'utf8').digest('base64')}'`;
// Inline code is allowed by its hash only: nothing else can run.
const csp = `default-src 'none'; script-src ${hash(script)} 'wasm-unsafe-eval'; style-src ${hash(style)}; img-src data: blob:; connect-src 'none'; object-src 'none'; base-uri 'none'; form-action 'none'`;

let html = read('index.html');
const swap = (from, to) => {
  if (!html.includes(from)) throw new Error(`index.html: ${from} not found`);
  html = html.replace(from, () => to);
};
html = html.replace(/<meta http-equiv="Content-Security-Policy" content="[^"]*">/, () => `<meta http-equiv="Content-Security-Policy" content="${csp}">`);
swap('<link rel="stylesheet" href="style.css">', `<style>${style}</style>`);
swap('<script type="module" src="app.js"></script>', `<script type="module">${script}</script>`);
mkdirSync(dirname(out), { recursive: true });
writeFileSync(out, html);
console.log(`${out}: ${html.length} characters (wasm inlined), opens from disk`);
