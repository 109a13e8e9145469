// The benchmark behind `cargo xtask bench` (see README, "Benchmarks"): what a reader on a
// phone feels, measured side by side with a plain-HTML page of the same report.
//
// `cargo xtask bench` builds the release site into target/dist-bench, serves it like a static
// host that sends precompressed files, and runs this script with
//   BASE_URL    the site's address (no trailing slash)
//   BENCH_DIST  the built site's folder (this script adds .br/.gz copies and baseline pages)
//   BENCH_RUNS  Lighthouse runs per page (median and spread are shown)
//   BENCH_OUT   optional: also write the Markdown table there
// It prints the table and writes target/bench/results.json and target/bench/results.md.
// Budgets that fail are printed as FAIL; the script exits 0 unless it could not measure.

import { spawn } from 'node:child_process';
import { mkdirSync, mkdtempSync, readdirSync, readFileSync, rmSync, statSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import path from 'node:path';
import { fileURLToPath } from 'node:url';
import { brotliCompressSync, constants as zlib, gzipSync } from 'node:zlib';

import lighthouse from 'lighthouse';
import { chromium } from 'playwright-core';

import { baselineHtml } from './baseline.mjs';
import { searchFigures, searchLines } from './search.mjs';
import {
  LONG_PARAGRAPH_FIGURES,
  SYNTHETIC_SECTIONS,
  largeNames,
  longParagraphReport,
  syntheticReport,
} from './synthetic.mjs';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');
const BASE_URL = (process.env.BASE_URL ?? '').replace(/\/+$/, '');
const DIST = path.resolve(ROOT, process.env.BENCH_DIST ?? 'target/dist-bench');
const RUNS = Math.max(1, Number(process.env.BENCH_RUNS ?? 3));
const CHROMIUM = process.env.CHROMIUM ?? '/usr/bin/chromium';
const RESULTS = path.join(ROOT, 'target', 'bench');
if (!BASE_URL) throw new Error('BASE_URL is not set: run `cargo xtask bench`');

const CHROME_FLAGS = [
  '--headless=new',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-dev-shm-usage',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];

/** The pages Lighthouse measures, each with its plain-HTML baseline: the whole report for a
 * report's pages, the pre-rendered page without its scripts for the others (`plain`). */
const PAGES = [
  { name: 'section, 2021 template', path: '/pingtan/2024/s3/', report: 'pingtan/2024', anchor: 's3' },
  { name: 'seed report, section', path: '/shenyang-fgw/2017/s5/', report: 'shenyang-fgw/2017', anchor: 's5' },
  { name: '图解 view', path: '/pingtan/2024/tujie/', report: 'pingtan/2024', anchor: '' },
  { name: 'comparison of two years, section', path: '/pingtan/compare/2023/2024/s3/', plain: 'compare-pingtan-2023-2024-s3' },
  { name: "a region's check-up", path: '/checks/fujian/', plain: 'checks-fujian' },
];

const BUDGET = {
  wasmBrotli: 120 * 1024,
  beforeTextBrotli: 170 * 1024,
  cls: 0.02,
  lcpRatio: 1.2,
  routeSwitchMs: 50,
  longTaskMs: 200,
  a11y: 100,
  tbtMs: 150,
  inpMs: 100,
};

const log = (...args) => console.error('bench:', ...args);

// ---------------------------------------------------------------------------------------------
// Compressed copies: a host sends these (brotli 11, gzip 9); the server picks them by
// Accept-Encoding. Sizes are computed from the same bytes.

const sizeCache = new Map();
function sizesOf(file) {
  if (!sizeCache.has(file)) {
    const raw = readFileSync(file);
    const gz = gzipSync(raw, { level: 9 });
    const br = brotliCompressSync(raw, {
      params: { [zlib.BROTLI_PARAM_QUALITY]: 11, [zlib.BROTLI_PARAM_SIZE_HINT]: raw.length },
    });
    sizeCache.set(file, { raw: raw.length, gzip: gz.length, brotli: br.length, gz, br });
  }
  return sizeCache.get(file);
}

function* walk(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) {
      if (entry.name !== '.stage') yield* walk(full);
    } else {
      yield full;
    }
  }
}

function writeCompressedCopies() {
  let count = 0;
  for (const file of walk(DIST)) {
    if (!/\.(html|js|css|wasm|json|svg|xml)$/.test(file)) continue;
    const { gz, br } = sizesOf(file);
    writeFileSync(`${file}.gz`, gz);
    writeFileSync(`${file}.br`, br);
    count += 1;
  }
  log(`wrote .br and .gz beside ${count} files`);
}

/** The file in DIST that answers a same-site URL. */
function fileFor(url) {
  const { pathname } = new URL(url);
  let relative = decodeURIComponent(pathname).replace(/^\/+/, '');
  if (relative === '' || relative.endsWith('/')) relative += 'index.html';
  let file = path.join(DIST, relative);
  try {
    if (statSync(file).isDirectory()) file = path.join(file, 'index.html');
  } catch {
    if (!relative.includes('.')) {
      try {
        statSync(`${file}.html`);
        file = `${file}.html`;
      } catch {
        file = path.join(DIST, '404.html');
      }
    }
  }
  return file;
}

// ---------------------------------------------------------------------------------------------
// Baselines: the report as one plain HTML page, written into the served folder.

/** A pre-rendered page as plain HTML: its text and styles, without the app's scripts. */
function plainPage(pathname) {
  const html = readFileSync(path.join(DIST, pathname, 'index.html'), 'utf8');
  return html
    .replace(/<script\b[^>]*>[\s\S]*?<\/script>/g, '')
    .replace(/<link\b[^>]*rel="(?:modulepreload|preload)"[^>]*>/g, '');
}

function writeBaselines() {
  const written = new Map();
  for (const page of PAGES.filter((p) => p.plain)) {
    const file = path.join(DIST, 'baseline', `${page.plain}.html`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, plainPage(page.path));
    page.baseline = `/baseline/${page.plain}.html`;
  }
  for (const page of PAGES.filter((p) => p.report)) {
    if (written.has(page.report)) continue;
    const report = JSON.parse(readFileSync(path.join(DIST, 'data', `${page.report}.json`), 'utf8'));
    const file = path.join(DIST, 'baseline', `${page.report}.html`);
    mkdirSync(path.dirname(file), { recursive: true });
    writeFileSync(file, baselineHtml(report));
    written.set(page.report, `/baseline/${page.report}.html`);
  }
  for (const page of PAGES.filter((p) => p.report)) {
    page.baseline = written.get(page.report) + (page.anchor ? `#${page.anchor}` : '');
  }
}

// ---------------------------------------------------------------------------------------------
// Statistics

const median = (values) => {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  return sorted.length % 2 ? sorted[mid] : (sorted[mid - 1] + sorted[mid]) / 2;
};
const spread = (values) => Math.max(...values) - Math.min(...values);
const kb = (bytes) => `${(bytes / 1024).toFixed(1)} KB`;
const ms = (value) => `${Math.round(value)} ms`;
const verdict = (ok) => (ok ? 'PASS' : '**FAIL**');

// ---------------------------------------------------------------------------------------------
// 1. What a cold load fetches, and what of it comes before the text is visible.
// (Every context here blocks service workers: a first visit has none yet, and a worker that
// took over would answer from its precache instead of the network being measured.)

async function coldLoad(browser, appPath) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const requests = [];
  page.on('request', (request) => requests.push({ url: request.url(), type: request.resourceType() }));
  await page.goto(BASE_URL + appPath, { waitUntil: 'load' });
  await page.waitForFunction(() => document.getElementById('prerendered') === null, null, { timeout: 30_000 });
  await page.waitForLoadState('networkidle');
  const timing = await page.evaluate(async () => {
    const lcp = await new Promise((resolve) => {
      new PerformanceObserver((list) => {
        const entries = list.getEntries();
        resolve(entries[entries.length - 1]?.startTime ?? 0);
      }).observe({ type: 'largest-contentful-paint', buffered: true });
      setTimeout(() => resolve(0), 2000);
    });
    const fcp = performance.getEntriesByName('first-contentful-paint')[0]?.startTime ?? 0;
    const resources = performance.getEntriesByType('resource').map((e) => ({
      url: e.name,
      start: e.startTime,
      end: e.responseEnd,
      blocking: e.renderBlockingStatus === 'blocking',
      transfer: e.transferSize,
      encoded: e.encodedBodySize,
    }));
    const nav = performance.getEntriesByType('navigation')[0];
    return { lcp, fcp, resources, document: { transfer: nav.transferSize, encoded: nav.encodedBodySize } };
  });
  await context.close();
  const origin = new URL(BASE_URL).origin;
  const files = [];
  const seen = new Set();
  const add = (url, kind, blocking, start, encoded) => {
    if (!url.startsWith(origin) || seen.has(url)) return;
    seen.add(url);
    const file = fileFor(url);
    files.push({ url: new URL(url).pathname, file: path.relative(DIST, file), kind, blocking, start, encoded, ...sizesOf(file) });
  };
  add(BASE_URL + appPath, 'document', true, 0, timing.document.encoded);
  for (const r of timing.resources) {
    const kind = classify(r.url);
    add(r.url, kind, r.blocking, r.start, r.encoded);
  }
  return { files, lcp: timing.lcp, fcp: timing.fcp, requests };
}

function classify(url) {
  const { pathname } = new URL(url);
  if (/echarts/.test(pathname)) return 'ECharts bundle';
  if (pathname.endsWith('.wasm')) return 'wasm';
  if (pathname.endsWith('.js')) return /boot-/.test(pathname) ? 'boot script' : 'JS glue';
  if (pathname.endsWith('.css')) return 'CSS';
  if (pathname.endsWith('catalog.json') || pathname.endsWith('regions.json')) return 'catalog JSON';
  if (pathname.endsWith('series.json')) return 'series JSON';
  if (pathname.endsWith('.json')) return 'report JSON';
  if (pathname.endsWith('.svg')) return 'icon';
  return 'other';
}

/** What the app itself needs to put the text on screen when no static page is there (a client
 * navigation, or an address served by the 404.html app shell): page, scripts, wasm, styles, data. */
const APP_PATH_KINDS = new Set(['document', 'boot script', 'JS glue', 'wasm', 'CSS', 'catalog JSON', 'report JSON']);

// ---------------------------------------------------------------------------------------------
// 2. Lighthouse (mobile preset, simulated throttling), nianbao and baseline interleaved.

async function launchChromium() {
  const profile = mkdtempSync(path.join(tmpdir(), 'nianbao-bench-'));
  const child = spawn(CHROMIUM, [...CHROME_FLAGS, '--remote-debugging-port=0', `--user-data-dir=${profile}`, 'about:blank'], {
    stdio: ['ignore', 'ignore', 'pipe'],
  });
  const port = await new Promise((resolve, reject) => {
    let text = '';
    const timer = setTimeout(() => reject(new Error(`Chromium did not start: ${text}`)), 30_000);
    child.stderr.on('data', (chunk) => {
      text += chunk;
      const match = /DevTools listening on ws:\/\/[^:]+:(\d+)\//.exec(text);
      if (match) {
        clearTimeout(timer);
        resolve(Number(match[1]));
      }
    });
    child.on('exit', (code) => reject(new Error(`Chromium exited (${code}): ${text}`)));
  });
  return {
    port,
    close() {
      child.kill();
      // Chromium may still be writing its profile as it exits: retry, and never fail the run
      // over a temporary folder.
      try {
        rmSync(profile, { recursive: true, force: true, maxRetries: 10, retryDelay: 200 });
      } catch (error) {
        console.error(`bench: could not remove ${profile}: ${error.message}`);
      }
    },
  };
}

async function lighthouseRun(port, url, categories) {
  const result = await lighthouse(url, {
    port,
    output: 'json',
    logLevel: 'error',
    onlyCategories: categories,
  });
  const { lhr } = result;
  if (lhr.runtimeError) throw new Error(`Lighthouse on ${url}: ${lhr.runtimeError.message}`);
  const audit = (id) => lhr.audits[id]?.numericValue ?? NaN;
  return {
    performance: Math.round((lhr.categories.performance?.score ?? NaN) * 100),
    accessibility: lhr.categories.accessibility ? Math.round(lhr.categories.accessibility.score * 100) : null,
    a11yFailures: lhr.categories.accessibility
      ? lhr.categories.accessibility.auditRefs
          .filter((ref) => ref.weight > 0 && lhr.audits[ref.id]?.score === 0)
          .map((ref) => ref.id)
      : [],
    fcp: audit('first-contentful-paint'),
    lcp: audit('largest-contentful-paint'),
    tbt: audit('total-blocking-time'),
    cls: audit('cumulative-layout-shift'),
    transfer: audit('total-byte-weight'),
    // What blocks: the longest main-thread tasks (simulated durations, as TBT counts them) and
    // the scripting charged to each script.
    longTasks: (lhr.audits['long-tasks']?.details?.items ?? []).map((t) => ({
      url: t.url,
      start: Math.round(t.startTime),
      duration: Math.round(t.duration),
    })),
    scripting: (lhr.audits['bootup-time']?.details?.items ?? []).map((b) => ({
      url: b.url,
      scripting: Math.round(b.scripting),
    })),
  };
}

/** A script's address without the site's, for printing. */
const shortUrl = (url) => (url.startsWith(BASE_URL) ? url.slice(BASE_URL.length) : url);

/** `cargo xtask bench --only lighthouse`: each page's Lighthouse runs with what blocked them. */
async function lighthouseTasks() {
  const chrome = await launchChromium();
  try {
    for (const page of PAGES) {
      for (let run = 1; run <= RUNS; run += 1) {
        const r = await lighthouseRun(chrome.port, BASE_URL + page.path, ['performance']);
        console.log(`${page.path} run ${run}: LCP ${ms(r.lcp)}, TBT ${ms(r.tbt)}, CLS ${r.cls.toFixed(3)}`);
        for (const t of r.longTasks) console.log(`  task at ${t.start} ms: ${t.duration} ms ${shortUrl(t.url)}`);
        for (const b of r.scripting.filter((b) => b.scripting >= 50)) {
          console.log(`  scripting ${b.scripting} ms: ${shortUrl(b.url)}`);
        }
      }
    }
  } finally {
    chrome.close();
  }
}

async function lighthouseAll() {
  const chrome = await launchChromium();
  const results = PAGES.map(() => ({ app: [], baseline: [] }));
  try {
    for (let run = 1; run <= RUNS; run += 1) {
      for (const [i, page] of PAGES.entries()) {
        log(`lighthouse run ${run}/${RUNS}: ${page.path}`);
        results[i].app.push(await lighthouseRun(chrome.port, BASE_URL + page.path, ['performance', 'accessibility']));
        log(`lighthouse run ${run}/${RUNS}: ${page.baseline}`);
        results[i].baseline.push(await lighthouseRun(chrome.port, BASE_URL + page.baseline, ['performance']));
      }
    }
  } finally {
    chrome.close();
  }
  return results;
}

// ---------------------------------------------------------------------------------------------
// 3. In-browser timings (Performance API, unthrottled): long report, section and report switch.

/** Clicks a link to `target` (an app path) and resolves with the milliseconds until `done`
 * holds, measured at the next animation frame (the frame that shows it). */
async function timeNavigation(page, target, doneSource) {
  return page.evaluate(
    async ({ target, doneSource }) => {
      const done = new Function(`return (${doneSource})`)();
      let link = [...document.querySelectorAll('a[href]')].find((a) => a.getAttribute('href') === target);
      if (!link) {
        link = document.createElement('a');
        link.href = target;
        link.textContent = 'bench';
        document.querySelector('main')?.append(link);
      }
      return new Promise((resolve, reject) => {
        const timer = setTimeout(() => reject(new Error(`navigation to ${target} did not finish`)), 30_000);
        let start;
        const check = () => {
          if (!done()) return false;
          observer.disconnect();
          requestAnimationFrame(() => {
            clearTimeout(timer);
            const end = performance.now();
            performance.measure(`bench ${target}`, { start, end });
            resolve(end - start);
          });
          return true;
        };
        const observer = new MutationObserver(check);
        observer.observe(document.body, { subtree: true, childList: true, attributes: true, characterData: true });
        start = performance.now();
        link.click();
      });
    },
    { target, doneSource },
  );
}

async function timings(browser) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const live = () => page.waitForFunction(() => document.getElementById('prerendered') === null, null, { timeout: 30_000 });

  // Long report: the catalog, then a client navigation to a report served as 2,000 sections.
  const real = JSON.parse(readFileSync(path.join(DIST, 'data', 'pingtan', '2024.json'), 'utf8'));
  const synthetic = JSON.stringify(syntheticReport(real));
  await page.route('**/data/pingtan/2024.json', (route) =>
    route.fulfill({ status: 200, contentType: 'application/json', body: synthetic }),
  );
  const longRender = [];
  for (let i = 0; i < RUNS; i += 1) {
    await page.goto(`${BASE_URL}/`, { waitUntil: 'load' });
    await live();
    longRender.push(
      await timeNavigation(page, '/pingtan/2024', `() => document.getElementById('s${SYNTHETIC_SECTIONS}') !== null`),
    );
  }
  await page.unroute('**/data/pingtan/2024.json');

  // Section to section within a report (no fetch), through the contents' links.
  await page.goto(`${BASE_URL}/pingtan/2024/s1/`, { waitUntil: 'load' });
  await live();
  const sectionSwitch = [];
  for (let i = 0; i < Math.max(3, RUNS) * 2; i += 1) {
    const id = ['s2', 's3', 's4', 's5', 's6', 's1'][i % 6];
    sectionSwitch.push(
      await timeNavigation(page, `/pingtan/2024/${id}`, `() => document.querySelector('section#${id}.is-target') !== null`),
    );
  }

  // Report to report (fetches the other report's JSON from the local server).
  const reportSwitch = [];
  for (let i = 0; i < Math.max(3, RUNS) * 2; i += 1) {
    const year = i % 2 ? 2024 : 2023;
    reportSwitch.push(
      await timeNavigation(
        page,
        `/pingtan/${year}`,
        `() => (document.querySelector('article.report h1')?.textContent ?? '').includes('${year}年度')`,
      ),
    );
  }
  await context.close();
  if (errors.length) throw new Error(`page errors during timings: ${errors.join('; ')}`);
  return { longRender, sectionSwitch, reportSwitch };
}

// ---------------------------------------------------------------------------------------------
// 4. The longest main-thread task on large data (Performance API 'longtask' entries, observed
//    from before the page's first script): a page that blocks longer does not answer taps.

const LARGE_CATALOG_BODIES = 10_000;

/** Opens `appPath` cold with the data routes in place and resolves with the longest task (ms)
 * seen until `doneSource` holds and the page is quiet for a second. */
async function longestTask(browser, appPath, routes, doneSource) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 412, height: 823 }, serviceWorkers: 'block' });
  await context.addInitScript(() => {
    window.__longest = 0;
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) window.__longest = Math.max(window.__longest, entry.duration);
    }).observe({ type: 'longtask', buffered: true });
  });
  const page = await context.newPage();
  for (const [pattern, body] of routes) {
    await page.route(pattern, (route) => route.fulfill({ status: 200, contentType: 'application/json', body }));
  }
  await page.goto(`${BASE_URL}${appPath}`, { waitUntil: 'load' });
  await page.waitForFunction(doneSource, null, { timeout: 120_000 });
  await page.waitForTimeout(1000);
  const longest = await page.evaluate(() => window.__longest);
  await context.close();
  return longest;
}

async function longTasks(browser) {
  const real = JSON.parse(readFileSync(path.join(DIST, 'data', 'pingtan', '2024.json'), 'utf8'));
  const names = JSON.parse(readFileSync(path.join(DIST, 'data', 'names.json'), 'utf8'));
  const paragraph = JSON.stringify(longParagraphReport(real));
  const bodies = JSON.stringify(largeNames(names, LARGE_CATALOG_BODIES));
  const longParagraph = [];
  const manyBodies = [];
  for (let i = 0; i < RUNS; i += 1) {
    longParagraph.push(
      await longestTask(
        browser,
        '/pingtan/2024/s1/',
        [['**/data/pingtan/2024.json', paragraph]],
        `() => !document.getElementById('prerendered') && document.querySelectorAll('#s1 .figure').length >= ${LONG_PARAGRAPH_FIGURES}`,
      ),
    );
    manyBodies.push(
      await longestTask(
        browser,
        `/?filter=${encodeURIComponent('合成测试机关')}`,
        [['**/data/names.json', bodies]],
        `() => !document.getElementById('prerendered') && document.querySelectorAll('.body-filter-results .body').length >= 50`,
      ),
    );
  }
  return { longParagraph, manyBodies };
}

function longTaskRows(tasks) {
  return [
    [`longest task: a section whose paragraph is 1 MB with ${LONG_PARAGRAPH_FIGURES} figures (synthetic), cold load`, tasks.longParagraph],
    [`longest task: the home page's filter over ${LARGE_CATALOG_BODIES} bodies (synthetic names.json), cold load of /?filter=合成测试机关`, tasks.manyBodies],
  ];
}

// ---------------------------------------------------------------------------------------------
// 5. Interaction to next paint of a contents-link click and a font-size change, the CPU slowed
//    4× (CDP) as on a mid-range phone: the longest Event Timing entry of each interaction.

/** Event Timing reports no entry shorter than this: an interaction without one took less. */
const EVENT_TIMING_FLOOR_MS = 16;

async function interactions(browser) {
  const context = await browser.newContext({ locale: 'zh-CN', viewport: { width: 1280, height: 800 }, serviceWorkers: 'block' });
  await context.addInitScript((floor) => {
    window.__interactions = [];
    new PerformanceObserver((list) => {
      for (const entry of list.getEntries()) if (entry.interactionId) window.__interactions.push(entry.duration);
    }).observe({ type: 'event', durationThreshold: floor, buffered: true });
  }, EVENT_TIMING_FLOOR_MS);
  const page = await context.newPage();
  const errors = [];
  page.on('pageerror', (e) => errors.push(e.message));
  const cdp = await context.newCDPSession(page);
  await page.goto(`${BASE_URL}/pingtan/2024/s1/`, { waitUntil: 'load' });
  await page.waitForFunction(() => document.getElementById('prerendered') === null, null, { timeout: 60_000 });
  await page.waitForTimeout(1000);
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 4 });
  const measure = async (act) => {
    await page.evaluate(() => {
      window.__interactions = [];
    });
    await act();
    // An entry is reported once the interaction's next frame has painted.
    await page.waitForTimeout(1500);
    return page.evaluate(() => Math.max(0, ...window.__interactions));
  };
  const contentsClick = [];
  const fontSize = [];
  for (let i = 0; i < Math.max(3, RUNS); i += 1) {
    const id = ['s3', 's5', 's2'][i % 3];
    contentsClick.push(await measure(() => page.locator(`nav[aria-label="目录"] a[href="/pingtan/2024/${id}"]`).click()));
    const choice = ['大', '小', '中'][i % 3];
    fontSize.push(await measure(() => page.locator('[role="group"][aria-label="字号"] button', { hasText: choice }).click()));
  }
  await cdp.send('Emulation.setCPUThrottlingRate', { rate: 1 });
  await context.close();
  if (errors.length) throw new Error(`page errors during interactions: ${errors.join('; ')}`);
  return { contentsClick, fontSize };
}

function interactionRows(inp) {
  return [
    ['INP: a contents-link click (/pingtan/2024/s1/ → s3, s5, s2)', inp.contentsClick],
    ['INP: a font-size change (大, 小, 中)', inp.fontSize],
  ];
}

/** A duration, or "< 16 ms" where Event Timing reported none. */
const inpMs = (value) => (value < EVENT_TIMING_FLOOR_MS ? `< ${EVENT_TIMING_FLOOR_MS} ms` : ms(value));

async function main() {
  const started = Date.now();
  writeCompressedCopies();
  writeBaselines();
  // Baselines get compressed copies too, as the government's server would send them.
  for (const file of walk(path.join(DIST, 'baseline'))) {
    if (!file.endsWith('.html')) continue;
    const { gz, br } = sizesOf(file);
    writeFileSync(`${file}.gz`, gz);
    writeFileSync(`${file}.br`, br);
  }

  if (process.env.BENCH_ONLY === 'lighthouse') {
    await lighthouseTasks();
    return;
  }
  const browser = await chromium.launch({ executablePath: CHROMIUM, headless: true, args: CHROME_FLAGS.slice(1) });
  if (process.env.BENCH_ONLY === 'interactions') {
    try {
      for (const [what, values] of interactionRows(await interactions(browser))) {
        console.log(`${what}: worst ${inpMs(Math.max(...values))}, runs ${values.map(inpMs).join(', ')}`);
      }
    } finally {
      await browser.close();
    }
    return;
  }
  if (process.env.BENCH_ONLY === 'long-tasks') {
    // `cargo xtask bench --only long-tasks`: just these figures, in a minute.
    try {
      const tasks = await longTasks(browser);
      for (const [what, values] of longTaskRows(tasks)) {
        console.log(`${what}: median ${ms(median(values))}, runs ${values.map(ms).join(', ')}`);
      }
    } finally {
      await browser.close();
    }
    return;
  }
  let loads, times, tasks, inp, search;
  try {
    log('cold loads');
    loads = [];
    for (const page of PAGES) loads.push(await coldLoad(browser, page.path));
    log('in-browser timings');
    times = await timings(browser);
    log('longest tasks on large data');
    tasks = await longTasks(browser);
    log('interactions, CPU 4× slower');
    inp = await interactions(browser);
    log('search');
    search = await searchFigures(browser, BASE_URL, DIST);
  } finally {
    await browser.close();
  }
  const lh = await lighthouseAll();

  const md = [];
  const line = (text = '') => md.push(text);
  line(`Measured ${new Date().toISOString().slice(0, 10)} by \`cargo xtask bench --runs ${RUNS}\` on this machine ` +
    `(${RUNS} Lighthouse runs per page; median, spread = max − min). Lighthouse 12.2.3, mobile preset, simulated throttling.`);
  line();

  // Sizes of the first page.
  const first = loads[0];
  line(`### What a cold load of \`${PAGES[0].path}\` fetches`);
  line();
  line('| file | what | raw | gzip | brotli | before text visible |');
  line('| --- | --- | ---: | ---: | ---: | :---: |');
  for (const f of first.files) {
    line(`| \`${f.url}\` | ${f.kind} | ${kb(f.raw)} | ${kb(f.gzip)} | ${kb(f.brotli)} | ${f.blocking ? 'yes' : 'no'} |`);
  }
  const sum = (files, key) => files.reduce((total, f) => total + f[key], 0);
  const beforeText = first.files.filter((f) => f.blocking);
  const appPath = first.files.filter((f) => APP_PATH_KINDS.has(f.kind));
  const all = first.files;
  line(`| **before the text is visible** (pre-rendered page: document and render-blocking files) | | ${kb(sum(beforeText, 'raw'))} | ${kb(sum(beforeText, 'gzip'))} | **${kb(sum(beforeText, 'brotli'))}** | |`);
  line(`| **the app's own first render** (no static page: document, scripts, wasm, CSS, catalog and report JSON) | | ${kb(sum(appPath, 'raw'))} | ${kb(sum(appPath, 'gzip'))} | **${kb(sum(appPath, 'brotli'))}** | |`);
  line(`| everything the cold load fetches | | ${kb(sum(all, 'raw'))} | ${kb(sum(all, 'gzip'))} | ${kb(sum(all, 'brotli'))} | |`);
  line();

  // Lighthouse.
  line('### Lighthouse (mobile) against the plain-HTML baseline');
  line();
  line('| page | performance | LCP | TBT | CLS | accessibility | baseline performance | baseline LCP | LCP ÷ baseline |');
  line('| --- | ---: | ---: | ---: | ---: | ---: | ---: | ---: | ---: |');
  const pageFigures = [];
  for (const [i, page] of PAGES.entries()) {
    const app = lh[i].app;
    const base = lh[i].baseline;
    const m = (runs, key) => median(runs.map((r) => r[key]));
    const s = (runs, key) => spread(runs.map((r) => r[key]));
    const ratios = app.map((r, k) => r.lcp / base[k].lcp);
    const figures = {
      page: page.path,
      baseline: page.baseline,
      performance: m(app, 'performance'),
      lcp: m(app, 'lcp'),
      tbt: m(app, 'tbt'),
      cls: Math.max(...app.map((r) => r.cls)),
      accessibility: Math.min(...app.map((r) => r.accessibility)),
      a11yFailures: [...new Set(app.flatMap((r) => r.a11yFailures))],
      baselinePerformance: m(base, 'performance'),
      baselineLcp: m(base, 'lcp'),
      ratio: median(ratios),
      runs: { app, baseline: base },
    };
    pageFigures.push(figures);
    line(
      `| \`${page.path}\` (${page.name}) | ${figures.performance} (±${s(app, 'performance') / 2}) | ${ms(figures.lcp)} (±${ms(s(app, 'lcp') / 2)}) | ` +
        `${ms(figures.tbt)} | ${figures.cls.toFixed(3)} | ${figures.accessibility}${figures.a11yFailures.length ? ` (${figures.a11yFailures.join(', ')})` : ''} | ` +
        `${figures.baselinePerformance} | ${ms(figures.baselineLcp)} (±${ms(s(base, 'lcp') / 2)}) | ${figures.ratio.toFixed(2)}× |`,
    );
  }
  line();
  line('± is half the spread (max − min) over the runs; CLS is the worst run, accessibility the lowest.');
  line();

  // Timings.
  line('### In-browser timings (Chromium, unthrottled, Performance API)');
  line();
  line('| what | median | spread | runs |');
  line('| --- | ---: | ---: | ---: |');
  const timingRows = [
    [`long report: catalog → report of ${SYNTHETIC_SECTIONS} sections (synthetic fixture), click to all sections on screen`, times.longRender],
    ['section → section (contents link)', times.sectionSwitch],
    ['report → report (link, fetches the other report)', times.reportSwitch],
    ...longTaskRows(tasks),
  ];
  for (const [what, values] of timingRows) {
    line(`| ${what} | ${ms(median(values))} | ${ms(spread(values))} | ${values.length} |`);
  }
  line();
  line('### Interactions (Chromium, CPU 4× slower, Event Timing)');
  line();
  line('| what | worst | median | runs |');
  line('| --- | ---: | ---: | ---: |');
  for (const [what, values] of interactionRows(inp)) {
    line(`| ${what} | ${inpMs(Math.max(...values))} | ${inpMs(median(values))} | ${values.length} |`);
  }
  line();
  line(`Event Timing reports no interaction shorter than ${EVENT_TIMING_FLOOR_MS} ms: "< ${EVENT_TIMING_FLOOR_MS} ms" is one it did not report.`);
  line();

  // Budgets.
  const wasm = first.files.find((f) => f.kind === 'wasm');
  const echartsEarly = loads.flatMap((load, i) =>
    load.files.filter((f) => f.kind === 'ECharts bundle' && f.start < load.lcp).map((f) => `${PAGES[i].path}: ${f.url}`),
  );
  const echartsBlocking = loads.flatMap((load) => load.files.filter((f) => f.kind === 'ECharts bundle' && f.blocking));
  const worstCls = Math.max(...pageFigures.map((p) => p.cls));
  const worstRatio = Math.max(...pageFigures.map((p) => p.ratio));
  const minA11y = Math.min(...pageFigures.map((p) => p.accessibility));
  const worstTbt = Math.max(...pageFigures.map((p) => p.tbt));
  const sectionMedian = median(times.sectionSwitch);
  const reportMedian = median(times.reportSwitch);
  const budgets = [
    ['wasm ≤ 120 KB brotli', wasm ? kb(wasm.brotli) : 'no wasm request', wasm && wasm.brotli <= BUDGET.wasmBrotli],
    ['before the text is visible ≤ 170 KB brotli (pre-rendered page)', kb(sum(beforeText, 'brotli')), sum(beforeText, 'brotli') <= BUDGET.beforeTextBrotli],
    ["the app's own first render ≤ 170 KB brotli (app shell, no static page)", kb(sum(appPath, 'brotli')), sum(appPath, 'brotli') <= BUDGET.beforeTextBrotli],
    ['no ECharts request before the text is visible', echartsEarly.length || echartsBlocking.length ? echartsEarly.concat(echartsBlocking.map((f) => f.url)).join(', ') : 'none', echartsEarly.length === 0 && echartsBlocking.length === 0],
    ['CLS < 0.02 (worst page, worst run)', worstCls.toFixed(3), worstCls < BUDGET.cls],
    ['LCP ≤ 1.2 × baseline (worst page, median ratio)', `${worstRatio.toFixed(2)}×`, worstRatio <= BUDGET.lcpRatio],
    ['section switch < 50 ms (median)', ms(sectionMedian), sectionMedian < BUDGET.routeSwitchMs],
    ['report switch < 50 ms (median)', ms(reportMedian), reportMedian < BUDGET.routeSwitchMs],
    ['TBT ≤ 150 ms (Lighthouse mobile, worst page, median run)', ms(worstTbt), worstTbt <= BUDGET.tbtMs],
    ['Lighthouse accessibility = 100 (every page)', String(minA11y), minA11y >= BUDGET.a11y],
    ...longTaskRows(tasks).map(([what, values]) => [
      `${what.replace('longest task: ', 'no task over 200 ms: ')} (worst run)`,
      ms(Math.max(...values)),
      Math.max(...values) <= BUDGET.longTaskMs,
    ]),
    ...interactionRows(inp).map(([what, values]) => [
      `${what.replace('INP: ', 'INP ≤ 100 ms: ')} (worst run)`,
      inpMs(Math.max(...values)),
      Math.max(...values) <= BUDGET.inpMs,
    ]),
  ];
  for (const text of searchLines(search)) line(text);
  line('### Budgets');
  line();
  line('| budget | figure | result |');
  line('| --- | ---: | :---: |');
  for (const [what, figure, ok] of budgets) line(`| ${what} | ${figure} | ${verdict(ok)} |`);
  line();

  const text = md.join('\n');
  console.log(`\n${text}`);
  const failed = budgets.filter(([, , ok]) => !ok).map(([what]) => what);
  console.log(failed.length ? `\nbench: FAIL: ${failed.join('; ')}` : '\nbench: every budget PASSES');
  console.log(`bench: took ${Math.round((Date.now() - started) / 1000)} s`);

  mkdirSync(RESULTS, { recursive: true });
  writeFileSync(path.join(RESULTS, 'results.md'), `${text}\n`);
  writeFileSync(
    path.join(RESULTS, 'results.json'),
    JSON.stringify({ runs: RUNS, loads: loads.map((l) => ({ ...l, files: l.files.map(({ gz, br, ...f }) => f) })), lighthouse: pageFigures, timings: times, longTasks: tasks, interactions: inp, search, budgets }, null, 2),
  );
  if (process.env.BENCH_OUT) writeFileSync(path.resolve(ROOT, process.env.BENCH_OUT), `${text}\n`);
  log(`results in ${path.relative(ROOT, RESULTS)}/results.{md,json}`);
}

await main();
