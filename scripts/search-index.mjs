// Run by scripts/post-build.mjs after the pre-render: indexes the pre-rendered section pages with
// Pagefind into `<dist>/pagefind/`. Offline: the binary comes from the npm package.
//
// npm's `@pagefind/linux-x64` ships only `pagefind_extended`, the build that segments Chinese
// (jieba): without it a run of Chinese characters would be one "word" and 信息处理费 would
// match only where it stands alone. Only pages with `data-pagefind-body` (the section pages,
// see src/components/section.rs) are indexed, one record per section.
import { spawnSync } from 'node:child_process';
import { createRequire } from 'node:module';
import { readdirSync, rmSync } from 'node:fs';
import path from 'node:path';

const dist = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dist) {
  console.error('search-index: usage: node scripts/search-index.mjs DIST');
  process.exit(1);
}
const require = createRequire(import.meta.url);
const binary = require.resolve(`@pagefind/${process.platform}-${process.arch}/bin/pagefind_extended`);
const started = Date.now();
const run = spawnSync(
  binary,
  ['--site', dist, '--output-subdir', 'pagefind', '--quiet'],
  { stdio: 'inherit' },
);
if (run.status !== 0) {
  console.error(`search-index: pagefind failed (${run.status ?? run.signal})`);
  process.exit(1);
}
console.error(`search-index: ${path.join(dist, 'pagefind')} in ${Date.now() - started} ms`);

// The site uses Pagefind's API from its own UI (src/components/search.rs): its stock UI
// bundles are never loaded, so they are not shipped (nor precached).
for (const name of readdirSync(path.join(dist, 'pagefind'))) {
  if (/^pagefind-(component-ui|modular-ui|ui|highlight)\./.test(name)) {
    rmSync(path.join(dist, 'pagefind', name));
  }
}
