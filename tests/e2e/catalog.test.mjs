// The catalog (`/`): page basics, one link per report, client-side navigation to a report.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  REPORT,
  TIMEOUT,
  assertPageBasics,
  href,
  open,
  reportShown,
  url,
  withPage,
} from './harness.mjs';

test('the catalog lists the report with a link to it', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, '/');
    const link = page.locator(`a[href="${href(REPORT.path)}"]`);
    await link.first().waitFor();
    assert.equal(await link.count(), 1, 'one link per report');
    assert.match(await link.innerText(), /2017/);
    await assertPageBasics(page, { titleIncludes: ['年报'] });
  });
});

test('a catalog link opens the report', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    let documents = 0;
    page.on('request', (request) => {
      if (request.resourceType() === 'document') documents += 1;
    });
    await open(page, '/');
    await page.locator(`a[href="${href(REPORT.path)}"]`).click();
    await page.waitForURL(url(REPORT.path));
    await reportShown(page);
    assert.equal(documents, 1, 'the router navigates without a page load');
  });
});

test('the skip link is the first stop and leads to the main content', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, REPORT.path);
    await reportShown(page);
    await page.keyboard.press('Tab');
    assert.ok(
      await page.evaluate(() => document.activeElement?.matches('a.skip-link[href="#main"]')),
      'Tab focuses the skip link first',
    );
    await page.keyboard.press('Enter');
    await page.waitForTimeout(300);
    assert.equal(
      // (A pre-rendered report is a folder: the host may have added a trailing slash.)
      new URL(page.url()).pathname.replace(/\/$/, ''),
      href(REPORT.path),
      'the skip link stays on this page (a bare "#main" under <base href> leads to the root page)',
    );
    await page.waitForFunction(() => document.activeElement?.closest('main#main') != null, null, {
      timeout: 3000,
    });
  });
});
