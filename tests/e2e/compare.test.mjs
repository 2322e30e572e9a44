// Several reports in headless Chromium: the national reports of the corpus dropped together give
// the GDP series, the targets table (2023's 5%左右 met by 2024's 5.2%, and every other pair the
// corpus allows), the comparison charts, terms with their sentences; reports can be removed.
import { test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import { join } from 'node:path';
import { ARTIFACTS, fixture, openPage, record, withSite } from './harness.mjs';

const YEARS = [2019, 2021, 2022, 2023, 2024, 2025];

const env = withSite();

/** Drop the national reports together, in one DataTransfer; resolves when the view is drawn. */
async function dropNational(page) {
  const files = YEARS.map((y) => [`national-${y}.txt`, [...fixture(`national/national-${y}.txt`)]]);
  await page.evaluate((list) => {
    window.__files = list.map(([name, bytes]) => new File([new Uint8Array(bytes)], name, { type: 'text/plain' }));
  }, files);
  await page.evaluate(() => {
    const dt = new DataTransfer();
    for (const f of window.__files) dt.items.add(f);
    window.reportLens.comparePaintMs = null;
    document.querySelector('#drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  });
  await page.waitForFunction(() => window.reportLens.comparePaintMs);
}

async function targetRow(page, name, period) {
  return page.$eval(`#targets tr[data-name="${name}"][data-period="${period}"]`, (tr) => ({
    status: tr.dataset.status,
    target: tr.dataset.targetChangePct,
    result: tr.dataset.resultChangePct,
    text: tr.textContent,
  }));
}

test('national reports 2019, 2021–2025 together: series, targets against results, charts, words', async () => {
  const page = await openPage(env.browser, env.base);
  await page.waitForFunction(() => window.reportLens.warm);
  await dropNational(page);
  assert.equal(await page.isVisible('#compare'), true, 'the comparison view opens');
  assert.match(await page.textContent('#tab-compare'), /6 份/);
  // The pairs the corpus allows, and the ones it does not.
  const gdp2023 = await targetRow(page, '国内生产总值', '2023');
  assert.deepEqual([gdp2023.status, gdp2023.target, gdp2023.result], ['met', '5', '5.2']);
  assert.match(gdp2023.text, /增长5%左右.*增长5\.2%.*达成.*national-2023\.txt → national-2024\.txt/);
  assert.equal((await targetRow(page, '国内生产总值', '2021')).status, 'met');
  assert.equal((await targetRow(page, '国内生产总值', '2022')).status, 'missed');
  assert.equal((await targetRow(page, '国内生产总值', '2024')).status, 'met');
  assert.equal((await targetRow(page, '国内生产总值', '2019')).status, 'no_result');
  assert.equal((await targetRow(page, '国内生产总值', '2025')).status, 'no_result');
  assert.equal((await targetRow(page, '居民消费价格指数', '2023')).status, 'met');
  // Charts: targets against results, the GDP series by year, the terms.
  const ids = await page.$$eval('#compare-charts figure.chart', (figs) => figs.map((f) => f.dataset.id));
  assert.deepEqual(ids, ['targets', 'trend', 'words']);
  const trendTips = await page.$$eval('#compare-charts figure[data-id="trend"] .hit', (hits) => hits.map((h) => h.getAttribute('data-tip')));
  assert.ok(trendTips.some((t) => t.startsWith('国内生产总值 2023年结果：5.2%')), trendTips.join('\n'));
  assert.equal(await page.$$eval('#compare-charts figure[data-id="trend"] svg polyline', (p) => p.length) > 0, true);
  // The view as a user sees it (the README's screenshot).
  mkdirSync(ARTIFACTS, { recursive: true });
  await page.evaluate(() => window.scrollTo(0, document.querySelector('#view-tabs').offsetTop - 8));
  await page.screenshot({ path: join(ARTIFACTS, 'compare.png') });
  await page.screenshot({ path: join(ARTIFACTS, 'compare-full.png'), fullPage: true });
  // Another series from the list.
  const option = await page.$$eval('#trend-select option', (os) => os.map((o) => o.value).find((v) => v.includes('居民消费价格指数')));
  await page.selectOption('#trend-select', option);
  assert.match(await page.getAttribute('#compare-charts figure[data-id="trend"] svg', 'aria-label'), /居民消费价格指数/);
  // Terms: a term of one's own, and its sentences.
  await page.fill('#term-input', '稳就业');
  await page.click('#term-form button[type=submit]');
  await page.waitForSelector('#kwic h3');
  assert.match(await page.textContent('#kwic h3'), /含“稳就业”的句子/);
  assert.ok((await page.$$eval('#kwic li mark', (m) => m.length)) > 0);
  await page.click('#terms button[data-term="新质生产力"]');
  assert.match(await page.textContent('#kwic'), /新质生产力/);
  // The single-report view is one click away, and a report can be removed.
  await page.click('#files li[data-file="national-2023.txt"] button:has-text("查看")');
  assert.equal(await page.isVisible('#result'), true);
  assert.match(await page.textContent('#meta'), /2023年/);
  await page.click('#files li[data-file="national-2024.txt"] button:has-text("移除")');
  await page.click('#tab-compare');
  assert.match(await page.textContent('#tab-compare'), /5 份/);
  assert.equal((await targetRow(page, '国内生产总值', '2023')).status, 'no_result', 'without the 2024 report, 2023 has no result');
  // The targets table downloads as CSV.
  const [csv] = await Promise.all([page.waitForEvent('download'), page.click('#export-targets')]);
  assert.ok((await csv.suggestedFilename()).endsWith('.csv'));
  assert.deepEqual(page.problems, []);
  await page.context().close();
});

test('provincial reports of one year: regions side by side', async () => {
  const page = await openPage(env.browser, env.base);
  const names = ['beijing', 'jiangsu', 'sichuan', 'gansu', 'liaoning', 'yunnan'];
  const files = names.map((n) => [`${n}-2026.txt`, [...fixture(`provinces/${n}-2026.txt`)]]);
  await page.evaluate((list) => {
    const dt = new DataTransfer();
    for (const [name, bytes] of list) dt.items.add(new File([new Uint8Array(bytes)], name));
    window.reportLens.comparePaintMs = null;
    document.querySelector('#drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
  }, files);
  await page.waitForFunction(() => window.reportLens.comparePaintMs);
  const regions = await page.$$eval('#regions tr[data-region]', (trs) => trs.map((t) => t.dataset.region));
  assert.deepEqual(regions.sort(), ['云南省', '四川省', '北京市', '江苏省', '甘肃省', '辽宁省'].sort());
  const ids = await page.$$eval('#compare-charts figure.chart', (figs) => figs.map((f) => f.dataset.id));
  assert.ok(ids.includes('regions-growth') && ids.includes('regions-income'), ids.join());
  await page.context().close();
});

test('budget: all national reports loaded to all charts drawn (measured)', async () => {
  const runs = [];
  for (let i = 0; i < 5; i++) {
    const page = await openPage(env.browser, env.base);
    await page.waitForFunction(() => window.reportLens.warm);
    await dropNational(page);
    runs.push(await page.evaluate(() => Math.round(window.reportLens.comparePaintMs * 10) / 10));
    await page.context().close();
  }
  const bytes = YEARS.reduce((a, y) => a + fixture(`national/national-${y}.txt`).length, 0);
  const median = [...runs].sort((a, b) => a - b)[2];
  record('compareNational', { bytes, dropToAllChartsMs: { median, runs } });
  console.log(JSON.stringify({ bytes, median, runs }));
});
