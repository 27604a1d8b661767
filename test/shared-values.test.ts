import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { SharedValues, clearSharedValues, shareStrings, EMPTY } from '../src/certificate/shared.js';
import { parseCertificate } from '../src/certificate/parse.js';
import { clearCertificateCache, describeCertificateBytes, worthCaching, CERTIFICATE_CACHE_SIZE } from '../src/certificate/cache.js';
import { parseJsonText } from '../src/graph/json-text.js';
import { byteSlab, decodeBase64Strict } from '../src/certificate/encoding.js';
import { preflight, runPreflight } from '../src/preflight.js';
import { buildCertificate, generateKeyPair, type BuiltCertificate } from '../src/testing/builder.js';

const crypto = globalThis.crypto;
const notBefore = new Date('2025-01-01T00:00:00Z');
const notAfter = new Date('2035-01-01T00:00:00Z');

describe('shared values', () => {
  it('keeps the first value for a key, frozen all the way down, byte arrays aside', () => {
    const table = new SharedValues<{ list: { n: number }[]; bytes: Uint8Array }>(8);
    const first = { list: [{ n: 1 }], bytes: Uint8Array.of(1, 2) };
    expect(table.share('a', first)).toBe(first);
    expect(table.share('a', { list: [{ n: 2 }], bytes: Uint8Array.of(3) })).toBe(first);
    expect(Object.isFrozen(first)).toBe(true);
    expect(Object.isFrozen(first.list)).toBe(true);
    expect(Object.isFrozen(first.list[0])).toBe(true);
    expect(Object.isFrozen(first.bytes)).toBe(false);
    expect(() => {
      (first.list as { n: number }[]).push({ n: 3 });
    }).toThrow(TypeError);
  });

  it('is bounded, forgets the least recently used first, and is emptied with the certificate cache', () => {
    const table = new SharedValues<string[]>(2);
    table.keep('a', ['a']);
    table.keep('b', ['b']);
    expect(table.find('a')).toEqual(['a']); // a is now the most recently used
    table.keep('c', ['c']);
    expect(table.size).toBe(2);
    expect(table.find('b')).toBeUndefined();
    expect(table.find('a')).toEqual(['a']);
    clearSharedValues();
    expect(table.size).toBe(0);
    table.keep('d', ['d']);
    clearCertificateCache();
    expect(table.find('d')).toBeUndefined();
  });

  it('keeps what a least-recently-used map of the same limit keeps, in any sequence of finds and keeps (law)', () => {
    // The model: a Map re-inserted on every use (iteration order = order of use), trimmed from its oldest end.
    type Op = { find: boolean; key: number };
    const op = fc.record({ find: fc.boolean(), key: fc.integer({ min: 0, max: 11 }) });
    fc.assert(
      fc.property(fc.integer({ min: 0, max: 6 }), fc.array(op, { maxLength: 120 }), (limit, ops: Op[]) => {
        const table = new SharedValues<{ key: number; n: number }>(limit);
        const model = new Map<string, { key: number; n: number }>();
        ops.forEach(({ find, key }, n) => {
          const k = `k${key}`;
          if (find) {
            const known = model.get(k);
            if (known !== undefined) {
              model.delete(k);
              model.set(k, known);
            }
            expect(table.find(k)).toBe(known);
          } else {
            const value = { key, n };
            expect(table.keep(k, value)).toBe(value);
            model.delete(k);
            model.set(k, value);
            if (model.size > limit) model.delete(model.keys().next().value!);
            if (limit === 0) model.clear();
          }
          expect(table.size).toBe(model.size);
        });
        // Every key the model keeps is found with its value, and no other.
        for (let key = 0; key < 12; key++) {
          const k = `k${key}`;
          if (!model.has(k)) expect(table.find(k)).toBeUndefined();
        }
        for (const [k, v] of [...model]) expect(table.find(k)).toBe(v);
      }),
      { numRuns: 300 },
    );
  });

  it('shares lists of strings by content, and every empty list is one frozen list', () => {
    const a = shareStrings(['http://crl.example/a.crl', 'http://crl.example/b.crl']);
    const b = shareStrings(['http://crl.example/a.crl', 'http://crl.example/b.crl']);
    expect(b).toBe(a);
    expect(shareStrings(['http://crl.example/a.crl'])).not.toBe(a);
    expect(shareStrings([])).toBe(EMPTY);
    expect(Object.isFrozen(EMPTY)).toBe(true);
  });
});

describe('certificates share what they hold alike', () => {
  let root: BuiltCertificate;
  let childA: BuiltCertificate;
  let childB: BuiltCertificate;

  beforeAll(async () => {
    const rootKey = await generateKeyPair('P-256', { crypto });
    root = await buildCertificate({ subject: 'CN=Shared Root, O=Example, C=US', key: rootKey, notBefore, notAfter, crypto });
    const key = await generateKeyPair('P-256', { crypto });
    childA = await buildCertificate({ subject: 'CN=Child A, O=Example, C=US', key, issuer: root, notBefore, notAfter, crypto });
    childB = await buildCertificate({ subject: 'CN=Child B, O=Example, C=US', key, issuer: root, notBefore, notAfter, crypto });
  });

  it('one issuer name object for the same bytes, frozen, equal to a fresh reading', () => {
    clearCertificateCache();
    const r = parseCertificate(root.der);
    const a = parseCertificate(childA.der);
    const b = parseCertificate(childB.der);
    expect(a.issuer).toBe(b.issuer);
    expect(a.issuer).toBe(r.subject);
    expect(Object.isFrozen(a.issuer)).toBe(true);
    expect(Object.isFrozen(a.issuer.rdns[0])).toBe(true);
    expect(Object.isFrozen(a.issuer.rdns[0]![0])).toBe(true);
    // Names that differ share their equal RDNs (O=Example, C=US), and still read as themselves.
    expect(a.subject).not.toBe(b.subject);
    expect(a.subject.rdns[0]).toBe(b.subject.rdns[0]);
    expect(a.subject.rfc4514).toBe('CN=Child A,O=Example,C=US');
    expect(b.subject.rfc4514).toBe('CN=Child B,O=Example,C=US');
    clearCertificateCache();
    const again = parseCertificate(childA.der);
    expect(again.issuer).not.toBe(a.issuer);
    expect(again.issuer).toEqual(a.issuer);
    expect(again).toEqual(a);
  });

  it('a name read with an issue is not shared: every certificate with it reports it', async () => {
    clearCertificateCache();
    const key = await generateKeyPair('P-256', { crypto });
    // countryName as a UTF8String: RFC 5280 Appendix A.1 makes it a PrintableString.
    const odd = await buildCertificate({ subject: 'CN=Odd, C=#0c025553', key, notBefore, notAfter, crypto });
    const first = parseCertificate(odd.der);
    const second = parseCertificate(odd.der);
    for (const p of [first, second]) expect(p.encodingIssues.map((i) => i.code)).toContain('attribute-syntax');
    expect(second.subject).not.toBe(first.subject);
    expect(second.subject).toEqual(first.subject);
  });

  it('one algorithm identifier for the same bytes, holding none of a certificate’s DER', () => {
    clearCertificateCache();
    const a = parseCertificate(childA.der);
    const b = parseCertificate(childB.der);
    expect(a.signatureAlgorithm).toBe(b.signatureAlgorithm);
    expect(a.signature).toBe(a.signatureAlgorithm);
    expect(a.publicKey.algorithm).toBe(b.publicKey.algorithm);
    for (const alg of [a.signatureAlgorithm, a.publicKey.algorithm]) {
      expect(alg.der.buffer).not.toBe(a.der.buffer);
      expect(alg.der.buffer).not.toBe(b.der.buffer);
    }
    expect(a.publicKey.algorithm.paramsNode?.encoded.buffer).not.toBe(a.der.buffer);
  });

  it('checks the same list alike whatever is shared already', async () => {
    const body = JSON.stringify({
      certificateAuthorities: [root, childA, childB].map((c, i) => ({ isRootAuthority: i === 0, certificate: c.base64 })),
    });
    clearCertificateCache();
    const cold = await preflight(body, { at: new Date('2026-06-01T00:00:00Z') });
    clearCertificateCache();
    parseCertificate(childB.der); // names and algorithms shared before the check
    const shared = await preflight(body, { at: new Date('2026-06-01T00:00:00Z') });
    expect(shared).toEqual(cold);
  });

  it('links that say the same are one frozen object, and each entry still names its own issuer', async () => {
    const other = await buildCertificate({
      subject: 'CN=Other Root, O=Example, C=US',
      key: await generateKeyPair('P-256', { crypto }),
      notBefore,
      notAfter,
      crypto,
    });
    const list = [root, childA, other, childB];
    const body = { certificateAuthorities: list.map((c, i) => ({ isRootAuthority: i % 2 === 0, certificate: c.base64 })) };
    const { context } = await runPreflight(body, { at: new Date('2026-06-01T00:00:00Z') });
    const [r, a, o, b] = context.entries.map((e) => e.chain);
    expect(a).toEqual({ status: 'issued', issuer: 0, akiMismatch: false });
    expect(b).toBe(a);
    expect(o).toBe(r);
    expect(r).toEqual({ status: 'self-signed' });
    for (const link of [r, a]) expect(Object.isFrozen(link)).toBe(true);
    expect(context.entries.map((e) => e.path)).toEqual([0, 1, 2, 3].map((i) => `/certificateAuthorities/${i}`));
  });

  it('a record made without storing is not kept; a list longer than the cache is not stored', async () => {
    clearCertificateCache();
    const once = await describeCertificateBytes(childA.der, crypto, undefined, false);
    const twice = await describeCertificateBytes(childA.der, crypto, undefined, false);
    expect(twice).not.toBe(once);
    const stored = await describeCertificateBytes(childA.der, crypto);
    expect(await describeCertificateBytes(childA.der, crypto, undefined, false)).toBe(stored);
    expect(worthCaching(CERTIFICATE_CACHE_SIZE)).toBe(true);
    expect(worthCaching(CERTIFICATE_CACHE_SIZE + 1)).toBe(false);
  });

  it('a stored record keeps no string of the caller, and its entry still carries the certificate', async () => {
    clearCertificateCache();
    const record = await describeCertificateBytes(childA.der, crypto, childA.base64);
    expect(record.facts.certificateAuthority.certificate).toBe(childA.base64);
    const unstored = await describeCertificateBytes(childB.der, crypto, childB.base64, false);
    expect(unstored.facts.certificateAuthority.certificate).toBe(childB.base64);
  });
});

describe('long strings of a JSON text share its characters', () => {
  const longString = fc.oneof(
    fc.string({ minLength: 30, maxLength: 120 }),
    fc.stringMatching(/^[A-Za-z0-9+/]{40,200}={0,2}$/),
    fc.string({ unit: 'binary', minLength: 30, maxLength: 80 }),
  );
  const value = fc.letrec((tie) => ({
    node: fc.oneof(
      { depthSize: 'small' },
      longString,
      fc.jsonValue({ maxDepth: 1 }),
      fc.array(tie('node'), { maxLength: 4 }),
      fc.dictionary(fc.oneof(fc.string(), fc.constantFrom('__proto__', 'a/b', '~0', '0', '10')), tie('node'), { maxKeys: 4 }),
    ),
  })).node;

  it('give the value JSON.parse gives, long strings, escapes and __proto__ members included (law)', () => {
    fc.assert(
      fc.property(value, fc.boolean(), (v, pretty) => {
        const text = JSON.stringify(v, null, pretty ? 2 : undefined);
        const r = parseJsonText(text);
        expect(r.ok).toBe(true);
        if (r.ok) expect(r.parsed.value).toStrictEqual(JSON.parse(text));
      }),
      { numRuns: 300 },
    );
  });

  it('keep the last of repeated members, and an own __proto__ member', () => {
    const long = 'M'.repeat(80);
    const text = `{"a": "${long}x", "a": "${long}y", "__proto__": "${long}", "e": "${long}\\u0041", "list": ["${long}"]}`;
    const r = parseJsonText(text);
    if (!r.ok) throw new Error('parse failed');
    const parsed = JSON.parse(text) as Record<string, unknown>;
    expect(r.parsed.value).toStrictEqual(parsed);
    const v = r.parsed.value as Record<string, unknown>;
    expect(v.a).toBe(`${long}y`);
    expect(Object.getPrototypeOf(v)).toBe(Object.prototype);
    expect(Object.hasOwn(v, '__proto__')).toBe(true);
    expect(v.e).toBe(`${long}A`);
    expect(r.parsed.duplicateKeys).toEqual(['/a']);
  });
});

describe('certificate bytes in shared buffers', () => {
  it('decodes into views of one buffer, each its own bytes, and gives a large value a buffer of its own', () => {
    const allocate = byteSlab();
    const texts = ['AQID', 'BAUGBw==', 'CAkKCwwNDg8Q'];
    const plain = texts.map((t) => decodeBase64Strict(t));
    const slabbed = texts.map((t) => decodeBase64Strict(t, allocate));
    expect(slabbed).toEqual(plain);
    const views = slabbed.map((r) => ('bytes' in r ? r.bytes : new Uint8Array(0)));
    expect(views[1]!.buffer).toBe(views[0]!.buffer);
    expect(views[1]!.byteOffset).toBe(views[0]!.byteOffset + views[0]!.length);
    views[0]!.fill(0xff);
    expect(views[1]).toEqual(Uint8Array.of(4, 5, 6, 7));
    const large = allocate(64 * 1024);
    expect(large.buffer).not.toBe(views[0]!.buffer);
    expect(large.byteOffset).toBe(0);
  });

  it('reads certificates that share buffers as it reads each alone', async () => {
    const key = await generateKeyPair('P-256', { crypto });
    const root = await buildCertificate({ subject: 'CN=Slab Root, O=Example, C=US', key, notBefore, notAfter, crypto });
    const child = await buildCertificate({ subject: 'CN=Slab Child, O=Example, C=US', key, issuer: root, notBefore, notAfter, crypto });
    const allocate = byteSlab();
    const read = [root, child].map((c) => decodeBase64Strict(c.base64, allocate));
    const linked = await Promise.all(
      read.map((r) => ('bytes' in r ? describeCertificateBytes(r.bytes, crypto, undefined, false) : Promise.reject(new Error('base64')))),
    );
    expect(linked[0]!.parsed.der.buffer).toBe(linked[1]!.parsed.der.buffer);
    clearCertificateCache();
    const alone = await Promise.all([root, child].map((c) => describeCertificateBytes(c.der, crypto, undefined, false)));
    expect(linked.map((r) => r.view)).toEqual(alone.map((r) => r.view));
  });
});
