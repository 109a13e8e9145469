// The report view: heading, metadata, contents, every section, the copy-link button.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  REPORT,
  S5,
  TIMEOUT,
  assertPageBasics,
  href,
  open,
  reportJson,
  reportShown,
  squash,
  url,
  withPage,
} from './harness.mjs';

test('the report shows its title, agency and publication date', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, REPORT.path);
    await reportShown(page);
    const article = page.locator('article.report');
    assert.equal(squash(await article.locator('h1').innerText()), REPORT.title);
    const text = await article.innerText();
    assert.ok(text.includes(REPORT.agency), 'the agency name is shown');
    assert.ok(text.includes(REPORT.published), `the date is shown as ${REPORT.published}`);
    await assertPageBasics(page, { titleIncludes: [REPORT.title] });
  });
});

test('the report links to the published original when it has one', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    const original = 'https://example.gov.cn/xxgk/2017-report.html';
    await page.route(`**${REPORT.data}`, async (route) => {
      const response = await route.fetch();
      const json = await response.json();
      await route.fulfill({ response, json: { ...json, source_url: original } });
    });
    await open(page, REPORT.path);
    await reportShown(page);
    await page.locator(`article.report a[href="${original}"]`).waitFor();
  });
});

test('every section is rendered with its heading at the right level', { timeout: TIMEOUT }, async (t) => {
  const report = await reportJson();
  const expected = [];
  const walk = (sections, depth) => {
    for (const section of sections) {
      expected.push({
        id: section.id,
        tag: ['H2', 'H3', 'H4'][Math.min(depth, 2)],
        heading: squash(`${section.number ?? ''}${section.heading}`),
      });
      walk(section.children ?? [], depth + 1);
    }
  };
  walk(report.sections, 0);
  assert.ok(expected.length > 5, 'the data has sections');

  await withPage(t, {}, async (page) => {
    await open(page, REPORT.path);
    await reportShown(page);
    const found = await page.evaluate((ids) => {
      return ids.map((id) => {
        const section = document.getElementById(id);
        if (!section) return { id, missing: true };
        const heading = section.querySelector(':scope > :is(h2, h3, h4, h5, h6)');
        return {
          id,
          isSection: section.matches('section.section'),
          tag: heading?.tagName ?? null,
          heading: (heading?.textContent ?? '').replace(/\s+/g, ''),
          copy: section.querySelector('button.copy-link')?.getAttribute('aria-label') ?? null,
        };
      });
    }, expected.map((s) => s.id));
    for (const [i, want] of expected.entries()) {
      const got = found[i];
      assert.ok(!got.missing, `section #${want.id} exists`);
      assert.ok(got.isSection, `#${want.id} is a <section class="section">`);
      assert.equal(got.tag, want.tag, `#${want.id} has an ${want.tag} heading as a child`);
      assert.ok(got.heading.includes(want.heading), `#${want.id} heading "${got.heading}" has "${want.heading}"`);
      assert.equal(got.copy, '复制本节链接', `#${want.id} has a copy-link button`);
    }
    assert.ok(
      squash(await page.locator(`section#${S5.id}`).locator(':scope > h2').innerText()).includes(S5.heading),
    );
  });
});

test('the contents list links to the sections', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, REPORT.path);
    await reportShown(page);
    const contents = page.locator('nav[aria-label="目录"]');
    await contents.locator(`a[href="${href(`${REPORT.path}/s5`)}"]`).waitFor({ state: 'attached' });
    assert.ok((await contents.locator('a').count()) >= 7, 'one entry per top-level section at least');
  });
});

test('the copy-link button puts the section address on the clipboard', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { permissions: ['clipboard-read', 'clipboard-write'] }, async (page) => {
    await open(page, REPORT.path);
    await reportShown(page);
    await page.locator(`section#${S5.id} button.copy-link`).first().click();
    await page.locator('[role="status"]', { hasText: '已复制' }).waitFor({ state: 'attached' });
    const copied = await page.evaluate(() => navigator.clipboard.readText());
    assert.equal(copied, url(`${REPORT.path}/s5`));
  });
});
