// The built site on a plain static host (no browser): pre-rendered pages for every report and
// section, 404.html (the app) for every other address, and the content types browsers need.

import assert from 'node:assert/strict';
import { test } from 'node:test';

import { BASE_PATH, REPORT, S5, url } from './harness.mjs';

async function get(appPath, redirect = 'follow') {
  const response = await fetch(url(appPath), { redirect });
  return {
    status: response.status,
    type: response.headers.get('content-type'),
    location: response.headers.get('location'),
    body: await response.text(),
  };
}

const squash = (text) => text.replace(/\s+/g, '');

test('a section address is a page of its own, readable without the app', async () => {
  const page = await get(`${REPORT.path}/${S5.id}`);
  assert.equal(page.status, 200, 'the section page exists (after any trailing-slash redirect)');
  assert.equal(page.type, 'text/html; charset=utf-8');
  assert.ok(squash(page.body).includes(S5.heading), 'the section text is in the HTML');
  assert.ok(squash(page.body).includes(REPORT.title), 'the report title is in the HTML');
});

test('an address with no page gets the app with status 404 (the 404.html fallback)', async () => {
  const app = await get('/404.html');
  assert.equal(app.status, 200);
  assert.match(app.body, /\.wasm/, '404.html loads the app');
  for (const appPath of ['/x/y/z/w', `${REPORT.path}/s99`, '/nobody/2017']) {
    const missing = await get(appPath);
    assert.equal(missing.status, 404, `${appPath}: a static host has no such file`);
    assert.equal(missing.type, 'text/html; charset=utf-8', appPath);
    assert.equal(missing.body, app.body, `${appPath} gets 404.html`);
  }
});

test('the page names its base and its assets under it', async () => {
  // A pre-rendered page (its styles in the page, its loader importing the app's script after
  // the page has loaded) and the app shell (styles and scripts linked).
  for (const page of ['/', '/404.html']) {
    const { body } = await get(page);
    assert.ok(body.includes(`<base href="${BASE_PATH}/"`), `${page}: <base href="${BASE_PATH}/"> (Trunk's public URL)`);
    const assets = [
      ...body.matchAll(/(?:href="|src="|module_or_path: '|import\(')([^"']+\.(?:wasm|js|css))["']/g),
    ].map((m) => m[1]);
    assert.ok(assets.some((a) => a.endsWith('.wasm')), `${page}: a wasm file is referenced`);
    assert.ok(assets.some((a) => a.endsWith('.js')), `${page}: a JavaScript file is referenced`);
    if (page === '/404.html') assert.ok(assets.some((a) => a.endsWith('.css')), `${page}: a stylesheet is linked`);
    else {
      // Written in, but for the sheets only other kinds of page use: linked disabled (not
      // fetched before the app enables them), still under the base and served as CSS.
      assert.ok(body.includes('<style>'), `${page}: its styles are in the page`);
      const linked = [...body.matchAll(/<link [^>]*rel="stylesheet"[^>]*>/g)].map((m) => m[0]);
      assert.ok(linked.every((tag) => tag.startsWith('<link disabled ')), `${page}: only disabled stylesheet links: ${linked}`);
    }
    const types = { wasm: 'application/wasm', js: 'text/javascript; charset=utf-8', css: 'text/css; charset=utf-8' };
    for (const asset of new Set(assets)) {
      const address = new URL(asset, `${url('')}/`);
      assert.ok(address.pathname.startsWith(`${BASE_PATH}/`), `${asset} is under the base`);
      const response = await fetch(address);
      assert.equal(response.status, 200, `${asset} is served`);
      assert.equal(response.headers.get('content-type'), types[asset.split('.').pop()], asset);
      await response.arrayBuffer();
    }
  }
});

test('the data files are JSON', async () => {
  for (const appPath of ['/data/catalog.json', REPORT.data]) {
    const { status, type, body } = await get(appPath);
    assert.equal(status, 200, appPath);
    assert.equal(type, 'application/json', appPath);
    assert.equal(JSON.parse(body).schema_version, 2, appPath);
  }
});
