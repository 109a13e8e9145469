// Offline reading (issue 15, items 6–9), with the site's real service worker (sw.js from the
// build). Each test serves the build itself (static-server.mjs) so that it can stop the server
// as the network goes, besides `context.setOffline(true)`; the update test serves a copy of
// the build and changes a file in it, as a new deploy does.

import assert from 'node:assert/strict';
import { spawnSync } from 'node:child_process';
import { cpSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import os from 'node:os';
import path from 'node:path';
import { test } from 'node:test';

import { BASE_PATH, DIST_DIR, ROOT, TIMEOUT, appLive, withPage } from './harness.mjs';
import { serveDir } from './static-server.mjs';

const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');
const WITH_WORKER = { serviceWorkers: 'allow' };

/** Polls `fn` in the page until it gives a truthy value (it may be async). */
async function until(page, fn, arg, what, timeout = 30_000) {
  const end = Date.now() + timeout;
  for (;;) {
    const value = await page.evaluate(fn, arg).catch(() => null);
    if (value) return value;
    if (Date.now() > end) throw new Error(`timed out waiting for ${what}`);
    await new Promise((r) => setTimeout(r, 200));
  }
}

/** Waits until the worker controls the page and keeps every file the page has read whose
 * path matches `pattern` (a RegExp source): the worker stores what it answered one file after
 * another, so the first file kept says nothing of the next. */
const keptAllRead = (page, pattern) =>
  until(
    page,
    async (source) => {
      if (navigator.serviceWorker.controller === null) return null;
      const re = new RegExp(source);
      const names = performance.getEntriesByType('resource').map((e) => e.name);
      const read = [...new Set(names)].filter((u) => re.test(new URL(u).pathname));
      const kept = await Promise.all(read.map((u) => caches.match(u)));
      return read.length > 0 && kept.every((r) => r !== undefined);
    },
    pattern,
    `the worker to keep every file read that matches ${pattern}`,
  );
const DATA = '/data/';

const controlled = (page) =>
  until(page, () => navigator.serviceWorker.controller !== null, null, 'the worker to control the page');

async function goOffline(context, site) {
  await context.setOffline(true);
  await site.close();
}

test('after one visit to /pingtan/2024/s3, offline: a reload and a move to s4 work, search works; an unsaved report says it is not saved', { timeout: TIMEOUT * 2 }, async (t) => {
  const site = await serveDir(DIST_DIR, BASE_PATH);
  // Offline, the worker answers data it does not keep with 503 (the app then says so).
  const allow = [{ status: 503, url: '/data/shenyang-fgw/' }];
  await withPage(t, { ...WITH_WORKER, allow }, async (page, context) => {
    await page.goto(`${site.url}/pingtan/2024/s3`, { waitUntil: 'load' });
    await appLive(page);
    await keptAllRead(page, DATA);
    await goOffline(context, site);

    await page.reload({ waitUntil: 'load' });
    await appLive(page);
    await page.locator('section#s3.is-target').waitFor();
    // Its chart is drawn from the kept series with the precached ECharts bundle.
    await page.waitForFunction(() => {
      const box = document.querySelector('section#s3 .chart-canvas');
      box?.scrollIntoView({ block: 'center' }); // drawn when near the screen
      return box && window.echarts?.getInstanceByDom(box) && box.querySelector('canvas');
    });
    await page.locator(`a[href="${BASE_PATH}/pingtan/2024/s4"]`).first().click();
    await page.waitForURL((u) => u.pathname.replace(/\/$/, '').endsWith('/pingtan/2024/s4'));
    await page.locator('section#s4.is-target').waitFor();
    await page.reload({ waitUntil: 'load' });
    await appLive(page);
    await page.locator('section#s4.is-target').waitFor();
    // The search index is precached: search works offline too.
    await page.locator('#site-search-input').fill('信息处理费');
    await page.locator('#site-search-results a.search-hit').first().waitFor();

    // A report never opened: said so, with the reports that are kept offered.
    await page.goto(`${site.url}/shenyang-fgw/2017`, { waitUntil: 'load' });
    const view = page.locator('.offline-view');
    await view.getByRole('heading', { name: '离线：这份报告没有保存' }).waitFor();
    await view.locator(`a[href="${BASE_PATH}/pingtan/2024"]`).waitFor();
    assert.equal(await page.locator('.offline-view a', { hasText: '沈阳' }).count(), 0);
  });
});

test('a search index over the precache budget: the runtime is precached, the chunks a query reads are kept and it works offline', { timeout: TIMEOUT * 2 }, async (t) => {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'nianbao-big-index-'));
  cpSync(DIST_DIR, copy, { recursive: true });
  // The same build's worker made again by the real step, as for an index larger than its budget.
  const step = spawnSync(process.execPath, ['scripts/service-worker.mjs', copy], {
    cwd: ROOT,
    encoding: 'utf8',
    env: { ...process.env, NIANBAO_SEARCH_INDEX_BUDGET: '0' },
  });
  assert.equal(step.status, 0, step.stderr);
  assert.match(step.stderr, /search runtime only/);
  const site = await serveDir(copy, BASE_PATH);
  // How many of the index's chunks the caches named `prefix`* hold.
  const chunksIn = (page, prefix) =>
    page.evaluate(async (p) => {
      const names = (await caches.keys()).filter((n) => n.startsWith(p));
      const urls = (await Promise.all(names.map(async (n) => (await (await caches.open(n)).keys()).map((r) => r.url)))).flat();
      return urls.filter((u) => /\/pagefind\/(index|fragment)\//.test(u)).length;
    }, prefix);
  try {
    await withPage(t, WITH_WORKER, async (page, context) => {
      await page.goto(`${site.url}/search/`, { waitUntil: 'load' });
      await appLive(page);
      await controlled(page);
      assert.equal(await chunksIn(page, 'workbox-precache'), 0, 'no chunk of the index is precached');
      await page.locator('#site-search-input').fill('信息处理费');
      await page.locator('#site-search-results a.search-hit').first().waitFor();
      // The worker stores a chunk before it answers with it (readThrough in web/sw.js).
      assert.ok((await chunksIn(page, 'nianbao-read-')) > 0, 'the chunks the query read are kept');
      await goOffline(context, site);

      await page.reload({ waitUntil: 'load' });
      await appLive(page);
      await page.locator('#site-search-input').fill('信息处理费');
      await page.locator('#site-search-results a.search-hit').first().waitFor();
    });
  } finally {
    await site.close().catch(() => {});
    rmSync(copy, { recursive: true, force: true });
  }
});

test('离线保存 on an agency page keeps all its reports: offline, another report and its 图解 open; /offline lists it with its size and removes it; axe', { timeout: TIMEOUT * 2 }, async (t) => {
  const site = await serveDir(DIST_DIR, BASE_PATH);
  await withPage(t, WITH_WORKER, async (page, context) => {
    await page.goto(`${site.url}/pingtan`, { waitUntil: 'load' });
    await appLive(page);
    await controlled(page);
    await page.getByRole('button', { name: '离线保存' }).click();
    await page.locator('.save-offline', { hasText: /已离线保存\d+份报告及其图解（[\d.]+ (KB|MB)）/ }).waitFor({ timeout: 30_000 });
    await goOffline(context, site);

    await page.goto(`${site.url}/pingtan/2019`, { waitUntil: 'load' });
    await appLive(page);
    await page.locator('article.report h1', { hasText: '2019' }).waitFor();
    await page.goto(`${site.url}/pingtan/2019/tujie`, { waitUntil: 'load' });
    await appLive(page);
    await page.locator('h1', { hasText: '2019' }).first().waitFor();

    await page.goto(`${site.url}/offline`, { waitUntil: 'load' });
    await appLive(page);
    const row = page.locator('.offline-table tbody tr', { hasText: '平潭综合实验区' });
    await row.waitFor();
    assert.match(await row.innerText(), /\d+(\.\d)? (KB|MB)/, 'the size is shown');
    await page.locator(`.offline-reports a[href="${BASE_PATH}/pingtan/2019"]`).waitFor();

    await page.evaluate(readFileSync(AXE, 'utf8'));
    const violations = await page.evaluate(async () => {
      const result = await window.axe.run(document, {
        runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
      });
      return result.violations.map((v) => `${v.id}: ${v.nodes.slice(0, 3).map((n) => n.target.join(' ')).join(', ')}`);
    });
    assert.deepEqual(violations, [], 'axe violations on /offline');

    await row.getByRole('button', { name: '删除平潭综合实验区的离线内容' }).click();
    await page.getByText('还没有离线保存的机关').waitFor();
  });
});

test('a new build shows 新版本可用 without reloading; its button brings the new files', { timeout: TIMEOUT * 3 }, async (t) => {
  const copy = mkdtempSync(path.join(os.tmpdir(), 'nianbao-next-build-'));
  cpSync(DIST_DIR, copy, { recursive: true });
  const site = await serveDir(copy, BASE_PATH);
  // The page's copy in the next build carries a mark the browser shows as a <meta>.
  const marker = () => document.querySelector('meta[name="nianbao-build-test"]')?.content ?? '';
  try {
    await withPage(t, WITH_WORKER, async (page) => {
      await page.goto(`${site.url}/pingtan/2024/s3`, { waitUntil: 'load' });
      await appLive(page);
      await keptAllRead(page, DATA);
      assert.equal(await page.evaluate(marker), '');

      // The next build: the page changed (hashed files would change their names and the
      // pages' integrity attributes too), and the build's worker made again by the real step.
      const file = path.join(copy, 'pingtan', '2024', 's3', 'index.html');
      const html = readFileSync(file, 'utf8');
      writeFileSync(file, html.replace('<head>', '<head><meta name="nianbao-build-test" content="next">'));
      const step = spawnSync(process.execPath, ['scripts/service-worker.mjs', copy], { cwd: ROOT, encoding: 'utf8' });
      assert.equal(step.status, 0, step.stderr);

      await page.reload({ waitUntil: 'load' });
      await appLive(page);
      let navigations = 0;
      page.on('framenavigated', (frame) => {
        if (frame === page.mainFrame()) navigations += 1;
      });
      const notice = page.locator('.update-notice', { hasText: '新版本可用' });
      await notice.waitFor({ timeout: 45_000 });
      // The old build's files still serve this page: nothing mixed, nothing reloaded.
      await page.waitForTimeout(1000);
      assert.equal(navigations, 0, 'no reload under the reader');
      assert.equal(await page.evaluate(marker), '', 'the old build still serves its own copy of the page');

      await notice.getByRole('button', { name: '重新加载' }).click();
      await until(page, marker, null, "the new build's page");
      assert.equal(await page.evaluate(marker), 'next');
      assert.equal(navigations, 1, 'reloaded once');
      await appLive(page);
      assert.equal(await page.locator('.update-notice').count(), 0);
    });
  } finally {
    await site.close();
    rmSync(copy, { recursive: true, force: true });
  }
});
