// Chromium flags for this closed-network, root-run machine kind (see DEVELOPERS.md), shared by
// the Playwright config and the benchmark.
export const CHROMIUM_ARGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--disable-dev-shm-usage',
  // Test host pages served by the test itself (Playwright's route.fulfill) count as public, and
  // a public page may not frame a loopback one. karmada.io and its showcase are both public;
  // here everything is on loopback.
  '--disable-features=LocalNetworkAccessChecks',
];
