import { describe, it, expect } from 'vitest';
import fc from 'fast-check';
import { makeDistinguishedName, parseNameString, normaliseForMatch } from '../src/certificate/names.js';
import { decodeBase64Strict, encodeBase64, toHex, fromHex, decodePem, encodePem } from '../src/certificate/encoding.js';
import type { NameAttribute } from '../src/types.js';

const TYPES: [string, string][] = [
  ['2.5.4.6', 'C'],
  ['2.5.4.8', 'ST'],
  ['2.5.4.7', 'L'],
  ['2.5.4.10', 'O'],
  ['2.5.4.11', 'OU'],
  ['2.5.4.3', 'CN'],
  ['1.2.840.113549.1.9.1', 'emailAddress'],
];
const attr = fc
  .record({
    type: fc.constantFrom(...TYPES),
    value: fc
      .string({ minLength: 1, maxLength: 12, unit: fc.constantFrom(...'abcXYZ 019,+=";<>#\\\'é-_.'.split('')) })
      .filter((v) => v.trim() !== ''),
  })
  .map(({ type: [oid, type], value }): NameAttribute => ({ oid, type, value }));
const rdns = fc.array(fc.array(attr, { minLength: 1, maxLength: 2 }), { minLength: 1, maxLength: 5 });

describe('distinguished names', () => {
  it('RFC 4514 and Windows strings read back to the same RFC 5280 comparison key (law)', () => {
    fc.assert(
      fc.property(rdns, (r) => {
        const dn = makeDistinguishedName(r, () => true);
        expect(parseNameString(dn.rfc4514)).toBe(dn.key);
        expect(parseNameString(dn.windows)).toBe(dn.key);
      }),
      { numRuns: 300 },
    );
  });

  it('writes the most specific RDN first, with S= for the state in the Windows form', () => {
    const dn = makeDistinguishedName(
      [
        [{ oid: '2.5.4.6', type: 'C', value: 'US' }],
        [{ oid: '2.5.4.8', type: 'ST', value: 'WA' }],
        [{ oid: '2.5.4.3', type: 'CN', value: 'a, b' }],
      ],
      () => true,
    );
    expect(dn.rfc4514).toBe('CN=a\\, b,ST=WA,C=US');
    expect(dn.windows).toBe('CN="a, b", S=WA, C=US');
  });

  it('compares case- and space-insensitively (RFC 4518 approximation), but not across attribute types', () => {
    expect(parseNameString('CN=Contoso  Root, O=contoso, C=us')).toBe(parseNameString('cn=contoso root,o=Contoso,c=US'));
    expect(parseNameString('CN=Contoso')).not.toBe(parseNameString('O=Contoso'));
    expect(normaliseForMatch('  Ｃontoso\tRoot ')).toBe('contoso root');
  });

  it('refuses text that is not a name', () => {
    for (const t of ['Lakeshore Retail', '', 'XX=1', '=x']) expect(parseNameString(t)).toBeNull();
  });
});

describe('base64 in the certificate field', () => {
  const bytes = fc.uint8Array({ minLength: 1, maxLength: 300 });
  it('decodes what it encodes, in either alphabet, with or without padding (law)', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        const std = encodeBase64(b);
        const url = std.replace(/\+/g, '-').replace(/\//g, '_');
        for (const s of [std, url, url.replace(/=+$/, '')]) {
          const r = decodeBase64Strict(s);
          expect('bytes' in r && toHex(r.bytes)).toBe(toHex(b));
        }
        expect(Buffer.from(std, 'base64').equals(Buffer.from(b))).toBe(true);
      }),
      { numRuns: 300 },
    );
  });

  it('names the problem with input it refuses', () => {
    const kind = (s: string) => {
      const r = decodeBase64Strict(s);
      return 'problem' in r ? r.problem.kind : 'ok';
    };
    expect(kind('')).toBe('empty');
    expect(kind('-----BEGIN CERTIFICATE-----\nMIIB\n-----END CERTIFICATE-----')).toBe('pem');
    expect(kind('MIIB MIIB')).toBe('whitespace');
    expect(kind('MIIB\nMIIB')).toBe('whitespace');
    expect(kind('MII*')).toBe('character');
    expect(kind('ab+_')).toBe('mixed-alphabets');
    expect(kind('abcde')).toBe('length');
    expect(kind('ab===')).toBe('padding');
    expect(kind('Binary')).toBe('ok'); // six valid characters: it decodes, and fails later as not DER
  });

  it('hex and PEM round-trip', () => {
    fc.assert(
      fc.property(bytes, (b) => {
        expect(toHex(fromHex(toHex(b))!)).toBe(toHex(b));
        expect(toHex(decodePem(encodePem(b))[0]!.bytes)).toBe(toHex(b));
      }),
      { numRuns: 100 },
    );
    expect(fromHex('abc')).toBeNull();
  });
});

describe('comparison keys', () => {
  it('never give two different names the same key, whatever the values hold', () => {
    const one = makeDistinguishedName([[{ oid: '2.5.4.3', type: 'CN', value: 'a/2.5.4.3=b' }]], () => true);
    const two = makeDistinguishedName(
      [[{ oid: '2.5.4.3', type: 'CN', value: 'b' }], [{ oid: '2.5.4.3', type: 'CN', value: 'a' }]],
      () => true,
    );
    const plus = makeDistinguishedName([[{ oid: '2.5.4.3', type: 'CN', value: 'a+2.5.4.3=b' }]], () => true);
    const multi = makeDistinguishedName(
      [
        [
          { oid: '2.5.4.3', type: 'CN', value: 'a' },
          { oid: '2.5.4.3', type: 'CN', value: 'b' },
        ],
      ],
      () => true,
    );
    expect(one.key).not.toBe(two.key);
    expect(plus.key).not.toBe(multi.key);
    expect(parseNameString(one.rfc4514)).toBe(one.key);
    expect(parseNameString(plus.windows)).toBe(plus.key);
  });
});
