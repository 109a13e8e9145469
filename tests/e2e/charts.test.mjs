// Indicator charts: an indicator page opened cold, its data table against the report JSON,
// the year range in the URL, the agency page (screenshot), downloads, and that navigating
// leaves no chart instance behind.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { TIMEOUT, href, open, screenshot, url, withPage } from './harness.mjs';

const AGENCY = '/pingtan';
// The 平潭 series: the archive's reports 2011–2025.
const YEARS = Array.from({ length: 15 }, (_, i) => 2011 + i);

/**
 * Counts ECharts instances: wraps `echarts.init` as the bundle defines the global, so that
 * `window.__charts` holds every instance ever made (disposed ones report isDisposed()).
 */
async function trackCharts(context) {
  await context.addInitScript(() => {
    let real;
    window.__charts = [];
    Object.defineProperty(window, 'echarts', {
      configurable: true,
      get: () => real,
      set(value) {
        real = {
          ...value,
          init(...args) {
            const chart = value.init(...args);
            if (!window.__charts.includes(chart)) window.__charts.push(chart);
            return chart;
          },
        };
      },
    });
  });
}

/** Live instances, chart boxes on the page, and the most instances any one box has. */
function chartCounts(page) {
  return page.evaluate(() => {
    const boxes = [...document.querySelectorAll('.chart-canvas')];
    const live = (window.__charts ?? []).filter((c) => !c.isDisposed());
    const perBox = boxes.map((box) => live.filter((c) => c.getDom() === box).length);
    return {
      boxes: boxes.length,
      live: live.length,
      maxPerBox: Math.max(0, ...perBox),
      detached: live.filter((c) => !c.getDom().isConnected).length,
    };
  });
}

/** Waits until every chart box on the page has its chart drawn, scrolling to each in turn
 * (a chart is drawn when it comes near the screen). */
async function chartsDrawn(page) {
  await page.waitForFunction(() => {
    const boxes = [...document.querySelectorAll('.chart-canvas')];
    const waiting = boxes.find((box) => !(window.echarts?.getInstanceByDom(box) && box.querySelector('canvas')));
    waiting?.scrollIntoView({ block: 'center' });
    return boxes.length > 0 && !waiting;
  });
}

/** The published value for a year, as the report JSON has it (what the table must show). */
async function newRequests(year) {
  const response = await fetch(url(`/data/pingtan/${year}.json`));
  const report = await response.json();
  const row = report.tables.applications?.rows.find((r) => r.key === 'new_requests');
  if (row) return String(row.values[6]);
  const stat = report.tables.statistics?.rows.find(
    (r) => r.label.includes('受理') && r.label.includes('申请') && r.label.includes('总数'),
  );
  return stat ? String(stat.values[0]) : '';
}

/** Opens a chart's data table (the app builds it when it is first opened). */
async function openTable(page, chartId) {
  const toggle = page.locator(`#${chartId} button[aria-controls="${chartId}-table"]`);
  if ((await toggle.getAttribute('aria-expanded')) !== 'true') await toggle.click();
  await page.locator(`#${chartId}-table table`).waitFor();
}

/** The data table's rows: year and the value of its first series. */
function tableRows(page, chartId) {
  return page.evaluate((chartId) => {
    return [...document.querySelectorAll(`#${chartId}-table tbody tr`)].map((tr) => ({
      year: Number(tr.dataset.year),
      value: tr.querySelector('td').dataset.value,
      text: tr.querySelector('td').textContent,
    }));
  }, chartId);
}

test('an indicator page opened cold draws its chart; its table shows the published values', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page, context) => {
    await trackCharts(context);
    const bundles = [];
    page.on('request', (r) => {
      if (/\/echarts\/echarts-[\d.]+\.\w+\.js$/.test(r.url())) bundles.push(r.url());
    });
    await open(page, `${AGENCY}/indicators/requests.new`);
    await page.locator('h1', { hasText: '本年新收政府信息公开申请' }).waitFor();
    await chartsDrawn(page);
    assert.equal(bundles.length, 1, 'the ECharts bundle is loaded once');

    const box = page.locator('#chart-requests-new .chart-canvas');
    assert.equal(await box.getAttribute('role'), 'img');
    const label = await box.getAttribute('aria-label');
    assert.ok(label.includes('2024年218'), `aria description: ${label}`);
    const option = await page.evaluate(() => {
      const chart = window.echarts.getInstanceByDom(document.querySelector('.chart-canvas'));
      const o = chart.getOption();
      const aria = Array.isArray(o.aria) ? o.aria[0] : o.aria;
      return { animation: o.animation, aria: aria.enabled, series: o.series.map((s) => s.data) };
    });
    assert.equal(option.animation, false, 'no animation when the reader prefers reduced motion');
    assert.equal(option.aria, true);
    // Old-format years (2011–2018, from the 统计表) are not plotted with the template years.
    assert.deepEqual(option.series[0], [...Array(8).fill(null), 23, 21, 70, 74, 81, 218, 154]);

    // The table: a button that says whether it is open.
    const toggle = page.locator('#chart-requests-new button[aria-controls="chart-requests-new-table"]');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'false');
    assert.ok(await page.locator('#chart-requests-new-table').isHidden());
    await toggle.focus();
    await page.keyboard.press('Enter');
    assert.equal(await toggle.getAttribute('aria-expanded'), 'true');
    await page.locator('#chart-requests-new-table table').waitFor();
    const headers = await page
      .locator('#chart-requests-new-table th[scope="col"]')
      .allTextContents();
    assert.deepEqual(headers, ['年度', '本年新收政府信息公开申请（件）']);

    const rows = await tableRows(page, 'chart-requests-new');
    assert.deepEqual(rows.map((r) => r.year), YEARS);
    for (const row of rows) {
      assert.equal(row.value, await newRequests(row.year), `${row.year}`);
    }
    // Old-format figures are marked as not strictly comparable.
    assert.match(rows[0].text, /†/);
    assert.doesNotMatch(rows[rows.length - 1].text, /†/);

    // The sources name the reports and link to the section the figure stands in.
    const source = page.locator('#chart-requests-new .chart-source');
    assert.match(await source.textContent(), /平潭综合实验区2024年度政府信息公开工作年度报告/);
    assert.equal(await source.locator(`a[href="${href('/pingtan/2024/s3')}"]`).count(), 1);

    // CSV and PNG downloads.
    const [csv] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#chart-requests-new button', { hasText: 'CSV' }).click(),
    ]);
    assert.equal(csv.suggestedFilename(), 'chart-requests-new.csv');
    const text = await (await import('node:fs/promises')).readFile(await csv.path(), 'utf8');
    assert.match(text, /^\uFEFF年度,本年新收政府信息公开申请（件）,/);
    assert.match(text, /\r\n2024,218,/);
    const [png] = await Promise.all([
      page.waitForEvent('download'),
      page.locator('#chart-requests-new button', { hasText: 'PNG' }).click(),
    ]);
    assert.equal(png.suggestedFilename(), 'chart-requests-new.png');
  });
});

test('a flagged figure is marked in the chart and in its table', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, `${AGENCY}/indicators/requests.results.total`);
    await chartsDrawn(page);
    const flags = await page.evaluate(() => {
      const chart = window.echarts.getInstanceByDom(document.querySelector('.chart-canvas'));
      return chart
        .getOption()
        .series.filter((s) => s.name === '⚠ 未通过勾稽检查')
        .map((s) => s.data);
    });
    assert.equal(flags.length, 1);
    assert.equal(flags[0][YEARS.indexOf(2020)], 21);
    await openTable(page, 'chart-requests-results-total');
    const cell = page.locator('#chart-requests-results-total-table tr[data-year="2020"] td');
    assert.equal(await cell.textContent(), '21 ⚠');
    assert.match(await cell.getAttribute('class'), /is-flagged/);
  });
});

test('narrowing the years updates the URL and the table without loading data again', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, `${AGENCY}/indicators/requests.new`);
    await chartsDrawn(page);
    await openTable(page, 'chart-requests-new');
    const dataLoads = [];
    page.on('request', (r) => {
      if (r.url().includes('/data/')) dataLoads.push(r.url());
    });
    await page.locator('select[name="from"]').selectOption('2019');
    await page.waitForURL((u) => u.search === '?from=2019');
    await page.locator('select[name="to"]').selectOption('2022');
    await page.waitForURL((u) => u.search === '?from=2019&to=2022');
    await page.waitForFunction(
      () => document.querySelectorAll('#chart-requests-new-table tbody tr').length === 4,
    );
    const rows = await tableRows(page, 'chart-requests-new');
    assert.deepEqual(
      rows.map((r) => [r.year, r.value]),
      [
        [2019, '23'],
        [2020, '21'],
        [2021, '70'],
        [2022, '74'],
      ],
    );
    const plotted = await page.evaluate(() => {
      const chart = window.echarts.getInstanceByDom(document.querySelector('.chart-canvas'));
      return { years: chart.getOption().xAxis[0].data, values: chart.getOption().series[0].data };
    });
    assert.deepEqual(plotted.years, ['2019', '2020', '2021', '2022']);
    assert.deepEqual(plotted.values, [23, 21, 70, 74]);
    assert.deepEqual(dataLoads, [], 'no data is fetched again');

    // The narrowed address opens cold with the same years.
    await open(page, `${AGENCY}/indicators/requests.new?from=2019&to=2022`);
    await openTable(page, 'chart-requests-new');
    await page.waitForFunction(
      () => document.querySelectorAll('#chart-requests-new-table tbody tr').length === 4,
    );
    assert.equal(await page.locator('select[name="from"]').inputValue(), '2019');
    await page.locator('button', { hasText: '显示全部年度' }).click();
    await page.waitForURL((u) => u.search === '');
    assert.equal((await tableRows(page, 'chart-requests-new')).length, YEARS.length);
  });
});

test('the agency page shows its reports and every indicator chart (screenshot)', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, AGENCY);
    await page.locator('h1', { hasText: '平潭综合实验区' }).waitFor();
    assert.equal(await page.locator(".year-list li").count(), YEARS.length);
    await chartsDrawn(page);
    const charts = await page.locator('figure.chart').count();
    assert.ok(charts >= 10, `${charts} charts`);
    // Each chart links to its own page.
    const link = page.locator('#chart-requests-results a.chart-permalink');
    assert.equal(await link.getAttribute('href'), href('/pingtan/indicators/requests.results'));
    // The chart index moves within the page.
    await page.locator('nav.chart-index a', { hasText: '行政复议及其结果' }).click();
    await page.waitForURL((u) => u.hash === '#chart-reviews');
    assert.match(new URL(page.url()).pathname, new RegExp(`^${href(AGENCY)}/?$`));
    await page.evaluate(() => window.scrollTo(0, 0));
    await screenshot(page, 'agency-pingtan');
    await page.screenshot({
      path: (await import('node:path')).join(
        (await import('./harness.mjs')).ARTIFACTS,
        'agency-pingtan-full.png',
      ),
      fullPage: true,
    });
    await link.click();
    await page.locator('h1', { hasText: '申请的办理结果' }).waitFor();
    await chartsDrawn(page);
  });
});

test('ECharts is not loaded by a page without a chart', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    const bundles = [];
    page.on('request', (r) => {
      if (r.url().includes('/echarts/')) bundles.push(r.url());
    });
    await open(page, '/');
    await page.locator('h1').first().waitFor();
    await page.waitForTimeout(300);
    assert.deepEqual(bundles, []);
    assert.equal(await page.evaluate(() => typeof window.echarts), 'undefined');
  });
});

test('an unknown indicator is not found', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, `${AGENCY}/indicators/no.such.indicator`);
    await page.locator('h1', { hasText: '未找到页面' }).waitFor();
  });
});

test('twenty navigations leave at most one live chart per chart box', { timeout: 180_000 }, async (t) => {
  await withPage(t, {}, async (page, context) => {
    await trackCharts(context);
    await open(page, AGENCY);
    await chartsDrawn(page);
    const route = [
      '/pingtan/indicators/requests.new',
      '/pingtan/2020',
      '/pingtan',
      '/pingtan/indicators/reviews',
      '/shenyang-fgw',
      '/pingtan/2024/s3',
      '/pingtan/indicators/requests.results',
      '/pingtan/indicators/lawsuits',
      '/',
      '/pingtan/indicators/requests.new?from=2020',
      '/shenyang-fgw/2017',
    ];
    for (let i = 0; i < 20; i++) {
      const target = route[i % route.length];
      // An in-app link, as the reader follows one (the router takes it over).
      await page.evaluate((target) => {
        const a = document.createElement('a');
        a.href = target;
        a.textContent = 'go';
        document.getElementById('main').appendChild(a);
        a.click();
      }, href(target));
      await page.waitForURL((u) => u.pathname + u.search === href(target));
      await page.locator('main h1').first().waitFor();
      if (target.endsWith('/indicators/lawsuits')) {
        // From one chart's page straight to another's: the page follows.
        await page.locator('main h1', { hasText: '行政诉讼' }).waitFor();
      }
      const boxes = await page.locator('.chart-canvas').count();
      if (boxes > 0) await chartsDrawn(page);
      // A left page's charts are disposed as its view is dropped: given a moment on a slow
      // machine before the counts are asserted (a chart that stays is still found).
      let counts = await chartCounts(page);
      for (const end = Date.now() + 5000; (counts.live !== counts.boxes || counts.detached > 0) && Date.now() < end; ) {
        await page.waitForTimeout(100);
        counts = await chartCounts(page);
      }
      assert.ok(counts.maxPerBox <= 1, `step ${i} (${target}): ${JSON.stringify(counts)}`);
      assert.equal(counts.detached, 0, `step ${i} (${target}): no chart left on a removed box`);
      assert.equal(counts.live, counts.boxes, `step ${i} (${target}): one chart per box`);
    }
  });
});

test('charts are drawn as they come near the screen, not all at once', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { viewport: { width: 412, height: 823 } }, async (page) => {
    await open(page, AGENCY);
    await page.locator('.chart-canvas').first().waitFor();
    const drawn = () =>
      page.evaluate(() =>
        [...document.querySelectorAll('.chart-canvas')].map((box) => Boolean(window.echarts?.getInstanceByDom(box))),
      );
    await page.waitForFunction(() => window.echarts?.getInstanceByDom(document.querySelector('.chart-canvas')));
    const before = await drawn();
    assert.ok(before.length > 4, `the agency page has its charts (${before.length})`);
    assert.equal(before.at(-1), false, 'the last chart, screens below, is not drawn yet');
    await page.locator('.chart-canvas').last().scrollIntoViewIfNeeded();
    await page.waitForFunction(() =>
      window.echarts.getInstanceByDom([...document.querySelectorAll('.chart-canvas')].at(-1)),
    );
  });
});

for (const appPath of [AGENCY, `${AGENCY}/indicators/requests.results`]) {
  test(`axe finds no serious problems: ${appPath} with its charts and an open table`, { timeout: TIMEOUT }, async (t) => {
    await withPage(t, {}, async (page) => {
      await open(page, appPath);
      await chartsDrawn(page);
      await page.locator('.chart-tools button[aria-expanded]').first().click();
      // Evaluated, not added as a <script>: the site's Content-Security-Policy refuses inline
      // scripts that are not the build's own.
      await page.evaluate(
        (await import('node:fs')).readFileSync(
          (await import('node:path')).join(
            (await import('./harness.mjs')).ROOT,
            'node_modules',
            'axe-core',
            'axe.min.js',
          ),
          'utf8',
        ),
      );
      const violations = await page.evaluate(async () => {
        const result = await window.axe.run(document, {
          runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
        });
        return result.violations
          .filter((v) => v.impact === 'serious' || v.impact === 'critical')
          .map((v) => `${v.id}: ${v.help} — ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
      });
      assert.deepEqual(violations, [], 'axe violations');
    });
  });
}
