// 标出全部数字, end to end in headless Chromium: the sample report's every figure marked in the
// text pane — inserted as text nodes, the text itself unchanged — as many as `report-lens
// figures` lists (and the wasm handle gives the page), a real figure among them; a row's
// highlight still works with the marks on; turning them off gives the plain text back.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { execFileSync } from 'node:child_process';
import { join } from 'node:path';
import { mkdirSync } from 'node:fs';
import { ARTIFACTS, FIXTURES, ROOT, fixture, openPage, waitForRun, withSite } from './harness.mjs';

const TIANJUN = fixture('tianjun-2022.txt').toString('utf8');

const env = withSite();

/** The figures of a file as the CLI prints them (built by `cargo` if it is not yet). */
function cliFigures(file) {
  const out = execFileSync('cargo', ['run', '--quiet', '--release', '--', 'figures', file], { cwd: ROOT, encoding: 'utf8', maxBuffer: 64 << 20 });
  return JSON.parse(out).figures;
}

/** The marked figures of the text pane: text, kind and tooltip of each `mark.figure`. */
function marks(page) {
  return page.$$eval('#report-text mark.figure', (ms) => ms.map((m) => ({ text: m.textContent, kind: m.dataset.kind, title: m.title })));
}

describe('标出全部数字', () => {
  test('every figure of the sample is marked, as many as the CLI lists', async () => {
    const page = await openPage(env.browser, env.base);
    const runs = await page.evaluate(() => window.reportLens.runs);
    await page.click('#sample-button');
    await waitForRun(page, runs);
    assert.equal(await page.isChecked('#mark-figures'), false, 'off by default');
    assert.equal(await page.$$eval('#report-text mark', (m) => m.length), 0);
    const label = await page.textContent('label:has(#mark-figures)');
    assert.match(label, /标出全部数字/);

    await page.check('#mark-figures');
    await page.waitForSelector('#report-text mark.figure');
    const marked = await marks(page);
    const cli = cliFigures(join(FIXTURES, 'tianjun-2022.txt'));
    assert.ok(cli.length > 100, `${cli.length} figures`);
    // One mark per figure, in order, with the figure's own text: the CLI's list and the page's.
    assert.equal(marked.length, cli.length);
    assert.deepEqual(marked.map((m) => m.text), cli.map((f) => f.text));
    assert.deepEqual(marked.map((m) => m.kind), cli.map((f) => f.kind));
    assert.equal(await page.evaluate(() => window.reportLens.figuresMarked), cli.length, 'the wasm handle gave as many');
    assert.equal(await page.textContent('#figure-count'), `已标出 ${cli.length} 个数字`);
    // `全年完成地区生产总值 21.5 亿元` and the income broken by a page marker.
    const gdp = marked.find((m) => m.text === '21.5 亿元');
    assert.ok(gdp, '21.5 亿元 is marked');
    assert.equal(gdp.kind, 'money');
    assert.equal(gdp.title, '21.5亿元（金额）');
    assert.ok(marked.some((m) => m.text === '16883\n- 2 -\n元'), 'a figure across a page break is one mark');
    assert.ok(marked.some((m) => m.text === '9.7%' && m.kind === 'percent'));
    // The marks hold text nodes only, and the text is the report's, unchanged.
    assert.equal(await page.textContent('#report-text'), TIANJUN);
    // (A long text is laid out in blocks of the page's own, `div.text-chunk`, holding only
    // text and marks.)
    const kinds = await page.$$eval('#report-text *', (els) => [...new Set(els.map((e) => `${e.tagName}.${e.className}`))]);
    assert.deepEqual(kinds.filter((k) => k !== 'DIV.text-chunk'), ['MARK.figure']);
    assert.ok(await page.$$eval('#report-text > *', (els) => els.every((e) => e.matches('div.text-chunk') && [...e.children].every((c) => c.matches('mark.figure')))));
    assert.ok(await page.$$eval('#report-text mark.figure', (ms) => ms.every((m) => m.childNodes.length === 1 && m.firstChild.nodeType === Node.TEXT_NODE)));
    // The page's first mark sits where the CLI's offsets say: the text before it has `start` UTF-16 units.
    const before = await page.$eval('#report-text mark.figure', (m) => {
      const r = document.createRange();
      r.setStart(document.querySelector('#report-text'), 0);
      r.setEndBefore(m);
      return r.toString().length;
    });
    assert.equal(before, cli[0].start);
    mkdirSync(ARTIFACTS, { recursive: true });
    await page.$eval('#text-section', (el) => el.scrollIntoView());
    await page.screenshot({ path: join(ARTIFACTS, 'figures.png') });
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('a row still highlights its clause with the marks on; off gives the plain text back', async () => {
    const page = await openPage(env.browser, env.base);
    const runs = await page.evaluate(() => window.reportLens.runs);
    await page.click('#sample-button');
    await waitForRun(page, runs);
    await page.check('#mark-figures');
    await page.click('tr[data-name="地区生产总值"][data-kind="actual"][data-period="2021"][data-value="21.5"]');
    const quote = await page.textContent('#report-text mark.quote');
    assert.ok(quote.includes('地区生产总值') && quote.includes('21.5'), quote);
    assert.equal(await page.textContent('#report-text mark.quote mark.figure'), '21.5 亿元');
    assert.equal(await page.textContent('#report-text'), TIANJUN);
    await page.uncheck('#mark-figures');
    assert.equal(await page.$$eval('#report-text mark.figure', (m) => m.length), 0);
    assert.ok((await page.textContent('#report-text mark.quote')).includes('21.5'), 'the highlight stays');
    assert.equal(await page.textContent('#figure-count'), '');
    assert.equal(await page.textContent('#report-text'), TIANJUN);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
