// Search figures for `cargo xtask bench` (issue 15): the index's size on disk, the bytes a
// reader fetches for each of three queries (the first focus of the field, then each query in
// a fresh browser context), and the median time from the last keystroke to results shown;
// beside them, what the service worker precaches (offline reading).

import { readdirSync, statSync } from 'node:fs';
import path from 'node:path';

import { getManifest } from 'workbox-build';

import { precacheFor } from '../scripts/service-worker.mjs';

const QUERIES = ['信息处理费', '依申请', '4480'];
const RUNS = 5;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else if (!/\.(br|gz)$/.test(entry.name)) yield full;
  }
}

// Pagefind fetches from its worker too, which the page's Resource Timing does not see: the
// bytes are counted from the browser context's finished requests (encoded body sizes).
function countIndexBytes(context) {
  const counter = { bytes: 0, meta: false };
  context.on('requestfinished', async (request) => {
    if (!new URL(request.url()).pathname.includes('/pagefind/')) return;
    if (request.url().endsWith('.pf_meta')) counter.meta = true;
    const sizes = await request.sizes().catch(() => null);
    if (sizes) counter.bytes += sizes.responseBodySize;
  });
  return counter;
}

export async function searchFigures(browser, baseUrl, dist) {
  let total = 0;
  let count = 0;
  for (const file of files(path.join(dist, 'pagefind'))) {
    total += statSync(file).size;
    count += 1;
  }
  const queries = [];
  const keystroke = [];
  for (const q of QUERIES) {
    // A first visit: no worker answers from its precache yet.
    const context = await browser.newContext({ locale: 'zh-CN', serviceWorkers: 'block' });
    const counter = countIndexBytes(context);
    const page = await context.newPage();
    await page.goto(`${baseUrl}/pingtan/2024/`, { waitUntil: 'load' });
    // The app takes the pre-rendered page over (until then the field is there twice).
    await page.waitForFunction(() => document.getElementById('prerendered') === null);
    const input = page.locator('#site-search-input');
    await input.focus();
    for (let i = 0; i < 100 && !counter.meta; i += 1) await page.waitForTimeout(100);
    await page.waitForTimeout(300);
    const onFocus = counter.bytes;
    await input.fill(q);
    await page.locator('#site-search-results a.search-hit').first().waitFor();
    await page.waitForTimeout(200);
    queries.push({ q, onFocus, query: counter.bytes - onFocus });
    for (let run = 0; run < RUNS; run += 1) {
      await input.fill('');
      await page.locator('#site-search-results').waitFor({ state: 'hidden' });
      keystroke.push(
        await page.evaluate(
          (q) =>
            new Promise((done) => {
              const el = document.getElementById('site-search-input');
              const start = performance.now();
              const seen = new MutationObserver(() => {
                if (document.querySelector('#site-search-results a.search-hit')) {
                  seen.disconnect();
                  requestAnimationFrame(() => done(performance.now() - start));
                }
              });
              seen.observe(document.getElementById('site-search-results'), { childList: true, subtree: true });
              el.value = q;
              el.dispatchEvent(new Event('input', { bubbles: true }));
            }),
          q,
        ),
      );
    }
    await context.close();
  }
  keystroke.sort((a, b) => a - b);
  const { count: precacheCount, size: precacheSize } = await getManifest({ globDirectory: dist, ...precacheFor(dist).config });
  return { total, count, precache: { count: precacheCount, bytes: precacheSize }, queries, keystrokeMedian: keystroke[Math.floor(keystroke.length / 2)], runs: keystroke.length };
}

export function searchLines(fig) {
  const kb = (b) => `${(b / 1024).toFixed(1)} KB`;
  return [
    '### Search (Pagefind)',
    '',
    `Index on disk: ${kb(fig.total)} in ${fig.count} files (\`pagefind/\`, uncompressed; Pagefind's chunks are gzipped already).`,
    '',
    `Service worker precache (offline reading): ${kb(fig.precache.bytes)} in ${fig.precache.count} files, uncompressed (the app shell, the home page and its region index, ECharts and the search index above; fetched by the worker after a first visit's page has loaded).`,
    '',
    '| query | fetched on first focus | fetched for the query | results shown: median of all queries\' keystroke-to-results |',
    '| --- | ---: | ---: | ---: |',
    ...fig.queries.map((q, i) => `| ${q.q} | ${kb(q.onFocus)} | ${kb(q.query)} | ${i === 0 ? `${Math.round(fig.keystrokeMedian)} ms (${fig.runs} runs)` : ''} |`),
    '',
  ];
}

// `node bench/search.mjs` against a running server (BASE_URL, BENCH_DIST): just these figures.
if (import.meta.url === `file://${process.argv[1]}`) {
  const { chromium } = await import('playwright-core');
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium', args: ['--no-sandbox'] });
  try {
    const fig = await searchFigures(browser, process.env.BASE_URL.replace(/\/+$/, ''), path.resolve(process.env.BENCH_DIST ?? 'dist'));
    console.log(searchLines(fig).join('\n'));
  } finally {
    await browser.close();
  }
}
