// A static server of one build's folder for the tests that need a site of their own: offline
// reading (the server is stopped, as the network goes) and updates (a changed copy of the
// build is served). It answers as `cargo xtask serve` does (xtask/src/serve.rs): files as they
// are, `/dir` → `/dir/`, `/dir/` → `dir/index.html`, `/page` → `page.html`, anything else
// `404.html` with status 404, all under the site's base path.

import { createReadStream, existsSync, statSync } from 'node:fs';
import { createServer } from 'node:http';
import path from 'node:path';

const TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.xml': 'application/xml',
  '.png': 'image/png',
};

/** Serves `dir` under `basePath` (`` or `/nianbao`); `{ url, close() }`, url without a slash. */
export async function serveDir(dir, basePath) {
  const server = createServer((request, response) => {
    const { pathname, search } = new URL(request.url, 'http://localhost');
    if (basePath && pathname === basePath) return redirect(response, `${basePath}/${search}`);
    if (!pathname.startsWith(`${basePath}/`)) return send(response, 404, null);
    const inner = decodeURIComponent(pathname.slice(basePath.length));
    if (inner.includes('..')) return send(response, 400, null);
    const file = path.join(dir, inner);
    const isFile = (f) => existsSync(f) && statSync(f).isFile();
    if (inner.endsWith('/') && isFile(path.join(file, 'index.html'))) {
      return send(response, 200, path.join(file, 'index.html'));
    }
    if (isFile(file)) return send(response, 200, file);
    if (existsSync(file) && !inner.endsWith('/')) return redirect(response, `${pathname}/${search}`);
    if (isFile(`${file}.html`)) return send(response, 200, `${file}.html`);
    return send(response, 404, path.join(dir, '404.html'));
  });
  await new Promise((listening) => server.listen(0, '127.0.0.1', listening));
  const { port } = server.address();
  return {
    url: `http://127.0.0.1:${port}${basePath}`,
    close: () =>
      new Promise((closed) => {
        server.close(closed);
        server.closeAllConnections();
      }),
  };
}

function redirect(response, location) {
  response.writeHead(301, { Location: location }).end();
}

function send(response, status, file) {
  if (!file || !existsSync(file)) return response.writeHead(status).end(`${status}\n`);
  const type = TYPES[path.extname(file)] ?? 'application/octet-stream';
  response.writeHead(status, { 'Content-Type': type });
  createReadStream(file).pipe(response);
}
