// `/overview`: per-year totals over every body with comparable figures, each naming its
// bodies, and the whole data set as a CSV whose every value equals the report JSON's.

import assert from 'node:assert/strict';
import { readFile } from 'node:fs/promises';
import { test } from 'node:test';

import { TIMEOUT, appLive, open, parseCsv, url, withPage } from './harness.mjs';

const json = async (path) => (await fetch(url(path))).json();

test('/overview totals each year and names the bodies it covers', { timeout: TIMEOUT }, async (t) => {
  const series = await json('/data/pingtan/series.json');
  const received = series.series.find((s) => s.key === 'requests.new');
  await withPage(t, {}, async (page) => {
    await open(page, '/overview');
    const row = page.locator('table.overview-table tr[data-key="requests.new"][data-year="2024"]');
    await row.waitFor();
    const p2024 = received.points.find((p) => p.year === 2024);
    assert.equal(await row.locator('td.num').getAttribute('data-value'), String(p2024.value));
    assert.match(await row.textContent(), /1 个：平潭综合实验区/);
    assert.equal(await page.locator('#overview-requests').count(), 1, 'the chart of requests');
  });
});

test('/overview reads the totals file, not every body\'s series', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    const data = [];
    page.on('request', (request) => {
      const path = new URL(request.url()).pathname;
      if (path.includes('/data/')) data.push(path.replace(/^.*\/data\//, ''));
    });
    await open(page, '/overview');
    await appLive(page);
    await page.locator('table.overview-table tbody tr').first().waitFor();
    assert.deepEqual(data, ['overview.json'], 'the data files fetched');
  });
});

test('the data set CSV parses and every value equals the report JSON', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, '/overview');
    await page.locator('table.overview-table tbody tr').first().waitFor();
    const [download] = await Promise.all([page.waitForEvent('download'), page.locator('a.csv').click()]);
    assert.equal(download.suggestedFilename(), 'nianbao-data.csv');
    const [header, ...rows] = parseCsv((await readFile(await download.path(), 'utf8')).replace(/^\uFEFF/, ''));
    const col = (name) => header.indexOf(name);
    assert.ok(rows.length > 100, `${rows.length} rows`);
    const reports = new Map();
    let checked = 0;
    for (const row of rows) {
      const [kind, ...at] = row[col('出处位置')].split(':');
      const key = `${row[col('机关代码')]}/${row[col('年度')]}`;
      if (!reports.has(key)) reports.set(key, await json(`/data/${key}.json`));
      const report = reports.get(key);
      const value = Number(row[col('数值')]);
      if (kind === 'applications') {
        const r = report.tables.applications.rows.find((r) => r.key === at[0]);
        assert.equal(r.values[Number(at[1])], value, `${key} ${row[col('指标代码')]}`);
        checked++;
      } else if (kind === 'reviews') {
        assert.equal(report.tables.reviews.values[Number(at[0])], value, `${key} ${row[col('指标代码')]}`);
        checked++;
      } else if (kind === 'figure') {
        const [section, paragraph, start] = [at[0], Number(at[1]), Number(at[2])];
        const f = report.figures.find((f) => f.section === section && f.paragraph === paragraph && f.start === start);
        assert.equal(f.value, value, `${key} ${row[col('指标代码')]}`);
        checked++;
      } else if (kind === 'statistics') {
        const cell = report.tables.statistics.rows[Number(at[0])].values[Number(at[1])];
        assert.equal(cell?.value ?? cell, value, `${key} ${row[col('指标代码')]}`);
        checked++;
      } else if (kind === 'proactive') {
        const [b, r, c] = at.map(Number);
        const cell = report.tables.proactive.blocks[b].rows[r].values[c];
        assert.equal(cell?.value ?? cell, value, `${key} ${row[col('指标代码')]}`);
        checked++;
      }
    }
    assert.ok(checked > 100, `${checked} values checked against the report JSON`);
  });
});

test('/overview works at 360 px', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { viewport: { width: 360, height: 740 } }, async (page) => {
    await open(page, '/overview');
    await page.locator('table.overview-table tbody tr').first().waitFor();
    const width = await page.evaluate(() => document.documentElement.scrollWidth);
    assert.ok(width <= 360, `page is ${width}px wide`);
  });
});
