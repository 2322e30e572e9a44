// The headline strip (issue 12, part 1), in headless Chromium: after a drop, the report's title
// (region + year + 政府工作报告) and, on the first screen, the plan year's targets and the review
// year's results of the main indicators, each cell opening its sentence.
import { describe, test } from 'node:test';
import assert from 'node:assert/strict';
import { dropFile, fixture, openPage, waitForRun, withSite } from './harness.mjs';

const env = withSite();

/** The strip as `{name: {target, result}}`. */
async function strip(page) {
  return page.$$eval('#headline .hl-item', (items) =>
    Object.fromEntries(items.map((i) => [i.dataset.name, { target: i.querySelector('.hl-target .hl-v').textContent, result: i.querySelector('.hl-result .hl-v').textContent, targetLabel: i.querySelector('.hl-target .hl-k').textContent }])),
  );
}

describe('headline strip', () => {
  test('the sample: title, GDP target and result, on the first screen; a cell opens its sentence', async () => {
    const page = await openPage(env.browser, env.base);
    await page.waitForFunction(() => window.reportLens && window.reportLens.ready);
    // Before any report (and with one), the view tabs are not shown: they would do nothing.
    assert.equal(await page.isVisible('#view-tabs'), false);
    await waitForRun(page, await dropFile(page, 'tianjun-2022.txt', fixture('tianjun-2022.txt')));
    assert.equal(await page.isVisible('#view-tabs'), false);
    assert.equal(await page.textContent('#report-title'), '天峻县2022年政府工作报告');
    const s = await strip(page);
    // From the text: 全年完成地区生产总值 21.5 亿元 (2021); 地区生产总值增长 3% (2022's target).
    assert.deepEqual(s['地区生产总值'], { target: '增长3%', result: '21.5亿元', targetLabel: '2022年目标' });
    const box = await page.$eval('#headline', (el) => el.getBoundingClientRect().bottom);
    assert.ok(box < 900 + 400, `the strip ends at ${box} px`);
    await page.click('#headline .hl-item[data-name="地区生产总值"] .hl-result');
    assert.match(await page.textContent('#report-text mark.quote'), /21\.5 亿元/);
    // Copied as a table: tab-separated cells (what Excel and WPS paste as a table), with its source.
    await page.context().grantPermissions(['clipboard-read', 'clipboard-write']);
    await page.click('#copy-headline');
    await page.waitForFunction(() => document.querySelector('#status').textContent.startsWith('已复制'));
    const tsv = await page.evaluate(() => navigator.clipboard.readText());
    const lines = tsv.trim().split('\n');
    assert.deepEqual(lines[0].split('\t'), ['指标', '2022年目标', '2021年结果']);
    assert.deepEqual(lines[1].split('\t'), ['地区生产总值', '增长3%', '21.5亿元']);
    assert.equal(lines.at(-1), '来源：《天峻县2022年政府工作报告》，Report Lens 提取');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });

  test('a provincial report and a national one hold their targets and results', async () => {
    const page = await openPage(env.browser, env.base);
    await waitForRun(page, await dropFile(page, 'jiangsu-2026.txt', fixture('provinces/jiangsu-2026.txt')));
    assert.equal(await page.textContent('#report-title'), '江苏省2026年政府工作报告');
    let s = await strip(page);
    // 江苏 2026: 地区生产总值增长5% (target), 增长5.3% (2025); 城镇新增就业 120万人 / 141万人.
    assert.equal(s['地区生产总值'].target, '增长5%');
    assert.equal(s['地区生产总值'].result, '增长5.3%');
    assert.deepEqual([s['城镇新增就业'].target, s['城镇新增就业'].result], ['120万人', '141万人']);
    await waitForRun(page, await dropFile(page, 'national-2024.txt', fixture('national/national-2024.txt')));
    assert.equal(await page.textContent('#report-title'), '2024年政府工作报告');
    s = await strip(page);
    assert.deepEqual([s['国内生产总值'].target, s['国内生产总值'].result], ['增长5%左右', '126万亿元以上，增长5.2%']);
    assert.equal(s['城镇调查失业率'].target, '5.5%左右');
    assert.deepEqual(page.problems, []);
    await page.context().close();
  });
});
