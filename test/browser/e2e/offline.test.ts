/**
 * Offline: the built page opened straight from disk (file://) with the network cut still checks a body, and the
 * library bundle (dist/browser/ca-preflight.js, the `browser` export) imported as an ES module in Chromium gives
 * the same report as the library in node.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { readFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { preflight, type Report } from '../../../src/index.js';
import { asShown, EXAMPLE_2_REQUEST, shownFindings, shownResponse, startHarness, waitForCheck, type Harness } from './harness.js';

const AT = '2026-06-01T00:00:00Z';
const CLIENT_REQUEST_ID = '3f2a9d4c-1b7e-4c1a-9e0f-5d6c7b8a9e01';
let harness: Harness;
let example2: string;

beforeAll(async () => {
  [harness, example2] = await Promise.all([startHarness(), readFile(EXAMPLE_2_REQUEST, 'utf8')]);
});

afterAll(async () => {
  await harness?.close();
});

describe('offline', () => {
  it('works from file:// with the network off, requesting nothing but its own files', async () => {
    const context = await harness.browser.newContext({ offline: true });
    const requested: string[] = [];
    context.on('request', (r) => requested.push(r.url()));
    const page = await context.newPage();
    const errors: string[] = [];
    page.on('pageerror', (e) => errors.push(e.message));
    await page.goto(pathToFileURL(join(harness.outdir, 'index.html')).href);
    await page.waitForSelector('html[data-ready="true"]');
    await page.fill('#body', example2);
    const before = await page.textContent('#summary');
    await page.click('#check');
    await waitForCheck(page, before);
    expect((await shownResponse(page)).statusLine).toBe('HTTP/1.1 400 Bad Request');
    expect(await shownFindings(page)).toEqual(asShown((await preflight(example2)).findings));
    expect(requested.filter((u) => !u.startsWith('file://') && !u.startsWith('data:'))).toEqual([]);
    expect(errors).toEqual([]);
    await context.close();
  });

  it('the ESM bundle gives the same report in Chromium as the library in node', async () => {
    const { page, foreignRequests } = await harness.open();
    // A string, not a function: vitest rewrites import() in this file's own code, and this one must run in the page.
    const args = JSON.stringify({ text: example2, at: AT, id: CLIENT_REQUEST_ID });
    const inBrowser = (await page.evaluate(`(async ({ text, at, id }) => {
      const lib = await import('/ca-preflight.js');
      return { report: await lib.preflight(text, { at, clientRequestId: id }), ruleCount: lib.rules.length };
    })(${args})`)) as { report: Report; ruleCount: number };
    const inNode: Report = await preflight(example2, { at: AT, clientRequestId: CLIENT_REQUEST_ID });
    expect(inBrowser.report).toEqual(inNode);
    expect(inBrowser.ruleCount).toBe((await import('../../../src/index.js')).rules.length);
    expect(foreignRequests).toEqual([]);
  });
});
