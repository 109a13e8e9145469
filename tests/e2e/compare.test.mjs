// Two years side by side: table 3 cell by cell, sentences marked new or dropped, section deep
// links, the links that lead there, and the phone layout.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { TIMEOUT, href, open, url, withPage } from './harness.mjs';

const PAGE = '/pingtan/compare/2023/2024';

test('table 3 shows 本年新收 总计 81 → 218 and a sentence is marked new', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, PAGE);
    await page.locator('main#main h1').waitFor();
    assert.match(await page.locator('main#main h1').textContent(), /平潭综合实验区：2023年度与2024年度报告比较/);
    const cell = page.locator('#cmp-applications-new_requests-6');
    assert.equal((await cell.textContent()).trim(), '81 → 218, +137, +169.1%');
    // The cell stands in table 3's row 本年新收 and column 总计.
    const table = page.locator('#cmp-table-applications');
    assert.match(await table.locator('caption').textContent(), /表三/);
    // New sentences are <ins> with a text label, not colour alone.
    const added = page.locator('#cmp-s1 ins').first();
    assert.match(await added.textContent(), /^\[新增\]/);
    assert.ok((await page.locator('#cmp-s1 del').count()) > 0, 'a dropped sentence is marked');
    assert.equal(await page.title(), '平潭综合实验区：2023年度与2024年度报告比较 · 年报');
    // The pre-rendered page carries the link-preview tags, like the reader's.
    const html = await (await fetch(url(`${PAGE}/`))).text();
    assert.ok(html.includes('<meta property="og:title" content="平潭综合实验区：2023年度与2024年度报告比较">'));
    assert.ok(html.includes('<title>平潭综合实验区：2023年度与2024年度报告比较 · 年报</title>'));
  });
});

test('the s3 deep link opens at the section', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, `${PAGE}/s3`);
    const section = page.locator('#cmp-s3.is-target');
    await section.waitFor();
    assert.match(await page.title(), /三、收到和处理政府信息公开申请情况/);
    const top = await section.evaluate((el) => el.getBoundingClientRect().top);
    assert.ok(top >= -2 && top < 200, `section top at ${top}`);
  });
});

test('reports, sections and the agency page lead to the comparison', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, '/pingtan/2024');
    await page.locator('article.report h1').waitFor();
    assert.equal(await page.locator(`.report-actions a[href="${href(PAGE)}"]`).textContent(), '与上年比较（2023年度）');
    assert.equal(await page.locator(`section#s3 a[href="${href(`${PAGE}/s3`)}"]`).count(), 1);
    // The first year has no earlier one.
    await open(page, '/pingtan/2011');
    await page.locator('article.report h1').waitFor();
    assert.equal(await page.locator('a', { hasText: '与上年比较' }).count(), 0);

    await open(page, '/pingtan');
    const picker = page.locator('.compare-picker');
    await picker.waitFor();
    await picker.locator('select').first().selectOption('2016');
    await picker.locator('select').nth(1).selectOption('2017');
    await picker.locator('a.compare-go').click();
    await page.waitForURL((u) => u.pathname.endsWith('/pingtan/compare/2016/2017'));
    // Old free-format years: the section only 2016 has is shown as such.
    const alone = page.locator('#cmp-prev-s4');
    await alone.waitFor();
    assert.match(await alone.textContent(), /2017年度报告没有对应的部分/);
  });
});

test('the two years stack at 360 px', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { viewport: { width: 360, height: 740 } }, async (page) => {
    await open(page, PAGE);
    const columns = page.locator('#cmp-s1 .compare-pair > div');
    await columns.first().waitFor();
    const [a, b] = await Promise.all([0, 1].map((i) => columns.nth(i).boundingBox()));
    assert.ok(b.y > a.y + a.height - 1, 'the later year stands under the earlier');
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `page is ${width}px wide`);
  });
});
