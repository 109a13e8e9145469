// The site's service worker (issue 15, offline reading). Bundled with the Workbox modules it
// uses by scripts/service-worker.mjs, the build's last step, which also writes the precache
// list (Workbox `injectManifest`) and the build's id into it. Nothing is fetched from
// elsewhere: the worker is one file of the site.
//
// What it keeps, each build in caches of its own (so an update never mixes two builds):
// - the precache (Workbox): the app shell (404.html, scripts, wasm, styles), the home page and
//   its region index, the ECharts bundle and the search index (only Pagefind's runtime where
//   the index is over the build's budget: scripts/service-worker.mjs), served cache-first;
// - `nianbao-read-BUILD`: the pages and data files the reader opened;
// - `nianbao-saved-BUILD`: what the reader saved (离线保存), with one record per saved group
//   under `__nianbao/saved/KEY`.
// A new build's worker copies both into its own caches while it installs (fetching each file
// again from the new build), and waits: the page offers 新版本可用 and tells it to take over.
import { cleanupOutdatedCaches, matchPrecache, precacheAndRoute } from 'workbox-precaching';
import { registerRoute } from 'workbox-routing';

/* global __NIANBAO_BUILD__, __NIANBAO_APP_SCRIPT__ */
const BUILD = __NIANBAO_BUILD__;
// The build's app script (`nianbao-HASH.js`): every page of this build names it.
const APP_SCRIPT = __NIANBAO_APP_SCRIPT__;
const READ = `nianbao-read-${BUILD}`;
const SAVED = `nianbao-saved-${BUILD}`;
const SCOPE = new URL(self.registration.scope);
const SHELL = '404.html';
const RECORDS = new URL('__nianbao/saved/', SCOPE).href;
/** Pages kept of what was read (oldest go first); saved ones are not counted. */
const MAX_READ_PAGES = 200;

// Pagefind asks for `pagefind-entry.json?ts=NOW` (to pass HTTP caches): the precached copy is
// this build's, so `ts` is ignored like the tracking parameters Workbox ignores by default.
precacheAndRoute(self.__WB_MANIFEST, {
  ignoreURLParametersMatching: [/^utm_/, /^fbclid$/, /^ts$/],
});
cleanupOutdatedCaches();

const inScope = (url) => url.origin === SCOPE.origin && url.pathname.startsWith(SCOPE.pathname);
const isData = (url) => url.pathname.startsWith(`${SCOPE.pathname}data/`);
// A search index's chunk (index, fragment, filter) where the index was too large to precache.
const isSearchChunk = (url) => /^pagefind\/[^/]+\//.test(url.pathname.slice(SCOPE.pathname.length));

/** A response from the reading or saved caches of this build. */
async function fromCaches(request) {
  return (
    (await (await caches.open(SAVED)).match(request, { ignoreSearch: true })) ??
    (await (await caches.open(READ)).match(request, { ignoreSearch: true }))
  );
}

/** What was kept of `request`, else the network's answer, kept if it is good. */
async function readThrough(request) {
  const cached = await fromCaches(request);
  if (cached) return cached;
  const response = await fetch(request);
  if (response.ok) await keepRead(request, response.clone());
  return response;
}

/** Keeps what was read, unless it is saved (then the saved copy stands). */
async function keepRead(request, response) {
  if (await (await caches.open(SAVED)).match(request)) return;
  const cache = await caches.open(READ);
  await cache.put(request, response);
  if (request.mode === 'navigate' || request.destination === 'document') {
    const pages = (await cache.keys()).filter((r) => !isData(new URL(r.url)));
    for (const old of pages.slice(0, Math.max(0, pages.length - MAX_READ_PAGES))) {
      await cache.delete(old);
    }
  }
}

/** The app shell of this build, which renders any address from the data it can get. */
async function shell(status = 200) {
  const cached = await matchPrecache(SHELL);
  if (!cached) return Response.error();
  return new Response(cached.body, { status, headers: cached.headers });
}

// Pages: what was read before, else the network, else the shell. A page of another build (a
// new one deployed while this worker runs) is not shown under this build's files: the shell
// stands in, and the page's own check finds the new worker (新版本可用).
registerRoute(
  ({ request, url }) => request.mode === 'navigate' && inScope(url),
  async ({ request, url }) => {
    // The app links `/a/2024/s3`; its pre-rendered page is `/a/2024/s3/`.
    const folder = url.pathname.endsWith('/') ? null : `${url.origin}${url.pathname}/`;
    const cached = (await fromCaches(request)) ?? (folder && (await fromCaches(folder)));
    if (cached) return cached;
    let response;
    try {
      response = await fetch(request);
    } catch {
      return shell();
    }
    if (response.status === 404) return shell(404);
    if (!response.ok || response.type !== 'basic') return response;
    const html = await response.clone().text();
    if (!html.includes(APP_SCRIPT)) return shell();
    await keepRead(request, response.clone());
    return response;
  },
);

// Data files: cache-first within this build (the same build's data for the same build's
// app), else the network. Offline with no copy: 503 with `X-Nianbao-Offline`, which the app
// reads as "not saved for offline reading" (src/api.rs).
registerRoute(
  ({ request, url }) => request.method === 'GET' && inScope(url) && isData(url),
  async ({ request }) => {
    try {
      return await readThrough(request);
    } catch {
      return new Response('offline', {
        status: 503,
        headers: { 'Content-Type': 'text/plain; charset=utf-8', 'X-Nianbao-Offline': '1' },
      });
    }
  },
);

// The search index's chunks that are not precached: kept as searches read them, so that a
// query asked once works offline. Chunks are named by their content: a kept one never goes stale.
registerRoute(
  ({ request, url }) => request.method === 'GET' && inScope(url) && isSearchChunk(url),
  ({ request }) => readThrough(request),
);

/** Fetches `urls` (site URLs) into `cache`; returns the bytes stored. Fails on any miss. */
async function store(cache, urls) {
  let bytes = 0;
  for (const url of urls) {
    const response = await fetch(url, { cache: 'no-cache' });
    if (!response.ok) throw new Error(`${new URL(url).pathname}: HTTP ${response.status}`);
    const body = await response.clone().blob();
    bytes += body.size;
    await cache.put(url, response);
  }
  return bytes;
}

/** The saved groups' records: `{ key, label, urls, bytes, saved }`. */
async function records(cacheName) {
  const cache = await caches.open(cacheName);
  const keys = (await cache.keys()).filter((r) => r.url.startsWith(RECORDS));
  return Promise.all(keys.map(async (r) => (await cache.match(r)).json()));
}

async function saveGroup(cacheName, { key, label, urls }) {
  const cache = await caches.open(cacheName);
  const absolute = urls.map((u) => new URL(u, SCOPE).href);
  const bytes = await store(cache, absolute);
  const record = { key, label, urls: absolute, bytes, saved: new Date().toISOString() };
  await cache.put(new URL(encodeURIComponent(key), RECORDS).href, Response.json(record));
  return record;
}

async function removeGroup(key) {
  const cache = await caches.open(SAVED);
  const all = await records(SAVED);
  const others = new Set(all.filter((r) => r.key !== key).flatMap((r) => r.urls));
  for (const url of all.find((r) => r.key === key)?.urls ?? []) {
    if (!others.has(url)) await cache.delete(url);
  }
  await cache.delete(new URL(encodeURIComponent(key), RECORDS).href);
}

/** What is readable offline: the saved groups, and the URLs of every data file kept. */
async function list() {
  const saved = await records(SAVED);
  const urls = new Set();
  for (const name of [READ, SAVED]) {
    for (const request of await (await caches.open(name)).keys()) {
      if (!request.url.startsWith(RECORDS)) urls.add(request.url);
    }
  }
  return { saved, urls: [...urls] };
}

const handlers = {
  // The page's files loaded before this worker ran (its first visit).
  READ: async ({ urls }) => {
    const cache = await caches.open(READ);
    for (const url of urls) {
      const u = new URL(url, SCOPE);
      if (!inScope(u) || (await matchPrecache(u.href)) || (await fromCaches(u.href))) continue;
      const response = await fetch(u.href).catch(() => null);
      if (response?.ok) await cache.put(u.href, response);
    }
    return true;
  },
  SAVE: (message) => saveGroup(SAVED, message),
  REMOVE: ({ key }) => removeGroup(key),
  LIST: () => list(),
  SKIP_WAITING: () => self.skipWaiting(),
};

// Messages from the page (src/offline.rs): `{ type, … }`, answered on the port sent with it
// as `{ ok, value }` or `{ ok: false, error }`.
self.addEventListener('message', (event) => {
  const handler = handlers[event.data?.type];
  if (!handler) return;
  const port = event.ports[0];
  const done = Promise.resolve()
    .then(() => handler(event.data))
    .then(
      (value) => port?.postMessage({ ok: true, value }),
      (error) => port?.postMessage({ ok: false, error: String(error?.message ?? error) }),
    );
  event.waitUntil(done);
});

const ours = (name) => name.startsWith('nianbao-read-') || name.startsWith('nianbao-saved-');

// A new build carries over what the reader kept, each file fetched again from this build.
self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const names = (await caches.keys()).filter((n) => ours(n) && !n.endsWith(`-${BUILD}`));
      for (const name of names.filter((n) => n.startsWith('nianbao-saved-'))) {
        for (const record of await records(name)) {
          await saveGroup(SAVED, record).catch(() => {});
        }
      }
      const read = await caches.open(READ);
      for (const name of names.filter((n) => n.startsWith('nianbao-read-'))) {
        for (const request of await (await caches.open(name)).keys()) {
          const response = await fetch(request.url, { cache: 'no-cache' }).catch(() => null);
          if (response?.ok) await read.put(request.url, response);
        }
      }
    })(),
  );
});

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys()) {
        if (ours(name) && !name.endsWith(`-${BUILD}`)) await caches.delete(name);
      }
      // The first worker takes the open page at once, so that what it reads next is kept (a
      // later one activates only when the reader chose to reload: SKIP_WAITING).
      await self.clients.claim();
    })(),
  );
});
