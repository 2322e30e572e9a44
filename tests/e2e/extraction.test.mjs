// Extraction as a user meets it in the page (headless Chromium): a LibreOffice PDF with page
// footers gives the facts of its text (the page reads it with pdf.js); a real report where
// little is recognized is shown — header, outline, a note that few indicators were found —
// not refused as "not a report".
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dropFile, facts, fixture, openPage, waitForRun, withSite } from './harness.mjs';

const env = withSite();


function jaccard(a, b) {
  const both = [...a].filter((x) => b.has(x)).length;
  return both / new Set([...a, ...b]).size;
}

describe('extraction in the page', () => {
  test('PDFs with page footers give the facts of their text (Jaccard ≥ 0.98)', async () => {
    const page = await openPage(env.browser, env.base);
    for (const [pdf, txt] of [['guizhou-2026.pdf', 'provinces/guizhou-2026.txt'], ['qinghai-2026.pdf', 'provinces/qinghai-2026.txt']]) {
      await waitForRun(page, await dropFile(page, txt.split('/')[1], fixture(txt)));
      const want = await facts(page);
      await waitForRun(page, await dropFile(page, pdf, fixture(`formats/${pdf}`), 'application/pdf'));
      const got = await facts(page);
      const j = jaccard(want, got);
      assert.ok(want.size > 100, `${txt}: ${want.size} facts`);
      assert.ok(j >= 0.98, `${pdf}: Jaccard ${j.toFixed(3)} < 0.98`);
    }
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('a report where few indicators are recognized is shown, with a note', async () => {
    const page = await openPage(env.browser, env.base);
    // A real report's opening (大埔县 2020) up to its review heading: a report, but no figures yet.
    const text = fixture('local/dabu-county-2020.txt').toString('utf8');
    const opening = text.slice(0, text.indexOf('去年'));
    await waitForRun(page, await dropFile(page, 'dabu-opening.txt', Buffer.from(opening)));
    const meta = await page.textContent('#meta');
    assert.ok(meta.includes('大埔县'), `header names the region: ${meta}`);
    assert.match(await page.textContent('#status'), /只识别出 0 个常见经济指标/);
    // The novel is still refused.
    await dropFile(page, 'novel.txt', fixture('bad/novel.txt'));
    await page.waitForFunction(() => {
      const li = [...document.querySelectorAll('#files li')].reverse().find((l) => l.dataset.file === 'novel.txt');
      return li && li.dataset.status === 'error';
    });
    assert.match(await page.textContent('#status'), /没有找到地区生产总值、收入、就业等常见指标/);
    assert.ok((await page.textContent('#meta')).includes('大埔县'), 'what was on screen stays');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
