// Faults on the way to a report, provoked with page.route: each must end in a readable state
// with a way on (a retry that works once the fault is lifted), never a blank page, a panic or
// a script that runs.
//
// The app fetches a report itself on a client navigation (here: from the catalog, once the
// app has taken the page over), which is the path that shows the app's own loading, error and
// retry views. (errors.test.mjs covers the same faults on a cold, pre-rendered page.)

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { REPORT, ROOT, TIMEOUT, href, open, reportShown, withPage } from './harness.mjs';

const HAN = /[\u4e00-\u9fff]/;
const DATA = `**${REPORT.data}`;
const realJson = () => readFileSync(path.join(ROOT, 'public', REPORT.data), 'utf8');

/** From the catalog, a client navigation to the report (the app fetches its JSON). */
async function openReportFromCatalog(page) {
  await open(page, '/');
  await page.locator(`main a[href="${href(REPORT.path)}"]`).first().click();
}

/** The page is not blank: the site's header and some readable text in <main>. */
async function assertReadable(page) {
  await page.locator('header.site-header').waitFor();
  const text = (await page.locator('main#main').innerText()).trim();
  assert.match(text, HAN, `<main> has readable text: ${JSON.stringify(text.slice(0, 80))}`);
}

/** The error view: a Chinese message, a retry button and a link back to the catalog. */
async function errorView(page, { mentions } = {}) {
  const view = page.locator('.error-view[role="alert"]');
  await view.waitFor();
  await assertReadable(page);
  const message = await view.innerText();
  assert.match(message, HAN, `a Chinese message: ${message}`);
  if (mentions) assert.ok(message.includes(mentions), `the message mentions ${mentions}: ${message}`);
  assert.equal(await view.locator(`a[href="${href('/')}"]`).count(), 1, 'a way back to the catalog');
  return view.locator('button.retry');
}

async function retryRecovers(page, retry) {
  await page.unroute(DATA);
  await retry.click();
  await reportShown(page);
  assert.equal(await page.locator('.error-view').count(), 0, 'the error view is gone');
}

test('a report answered with status 500 shows an error and recovers on retry', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { allow: [{ status: 500, url: REPORT.data }] }, async (page) => {
    await page.route(DATA, (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'boom' }));
    await openReportFromCatalog(page);
    const retry = await errorView(page, { mentions: '500' });
    await retryRecovers(page, retry);
  });
});

test('a report that never answers times out with a message and recovers on retry', { timeout: 60_000 }, async (t) => {
  await withPage(t, {}, async (page) => {
    const pending = [];
    // Never answered: the app's own timeout (15 s, src/api.rs) must end the wait.
    await page.route(DATA, (route) => {
      pending.push(route);
    });
    await openReportFromCatalog(page);
    await page.locator('.loading[aria-busy="true"]').waitFor();
    const view = page.locator('.error-view[role="alert"]');
    await view.waitFor({ timeout: 25_000 });
    const retry = await errorView(page, { mentions: '15' });
    assert.equal(pending.length, 1, 'the request was made once');
    await retryRecovers(page, retry);
  });
});

test('a report that arrives truncated shows an error and recovers on retry', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    const json = realJson();
    const half = json.slice(0, Math.floor(json.length / 2));
    await page.route(DATA, (route) => route.fulfill({ status: 200, contentType: 'application/json', body: half }));
    await openReportFromCatalog(page);
    const retry = await errorView(page);
    await retryRecovers(page, retry);
  });
});

test('a report that arrives slowly (3 s) shows that it is loading, then the report', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await page.route(DATA, async (route) => {
      await new Promise((resolve) => setTimeout(resolve, 3000));
      await route.continue();
    });
    await openReportFromCatalog(page);
    const loading = page.locator('.loading[aria-busy="true"]');
    await loading.waitFor();
    assert.match(await loading.innerText(), /载入/);
    await assertReadable(page);
    await reportShown(page);
    assert.equal(await page.locator('.error-view').count(), 0, 'no error view');
  });
});

test('an unknown schema version says so and recovers on retry', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await page.route(DATA, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": 99}' }),
    );
    await openReportFromCatalog(page);
    const retry = await errorView(page, { mentions: '99' });
    await retryRecovers(page, retry);
  });
});

test('a missing catalog leaves a readable page with a retry', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { allow: [{ status: 404, url: '/data/catalog.json' }] }, async (page) => {
    const pattern = '**/data/catalog.json';
    await page.route(pattern, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'gone' }));
    // From a report (which needs no catalog) to the catalog page, in the app: a cold load of
    // the pre-rendered catalog keeps its static text with a status line instead.
    await open(page, REPORT.path);
    await page.locator('a.site-name').click();
    await assertReadable(page);
    const view = page.locator('.error-view[role="alert"]');
    await view.waitFor();
    assert.match(await view.innerText(), HAN);
    await page.unroute(pattern);
    await view.locator('button.retry').click();
    await page.locator(`main a[href="${href(REPORT.path)}"]`).first().waitFor();
    assert.equal(await page.locator('.error-view').count(), 0, 'the error view is gone');
  });
});

test('markup in a report is shown as text and never runs', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    const report = JSON.parse(realJson());
    const script = '<script>window.__pwned = "script"</script>';
    const img = '<img src="x" onerror="window.__pwned = \'img\'">';
    report.title = `${report.title}${script}`;
    report.intro = [`${img}开头`, ...(report.intro ?? [])];
    const first = report.sections[0];
    first.heading = `${first.heading}${img}`;
    first.paragraphs = [`${script}${img}正文`, ...(first.paragraphs ?? [])];
    await page.route(DATA, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(report) }),
    );
    await openReportFromCatalog(page);
    await page.locator('article.report h1').waitFor();
    await page.waitForTimeout(300);
    const facts = await page.evaluate(() => ({
      pwned: window.__pwned ?? null,
      injectedImages: document.querySelectorAll('article.report img[onerror], article.report img[src="x"]').length,
      injectedScripts: [...document.querySelectorAll('article.report script')].length,
      text: document.querySelector('article.report').innerText,
    }));
    assert.equal(facts.pwned, null, 'no injected script ran');
    assert.equal(facts.injectedImages, 0, 'no <img> element was made from the text');
    assert.equal(facts.injectedScripts, 0, 'no <script> element was made from the text');
    assert.ok(facts.text.includes('<script>window.__pwned'), 'the <script> markup reads as text');
    assert.ok(facts.text.includes('<img src="x" onerror='), 'the <img> markup reads as text');
  });
});
