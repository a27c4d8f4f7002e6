// A dependency-free static server for the built app (dist/), used by Playwright, `cargo xtask
// serve` and the benchmark. It behaves like karmada.io's host (Netlify) for the bundle:
//
// * files under `dir` are served under `base` with correct Content-Types;
// * an unknown path under `base`, when it is a page request (the browser asks for HTML, or
//   the last path segment has no file extension), is answered as the bundle's `_redirects`
//   says (showcase-site writes it for Netlify: the tree's 404.html with the status 404), or,
//   for a directory without one, with `index.html` (a single-page app's fallback). A missing
//   asset (/missing.wasm) is a plain 404, so a broken bundle fails loudly instead of
//   receiving HTML;
// * anything outside `base` is a 404; `base` without its trailing slash redirects to it;
// * an optional Content-Security-Policy header goes on every response;
// * a file's precompressed copy (`.br`, `.gz` beside it, from `cargo xtask dist`) is sent when
//   the request accepts that encoding;
// * it binds to 127.0.0.1 only.
//
// CLI:    node tools/server.mjs --dir dist --port 4173 [--base /adopters/] [--csp "<policy>"]
//                                   [--header "Name: value"]... [--log]
// Module: import { startServer } from './server.mjs';
//         const server = await startServer({ dir: 'dist', port: 0, base: '/adopters/', csp });
//         server.url  // 'http://127.0.0.1:<port>/adopters/'
//         await server.close();

import { createServer } from 'node:http';
import { createReadStream } from 'node:fs';
import { readFile, stat, realpath } from 'node:fs/promises';
import { extname, join, resolve, sep } from 'node:path';
import { fileURLToPath } from 'node:url';
import { parseArgs } from 'node:util';

export const CONTENT_TYPES = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.wasm': 'application/wasm',
  '.svg': 'image/svg+xml',
  '.png': 'image/png',
  '.jpg': 'image/jpeg',
  '.jpeg': 'image/jpeg',
  '.gif': 'image/gif',
  '.webp': 'image/webp',
  '.avif': 'image/avif',
  '.ico': 'image/x-icon',
  '.txt': 'text/plain; charset=utf-8',
  '.xml': 'application/xml; charset=utf-8',
  '.webmanifest': 'application/manifest+json',
  '.woff': 'font/woff',
  '.woff2': 'font/woff2',
};

export function contentType(path) {
  return CONTENT_TYPES[extname(path).toLowerCase()] ?? 'application/octet-stream';
}

/** Normalises a base path to start and end with '/'. */
export function normalizeBase(base = '/') {
  let b = base.trim() || '/';
  if (!b.startsWith('/')) b = `/${b}`;
  if (!b.endsWith('/')) b = `${b}/`;
  return b;
}

/**
 * The rules of the served directory's `_redirects` (Netlify's format, as showcase-site writes
 * it: `from to status`, a `from` ending in `*` matching every path it starts), in order; none
 * when there is no such file.
 * @returns {Promise<{ from: string, prefix: boolean, to: string, status: number }[]>}
 */
export async function redirectRules(root) {
  let text;
  try {
    text = await readFile(join(root, '_redirects'), 'utf8');
  } catch {
    return [];
  }
  return text
    .split('\n')
    .map((line) => line.trim().split(/\s+/))
    .filter(([from, to, status]) => from && !from.startsWith('#') && to && /^\d{3}$/.test(status ?? ''))
    .map(([from, to, status]) => ({
      from: from.endsWith('*') ? from.slice(0, -1) : from,
      prefix: from.endsWith('*'),
      to,
      status: Number(status),
    }));
}

/**
 * Starts the server. Resolves once it listens.
 * @param {{ dir?: string, port?: number, host?: string, base?: string, csp?: string,
 *           headers?: Record<string, string>, log?: boolean }} options
 * @returns {Promise<{ port: number, url: string, base: string, server: import('node:http').Server,
 *                     close: () => Promise<void> }>}
 */
export async function startServer(options = {}) {
  const host = options.host ?? '127.0.0.1';
  const base = normalizeBase(options.base ?? '/');
  const root = await realpath(resolve(options.dir ?? 'dist'));
  const extraHeaders = { ...(options.headers ?? {}) };
  if (options.csp) extraHeaders['Content-Security-Policy'] = options.csp;
  const log = options.log ? (...a) => console.log(...a) : () => {};
  const rules = await redirectRules(root);

  /** The file inside `root` for a URL path below `base`, or null. */
  async function fileFor(rel) {
    let decoded;
    try {
      decoded = decodeURIComponent(rel);
    } catch {
      return null;
    }
    if (decoded.includes('\0')) return null;
    const candidate = resolve(root, `.${sep}${decoded}`);
    if (candidate !== root && !candidate.startsWith(root + sep)) return null;
    try {
      let s = await stat(candidate);
      let path = candidate;
      if (s.isDirectory()) {
        path = join(candidate, 'index.html');
        s = await stat(path);
      }
      if (!s.isFile()) return null;
      // Symlinks must not lead outside the served directory.
      const real = await realpath(path);
      if (real !== root && !real.startsWith(root + sep)) return null;
      return { path: real, size: s.size, mtime: s.mtime };
    } catch {
      return null;
    }
  }

  /** The file's precompressed copy (`cargo xtask dist` writes `.br` and `.gz` beside it) in
   * the best encoding the request accepts, when it is at least as new as the file. */
  async function encoded(req, file) {
    const accepted = (req.headers['accept-encoding'] ?? '').split(',').map((token) => token.split(';')[0].trim());
    for (const [encoding, extension] of [['br', '.br'], ['gzip', '.gz']]) {
      if (!accepted.includes(encoding)) continue;
      try {
        const s = await stat(file.path + extension);
        if (s.isFile() && s.mtimeMs >= file.mtime.getTime()) return { encoding, path: file.path + extension, size: s.size };
      } catch {
        // Not compressed: the next encoding, or the file itself.
      }
    }
    return null;
  }

  async function send(req, res, status, headers, file) {
    const copy = file && (await encoded(req, file));
    if (copy) {
      headers = { ...headers, 'Content-Encoding': copy.encoding, 'Content-Length': String(copy.size) };
      file = { ...file, path: copy.path };
    }
    if (file) headers = { ...headers, Vary: 'Accept-Encoding' };
    res.writeHead(status, { ...extraHeaders, ...headers });
    if (req.method === 'HEAD' || !file) {
      res.end();
      return;
    }
    const stream = createReadStream(file.path);
    stream.on('error', () => res.destroy());
    stream.pipe(res);
  }

  function plain(req, res, status, text, headers = {}) {
    res.writeHead(status, { ...extraHeaders, 'Content-Type': 'text/plain; charset=utf-8', ...headers });
    res.end(req.method === 'HEAD' ? undefined : `${text}\n`);
  }

  const server = createServer(async (req, res) => {
    const started = Date.now();
    res.on('finish', () => log(`${req.method} ${req.url} ${res.statusCode} ${Date.now() - started}ms`));
    try {
      if (req.method !== 'GET' && req.method !== 'HEAD') {
        plain(req, res, 405, 'method not allowed', { Allow: 'GET, HEAD' });
        return;
      }
      // Appended, not resolved: `//members/x` is a path here, not a host.
      const url = new URL(`http://localhost${req.url ?? '/'}`);
      const pathname = url.pathname;
      if (`${pathname}/` === base) {
        plain(req, res, 301, 'moved', { Location: base + url.search });
        return;
      }
      if (!pathname.startsWith(base)) {
        plain(req, res, 404, 'not found (outside the served base)');
        return;
      }
      const rel = pathname.slice(base.length);
      const file = await fileFor(rel);
      if (file) {
        await send(req, res, 200, {
          'Content-Type': contentType(file.path),
          'Content-Length': String(file.size),
          'Cache-Control': 'no-cache',
          'Last-Modified': file.mtime.toUTCString(),
          'X-Content-Type-Options': 'nosniff',
        }, file);
        return;
      }
      const lastSegment = rel.split('/').pop() ?? '';
      const wantsHtml = (req.headers.accept ?? '').includes('text/html');
      // As Netlify reads them: the first rule that matches; a path rule matches with or
      // without a trailing slash; a 3xx moves the address (its query kept), any other status
      // answers with the rule's file.
      const rule = rules.find((candidate) =>
        candidate.prefix ? pathname.startsWith(candidate.from) : pathname.replace(/(.)\/$/, '$1') === candidate.from,
      );
      if (rule && rule.status >= 300 && rule.status < 400) {
        plain(req, res, rule.status, 'moved', { Location: rule.to + url.search });
        return;
      }
      const target = rule && rule.to.startsWith(base) && (await fileFor(rule.to.slice(base.length)));
      if ((wantsHtml || !lastSegment.includes('.')) && target) {
        await send(req, res, rule.status, {
          'Content-Type': contentType(target.path),
          'Content-Length': String(target.size),
          'Cache-Control': 'no-cache',
          'X-Content-Type-Options': 'nosniff',
        }, target);
        return;
      }
      if (wantsHtml || !lastSegment.includes('.')) {
        // A directory without `_redirects` (not a bundle): a single-page app's fallback. The
        // Chinese tree (`zh/`) has its own app page, whose base tells the app its language.
        const index = (rel.startsWith('zh/') && (await fileFor('zh/index.html'))) || (await fileFor('index.html'));
        if (index) {
          await send(req, res, 200, {
            'Content-Type': 'text/html; charset=utf-8',
            'Content-Length': String(index.size),
            'Cache-Control': 'no-cache',
            'X-Content-Type-Options': 'nosniff',
          }, index);
          return;
        }
      }
      plain(req, res, 404, 'not found');
    } catch (err) {
      if (!res.headersSent) plain(req, res, 500, `server error: ${err?.message ?? err}`);
      else res.destroy();
    }
  });

  await new Promise((resolvePromise, reject) => {
    server.once('error', reject);
    server.listen(options.port ?? 4173, host, () => {
      server.off('error', reject);
      resolvePromise();
    });
  });
  const port = server.address().port;
  return {
    port,
    base,
    server,
    url: `http://${host}:${port}${base}`,
    close: () =>
      new Promise((resolvePromise) => {
        server.close(() => resolvePromise());
        server.closeAllConnections?.();
      }),
  };
}

function parseHeader(h) {
  const i = h.indexOf(':');
  if (i <= 0) throw new Error(`--header wants "Name: value", got ${JSON.stringify(h)}`);
  return [h.slice(0, i).trim(), h.slice(i + 1).trim()];
}

async function main() {
  const { values } = parseArgs({
    options: {
      dir: { type: 'string', default: 'dist' },
      port: { type: 'string', default: '4173' },
      host: { type: 'string', default: '127.0.0.1' },
      base: { type: 'string', default: '/' },
      csp: { type: 'string' },
      header: { type: 'string', multiple: true, default: [] },
      log: { type: 'boolean', default: false },
      help: { type: 'boolean', short: 'h', default: false },
    },
  });
  if (values.help) {
    console.log('node tools/server.mjs --dir dist --port 4173 [--base /adopters/] [--csp "<policy>"] [--header "Name: value"]... [--log]');
    return;
  }
  const port = Number(values.port);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`bad --port ${values.port}`);
  const server = await startServer({
    dir: values.dir,
    port,
    host: values.host,
    base: values.base,
    csp: values.csp,
    headers: Object.fromEntries(values.header.map(parseHeader)),
    log: values.log,
  });
  console.log(`serving ${resolve(values.dir)} on ${server.url}`);
  const stop = () => server.close().then(() => process.exit(0));
  process.on('SIGINT', stop);
  process.on('SIGTERM', stop);
}

if (process.argv[1] && resolve(process.argv[1]) === fileURLToPath(import.meta.url)) {
  main().catch((err) => {
    console.error(`server.mjs: ${err?.message ?? err}`);
    process.exit(1);
  });
}
