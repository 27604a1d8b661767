/**
 * The one browser the tests use: the system's Chromium (Debian's /usr/bin/chromium), never a downloaded one.
 * CHROMIUM_PATH overrides the path on machines that keep it elsewhere.
 */
export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const CHROMIUM_ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
];
