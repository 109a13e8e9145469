// Section deep links (`/{agency}/{year}/{section}`): opened cold from a static host, moving
// between sections, and an unknown section. Also the reader's screenshots.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import {
  REPORT,
  S5,
  TIMEOUT,
  assertPageBasics,
  contentsMarked,
  href,
  open,
  reportShown,
  screenshot,
  url,
  withPage,
} from './harness.mjs';

/** Where the target section is once the page has settled on it. */
async function targetFacts(page, id) {
  await page.locator(`section#${id}.is-target`).waitFor();
  // Scrolling and focus follow the data, which arrives after the first render.
  await page.waitForFunction((id) => document.activeElement?.closest(`section#${id}`) != null, id);
  return page.evaluate((id) => {
    const section = document.getElementById(id);
    const heading = section.querySelector(':scope > :is(h2, h3, h4)');
    const top = heading.getBoundingClientRect().top;
    return {
      top,
      innerHeight: window.innerHeight,
      targets: [...document.querySelectorAll('.is-target')].map((e) => e.id),
      current: [...document.querySelectorAll('nav[aria-label="目录"] [aria-current="location"]')].map(
        (a) => a.getAttribute('href'),
      ),
      focusedInSection: section.contains(document.activeElement),
    };
  }, id);
}

for (const viewport of [
  { width: 1280, height: 900, name: 'desktop' },
  { width: 360, height: 740, name: 'phone' },
]) {
  test(`a cold deep link opens at its section (${viewport.name})`, { timeout: TIMEOUT }, async (t) => {
    await withPage(t, { viewport }, async (page) => {
      const response = await open(page, `${REPORT.path}/${S5.id}`);
      // A pre-rendered page (the host may add a trailing slash: s5/ holds s5/index.html), or
      // the app as 404.html where none exists.
      assert.ok([200, 404].includes(response.status()), `status ${response.status()}`);
      assert.match(new URL(page.url()).pathname, new RegExp(`^${href(`${REPORT.path}/${S5.id}`)}/?$`));
      await reportShown(page);
      const facts = await targetFacts(page, S5.id);
      assert.deepEqual(facts.targets, [S5.id], 'only the linked section is the target');
      assert.ok(
        facts.top >= 0 && facts.top < facts.innerHeight,
        `the heading is in view (top ${facts.top}, viewport ${facts.innerHeight})`,
      );
      assert.ok(facts.focusedInSection, 'focus is in the linked section');
      assert.deepEqual(facts.current, [href(`${REPORT.path}/${S5.id}`)], 'its contents entry is current');
      await assertPageBasics(page, { titleIncludes: [S5.heading, REPORT.title] });
      await screenshot(page, `reader-${S5.id}-${viewport.width}x${viewport.height}`);
    });
  });
}

// Chromium anchors the scroll position itself; without scroll anchoring (`overflow-anchor:
// none`, as in browsers that lack it) the app's own correction must hold the reader's place.
for (const anchoring of [true, false]) {
  test(`the app takes a section page over in place, and the parts before it come in above (scroll anchoring ${anchoring ? 'on' : 'off'})`, { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { viewport: { width: 412, height: 823 } }, async (page) => {
    await page.addInitScript(([id, anchoring]) => {
      if (!anchoring) {
        document.addEventListener('DOMContentLoaded', () => {
          const style = document.createElement('style');
          style.textContent = '* { overflow-anchor: none !important; }';
          document.head.append(style);
        });
      }
      window.__facts = { largest: [] };
      // Where the section stands in the page's first frame: a resize observer made in its
      // first animation callback is first called after the others (boot.js's) and the
      // frame's layout, just before it paints.
      requestAnimationFrame(() => {
        const firstFrame = new ResizeObserver(() => {
          window.__facts.firstFrameTop = document.querySelector(`#prerendered section#${id} > h2`)?.getBoundingClientRect().top;
          firstFrame.disconnect();
        });
        firstFrame.observe(document.documentElement);
      });
      new PerformanceObserver((list) => {
        for (const entry of list.getEntries()) {
          window.__facts.largest.push({
            time: entry.startTime,
            // Text of the linked section (the static copy's until the take-over).
            inSection: !!entry.element?.closest(`section#${id}`),
          });
        }
      }).observe({ type: 'largest-contentful-paint', buffered: true });
      // Where the static page shows the section, once the app starts (nothing scrolls after).
      addEventListener('TrunkApplicationStarted', () => {
        const heading = document.querySelector(`#prerendered section#${id} > h2`);
        window.__facts.staticTop = heading?.getBoundingClientRect().top;
      });
      new MutationObserver((_, observer) => {
        if (document.readyState !== 'loading' && !document.getElementById('prerendered')) {
          window.__facts.takenOver = performance.now();
          observer.disconnect();
        }
      }).observe(document, { childList: true, subtree: true });
    }, [S5.id, anchoring]);
    await open(page, `${REPORT.path}/${S5.id}`);
    await reportShown(page);
    await targetFacts(page, S5.id);
    await page.waitForFunction(() => window.__facts.takenOver !== undefined);
    // (Largest paints are reported after the frames they were painted in.)
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const facts = await page.evaluate((id) => ({
      ...window.__facts,
      appTop: document.querySelector(`section#${id} > h2`).getBoundingClientRect().top,
    }), S5.id);
    assert.equal(typeof facts.staticTop, 'number', 'the static page showed the section');
    assert.ok(
      typeof facts.firstFrameTop === 'number' && Math.abs(facts.firstFrameTop - facts.staticTop) < 1,
      `the first frame is already at the section (${facts.firstFrameTop} → ${facts.staticTop})`,
    );
    assert.ok(
      Math.abs(facts.appTop - facts.staticTop) < 1,
      `the section stays where it stood (${facts.staticTop} → ${facts.appTop})`,
    );
    // The parts before the section come in when the reader scrolls up to them, above the
    // section, which stays where the reader had it.
    assert.equal(await page.locator('article.report section#s1').count(), 0, 'the parts before wait until they are needed');
    const scrolledTop = await page.evaluate((id) => {
      window.scrollBy(0, -80);
      return document.querySelector(`section#${id} > h2`).getBoundingClientRect().top;
    }, S5.id);
    await page.locator('article.report section#s1').waitFor();
    assert.equal(await page.locator('.earlier-parts').count(), 0, 'the notice of earlier parts is gone');
    await page.evaluate(() => new Promise((done) => requestAnimationFrame(() => requestAnimationFrame(done))));
    const afterTop = await page.evaluate((id) => document.querySelector(`section#${id} > h2`).getBoundingClientRect().top, S5.id);
    assert.ok(
      Math.abs(afterTop - scrolledTop) < 1,
      `the section stays where the reader had it as the parts before come in (${scrolledTop} → ${afterTop})`,
    );
    assert.ok(facts.largest.length > 0, 'a largest paint was seen');
    const before = facts.largest.filter((entry) => entry.time < facts.takenOver);
    const after = facts.largest.filter((entry) => entry.time >= facts.takenOver);
    const seen = (entries) => entries.map((e) => `${Math.round(e.time)} ms${e.inSection ? ' (section)' : ''}`).join(', ');
    // The page opens at the section from its first paint (boot.js, behind a render-blocking
    // `<link rel="expect">`): the static section's text is a largest paint before the app's.
    assert.ok(
      before.some((entry) => entry.inSection),
      `the static section's text was recorded as a largest paint before the take-over: ${seen(facts.largest)}`,
    );
    // The app's copy lays out as the static one did: no paint of it is larger (issue 12).
    assert.ok(
      after.length === 0,
      `no largest paint after the take-over at ${Math.round(facts.takenOver)} ms: ${seen(facts.largest)}`,
    );
  });
  });
}

test('contents links move between sections without reloading the report', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    const loads = { json: 0, documents: 0 };
    page.on('request', (request) => {
      if (request.url().endsWith(REPORT.data)) loads.json += 1;
      if (request.resourceType() === 'document') loads.documents += 1;
    });
    await open(page, `${REPORT.path}/${S5.id}`);
    await reportShown(page);
    await targetFacts(page, S5.id);
    loads.documents = 0; // the cold load may count twice: the host's s5 → s5/ redirect

    await page.locator(`nav[aria-label="目录"] a[href="${href(`${REPORT.path}/s3`)}"]`).click();
    await page.waitForURL(url(`${REPORT.path}/s3`));
    await contentsMarked(page, href(`${REPORT.path}/s3`));
    const facts = await targetFacts(page, 's3');
    assert.deepEqual(facts.targets, ['s3'], 'the target moved to s3');
    assert.deepEqual(facts.current, [href(`${REPORT.path}/s3`)], 'the current contents entry moved');
    assert.ok(facts.top >= 0 && facts.top < facts.innerHeight, `s3 is in view (top ${facts.top})`);
    assert.equal(loads.json, 1, `${REPORT.data} is fetched once`);
    assert.equal(loads.documents, 0, 'no page load');
  });
});

test('without JavaScript a deep link still shows the report at its section', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, { javaScriptEnabled: false }, async (page) => {
    await page.goto(url(`${REPORT.path}/${S5.id}`));
    await page.locator('article.report h1', { hasText: REPORT.title }).waitFor();
    const heading = page.locator(`section#${S5.id}`).locator(':scope > h2');
    assert.ok((await heading.innerText()).replace(/\s+/g, '').includes(S5.heading));
    assert.ok((await page.title()).includes(S5.heading), 'the title names the section');
    await screenshot(page, `no-js-${S5.id}`);
  });
});

test('an unknown section shows the report with a notice', { timeout: TIMEOUT }, async (t) => {
  await withPage(t, {}, async (page) => {
    await open(page, `${REPORT.path}/s99`);
    await reportShown(page);
    const notice = page.locator('.notice[role="status"]');
    await notice.waitFor();
    const text = await notice.innerText();
    assert.ok(text.includes('s99') && text.includes('未找到'), `notice: ${text}`);
    assert.equal(await page.locator('.is-target').count(), 0, 'no section is the target');
  });
});
