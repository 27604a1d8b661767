/**
 * The page with the keyboard alone: tab order, visible focus, the skip link, typing a body, checking, jumping from a
 * finding to its place in the text, the drop zone opening the file picker with Enter and Space, copying the request.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { preflight } from '../../../src/index.js';
import { buildHierarchy } from '../../../src/testing/builder.js';
import { offsetOf, selectionAt } from '../../../web/editor.js';
import { SCREENSHOTS, startHarness, waitForCheck, waitForIdle, type Harness } from './harness.js';

let harness: Harness;
let files: string;

beforeAll(async () => {
  harness = await startHarness();
  files = await mkdtemp(join(tmpdir(), 'ca-preflight-keys-'));
  const [root] = await buildHierarchy({ depth: 1, namePrefix: 'Keyboard' });
  await writeFile(join(files, 'root.pem'), root!.pem);
});

afterAll(async () => {
  await harness?.close();
  if (files) await rm(files, { recursive: true, force: true });
});

/** What has focus: its id, else its tag (and class for the skip link and findings). */
const focused = (page: Page) =>
  page.evaluate(() => {
    const el = document.activeElement as HTMLElement | null;
    if (!el || el === document.body) return 'body-element';
    return el.id || `${el.tagName.toLowerCase()}${el.className ? `.${el.className.split(' ')[0]}` : ''}`;
  });

/** Presses Tab until `target` has focus; returns the distinct stops on the way (a date input has several fields). */
async function tabTo(page: Page, target: string, limit = 40): Promise<string[]> {
  const stops: string[] = [];
  for (let i = 0; i < limit; i++) {
    await page.keyboard.press('Tab');
    const now = await focused(page);
    if (stops[stops.length - 1] !== now) stops.push(now);
    if (now === target) return stops;
  }
  throw new Error(`${target} never got focus; stops: ${stops.join(' → ')}`);
}

/** The focus indicator of the focused control (the editor frame for a textarea): style and width. */
const focusRing = (page: Page) =>
  page.evaluate(() => {
    let el = document.activeElement as HTMLElement;
    if (el.tagName === 'TEXTAREA') el = el.closest('.editor') as HTMLElement;
    const s = getComputedStyle(el);
    return { style: s.outlineStyle, width: parseFloat(s.outlineWidth) };
  });

describe('keyboard only', () => {
  it('tabs through the controls in reading order, each with a visible focus ring', async () => {
    const { page } = await harness.open();
    const stops: string[] = [];
    const rings: Record<string, { style: string; width: number }> = {};
    for (let i = 0; i < 40 && stops[stops.length - 1] !== 'device-parameter'; i++) {
      await page.keyboard.press('Tab');
      const now = await focused(page);
      if (stops[stops.length - 1] !== now) {
        stops.push(now);
        rings[now] = await focusRing(page);
      }
    }
    expect(stops).toEqual([
      'a.skip-link',
      'lang',
      'body',
      'dropzone',
      'summary',
      'at',
      'cloud',
      'config-id',
      'strict',
      'check',
      'graph-response',
      'request',
      'copy',
      'device-dropzone',
      'device-parameter',
    ]);
    for (const [stop, ring] of Object.entries(rings)) {
      expect(ring.style, `focus ring on ${stop}`).not.toBe('none');
      expect(ring.width, `focus ring width on ${stop}`).toBeGreaterThanOrEqual(2);
    }
  });

  it('the skip link appears on focus and jumps to the results', async () => {
    const { page } = await harness.open();
    await page.keyboard.press('Tab');
    expect(await focused(page)).toBe('a.skip-link');
    const box = await page.locator('.skip-link').boundingBox();
    expect(box && box.x >= 0 && box.y >= 0).toBe(true);
    await page.keyboard.press('Enter');
    expect(await focused(page)).toBe('results');
  });

  it('types a body, checks it with Enter, and Space on a finding puts the caret on it', async () => {
    const { page, errors } = await harness.open();
    await tabTo(page, 'body');
    await page.keyboard.type('{\n  "displayName": "Door cameras",\n  "id": "eec5ba11",\n  "certificateAuthorities": []\n}');
    const text = await page.inputValue('#body');
    await tabTo(page, 'check');
    const before = await page.textContent('#summary');
    await page.keyboard.press('Enter');
    await waitForCheck(page, before);

    const expected = await preflight(text);
    const first = expected.findings[0]!;
    expect(first.rule).toBe('body.read-only-property');
    await tabTo(page, 'button.finding-button');
    await page.keyboard.press('Space');
    const [start, end] = selectionAt(text, offsetOf(text, first.line!, first.column!));
    expect(
      await page.evaluate(() => {
        const t = document.activeElement as HTMLTextAreaElement;
        return [t.id, t.value.slice(t.selectionStart, t.selectionEnd)];
      }),
    ).toEqual(['body', text.slice(start, end)]);

    // Ctrl+Enter in the textarea checks too.
    await page.keyboard.press('Control+Enter');
    await waitForIdle(page);
    expect(await page.inputValue('#body')).toBe(text); // Ctrl+Enter does not insert a line
    expect(errors).toEqual([]);
  });

  it('opens the file picker from the drop zone with Enter and with Space', async () => {
    const { page } = await harness.open();
    // Listen before any key is pressed: Playwright starts intercepting file choosers when the first listener is added,
    // and a chooser opened before that would be dismissed by headless Chromium. A listener kept for the whole test keeps
    // the interception on between the two choosers (without it, it is switched off and on again, racing the Space).
    page.on('filechooser', () => {});
    const chosen = page.waitForEvent('filechooser');
    await tabTo(page, 'dropzone');
    await page.keyboard.press('Enter');
    const chooser = await chosen;
    expect(chooser.isMultiple()).toBe(true);
    await chooser.setFiles(join(files, 'root.pem'));
    await page.waitForFunction(() => /Added 1 certificate/.test(document.getElementById('file-status')?.textContent ?? ''));
    await waitForIdle(page);
    expect(await page.textContent('#graph-response')).toBe('HTTP/1.1 200 OK');
    expect(await focused(page)).toBe('dropzone'); // focus stays where the user was
    const again = page.waitForEvent('filechooser');
    await page.keyboard.press('Space');
    await (await again).setFiles([]);
  });

  it('copies the request body with the keyboard', async () => {
    const { page } = await harness.open();
    await tabTo(page, 'body');
    await page.keyboard.type('{"displayName": "Cameras"}');
    await page.keyboard.press('Control+Enter');
    await waitForIdle(page);
    await tabTo(page, 'copy');
    await page.keyboard.press('Enter');
    await page.waitForFunction(() => (document.getElementById('copy-status')?.textContent ?? '') !== '');
    expect(await page.textContent('#copy-status')).toBe('Request body copied to the clipboard.');
    expect(await page.evaluate(() => navigator.clipboard.readText())).toBe('{"displayName": "Cameras"}');
    await page.screenshot({ path: join(SCREENSHOTS, 'keyboard-1280.png') });
  });
});
