// Shared set-up for the browser tests (node:test + playwright-core driving Debian's Chromium).
//
// The tests run against the release build served like a static host (404.html for unknown
// paths, status 404), at BASE_URL. `cargo xtask test` builds the site, starts that server and
// sets BASE_URL; by hand: `cargo xtask serve` in one shell, then
// `BASE_URL=http://127.0.0.1:8080 node --test tests/e2e/` in another.
//
// Every page a test opens fails the test on an uncaught page error or a console error, except
// the few messages that `withPage` explains below.

import assert from 'node:assert/strict';
import { mkdirSync } from 'node:fs';
import path from 'node:path';
import { after } from 'node:test';
import { fileURLToPath } from 'node:url';

import { chromium } from 'playwright-core';

const here = path.dirname(fileURLToPath(import.meta.url));
export const ROOT = path.resolve(here, '..', '..');
export const ARTIFACTS = path.join(ROOT, 'tests', 'artifacts');

if (!process.env.BASE_URL) {
  throw new Error(
    'BASE_URL is not set. Run the browser tests with `cargo xtask test`, or serve the site with ' +
      '`cargo xtask serve` and run `BASE_URL=http://127.0.0.1:8080 node --test tests/e2e/`.',
  );
}
/** The site's address without a trailing slash, e.g. `http://127.0.0.1:8080/nianbao`. */
export const BASE_URL = process.env.BASE_URL.replace(/\/+$/, '');
/** The site's path without a trailing slash: `` at the root, `/nianbao` under a sub-path. */
export const BASE_PATH = new URL(`${BASE_URL}/`).pathname.replace(/\/$/, '');
const ORIGIN = new URL(BASE_URL).origin;

/**
 * The build folder BASE_URL serves (`cargo xtask test` sets DIST_DIR; by hand: `dist/` at the
 * root, `target/dist-subpath/` under a sub-path, as `cargo xtask test` builds them).
 */
export const DIST_DIR = path.resolve(
  ROOT,
  process.env.DIST_DIR ?? (BASE_PATH ? path.join('target', 'dist-subpath') : 'dist'),
);

/** The absolute address of an app path such as `/shenyang-fgw/2017`. */
export const url = (appPath) => BASE_URL + appPath;
/** The `href` the app writes for an app path (its base included). */
export const href = (appPath) => BASE_PATH + appPath;

/** The report every test reads (see public/data). */
export const REPORT = {
  path: '/shenyang-fgw/2017',
  data: '/data/shenyang-fgw/2017.json',
  agencyId: 'shenyang-fgw',
  title: '沈阳市发展和改革委员会2017年度政府信息公开工作报告',
  agency: '沈阳市发展和改革委员会',
  published: '2018年3月23日',
};
/** The section the deep-link tests open. */
export const S5 = { id: 's5', heading: '五、积极做好政府信息依申请公开工作' };

/** Per-test time limit (the first page of a run also compiles the wasm). */
export const TIMEOUT = 60_000;

const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  // The machine has no network but loopback: without these Chromium keeps trying to reach
  // its own services.
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

let launched;
/** One browser per test file, started on first use and closed when the file's tests end. */
export function browser() {
  launched ??= chromium.launch({
    executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
    headless: true,
    args: CHROMIUM_ARGS,
  });
  return launched;
}
after(async () => {
  if (launched) await (await launched).close();
});

/** Text with all white space removed, for comparing Chinese headings. */
export const squash = (text) => (text ?? '').replace(/\s+/g, '');

/**
 * Opens a fresh context and page, runs `fn(page, context)`, then fails if the page reported
 * errors. On failure a screenshot goes to tests/artifacts/.
 *
 * options:
 * - viewport: { width, height } (default 1280x900)
 * - permissions: e.g. ['clipboard-read', 'clipboard-write'], granted for the site's origin
 * - javaScriptEnabled: false to see what a reader without JavaScript (or a crawler) gets
 * - serviceWorkers: 'block' (the default) or 'allow'. The site's worker (offline reading)
 *   answers the page's requests once it runs, out of reach of `page.route` and of the
 *   failures other tests provoke: only the offline tests (offline.test.mjs) let it run.
 * - allow: failed loads a test provokes or expects, as [{ status, url }] (url: a substring or
 *   a RegExp of the address): Chromium logs "Failed to load resource: … status of 500" as a
 *   console error for each; those are expected there and nowhere else.
 */
export async function withPage(t, options, fn) {
  const {
    viewport = { width: 1280, height: 900 },
    permissions = [],
    allow = [],
    javaScriptEnabled = true,
    colorScheme = 'light',
    serviceWorkers = 'block',
  } = options;
  const context = await (await browser()).newContext({
    viewport,
    javaScriptEnabled,
    colorScheme,
    serviceWorkers,
    locale: 'zh-CN',
    reducedMotion: 'reduce',
  });
  context.setDefaultTimeout(15_000);
  if (permissions.length > 0) await context.grantPermissions(permissions, { origin: ORIGIN });
  const page = await context.newPage();

  const problems = [];
  // Addresses answered with 404 as a document: on a static host every deep link is one (the
  // host sends 404.html, which is the app), and Chromium logs a console error for it. That
  // one message is the price of the 404.html fallback, not an app error.
  const documents404 = new Set();
  page.on('response', (response) => {
    if (response.status() === 404 && response.request().resourceType() === 'document') {
      documents404.add(response.url());
    }
  });
  page.on('pageerror', (error) => problems.push(`page error: ${error.stack ?? error.message}`));
  page.on('console', (message) => {
    if (message.type() !== 'error') return;
    const text = message.text();
    const where = message.location()?.url ?? '';
    const status = /Failed to load resource: the server responded with a status of (\d+)/.exec(
      text,
    );
    if (status) {
      const code = Number(status[1]);
      if (code === 404 && documents404.has(where)) return;
      const matches = (pattern) =>
        pattern instanceof RegExp ? pattern.test(where) : where.includes(pattern);
      if (allow.some((a) => a.status === code && matches(a.url))) return;
    }
    problems.push(`console error: ${text}${where ? ` (${where})` : ''}`);
  });

  try {
    await fn(page, context);
    assert.deepEqual(problems, [], 'the page reported errors');
  } catch (error) {
    await screenshot(page, `FAILED ${t.fullName ?? t.name}`).catch(() => {});
    if (problems.length > 0 && error?.message && !error.message.includes('reported errors')) {
      error.message += `\nThe page also reported:\n  ${problems.join('\n  ')}`;
    }
    throw error;
  } finally {
    await context.close();
  }
}

/** Saves a screenshot of the viewport to tests/artifacts/NAME.png (sub-path runs: a prefix). */
export async function screenshot(page, name) {
  mkdirSync(ARTIFACTS, { recursive: true });
  const prefix = BASE_PATH ? `${BASE_PATH.slice(1).replace(/\//g, '-')}-` : '';
  const file = path.join(ARTIFACTS, `${prefix}${name.replace(/[^\w\u4e00-\u9fff.-]+/g, '-')}.png`);
  await page.screenshot({ path: file });
  return file;
}

/**
 * Waits until the app runs the page. A pre-rendered page (report and section pages) holds its
 * static copy in `#prerendered` while the app builds its own view hidden beside it; the app
 * then removes the copy. Until then every element is there twice.
 */
export async function appLive(page) {
  await page.waitForFunction(() => document.getElementById('prerendered') === null);
}

/** Loads an app path in the page (a full, cold page load) and waits for the app. */
export async function open(page, appPath) {
  const response = await page.goto(url(appPath), { waitUntil: 'load' });
  await appLive(page);
  return response;
}

/** Reloads the page and waits for the app. */
export async function reload(page) {
  await page.reload({ waitUntil: 'load' });
  await appLive(page);
}

/**
 * Waits (a few seconds at most) until the report's contents mark the entry linking to
 * `sectionHref` as the one being read. It follows the scroll a frame after it, so a test that
 * reads it, or presses a key that moves from it, right after a move would see the one before.
 */
export async function contentsMarked(page, sectionHref) {
  await page
    .locator(`nav[aria-label="目录"] [aria-current="location"][href="${sectionHref}"]`)
    .waitFor({ timeout: 5000 })
    .catch(() => {});
}

/** Waits until the report's `<h1>` shows its title. */
export async function reportShown(page) {
  await page.locator('article.report h1', { hasText: REPORT.title }).waitFor();
}

/** What every page must have: language, main landmark, a skip link first, a title. */
export async function assertPageBasics(page, { titleIncludes = [] } = {}) {
  const facts = await page.evaluate(() => {
    const focusable = document.body.querySelector(
      'a[href], button, input, select, textarea, [tabindex]:not([tabindex="-1"])',
    );
    return {
      lang: document.documentElement.lang,
      mains: document.querySelectorAll('main#main').length,
      firstFocusable: focusable?.outerHTML.slice(0, 200) ?? null,
      // The link's target, not its attribute: under <base href> a bare "#main" would name
      // the site's root page, not this one.
      skipIsFirst:
        (focusable?.matches('a.skip-link') ?? false) &&
        (focusable.getAttribute('href') ?? '').endsWith('#main'),
      title: document.title,
    };
  });
  assert.equal(facts.lang, 'zh-CN', '<html lang>');
  assert.equal(facts.mains, 1, 'one <main id="main">');
  assert.ok(
    facts.skipIsFirst,
    `the first focusable element is the skip link, found: ${facts.firstFocusable}`,
  );
  for (const part of titleIncludes) {
    assert.ok(facts.title.includes(part), `document.title ${JSON.stringify(facts.title)} has ${part}`);
  }
}

/** Reads the shipped report JSON over HTTP (from the server under test). */
export async function reportJson() {
  const response = await fetch(url(REPORT.data));
  assert.equal(response.status, 200, `${REPORT.data} is served`);
  return response.json();
}

/** Reads CSV text (fields quoted where they hold commas, quotes doubled) into rows of fields. */
export function parseCsv(text) {
  const rows = [];
  let row = [];
  let cell = '';
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (quoted) {
      if (c === '"' && text[i + 1] === '"') (cell += '"'), i++;
      else if (c === '"') quoted = false;
      else cell += c;
    } else if (c === '"') quoted = true;
    else if (c === ',') row.push(cell), (cell = '');
    else if (c === '\n') row.push(cell), rows.push(row), (row = []), (cell = '');
    else if (c !== '\r') cell += c;
  }
  return rows;
}
