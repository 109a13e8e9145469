// Automated accessibility checks (axe-core, WCAG 2.1 A and AA rules) on each kind of page.
// Fails on violations axe rates serious or critical.

import assert from 'node:assert/strict';
import path from 'node:path';
import { test } from 'node:test';

import { REPORT, ROOT, TIMEOUT, open, withPage } from './harness.mjs';

const AXE = path.join(ROOT, 'node_modules', 'axe-core', 'axe.min.js');

const pages = [
  { name: 'catalog', path: '/', ready: 'main#main a[href]' },
  { name: 'report', path: REPORT.path, ready: 'article.report h1' },
  { name: 'deep link', path: `${REPORT.path}/s5`, ready: 'section#s5.is-target' },
  { name: 'not found', path: '/nobody/2017', ready: '.not-found h1', allow: [{ status: 404, url: '/data/nobody/2017.json' }] },
];

for (const { name, path: appPath, ready, allow = [] } of pages) {
  for (const viewport of [
    { width: 1280, height: 900 },
    { width: 360, height: 740 },
  ]) {
    test(`axe finds no serious problems: ${name} at ${viewport.width}px`, { timeout: TIMEOUT }, async (t) => {
      await withPage(t, { viewport, allow }, async (page) => {
        await open(page, appPath);
        await page.locator(ready).first().waitFor();
        await page.addScriptTag({ path: AXE });
        const violations = await page.evaluate(async () => {
          const result = await window.axe.run(document, {
            runOnly: { type: 'tag', values: ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'] },
          });
          return result.violations
            .filter((v) => v.impact === 'serious' || v.impact === 'critical')
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
