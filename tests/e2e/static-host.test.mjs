// The built site on a plain static host (no browser): what makes deep links and fast loading
// work — 404.html is the app, and files have the content types browsers need.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { BASE_PATH, REPORT, url } from './harness.mjs';

async function get(appPath) {
  const response = await fetch(url(appPath), { redirect: 'manual' });
  return { status: response.status, type: response.headers.get('content-type'), body: await response.text() };
}

test('a deep link gets the app itself with status 404 (the 404.html fallback)', async () => {
  const index = await get('/');
  assert.equal(index.status, 200);
  assert.equal(index.type, 'text/html; charset=utf-8');
  const deep = await get(`${REPORT.path}/s5`);
  assert.equal(deep.status, 404, 'a static host has no such file');
  assert.equal(deep.type, 'text/html; charset=utf-8');
  assert.equal(deep.body, index.body, '404.html is a copy of index.html');
});

test('the page names its base and its assets under it', async () => {
  const { body } = await get('/');
  assert.ok(body.includes(`<base href="${BASE_PATH}/"`), `<base href="${BASE_PATH}/"> (Trunk's public URL)`);
  const assets = [...body.matchAll(/(?:href|src)="([^"]+\.(?:wasm|js|css))"/g)].map((m) => m[1]);
  assert.ok(assets.some((a) => a.endsWith('.wasm')), 'a wasm file is referenced');
  assert.ok(assets.some((a) => a.endsWith('.js')), 'a JavaScript file is referenced');
  const types = { wasm: 'application/wasm', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
  for (const asset of new Set(assets)) {
    const address = new URL(asset, `${url('')}/`);
    assert.ok(address.pathname.startsWith(`${BASE_PATH}/`), `${asset} is under the base`);
    const response = await fetch(address);
    assert.equal(response.status, 200, `${asset} is served`);
    assert.equal(response.headers.get('content-type'), types[asset.split('.').pop()], asset);
    await response.arrayBuffer();
  }
});

test('the data files are JSON', async () => {
  for (const appPath of ['/data/catalog.json', REPORT.data]) {
    const { status, type, body } = await get(appPath);
    assert.equal(status, 200, appPath);
    assert.equal(type, 'application/json', appPath);
    assert.equal(JSON.parse(body).schema_version, 1, appPath);
  }
});
