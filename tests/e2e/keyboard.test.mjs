// Keyboard (issue 15): ← → and j / k between sections, t opens the contents, ? the list,
// never while typing; the not-found page names the body.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { TIMEOUT, contentsMarked, href, open, withPage } from './harness.mjs';

const sectionOf = (page) => new URL(page.url()).pathname.replace(/\/$/, '').split('/').pop();

// A key moves from the section being read: wait until it is the section the last key opened.
async function settled(page, id) {
  await page.locator(`section#${id}.is-target`).waitFor();
  await contentsMarked(page, href(`/pingtan/2024/${id}`));
}

test('← → and j / k move between sections; t opens the contents; ? lists the keys; not while typing', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, '/pingtan/2024/s3');
    await settled(page, 's3');
    await page.keyboard.press('ArrowRight');
    await page.waitForURL((u) => !u.pathname.replace(/\/$/, '').endsWith('/s3'));
    const next = sectionOf(page);
    await settled(page, next);
    await page.keyboard.press('k');
    await page.waitForURL((u) => u.pathname.replace(/\/$/, '').endsWith('/s3'));
    await settled(page, 's3');
    await page.keyboard.press('j');
    await page.waitForURL((u) => u.pathname.replace(/\/$/, '').endsWith(`/${next}`));
    await settled(page, next);
    await page.keyboard.press('ArrowLeft');
    await page.waitForURL((u) => u.pathname.replace(/\/$/, '').endsWith('/s3'));

    await page.keyboard.press('t');
    await page.waitForFunction(() => document.activeElement?.closest('.contents-list') != null);

    await page.keyboard.press('?');
    const help = page.getByRole('dialog', { name: '键盘快捷键' });
    await help.waitFor();
    await page.keyboard.press('Escape');
    await help.waitFor({ state: 'hidden' });

    // Typing j in the search field types it.
    await page.locator('#site-search-input').focus();
    await page.keyboard.type('j');
    await page.waitForTimeout(200);
    assert.equal(sectionOf(page), 's3');
    assert.equal(await page.locator('#site-search-input').inputValue(), 'j');
  });
});

test('a not-found report names the body by its name', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { allow: [{ status: 404, url: /\/data\/pingtan\/2030\.json$/ }] }, async (page) => {
    await open(page, '/pingtan/2030');
    await page.locator('.not-found', { hasText: '平潭综合实验区 2030年度的报告' }).waitFor();
  });
});
