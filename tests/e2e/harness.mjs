// Shared set-up for the end-to-end tests: serve the built site on 127.0.0.1 and drive Debian's
// Chromium with playwright-core. The site must be built first (scripts/build-site, which
// scripts/test runs).
import { after, before } from 'node:test';
import { chromium } from 'playwright-core';
import { existsSync, mkdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { serve } from '../../scripts/serve.mjs';

export const ROOT = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
export const SITE = process.env.SITE_DIR ?? join(ROOT, 'site');
export const ARTIFACTS = join(ROOT, 'test-artifacts');
export const FIXTURES = join(ROOT, 'tests', 'fixtures');

const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const ARGS = ['--headless', '--no-sandbox', '--disable-gpu', '--disable-dev-shm-usage', '--disable-background-networking', '--disable-component-update', '--disable-sync', '--no-first-run'];

/** Start the server and the browser; returns { base, browser, close }. */
export async function start() {
  if (!existsSync(join(SITE, 'index.html'))) throw new Error(`no site in ${SITE}: run scripts/build-site first`);
  const server = await serve(SITE, 0);
  const base = `http://127.0.0.1:${server.address().port}/`;
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  return {
    base,
    browser,
    async close() {
      await browser.close();
      await new Promise((ok) => server.close(ok));
    },
  };
}

/**
 * Start the server and the browser before a test file's tests, stop them after. Returns an
 * object that has `base` and `browser` once the tests run.
 */
export function withSite() {
  const env = {};
  before(async () => {
    Object.assign(env, await start());
  });
  after(async () => {
    await env.close();
  });
  return env;
}

/**
 * A fresh page that records every request, console error and dialog.
 * `page.requests` lists request URLs; `page.problems` lists page errors and dialogs.
 */
export async function openPage(browser, base, options = {}) {
  const context = await browser.newContext({ acceptDownloads: true, viewport: { width: 1280, height: 900 }, ...options });
  const page = await context.newPage();
  page.requests = [];
  page.problems = [];
  page.on('request', (r) => page.requests.push(r.url()));
  page.on('pageerror', (e) => page.problems.push(`pageerror: ${e.message}`));
  page.on('dialog', async (d) => {
    page.problems.push(`dialog: ${d.message()}`);
    await d.dismiss();
  });
  page.on('console', (m) => {
    if (m.type() === 'error') page.problems.push(`console: ${m.text()}`);
  });
  await page.goto(base);
  await page.waitForFunction(() => window.reportLens && window.reportLens.ready);
  return page;
}

/** Drop a file on #drop-zone with a real `drop` event carrying a DataTransfer. */
export async function dropFile(page, name, content, type = 'text/plain') {
  const bytes = typeof content === 'string' ? [...Buffer.from(content, 'utf8')] : [...content];
  const runs = await page.evaluate(() => window.reportLens.runs);
  await page.evaluate(
    ({ name, bytes, type }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([new Uint8Array(bytes)], name, { type }));
      const zone = document.querySelector('#drop-zone');
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    },
    { name, bytes, type },
  );
  return runs;
}

/** Wait until an analysis newer than `runs` is on screen (or a new status message). */
export async function waitForRun(page, runs) {
  await page.waitForFunction((n) => window.reportLens.runs > n, runs);
}

/** Rows of the indicator table as plain objects (from the stable data-* hooks). */
export async function rows(page) {
  return page.$$eval('tr[data-name][data-kind][data-period]', (trs) =>
    trs.map((tr) => ({ name: tr.dataset.name, kind: tr.dataset.kind, period: tr.dataset.period, value: tr.dataset.value, unit: tr.dataset.unit, changePct: tr.dataset.changePct })),
  );
}

export function fixture(name) {
  return readFileSync(join(FIXTURES, name));
}

/** Record a measurement in test-artifacts/measurements.json (merged across test files). */
export function record(key, value) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const file = join(ARTIFACTS, 'measurements.json');
  const all = existsSync(file) ? JSON.parse(readFileSync(file, 'utf8')) : {};
  all[key] = value;
  writeFileSync(file, JSON.stringify(all, null, 2) + '\n');
}

/** All facts on screen as `name|kind|period|value|changePct` strings (every row, not only the standard ones). */
export async function facts(page) {
  await page.uncheck('#catalog-only');
  const list = await page.$$eval('tr[data-name][data-kind][data-period]', (trs) => trs.map((t) => [t.dataset.name, t.dataset.kind, t.dataset.period, t.dataset.value, t.dataset.changePct].join('|')));
  await page.check('#catalog-only');
  return new Set(list);
}
