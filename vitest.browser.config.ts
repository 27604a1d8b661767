/**
 * Tests in real Chromium (the system's, see test/browser/chromium.ts):
 * - project "browser": vitest browser mode — the core (preflight on every vector, certificates built in the page)
 *   and the page's own helpers, run inside Chromium;
 * - project "e2e": node tests that build the page, serve it and drive it with playwright-core.
 * The default config (vitest.config.ts) excludes test/browser/**, so nothing here runs twice.
 *
 * Without Chromium the suite is skipped with a notice — or, in CI (`CI` set), the run fails with it.
 */
import { defineConfig } from 'vitest/config';
import { playwright } from '@vitest/browser-playwright';
import { CHROMIUM, CHROMIUM_ARGS, CHROMIUM_PATH } from './test/browser/chromium.js';
import { INSTALL_ALL, inCi } from './test/support/machine.js';

const notice = `The browser tests need ${CHROMIUM.name}, which this machine lacks. Install it with: ${CHROMIUM.install} (or everything at once: ${INSTALL_ALL}).`;

if (!CHROMIUM_PATH && inCi()) throw new Error(notice);
if (!CHROMIUM_PATH) process.stderr.write(`\nskipped: every browser test. ${notice}\n\n`);

export default defineConfig(
  CHROMIUM_PATH
    ? {
        test: {
          projects: [
            {
              // Pre-bundle the core's dependencies up front: a dependency discovered mid-run makes Vite reload the page.
              optimizeDeps: { include: ['asn1js', 'jsonc-parser', 'fast-check', 'pkijs'] },
              test: {
                name: 'browser',
                include: ['test/browser/unit/**/*.test.ts'],
                testTimeout: 60_000,
                browser: {
                  enabled: true,
                  headless: true,
                  provider: playwright({ launchOptions: { executablePath: CHROMIUM_PATH, args: CHROMIUM_ARGS } }),
                  instances: [{ browser: 'chromium' }],
                  screenshotFailures: false,
                },
              },
            },
            {
              test: {
                name: 'e2e',
                include: ['test/browser/e2e/**/*.test.ts'],
                environment: 'node',
                testTimeout: 60_000,
                hookTimeout: 120_000,
              },
            },
          ],
        },
      }
    : { test: { include: [], passWithNoTests: true } },
);
