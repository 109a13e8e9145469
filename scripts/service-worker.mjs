// The build's last step (run by scripts/post-build.mjs after the pre-render and the search
// index): the service worker `<dist>/sw.js`, from web/sw.js bundled with the Workbox modules
// it imports (esbuild) and the precache list of this build's own files written into it by
// Workbox (`workbox-build` injectManifest). See README "Offline reading".
//
// The worker also carries the build's id, a hash of every file of the build: any changed file
// (a data file too, which is not precached) makes a new worker, which the page announces.
import { createHash } from 'node:crypto';
import { mkdirSync, readdirSync, readFileSync, statSync } from 'node:fs';
import path from 'node:path';
import { fileURLToPath } from 'node:url';

import { build } from 'esbuild';
import { injectManifest } from 'workbox-build';

const ROOT = path.resolve(path.dirname(fileURLToPath(import.meta.url)), '..');

/** What is precached, relative to dist (the rest is kept as it is read or saved). */
export const PRECACHE = {
  globPatterns: [
    // The app shell: 404.html is the app for any address; its scripts, wasm, styles, icon.
    '404.html',
    '*.{js,wasm,css,svg}',
    'snippets/**/*.js',
    'echarts/**/*.js',
    // The home page with its region index (also the search page's filters), the search page
    // and the offline list. A region's file is kept once a reader opens it; the offline list
    // names reports from their own kept files, so no catalog is needed.
    'index.html',
    'data/regions.json',
    'search/index.html',
    'offline/index.html',
    // Pagefind's runtime and entry; its index, fragments and filters by SEARCH_INDEX_BUDGET.
    'pagefind/*',
  ],
  globIgnores: ['sw.js', '**/*.br', '**/*.gz'],
  // The wasm is over Workbox's default limit of 2 MiB before long.
  maximumFileSizeToCacheInBytes: 8 * 1024 * 1024,
};

/**
 * Up to this size the whole search index is precached, so that every query works offline
 * after one visit. A larger index (it grows with the reports: 2.1 MB for the 200 reports of
 * `cargo xtask scale --bodies 100 --years 2`) would have every first visit download all of
 * it: then only Pagefind's runtime is precached and the index's chunks are kept as searches
 * read them (web/sw.js).
 */
export const SEARCH_INDEX_BUDGET = 5 * 1024 * 1024;

// The browser test of the over-budget mode sets a budget of 0 for a copy of the build.
const searchIndexBudget = () => Number(process.env.NIANBAO_SEARCH_INDEX_BUDGET ?? SEARCH_INDEX_BUDGET);

/** The search index's chunks (`pagefind/` below its top level), in bytes. */
function searchChunkBytes(dist) {
  const dir = path.join(dist, 'pagefind');
  try {
    return files(dir)
      .filter((f) => f.includes(path.sep) && !/\.(br|gz)$/.test(f))
      .reduce((sum, f) => sum + statSync(path.join(dir, f)).size, 0);
  } catch {
    return 0; // no index (a build without search)
  }
}

/** This build's precache: PRECACHE, with the index's chunks where they fit the budget. */
export function precacheFor(dist) {
  const chunks = searchChunkBytes(dist);
  const whole = chunks <= searchIndexBudget();
  const globPatterns = whole ? [...PRECACHE.globPatterns, 'pagefind/**/*'] : PRECACHE.globPatterns;
  return { config: { ...PRECACHE, globPatterns }, searchIndex: { whole, chunks } };
}

/** Every file under `dir` (relative paths, sorted). */
function files(dir, prefix = '') {
  return readdirSync(path.join(dir, prefix), { withFileTypes: true })
    .flatMap((entry) => {
      const relative = path.join(prefix, entry.name);
      return entry.isDirectory() ? files(dir, relative) : [relative];
    })
    .sort();
}

/** A hash of every file of the build but the worker itself. */
function buildId(dist) {
  const hash = createHash('sha256');
  for (const relative of files(dist)) {
    if (relative === 'sw.js') continue;
    hash.update(relative).update('\0').update(readFileSync(path.join(dist, relative)));
  }
  return hash.digest('hex').slice(0, 16);
}

/** The app's script as Trunk names it (`nianbao-HASH.js`): the pages of this build name it. */
function appScript(dist) {
  const names = readdirSync(dist).filter((n) => /^nianbao-[0-9a-f]+\.js$/.test(n));
  if (names.length !== 1) throw new Error(`expected one nianbao-HASH.js in ${dist}, found ${names}`);
  return names[0];
}

export async function serviceWorker(dist) {
  const staging = path.join(ROOT, 'target', 'nianbao-sw');
  mkdirSync(staging, { recursive: true });
  const source = path.join(staging, 'sw.src.js');
  await build({
    entryPoints: [path.join(ROOT, 'web', 'sw.js')],
    bundle: true,
    minify: true,
    format: 'iife',
    target: 'es2020',
    outfile: source,
    logLevel: 'warning',
    define: {
      'process.env.NODE_ENV': '"production"',
      __NIANBAO_BUILD__: JSON.stringify(buildId(dist)),
      __NIANBAO_APP_SCRIPT__: JSON.stringify(appScript(dist)),
    },
  });
  const { config, searchIndex } = precacheFor(dist);
  const { count, size, warnings } = await injectManifest({
    swSrc: source,
    swDest: path.join(dist, 'sw.js'),
    globDirectory: dist,
    ...config,
  });
  // A pattern that matches nothing is not a failure (no shards yet, say); anything else is.
  const real = warnings.filter((w) => !/match any files/.test(w));
  if (real.length > 0) throw new Error(real.join('\n'));
  return { count, size, searchIndex, worker: statSync(path.join(dist, 'sw.js')).size };
}

if (process.argv[1] === fileURLToPath(import.meta.url)) {
  const dist = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
  if (!dist) {
    console.error('service-worker: usage: node scripts/service-worker.mjs DIST');
    process.exit(1);
  }
  try {
    const { count, size, searchIndex, worker } = await serviceWorker(dist);
    const mb = (bytes) => `${(bytes / 1024 / 1024).toFixed(1)} MB`;
    const index = searchIndex.whole
      ? `the whole search index (${mb(searchIndex.chunks)})`
      : `the search runtime only (index ${mb(searchIndex.chunks)} > ${mb(searchIndexBudget())}: chunks kept as read)`;
    console.error(
      `service-worker: ${path.join(dist, 'sw.js')} (${(worker / 1024).toFixed(1)} KB), ` +
        `precaches ${count} files, ${(size / 1024).toFixed(1)} KB, with ${index}`,
    );
  } catch (error) {
    console.error(`service-worker: ${error.message ?? error}`);
    process.exit(1);
  }
}
