/**
 * Accessibility of the page as rendered by Chromium: every control has a name, results are announced, and every
 * piece of text meets WCAG AA contrast (4.5:1) against the background it is drawn on — with errors, warnings and
 * notes all on screen, and the device panel showing a device that signs in and one that does not, in English and
 * in French.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtemp, rm, writeFile } from 'node:fs/promises';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { inspectCertificate, preflight } from '../../../src/index.js';
import { buildHierarchy } from '../../../src/testing/builder.js';
import { startHarness, waitForCheck, type Harness } from './harness.js';

let harness: Harness;
let body: string;
let files: string;

beforeAll(async () => {
  harness = await startHarness();
  const [root, device] = await buildHierarchy({ depth: 2, leaf: true, namePrefix: 'Contrast' });
  const [, stranger] = await buildHierarchy({ depth: 2, leaf: true, namePrefix: 'Elsewhere' });
  files = await mkdtemp(join(tmpdir(), 'ca-preflight-a11y-'));
  await writeFile(join(files, 'device.pem'), device!.pem);
  await writeFile(join(files, 'stranger.pem'), stranger!.pem);
  const ski = (await inspectCertificate(root!.pem)).subjectKeyIdentifier!.value;
  body = JSON.stringify(
    {
      id: 'eec5ba11-2fc0-4113-83a2-ed986ed13cdb', // error: read-only
      certificateAuthorities: [
        {
          isRootAuthority: true,
          certificateRevocationListUrl: 'https://pki.example.test/root.crl',
          certificate: root!.base64,
          issuerSki: ski,
        },
      ],
    },
    null,
    2,
  );
});

afterAll(async () => {
  await harness?.close();
  if (files) await rm(files, { recursive: true, force: true });
});

/** Chooses a device file in the panel and waits until its check is painted. */
async function chooseDevice(page: Page, file: string): Promise<void> {
  const n = await page.evaluate(() => Number(document.documentElement.dataset.deviceChecks ?? 0));
  await page.setInputFiles('#device-file', join(files, file));
  await page.waitForFunction((n) => Number(document.documentElement.dataset.deviceChecks ?? 0) > n, n);
}

/** Every visible text whose contrast with the background it is drawn on is under 4.5:1, with the ratio. */
function lowContrast(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const rgba = (c: string): number[] => (c.match(/[\d.]+/g) ?? []).map(Number);
    const luminance = ([r, g, b]: number[]) =>
      [r!, g!, b!]
        .map((v) => v / 255)
        .map((v) => (v <= 0.03928 ? v / 12.92 : ((v + 0.055) / 1.055) ** 2.4))
        .reduce((s, v, i) => s + v * [0.2126, 0.7152, 0.0722][i]!, 0);
    const background = (el: Element | null): number[] => {
      for (; el; el = el.parentElement) {
        const c = rgba(getComputedStyle(el).backgroundColor);
        if ((c[3] ?? 1) > 0) return c;
      }
      return [255, 255, 255];
    };
    const out: string[] = [];
    for (const el of document.querySelectorAll('body *')) {
      const hasText = [...el.childNodes].some((n) => n.nodeType === Node.TEXT_NODE && (n.textContent ?? '').trim() !== '');
      const r = el.getBoundingClientRect();
      if (!hasText || r.width === 0 || r.height === 0 || getComputedStyle(el).visibility === 'hidden') continue;
      if (el.closest('.skip-link')) continue; // off screen until focused (then drawn on the page background)
      const fg = luminance(rgba(getComputedStyle(el).color));
      const bg = luminance(background(el));
      const ratio = (Math.max(fg, bg) + 0.05) / (Math.min(fg, bg) + 0.05);
      if (ratio < 4.5) out.push(`${el.tagName.toLowerCase()}#${el.id}.${el.className}: ${ratio.toFixed(2)}`);
    }
    return out;
  });
}

describe('accessibility', () => {
  it('the sample body shows every severity (so that every badge colour is measured)', async () => {
    const severities = new Set((await preflight(body)).findings.map((f) => f.severity));
    expect([...severities].sort()).toEqual(['error', 'info', 'warning']);
  });

  it('names every control and announces results', async () => {
    const { page } = await harness.open();
    const unnamed = await page.$$eval('input, select, textarea, button, summary, [tabindex="0"]', (els) =>
      els
        .filter((el) => {
          const e = el as HTMLInputElement;
          const byLabel = 'labels' in e && e.labels !== null && [...e.labels].some((l) => (l.textContent ?? '').trim() !== '');
          const byAria = (e.getAttribute('aria-label') ?? '').trim() !== '' || e.hasAttribute('aria-labelledby');
          const byText = (e.tagName === 'BUTTON' || e.tagName === 'SUMMARY') && (e.textContent ?? '').trim() !== '';
          return !(byLabel || byAria || byText);
        })
        .map((e) => e.outerHTML.slice(0, 80)),
    );
    expect(unnamed).toEqual([]);
    expect(await page.getAttribute('#summary', 'aria-live')).toBe('polite');
    expect(await page.getAttribute('#file-status', 'aria-live')).toBe('polite');
    expect(await page.getAttribute('#device-summary', 'aria-live')).toBe('polite');
    expect(await page.getAttribute('html', 'lang')).toBe('en');
  });

  for (const lang of ['en', 'fr'] as const) {
    it(`keeps every text at 4.5:1 contrast or more (${lang})`, async () => {
      const { page } = await harness.open({ path: `?lang=${lang}` });
      await page.fill('#body', body);
      const before = await page.textContent('#summary');
      await page.click('#check');
      await waitForCheck(page, before);
      expect(await page.$$eval('.badge', (b) => [...new Set(b.map((x) => x.className))].sort())).toEqual([
        'badge badge-error',
        'badge badge-info',
        'badge badge-warning',
      ]);
      expect(await lowContrast(page)).toEqual([]);
      // The device panel: a device that signs in (with notes), then one no listed CA issued (an error).
      await chooseDevice(page, 'device.pem');
      expect(await page.getAttribute('#device-summary', 'data-state')).toBe('accepted');
      expect(await page.$$eval('#device-findings .badge', (b) => b.length)).toBeGreaterThan(0);
      expect(await lowContrast(page)).toEqual([]);
      await chooseDevice(page, 'stranger.pem');
      expect(await page.getAttribute('#device-summary', 'data-state')).toBe('refused');
      expect(await page.$$eval('#device-findings .badge-error', (b) => b.length)).toBeGreaterThan(0);
      expect(await page.isVisible('#device-basis')).toBe(true);
      expect(await lowContrast(page)).toEqual([]);
    });
  }
});
