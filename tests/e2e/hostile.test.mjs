// Hostile input in the page (issue 11), in headless Chromium: each input the security review
// reproduced, dropped as a file or opened from a share link, leaves the page answering clicks
// and gives a message; an analysis that runs past its time limit is stopped (the watchdog) and
// what was on screen stays; a view opened from a link says where its figures come from.
import { describe, test } from 'node:test';
import { readFileSync } from 'node:fs';
import assert from 'node:assert/strict';
import { dropFile, fixture, openPage, record, rows, waitForRun, withSite } from './harness.mjs';

const env = withSite();

/** The inputs that froze the page or the tab (issue 11, "What was reproduced"). */
const INPUTS = {
  'long-digits': `地区生产总值增长${'9'.repeat(400)}%左右`,
  'huge-values': `全县地区生产总值达到${'9'.repeat(302)}亿元，增长5%。`,
  'figures-one-sentence': `地区生产总值${'5.5亿元'.repeat(40000)}`,
  'list-items': `${'甲、'.repeat(9000)}${'乙'.repeat(9000)}增长5%`,
  'clauses-one-sentence': '地区生产总值增长5%，'.repeat(90000),
  'numerals': '亿'.repeat(300000),
  'fenbie-list': `${Array.from({ length: 6000 }, (_, k) => `第${k}项收入`).join('、')}分别增长${Array.from({ length: 6000 }, (_, k) => `${(k % 9) + 1}.${k % 10}%`).join('、')}。`,
  'open-tags.html': `<html><body><p>全县地区生产总值增长5%。</p>${'<div '.repeat(150000)}`,
};

/** Drop `text` as a file without shipping its bytes one by one through the protocol. */
async function dropText(page, name, text) {
  const runs = await page.evaluate(() => window.reportLens.runs);
  await page.evaluate(
    ({ name, text }) => {
      const dt = new DataTransfer();
      dt.items.add(new File([text], name, { type: name.endsWith('.html') ? 'text/html' : 'text/plain' }));
      const zone = document.querySelector('#drop-zone');
      zone.dispatchEvent(new DragEvent('dragover', { dataTransfer: dt, bubbles: true, cancelable: true }));
      zone.dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      window.__status = document.querySelector('#status').textContent;
    },
    { name, text },
  );
  return runs;
}

/** How long the page takes to answer (a task queued now runs only when the main thread is free). */
async function answerMs(page) {
  const t = Date.now();
  await page.evaluate(() => new Promise((ok) => setTimeout(ok, 0)));
  return Date.now() - t;
}

/** The PDF bomb of issue 11: `pages` pages sharing one content stream (as tests/cli.rs makes it). */
function pdfBomb(pages) {
  const line = 'GDP 5.5 percent growth '.repeat(8);
  const content = Array.from({ length: 110 }, (_, k) => `BT /F1 6 Tf 10 ${10 + k * 7} Td (${line}) Tj ET\n`).join('');
  const kids = Array.from({ length: pages }, (_, k) => `${5 + k} 0 R`).join(' ');
  const objs = [
    '<< /Type /Catalog /Pages 2 0 R >>',
    `<< /Type /Pages /Kids [${kids}] /Count ${pages} >>`,
    `<< /Length ${content.length} >>\nstream\n${content}\nendstream`,
    '<< /Type /Font /Subtype /Type1 /BaseFont /Helvetica >>',
    ...Array.from({ length: pages }, () => '<< /Type /Page /Parent 2 0 R /MediaBox [0 0 612 792] /Contents 3 0 R /Resources << /Font << /F1 4 0 R >> >> >>'),
  ];
  let out = '%PDF-1.4\n';
  const offsets = [];
  objs.forEach((o, i) => {
    offsets.push(out.length);
    out += `${i + 1} 0 obj\n${o}\nendobj\n`;
  });
  const xref = out.length;
  out += `xref\n0 ${objs.length + 1}\n0000000000 65535 f \n${offsets.map((o) => `${String(o).padStart(10, '0')} 00000 n \n`).join('')}`;
  out += `trailer\n<< /Size ${objs.length + 1} /Root 1 0 R >>\nstartxref\n${xref}\n%%EOF\n`;
  return Buffer.from(out, 'latin1');
}

describe('hostile input in the page', () => {
  test('a PDF bomb is stopped while its pages are read', async () => {
    const page = await openPage(env.browser, env.base);
    // A real PDF first: pdf.js is loaded once, on the first PDF (timed apart).
    let t0 = Date.now();
    await waitForRun(page, await dropFile(page, 'tianjun-2022.pdf', fixture('formats/tianjun-2022.pdf'), 'application/pdf'));
    const measured = { firstRealPdf: Date.now() - t0 };
    for (const [pages, says] of [[3000, /有 3000 页，超过了 1000 页的上限/], [900, /文字超过了 100 万字的上限（读到第 \d+ 页时），已停止读取/]]) {
      t0 = Date.now();
      const runs = await page.evaluate(() => window.reportLens.runs);
      // (ASCII only: passed as a string, so the drop itself takes no time to ship.)
      await dropText(page, `bomb-${pages}.pdf`, pdfBomb(pages).toString('latin1'));
      await page.waitForFunction(() => document.querySelector('#status').dataset.level === 'error', null, { timeout: 5000 });
      measured[pages] = Date.now() - t0;
      assert.match(await page.textContent('#status'), says);
      assert.equal(await page.evaluate(() => window.reportLens.runs), runs);
    }
    record('hostile.pdfBombMs', measured);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('every reproduced input leaves the page answering and gives a message', async () => {
    const page = await openPage(env.browser, env.base);
    // Every task of the main thread longer than 50 ms, as the browser reports them.
    await page.evaluate(() => {
      window.__longest = 0;
      new PerformanceObserver((list) => {
        for (const e of list.getEntries()) window.__longest = Math.max(window.__longest, e.duration);
      }).observe({ type: 'longtask' });
    });
    const results = {};
    for (const [name, text] of Object.entries(INPUTS)) {
      const file = name.includes('.') ? name : `${name}.txt`;
      await page.evaluate(() => { window.__longest = 0; });
      const t0 = Date.now();
      await dropText(page, file, text);
      // The main thread answers while the worker analyzes.
      const answer = await answerMs(page);
      // A message: the file's line in the list says how it went.
      await page.waitForFunction((f) => [...document.querySelectorAll('#files li')].some((li) => li.dataset.file === f && li.dataset.status !== 'reading'), file, { timeout: 5000 });
      const messageMs = Date.now() - t0;
      // And after it, once the result is painted.
      const after = await page.evaluate(() => new Promise((ok) => requestAnimationFrame(() => setTimeout(() => ok(window.__longest), 0))));
      results[name] = { chars: text.length, answerMs: answer, messageMs, longestTaskMs: Math.round(after) };
      assert.ok(answer < 2000, `${name}: the page answered after ${answer} ms`);
      assert.ok(after < 2000, `${name}: the main thread was busy for ${after} ms at once`);
      assert.ok(messageMs < 5000, `${name}: message after ${messageMs} ms`);
    }
    record('hostile.page', results);
    // After all of them, the sample still analyzes as always.
    const runs = await page.evaluate(() => window.reportLens.runs);
    await page.click('#sample-button');
    await waitForRun(page, runs);
    assert.ok((await rows(page)).some((r) => r.name === '地区生产总值' && r.value === '21.5'));
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('an analysis past its time limit is stopped; what was on screen stays', async () => {
    const page = await openPage(env.browser, env.base);
    let runs = await page.evaluate(() => window.reportLens.runs);
    await page.click('#sample-button');
    await waitForRun(page, runs);
    const before = await rows(page);
    // A limit no real analysis of this text meets: the watchdog must stop it.
    await page.evaluate(() => { window.reportLens.analysisLimitMs = 1; });
    const big = fixture('tianjun-2022.txt').toString('utf8').repeat(20);
    await dropText(page, 'slow.txt', big);
    await page.waitForFunction(() => document.querySelector('#status').textContent.includes('已停止'), null, { timeout: 5000 });
    const status = await page.textContent('#status');
    assert.match(status, /分析这份文本超过了 1 秒，已停止，页面上原有的结果保持不变/);
    assert.deepEqual(await rows(page), before, 'the report on screen stays');
    assert.ok((await page.evaluate(() => window.reportLens.workerTimeouts)) >= 1);
    // A fresh worker takes the next file.
    await page.evaluate(() => { window.reportLens.analysisLimitMs = 0; });
    runs = await dropText(page, 'again.txt', fixture('tianjun-2022.txt').toString('utf8'));
    await waitForRun(page, runs);
    assert.ok((await rows(page)).some((r) => r.name === '地区生产总值' && r.value === '21.5'));
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('a link made from a hostile text opens without a hang, and says it was recomputed', async () => {
    const page = await openPage(env.browser, env.base);
    const runs = await dropText(page, 'digits.txt', `各位代表：全县地区生产总值增长${'9'.repeat(400)}%左右，一般公共预算收入增长5%。`);
    await waitForRun(page, runs);
    await page.check('#share-text');
    await page.click('#share-button');
    await page.waitForFunction(() => document.querySelector('#share-url').value.includes('#r1.'));
    const link = await page.inputValue('#share-url');
    await page.context().close();

    const fresh = await openPage(env.browser, env.base);
    const t0 = Date.now();
    await fresh.goto(link);
    await fresh.waitForFunction(() => window.reportLens && window.reportLens.ready && window.reportLens.runs > 0, null, { timeout: 5000 });
    assert.ok(Date.now() - t0 < 5000);
    assert.equal(await fresh.isVisible('#shared-note'), true);
    assert.match(await fresh.textContent('#shared-note'), /来自分享链接：以下数字由本页根据链接中携带的原文重新计算/);
    assert.match(await fresh.textContent('#status'), /超过 15 位的数字串，已略去/);
    assert.deepEqual(fresh.problems, []);
    await fresh.context().close();
  });

  test('neither CSV of the page carries a formula (file names from a drop or a link)', async () => {
    const page = await openPage(env.browser, env.base, { acceptDownloads: true });
    const evil = '=HYPERLINK("https://example.com","打开原文").txt';
    for (const [name, file] of [[evil, 'national/national-2023.txt'], ['@2024.txt', 'national/national-2024.txt']]) {
      await waitForRun(page, await dropText(page, name, fixture(file).toString('utf8')));
    }
    await page.click('#files li:first-child button:has-text("查看")');
    const [indicators] = await Promise.all([page.waitForEvent('download'), page.click('#export-csv')]);
    await page.click('#tab-compare');
    const [targets] = await Promise.all([page.waitForEvent('download'), page.click('#export-targets')]);
    for (const d of [indicators, targets]) {
      const csv = readFileSync(await d.path(), 'utf8').replace(/^\ufeff/, '');
      const cells = csv.split(/\n/).flatMap((line) => line.match(/("([^"]|"")*"|[^,]*)/g) || []).map((c) => c.replace(/^"|"$/g, '').replace(/""/g, '"'));
      const bad = cells.filter((c) => /^[=+\-@\t\r]/.test(c) && !/^-?\d+(\.\d+)?(e-?\d+)?$/.test(c));
      assert.deepEqual(bad, [], `${d.suggestedFilename()}: ${bad.slice(0, 3)}`);
      assert.ok(csv.includes("'=HYPERLINK") || csv.includes("'@2024.txt"), d.suggestedFilename());
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('a link without the text says the figures are the sharer’s', async () => {
    const page = await openPage(env.browser, env.base);
    const runs = await page.evaluate(() => window.reportLens.runs);
    await page.click('#sample-button');
    await waitForRun(page, runs);
    assert.equal(await page.isVisible('#shared-note'), false, 'a report read here has no such note');
    await page.click('#share-button');
    await page.waitForFunction(() => document.querySelector('#share-url').value.includes('#r1.'));
    const link = await page.inputValue('#share-url');
    const fresh = await openPage(env.browser, env.base);
    await fresh.goto(link);
    await fresh.waitForFunction(() => window.reportLens && window.reportLens.ready && window.reportLens.runs > 0);
    assert.equal(await fresh.textContent('#shared-note'), '来自分享链接，数据由分享者提供；请以报告原文为准。');
    await page.context().close();
    await fresh.context().close();
  });
});
