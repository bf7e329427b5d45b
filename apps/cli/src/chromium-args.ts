/**
 * Headless Chromium as it runs here and in the container: no sandbox, GPU or background
 * traffic. `planning evidence` starts it with these; the e2e specs add their own.
 */
export const CHROMIUM_ARGS: readonly string[] = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
  '--no-first-run',
];
