#!/usr/bin/env node
// Budget for what the sign-in page (the index.html entry) downloads before it can run:
// every script, stylesheet and modulepreload it references, gzipped; and for the first load of each main page
// (the entry plus the page's chunk and its static imports, from Vite's manifest). Other lazy chunks are
// listed for information.
import { existsSync, readFileSync, readdirSync } from 'node:fs';
import path from 'node:path';
import { gzipSync } from 'node:zlib';

const BUDGET = 170 * 1024;
const root = process.env.BUNDLE_DIR ? path.resolve(process.env.BUNDLE_DIR) : path.resolve(import.meta.dirname, '..', 'dist', 'web');
const indexPath = path.join(root, 'index.html');

if (!existsSync(indexPath)) {
  console.error(`No build found at ${indexPath}. Run "npx vite build" first.`);
  process.exit(1);
}

const html = readFileSync(indexPath, 'utf8');

/** Attributes of one tag as a map, whatever their order or quoting. */
function attributes(tag) {
  const attrs = new Map();
  for (const m of tag.matchAll(/([a-zA-Z:-]+)(?:\s*=\s*(?:"([^"]*)"|'([^']*)'|([^\s>]+)))?/g)) {
    attrs.set(m[1].toLowerCase(), m[2] ?? m[3] ?? m[4] ?? '');
  }
  return attrs;
}

const referenced = new Set();
for (const [tag] of html.matchAll(/<script\b[^>]*>/gi)) {
  const src = attributes(tag.slice(7)).get('src');
  if (src) referenced.add(src);
}
for (const [tag] of html.matchAll(/<link\b[^>]*>/gi)) {
  const attrs = attributes(tag.slice(5));
  const rel = (attrs.get('rel') ?? '').toLowerCase().split(/\s+/);
  const href = attrs.get('href');
  if (href && (rel.includes('stylesheet') || rel.includes('modulepreload'))) referenced.add(href);
}

function isLocal(url) {
  return !/^(?:[a-z]+:)?\/\//i.test(url) && !url.startsWith('data:');
}

const external = [...referenced].filter((url) => !isLocal(url));
if (external.length > 0) {
  console.error(`index.html loads files from elsewhere, which the hub must not do: ${external.join(', ')}`);
  process.exit(1);
}

const kb = (n) => `${(n / 1024).toFixed(1)} KB`;
const rows = [...referenced].map((url) => {
  const file = path.join(root, url.replace(/^\//, '').split(/[?#]/)[0]);
  if (!existsSync(file)) {
    console.error(`index.html references ${url}, which is not in ${root}`);
    process.exit(1);
  }
  const raw = readFileSync(file);
  return { file: path.relative(root, file), raw: raw.length, gzip: gzipSync(raw).length };
});

const assetsDir = path.join(root, 'assets');
const allFiles = existsSync(assetsDir) ? readdirSync(assetsDir).map((name) => path.join('assets', name)) : [];
const width = Math.max(4, ...rows.map((r) => r.file.length), ...allFiles.map((f) => f.length));
const line = (a, b, c) => `${a.padEnd(width)}  ${b.padStart(10)}  ${c.padStart(10)}`;
console.log('Loaded by index.html (counted against the budget):');
console.log(line('file', 'raw', 'gzip'));
for (const r of rows) console.log(line(r.file, kb(r.raw), kb(r.gzip)));
const total = rows.reduce((sum, r) => sum + r.gzip, 0);
const totalRaw = rows.reduce((sum, r) => sum + r.raw, 0);
console.log(line('total', kb(totalRaw), kb(total)));

// Lazy chunks, for information: large ones show which page could be split further.
{
  const counted = new Set(rows.map((r) => r.file));
  const lazy = allFiles
    .filter((f) => /\.(js|css)$/.test(f) && !counted.has(f))
    .map((f) => ({ file: f, gzip: gzipSync(readFileSync(path.join(root, f))).length }))
    .sort((a, b) => b.gzip - a.gzip);
  if (lazy.length > 0) {
    console.log(`\nLoaded on demand (not counted): ${lazy.length} files, ${kb(lazy.reduce((s, r) => s + r.gzip, 0))} gzip`);
    for (const r of lazy.slice(0, 10)) console.log(`  ${r.file.padEnd(width)}  ${kb(r.gzip).padStart(10)}`);
  }
}

// The first load of the main pages: what index.html loads plus the page's own chunk and every chunk and stylesheet
// it imports statically (from Vite's manifest). What a page loads later on demand (the network drawing, say) is
// not counted, as the browser does not fetch it for the first view.
const pages = {
  '/library': 'features/library/routes/library.tsx',
  '/directory': 'features/directory/routes/directory.tsx',
  '/events': 'features/events/routes/events.tsx',
  '/dialogues': 'features/dialogues/routes/spaces.tsx',
  '/practices': 'features/practices/routes/practices.tsx',
  '/outcomes': 'features/outcomes/routes/tracker.tsx',
  '/search': 'features/search/routes/search.tsx',
  '/reports': 'features/publications/routes/reports.tsx',
};
const manifestPath = path.join(root, '.vite', 'manifest.json');
const over = [];
if (existsSync(manifestPath)) {
  const manifest = JSON.parse(readFileSync(manifestPath, 'utf8'));
  const gz = new Map(rows.map((r) => [r.file, r.gzip]));
  const sizeOf = (file) => {
    if (!gz.has(file)) gz.set(file, gzipSync(readFileSync(path.join(root, file))).length);
    return gz.get(file);
  };
  console.log('\nFirst load of each main page (index.html + the page and its static imports, gzip):');
  for (const [url, key] of Object.entries(pages)) {
    if (!manifest[key]) {
      console.error(`  ${url}: ${key} is not in the build's manifest (renamed? update scripts/check-bundle-size.mjs)`);
      process.exit(1);
    }
    const files = new Set(rows.map((r) => r.file));
    const seen = new Set();
    const visit = (k) => {
      if (seen.has(k) || !manifest[k]) return;
      seen.add(k);
      files.add(manifest[k].file);
      for (const css of manifest[k].css ?? []) files.add(css);
      for (const i of manifest[k].imports ?? []) visit(i);
    };
    visit(key);
    const pageTotal = [...files].reduce((sum, f) => sum + sizeOf(f), 0);
    console.log(`  ${url.padEnd(12)} ${kb(pageTotal).padStart(10)}  (${files.size} files)`);
    if (pageTotal > BUDGET) over.push(`${url} ${kb(pageTotal)}`);
  }
} else {
  console.error(`No manifest at ${manifestPath}: build with build.manifest (vite.config.ts) to check each page.`);
  process.exit(1);
}

if (total > BUDGET || over.length > 0) {
  console.error(`\nOver budget (${kb(BUDGET)} gzipped): ${total > BUDGET ? `the sign-in page ${kb(total)}` : ''}${over.join(', ')}.`);
  process.exit(1);
}
console.log(`\nWithin budget: the sign-in page ${kb(total)}, every main page's first load at most ${kb(BUDGET)} gzipped.`);
