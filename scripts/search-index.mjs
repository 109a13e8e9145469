// Run by scripts/post-build.mjs after the pre-render: indexes the pre-rendered section pages with
// Pagefind into `<dist>/pagefind/`. Offline: the binary comes from the npm package, driven
// through Pagefind's Node API (which runs `pagefind_extended`).
//
// npm's `@pagefind/linux-x64` ships only `pagefind_extended`, the build that segments Chinese
// (jieba): without it a run of Chinese characters would be one "word" and 信息处理费 would
// match only where it stands alone. Only pages with `data-pagefind-body` (the section pages,
// see src/components/section.rs) are indexed, one record per section.
//
// Two passes, because the index and the query cut Chinese into words differently: the index
// with jieba (行政复议 → 行政 复议), the browser's query with Intl.Segmenter (行政复议 → 行政 复 议),
// and Pagefind finds a query word only at the start of an index word, so 议 found nothing and
// neither did 复议 or 行政复议. The first pass reads how jieba cut each record (its fragment);
// the second indexes each page with the words Intl.Segmenter finds in its text that start no
// jieba word of it added as a hidden line, so that every word a query of the record's text is
// cut into is there. (Node's Intl.Segmenter uses the same ICU data as Chromium's.)
import { gunzipSync } from 'node:zlib';
import { readdirSync, readFileSync, rmSync } from 'node:fs';
import path from 'node:path';

import * as pagefind from 'pagefind';

const dist = process.argv[2] ?? process.env.TRUNK_STAGING_DIR;
if (!dist) {
  console.error('search-index: usage: node scripts/search-index.mjs DIST');
  process.exit(1);
}
const started = Date.now();
const OUTPUT = path.join(dist, 'pagefind');

const fail = (what, errors) => {
  console.error(`search-index: ${what}: ${errors.join('; ')}`);
  process.exit(1);
};

/** A new index, or exit with Pagefind's errors. */
async function newIndex() {
  const { index, errors } = await pagefind.createIndex({});
  if (!index || errors.length > 0) fail('cannot start Pagefind', errors);
  return index;
}

/** Each record's text as jieba cut it (`url` → words), from the index's fragments. */
async function jiebaWords(index) {
  const { files, errors } = await index.getFiles();
  if (errors.length > 0) fail('cannot read the first pass', errors);
  const words = new Map();
  for (const file of files.filter((f) => f.path.startsWith('fragment/'))) {
    // A fragment is gzipped "pagefind_dcd" + JSON.
    const fragment = JSON.parse(gunzipSync(Buffer.from(file.content)).subarray(12).toString('utf8'));
    words.set(fragment.url, { words: fragment.content.split(/[\u200b\s]+/), text: fragment.content.replace(/\u200b/g, '') });
  }
  return words;
}

const HAN = /\p{Script=Han}/u;
// Around the added words (src/search.rs cuts them out of excerpts): WORD JOINER and
// INVISIBLE SEPARATOR, which Pagefind keeps and no report contains.
const WORDS_OPEN = '\u2060';
const WORDS_CLOSE = '\u2063';
const segmenter = new Intl.Segmenter('zh-CN', { granularity: 'word' });

/** The Chinese words Intl.Segmenter finds in `text` that start none of `words`. */
function missingWords(text, words) {
  const missing = new Set();
  for (const { segment, isWordLike } of segmenter.segment(text)) {
    if (!isWordLike || !HAN.test(segment) || missing.has(segment)) continue;
    if (!words.some((w) => w.startsWith(segment))) missing.add(segment);
  }
  return [...missing];
}

/** Every `index.html` under `dir` that Pagefind indexes, as [relative folder, html]. */
function* pages(dir, prefix = '') {
  for (const entry of readdirSync(path.join(dir, prefix), { withFileTypes: true })) {
    const relative = path.join(prefix, entry.name);
    if (entry.isDirectory()) {
      if (relative !== 'pagefind') yield* pages(dir, relative);
    } else if (entry.name === 'index.html') {
      const html = readFileSync(path.join(dir, relative), 'utf8');
      if (html.includes('data-pagefind-body')) yield [prefix, html];
    }
  }
}

const ENTRY = path.join(OUTPUT, 'pagefind-entry.json');

/** Whether the index's entry file is there and parses (the browser's search starts from it). */
function entryReadable() {
  try {
    JSON.parse(readFileSync(ENTRY, 'utf8'));
    return true;
  } catch {
    return false;
  }
}

/**
 * Writes the index and checks its entry file. One build wrote `pagefind-entry.json` empty
 * (0 bytes; every search in the browser then failed) and the next, of the same pages, wrote
 * it whole: so a write is waited for a moment, tried again, and otherwise the build fails
 * here, naming the file, rather than shipping a search that cannot start.
 */
async function writeIndex(index) {
  for (let attempt = 1; attempt <= 2; attempt += 1) {
    const written = await index.writeFiles({ outputPath: OUTPUT });
    if (written.errors.length > 0) fail('cannot write the index', written.errors);
    for (let wait = 0; wait < 20 && !entryReadable(); wait += 1) {
      await new Promise((later) => setTimeout(later, 100));
    }
    if (entryReadable()) return;
    console.error(`search-index: ${ENTRY} is not readable JSON after writing (attempt ${attempt})`);
  }
  fail('cannot write the index', [`${ENTRY} is empty or not JSON`]);
}

const first = await newIndex();
const added = await first.addDirectory({ path: dist });
if (added.errors.length > 0) fail('first pass', added.errors);
const cut = await jiebaWords(first);
await first.deleteIndex();

const index = await newIndex();
let extra = 0;
for (const [folder, html] of pages(dist)) {
  const url = `/${folder.split(path.sep).join('/')}/`.replace(/\/+/g, '/');
  const record = cut.get(url);
  const missing = record ? missingWords(record.text, record.words) : [];
  extra += missing.length;
  // Right inside the record's element (its body), hidden, between the two marks: Pagefind's
  // excerpts may show them, and the site cuts them out (src/search.rs).
  const at = html.indexOf('>', html.indexOf('data-pagefind-body')) + 1;
  const content =
    missing.length === 0
      ? html
      : `${html.slice(0, at)}<p hidden data-search-words>${WORDS_OPEN} ${missing.join(' ')} ${WORDS_CLOSE}</p>${html.slice(at)}`;
  const { errors } = await index.addHTMLFile({ url, content });
  if (errors.length > 0) fail(url, errors);
}
rmSync(OUTPUT, { recursive: true, force: true });
await writeIndex(index);
await pagefind.close();
console.error(
  `search-index: ${OUTPUT} (${cut.size} records, ${extra} words added for the browser's segmentation) in ${Date.now() - started} ms`,
);

// The site uses Pagefind's API from its own UI (src/components/search.rs): its stock UI
// bundles are never loaded, so they are not shipped (nor precached).
for (const name of readdirSync(OUTPUT)) {
  if (/^pagefind-(component-ui|modular-ui|ui|highlight)\./.test(name)) {
    rmSync(path.join(OUTPUT, name));
  }
}
