// Trunk post_build hook: the steps that must follow each other, in order. Trunk 0.21 starts
// every hook of a stage at the same time, so they cannot be separate hooks.
//   1. the pre-render (static pages, 404.html, sitemap.xml): src/bin/nianbao-prerender.rs
//   2. the share cards (PNG) the pages name in og:image: crates/cards (nianbao-cards)
//   3. the search index of those pages: scripts/search-index.mjs
//   4. the service worker, with the precache list of all of the above: scripts/service-worker.mjs
import { spawnSync } from 'node:child_process';

const dist = process.env.TRUNK_STAGING_DIR;
if (!dist) {
  console.error('post-build: TRUNK_STAGING_DIR is not set (run by `trunk build`)');
  process.exit(1);
}
const steps = [
  ['cargo', ['run', '--quiet', '--offline', '--bin', 'nianbao-prerender', '--', dist]],
  ['cargo', ['run', '--quiet', '--offline', '-p', 'nianbao-cards', '--', dist]],
  [process.execPath, ['scripts/search-index.mjs', dist]],
  [process.execPath, ['scripts/service-worker.mjs', dist]],
];
for (const [command, args] of steps) {
  const run = spawnSync(command, args, { stdio: 'inherit' });
  if (run.status !== 0) {
    console.error(`post-build: ${command} ${args.join(' ')} failed (${run.status ?? run.signal})`);
    process.exit(1);
  }
}
