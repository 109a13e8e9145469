// The catalog by region (issue 16): the home page's tree opens a region's file only when a
// reader opens its branch, the filter fetches the names only once one types, region pages
// list their bodies, and a cold section deep link fetches no catalog data at all.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { TIMEOUT, appLive, href, open, url, withPage } from './harness.mjs';

const ZONE = '/region/fujian-pingtanzongheshiyan';

/** The paths of the data files the page asked for. */
function dataRequests(page) {
  const seen = [];
  page.on('request', (request) => {
    const { pathname } = new URL(request.url());
    if (pathname.includes('/data/')) seen.push(pathname.replace(/^.*\/data\//, 'data/'));
  });
  return seen;
}

test('the tree on / reaches 平潭县人民政府 by clicks, fetching a region only when opened', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    const seen = dataRequests(page);
    await open(page, '/');
    assert.ok(seen.includes('data/regions.json'), `${seen}`);
    assert.deepEqual(seen.filter((p) => p.startsWith('data/region/') || p === 'data/catalog.json'), [], 'no region file and no whole catalog before a branch opens');
    await page.locator('details.region > summary', { hasText: '福建省' }).click();
    const zone = page.locator('details.region details.region > summary', { hasText: '平潭综合实验区' });
    await zone.waitFor();
    assert.ok(seen.includes('data/region/fujian.json'));
    await zone.click();
    const county = page.locator(`details.region a.body-name[href="${href('/pingtan-county')}"]`);
    await county.waitFor();
    assert.equal(await county.innerText(), '平潭县人民政府');
    await county.click();
    await page.waitForURL(url('/pingtan-county'));
    await page.locator('.agency-page h1', { hasText: '平潭县人民政府' }).waitFor();
    // Its page says where it stands, each region a link.
    const path = page.locator('nav.region-path');
    assert.match(await path.innerText(), /首页[\s›]*福建省[\s›]*平潭综合实验区/);
    assert.equal(await path.locator(`a[href="${href(ZONE)}"]`).count(), 1);
  });
});

test('typing 平潭 in the filter lists the bodies of that name, by name and by pinyin', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    const seen = dataRequests(page);
    await open(page, '/');
    assert.ok(!seen.includes('data/names.json'), 'the names are not fetched before one types');
    const field = page.getByLabel('筛选机关');
    await field.fill('平潭');
    const results = page.locator('.body-filter-results .body-name');
    await page.locator('.body-filter-results .filter-count', { hasText: '找到3个机关' }).waitFor();
    const names = await results.allInnerTexts();
    assert.deepEqual(names.sort(), ['平潭县人民政府', '平潭综合实验区', '平潭综合实验区地方税务局'].sort());
    assert.ok(seen.includes('data/names.json'));
    assert.equal(new URL(page.url()).searchParams.get('filter'), '平潭', 'the filter stands in the address');
    assert.ok(await page.locator('.region-tree').first().isHidden(), 'the tree gives way to the list');
    await field.fill('ptx');
    await page.locator('.body-filter-results .filter-count', { hasText: '找到1个机关' }).waitFor();
    assert.deepEqual(await results.allInnerTexts(), ['平潭县人民政府']);
    await field.fill('不存在的机关');
    await page.locator('.filter-none', { hasText: '不存在的机关' }).waitFor();
    // Shared as it stands: opened cold, the filtered list shows.
    await open(page, '/?filter=%E6%B2%88%E9%98%B3');
    await page.locator('.body-filter-results .body-name', { hasText: '沈阳市发展和改革委员会' }).waitFor();
    assert.equal(await page.getByLabel('筛选机关').inputValue(), '沈阳');
  });
});

test('a region page lists its bodies with their latest reports', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    const response = await page.goto(url(`${ZONE}/`), { waitUntil: 'load' });
    // Pre-rendered: it reads before the app takes over. (Read from the served page: once the
    // app has rendered, hidden, beside the static copy, every element is there twice.)
    assert.match(await response.text(), /<h1>平潭综合实验区<\/h1>/);
    await appLive(page);
    await page.locator('.region-page h1', { hasText: '平潭综合实验区' }).waitFor();
    const bodies = await page.locator('.region-page a.body-name').allInnerTexts();
    assert.deepEqual(bodies, ['平潭综合实验区', '平潭县人民政府', '平潭综合实验区地方税务局']);
    assert.equal(await page.locator(`.region-page a.body-latest[href="${href('/pingtan/2025')}"]`).count(), 1);
    await page.locator('nav.region-path a', { hasText: '福建省' }).click();
    await page.waitForURL(url('/region/fujian'));
    await page.locator('.region-page h1', { hasText: '福建省' }).waitFor();
    assert.match(await page.locator('.region-page .lede').innerText(), /行政区划代码 350000/);
    await page.locator(`.region-page a[href="${href(ZONE)}"]`).click();
    await page.locator('.region-page h1', { hasText: '平潭综合实验区' }).waitFor();
  });
});

test('an unknown region says so and leads home', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { allow: [{ status: 404, url: '/region/nowhere' }, { status: 404, url: '/data/region/nowhere.json' }] }, async (page) => {
    await open(page, '/region/nowhere');
    await page.locator('.not-found', { hasText: '地区“nowhere”' }).waitFor();
    assert.equal(await page.locator(`.not-found a[href="${href('/')}"]`).count(), 1);
  });
});

test('a cold section deep link fetches no catalog data', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    const seen = dataRequests(page);
    await open(page, '/pingtan/2024/s3/');
    await page.waitForTimeout(500);
    const catalog = seen.filter((p) => !/^data\/[^/]+\/(\d{4}|series)\.json$/.test(p));
    assert.deepEqual(catalog, [], `only the report and its series: ${seen}`);
  });
});
