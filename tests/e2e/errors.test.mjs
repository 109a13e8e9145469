// Failures while loading data on a cold, pre-rendered page: the reader keeps the text that
// stands there, and a status line says the live data could not be loaded, with a retry
// button, which takes the page over once the fault is gone. Faults are injected with
// page.route. (faults.test.mjs covers the app's own error view on a client navigation.)

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { REPORT, TIMEOUT, appLive, href, reportShown, url, withPage } from './harness.mjs';

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

/** Loads a pre-rendered page cold, without waiting for the app to take it over. */
async function openCold(page, appPath) {
  await page.goto(url(appPath), { waitUntil: 'load' });
}

/**
 * The pre-rendered page stays readable (its static copy is still there and not replaced by
 * an error), a status line says why the data did not load, naming the file; its retry works
 * once the fault is lifted.
 */
async function keptThenRetry(page, { pattern, file, mentions, stays }) {
  const notice = page.locator('.load-notice[role="status"]');
  await notice.waitFor();
  const message = await notice.innerText();
  assert.match(message, HAN, `a Chinese message: ${message}`);
  assert.ok(message.includes(file), `the message names the file ${file}: ${message}`);
  if (mentions) assert.ok(message.includes(mentions), `the message mentions ${mentions}: ${message}`);
  assert.equal(await page.locator('#prerendered').count(), 1, 'the pre-rendered page is still there');
  await page.locator('#prerendered').getByText(stays).first().waitFor();
  assert.equal(await page.locator('.error-view').count(), 0, 'no error view replaced the page');
  const retry = notice.locator('button.retry');
  assert.match(await retry.innerText(), /重试/);
  await page.unroute(pattern);
  await retry.click();
  await appLive(page);
  assert.equal(await page.locator('.load-notice').count(), 0, 'the status line is gone');
}

for (const fault of reportFaults) {
  test(`a pre-rendered report whose data fails to load (${fault.name}) stays readable and can be retried`, { timeout: TIMEOUT }, async (t) => {
    await withPage(t, { allow: fault.allow ?? [] }, async (page) => {
      const pattern = `**${REPORT.data}`;
      await page.route(pattern, (route) => route.fulfill(fault.fulfill));
      await openCold(page, REPORT.path);
      await keptThenRetry(page, {
        pattern,
        file: REPORT.data.slice(1),
        mentions: fault.mentions,
        stays: REPORT.title,
      });
      await reportShown(page);
    });
  });
}

test('a pre-rendered catalog whose data fails to load stays readable and can be retried', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { allow: [{ status: 500, url: '/data/regions.json' }] }, async (page) => {
    const pattern = '**/data/regions.json';
    await page.route(pattern, (route) => route.fulfill({ status: 500, body: 'boom' }));
    await openCold(page, '/');
    await keptThenRetry(page, { pattern, file: 'data/regions.json', mentions: '500', stays: REPORT.agency });
    await page.locator(`a[href="${href(REPORT.path)}"]`).waitFor();
  });
});

test('a stalled network never replaces a pre-rendered section (the 15 s timeout says so)', { timeout: TIMEOUT + 20_000 }, async (t) => {
  await withPage(t, {}, async (page) => {
    // Every data file is asked for and never answered.
    const pattern = '**/data/**/*.json';
    await page.route(pattern, () => {});
    await page.route('**/data/*.json', () => {});
    const section = '/pingtan/2024/s3';
    await openCold(page, section);
    const notice = page.locator('.load-notice[role="status"]');
    // The 15 s count from the app's start, which comes after the page's load (wasm fetched,
    // compiled and run): on a slow machine well after the wait's own start.
    await notice.waitFor({ timeout: 40_000 });
    assert.match(await notice.innerText(), /15秒/);
    assert.equal(await page.locator('#prerendered').count(), 1, 'the pre-rendered page is still there');
    assert.ok(
      (await page.locator('#prerendered article.report h2').count()) > 0,
      'its sections still read',
    );
    assert.equal(await page.locator('.error-view').count(), 0, 'no error view replaced the page');
  });
});
