// The Content-Security-Policy: every page carries it (a <meta> the build writes, so any static
// host serves it), the app works under it with no violation, and a script that is not the
// build's own is refused.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { REPORT, TIMEOUT, browser, open, url, withPage } from './harness.mjs';

const pages = [
  { name: 'catalog', path: '/', ready: 'main#main a[href]' },
  { name: 'section deep link', path: `${REPORT.path}/s5`, ready: 'section#s5.is-target' },
  { name: '图解 view', path: '/pingtan/2024/tujie', ready: 'main#main h1' },
  { name: 'agency page with charts', path: '/pingtan', ready: 'main#main h1', charts: true },
  { name: 'not found (the 404.html app)', path: '/nobody/2017', ready: '.not-found h1', allow: [{ status: 404, url: '/data/nobody/' }] },
];

/** Collects `securitypolicyviolation` events from the start of every document. */
async function watchViolations(page) {
  await page.addInitScript(() => {
    window.__cspViolations = [];
    document.addEventListener('securitypolicyviolation', (e) => {
      window.__cspViolations.push(`${e.violatedDirective} blocked ${e.blockedURI || 'inline'} (${e.sourceFile}:${e.lineNumber})`);
    });
  });
}

async function policyOf(page) {
  return page.evaluate(
    () => document.querySelector('meta[http-equiv="Content-Security-Policy"]')?.getAttribute('content') ?? null,
  );
}

for (const { name, path, ready, allow = [], charts = false } of pages) {
  test(`the app works under its Content-Security-Policy: ${name}`, { timeout: TIMEOUT }, async (t) => {
    await withPage(t, { allow }, async (page) => {
      await watchViolations(page);
      await open(page, path);
      await page.locator(ready).first().waitFor();
      if (charts) {
        // A chart is drawn when it comes near the screen.
        await page.locator('.chart-canvas, .flow-canvas').first().scrollIntoViewIfNeeded();
        await page.locator('canvas').first().waitFor({ timeout: 20_000 });
      }
      const policy = await policyOf(page);
      assert.ok(policy, 'a Content-Security-Policy <meta> is present');
      assert.match(policy, /script-src 'self' 'wasm-unsafe-eval'/);
      assert.doesNotMatch(policy, /'unsafe-eval'/);
      assert.doesNotMatch(policy, /script-src[^;]*'unsafe-inline'/);
      assert.match(policy, /object-src 'none'/);
      // The policy is the first thing in <head> that could load or run anything.
      const first = await page.evaluate(() =>
        document.head.querySelector('script, link[rel="stylesheet"], meta[http-equiv]')?.outerHTML.slice(0, 60),
      );
      assert.match(first ?? '', /Content-Security-Policy/);
      assert.deepEqual(await page.evaluate(() => window.__cspViolations), [], 'no CSP violations');
    });
  });
}

test('the policy refuses a script that is not the build\'s own', { timeout: TIMEOUT }, async () => {
  // Not withPage: Chromium logs the refusal as a console error, which this test provokes.
  const context = await (await browser()).newContext({ locale: 'zh-CN' });
  try {
    const page = await context.newPage();
    const errors = [];
    page.on('pageerror', (error) => errors.push(error.message));
    await watchViolations(page);
    await open(page, '/');
    const ran = await page.evaluate(async () => {
      const script = document.createElement('script');
      script.textContent = 'window.__injected = true;';
      document.body.append(script);
      await new Promise((resolve) => setTimeout(resolve, 100));
      return window.__injected ?? false;
    });
    assert.equal(ran, false, 'the injected inline script did not run');
    // The violation event is its own task: waited for, then counted.
    await page.waitForFunction(() => window.__cspViolations.length > 0);
    const violations = await page.evaluate(() => window.__cspViolations);
    assert.equal(violations.length, 1, `one violation: ${violations}`);
    assert.match(violations[0], /script-src/);
    assert.deepEqual(errors, []);
  } finally {
    await context.close();
  }
});

test('the 404.html app shell carries the policy too', { timeout: TIMEOUT }, async () => {
  const response = await fetch(url('/nobody/2017'));
  assert.equal(response.status, 404);
  const html = await response.text();
  assert.match(html, /<meta http-equiv="Content-Security-Policy" content="[^"]*'wasm-unsafe-eval'/);
});
