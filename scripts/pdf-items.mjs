// Print the text items pdf.js finds in a PDF, page by page, as the page sends them to the core:
//   node scripts/pdf-items.mjs FILE.pdf > items.json
// Used to make tests/fixtures/formats/*.pdfjs.json, so Rust tests cover the PDF path too.
import { getDocument } from '../node_modules/pdfjs-dist/legacy/build/pdf.mjs';
import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';

const cmaps = fileURLToPath(new URL('../node_modules/pdfjs-dist/cmaps/', import.meta.url));
const data = new Uint8Array(readFileSync(process.argv[2]));
const doc = await getDocument({ data, cMapUrl: cmaps, cMapPacked: true, isEvalSupported: false }).promise;
const pages = [];
for (let p = 1; p <= doc.numPages; p++) {
  const page = await doc.getPage(p);
  const { items } = await page.getTextContent();
  const r = (v) => Math.round(v * 100) / 100;
  pages.push(items.filter((i) => "str" in i).map((i) => ({ s: i.str, x: r(i.transform[4]), y: r(i.transform[5]), w: r(i.width), h: r(i.height || Math.abs(i.transform[3])) })));
}
process.stdout.write(JSON.stringify(pages));
