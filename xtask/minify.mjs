// Minifies our hand-written scripts in a bundle folder in place (terser: compressed, names
// shortened, comments dropped). Every visitor of a host page downloads `embed.js`, whose budget
// is 3 KB gzip, and `prerender.js` blocks the list's first paint: their comments and long names
// are for us. Run by `cargo xtask dist` after the build, before `compress.mjs`.
//
//   node xtask/minify.mjs DIR SCRIPT...
//
// `start.js` is a module (`<script type="module">`, Trunk.toml); the others are classic scripts,
// whose top-level names stay as written.

import { readFile, writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { minify } from 'terser';

const MODULES = new Set(['start.js']);

const [dir, ...scripts] = process.argv.slice(2);
if (!dir || scripts.length === 0) throw new Error('usage: node xtask/minify.mjs DIR SCRIPT...');
let before = 0;
let after = 0;
for (const script of scripts) {
  const path = join(dir, script);
  const text = await readFile(path, 'utf8');
  const { code } = await minify(text, {
    module: MODULES.has(script),
    compress: { passes: 2 },
    mangle: true,
    format: { comments: false },
  });
  if (!code) throw new Error(`${path}: terser returned nothing`);
  await writeFile(path, `${code}\n`);
  before += text.length;
  after += code.length + 1;
}
console.log(`minify: ${scripts.length} scripts in ${dir}, ${before} → ${after} bytes`);
