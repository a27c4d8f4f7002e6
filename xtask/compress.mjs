// Writes `<file>.gz` (gzip -9) and `<file>.br` (Brotli, quality 11) beside every text and wasm
// file under a bundle folder, as a host that serves precompressed files (Netlify: Brotli) would
// send them: the test server serves them when the browser accepts them, and the benchmark
// counts their bytes. Run by `cargo xtask dist` after the build.
//
//   node xtask/compress.mjs DIR

import { readdir, readFile, writeFile } from 'node:fs/promises';
import { extname, join } from 'node:path';
import { brotliCompressSync, constants, gzipSync } from 'node:zlib';

const COMPRESSED = new Set(['.html', '.js', '.mjs', '.css', '.wasm', '.json', '.svg', '.xml', '.txt', '.webmanifest']);

async function filesUnder(dir) {
  const entries = await readdir(dir, { withFileTypes: true });
  const nested = await Promise.all(entries.map((entry) => (entry.isDirectory() ? filesUnder(join(dir, entry.name)) : [join(dir, entry.name)])));
  return nested.flat();
}

const dir = process.argv[2];
if (!dir) throw new Error('usage: node xtask/compress.mjs DIR');
let files = 0;
for (const file of await filesUnder(dir)) {
  if (!COMPRESSED.has(extname(file).toLowerCase())) continue;
  const body = await readFile(file);
  await writeFile(`${file}.gz`, gzipSync(body, { level: 9 }));
  await writeFile(
    `${file}.br`,
    brotliCompressSync(body, {
      params: {
        [constants.BROTLI_PARAM_QUALITY]: 11,
        [constants.BROTLI_PARAM_SIZE_HINT]: body.length,
        [constants.BROTLI_PARAM_MODE]: extname(file) === '.wasm' ? constants.BROTLI_MODE_GENERIC : constants.BROTLI_MODE_TEXT,
      },
    }),
  );
  files++;
}
console.log(`compress: ${files} files in ${dir}, each with .gz and .br`);
