/**
 * The CRL reader (src/certificate/crl.ts) and the CRL builder against independent readers: `openssl crl` and pkijs's
 * CertificateRevocationList; every way the bytes can fail to be a DER CRL, each with the kind reported; and the
 * revocation lookup as a property over random revoked lists.
 */
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { buildHierarchy, generateKeyPair, type BuiltCertificate } from '../src/testing/builder.js';
import { buildCrl, CRL_OID, sequentialRevocations, type CrlReason } from '../src/testing/crl-builder.js';
import { CrlParseError, findRevocations, parseCrl, readCrl, serialKey, serialKeyOfHex } from '../src/certificate/crl.js';
import { parseCertificate } from '../src/certificate/parse.js';
import { verifySignature } from '../src/certificate/verify.js';

const NOW = new Date('2026-06-01T00:00:00Z');
const DAY = 86_400_000;
const hex = (n: bigint): string => {
  const h = n.toString(16).toUpperCase();
  return h.length % 2 ? `0${h}` : h;
};

let root: BuiltCertificate;
let other: BuiltCertificate;
beforeAll(async () => {
  root = (await buildHierarchy({ depth: 1, namePrefix: 'CRL Test' }))[0]!;
  other = (await buildHierarchy({ depth: 1, namePrefix: 'Other' }))[0]!;
});

function opensslCrlText(der: Uint8Array): string {
  return execFileSync('openssl', ['crl', '-inform', 'DER', '-noout', '-text'], { input: der, encoding: 'utf8' });
}

function kindOf(bytes: Uint8Array): string {
  try {
    readCrl(bytes);
    return 'ok';
  } catch (e) {
    expect(e).toBeInstanceOf(CrlParseError);
    return (e as CrlParseError).kind;
  }
}

describe('parseCrl against openssl and pkijs', () => {
  it('reads every field of a v2 CRL as openssl and pkijs do', async () => {
    const crl = await buildCrl({
      issuer: root,
      thisUpdate: NOW,
      nextUpdate: new Date(NOW.getTime() + 7 * DAY),
      crlNumber: 4242,
      freshestCrl: ['http://crl.example.com/delta.crl'],
      revoked: [
        { serial: 5, reason: 'keyCompromise' },
        { serial: 0x80 },
        { serial: 123456789n, date: new Date(NOW.getTime() - DAY), reason: 'certificateHold' },
      ],
    });
    const p = parseCrl(crl.der);
    expect(p.version).toBe(2);
    expect(p.issuer.rfc4514).toBe('CN=CRL Test Root CA,O=CRL Test,C=US');
    expect(p.thisUpdate.toISOString()).toBe(NOW.toISOString());
    expect(p.nextUpdate?.toISOString()).toBe(new Date(NOW.getTime() + 7 * DAY).toISOString());
    expect(p.crlNumber).toBe(4242n);
    expect(p.deltaBaseCrlNumber).toBeNull();
    expect(p.revokedCount).toBe(3);
    expect(p.freshestCrl).toEqual(['http://crl.example.com/delta.crl']);
    expect(p.aki?.keyIdentifier).toBe(Buffer.from(root.ski!).toString('hex').toUpperCase());

    const text = opensslCrlText(crl.der);
    expect(text).toContain('Issuer: C = US, O = CRL Test, CN = CRL Test Root CA');
    expect(text).toMatch(/X509v3 CRL Number: \n\s+4242/);
    expect(text).toContain('X509v3 Freshest CRL');
    for (const s of ['05', '80', '075BCD15']) expect(text).toContain(`Serial Number: ${s}`);

    const pk = pkijs.CertificateRevocationList.fromBER(crl.der);
    expect(pk.revokedCertificates?.length).toBe(3);
    expect(
      pk.revokedCertificates!.map((r) => Buffer.from(r.userCertificate.valueBlock.valueHexView).toString('hex').toUpperCase()),
    ).toEqual(['05', '0080', '075BCD15']);
    const found = findRevocations(p, ['05', '80', '075BCD15', '06']);
    expect([...found.keys()].sort()).toEqual(['05', '075BCD15', '80']);
    expect(found.get('05')!.reason).toBe('keyCompromise');
    expect(found.get('075BCD15')!.reason).toBe('certificateHold');
    expect(found.get('075BCD15')!.date.toISOString()).toBe(new Date(NOW.getTime() - DAY).toISOString());
    expect(found.get('80')!.reason).toBeNull();
  });

  it('verifies the signature as openssl crl -verify and pkijs do, and refuses another signer as both do', async () => {
    const good = await buildCrl({ issuer: root, thisUpdate: NOW, nextUpdate: new Date(NOW.getTime() + DAY) });
    const forged = await buildCrl({ issuer: root, signWith: other.key, thisUpdate: NOW, nextUpdate: new Date(NOW.getTime() + DAY) });
    const rootCert = parseCertificate(root.der);
    const pkRoot = pkijs.Certificate.fromBER(root.der);
    for (const [crl, expected] of [
      [good, true],
      [forged, false],
    ] as const) {
      expect((await verifySignature(parseCrl(crl.der), rootCert.publicKey, crypto)).status).toBe(expected ? 'valid' : 'invalid');
      expect(await pkijs.CertificateRevocationList.fromBER(crl.der).verify({ issuerCertificate: pkRoot })).toBe(expected);
      const dir = mkdtempSync(join(tmpdir(), 'crl-verify-'));
      writeFileSync(join(dir, 'ca.pem'), root.pem);
      const r = spawnSync('openssl', ['crl', '-inform', 'DER', '-noout', '-verify', '-CAfile', join(dir, 'ca.pem')], {
        input: crl.der,
        encoding: 'utf8',
      });
      rmSync(dir, { recursive: true });
      expect(/verify OK/.test(r.stderr + r.stdout), r.stderr).toBe(expected);
    }
  });

  it('reads v1 CRLs, delta CRLs, CRLs without nextUpdate or entries, and Windows CA extensions', async () => {
    const v1 = parseCrl((await buildCrl({ issuer: root, version: 1, thisUpdate: NOW, nextUpdate: null, revoked: [{ serial: 1 }] })).der);
    expect([v1.version, v1.nextUpdate, v1.crlNumber, v1.aki, v1.revokedCount]).toEqual([1, null, null, null, 1]);
    const delta = parseCrl((await buildCrl({ issuer: root, thisUpdate: NOW, nextUpdate: null, crlNumber: 9, deltaOf: 8 })).der);
    expect([delta.deltaBaseCrlNumber, delta.crlNumber, delta.revokedRange, delta.revokedCount]).toEqual([8n, 9n, null, 0]);
    expect(delta.unknownCriticalExtensions).toEqual([]); // deltaCRLIndicator is critical and processed
    // Microsoft CA Version and Next CRL Publish (a UTCTime), as AD CS writes them.
    const publish = new Date(NOW.getTime() + 3 * DAY);
    const yy = publish.toISOString().replace(/[-:T]/g, '').slice(2, 14);
    const win = parseCrl(
      (
        await buildCrl({
          issuer: root,
          thisUpdate: NOW,
          nextUpdate: new Date(NOW.getTime() + 7 * DAY),
          extraExtensions: [
            { oid: '1.3.6.1.4.1.311.21.1', value: Uint8Array.of(0x02, 0x01, 0x00) },
            { oid: '1.3.6.1.4.1.311.21.4', value: Uint8Array.from([0x17, 13, ...Buffer.from(`${yy}Z`)]) },
          ],
        })
      ).der,
    );
    expect(win.nextPublish?.toISOString()).toBe(publish.toISOString());
    expect(win.unknownCriticalExtensions).toEqual([]);
  });

  it('names critical extensions and entry extensions it does not process (RFC 5280 §5.2, §5.3)', async () => {
    const crl = await buildCrl({
      issuer: root,
      thisUpdate: NOW,
      nextUpdate: null,
      extraExtensions: [{ oid: '1.2.3.4.5', critical: true, value: Uint8Array.of(0x05, 0x00) }],
    });
    expect(parseCrl(crl.der).unknownCriticalExtensions).toEqual(['1.2.3.4.5']);
    const nonCritical = await buildCrl({
      issuer: root,
      thisUpdate: NOW,
      nextUpdate: null,
      extraExtensions: [{ oid: '1.2.3.4.5', value: Uint8Array.of(0x05, 0x00) }],
    });
    expect(parseCrl(nonCritical.der).unknownCriticalExtensions).toEqual([]);
  });

  it('reads PEM, reporting that it was PEM', async () => {
    const crl = await buildCrl({ issuer: root, thisUpdate: NOW, nextUpdate: null, revoked: [{ serial: 7 }] });
    const read = readCrl(new TextEncoder().encode(`\uFEFF${crl.pem}`));
    expect(read.pem).toBe(true);
    expect(read.crl.revokedCount).toBe(1);
    expect(readCrl(crl.der).pem).toBe(false);
  });
});

describe('bytes that are not a DER CRL', () => {
  let der: Uint8Array;
  beforeAll(async () => {
    der = (await buildCrl({ issuer: root, thisUpdate: NOW, nextUpdate: new Date(NOW.getTime() + DAY), revoked: [{ serial: 5 }] })).der;
  });

  it('names the kind of each problem, as openssl sees a problem too', () => {
    const cases: [string, Uint8Array, string][] = [
      ['empty', new Uint8Array(0), 'malformed'],
      ['text', new TextEncoder().encode('<html>403 Forbidden</html>'), 'malformed'],
      ['cut short', der.subarray(0, der.length - 10), 'malformed'],
      ['trailing byte', Uint8Array.from([...der, 0]), 'malformed'],
      ['indefinite length', Uint8Array.from([0x30, 0x80, ...der.subarray(2), 0, 0]), 'ber'],
      ['a certificate', root.der, 'not-crl'],
      ['a PEM certificate', new TextEncoder().encode(root.pem), 'not-crl'],
      ['PEM with no readable block', new TextEncoder().encode('-----BEGIN X509 CRL-----\n!!!\n-----END X509 CRL-----\n'), 'malformed'],
    ];
    for (const [name, bytes, kind] of cases) {
      expect(kindOf(bytes), name).toBe(kind);
      let opensslFails = false;
      try {
        execFileSync('openssl', ['crl', '-inform', 'DER', '-noout'], { input: bytes, stdio: ['pipe', 'pipe', 'pipe'] });
      } catch {
        opensslFails = true;
      }
      // openssl's reader is lenient where DER (and Entra) are not: BER lengths, and bytes after the CRL.
      if (kind !== 'ber' && name !== 'trailing byte') expect(opensslFails, name).toBe(true);
    }
    expect(() => readCrl(root.der)).toThrow(/X\.509 certificate \(CN=CRL Test Root CA/);
  });

  it('refuses entries that break DER or RFC 5280 inside the revoked list', () => {
    const p = parseCrl(der);
    const at = p.revokedRange!.start; // the first entry: 30 len 02 01 05 17 0d …
    const mutate = (f: (b: Uint8Array) => void) => {
      const b = der.slice();
      f(b);
      return b;
    };
    expect(kindOf(mutate((b) => (b[at] = 0x31))), 'entry not a SEQUENCE').toBe('not-crl');
    expect(kindOf(mutate((b) => (b[at + 2] = 0x04))), 'serial not an INTEGER').toBe('not-crl');
    expect(kindOf(mutate((b) => (b[at + 7] = 0x41))), 'a letter in the revocation date').toBe('not-crl');
    expect(
      kindOf(
        mutate((b) => {
          b[at + 9] = 0x31;
          b[at + 10] = 0x39;
        }),
      ),
      'month 19',
    ).toBe('not-crl');
  });

  it('never throws anything but CrlParseError on random or mutated bytes', () => {
    fc.assert(
      fc.property(fc.uint8Array({ maxLength: 300 }), fc.nat(), fc.nat(255), (junk, pos, byte) => {
        for (const bytes of [
          junk,
          (() => {
            const b = der.slice();
            b[pos % b.length] = byte;
            return b;
          })(),
        ]) {
          try {
            readCrl(bytes);
          } catch (e) {
            expect(e).toBeInstanceOf(CrlParseError);
          }
        }
      }),
      { numRuns: 2000 },
    );
  });
});

describe('findRevocations', () => {
  it('finds exactly the asked serials that the list holds (property, against a Set)', async () => {
    const key = await generateKeyPair('P-256');
    const issuer = { subject: 'CN=Property CA', key };
    await fc.assert(
      fc.asyncProperty(
        fc.uniqueArray(fc.bigInt({ min: 0n, max: (1n << 159n) - 1n }), { maxLength: 40 }),
        fc.array(fc.bigInt({ min: 0n, max: (1n << 159n) - 1n }), { maxLength: 10 }),
        fc.constantFrom<CrlReason | undefined>(undefined, 'keyCompromise', 'removeFromCRL'),
        async (serials, extra, reason) => {
          const crl = await buildCrl({
            issuer,
            thisUpdate: NOW,
            nextUpdate: null,
            revoked: serials.map((s) => ({ serial: s, ...(reason ? { reason } : {}) })),
          });
          const parsed = parseCrl(crl.der);
          expect(parsed.revokedCount).toBe(serials.length);
          const asked = [...serials.slice(0, 5), ...extra].map((s) => serialKeyOfHex(hex(s)));
          const found = findRevocations(parsed, asked);
          const expected = new Set(serials.slice(0, 5).map((s) => serialKeyOfHex(hex(s))));
          for (const s of extra) if (serials.includes(s)) expected.add(serialKeyOfHex(hex(s)));
          expect(new Set(found.keys())).toEqual(expected);
          for (const r of found.values()) expect(r.reason).toBe(reason ?? null);
        },
      ),
      { numRuns: 60 },
    );
  });

  it('compares serials as integers: a certificate serial with its sign octet matches the entry', () => {
    expect(serialKey(Uint8Array.of(0x00, 0x80))).toBe('80');
    expect(serialKeyOfHex('0080')).toBe('80');
    expect(serialKeyOfHex('5')).toBe('05');
    expect(serialKey(Uint8Array.of(0x00))).toBe('00');
  });
});

describe('big CRLs', () => {
  it('reads a 20,000-entry CRL that pkijs with asn1js defaults refuses (10,000-node limit)', async () => {
    const crl = await buildCrl({
      issuer: root,
      thisUpdate: NOW,
      nextUpdate: null,
      revoked: sequentialRevocations(20_000, NOW, 1n, 'superseded'),
    });
    const parsed = parseCrl(crl.der);
    expect(parsed.revokedCount).toBe(20_000);
    expect(() => pkijs.CertificateRevocationList.fromBER(crl.der)).toThrow();
    const raised = asn1js.fromBER(crl.der, { maxNodes: 1_000_000 });
    const pk = new pkijs.CertificateRevocationList({ schema: raised.result });
    expect(pk.revokedCertificates?.length).toBe(20_000);
    const last = pk.revokedCertificates![19_999]!;
    const serial = Buffer.from(last.userCertificate.valueBlock.valueHexView).toString('hex').toUpperCase();
    expect(findRevocations(parsed, [serial]).get(serial)?.reason).toBe('superseded');
    expect(CRL_OID.reasonCode).toBe('2.5.29.21');
  });
});
