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

import { REPORT, ROOT, TIMEOUT, appLive, href, open, reportShown, url, withPage } from './harness.mjs';

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

test('a missing catalog leaves the pre-rendered catalog readable, with a retry', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { allow: [{ status: 404, url: '/data/regions.json' }] }, async (page) => {
    const pattern = '**/data/regions.json';
    await page.route(pattern, (route) => route.fulfill({ status: 404, contentType: 'text/plain', body: 'gone' }));
    await page.goto(url('/'), { waitUntil: 'load' });
    // Not taken over: the pre-rendered copy is the page the reader sees.
    const text = (await page.locator('#prerendered main#main').innerText()).trim();
    assert.match(text, HAN, 'the pre-rendered catalog reads');
    const notice = page.locator('.load-notice[role="status"]');
    await notice.waitFor();
    assert.match(await notice.innerText(), HAN);
    assert.ok((await notice.innerText()).includes('data/regions.json'), 'the notice names the file');
    await page.locator(`#prerendered a[href="${href(REPORT.path)}"]`).first().waitFor();
    await page.unroute(pattern);
    await notice.locator('button.retry').click();
    await appLive(page);
    await page.locator(`main a[href="${href(REPORT.path)}"]`).first().waitFor();
    assert.equal(await page.locator('.load-notice').count(), 0, 'the notice is gone');
  });
});

test('an agency file failing on a client navigation shows the error view naming the file', { timeout: TIMEOUT }, async (t) => {
  const file = `data/${REPORT.agencyId}/agency.json`;
  await withPage(t, { allow: [{ status: 500, url: `/${file}` }] }, async (page) => {
    // The report page does not need the agency's file; its link to the agency page does.
    const pattern = `**/${file}`;
    await page.route(pattern, (route) => route.fulfill({ status: 500, contentType: 'text/plain', body: 'boom' }));
    await open(page, REPORT.path);
    await page.locator(`main a[href="${href(`/${REPORT.agencyId}`)}"]`).first().click();
    const retry = await errorView(page, { mentions: file });
    await page.unroute(pattern);
    await retry.click();
    await page.locator('.agency-page h1').waitFor();
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

test('a source address that is not a web address never becomes a link', { timeout: TIMEOUT }, async (t) => {
  for (const address of ['javascript:alert(1)', 'data:text/html,<script>alert(1)</script>']) {
    await withPage(t, {}, async (page) => {
      const report = JSON.parse(realJson());
      report.source_url = address;
      await page.route(DATA, (route) =>
        route.fulfill({ status: 200, contentType: 'application/json', body: JSON.stringify(report) }),
      );
      await openReportFromCatalog(page);
      await reportShown(page);
      const hrefs = await page.evaluate(() =>
        [...document.querySelectorAll('a[href]')].map((a) => a.getAttribute('href')),
      );
      assert.deepEqual(
        hrefs.filter((h) => /^\s*(javascript|data):/i.test(h)),
        [],
        `no link to ${address}`,
      );
      await page.locator('.report-meta', { hasText: '不是网页地址' }).waitFor();
    });
  }
});

test('a missing or truncated year file breaks no agency-wide page and names itself', { timeout: TIMEOUT }, async (t) => {
  const year = '/data/pingtan/2019.json';
  for (const fault of [
    { status: 404, contentType: 'text/plain', body: 'gone' },
    { status: 200, contentType: 'application/json', body: '{"schema_version": 1, "title":' },
  ]) {
    await withPage(t, { allow: [{ status: 404, url: year }] }, async (page) => {
      const asked = [];
      page.on('request', (request) => {
        if (request.url().includes(year)) asked.push(request.url());
      });
      await page.route(`**${year}`, (route) => route.fulfill(fault));
      // Cold, and then as client navigations from one to the next.
      await open(page, '/pingtan');
      await page.locator('.agency-page h1').waitFor();
      await page.locator(`main a[href="${href('/pingtan/2024')}"]`).first().click();
      await page.locator('article.report h1').waitFor();
      await page.locator(`main a[href^="${href('/pingtan/2024/tujie')}"]`).first().click();
      await page.locator('article.tujie h1').waitFor();
      await open(page, '/pingtan/indicators/requests.new');
      await page.locator('.indicator-page h1').waitFor();
      assert.deepEqual(asked, [], 'no agency-wide page asks for a year it does not show');
      // The year itself, opened from the agency page: its own error names the file.
      await open(page, '/pingtan');
      await page.locator(`main a[href="${href('/pingtan/2019')}"]`).first().click();
      if (fault.status === 404) {
        await page.locator('.not-found h1').waitFor();
      } else {
        const view = page.locator('.error-view[role="alert"]');
        await view.waitFor();
        assert.ok((await view.innerText()).includes('data/pingtan/2019.json'), 'the error names the file');
      }
    });
  }
});

test('a series file of an unknown schema version says so on the agency page', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    const pattern = '**/data/pingtan/series.json';
    await page.route(pattern, (route) =>
      route.fulfill({ status: 200, contentType: 'application/json', body: '{"schema_version": 99, "series": []}' }),
    );
    await open(page, '/region/fujian-pingtanzongheshiyan');
    await page.locator(`main a.body-name[href="${href('/pingtan')}"]`).first().click();
    const retry = await errorView(page, { mentions: 'data/pingtan/series.json' });
    assert.match(await page.locator('.error-view').innerText(), /99/);
    await page.unroute(pattern);
    await retry.click();
    await page.locator('.agency-page h1').waitFor();
  });
});
