/**
 * validateDevicePath with `strict`: the RFC 5280 §4 profile rules, each with a certificate that trips it and a near
 * miss that does not; which of them the trust anchor is held to (RFC 5280 §6.1.1 (d) takes it as an input); and the
 * validity period's bounds. Independent of the x509-limbo files: every certificate is built here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { validateDevicePath } from '../src/chain/validate-path.js';
import {
  buildCertificate,
  generateKeyPair,
  OID,
  type BuiltCertificate,
  type CertificateSpec,
  type KeyPairHandle,
} from '../src/testing/builder.js';

const notBefore = new Date('2025-01-01T00:00:00Z');
const notAfter = new Date('2035-01-01T00:00:00Z');
const at = new Date('2026-06-01T00:00:00Z');
const crypto = globalThis.crypto;

const AIA = '1.3.6.1.5.5.7.1.1';
/** AuthorityInfoAccessSyntax with one caIssuers URI (http://a.test/ca.cer). */
const aiaValue = (() => {
  const uri = new TextEncoder().encode('http://a.test/ca.cer');
  const method = [0x06, 0x08, 0x2b, 0x06, 0x01, 0x05, 0x05, 0x07, 0x30, 0x02];
  const description = [...method, 0x86, uri.length, ...uri];
  return Uint8Array.of(0x30, description.length + 2, 0x30, description.length, ...description);
})();

let keys: KeyPairHandle[];
let root: BuiltCertificate;
const cert = (spec: Omit<CertificateSpec, 'notBefore' | 'notAfter'> & Partial<CertificateSpec>) =>
  buildCertificate({ notBefore, notAfter, ...spec });
const device = (issuer: BuiltCertificate, extra: Partial<CertificateSpec> = {}) =>
  cert({
    subject: 'CN=device-001',
    key: keys[9]!,
    issuer,
    basicConstraints: { cA: false },
    keyUsage: { bits: ['digitalSignature'] },
    extendedKeyUsage: [OID.ekuClientAuth],
    ...extra,
  });
const strictly = (list: BuiltCertificate[], peer: BuiltCertificate, options: { anchors?: number[]; at?: Date } = {}) =>
  validateDevicePath(
    list.map((c) => c.der),
    peer.der,
    { at, crypto, strict: true, ...options },
  );

beforeAll(async () => {
  keys = await Promise.all(Array.from({ length: 10 }, () => generateKeyPair('P-256')));
  root = await cert({ subject: 'CN=Root', key: keys[0]! });
});

describe('strict profile: the certificates below the trust anchor', () => {
  it('rejects a serial number that is zero, negative or longer than 20 octets, and takes one of 20 octets', async () => {
    const cases: [Uint8Array | number, RegExp | null][] = [
      [0, /has serial number 0, .*RFC 5280 §4\.1\.2\.2/],
      [Uint8Array.of(0xff, 0x01), /has a negative serial number/],
      [Uint8Array.of(0x01, ...new Uint8Array(20)), /has a serial number of 21 octets/],
      [Uint8Array.of(0x7f, ...new Uint8Array(19).fill(0xff)), null],
      [1, null],
    ];
    for (const [serialNumber, trips] of cases) {
      const r = await strictly([root], await device(root, { serialNumber }));
      if (trips) {
        expect(r.ok, String(serialNumber)).toBe(false);
        expect(r.reasons.join('\n')).toMatch(trips);
      } else expect(r, String(serialNumber)).toMatchObject({ ok: true, path: [0] });
      // Without strict, every one of them validates (RFC 5280 §4.1.2.2: users SHOULD handle them gracefully).
      expect((await validateDevicePath([root.der], (await device(root, { serialNumber })).der, { at, crypto })).ok).toBe(true);
    }
  });

  it('rejects an intermediate with serial number 0 too', async () => {
    const inter = await cert({ subject: 'CN=Issuing', key: keys[1]!, issuer: root, serialNumber: 0 });
    const r = await strictly([root, inter], await device(inter));
    expect(r.reasons).toContain(
      '#1 "CN=Issuing" has serial number 0, where a conforming CA assigns a positive integer of at most 20 octets (RFC 5280 §4.1.2.2)',
    );
  });

  it('rejects what the decoder reports: an empty extKeyUsage, an extension value that is not DER, BER lengths', async () => {
    const emptyEku = await device(root, {
      extendedKeyUsage: [],
      extraExtensions: [{ oid: '2.5.29.37', value: Uint8Array.of(0x30, 0x00) }],
    });
    const r = await strictly([root], emptyEku);
    expect(r.reasons).toEqual([
      'the device "CN=device-001" has a value the X.509 definitions do not allow: extKeyUsage (empty-sequence, RFC 5280 §4.2.1.12 (SIZE (1..MAX)))',
    ]);
    const cut = await device(root, { extraExtensions: [{ oid: AIA, value: aiaValue.slice(0, -3) }] });
    expect((await strictly([root], cut)).reasons.join('\n')).toMatch(/authorityInfoAccess \(value-not-ber/);
    // The near misses: a purpose listed, a whole AIA.
    expect((await strictly([root], await device(root))).ok).toBe(true);
    expect((await strictly([root], await device(root, { extraExtensions: [{ oid: AIA, value: aiaValue }] }))).ok).toBe(true);
    // Lenient validation does not look at encodings.
    expect((await validateDevicePath([root.der], emptyEku.der, { at, crypto })).ok).toBe(true);
  });

  it('rejects a device whose DER is BER (a long-form length), which lenient validation reads', async () => {
    const der = (await device(root)).der;
    // The outer SEQUENCE's two-octet length written in three: 30 82 LL LL → 30 83 00 LL LL. The signature still
    // covers the TBS, which is unchanged.
    expect(der[1]).toBe(0x82);
    const ber = Uint8Array.of(0x30, 0x83, 0x00, ...der.slice(2));
    const r = await validateDevicePath([root.der], ber, { at, crypto, strict: true });
    expect(r.ok).toBe(false);
    expect(r.reasons.join('\n')).toMatch(/is not DER: .*\(length-not-minimal, X\.690 §10\.1\)/);
    expect((await validateDevicePath([root.der], ber, { at, crypto })).ok).toBe(true);
  });

  it('needs an AKI key identifier on an intermediate that is not self-signed', async () => {
    const inter = await cert({ subject: 'CN=Issuing', key: keys[1]!, issuer: root, authorityKeyIdentifier: null });
    const r = await strictly([root, inter], await device(inter));
    expect(r.reasons).toContain('#1 "CN=Issuing" is not self-signed and has no authorityKeyIdentifier keyIdentifier (RFC 5280 §4.2.1.1)');
    const withAki = await cert({ subject: 'CN=Issuing', key: keys[1]!, issuer: root });
    expect((await strictly([root, withAki], await device(withAki))).ok).toBe(true);
  });
});

describe('strict profile: criticality that RFC 5280 prescribes', () => {
  it('rejects authorityInfoAccess or subjectInfoAccess marked critical (§4.2.2.1, §4.2.2.2)', async () => {
    const critical = await device(root, { extraExtensions: [{ oid: AIA, critical: true, value: aiaValue }] });
    expect((await strictly([root], critical)).reasons).toEqual([
      'the device "CN=device-001" marks authorityInfoAccess critical (RFC 5280 §4.2.2.1: it MUST NOT be)',
    ]);
    const sia = await device(root, { extraExtensions: [{ oid: '1.3.6.1.5.5.7.1.11', critical: true, value: aiaValue }] });
    expect((await strictly([root], sia)).reasons.join('\n')).toMatch(/marks subjectInfoAccess critical \(RFC 5280 §4\.2\.2\.2/);
    expect((await validateDevicePath([root.der], critical.der, { at, crypto })).ok).toBe(true);
  });

  it('rejects name constraints, policy constraints or inhibitAnyPolicy that are not critical, on the anchor too', async () => {
    // nameConstraints { permittedSubtrees { dNSName "test" } }, policyConstraints { requireExplicitPolicy 0 }, inhibitAnyPolicy 0.
    const nc = Uint8Array.of(0x30, 0x0a, 0xa0, 0x08, 0x30, 0x06, 0x82, 0x04, 0x74, 0x65, 0x73, 0x74);
    const pc = Uint8Array.of(0x30, 0x03, 0x80, 0x01, 0x00);
    const inhibit = Uint8Array.of(0x02, 0x01, 0x00);
    for (const [oid, value, name] of [
      ['2.5.29.30', nc, 'nameConstraints'],
      ['2.5.29.36', pc, 'policyConstraints'],
      ['2.5.29.54', inhibit, 'inhibitAnyPolicy'],
    ] as const) {
      const inter = await cert({ subject: 'CN=Issuing', key: keys[1]!, issuer: root, extraExtensions: [{ oid, value }] });
      const r = await strictly([root, inter], await device(inter));
      expect(r.reasons.join('\n'), name).toMatch(
        new RegExp(`#1 "CN=Issuing" does not mark ${name} critical \\(RFC 5280 §4\\.2\\.1\\.1[014]: it MUST be\\)`),
      );
      const constrainedRoot = await cert({ subject: 'CN=Root', key: keys[0]!, extraExtensions: [{ oid, value }] });
      expect((await strictly([constrainedRoot], await device(constrainedRoot))).reasons.join('\n'), name).toMatch(
        new RegExp(`#0 "CN=Root" does not mark ${name} critical`),
      );
      const criticalInter = await cert({
        subject: 'CN=Issuing',
        key: keys[1]!,
        issuer: root,
        extraExtensions: [{ oid, value, critical: true }],
      });
      const ok = await strictly([root, criticalInter], await device(criticalInter));
      expect(ok.ok, name).toBe(true);
      expect(ok.unchecked.join('\n'), name).toMatch(/#1 "CN=Issuing" carries/);
    }
  });
});

describe('strict profile: the trust anchor is an input (RFC 5280 §6.1.1 (d))', () => {
  it('does not ask an anchor for the AKI that would find its own issuer, whoever signed it', async () => {
    // Signed with its own key under another issuer name (x509-limbo's cve-2024-0567 root), and a cross-certificate
    // (signed by another CA), both without AKI: neither is self-signed in RFC 5280's sense.
    const ownKey = await cert({ subject: 'CN=Root A', key: keys[2]!, issuerName: 'CN=Other Root' });
    const cross = await cert({ subject: 'CN=Root A', key: keys[2]!, issuer: root, authorityKeyIdentifier: null });
    for (const anchor of [ownKey, cross]) {
      const r = await strictly([anchor], await device(anchor), { anchors: [0] });
      expect(r, anchor.issuer).toMatchObject({ ok: true, path: [0] });
      // Neither is a trust anchor unless the caller says so (by default the anchors are the self-signed CAs).
      expect((await strictly([anchor], await device(anchor))).reasons.join('\n'), anchor.issuer).toMatch(/the list has no trust anchor/);
      // The same certificate below another anchor needs its AKI.
      const below = await strictly([root, anchor], await device(anchor), { anchors: [0] });
      if (anchor === cross) expect(below.reasons.join('\n')).toMatch(/#1 "CN=Root A" is not self-signed and has no authorityKeyIdentifier/);
    }
  });

  it('does not hold an anchor to its serial number or encoding, and still to its form as a CA', async () => {
    const zero = await cert({ subject: 'CN=Root', key: keys[0]!, serialNumber: 0 });
    expect(await strictly([zero], await device(zero))).toMatchObject({ ok: true, path: [0] });
    const emptyEku = await cert({
      subject: 'CN=Root',
      key: keys[0]!,
      extraExtensions: [{ oid: '2.5.29.37', value: Uint8Array.of(0x30, 0x00) }],
    });
    expect(await strictly([emptyEku], await device(emptyEku))).toMatchObject({ ok: true, path: [0] });
    const noSki = await cert({ subject: 'CN=Root', key: keys[0]!, subjectKeyIdentifier: null });
    expect((await strictly([noSki], await device(noSki))).reasons).toContain(
      '#0 "CN=Root" is a CA without subjectKeyIdentifier (RFC 5280 §4.2.1.2)',
    );
    const loose = await cert({ subject: 'CN=Root', key: keys[0]!, basicConstraints: { cA: true, critical: false } });
    expect((await strictly([loose], await device(loose))).reasons).toContain(
      '#0 "CN=Root" is a CA whose basicConstraints is not critical (RFC 5280 §4.2.1.9)',
    );
    const criticalAki = await cert({
      subject: 'CN=Root',
      key: keys[0]!,
      authorityKeyIdentifier: { keyIdentifier: 'issuer-ski', critical: true },
    });
    expect((await strictly([criticalAki], await device(criticalAki))).reasons.join('\n')).toMatch(
      /#0 "CN=Root" marks authorityKeyIdentifier critical/,
    );
  });
});

describe('the validity period (RFC 5280 §4.1.2.5: notBefore through notAfter, inclusive)', () => {
  it('holds at both bounds to the millisecond and not a millisecond beyond', async () => {
    const edge = new Date('2026-04-01T00:00:00Z');
    const inter = await cert({ subject: 'CN=Issuing', key: keys[1]!, issuer: root, notBefore: edge, notAfter: edge });
    const leaf = await device(inter, { notBefore: edge, notAfter: edge });
    const run = (when: Date) => validateDevicePath([root.der, inter.der], leaf.der, { at: when, crypto, strict: true });
    expect(await run(edge)).toMatchObject({ ok: true, path: [1, 0] });
    const after = await run(new Date(edge.getTime() + 5));
    expect(after.reasons).toEqual(['the device "CN=device-001" expired on 2026-04-01T00:00:00Z']);
    const before = await run(new Date(edge.getTime() - 1));
    expect(before.reasons).toEqual(['the device "CN=device-001" is not valid before 2026-04-01T00:00:00Z']);
  });
});
