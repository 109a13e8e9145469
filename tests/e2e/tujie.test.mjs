// The 图解 view (the report at a glance) and the charts beside report sections: the right
// figures, links that land where each figure stands, and screenshots of both 图解 views.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { TIMEOUT, appLive, contentsMarked, href, open, screenshot, squash, url, withPage } from './harness.mjs';

const json = async (path) => (await fetch(url(path))).json();

/** The headline cards: [{ label, value, unit, href }]. */
function headlines(page) {
  return page.$$eval('.headline a', (cards) =>
    cards.map((a) => ({
      label: a.querySelector('.headline-label').textContent.trim(),
      value: a.querySelector('.headline-value').firstChild.textContent.trim(),
      unit: a.querySelector('.headline-unit').textContent.trim(),
      href: a.getAttribute('href'),
    })),
  );
}

/** Follows a link and checks that the figure it names is marked and on screen. */
async function landsOnFigure(page, link, text) {
  const target = new URL(link, url('/'));
  await page.locator(`.headline a[href="${link}"]`).click();
  await page.waitForURL((u) => u.pathname === target.pathname && u.hash === target.hash);
  const marked = page.locator('[data-linked]');
  await marked.waitFor();
  assert.equal(await marked.getAttribute('id'), target.hash.slice(1));
  assert.ok(squash(await marked.textContent()).includes(text), `the marked figure reads ${text}`);
  await page.waitForFunction(() => {
    const r = document.querySelector('[data-linked]').getBoundingClientRect();
    return r.top >= 0 && r.bottom <= innerHeight;
  });
}

test('the 图解 of a standard-template report shows its table figures and links to their cells', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { viewport: { width: 1280, height: 1000 } }, async (page) => {
    await open(page, '/pingtan/2024/tujie');
    await page.locator('h1', { hasText: '2024年度政府信息公开工作 · 图解' }).waitFor();
    assert.match(await page.title(), /图解/);
    assert.match(await page.locator('.tujie-disclaimer').textContent(), /不是原文的图解版/);
    await screenshot(page, 'tujie-pingtan-2024');

    const report = await json('/data/pingtan/2024.json');
    const row = (key) => report.tables.applications.rows.find((r) => r.key === key).values[6];
    const cards = await headlines(page);
    const card = (label) => cards.find((c) => c.label === label);
    assert.equal(card('本年新收政府信息公开申请').value, String(row('new_requests')));
    assert.equal(card('予以公开').value, String(row('disclosed')));
    assert.equal(card('行政复议·总计').value, String(report.tables.reviews.values[4]));
    assert.equal(
      card('本年新收政府信息公开申请').href,
      href(`/pingtan/2024/${report.tables.applications.section}#t3-new_requests-6`),
    );
    // Every card says where it stands.
    for (const c of cards) assert.ok(c.href?.startsWith(href('/pingtan/2024/s')), `${c.label}: ${c.href}`);

    await landsOnFigure(page, card('予以公开').href, String(row('disclosed')));
    assert.match(await page.title(), /收到和处理政府信息公开申请情况/);
  });
});

test('the 图解 of the old-format seed report shows its prose figures and links to their sentences', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { viewport: { width: 1280, height: 1000 } }, async (page) => {
    await open(page, '/shenyang-fgw/2017/tujie');
    await page.locator('.headline').first().waitFor();
    await screenshot(page, 'tujie-shenyang-fgw-2017');
    const cards = await headlines(page);
    const shown = cards.map((c) => `${c.value}${c.unit}`);
    for (const figure of ['13件', '4480余条', '564条', '100%']) {
      assert.ok(shown.includes(figure), `${figure} among ${shown}`);
    }
    const proactive = cards.find((c) => c.value === '4480余');
    assert.match(proactive.href, /\/shenyang-fgw\/2017\/s1#f-s1-0-\d+$/);
    await landsOnFigure(page, proactive.href, '4480余条');
    // No chart: one year gives nothing to compare, and no figure is invented.
    assert.equal(await page.locator('.chart-canvas').count(), 0);

    // The summary saves as one PNG image.
    await page.goBack();
    await page.locator('.headline').first().waitFor();
    const [download] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('button.save-image').click(),
    ]);
    assert.equal(download.suggestedFilename(), 'shenyang-fgw-2017-图解.png');
    const bytes = await (await import('node:fs/promises')).readFile(await download.path());
    assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG file');
    assert.ok(bytes.length > 20_000, `an image with content (${bytes.length} bytes)`);
  });
});

test('the 图解 flags a published inconsistency', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, '/pingtan/2020/tujie');
    const flags = page.locator('.tujie-flags');
    await flags.waitFor();
    assert.match(await flags.textContent(), /（七）总计等于各项办理结果之和/);
    assert.ok((await page.locator('.headline.flagged').count()) > 0, 'the doubted figures are marked');
  });
});

test('the applications section shows the chart of the agency\'s years beside the table', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { viewport: { width: 1600, height: 1000 } }, async (page) => {
    await open(page, '/pingtan/2024/s3');
    const chart = page.locator('section#s3 .section-charts #chart-s3-requests-results');
    await chart.waitFor();
    await page.waitForFunction(() => {
      const box = document.querySelector('#chart-s3-requests-results .chart-canvas');
      box.scrollIntoView({ block: 'center' }); // drawn when near the screen
      return window.echarts?.getInstanceByDom(box) && box.querySelector('canvas');
    });
    // Beside the table on a wide screen.
    const table = await page.locator('section#s3 #table-applications').boundingBox();
    const box = await chart.boundingBox();
    assert.ok(box.x > table.x + table.width, 'the chart stands to the right of the table');

    // Its table holds exactly the published 予以公开 totals of every year.
    await chart.locator('button[aria-controls="chart-s3-requests-results-table"]').click();
    const cells = await chart.locator('td[data-key="requests.results.disclosed"]').evaluateAll((tds) =>
      tds.map((td) => ({ year: Number(td.closest('tr').dataset.year), value: td.dataset.value })),
    );
    for (const { year, value } of cells.filter((c) => c.year >= 2019)) {
      const report = await json(`/data/pingtan/${year}.json`);
      const published = report.tables.applications.rows.find((r) => r.key === 'disclosed').values[6];
      assert.equal(value, String(published), `${year}`);
    }
    assert.equal(
      await chart.locator('tr.is-current th').textContent(),
      '2024（本报告）',
      "the report's own year is marked",
    );
  });
});

test('on a phone the chart follows the section', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { viewport: { width: 360, height: 740 } }, async (page) => {
    await open(page, '/pingtan/2024/s3');
    const chart = await page.locator('#chart-s3-requests-results').boundingBox();
    const table = await page.locator('section#s3 #table-applications').boundingBox();
    assert.ok(chart.y > table.y + table.height - 1, 'the chart comes after the table');
    const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
    assert.ok(width <= 360, `no sideways scrolling of the page (${width}px)`);
  });
});

test('a page other than the 图解 fetches its stylesheet only once the app runs, and the 图解 it goes on to is styled', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    const sheets = [];
    page.on('request', (request) => {
      if (/\/tujie-[^/]*\.css$/.test(new URL(request.url()).pathname)) sheets.push(request.url());
    });
    await page.goto(url('/pingtan/2024/s3/'), { waitUntil: 'load' });
    // The static page links the sheet disabled, and the browser leaves it alone.
    assert.equal(await page.locator('#prerendered').count(), 1, 'the static page is still up');
    assert.equal(await page.locator('link[rel="stylesheet"][disabled][href*="tujie-"]').count(), 1);
    assert.deepEqual(sheets, [], 'no request for the 图解 stylesheet before the app runs');
    await appLive(page);
    await page.waitForFunction(() =>
      [...document.styleSheets].some((sheet) => /\/tujie-[^/]*\.css$/.test(sheet.href ?? '') && !sheet.disabled),
    );
    assert.equal(sheets.length, 1, 'fetched once the app runs');
    // A client-side move to the 图解 finds its styles there. The click waits until the app has
    // settled at s3: a click while the page still moves lands on what moved under it.
    await contentsMarked(page, href('/pingtan/2024/s3'));
    // The link stands in the report's header, above s3: scrolling up to it brings the parts
    // before s3 in, which moves the header up under a click already aimed. So the page is
    // scrolled up first, and the click waits until those parts are in.
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.waitForFunction(() => document.querySelector('.earlier-parts') === null);
    await page.evaluate(() => window.scrollTo(0, 0));
    await page.locator('a.tujie-link').click();
    await page.locator('.poster').waitFor();
    assert.equal(await page.locator('#prerendered').count(), 0, 'moved within the app');
    assert.equal(await page.locator('.poster').evaluate((el) => getComputedStyle(el).display), 'flex');
  });
});
