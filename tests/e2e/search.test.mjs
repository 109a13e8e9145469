// Search (issue 15): the header field, the search page, no index bytes before focus, axe.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { BASE_PATH, ROOT, TIMEOUT, href, open, squash, url, withPage } from './harness.mjs';

const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const isIndex = (u) => new URL(u).pathname.startsWith(`${BASE_PATH}/pagefind/`);

test('typing 信息处理费 lists 平潭 sections, highlighted; a hit opens its section; the year filter narrows', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    const index = [];
    page.on('request', (r) => {
      if (isIndex(r.url())) index.push(r.url());
    });
    await open(page, '/pingtan/2024');
    // Nothing of the index before the field is focused.
    await page.waitForTimeout(300);
    assert.deepEqual(index, [], 'no search request before focus');

    await page.keyboard.press('/');
    const input = page.locator('#site-search-input');
    assert.equal(await input.evaluate((el) => el === document.activeElement), true, '/ focuses the field');
    await input.pressSequentially('信息处理费', { delay: 30 });
    const hits = page.locator('#site-search-results a.search-hit');
    await hits.first().waitFor();
    assert.ok(index.length > 0, 'the index loads once the field is used');
    const metas = await page.locator('#site-search-results .search-hit-meta').allTextContents();
    assert.ok(metas.some((m) => m.includes('平潭综合实验区')), `平潭 among ${metas}`);
    const marks = await page.locator('#site-search-results mark').allTextContents();
    assert.ok(marks.some((m) => /信息|处理|费/.test(m)), `marked words: ${marks}`);

    // ↓ moves into the list; Enter opens the section.
    await input.press('ArrowDown');
    const first = hits.first();
    assert.equal(await first.evaluate((el) => el === document.activeElement), true, 'ArrowDown focuses the first hit');
    const target = new URL(await first.getAttribute('href'), url('/')).pathname;
    await page.keyboard.press('Enter');
    await page.waitForURL((u) => u.pathname === target);
    const id = target.split('/').filter(Boolean).pop();
    await page.locator(`section#${id}.is-target`).waitFor();

    // The search page with a year filter lists only that year.
    await page.goto(url('/search/?q=信息处理费&year=2024'));
    await page.locator('.search-results a.search-hit').first().waitFor();
    const years = await page.locator('.search-results .search-hit-meta').allTextContents();
    assert.ok(years.length > 0 && years.every((y) => y.includes('2024年度')), `years: ${years}`);
    const all = await page.goto(url('/search/?q=信息处理费'));
    assert.ok(all.ok());
    await page.locator('.search-results a.search-hit').first().waitFor();
    const unfiltered = await page.locator('.search-results a.search-hit').count();
    assert.ok(unfiltered > years.length, `the filter narrows (${unfiltered} > ${years.length})`);
  });
});

test("a body's page searches its reports; the region filter narrows; neither reads the catalog", { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await open(page, '/pingtan');
    await page.getByRole('link', { name: '在平潭综合实验区的历年报告中搜索' }).click();
    await page.waitForURL((u) => u.searchParams.get('agency') === 'pingtan');
    await page.locator('.search-agency', { hasText: '只搜索：平潭综合实验区' }).waitFor();
    const hits = page.locator('.search-results a.search-hit');
    const metas = () => page.locator('.search-results .search-hit-meta').allTextContents();

    await page.locator('#search-page-input').fill('依申请');
    await page.waitForURL((u) => u.searchParams.get('q') === '依申请');
    await hits.first().waitFor();
    let found = await metas();
    assert.ok(found.every((m) => m.startsWith('平潭综合实验区 · ')), `only 平潭: ${found}`);

    await page.getByRole('button', { name: '搜索全部机关' }).click();
    await page.waitForURL((u) => !u.searchParams.has('agency'));
    await page.locator('#search-region').selectOption('liaoning');
    await page.waitForURL((u) => u.searchParams.get('region') === 'liaoning');
    await page.waitForFunction(() =>
      [...document.querySelectorAll('.search-results .search-hit-meta')].every((m) => !m.textContent.includes('平潭')),
    );
    await hits.first().waitFor();
    found = await metas();
    assert.ok(found.length > 0 && found.every((m) => m.includes('沈阳')), `only 辽宁: ${found}`);
    const years = await page.locator('#search-year option').allTextContents();
    assert.ok(years.includes('2024年度') && years.includes('2011年度'), `years: ${years}`);
    assert.ok(!fetched.some((p) => p.endsWith('/data/catalog.json')), 'catalog.json not fetched');
  });
});

// The index cuts 行政复议 as 行政 复议 (jieba), the browser's query as 行政 复 议 (Intl.Segmenter):
// the words the index adds for the latter (scripts/search-index.mjs) let both be found, and
// never show in an excerpt.
for (const q of ['行政复议', '复议']) {
  test(`/search?q=${q} opened cold shows sections that say it, the word marked`, { timeout: TIMEOUT }, async (t) => {
    await withPage(t, {}, async (page) => {
      await page.goto(url(`/search/?q=${q}`), { waitUntil: 'load' });
      const hits = page.locator('.search-results a.search-hit');
      await hits.first().waitFor();
      assert.equal(await page.locator('#search-page-input').inputValue(), q);
      const excerpts = await page.locator('.search-results .search-hit-excerpt').allTextContents();
      assert.ok(excerpts.length > 0, 'excerpts shown');
      assert.ok(excerpts.some((e) => squash(e).includes('复议')), `复议 in ${excerpts.slice(0, 3)}`);
      assert.ok(excerpts.every((e) => !/[\u2060\u2063]/.test(e)), 'no added words in the excerpts');
      const marks = await page.locator('.search-results mark').allTextContents();
      assert.ok(marks.some((m) => /复|议/.test(m)), `marked: ${marks.slice(0, 5)}`);
      // The first hit's section does say it.
      await hits.first().click();
      const section = page.locator('section.is-target');
      await section.waitFor();
      assert.ok(squash(await section.textContent()).includes('复议'));
    });
  });
}

test('/search?q=依申请 opened cold shows results; Esc closes the header list; back restores the query', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await page.goto(url('/search/?q=依申请'), { waitUntil: 'load' });
    const hits = page.locator('.search-results a.search-hit');
    await hits.first().waitFor();
    assert.equal(await page.locator('#search-page-input').inputValue(), '依申请');
    await hits.first().click();
    await page.locator('section.is-target').waitFor();
    await page.goBack();
    await page.waitForURL((u) => u.pathname.endsWith('/search/'));
    await hits.first().waitFor();
    assert.equal(await page.locator('#search-page-input').inputValue(), '依申请');

    // Numbers as printed, Chinese terms; nothing found says so and offers to drop filters.
    for (const q of ['4480', '信息处理费', '政务微博']) {
      await page.locator('#search-page-input').fill(q);
      await page.waitForURL((u) => u.searchParams.get('q') === q);
      await hits.first().waitFor();
    }
    await page.goto(url('/search/?q=政务微博&year=2015&agency=shenyang-fgw'));
    await page.getByRole('button', { name: '去掉筛选条件再试' }).click();
    await hits.first().waitFor();

    const input = page.locator('#site-search-input');
    await input.fill('政务微博');
    await page.locator('#site-search-results a.search-hit').first().waitFor();
    await input.press('Escape');
    await page.locator('#site-search-results').waitFor({ state: 'hidden' });
    assert.ok(squash(await page.locator('h1').first().textContent()).includes('搜索报告'));
  });
});

for (const [name, prepare] of [
  ['the search page', async () => {}],
  ['the open search results', async (page) => {
    await page.locator('#site-search-input').fill('政务微博');
    await page.locator('#site-search-results a.search-hit').first().waitFor();
  }],
]) {
  test(`axe finds no violations: ${name}`, { timeout: TIMEOUT }, async (t) => {
    await withPage(t, {}, async (page) => {
      await open(page, '/search/?q=依申请');
      await page.locator('.search-results a.search-hit').first().waitFor();
      await prepare(page);
      await page.evaluate(readFileSync(AXE, 'utf8'));
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, [], 'axe violations');
    });
  });
}

test('the header search is a plain GET form without JavaScript', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { javaScriptEnabled: false }, async (page) => {
    await page.goto(url('/pingtan/2024/s3/'));
    assert.equal(await page.locator('form.site-search').getAttribute('action'), href('/search/'));
  });
});
