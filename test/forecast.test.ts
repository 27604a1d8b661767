/**
 * The expiry forecast every report carries (Report.firstExpiry): the listed CA, readable and not yet expired at the check
 * time, whose notAfter comes first — from then until it is removed or replaced, uploads of new CAs fail (Entra). Held
 * to @peculiar/x509's reading of the same certificates, to certificate.expires-soon on the forecast vectors, and shown
 * by check in both languages.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { mkdtempSync, readdirSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as fc from 'fast-check';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createArbitraries, type CaPreflightArbitraries } from '../src/testing/arbitraries.js';
import { preflight } from '../src/preflight.js';
import { runCli } from './helpers/cli.js';

const DAY = 86_400_000;
let arbs: CaPreflightArbitraries;
let dir: string;
beforeAll(async () => {
  arbs = await createArbitraries({ seed: 31, keySpecs: ['P-256'] });
  dir = mkdtempSync(join(tmpdir(), 'ca-preflight-forecast-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

/** The forecast as @peculiar/x509 reads the listed certificates: the earliest notAfter not before `at`, first on a tie. */
function oracle(body: Record<string, unknown>, at: Date) {
  let best: { index: number; notAfter: Date; subject: x509.JsonName } | null = null;
  (body.certificateAuthorities as { certificate: string }[]).forEach((e, index) => {
    const cert = new x509.X509Certificate(new Uint8Array(Buffer.from(e.certificate, 'base64')));
    if (cert.notAfter.getTime() < at.getTime()) return;
    if (!best || cert.notAfter.getTime() < best.notAfter.getTime())
      best = { index, notAfter: cert.notAfter, subject: cert.subjectName.toJSON() };
  });
  return best as { index: number; notAfter: Date; subject: x509.JsonName } | null;
}

describe('firstExpiry', () => {
  it('names the listed CA that expires first, for any valid body (oracle: @peculiar/x509)', async () => {
    await fc.assert(
      fc.asyncProperty(arbs.validBody, async (body) => {
        const report = await preflight(body, { at: arbs.at });
        const want = oracle(body, arbs.at)!;
        expect(report.firstExpiry).toEqual({
          index: want.index,
          path: `/certificateAuthorities/${want.index}/certificate`,
          subject: expect.any(String),
          notAfter: want.notAfter.toISOString(),
          days: Math.floor((want.notAfter.getTime() - arbs.at.getTime()) / DAY),
          withinHorizon: false,
        });
        // The same name, RDN by RDN (RFC 4514 writes the most specific RDN first; @peculiar/x509 reads a string in
        // the certificate's order).
        expect(new x509.Name(report.firstExpiry!.subject).toJSON().reverse()).toEqual(want.subject);
      }),
      { numRuns: 40 },
    );
  });

  it('passes over a CA that has already expired (that one is certificate.expired)', async () => {
    await fc.assert(
      fc.asyncProperty(arbs.mutation('certificate-expired'), async (m) => {
        const body = m.body as Record<string, unknown>;
        const report = await preflight(body, { at: arbs.at });
        expect(report.firstExpiry?.path).not.toBe(m.expected.path);
        expect(report.firstExpiry?.index ?? null).toBe(oracle(body, arbs.at)?.index ?? null);
      }),
      { numRuns: 25 },
    );
  });

  const forecast = new URL('../vectors/forecast/', import.meta.url);
  const vectors = readdirSync(forecast)
    .filter((f) => f.endsWith('.json'))
    .map((f) => [f, JSON.parse(readFileSync(new URL(f, forecast), 'utf8'))] as const);

  it.each(vectors)('%s: within the horizon exactly when certificate.expires-soon warns about that CA', async (_f, v) => {
    const at = new Date(v.at);
    const report = await preflight(v.body, { at, ...(v.warnExpiryDays !== undefined ? { warnExpiryDays: v.warnExpiryDays } : {}) });
    const first = report.firstExpiry!;
    expect(first.index).toBe(oracle(v.body, at)!.index);
    const warned = report.findings.some((f) => f.rule === 'certificate.expires-soon' && f.path === first.path);
    expect(first.withinHorizon).toBe(warned);
    expect(first.days).toBe(Math.floor((Date.parse(first.notAfter) - at.getTime()) / DAY));
  });

  it('is null when no listed CA is readable, and when the body is not JSON', async () => {
    expect((await preflight({ certificateAuthorities: [] })).firstExpiry).toBeNull();
    expect((await preflight({ certificateAuthorities: [{ certificate: 'Binary', isRootAuthority: true }] })).firstExpiry).toBeNull();
    expect((await preflight('{ not json')).firstExpiry).toBeNull();
  });

  it('check says it above the summary, in English and in French, and gives it in JSON and SARIF', async () => {
    const [, v] = vectors.find(([f]) => f === 'expires-soon.json')!;
    const file = join(dir, 'body.json');
    writeFileSync(file, JSON.stringify(v.body));
    const en = await runCli(['check', file, '--at', v.at]);
    const lines = en.stdout.trimEnd().split('\n');
    expect(lines.at(-2)).toMatch(
      /^First CA to expire: CA #0 CN=Expiring Root CA,.*, on 2026-06-11T00:00:00\.000Z \(in 10 days\); from then until it is removed or replaced, uploads of new CAs fail\.$/,
    );
    const fr = await runCli(['check', file, '--at', v.at, '--lang', 'fr']);
    expect(fr.stdout).toContain('Première autorité à expirer : AC #0 CN=Expiring Root CA,');
    expect(fr.stdout).toContain('(dans 10 jours)');
    const json = JSON.parse((await runCli(['check', file, '--at', v.at, '--format', 'json'])).stdout);
    expect(json.firstExpiry).toMatchObject({ index: 0, notAfter: '2026-06-11T00:00:00.000Z', days: 10, withinHorizon: true });
    // SARIF carries it in the run's properties, beside the predicted Graph error.
    const sarif = JSON.parse((await runCli(['check', file, '--at', v.at, '--format', 'sarif'])).stdout);
    expect(sarif.runs[0].properties.firstExpiry).toEqual(json.firstExpiry);
  });
});
