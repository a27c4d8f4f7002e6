// Chromium flags for this closed-network, root-run machine kind (see DEVELOPERS.md), shared by
// the Playwright config, the benchmark and the build's static first screen (xtask/prerender.mjs).
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
];
