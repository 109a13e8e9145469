// The 图解 poster: a panel per top-level section with the figures it states, each linked to
// its sentence; table 3 as a flow that adds up exactly as the table does (or shows where it
// does not); panel addresses; share cards; dark mode, phones and print.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { BASE_PATH, TIMEOUT, open, screenshot, squash, url, withPage } from './harness.mjs';

const json = async (path) => (await fetch(url(path))).json();

/** The figures of one panel, as shown: ["11项", "4480余条", …]. */
const panelFigures = (page, id) =>
  page.$$eval(`#panel-${id} .pf-link`, (links) =>
    links.map((a) => a.querySelector('.pf-value').textContent.replace(/\s+/g, '')),
  );

/** The sankey's links once ECharts has drawn it: [{ source, target, value }]. */
async function flowLinks(page, id) {
  const selector = `#panel-${id} .flow-canvas`;
  await page.waitForFunction((s) => {
    const box = document.querySelector(s);
    box?.scrollIntoView({ block: 'center' }); // drawn when near the screen
    return window.echarts?.getInstanceByDom(box)?.getOption();
  }, selector);
  return page.evaluate(
    (s) => window.echarts.getInstanceByDom(document.querySelector(s)).getOption().series[0].links,
    selector,
  );
}

test('the seed\'s poster has a panel per top-level section with the figures each states', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { viewport: { width: 1280, height: 1000 } }, async (page) => {
    await open(page, '/shenyang-fgw/2017/tujie');
    const report = await json('/data/shenyang-fgw/2017.json');
    const headings = await page.$$eval('.tujie-panel h2', (h) => h.map((e) => e.textContent.trim()));
    assert.deepEqual(headings, report.sections.map((s) => `${s.number}${s.heading}`));
    assert.equal(headings.length, 7);
    assert.deepEqual(await panelFigures(page, 's1'), ['11项', '4480余条']);
    assert.deepEqual(await panelFigures(page, 's3'), ['5次', '564条', '12个']);
    assert.deepEqual(await panelFigures(page, 's5'), ['13件', '100%']);
    // Labels from the sentence; sub-section figures under their sub-heading.
    const s2 = squash(await page.locator('#panel-s2').textContent());
    assert.ok(s2.includes('22项政府信息公开清单'), s2);
    assert.ok(s2.includes('三是认真落实政府信息公开清单制度'), s2);
    // A section with no figure shows its points, in the report's words.
    assert.equal(await page.locator('#panel-s7 .panel-points li').count(), 5);
    await screenshot(page, 'tujie-poster-shenyang-fgw-2017');

    // Every figure links to where its sentence stands in the report.
    const links = await page.$$eval('.pf-link', (a) => a.map((l) => l.getAttribute('href')));
    assert.equal(links.length, report.figures.length);
    for (const f of report.figures) {
      const link = `${BASE_PATH}/shenyang-fgw/2017/${f.section}#f-${f.section}-${f.paragraph}-${f.start}`;
      assert.ok(links.includes(link), `${f.text}: ${link}`);
    }
    // The sentence is a tap away.
    const source = page.locator('#panel-s3 .pf-source').nth(1);
    await source.locator('summary').click();
    assert.match(await source.locator('p').textContent(), /2017年政务微博公开发布564条信息。$/);

    // Following a figure's link lands on its sentence, marked and on screen.
    await page.locator('#panel-s3 .pf-link').nth(1).click();
    await page.waitForURL((u) => u.hash === '#f-s3-3-0-72');
    const marked = page.locator('[data-linked]');
    await marked.waitFor();
    assert.equal(await marked.getAttribute('id'), 'f-s3-3-0-72');
    assert.ok(squash(await marked.textContent()).includes('564条'));
    await page.waitForFunction(() => {
      const r = document.querySelector('[data-linked]').getBoundingClientRect();
      return r.top >= 0 && r.bottom <= innerHeight;
    });
  });
});

test('平潭 2024: table 3 as a flow that adds up to the table', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { viewport: { width: 1280, height: 1000 } }, async (page) => {
    await open(page, '/pingtan/2024/tujie');
    const table = (await json('/data/pingtan/2024.json')).tables.applications;
    const cell = (key) => table.rows.find((r) => r.key === key).values[6];
    const flow = page.locator('#panel-s3 .flow');
    assert.equal(await flow.getAttribute('data-received'), '218');
    assert.equal(await flow.getAttribute('data-handled'), '218');
    assert.equal(await flow.locator('[data-key="new_requests"]').getAttribute('data-value'), String(cell('new_requests')));
    assert.equal(await flow.locator('[data-key="carried_in"]').getAttribute('data-value'), '0');
    assert.equal(await flow.locator('[data-key="carried_out"]').getAttribute('data-value'), '0');
    assert.ok(!(await flow.getAttribute('class')).includes('flagged'));

    const links = await flowLinks(page, 's3');
    const middle = '收到的申请 218';
    const sum = (side) => links.filter((l) => l[side] === middle).reduce((a, l) => a + l.value, 0);
    assert.equal(sum('target'), 218, 'new + carried in');
    assert.equal(sum('source'), 218, 'results + carried over');
    const disclosed = links.find((l) => l.target.startsWith('予以公开'));
    assert.equal(disclosed.value, cell('disclosed'));
    // Tables 2 and 4 are drawn in their panels; the summed groups say so.
    assert.ok((await page.locator('#panel-s2 .tile').count()) > 0);
    assert.ok((await page.locator('#panel-s4 .breakdown').count()) > 0);
    assert.match(await flow.textContent(), /本站按原表各项相加/);
    await page.locator('#panel-s3').scrollIntoViewIfNeeded();
    await screenshot(page, 'tujie-flow-pingtan-2024');
  });
});

test('平潭 2020: the flow shows the published inconsistency, flagged and not corrected', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, '/pingtan/2020/tujie/s3');
    const flow = page.locator('#panel-s3 .flow.flagged');
    await flow.waitFor();
    assert.match(await flow.textContent(), /⚠ 原表数字前后不一致.*未作更正/);
    const links = await flowLinks(page, 's3');
    const middle = links.find((l) => l.target.includes('⚠'))?.target;
    assert.ok(middle, 'the middle node carries ⚠');
    const into = links.filter((l) => l.target === middle).reduce((a, l) => a + l.value, 0);
    const out = links.filter((l) => l.source === middle).reduce((a, l) => a + l.value, 0);
    assert.deepEqual([into, out], [21, 27], 'as published: 21 in, 27 out');
  });
});

test('a panel\'s address opened cold lands on its panel and previews with its card', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { viewport: { width: 1280, height: 800 } }, async (page) => {
    await open(page, '/shenyang-fgw/2017/tujie/s3');
    const panel = page.locator('#panel-s3.is-target');
    await panel.waitFor();
    await page.waitForFunction(() => {
      const r = document.getElementById('panel-s3').getBoundingClientRect();
      return r.top >= 0 && r.top < innerHeight / 2;
    });
    assert.equal(await page.evaluate(() => document.activeElement?.id), 'panel-s3-title');
    assert.match(await page.title(), /图解 · 三、及时回应社会关切/);
    await panel.locator('button.copy-link').waitFor();

    // What a chat app reads: the pre-rendered document's head.
    const document = await (await fetch(url('/shenyang-fgw/2017/tujie/s3/'))).text();
    const meta = (attr) => new RegExp(`<meta ${attr} content="([^"]+)"`).exec(document)?.[1];
    const image = meta('property="og:image"');
    assert.ok(image, 'og:image');
    assert.equal(meta('name="twitter:image"'), image);
    assert.equal(meta('name="twitter:card"'), 'summary_large_image');
    const path = new URL(image).pathname;
    assert.ok(path.endsWith('/cards/shenyang-fgw/2017/tujie/s3.png'), path);
    // The card is in the built site: a 1200×630 PNG.
    const bytes = Buffer.from(await (await fetch(new URL(path, url('/')))).arrayBuffer());
    assert.deepEqual([...bytes.subarray(1, 4)], [0x50, 0x4e, 0x47], 'a PNG file');
    assert.deepEqual([bytes.readUInt32BE(16), bytes.readUInt32BE(20)], [1200, 630]);
    // 保存为图片 downloads that card.
    const save = panel.locator('a.save-image');
    assert.equal(new URL(await save.evaluate((a) => a.href)).pathname, path);
  });
});

test('an unknown panel says so and offers the poster', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { allow: [{ status: 404, url: '/tujie/s99' }] }, async (page) => {
    await page.goto(url('/shenyang-fgw/2017/tujie/s99'));
    await page.locator('.not-found h1', { hasText: '未找到页面' }).waitFor();
    assert.match(await page.locator('.not-found').textContent(), /没有编号为“s99”的部分/);
    await page.locator('.not-found a', { hasText: '查看本报告的图解' }).click();
    await page.locator('.tujie-panel').first().waitFor();
    assert.equal(await page.locator('.tujie-panel').count(), 7);
  });
});

test('dark mode: the chart canvas follows the page', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { colorScheme: 'dark' }, async (page) => {
    await open(page, '/pingtan/2024/tujie/s3');
    await flowLinks(page, 's3');
    const colours = await page.evaluate(() => {
      const box = document.querySelector('#panel-s3 .flow-canvas');
      const option = window.echarts.getInstanceByDom(box).getOption();
      return {
        option: option.backgroundColor,
        box: getComputedStyle(box).backgroundColor,
        body: getComputedStyle(document.body).backgroundColor,
        ink: getComputedStyle(document.body).color,
      };
    });
    assert.equal(colours.option, 'transparent');
    assert.equal(colours.box, colours.body, 'the canvas box has the page\'s background');
    assert.notEqual(colours.body, 'rgb(255, 255, 255)', 'the page is dark');
    await page.locator('#panel-s3').scrollIntoViewIfNeeded();
    await screenshot(page, 'tujie-flow-dark');
  });
});

test('the poster fits a phone and prints one panel per block', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { viewport: { width: 360, height: 740 } }, async (page) => {
    for (const path of ['/shenyang-fgw/2017/tujie', '/pingtan/2024/tujie']) {
      await open(page, path);
      await page.locator('.tujie-panel').first().waitFor();
      const width = await page.evaluate(() => document.scrollingElement.scrollWidth);
      assert.ok(width <= 360, `${path}: no sideways scrolling (${width}px)`);
    }
    await page.emulateMedia({ media: 'print' });
    const breaks = await page.$$eval('.tujie-panel', (p) => p.map((e) => getComputedStyle(e).breakInside));
    assert.ok(breaks.every((b) => b === 'avoid'), breaks.join());
  });
});
