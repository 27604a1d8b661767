/**
 * One certificate reader: check, diff, patch (a desired body or operations), the simulator and inspect all read certificates
 * through the shared, cached reader, so the patch flow parses each distinct certificate once — counted here on
 * `parseCertificate` itself.
 */
import { afterEach, beforeAll, describe, expect, it, vi } from 'vitest';
import * as parse from '../src/certificate/parse.js';
import { clearCertificateCache } from '../src/certificate/cache.js';
import { readCertificateValue } from '../src/certificate/reader.js';
import { buildPatchRequest, diffConfigurations, inspectCertificates, preflight, simulatePatch } from '../src/index.js';
import { buildHierarchy, type BuiltCertificate } from '../src/testing/builder.js';

vi.mock('../src/certificate/parse.js', async (importOriginal) => {
  const real = await importOriginal<typeof parse>();
  return { ...real, parseCertificate: vi.fn(real.parseCertificate) };
});

const parses = () => vi.mocked(parse.parseCertificate).mock.calls.length;
const AT = '2026-06-01T00:00:00Z';
let cas: BuiltCertificate[];
let extra: BuiltCertificate;
const entry = (c: BuiltCertificate, i: number) => ({ certificate: c.base64, isRootAuthority: i === 0 });

beforeAll(async () => {
  const valid = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2040-01-01T00:00:00Z') };
  cas = await buildHierarchy({ depth: 12, namePrefix: 'Once', ...valid });
  extra = (await buildHierarchy({ depth: 1, namePrefix: 'Once Extra', ...valid }))[0]!;
});

afterEach(() => {
  clearCertificateCache();
  vi.mocked(parse.parseCertificate).mockClear();
});

describe('one reader, one parse per certificate', () => {
  it('a patch from a desired body: each of the 13 certificates once, then the simulator and a re-check parse nothing', async () => {
    const current = { id: 'x', displayName: 'Once', certificateAuthorities: cas.map(entry) };
    const desired = JSON.stringify({ certificateAuthorities: [...cas.map(entry), { certificate: extra.base64, isRootAuthority: true }] });
    const result = await buildPatchRequest(current, desired, { at: AT });
    expect(result.ok && result.request).toBeTruthy();
    expect(parses()).toBe(cas.length + 1);
    if (!result.ok || !result.request) return;
    expect((await simulatePatch(current, result.request, { at: AT })).status).toBe(200);
    await preflight(desired, { at: AT, current });
    await diffConfigurations(current, desired);
    expect(parses()).toBe(cas.length + 1);
  });

  it('a patch from operations (add a PEM chain): each certificate once', async () => {
    const current = { id: 'x', certificateAuthorities: cas.slice(0, 6).map(entry) };
    const chain = cas
      .slice(6)
      .map((c) => c.pem)
      .join('');
    const result = await buildPatchRequest(current, [{ op: 'add', certificate: chain }], { at: AT });
    expect(result.ok && result.request?.body.certificateAuthorities).toHaveLength(cas.length);
    expect(parses()).toBe(cas.length);
  });

  it('inspect and the page read through the same cache', async () => {
    await inspectCertificates(cas.map((c) => c.pem).join(''));
    await preflight({ certificateAuthorities: cas.map(entry) }, { at: AT });
    expect(parses()).toBe(cas.length);
  });

  it('reads strictly or leniently, refusing text too long before decoding it', async () => {
    const c = cas[0]!;
    expect((await readCertificateValue(c.base64, globalThis.crypto)).state).toEqual({ kind: 'ok', alphabet: 'base64' });
    expect((await readCertificateValue(c.pem, globalThis.crypto)).state).toEqual({ kind: 'pem' });
    expect((await readCertificateValue(c.pem, globalThis.crypto, 'lenient')).state).toEqual({ kind: 'ok', alphabet: 'lenient' });
    expect((await readCertificateValue('Binary', globalThis.crypto, 'lenient')).record).toBeNull();
    const long = await readCertificateValue('A'.repeat(100_000), globalThis.crypto);
    expect(long.state).toMatchObject({
      kind: 'not-x509',
      reason: expect.stringMatching(/^the text is 100000 characters long, more than the \d+ accepted/),
    });
    expect((await readCertificateValue(undefined, globalThis.crypto, 'strict', false)).state).toEqual({ kind: 'absent' });
    expect((await readCertificateValue(7, globalThis.crypto)).state).toEqual({ kind: 'wrong-type', type: 'number' });
    expect(parses()).toBe(2); // the certificate, and "Binary" read as base64 (4 bytes that are no certificate)
  });
});
