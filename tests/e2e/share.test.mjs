// Share and host, in headless Chromium: a share link reopens the same analysis in a fresh
// browser; broken, cut and hostile links get a message and run nothing; the page works offline
// after a first visit; the single file works from disk; the Pages workflow builds with the
// README's commands.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { execFileSync } from 'node:child_process';
import { parse } from 'yaml';
import { ROOT, SITE, dropFile, fixture, openPage, record, rows, waitForRun, withSite } from './harness.mjs';

const TIANJUN = fixture('tianjun-2022.txt');

const env = withSite();

/** Every row (not only the standard indicators) as strings. */
async function allRows(page) {
  await page.uncheck('#catalog-only');
  const list = (await rows(page)).map((r) => [r.name, r.kind, r.period, r.value, r.unit, r.changePct].join('|'));
  await page.check('#catalog-only');
  return list;
}

async function makeLink(page, withText = false) {
  await waitForRun(page, await dropFile(page, 'tianjun-2022.txt', TIANJUN));
  if (withText) await page.check('#share-text');
  await page.click('#share-button');
  await page.waitForFunction(() => document.querySelector('#share-url').value.includes('#r1.'));
  return page.inputValue('#share-url');
}

describe('share links', () => {
  test('the link reopens the same table and charts in a fresh browser', async () => {
    const page = await openPage(env.browser, env.base, { permissions: ['clipboard-read', 'clipboard-write'] });
    const url = await makeLink(page);
    const fragment = url.split('#')[1];
    assert.ok(fragment.length <= 4000, `link for the sample: ${fragment.length} characters`);
    record('shareLinkChars', { sample: fragment.length, url: url.length });
    assert.equal(await page.evaluate(() => navigator.clipboard.readText()), url, 'copied');
    const want = await allRows(page);
    const charts = await page.$$eval('#charts figure.chart svg', (s) => s.length);
    const fresh = await openPage(env.browser, url);
    await fresh.waitForFunction(() => window.reportLens.runs > 0);
    assert.deepEqual(await allRows(fresh), want);
    assert.equal(await fresh.$$eval('#charts figure.chart svg', (s) => s.length), charts);
    assert.match(await fresh.textContent('#meta'), /天峻县.*县级.*2022-03-09.*桑周/s);
    assert.match(await fresh.textContent('#report-text'), /链接中不含报告原文/);
    assert.deepEqual(fresh.problems, []);
    await fresh.context().close();
    await page.context().close();
  });

  test('with 含原文 the text comes along, and rows highlight again', async () => {
    const page = await openPage(env.browser, env.base);
    const url = await makeLink(page, true);
    record('shareLinkWithTextChars', url.split('#')[1].length);
    const fresh = await openPage(env.browser, url);
    await fresh.waitForFunction(() => window.reportLens.runs > 0);
    await fresh.click('tr[data-name="地区生产总值"][data-kind="actual"][data-value="21.5"]');
    assert.match(await fresh.textContent('#report-text mark'), /21\.5/);
    await fresh.context().close();
    await page.context().close();
  });

  test('a changed, cut or hostile link: a message, nothing on screen from it, nothing run', async () => {
    const page = await openPage(env.browser, env.base);
    const url = await makeLink(page);
    await page.context().close();
    const [base, fragment] = url.split('#');
    const k = Math.floor(fragment.length / 2);
    const changed = fragment.slice(0, k) + (fragment[k] === 'A' ? 'B' : 'A') + fragment.slice(k + 1);
    const hostile = [
      `#${changed}`,
      `#${fragment.slice(0, fragment.length - 10)}`,
      '#<script>window.__pwned=1</script>',
      '#r1.<img src=x onerror="window.__pwned=2">',
      `#${encodeURIComponent('"><svg onload=window.__pwned=3>')}`,
      '#r2.AAAA',
    ];
    for (const h of hostile) {
      const p = await openPage(env.browser, base + h);
      assert.equal(await p.getAttribute('#status', 'data-level'), 'error', h);
      assert.match(await p.textContent('#status'), /分享链接|另一版本/, h);
      assert.equal(await p.isVisible('#result'), false, `${h}: nothing shown`);
      assert.equal(await p.evaluate(() => window.__pwned), undefined, `${h}: nothing ran`);
      assert.deepEqual(p.problems, [], h);
      assert.equal(p.requests.some((u) => /\/x$/.test(u)), false);
      await p.context().close();
    }
  });
});

/** A first visit whose second load is controlled by the service worker (the app cached by then). */
async function firstVisit() {
  const context = await env.browser.newContext();
  const page = await context.newPage();
  await page.goto(env.base);
  await page.waitForFunction(() => window.reportLens && window.reportLens.ready);
  await page.evaluate(() => navigator.serviceWorker.ready);
  await page.reload();
  await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
  return { context, page };
}

describe('hosting', () => {
  test('offline after the first visit (service worker)', async () => {
    const { context, page } = await firstVisit();
    await context.setOffline(true);
    await page.reload();
    await page.waitForFunction(() => window.reportLens && window.reportLens.ready);
    const runs = await page.evaluate(() => window.reportLens.runs);
    await page.click('#sample-button');
    await waitForRun(page, runs);
    assert.ok((await rows(page)).some((r) => r.name === '地区生产总值' && r.value === '21.5'));
    await context.close();
  });

  test('visiting another file of the site as a page never replaces the cached app (issue 11)', async () => {
    const { context, page } = await firstVisit();
    // Same-site files opened as pages, with and without a query.
    for (const path of ['pkg/report_lens.js?x=1', 'app.js', 'sw.js?y', 'samples/tianjun-2022.txt?z=2']) {
      await page.goto(new URL(path, env.base).href);
    }
    await page.goto(env.base);
    await page.waitForFunction(() => navigator.serviceWorker.controller !== null);
    await context.setOffline(true);
    for (const url of [env.base, `${env.base}?from=singlemessage`]) {
      await page.goto(url);
      await page.waitForFunction(() => window.reportLens && window.reportLens.ready);
      assert.ok(await page.$('#drop-zone, #file-input'), 'the app, not JavaScript source');
    }
    const runs = await page.evaluate(() => window.reportLens.runs);
    await page.click('#sample-button');
    await waitForRun(page, runs);
    assert.ok((await rows(page)).some((r) => r.name === '地区生产总值' && r.value === '21.5'));
    await context.close();
  });

  test('a new version replaces the old cache', async () => {
    const sw = readFileSync(join(SITE, 'sw.js'), 'utf8');
    assert.match(sw, /const VERSION = '[0-9a-f]{16}';/, 'the build names the cache after its files');
    assert.match(sw, /caches\.delete/);
  });

  test('the single file works opened from disk', async () => {
    const file = join(ROOT, 'dist', 'report-lens.html');
    if (!existsSync(file)) execFileSync('node', [join(ROOT, 'scripts', 'build-single.mjs'), SITE, file]);
    const page = await env.browser.newPage();
    const problems = [];
    page.on('pageerror', (e) => problems.push(e.message));
    await page.goto(`file://${file}`);
    await page.waitForFunction(() => window.reportLens && window.reportLens.ready);
    await page.click('#sample-button');
    await page.waitForFunction(() => window.reportLens.runs > 0);
    assert.ok((await rows(page)).some((r) => r.name === '农村常住居民人均可支配收入' && r.value === '16883'));
    assert.equal(await page.$$eval('#charts figure.chart svg', (s) => s.length), 3);
    assert.deepEqual(problems, []);
    record('singleFileBytes', readFileSync(file).length);
    await page.close();
  });

  test('every URL in the site is relative', async () => {
    const html = readFileSync(join(SITE, 'index.html'), 'utf8');
    const urls = [...html.matchAll(/(?:src|href)="([^"]*)"/g)].map((m) => m[1]);
    assert.ok(urls.length >= 3);
    for (const u of urls) assert.ok(!/^(\/|https?:)/.test(u), u);
    const app = readFileSync(join(SITE, 'app.js'), 'utf8');
    assert.doesNotMatch(app, /(fetch|import|register)\(['"`]\//, 'no absolute paths in app.js');
  });

  test('the Pages workflow is valid YAML and builds with the README commands', async () => {
    const wf = parse(readFileSync(join(ROOT, '.github', 'workflows', 'pages.yml'), 'utf8'));
    const steps = wf.jobs.build.steps;
    const runs = steps.filter((s) => s.run).map((s) => s.run.trim());
    assert.ok(runs.includes('scripts/build-site site'));
    const readme = readFileSync(join(ROOT, 'README.md'), 'utf8');
    for (const cmd of runs) {
      const [exe, arg] = cmd.split(/\s+/);
      if (exe === 'npm') continue;
      const script = exe === 'node' ? arg : exe;
      assert.ok(existsSync(join(ROOT, script)), `${script} exists`);
      assert.ok(readme.includes(script), `${script} is in the README`);
    }
    assert.ok(steps.some((s) => s.uses && s.uses.startsWith('actions/upload-pages-artifact')));
    assert.equal(wf.jobs.deploy.steps[0].uses.split('@')[0], 'actions/deploy-pages');
  });
});
