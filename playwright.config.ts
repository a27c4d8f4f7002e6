// Playwright drives Debian's Chromium (/usr/bin/chromium) against the release build in dist/,
// served by tools/server.mjs. Build first: `cargo xtask dist` (or run everything with
// `cargo xtask test`). Never run `playwright install`: this project uses the system browser.
import { defineConfig, devices } from '@playwright/test';
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { CHROMIUM_ARGS } from './tools/chromium.mjs';

const PORT = Number(process.env.E2E_PORT ?? 4173);
// The demo host page (demo/host, imitating karmada.io) is served from another origin.
const HOST_PORT = Number(process.env.E2E_HOST_PORT ?? PORT + 1);
process.env.E2E_HOST_PORT = String(HOST_PORT);
const DIST = process.env.E2E_DIST ?? 'dist';
// The bundle is built with `--public-url /adopters/` and served there, under the policy it
// ships (`_headers`, written by showcase-site: no inline code, Trusted Types), widened only to
// let the demo host, on another origin here, frame it.
const BASE = '/adopters/';

if (!existsSync(join(__dirname, DIST, 'index.html'))) {
  throw new Error(`${DIST}/index.html is missing: build the app first with \`cargo xtask dist\``);
}
const shipped = readFileSync(join(__dirname, DIST, '_headers'), 'utf8').match(/^\s*Content-Security-Policy: (.*)$/m);
if (!shipped || !/frame-ancestors [^;]*$/.test(shipped[1])) {
  throw new Error(`${DIST}/_headers has no Content-Security-Policy ending in frame-ancestors`);
}
const CSP = `${shipped[1]} http://127.0.0.1:${HOST_PORT}`;

export default defineConfig({
  testDir: 'tests/e2e',
  outputDir: 'test-results',
  fullyParallel: false,
  forbidOnly: !!process.env.CI,
  retries: 0,
  workers: process.env.E2E_WORKERS ? Number(process.env.E2E_WORKERS) : 2,
  reporter: 'list',
  timeout: 30_000,
  expect: { timeout: 10_000 },
  globalTimeout: process.env.CI ? 20 * 60_000 : undefined,
  use: {
    baseURL: `http://127.0.0.1:${PORT}${BASE}`,
    trace: 'off',
    screenshot: 'only-on-failure',
    serviceWorkers: 'block',
  },
  projects: [
    {
      name: 'chromium',
      use: {
        ...devices['Desktop Chrome'],
        launchOptions: {
          executablePath: process.env.CHROMIUM ?? '/usr/bin/chromium',
          args: CHROMIUM_ARGS,
        },
      },
    },
  ],
  webServer: [
    {
      // In-page mode loads the app's module and wasm from the host's origin: CORS allows it.
      command: `node tools/server.mjs --dir ${DIST} --port ${PORT} --base ${BASE} --csp "${CSP}" --header "Access-Control-Allow-Origin: *"`,
      url: `http://127.0.0.1:${PORT}${BASE}`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
    {
      command: `node tools/server.mjs --dir demo/host --port ${HOST_PORT}`,
      url: `http://127.0.0.1:${HOST_PORT}/`,
      reuseExistingServer: !process.env.CI,
      timeout: 30_000,
      stdout: 'ignore',
      stderr: 'pipe',
    },
  ],
});
