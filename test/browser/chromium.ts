/**
 * The one browser the tests use: the system's Chromium (Debian's /usr/bin/chromium and the usual other paths, or
 * CHROMIUM_PATH), never a downloaded one.
 */
import { chromium, findChromium } from '../support/machine.js';

/** The Chromium found on this machine, or null (then the browser suite is skipped with a notice, or fails in CI). */
export const CHROMIUM_PATH: string | null = findChromium();
export const CHROMIUM = chromium;

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
