// Failures while loading data: an error view with a retry button, which recovers once the
// fault is gone. Faults are injected with page.route.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { REPORT, TIMEOUT, href, open, reportShown, withPage } from './harness.mjs';

const HAN = /[\u4e00-\u9fff]/;

const reportFaults = [
  {
    name: 'malformed JSON',
    fulfill: { status: 200, contentType: 'application/json', body: '{"schema_version": 2, "title":' },
  },
  {
    name: 'status 500',
    fulfill: { status: 500, contentType: 'text/plain', body: 'boom' },
    allow: [{ status: 500, url: REPORT.data }],
  },
  {
    name: 'an unknown schema version',
    fulfill: { status: 200, contentType: 'application/json', body: '{"schema_version": 99}' },
    mentions: '99',
  },
];

async function errorShownThenRetry(page, pattern, mentions) {
  const view = page.locator('.error-view[role="alert"]');
  await view.waitFor();
  const message = await view.innerText();
  assert.match(message, HAN, `a Chinese message: ${message}`);
  if (mentions) assert.ok(message.includes(mentions), `the message mentions ${mentions}: ${message}`);
  const retry = view.locator('button.retry');
  assert.match(await retry.innerText(), /重试/);
  await page.unroute(pattern);
  await retry.click();
}

for (const fault of reportFaults) {
  test(`a report that fails to load (${fault.name}) can be retried`, { timeout: TIMEOUT }, async (t) => {
    await withPage(t, { allow: fault.allow ?? [] }, async (page) => {
      const pattern = `**${REPORT.data}`;
      await page.route(pattern, (route) => route.fulfill(fault.fulfill));
      // A client navigation: a cold load of a pre-rendered report keeps its static text and
      // shows a status line instead (faults.test.mjs), so the error view is met on the way.
      await open(page, '/');
      await page.locator(`main a[href="${href(REPORT.path)}"]`).first().click();
      await errorShownThenRetry(page, pattern, fault.mentions);
      await reportShown(page);
      assert.equal(await page.locator('.error-view').count(), 0, 'the error view is gone');
    });
  });
}

test('a catalog that fails to load can be retried', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { allow: [{ status: 500, url: '/data/catalog.json' }] }, async (page) => {
    const pattern = '**/data/catalog.json';
    await page.route(pattern, (route) => route.fulfill({ status: 500, body: 'boom' }));
    // From a report (which needs no catalog) to the catalog page, in the app.
    await open(page, REPORT.path);
    await page.locator('a.site-name').click();
    await errorShownThenRetry(page, pattern);
    await page.locator(`a[href="${href(REPORT.path)}"]`).waitFor();
    assert.equal(await page.locator('.error-view').count(), 0, 'the error view is gone');
  });
});
