// Real files as users have them, in headless Chromium: every format of the sample report gives
// the same facts as its UTF-8 text; every bad input gets its message in Chinese and leaves the
// screen as it was; several files dropped together each keep their own status.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dropFile, facts, fixture, openPage, record, waitForRun, withSite } from './harness.mjs';

const env = withSite();


async function load(page, name, bytes, type) {
  await waitForRun(page, await dropFile(page, name, bytes, type));
}

function assertSameFacts(what, got, want) {
  const missing = [...want].filter((f) => !got.has(f));
  const extra = [...got].filter((f) => !want.has(f));
  assert.deepEqual({ missing, extra }, { missing: [], extra: [] }, what);
  assert.ok(want.size > 100);
}

describe('formats', () => {
  test('GBK, UTF-16, Word, web page and PDF give the facts of the UTF-8 text', async () => {
    const page = await openPage(env.browser, env.base);
    await load(page, 'tianjun-2022.txt', fixture('tianjun-2022.txt'));
    const want = await facts(page);
    const cases = [
      ['tianjun-2022.gbk.txt', 'text/plain', '文本（GB18030）'],
      ['tianjun-2022.utf16le.txt', 'text/plain', '文本（UTF-16LE）'],
      ['tianjun-2022.utf16be.txt', 'text/plain', '文本（UTF-16BE）'],
      ['tianjun-2022.docx', 'application/vnd.openxmlformats-officedocument.wordprocessingml.document', 'Word 文档'],
      ['tianjun-2022.html', 'text/html', '网页（UTF-8）'],
      ['tianjun-2022.pdf', 'application/pdf', 'PDF'],
    ];
    const pdfStart = Date.now();
    for (const [file, type, format] of cases) {
      const t = Date.now();
      await load(page, file, fixture(`formats/${file}`), type);
      if (file.endsWith('.pdf')) record('pdfReadMs', Date.now() - t);
      assert.ok((await page.textContent('#meta')).includes(format), `${file}: header says ${format}`);
      assertSameFacts(file, await facts(page), want);
      assert.equal(await page.$$eval('#charts figure.chart svg', (s) => s.length), 3, `${file}: charts`);
    }
    assert.ok(await page.evaluate(() => window.reportLens.pdfjsLoaded), 'pdf.js loaded for the PDF');
    assert.ok(page.requests.some((u) => u.includes('/vendor/pdfjs/pdf.worker.min.mjs')), 'pdf.js ran in its worker');
    assert.ok(Date.now() - pdfStart > 0);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('pdf.js is loaded only when a PDF arrives', async () => {
    const page = await openPage(env.browser, env.base);
    await load(page, 'tianjun-2022.docx', fixture('formats/tianjun-2022.docx'));
    assert.equal(page.requests.some((u) => u.includes('pdfjs')), false);
    await page.context().close();
  });

  test('several files dropped together: each read, each with its status', async () => {
    const page = await openPage(env.browser, env.base);
    const runs = await page.evaluate(() => window.reportLens.runs);
    const list = [
      ['tianjun-2022.gbk.txt', fixture('formats/tianjun-2022.gbk.txt')],
      ['image.png', fixture('bad/image.png')],
      ['tianjun-2022.docx', fixture('formats/tianjun-2022.docx')],
    ];
    await page.evaluate((files) => {
      const dt = new DataTransfer();
      for (const [name, bytes] of files) dt.items.add(new File([new Uint8Array(bytes)], name));
      document.querySelector('#drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, list.map(([n, b]) => [n, [...b]]));
    await page.waitForFunction((n) => window.reportLens.runs >= n + 2 && !/正在读取/.test(document.querySelector('#files').textContent), runs);
    const entries = await page.$$eval('#files li', (lis) => lis.map((li) => [li.dataset.file, li.dataset.status, li.textContent]));
    assert.deepEqual(entries.map(([f, s]) => [f, s]), [['tianjun-2022.gbk.txt', 'ok'], ['image.png', 'error'], ['tianjun-2022.docx', 'ok']]);
    assert.match(entries[1][2], /这是一张图片（PNG）/);
    assert.match(await page.textContent('#status'), /读取了 3 个文件：2 个成功，1 个失败/);
    // The first report can be brought back from the list.
    await page.click('#files li[data-file="tianjun-2022.gbk.txt"] button');
    assert.ok((await page.textContent('#meta')).includes('GB18030'));
    await page.context().close();
  });
});

describe('bad input', () => {
  test('each bad file: a message in Chinese, the page usable, the result still there', async () => {
    const page = await openPage(env.browser, env.base);
    await load(page, 'tianjun-2022.txt', fixture('tianjun-2022.txt'));
    const before = await facts(page);
    const cases = [
      ['empty.txt', '文件是空的'],
      ['image.png', '这是一张图片（PNG）'],
      ['random.bin', '不是文字'],
      ['not-docx.zip', '不是 Word（.docx）文档'],
      ['truncated.pdf', 'PDF 文件不完整'],
      ['encrypted.pdf', 'PDF 已加密'],
      ['novel.txt', '没有找到地区生产总值、收入、就业等常见指标'],
      ['english.txt', '没有找到地区生产总值、收入、就业等常见指标'],
    ];
    for (const [file, message] of cases) {
      await dropFile(page, file, fixture(`bad/${file}`));
      await page.waitForFunction(
        ([f, m]) => {
          const li = [...document.querySelectorAll('#files li')].reverse().find((l) => l.dataset.file === f);
          return li && li.dataset.status === 'error' && li.textContent.includes(m);
        },
        [file, message],
      );
      assert.match(await page.textContent('#status'), new RegExp(message.replace(/[()（）.]/g, '\\$&')), file);
      assert.equal(await page.getAttribute('#status', 'data-level'), 'error');
      assert.deepEqual(await facts(page), before, `${file}: the table stays`);
    }
    // Repairable: NUL bytes and a few invalid bytes are read, with a note.
    await load(page, 'nul.txt', fixture('bad/nul.txt'));
    assert.match(await page.textContent('#status'), /空字符（NUL），已忽略/);
    await load(page, 'invalid-utf8.txt', fixture('bad/invalid-utf8.txt'));
    assert.match(await page.textContent('#status'), /无效的 UTF-8 字节/);
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('a 200 MB file is refused at once, without reading it', async () => {
    const page = await openPage(env.browser, env.base);
    await load(page, 'tianjun-2022.txt', fixture('tianjun-2022.txt'));
    const ms = await page.evaluate(async () => {
      const big = new File([new Uint8Array(200 * 1024 * 1024)], 'big.txt');
      const dt = new DataTransfer();
      dt.items.add(big);
      const t0 = performance.now();
      document.querySelector('#drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
      while (!/文件太大/.test(document.querySelector('#status').textContent)) await new Promise((r) => setTimeout(r, 5));
      return performance.now() - t0;
    });
    record('refuse200MBms', Math.round(ms * 10) / 10);
    assert.match(await page.textContent('#status'), /文件太大（200\.0 MB），超过了 50 MB 的上限/);
    assert.ok((await facts(page)).size > 100, 'the result stays');
    await page.context().close();
  });

  test('a text of nearly a million characters is analyzed (measured), a longer one refused', async () => {
    const page = await openPage(env.browser, env.base);
    await page.waitForFunction(() => window.reportLens.warm);
    const text = fixture('tianjun-2022.txt').toString('utf8').repeat(71);
    const runs = await page.evaluate(() => window.reportLens.runs);
    await page.evaluate((t) => {
      window.__big = new File([t], 'big-but-allowed.txt');
    }, text);
    await page.evaluate(() => {
      const dt = new DataTransfer();
      dt.items.add(window.__big);
      document.querySelector('#drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    });
    await waitForRun(page, runs);
    await page.waitForFunction(() => window.reportLens.last.paintMs !== null);
    const last = await page.evaluate(() => window.reportLens.last);
    record('bigText', { chars: last.chars, analysisMs: Math.round(last.analysisMs), dropToChartsMs: Math.round(last.paintMs), steps: last.steps });
    assert.equal(last.chars, text.length);
    // Over the limit: refused with a message.
    await page.evaluate((t) => {
      const dt = new DataTransfer();
      dt.items.add(new File([t], 'too-long.txt'));
      document.querySelector('#drop-zone').dispatchEvent(new DragEvent('drop', { dataTransfer: dt, bubbles: true, cancelable: true }));
    }, text + text);
    await page.waitForFunction(() => /文本太长/.test(document.querySelector('#status').textContent));
    assert.match(await page.textContent('#status'), /超过了 100 万字的上限/);
    await page.context().close();
  });

  test('pasted web-page source is reduced to its text', async () => {
    const page = await openPage(env.browser, env.base);
    const runs = await page.evaluate(() => window.reportLens.runs);
    await page.click('#paste summary');
    await page.fill('#paste-text', fixture('formats/tianjun-2022.html').toString('utf8'));
    await page.click('#paste-button');
    await waitForRun(page, runs);
    assert.ok((await page.textContent('#meta')).includes('网页'));
    assert.ok(!(await page.textContent('#report-text')).includes('<p>'), 'the text view shows text, not tags');
    await page.context().close();
  });
});
