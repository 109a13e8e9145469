// The check-up (体检) by region: `/checks` lists the top-level regions, `/checks/{slug}` every
// report under a region with its deadline and findings, sorts, filters and downloads a CSV
// equal to the catalog JSON, from the region's own file; each report page shows its line.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

import { REPORT, TIMEOUT, href, open, parseCsv, url, withPage } from './harness.mjs';

const json = async (path) => (await fetch(url(path))).json();

/** The deadline of TEMPLATE.md §4, computed here independently of the app. */
function due(year, kind) {
  if (year <= 2018 || kind === 'government') return `${year + 1}-03-31`;
  return `${year + 1}-01-31`;
}
const days = (from, to) => Math.round((Date.parse(to) - Date.parse(from)) / 86_400_000);

/** The catalog's bodies under the top-level region `slug`. */
const under = (catalog, slug) => catalog.agencies.filter((a) => a.region?.[0]?.slug === slug);

test('/checks leads by region to every report with its deadline, lateness and findings', { timeout: TIMEOUT }, async (t) => {
  const catalog = await json('/data/catalog.json');
  const index = await json('/data/regions.json');
  await withPage(t, {}, async (page) => {
    const fetched = [];
    page.on('request', (r) => fetched.push(new URL(r.url()).pathname));
    await open(page, '/checks');
    const links = page.locator('ul.checks-regions a');
    await links.first().waitFor();
    assert.equal(await links.count(), index.regions.length);
    let seen = 0;
    for (const region of index.regions) {
      await open(page, '/checks');
      await page.locator('ul.checks-regions a', { hasText: region.name }).click();
      await page.waitForURL((u) => u.pathname.endsWith(`/checks/${region.slug}`));
      const rows = page.locator('table.checks-table tbody tr');
      await rows.first().waitFor();
      const bodies = under(catalog, region.slug);
      const total = bodies.reduce((n, a) => n + a.reports.length, 0);
      assert.equal(await rows.count(), total, `${region.slug}: every report under it`);
      for (const agency of bodies) {
        for (const report of agency.reports) {
          const row = page.locator(`tr[data-agency="${agency.id}"][data-year="${report.year}"]`);
          const late = days(due(report.year, agency.kind), report.published);
          const cell = (await row.locator('[data-col="days-late"]').textContent()).trim();
          assert.ok(cell.startsWith(late > 0 ? `${late} 天` : '按期'), `${agency.id} ${report.year}: ${cell}`);
          seen++;
        }
      }
    }
    assert.equal(seen, catalog.agencies.reduce((n, a) => n + a.reports.length, 0));
    // Never the whole catalog: the region index and each region's own file.
    assert.ok(!fetched.some((p) => p.endsWith('/data/catalog.json')), 'catalog.json not fetched');
    assert.ok(fetched.some((p) => p.endsWith('/data/checks/fujian.json')), fetched.join(' '));
  });
});

test("a region's check-up sorts, filters and names its sub-regions", { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, '/checks/fujian');
    const rows = page.locator('table.checks-table tbody tr');
    await rows.first().waitFor();
    const total = await rows.count();
    // The two 2011 reports the issue names: published 2012-04-11 and 2012-04-18, late against
    // 31 March 2012.
    for (const [agency, late] of [['pingtan', 11], ['pingtan-county', 18]]) {
      const row = page.locator(`tr[data-agency="${agency}"][data-year="2011"]`);
      assert.ok(
        (await row.locator('[data-col="days-late"]').textContent()).trim().startsWith(`${late} 天`),
        `${agency} 2011 is ${late} days late`,
      );
    }
    // 平潭 2020: table 3's results do not add up.
    const pt2020 = page.locator('tr[data-agency="pingtan"][data-year="2020"]');
    assert.equal(await pt2020.locator('[data-col="checks-failed"]').textContent(), '2');
    const finding = pt2020.locator('.findings a').first();
    assert.match(await finding.textContent(), /20 ≠ 26/);
    assert.equal(await finding.getAttribute('href'), href('/pingtan/2020/s3#table-applications'));

    // Sorting: most inconsistencies first.
    const sortButton = page.locator('th button.sort', { hasText: '数字不一致' });
    await sortButton.click();
    await sortButton.click();
    assert.equal(await sortButton.locator('xpath=..').getAttribute('aria-sort'), 'descending');
    assert.equal(await rows.first().getAttribute('data-year'), '2020');
    // Filtering.
    await page.locator('.checks-controls input[type="search"]').fill('地方税务局');
    assert.equal(await rows.count(), 1);
    await page.locator('.checks-controls input[type="search"]').fill('');
    await page.locator('.checks-controls input[type="checkbox"]').check();
    assert.ok((await rows.count()) < total);

    // Where it stands, and its sub-region's own check-up a click away.
    assert.equal(await page.locator('nav.region-path a', { hasText: '年度报告体检' }).getAttribute('href'), href('/checks'));
    await page.locator('ul.checks-regions a', { hasText: '平潭综合实验区' }).click();
    await page.waitForURL((u) => u.pathname.endsWith('/checks/fujian-pingtanzongheshiyan'));
    await page.locator('table.checks-table tbody tr').first().waitFor();
    assert.equal(await page.locator('table.checks-table tbody tr').count(), total);
    assert.equal(
      await page.locator('nav.region-path a', { hasText: '福建省' }).getAttribute('href'),
      href('/checks/fujian'),
    );
  });
});

test('an unknown region in a check-up address says so', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { allow: [{ status: 404, url: '/data/checks/no-such-region.json' }] }, async (page) => {
    await open(page, '/checks/no-such-region');
    await page.getByText('地区“no-such-region”').first().waitFor();
  });
});

test('the checks CSV parses and equals the catalog JSON', { timeout: TIMEOUT }, async (t) => {
  const catalog = await json('/data/catalog.json');
  await withPage(t, {}, async (page) => {
    await open(page, '/checks/fujian');
    await page.locator('table.checks-table tbody tr').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button.csv').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'nianbao-checks-fujian.csv');
    const text = (await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, '');
    const [header, ...rows] = parseCsv(text);
    assert.deepEqual(header.slice(0, 4), ['机关', '机关代码', '机关类别', '年度']);
    const col = (name) => header.indexOf(name);
    let seen = 0;
    for (const agency of under(catalog, 'fujian')) {
      for (const report of agency.reports) {        const row = rows.find((r) => r[col('机关代码')] === agency.id && r[col('年度')] === String(report.year));
        assert.ok(row, `${agency.id} ${report.year} in the CSV`);
        const c = report.checkup;
        assert.equal(row[col('机关')], agency.name);
        assert.equal(row[col('发布日期')], report.published ?? '');
        assert.equal(row[col('法定期限')], c.timeliness.due ?? '');
        assert.equal(row[col('逾期天数')], String(Math.max(0, c.timeliness.days_after_due)));
        assert.equal(row[col('缺少部分')], String(c.completeness.missing_sections.length));
        assert.equal(row[col('缺少表格')], String(c.completeness.missing_tables.length));
        const failed = c.findings.filter((f) => f.rule.startsWith('consistency.')).length;
        assert.equal(row[col('数字不一致')], String(failed));
        assert.equal(row[col('发现')], c.findings.map((f) => f.text).join(' | '));
        seen++;
      }
    }
    assert.equal(rows.length, seen);
  });
});

test("the seed report shows its check-up line and panel", { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, REPORT.path);
    const line = page.locator('article.report .checkup-line');
    await line.waitFor();
    assert.match(await line.textContent(), /体检：在法定期限内发布/);
    const panel = page.locator('details#checkup');
    await panel.locator('summary').click();
    const text = await panel.textContent();
    assert.match(text, /法定期限：2018年3月31日/);
    assert.match(text, /所用日期：页面所载发布日期2018年3月23日/);
    // The check-up table of the body's own region.
    const link = panel.locator('.checkup-note a');
    assert.equal(await link.textContent(), '沈阳市各报告的体检结果');
    assert.equal(await link.getAttribute('href'), href('/checks/liaoning-shenyang'));
  });
});

test("a region's check-up works at 360 px", { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { viewport: { width: 360, height: 740 } }, async (page) => {
    await open(page, '/checks/fujian');
    await page.locator('table.checks-table tbody tr').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `page is ${width}px wide`);
  });
});
