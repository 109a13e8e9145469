// Figures for `cargo xtask scale` (issue 16): the output's size on disk (raw, and brotli as a
// host would precompress it — measured on a sample of files beyond SAMPLE files, and said so),
// and the catalog data a reader fetches on a cold load of the home page, a body's page, a
// section page, a region's check-up and the search page of the synthetic site served at
// BASE_URL. Prints one JSON line on stdout.
//
//   SCALE_SITE=target/scale-100 BASE_URL=http://127.0.0.1:PORT SCALE_BODY=synthetic-0 \
//   SCALE_SECTION=/synthetic-0/2025/s3/ SCALE_CHECKS=/checks/synthetic-p0-c0/ node bench/scale.mjs

import { readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { brotliCompressSync, constants } from 'node:zlib';

import { chromium } from 'playwright-core';

const SITE = process.env.SCALE_SITE;
const BASE_URL = process.env.BASE_URL;
const SAMPLE = 600;

function* files(dir) {
  for (const entry of readdirSync(dir, { withFileTypes: true })) {
    const full = path.join(dir, entry.name);
    if (entry.isDirectory()) yield* files(full);
    else yield full;
  }
}

function sizes() {
  const all = [];
  let raw = 0;
  for (const file of files(SITE)) {
    const size = statSync(file).size;
    raw += size;
    all.push([file, size]);
  }
  // Every k-th file (in a fixed order), so that the sample spreads over every kind of page.
  const step = Math.max(1, Math.ceil(all.length / SAMPLE));
  let sampledRaw = 0;
  let sampledBrotli = 0;
  for (let i = 0; i < all.length; i += step) {
    const [file, size] = all[i];
    sampledRaw += size;
    sampledBrotli += brotliCompressSync(readFileSync(file), {
      params: { [constants.BROTLI_PARAM_QUALITY]: 11 },
    }).length;
  }
  const brotli = sampledRaw ? Math.round((raw * sampledBrotli) / sampledRaw) : 0;
  return { files: all.length, raw, brotli, brotli_sampled: step > 1 };
}

/** Bytes of `data/` files fetched on a cold load of `pathname`, and how many files. */
async function catalogBytes(browser, pathname) {
  const context = await browser.newContext({ locale: 'zh-CN' });
  const page = await context.newPage();
  const fetched = [];
  page.on('requestfinished', async (request) => {
    const url = new URL(request.url());
    if (!url.pathname.includes('/data/')) return;
    const body = await request.sizes().catch(() => null);
    fetched.push([url.pathname, body ? body.responseBodySize : 0]);
  });
  await page.goto(`${BASE_URL}${pathname}`, { waitUntil: 'load' });
  // The app takes the pre-rendered page over once its data is there.
  await page.waitForFunction(() => document.getElementById('prerendered') === null, null, { timeout: 60_000 });
  await page.waitForTimeout(500);
  await context.close();
  const catalog = fetched.filter(([p]) => !/\/data\/[^/]+\/\d{4}\.json$/.test(p) && !p.endsWith('/series.json'));
  return {
    bytes: catalog.reduce((sum, [, b]) => sum + b, 0),
    files: catalog.map(([p]) => p.replace(/^.*\/data\//, 'data/')),
  };
}

async function main() {
  const figures = { ...sizes() };
  const browser = await chromium.launch({ executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium' });
  try {
    figures.home = await catalogBytes(browser, '/');
    figures.body = await catalogBytes(browser, `/${process.env.SCALE_BODY}/`);
    figures.section = await catalogBytes(browser, process.env.SCALE_SECTION);
    figures.checks = await catalogBytes(browser, process.env.SCALE_CHECKS);
    figures.search = await catalogBytes(browser, '/search/');
  } finally {
    await browser.close();
  }
  console.log(JSON.stringify(figures));
}

main().catch((error) => {
  console.error(`scale.mjs: ${error.stack ?? error}`);
  process.exit(1);
});
