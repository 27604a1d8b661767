/**
 * The strict-DER walker (src/certificate/der.ts) stands in for asn1js and the X.690 checks of der-strict.ts on the hot
 * path, so it must never decide differently. The law: whenever `decodeStrictDer` returns a tree, the slow path
 * (asn1js, then every check) decodes the same bytes without error into the same tree — tags, byte ranges, contents —
 * and has nothing to report. Checked on real certificates, on random TLV trees written in DER and in BER variants,
 * and on corrupted certificates. A second check runs parseCertificate with the walker switched off and compares whole
 * parsed certificates, or the same refusal.
 */
import * as fc from 'fast-check';
import { existsSync, readdirSync, readFileSync } from 'node:fs';
import { X509Certificate } from 'node:crypto';
import { join } from 'node:path';
import { afterAll, describe, expect, it, vi } from 'vitest';
import { decodeStrictDer, type DerNode } from '../src/certificate/der.js';
import { decodeSlow, type IssueSink } from '../src/certificate/der-strict.js';
import { buildCertificate, generateKeyPair, p1363ToDer } from '../src/testing/builder.js';

const hex = (b: Uint8Array | undefined) => Buffer.from(b ?? new Uint8Array(0)).toString('hex');

/** The first disagreement between two trees, or null. */
function disagreement(w: DerNode, a: DerNode, where = '$'): string | null {
  if (a.tagClass !== w.tagClass || a.tagNumber !== w.tagNumber || a.isConstructed !== w.isConstructed) return `${where}: tag`;
  if (a.offset !== w.offset || hex(a.encoded) !== hex(w.encoded)) return `${where}: encoding`;
  if (hex(a.content) !== hex(w.content)) return `${where}: content`;
  if (!!a.children !== !!w.children || (a.children && a.children.length !== w.children!.length)) return `${where}: children`;
  for (let i = 0; i < (w.children?.length ?? 0); i++) {
    const d = disagreement(w.children![i]!, a.children![i]!, `${where}/${i}`);
    if (d) return d;
  }
  return null;
}

let fastCount = 0;
let total = 0;
/** Checks the law on one input; returns whether the walker took it. */
function checkLaw(bytes: Uint8Array): boolean {
  total++;
  const w = decodeStrictDer(bytes);
  if (!w) return false;
  fastCount++;
  const sink: IssueSink = { issues: [] };
  let slow: DerNode;
  try {
    slow = decodeSlow(bytes, () => 'value', sink);
  } catch (e) {
    throw new Error(`the slow path refuses bytes the walker took: ${(e as Error).message} (${hex(bytes).slice(0, 120)})`);
  }
  expect(sink.issues, hex(bytes).slice(0, 120)).toEqual([]);
  expect(disagreement(w, slow)).toBeNull();
  return true;
}

function realCertificates(): Uint8Array[] {
  const dir = '/usr/share/ca-certificates/mozilla';
  if (existsSync(dir)) {
    return readdirSync(dir)
      .filter((f) => f.endsWith('.crt'))
      .sort()
      .map((f) => new Uint8Array(new X509Certificate(readFileSync(join(dir, f))).raw));
  }
  // Without the ca-certificates package: the real roots committed under vectors/.
  const out: Uint8Array[] = [];
  for (const f of readdirSync('vectors/real-roots')) {
    const v = JSON.parse(readFileSync(join('vectors/real-roots', f), 'utf8')) as {
      body?: { certificateAuthorities?: { certificate?: string }[] };
    };
    for (const e of v.body?.certificateAuthorities ?? [])
      if (typeof e.certificate === 'string') out.push(new Uint8Array(Buffer.from(e.certificate, 'base64')));
  }
  return out;
}

// ---- random TLV trees ------------------------------------------------------------------------------------------

interface Tlv {
  tag: number;
  content?: Uint8Array;
  children?: Tlv[];
}

function encodeLength(n: number, longForm: boolean): number[] {
  if (n < 0x80 && !longForm) return [n];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 255);
  if (bytes.length === 0) bytes.push(0);
  return [0x80 | bytes.length, ...bytes];
}

function encode(t: Tlv, longForms: boolean): Uint8Array {
  const body = t.children ? Buffer.concat(t.children.map((c) => encode(c, longForms))) : Buffer.from(t.content ?? []);
  return new Uint8Array(Buffer.concat([Buffer.from([t.tag, ...encodeLength(body.length, longForms && body.length % 3 === 0)]), body]));
}

const ascii = (s: string) => new Uint8Array(Buffer.from(s, 'latin1'));
const digitString = (n: number) => fc.array(fc.integer({ min: 0, max: 9 }), { minLength: n, maxLength: n }).map((d) => d.join(''));

const primitiveArb: fc.Arbitrary<Tlv> = fc.oneof(
  fc.record({ tag: fc.constant(0x01), content: fc.uint8Array({ minLength: 0, maxLength: 2 }) }),
  fc.record({ tag: fc.constant(0x02), content: fc.uint8Array({ minLength: 0, maxLength: 6 }) }),
  fc.record({ tag: fc.constant(0x03), content: fc.uint8Array({ minLength: 0, maxLength: 12 }) }),
  fc.record({ tag: fc.constant(0x04), content: fc.uint8Array({ maxLength: 12 }) }),
  fc.record({ tag: fc.constant(0x05), content: fc.uint8Array({ maxLength: 1 }) }),
  fc.record({ tag: fc.constant(0x06), content: fc.uint8Array({ minLength: 0, maxLength: 12 }) }),
  fc.record({
    tag: fc.constant(0x06),
    content: fc.array(fc.integer({ min: 0, max: 2 ** 40 }), { minLength: 1, maxLength: 6 }).map(oidContent),
  }),
  fc.record({ tag: fc.constantFrom(0x0c, 0x12, 0x13, 0x14, 0x16, 0x1a, 0x1b, 0x1c, 0x1e), content: fc.uint8Array({ maxLength: 10 }) }),
  fc.record({
    tag: fc.constant(0x0c),
    content: fc.string({ unit: 'binary', maxLength: 6 }).map((s) => new Uint8Array(Buffer.from(s, 'utf8'))),
  }),
  fc.record({ tag: fc.constant(0x17), content: digitString(12).map((d) => ascii(`${d}Z`)) }),
  fc.record({ tag: fc.constant(0x18), content: digitString(14).map((d) => ascii(`${d}Z`)) }),
  fc.record({ tag: fc.constantFrom(0x17, 0x18), content: fc.uint8Array({ maxLength: 16 }) }),
  fc.record({ tag: fc.constantFrom(0x80, 0x81, 0x86, 0x0a, 0x00, 0x25, 0x1f), content: fc.uint8Array({ maxLength: 6 }) }),
);

function oidContent(arcs: number[]): Uint8Array {
  const out: number[] = [];
  arcs.forEach((a) => {
    const groups: number[] = [];
    for (let v = a; ; v = Math.floor(v / 128)) {
      groups.unshift(v % 128);
      if (v < 128) break;
    }
    groups.forEach((g, i) => {
      out.push(i < groups.length - 1 ? g | 0x80 : g);
    });
  });
  return new Uint8Array(out);
}

const { tree } = fc.letrec<{ tree: Tlv }>((tie) => ({
  tree: fc.oneof(
    { depthSize: 'small', withCrossShrink: true },
    primitiveArb,
    fc.record({ tag: fc.constantFrom(0x30, 0x31, 0xa0, 0xa3, 0x24, 0x2c), children: fc.array(tie('tree'), { maxLength: 4 }) }),
  ),
}));

describe('the strict-DER walker agrees with asn1js', () => {
  afterAll(() => {
    // The law is only meaningful if the walker actually takes a good share of the inputs.
    expect(fastCount).toBeGreaterThan(total / 4);
  });

  it('on real certificates, every one of which takes the fast path', () => {
    const certs = realCertificates();
    expect(certs.length).toBeGreaterThan(2);
    for (const der of certs) expect(checkLaw(der)).toBe(true);
  });

  it('on random TLV trees, in DER and with BER long-form lengths', () => {
    fc.assert(
      fc.property(tree, fc.boolean(), (t, longForms) => {
        checkLaw(encode(t, longForms));
      }),
      { numRuns: 3000 },
    );
  });

  it('on corrupted certificates', () => {
    const certs = realCertificates().slice(0, 40);
    fc.assert(
      fc.property(fc.nat(certs.length - 1), fc.nat(), fc.nat(255), (i, at, byte) => {
        const der = certs[i]!.slice();
        der[at % der.length] = byte;
        checkLaw(der);
        checkLaw(der.subarray(0, at % der.length));
      }),
      { numRuns: 1500 },
    );
  });
});

describe('parseCertificate with and without the walker', () => {
  it('gives the same parsed certificate', async () => {
    const fast = await import('../src/certificate/parse.js');
    vi.resetModules();
    vi.doMock('../src/certificate/der.js', async (original) => ({
      ...(await original<typeof import('../src/certificate/der.js')>()),
      decodeStrictDer: () => null,
    }));
    const slow = await import('../src/certificate/parse.js');
    vi.doUnmock('../src/certificate/der.js');
    expect(slow.parseCertificate).not.toBe(fast.parseCertificate);

    const ec = await generateKeyPair('P-256');
    const rsa = await generateKeyPair('RSA-2048');
    const built = await Promise.all([
      buildCertificate({
        subject: 'CN=Über Root CA, O=東京テスト株式会社, C=DE',
        key: ec,
        crlDistributionPoints: ['http://crl.example/a.crl'],
        extendedKeyUsage: ['1.3.6.1.5.5.7.3.2'],
      }),
      buildCertificate({
        subject: 'CN=RSA CA, serialNumber=1234, emailAddress=ca@example.org',
        key: rsa,
        basicConstraints: { cA: true, pathLenConstraint: 3 },
      }),
      buildCertificate({
        subject: 'CN=Long ago',
        key: ec,
        notBefore: new Date('1960-01-01T00:00:00Z'),
        notAfter: new Date('2060-01-01T00:00:00Z'),
      }),
    ]);
    const inputs = [...realCertificates(), ...built.map((b) => b.der)];
    const view = (p: ReturnType<typeof fast.parseCertificate>) =>
      JSON.parse(
        JSON.stringify(p, (k, v: unknown) =>
          k === 'paramsNode' ? undefined : v instanceof Uint8Array ? hex(v) : typeof v === 'bigint' ? `${v}n` : v,
        ),
      );
    for (const der of inputs) {
      const a = fast.parseCertificate(der);
      const b = slow.parseCertificate(der);
      expect(view(a)).toEqual(view(b));
      expect(hex(a.signatureAlgorithm.paramsNode?.encoded)).toBe(hex(b.signatureAlgorithm.paramsNode?.encoded));
    }
    // Corrupted inputs: the same certificate or the same refusal.
    const outcome = (p: typeof fast, der: Uint8Array) => {
      try {
        return view(p.parseCertificate(der));
      } catch (e) {
        return { error: (e as Error).message };
      }
    };
    fc.assert(
      fc.property(fc.nat(inputs.length - 1), fc.nat(), fc.nat(255), (i, at, byte) => {
        const der = inputs[i]!.slice();
        der[at % der.length] = byte;
        expect(outcome(fast, der)).toEqual(outcome(slow, der));
      }),
      { numRuns: 800 },
    );
  });
});

describe('ECDSA signature values', () => {
  it('convert to r||s exactly when they are the DER of two positive INTEGERs that fit (what OpenSSL accepts)', async () => {
    const { ecdsaDerToP1363 } = await import('../src/certificate/verify.js');
    const integer = fc.uint8Array({ minLength: 0, maxLength: 50 }).map((content) => ({ tag: 0x02, content }) as Tlv);
    const value = fc
      .tuple(
        fc.constantFrom(0x30, 0x30, 0x31, 0xa0),
        fc.array(fc.oneof(integer, integer, primitiveArb), { minLength: 0, maxLength: 3 }),
        fc.boolean(),
        fc.nat(2),
      )
      .map(([tag, children, longForms, extra]) => {
        const der = encode({ tag, children }, longForms);
        return extra === 1 ? Uint8Array.of(...der, 0) : extra === 2 ? der.subarray(0, der.length - 1) : der;
      });
    // The oracle: the P1363 form re-encoded as DER (the builder's minimal encoder) gives back the input byte for byte.
    fc.assert(
      fc.property(value, fc.constantFrom(32, 48, 66), (der, size) => {
        const r = ecdsaDerToP1363(der, size);
        if (r) expect(hex(p1363ToDer(r))).toBe(hex(der));
      }),
      { numRuns: 3000 },
    );
    fc.assert(
      fc.property(fc.uint8Array({ minLength: 64, maxLength: 64 }), (rs) => {
        if (rs.subarray(0, 32).every((b) => b === 0) || rs.subarray(32).every((b) => b === 0)) return;
        expect(hex(ecdsaDerToP1363(p1363ToDer(rs), 32)!)).toBe(hex(rs));
      }),
      { numRuns: 500 },
    );
  });
});
