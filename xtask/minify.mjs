// Minifies scripts in a bundle folder in place (terser: compressed, names shortened, comments
// dropped): our hand-written ones and wasm-bindgen's glue. Every visitor of a host page
// downloads `embed.js`, whose budget is 3 KB gzip; `prerender.js` blocks the list's first
// paint; the glue is part of what each page downloads before it works. Run by `cargo xtask
// dist` after trunk, before `compress.mjs`.
//
//   node xtask/minify.mjs DIR --classic SCRIPT... --module SCRIPT... --glue SCRIPT...
//
// A classic script keeps its top-level names as written; a module (`start.js`) and the glue
// keep their exports. trunk wrote each glue's hash into its page (`<link rel="modulepreload"
// integrity>`): the pages at DIR's top get the minified file's hash instead, or the browser
// would refuse it; a glue whose hash no page had stops the build (trunk wrote hashes some
// other way, and the pages would keep stale ones).

import { createHash } from 'node:crypto';
import { readdir, readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

const [dir, ...rest] = process.argv.slice(2);
const usage = 'usage: node xtask/minify.mjs DIR --classic SCRIPT... --module SCRIPT... --glue SCRIPT...';
const [classicAt, moduleAt, glueAt] = ['--classic', '--module', '--glue'].map((flag) => rest.indexOf(flag));
if (!dir || classicAt !== 0 || !(moduleAt > classicAt) || !(glueAt > moduleAt)) throw new Error(usage);
const classic = rest.slice(classicAt + 1, moduleAt);
const modules = rest.slice(moduleAt + 1, glueAt);
const glue = rest.slice(glueAt + 1);

const integrity = (text) => `sha384-${createHash('sha384').update(text).digest('base64')}`;
const newHashes = new Map();
let before = 0;
let after = 0;
const glueHashes = new Map();
for (const [script, module] of [...classic.map((s) => [s, false]), ...[...modules, ...glue].map((s) => [s, true])]) {
  const path = join(dir, script);
  const text = await readFile(path, 'utf8');
  // Our classic scripts' function expressions are never constructed and read no `this`: as
  // arrows, with only small functions inlined, `embed.js` is 20 B smaller in gzip.
  const arrows = module ? {} : { ecma: 2020, compress: { passes: 2, unsafe_arrows: true, inline: 1 } };
  const { code } = await minify(text, { module, compress: { passes: 2 }, mangle: true, format: { comments: false }, ...arrows });
  if (!code) throw new Error(`${path}: terser returned nothing`);
  const minified = `${code}\n`;
  await writeFile(path, minified);
  newHashes.set(integrity(text), integrity(minified));
  if (glue.includes(script)) glueHashes.set(integrity(text), script);
  before += Buffer.byteLength(text);
  after += Buffer.byteLength(minified);
}
let pages = 0;
for (const entry of await readdir(dir)) {
  if (!entry.endsWith('.html')) continue;
  const path = join(dir, entry);
  const html = await readFile(path, 'utf8');
  const rewritten = html.replace(/sha384-[A-Za-z0-9+/=]+/g, (hash) => {
    glueHashes.delete(hash);
    return newHashes.get(hash) ?? hash;
  });
  if (rewritten !== html) {
    await writeFile(path, rewritten);
    pages++;
  }
}
if (glueHashes.size > 0) {
  throw new Error(`no page at ${dir}'s top had the integrity hash of ${[...glueHashes.values()].join(', ')}`);
}
console.log(`minify: ${classic.length + modules.length + glue.length} scripts in ${dir}, ${before} → ${after} bytes; the hashes in ${pages} pages`);
