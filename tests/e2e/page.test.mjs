// The page, end to end, in headless Chromium: drop or pick the sample report, read the table,
// the charts, the highlight and the CSV; inert HTML; no request leaves 127.0.0.1.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { mkdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { ARTIFACTS, SITE, dropFile, fixture, openPage, record, rows, waitForRun, withSite } from './harness.mjs';

const TIANJUN = fixture('tianjun-2022.txt');

const env = withSite();

/** The rows the issue names, present in the table with their values. */
function assertSampleRows(list) {
  const find = (name, kind, period) => list.find((r) => r.name === name && r.kind === kind && r.period === period);
  const gdp = find('地区生产总值', 'actual', '2021');
  assert.ok(gdp, 'GDP 2021 row');
  assert.equal(gdp.value, '21.5');
  assert.equal(gdp.unit, '亿元');
  const rural = find('农村常住居民人均可支配收入', 'actual', '2021');
  assert.ok(rural, 'rural income row');
  assert.equal(rural.value, '16883');
  assert.equal(rural.unit, '元');
  assert.equal(rural.changePct, '9.7');
  const target = find('地区生产总值', 'target', '2022');
  assert.ok(target, 'GDP target row');
  assert.equal(target.changePct, '3');
}

/** Every request went to the test server (or stayed inside the page: data:, blob:). */
function assertLocalOnly(page) {
  const outside = page.requests.filter((u) => !u.startsWith(env.base) && !u.startsWith('data:') && !u.startsWith('blob:'));
  assert.deepEqual(outside, [], 'requests outside 127.0.0.1');
}

describe('the page', () => {
  test('drop the sample report: header, table, charts; screenshot', async () => {
    const page = await openPage(env.browser, env.base);
    const runs = await dropFile(page, 'tianjun-2022.txt', TIANJUN);
    await waitForRun(page, runs);
    assertSampleRows(await rows(page));
    const meta = await page.$eval('#meta', (dl) => dl.textContent);
    for (const word of ['天峻县', '县级', '2022-03-09', '桑周', '2021年', '2022年', '毫秒']) assert.ok(meta.includes(word), `header has ${word}: ${meta}`);
    const charts = await page.$$eval('figure.chart svg', (svgs) => svgs.map((s) => s.querySelectorAll('rect').length));
    assert.ok(charts.length >= 3, `three charts, got ${charts.length}`);
    for (const n of charts) assert.ok(n >= 4, `bars in every chart (${charts})`);
    const tips = await page.$$eval('figure.chart .hit', (hits) => hits.map((h) => h.getAttribute('data-tip')));
    assert.ok(tips.some((t) => t.includes('农村常住居民人均可支配收入') && t.includes('16883') && t.includes('原文')), 'hover text with number and source');
    assert.match(await page.textContent('#status'), /已分析/);
    // Hovering a bar shows its tooltip. (Scroll first: scrolling hides the tooltip.)
    await page.$eval('figure.chart[data-id="incomes"]', (el) => el.scrollIntoView({ block: 'center' }));
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => requestAnimationFrame(ok))));
    await page.hover('figure.chart[data-id="incomes"] .hit >> nth=2');
    assert.match(await page.textContent('#tooltip'), /农村常住居民人均可支配收入.*16883/s);
    assert.equal(await page.isVisible('#tooltip'), true);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.screenshot({ path: join(ARTIFACTS, 'page.png'), fullPage: true });
    await page.evaluate(() => document.querySelector('#summary').scrollIntoView());
    await page.screenshot({ path: join(ARTIFACTS, 'page-top.png') });
    assertLocalOnly(page);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('pick the file with #file-input', async () => {
    const page = await openPage(env.browser, env.base);
    const runs = await page.evaluate(() => window.reportLens.runs);
    await page.setInputFiles('#file-input', { name: 'tianjun-2022.txt', mimeType: 'text/plain', buffer: TIANJUN });
    await waitForRun(page, runs);
    assertSampleRows(await rows(page));
    assertLocalOnly(page);
    await page.context().close();
  });

  test('clicking the 21.5 亿元 row highlights its sentence', async () => {
    const page = await openPage(env.browser, env.base);
    await waitForRun(page, await dropFile(page, 'tianjun-2022.txt', TIANJUN));
    await page.click('tr[data-name="地区生产总值"][data-kind="actual"][data-period="2021"][data-value="21.5"]');
    const marked = await page.textContent('#report-text mark');
    assert.ok(marked.includes('21.5'), marked);
    assert.ok(marked.includes('地区生产总值'), marked);
    // Only the text pane scrolled: the clicked row is still on screen.
    const rowBox = await page.$eval('tr[data-name="地区生产总值"][data-kind="actual"][data-period="2021"]', (tr) => tr.getBoundingClientRect().top);
    assert.ok(rowBox >= 0 && rowBox < 900, `row still visible (${rowBox})`);
    // The mark is scrolled into view inside the text box.
    const visible = await page.$eval('#report-text mark', (m) => {
      const box = document.querySelector('#report-text').getBoundingClientRect();
      const r = m.getBoundingClientRect();
      return r.top >= box.top - 1 && r.bottom <= box.bottom + 1;
    });
    assert.equal(visible, true);
    // Keyboard: focus a row and press Enter.
    await page.focus('tr[data-name="农村常住居民人均可支配收入"][data-kind="actual"]');
    await page.keyboard.press('Enter');
    assert.ok((await page.textContent('#report-text mark')).includes('16883'));
    // An outline heading is a link into the text.
    await page.click('#outline button >> nth=0');
    assert.match(await page.textContent('#report-text mark'), /2021\s*年工作回顾/);
    await page.context().close();
  });

  test('filter, search and sort the table', async () => {
    const page = await openPage(env.browser, env.base);
    await waitForRun(page, await dropFile(page, 'tianjun-2022.txt', TIANJUN));
    // Standard indicators only by default; all the report's figures on request.
    const catalog = await rows(page);
    assert.ok(catalog.some((r) => r.name === '地区生产总值'));
    assert.ok(!catalog.some((r) => r.name === '布哈河河道治理'), 'non-catalog rows hidden by default');
    await page.uncheck('#catalog-only');
    const all = (await rows(page)).length;
    assert.ok(all > catalog.length && (await rows(page)).some((r) => r.name === '布哈河河道治理'));
    await page.selectOption('#kind-filter', 'target');
    const targets = await rows(page);
    assert.ok(targets.length > 0 && targets.length < all);
    assert.ok(targets.every((r) => r.kind === 'target'));
    await page.selectOption('#kind-filter', 'all');
    await page.fill('#search', '可支配收入');
    assert.ok((await rows(page)).every((r) => r.name.includes('可支配收入')));
    // The search also finds a value as the table shows it.
    await page.fill('#search', '21.5亿元');
    assert.deepEqual((await rows(page)).map((r) => r.name), ['地区生产总值']);
    await page.fill('#search', '');
    await page.click('th[data-key="valueBase"] button');
    await page.click('th[data-key="valueBase"] button');
    const bases = await page.$$eval('tr[data-value-base]', (trs) => trs.map((t) => t.dataset.valueBase).filter((v) => v !== '').map(Number));
    assert.deepEqual(bases, [...bases].sort((a, b) => b - a), 'descending by value, units taken into account');
    const order = (await rows(page)).map((r) => `${r.value}${r.unit}`);
    assert.ok(order.indexOf('21.5亿元') < order.indexOf('40145元'), '21.5亿元 before 40145元');
    assert.equal(await page.getAttribute('th[data-key="valueBase"]', 'aria-sort'), 'descending');
    await page.context().close();
  });

  test('the CSV export: Chinese headers and the rows on screen by default; English codes for scripts', async () => {
    const page = await openPage(env.browser, env.base);
    await waitForRun(page, await dropFile(page, 'tianjun-2022.txt', TIANJUN));
    // Default: what the table shows (standard indicators, results only here), in Chinese, with
    // region, level and years on every row, base-unit values, one-line quotes.
    await page.selectOption('#kind-filter', 'actual');
    const shown = (await rows(page)).length;
    const [zh] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const zhBytes = readFileSync(await zh.path());
    assert.deepEqual([...zhBytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const zhCsv = zhBytes.toString('utf8').slice(1).trimEnd().split('\n');
    assert.equal(zhCsv[0], '文件,地区,级别,回顾年度,计划年度,指标,标准指标,类别,时期,数值,数值上限,单位,基本单位数值,增长（%）,增长上限（%）,变化（百分点）,约束,增长约束,口径,原文');
    assert.equal(zhCsv.length - 1, shown, 'one row per row on screen');
    assert.ok(zhCsv.slice(1).every((l) => l.includes(',结果,')), 'the filter (results) applied');
    assert.ok(zhCsv.includes('tianjun-2022.txt,天峻县,县级,2021,2022,地区生产总值,是,结果,2021,21.5,,亿元,2150000000,,,,,,,全年完成地区生产总值21.5亿元'), zhCsv.slice(0, 3).join('\n'));
    // The income whose figure runs across a page footer: its quote on one line.
    assert.ok(zhCsv.some((l) => l.startsWith('tianjun-2022.txt,天峻县,县级,2021,2022,农村常住居民人均可支配收入,是,结果,2021,16883,,元,16883,9.7,') && !l.includes('- 2 -')));
    await page.selectOption('#kind-filter', 'all');
    await page.check('#csv-english');
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    const bytes = readFileSync(await download.path());
    assert.deepEqual([...bytes.subarray(0, 3)], [0xef, 0xbb, 0xbf]);
    const csv = bytes.toString('utf8').slice(1);
    assert.ok(csv.startsWith('file,name,inCatalog,kind,period,value'));
    assert.match(csv, /\n[^\n]*,地区生产总值,true,actual,2021,21\.5,,亿元,/);
    assert.match(csv, /\n[^\n]*,农村常住居民人均可支配收入,true,actual,2021,16883,,元,9\.7,/);
    assert.match(csv, /\n[^\n]*,地区生产总值,true,target,2022,,,,3,/);
    const [json] = await Promise.all([page.waitForEvent('download'), page.click('#export-json')]);
    const report = JSON.parse(readFileSync(await json.path(), 'utf8'));
    assert.equal(report.meta.region, '天峻县');
    // Chart downloads: the SVG file and a PNG rendering of it.
    const [svg] = await Promise.all([page.waitForEvent('download'), page.click('figure.chart[data-id="growth"] button:has-text("下载 SVG")')]);
    assert.match(readFileSync(await svg.path(), 'utf8'), /^<svg[^>]*>[\s\S]*<title>/);
    const [png] = await Promise.all([page.waitForEvent('download'), page.click('figure.chart[data-id="growth"] button:has-text("下载 PNG")')]);
    assert.deepEqual([...readFileSync(await png.path()).subarray(0, 4)], [0x89, 0x50, 0x4e, 0x47]);
    await page.context().close();
  });

  test('a report containing HTML renders inert', async () => {
    const page = await openPage(env.browser, env.base);
    const evil = `${TIANJUN.toString('utf8')}\n<img src=x onerror=alert(1)>全县地区生产总值增长5%<script>alert(2)</script>，<b onmouseover=alert(3)>粗体</b>\n`;
    await waitForRun(page, await dropFile(page, 'evil<img src=x onerror=alert(4)>.txt', evil));
    const text = await page.textContent('#report-text');
    assert.ok(text.includes('<img src=x onerror=alert(1)>'), 'the characters are shown');
    assert.equal(await page.$$eval('#report-text img, #report-text script, #report-text b, #meta img, table img', (els) => els.length), 0);
    assert.ok((await page.textContent('#meta')).includes('evil<img src=x onerror=alert(4)>.txt'));
    await page.click('tr >> nth=1');
    assert.deepEqual(page.problems, [], 'no dialog, no error');
    assert.equal(page.requests.some((u) => u.endsWith('/x')), false, 'the img was never loaded');
    await page.context().close();
  });

  test('a file that is not text: a message in Chinese, and the result stays', async () => {
    const page = await openPage(env.browser, env.base);
    await waitForRun(page, await dropFile(page, 'tianjun-2022.txt', TIANJUN));
    const before = (await rows(page)).length;
    await dropFile(page, 'report.txt', Buffer.from([0x80, 0xff, 0x00, 0xd8, 0x00, 0x81, 0xff, 0x07, 0x80, 0x80]));
    await page.waitForSelector('#status[data-level="error"]');
    assert.match(await page.textContent('#status'), /不是文字.*请选择报告的文本/);
    assert.equal((await rows(page)).length, before, 'the table stays');
    await dropFile(page, 'novel.txt', '从前有座山，山里有座庙，庙里有个老和尚在讲故事。');
    await page.waitForFunction(() => /没有找到地区生产总值/.test(document.querySelector('#status').textContent));
    assert.equal((await rows(page)).length, before, 'the table stays');
    await dropFile(page, 'empty.txt', '');
    await page.waitForFunction(() => /文件是空的/.test(document.querySelector('#status').textContent));
    assert.equal((await rows(page)).length, before);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('the sample button, paste, keyboard and phone width', async () => {
    const page = await openPage(env.browser, env.base, { viewport: { width: 390, height: 844 } });
    let runs = await page.evaluate(() => window.reportLens.runs);
    await page.click('#sample-button');
    await waitForRun(page, runs);
    assertSampleRows(await rows(page));
    const overflow = await page.evaluate(() => document.documentElement.scrollWidth - window.innerWidth);
    assert.ok(overflow <= 0, `no sideways scrolling at phone width (${overflow}px)`);
    await page.screenshot({ path: join(ARTIFACTS, 'page-phone.png'), fullPage: false });
    // Paste.
    runs = await page.evaluate(() => window.reportLens.runs);
    await page.click('#paste summary');
    await page.fill('#paste-text', '2023年，全市地区生产总值增长5.2%，城镇调查失业率控制在5.5%以内。');
    await page.click('#paste-button');
    await waitForRun(page, runs);
    assert.ok((await rows(page)).some((r) => r.name === '城镇调查失业率' && r.value === '5.5'));
    // The file picker opens from the keyboard.
    // (Listen first: Playwright then intercepts the picker before the key is pressed.)
    const chooser = page.waitForEvent('filechooser');
    await page.focus('#file-input');
    await page.evaluate(() => new Promise((ok) => requestAnimationFrame(ok)));
    await page.keyboard.press('Space');
    assert.ok(await chooser);
    assertLocalOnly(page);
    await page.context().close();
  });
});

describe('budgets (measured, recorded in test-artifacts/measurements.json)', () => {
  test('page load to ready, drop to charts, wasm size', async () => {
    const loads = [];
    const drops = [];
    const cold = [];
    for (let i = 0; i < 7; i++) {
      const page = await openPage(env.browser, env.base);
      loads.push(await page.evaluate(() => window.reportLens.readyMs));
      // A user takes a moment to drop a file; the page uses it to warm up (see app.js). The
      // first run drops at once instead, to show the cost of a drop that comes before that.
      if (i > 0) await page.waitForFunction(() => window.reportLens.warm);
      await waitForRun(page, await dropFile(page, 'tianjun-2022.txt', TIANJUN));
      await page.waitForFunction(() => window.reportLens.last.paintMs !== null);
      (i > 0 ? drops : cold).push(await page.evaluate(() => window.reportLens.last));
      await page.context().close();
    }
    const median = (xs) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];
    const round = (x) => Math.round(x * 10) / 10;
    const wasm = readFileSync(join(SITE, 'pkg', 'report_lens_bg.wasm'));
    const result = {
      date: new Date().toISOString(),
      loadToReadyMs: { median: round(median(loads)), runs: loads.map(round) },
      dropToChartsMs: { median: round(median(drops.map((d) => d.paintMs))), runs: drops.map((d) => round(d.paintMs)) },
      dropToDomMs: { median: round(median(drops.map((d) => d.domMs))) },
      analysisMs: { median: round(median(drops.map((d) => d.analysisMs))) },
      steps: drops[Math.floor(drops.length / 2)].steps,
      dropBeforeWarmUpMs: { paint: round(cold[0].paintMs), analysis: round(cold[0].analysisMs) },
      wasmBytes: statSync(join(SITE, 'pkg', 'report_lens_bg.wasm')).size,
      wasmGzipBytes: gzipSync(wasm, { level: 9 }).length,
    };
    record('page', result);
    console.log(JSON.stringify(result));
    assert.ok([...drops, ...cold].every((d) => d.charts >= 3));
  });
});
