/**
 * The page keeps the promise the library and the CLI keep (test/doors.test.ts): the same cases, the same outcome — the
 * request built by the library, or a refusal with the same reasons and no copy buttons. Removals are allowed CA by CA
 * with the page's own controls; the cloud with its own.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { join } from 'node:path';
import type { Page } from 'playwright-core';
import { DOOR_AT, doorCases, libraryOutcome, libraryReport, type DoorCase } from '../../support/door-cases.js';
import { SCREENSHOTS, startHarness, type Harness } from './harness.js';

const cases = await doorCases();
let harness: Harness;
beforeAll(async () => {
  harness = await startHarness();
});
afterAll(async () => harness?.close());

/** DOOR_AT as the page's datetime-local value (local time, as the page reads it). */
function localAt(): string {
  const d = new Date(DOOR_AT);
  const p = (n: number) => String(n).padStart(2, '0');
  return `${d.getFullYear()}-${p(d.getMonth() + 1)}-${p(d.getDate())}T${p(d.getHours())}:${p(d.getMinutes())}:${p(d.getSeconds())}`;
}

/** Runs `action` and waits until the check it causes has been painted. */
async function andWait(page: Page, action: () => Promise<unknown>): Promise<void> {
  const before = Number((await page.getAttribute('html', 'data-checks')) ?? 0);
  await action();
  await page.waitForFunction((n) => Number(document.documentElement.dataset.checks ?? 0) > n, before);
  await page.waitForFunction(() => !document.getElementById('check')?.hasAttribute('aria-busy'));
}

async function enter(page: Page, c: DoorCase): Promise<void> {
  await page.fill('#at', localAt());
  if (c.current !== undefined) {
    await page.click('#current-details summary');
    await page.fill('#current', c.current);
  }
  await page.fill('#body', c.body);
  if (c.id) await page.fill('#config-id', c.id);
  await andWait(page, () => page.click('#check'));
  if (c.cloud) await andWait(page, () => page.selectOption('#cloud', c.cloud!));
  if (c.allowUndocumentedCloud) await andWait(page, () => page.check('#allow-cloud'));
  for (const thumbprint of c.allowRemoval ?? [])
    await andWait(page, () => page.check(`#removal-list input[data-thumbprint="${thumbprint}"]`));
}

describe.each(cases.map((c, n) => [c.name, c, n] as const))('the page, for an update that %s', (_name, c, n) => {
  it('shows the outcome the library and the CLI give', async () => {
    const { page, errors, foreignRequests } = await harness.open();
    await enter(page, c);
    // The same verdict on the body as the library and the CLI give (test/doors.test.ts), when its current resource is usable.
    const report = await libraryReport(c);
    if (report !== null) {
      expect(await page.getAttribute('#summary', 'data-verdict')).toBe(report.verdict);
      // And the same forecast: when the first listed CA expires.
      const first = report.firstExpiry ?? null;
      expect(await page.isVisible('#first-expiry')).toBe(first !== null);
      expect(await page.getAttribute('#first-expiry', 'data-not-after')).toBe(first?.notAfter ?? null);
      if (first) expect(await page.textContent('#first-expiry')).toContain(`#${first.index} ${first.subject}`);
    }
    const state = await page.getAttribute('#request', 'data-state');
    const refusals = ((await page.getAttribute('#request', 'data-refusals')) ?? '').split(' ').filter(Boolean);
    expect({ state, refusals }).toEqual({ state: c.expect.state, refusals: c.expect.refusals });
    const expected = await libraryOutcome(c);
    if (state === 'ready') {
      expect(await page.isVisible('#copy')).toBe(true);
      await page.click('#copy');
      await page.waitForFunction(() => (document.getElementById('copy-status')?.textContent ?? '') !== '');
      expect(JSON.parse(await page.evaluate(() => navigator.clipboard.readText()))).toEqual(expected.body);
    } else {
      // Nothing to send: no copy button, whatever the reason.
      expect(await page.isVisible('#copy')).toBe(false);
      expect(await page.isVisible('#copy-curl')).toBe(false);
    }
    if (state === 'refused') {
      expect(await page.textContent('#request-help')).toBe('Refused: nothing may be sent until the reasons below are dealt with.');
      const lines = ((await page.textContent('#request')) ?? '').split('\n');
      expect(lines).toHaveLength(c.expect.refusals.length);
      for (const line of lines) expect(line).toMatch(/^✗ /);
    }
    if (c.expect.refusals.includes('removal')) expect(await page.isVisible('#removals')).toBe(true);
    expect(errors).toEqual([]);
    expect(foreignRequests).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, `door-${String(n).padStart(2, '0')}.png`), fullPage: true });
  });
});

describe('the page, in French', () => {
  it('words every refusal in French', async () => {
    const { page, errors } = await harness.open({ path: '?lang=fr' });
    const c = cases.find((x) => x.expect.refusals.join() === 'removal,findings')!;
    await enter(page, c);
    await andWait(page, () => page.selectOption('#cloud', 'dod'));
    const lines = ((await page.textContent('#request')) ?? '').split('\n');
    expect(lines).toEqual([
      expect.stringMatching(/^✗ La mise à jour retirerait 1 autorité de la liste actuelle : CN=Door Intermediate CA 1,O=Door,C=US/),
      expect.stringMatching(
        /^✗ Microsoft ne documente pas cette API comme disponible dans US Government L5 \(DOD\) : son tableau de disponibilité indique Global service : disponible, /,
      ),
      expect.stringMatching(
        /^✗ La requête, telle qu’elle serait envoyée, a 1 erreur \(flag\.self-signed-not-root \/certificateAuthorities\/0\/isRootAuthority\) : corrigez-la d’abord\.$/,
      ),
    ]);
    expect(await page.textContent('#request-help')).toBe('Refusé : rien ne peut être envoyé tant que les raisons ci-dessous demeurent.');
    expect(errors).toEqual([]);
    await page.screenshot({ path: join(SCREENSHOTS, 'door-french.png'), fullPage: true });
  });
});
