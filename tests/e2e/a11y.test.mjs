// Automated accessibility checks (axe-core, WCAG 2.1 A and AA rules) on each kind of page.
// Fails on any violation of those rules, whatever its impact.

import assert from 'node:assert/strict';
import { readFileSync } from 'node:fs';
import path from 'node:path';
import { test } from 'node:test';

import { REPORT, ROOT, TIMEOUT, open, withPage } from './harness.mjs';

const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

const pages = [
  { name: 'catalog', path: '/', ready: 'main#main a[href]' },
  { name: 'report', path: REPORT.path, ready: 'article.report h1' },
  { name: 'deep link', path: `${REPORT.path}/s5`, ready: 'section#s5.is-target' },
  { name: 'not found', path: '/nobody/2017', ready: '.not-found h1', allow: [{ status: 404, url: '/data/nobody/' }] },
  { name: 'agency', path: '/pingtan', ready: 'main#main h1' },
  { name: 'indicator', path: '/pingtan/indicators/requests.results', ready: 'main#main h1' },
  { name: '图解 (2021 template)', path: '/pingtan/2024/tujie', ready: 'main#main h1' },
  { name: '图解 (seed report)', path: '/shenyang-fgw/2017/tujie', ready: 'main#main h1' },
  { name: '图解 panel', path: '/pingtan/2020/tujie/s3', ready: '#panel-s3.is-target .flow' },
  { name: 'section with tables', path: '/pingtan/2020/s3', ready: 'section#s3.is-target table' },
  { name: 'checks', path: '/checks', ready: 'ul.checks-regions a' },
  { name: 'region checks', path: '/checks/fujian', ready: 'table.checks-table tbody tr' },
  { name: 'compare', path: '/pingtan/compare/2023/2024', ready: '#cmp-table-applications' },
  { name: 'overview', path: '/overview', ready: 'table.overview-table tbody tr' },
  { name: 'compare (section)', path: '/pingtan/compare/2023/2024/s3', ready: '#cmp-s3.is-target' },
];

for (const { name, path: appPath, ready, allow = [] } of pages) {
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 360, height: 740 },
  ]) {
    test(`axe finds no violations: ${name} at ${viewport.width}px`, { timeout: TIMEOUT }, async (t) => {
      await withPage(t, { viewport, allow }, async (page) => {
        await open(page, appPath);
        await page.locator(ready).first().waitFor();
        // Evaluated, not added as a <script>: the site's Content-Security-Policy refuses
        // inline scripts that are not the build's own.
        await page.evaluate(readFileSync(AXE, 'utf8'));
        const violations = await page.evaluate(async () => {
          const result = await window.axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          });
          return result.violations
            .map((v) => `${v.id} (${v.impact}): ${v.help} — ${v.nodes
              .slice(0, 3)
              .map((n) => n.target.join(' '))
              .join(', ')}`);
        });
        assert.deepEqual(violations, [], 'axe violations');
      });
    });
  }
}
