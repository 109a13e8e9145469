// Addresses that name nothing: an unknown report, agency or path shows a not-found view.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { REPORT, TIMEOUT, assertPageBasics, href, open, withPage } from './harness.mjs';

const cases = [
  { path: `/${REPORT.agencyId}/1999`, what: 'an unknown year of a known agency', agencyLinks: true },
  { path: '/nobody/2017', what: 'an unknown agency' },
  { path: '/x/y/z/w', what: 'an unknown path' },
];

// The app may ask for the report's data file before it knows there is none; the host's 404
// for that file is then expected (Chromium logs it as a console error).
const missingData = { status: 404, url: /\/data\/[^/]+\/[^/]+\.json$/ };

for (const { path, what, agencyLinks } of cases) {
  test(`${what} (${path}) shows the not-found view`, { timeout: TIMEOUT }, async (t) => {
    await withPage(t, { allow: [missingData] }, async (page) => {
      await open(page, path);
      const view = page.locator('.not-found');
      await view.locator('h1', { hasText: '未找到' }).waitFor();
      await view.locator(`a[href="${href('/')}"]`).first().waitFor({ state: 'attached' });
      if (agencyLinks) {
        await view.locator(`a[href="${href(REPORT.path)}"]`).first().waitFor({ state: 'attached' });
      }
      assert.equal(await page.locator('article.report').count(), 0, 'no report is shown');
      await assertPageBasics(page, { titleIncludes: ['未找到'] });
    });
  });
}
