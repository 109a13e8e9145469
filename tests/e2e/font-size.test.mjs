// The font-size control (字号 小/中/大): pressed state, stored choice, applied size.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { REPORT, TIMEOUT, open, reload, reportShown, withPage } from './harness.mjs';

const KEY = 'nianbao.font-size';

function button(page, label) {
  return page
    .locator('[role="group"][aria-label="字号"] button')
    .filter({ hasText: new RegExp(`^\\s*${label}\\s*$`) });
}

async function state(page) {
  return page.evaluate((key) => {
    const pressed = [
      ...document.querySelectorAll('[role="group"][aria-label="字号"] button[aria-pressed="true"]'),
    ].map((b) => b.textContent.trim());
    return {
      pressed,
      attribute: document.documentElement.dataset.fontSize ?? null,
      stored: localStorage.getItem(key),
      size: parseFloat(getComputedStyle(document.querySelector('article.report')).fontSize),
    };
  }, KEY);
}

test('the font size choice applies, is stored, and survives a reload', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, REPORT.path);
    await reportShown(page);
    assert.equal(await page.locator('[role="group"][aria-label="字号"] button').count(), 3);

    await button(page, '中').click();
    const medium = await state(page);
    assert.deepEqual(medium.pressed, ['中']);
    assert.equal(medium.attribute, 'medium');

    await button(page, '小').click();
    const small = await state(page);
    assert.deepEqual(small.pressed, ['小']);
    assert.equal(small.attribute, 'small');
    assert.equal(small.stored, 'small');
    assert.ok(small.size < medium.size, `small ${small.size}px < medium ${medium.size}px`);

    await button(page, '大').click();
    const large = await state(page);
    assert.deepEqual(large.pressed, ['大']);
    assert.equal(large.attribute, 'large');
    assert.equal(large.stored, 'large');

    await reload(page);
    await reportShown(page);
    const reloaded = await state(page);
    assert.deepEqual(reloaded.pressed, ['大'], '大 is still pressed after a reload');
    assert.equal(reloaded.attribute, 'large');
    assert.ok(reloaded.size > medium.size, `large ${reloaded.size}px > medium ${medium.size}px`);
  });
});

test('a stored value that is not a size falls back to medium', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page, context) => {
    await context.addInitScript((key) => localStorage.setItem(key, 'huge'), KEY);
    await open(page, REPORT.path);
    await reportShown(page);
    const facts = await state(page);
    assert.deepEqual(facts.pressed, ['中']);
    assert.equal(facts.attribute, 'medium');
  });
});
