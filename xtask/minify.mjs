// Minifies scripts in a bundle folder in place (terser: compressed, names shortened, comments
// dropped): our hand-written ones and wasm-bindgen's glue. Every visitor of a host page
// downloads `embed.js`, whose budget is 3 KB gzip; `prerender.js` blocks the list's first
// paint; the glue is part of what each page downloads before it works. Run by `cargo xtask
// dist` after trunk, before `compress.mjs`.
//
//   node xtask/minify.mjs DIR --classic SCRIPT... --module SCRIPT...
//
// A classic script keeps its top-level names as written; a module (`start.js`, the glue)
// keeps its exports. trunk wrote the glue's hash into the pages (`<link rel="modulepreload"
// integrity>`): the pages at DIR's top get the minified file's hash instead, or the browser
// would refuse it.

import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

const [dir, ...rest] = process.argv.slice(2);
const usage = 'usage: node xtask/minify.mjs DIR --classic SCRIPT... --module SCRIPT...';
if (!dir || rest[0] !== '--classic' || !rest.includes('--module')) throw new Error(usage);
const classic = rest.slice(1, rest.indexOf('--module'));
const modules = rest.slice(rest.indexOf('--module') + 1);

const integrity = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
const newHashes = new Map();
let before = 0;
let after = 0;
for (const [script, module] of [...classic.map((s) => [s, false]), ...modules.map((s) => [s, true])]) {
  const path = join(dir, script);
  const text = await readFile(path, 'utf8');
  const { code } = await minify(text, { module, compress: { passes: 2 }, mangle: true, format: { comments: false } });
  if (!code) throw new Error(`${path}: terser returned nothing`);
  const minified = `${code}\n`;
  await writeFile(path, minified);
  newHashes.set(integrity(text), integrity(minified));
  before += Buffer.byteLength(text);
  after += Buffer.byteLength(minified);
}
let pages = 0;
for (const entry of await readdir(dir)) {
  if (!entry.endsWith('.html')) continue;
  const path = join(dir, entry);
  const html = await readFile(path, 'utf8');
  const rewritten = html.replace(/sha384-[A-Za-z0-9+/=]+/g, (hash) => newHashes.get(hash) ?? hash);
  if (rewritten !== html) {
    await writeFile(path, rewritten);
    pages++;
  }
}
console.log(`minify: ${classic.length + modules.length} scripts in ${dir}, ${before} → ${after} bytes; the hashes in ${pages} pages`);
