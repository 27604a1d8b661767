/**
 * The decoder against X.690 and RFC 5280, one clause at a time: each test edits a signed certificate as DER (signed
 * again, so only the edit differs), then checks what is read, what is reported (code, clause, field) and what is
 * refused (and why). The unedited certificate is the near miss of every case: read with nothing to report.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { CertificateParseError, parseCertificate, type ParsedCertificate } from '../src/certificate/parse.js';
import { decodeStrictDer } from '../src/certificate/der.js';
import { ecPointProblem } from '../src/certificate/keys.js';
import { verifySignature } from '../src/certificate/verify.js';
import { buildCertificate, encodeOid, generateKeyPair, OID, type BuiltCertificate, type KeyPairHandle } from '../src/testing/builder.js';
import {
  ascii,
  cloneTree,
  cons,
  type EditNode,
  findExtension,
  prim,
  readTree,
  resign,
  setExtensionValue,
  tbsFields,
  writeTree,
} from '../src/testing/der-edit.js';

const crypto = globalThis.crypto;
let key: KeyPairHandle;
let base: BuiltCertificate;

beforeAll(async () => {
  key = await generateKeyPair('P-256');
  base = await buildCertificate({
    subject: 'CN=Decoder Test Root, O=Example, C=US',
    key,
    basicConstraints: { cA: true, pathLenConstraint: 1 },
    extendedKeyUsage: [OID.ekuClientAuth],
    crlDistributionPoints: ['http://crl.example.test/root.crl'],
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2035-01-01T00:00:00Z'),
  });
});

async function edit(change: (t: EditNode) => void, sign = true): Promise<Uint8Array> {
  const t = cloneTree(readTree(base.der));
  change(t);
  return sign ? resign(t, key) : writeTree(t);
}

const read = async (change: (t: EditNode) => void) => parseCertificate(await edit(change));

async function refusal(change: (t: EditNode) => void): Promise<CertificateParseError> {
  try {
    parseCertificate(await edit(change));
  } catch (e) {
    if (e instanceof CertificateParseError) return e;
    throw e;
  }
  throw new Error('the certificate was read');
}

const issues = (p: ParsedCertificate) => p.encodingIssues.map((i) => `${i.kind} ${i.code} @ ${i.where} (${i.clause})`);
const extension = (t: EditNode, oid: string) => findExtension(t, encodeOid(oid).subarray(2))!;
const field = (t: EditNode, name: keyof ReturnType<typeof tbsFields>['index']) => tbsFields(t).tbs.children![tbsFields(t).index[name]]!;
const setTime = (which: 0 | 1, tag: number, text: string) => (t: EditNode) => {
  field(t, 'validity').children![which] = prim(tag, ascii(text));
};
const basicConstraints =
  (...parts: EditNode[]) =>
  (t: EditNode) =>
    setExtensionValue(extension(t, OID.basicConstraints), cons(0x30, parts));

describe('the unedited certificate', () => {
  it('is read with nothing to report (the near miss of every case below)', () => {
    const p = parseCertificate(base.der);
    expect(p.encodingIssues).toEqual([]);
    expect(p.basicConstraints).toEqual({ cA: true, pathLenConstraint: 1, critical: true });
    expect(p.notBefore.toISOString()).toBe('2025-01-01T00:00:00.000Z');
  });
});

describe('times (RFC 5280 §4.1.2.5, X.680 §46–47)', () => {
  it('reads a UTCTime without seconds exactly and reports it as not DER', async () => {
    const p = await read(setTime(0, 0x17, '2501011230Z'));
    expect(p.notBefore.toISOString()).toBe('2025-01-01T12:30:00.000Z');
    expect(issues(p)).toEqual(['der time-no-seconds @ validity.notBefore (X.690 §11.8.2)']);
  });

  it('applies an offset from UTC the right way (local time − offset) and reports it', async () => {
    const p = await read(setTime(0, 0x17, '250101120000+0130'));
    expect(p.notBefore.toISOString()).toBe('2025-01-01T10:30:00.000Z');
    const g = await read(setTime(1, 0x18, '20500101000000-0500'));
    expect(g.notAfter.toISOString()).toBe('2050-01-01T05:00:00.000Z');
    expect(issues(g)).toEqual(['der time-offset @ validity.notAfter (X.690 §11.7.1)']);
  });

  it('maps UTCTime years per RFC 5280 §4.1.2.5.1: 50–99 → 19xx, 00–49 → 20xx', async () => {
    expect((await read(setTime(0, 0x17, '500101000000Z'))).notBefore.toISOString()).toBe('1950-01-01T00:00:00.000Z');
    expect((await read(setTime(1, 0x17, '491231235959Z'))).notAfter.toISOString()).toBe('2049-12-31T23:59:59.000Z');
  });

  it('refuses what names no instant or is outside the calendar, instead of rolling it over', async () => {
    const cases: [string, number, string, RegExp][] = [
      ['letters', 0x17, '25010112000AZ', /is not YYMMDDHHMM\[SS\]/],
      ['month 13', 0x17, '251301000000Z', /month 13 does not exist/],
      ['day 32', 0x17, '250132000000Z', /day 32 does not exist/],
      ['30 February', 0x17, '250230000000Z', /day 30 does not exist in 2025-02/],
      ['29 February 2025', 0x17, '250229000000Z', /day 29 does not exist/],
      ['hour 24', 0x17, '250101240000Z', /hour 24 does not exist/],
      ['second 60', 0x17, '250101235960Z', /second 60 does not exist/],
      ['a GeneralizedTime string under the UTCTime tag', 0x17, '20250101000000Z', /is not YYMMDDHHMM/],
      ['a local GeneralizedTime', 0x18, '20250101000000', /local time that names no instant/],
    ];
    for (const [what, tag, text, reason] of cases) {
      const e = await refusal(setTime(0, tag, text));
      expect(e.message, what).toMatch(reason);
      expect(e.code, what).toBe('time');
      expect(e.where, what).toBe('validity.notBefore');
    }
    // 29 February of a leap year is a day.
    expect((await read(setTime(0, 0x17, '240229000000Z'))).notBefore.toISOString()).toBe('2024-02-29T00:00:00.000Z');
  });

  it('reports fractional seconds and a GeneralizedTime for 1950–2049, but not one for 1949', async () => {
    const f = await read(setTime(1, 0x18, '20500101000000.25Z'));
    expect(f.notAfter.toISOString()).toBe('2050-01-01T00:00:00.250Z');
    expect(issues(f)).toEqual(['schema time-fraction @ validity.notAfter (RFC 5280 §4.1.2.5.2)']);
    expect(issues(await read(setTime(1, 0x18, '20391231235959Z')))).toEqual([
      'schema time-generalized-for-utc @ validity.notAfter (RFC 5280 §4.1.2.5)',
    ]);
    expect(issues(await read(setTime(0, 0x18, '19491231235959Z')))).toEqual([]);
  });
});

describe('integers', () => {
  it('reads a pathLenConstraint of four or more octets exactly', async () => {
    const p = await read(basicConstraints(prim(0x01, [0xff]), prim(0x02, [0x7f, 0xff, 0xff, 0xff])));
    expect(p.basicConstraints?.pathLenConstraint).toBe(2147483647);
    const big = await read(basicConstraints(prim(0x01, [0xff]), prim(0x02, [0x1f, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff])));
    expect(big.basicConstraints?.pathLenConstraint).toBe(2 ** 53 - 1);
    expect(big.encodingIssues).toEqual([]);
  });

  it('refuses a pathLenConstraint beyond 2^53 − 1 rather than round it, and keeps a negative one for the rules', async () => {
    const e = await refusal(basicConstraints(prim(0x01, [0xff]), prim(0x02, [0x20, 0, 0, 0, 0, 0, 0])));
    expect(e.code).toBe('integer-range');
    expect(e.message).toMatch(/basicConstraints pathLenConstraint is 9007199254740992, outside the range/);
    expect((await read(basicConstraints(prim(0x01, [0xff]), prim(0x02, [0xff])))).basicConstraints?.pathLenConstraint).toBe(-1);
  });

  it('reads the version from any length and refuses one X.509 does not define', async () => {
    const v = (content: number[]) => (t: EditNode) => {
      tbsFields(t).tbs.children![0] = cons(0xa0, [prim(0x02, content)]);
    };
    expect((await read(v([0x01]))).version).toBe(2);
    expect(issues(await read(v([0x00])))).toEqual(['der default-encoded @ version (X.690 §11.5)']);
    expect((await refusal(v([0x00, 0x00, 0x00, 0x00, 0x02]))).message).toMatch(/INTEGER padded/);
    expect((await refusal(v([0x7f, 0xff, 0xff, 0xff]))).message).toMatch(/version is 2147483647, outside the range 0\.\.2/);
  });

  it('keeps every octet of a serial number, and its sign', async () => {
    const serial = (content: number[]) => (t: EditNode) => {
      tbsFields(t).tbs.children![tbsFields(t).index.serialNumber] = prim(0x02, content);
    };
    const long = Array.from({ length: 21 }, (_, i) => i + 0x10);
    expect((await read(serial(long))).serialNumber).toBe(Buffer.from(long).toString('hex').toUpperCase());
    expect((await read(serial([0xff, 0x01]))).serialNumber).toBe('-FF');
    expect((await read(serial([0x00]))).serialNumber).toBe('00');
    expect((await read(serial([0x00, 0x80]))).serialNumber).toBe('80');
  });
});

describe('encodings that are not BER are refused, naming the field and the clause', () => {
  const cases: [string, (t: EditNode) => void, RegExp][] = [
    ['an empty OID', (t) => (extension(t, OID.extKeyUsage).children![0] = prim(0x06, [])), /no content octets \(X\.690 §8\.19\.2\)/],
    [
      'an OID arc starting 0x80',
      (t) => (extension(t, OID.extKeyUsage).children![0] = prim(0x06, [0x55, 0x80, 0x1d])),
      /padded with a leading 0x80/,
    ],
    ['a BOOLEAN of length 0', basicConstraints(prim(0x01, [])), /BOOLEAN of 0 octets; X\.690 §8\.2\.1/],
    ['a BOOLEAN of length 2', basicConstraints(prim(0x01, [0xff, 0xff])), /BOOLEAN of 2 octets/],
    [
      'a BIT STRING without its unused-bits octet',
      (t) => setExtensionValue(extension(t, OID.keyUsage), prim(0x03, [])),
      /unused-bits octet \(X\.690 §8\.6\.2\)/,
    ],
    ['an empty INTEGER', basicConstraints(prim(0x01, [0xff]), prim(0x02, [])), /INTEGER with no content octets/],
    [
      'a non-minimal INTEGER',
      basicConstraints(prim(0x01, [0xff]), prim(0x02, [0x00, 0x01])),
      /redundant leading octet \(X\.690 §8\.3\.2\)/,
    ],
    [
      'invalid UTF-8 in a name',
      (t) => (field(t, 'subject').children!.at(-1)!.children![0]!.children![1] = prim(0x0c, [0xc3, 0x28])),
      /subject RDN 3: a UTF8String that is not valid UTF-8/,
    ],
    [
      'a Validity with three times',
      (t) => field(t, 'validity').children!.push(prim(0x17, ascii('300101000000Z'))),
      /validity has 3 component\(s\); its definition has 2/,
    ],
    [
      'an AlgorithmIdentifier with an extra member',
      (t) => field(t, 'signature').children!.push(prim(0x05, []), prim(0x05, [])),
      /has 3 component\(s\); its definition has 1 to 2/,
    ],
    [
      'an Extension with an extra member',
      (t) => extension(t, OID.basicConstraints).children!.push(prim(0x05, [])),
      /has 4 component\(s\); its definition has 2 to 3/,
    ],
    ['a NULL with content', (t) => (field(t, 'signature').children![1] = prim(0x05, [0x00])), /NULL with content octets/],
  ];
  it.each(cases)('%s', async (_what, change, reason) => {
    expect((await refusal(change)).message).toMatch(reason);
  });

  it('a value that runs past the end of its container', async () => {
    // The issuer's first attribute (C=US) one octet longer than the RDN that holds it.
    const der = Uint8Array.from(base.der);
    const issuer = decodeStrictDer(der)!.children![0]!.children![3]!;
    const atv = issuer.children![0]!.children![0]!;
    der[atv.offset + 1]! += 1;
    expect(() => parseCertificate(der)).toThrow(
      /issuer RDN 1: a value runs past the end of the value that contains it \(X\.690 §8\.1\.1\)/,
    );
  });
});

describe('BER that is not DER is read correctly and reported (X.690 §10, §11)', () => {
  it('a constructed string in a name reads as its text', async () => {
    const p = await read((t) => {
      field(t, 'subject').children!.at(-1)!.children![0]!.children![1] = cons(0x2c, [
        prim(0x04, ascii('Decoder ')),
        prim(0x04, ascii('Root')),
      ]);
    });
    expect(p.subject.rfc4514).toBe('CN=Decoder Root,O=Example,C=US');
    expect(issues(p)).toEqual(['der constructed-string @ subject RDN 3 (X.690 §10.2)']);
  });

  it('a constructed subjectKeyIdentifier reads as its octets, a constructed keyUsage as its bits', async () => {
    const ski = await read((t) =>
      setExtensionValue(extension(t, OID.subjectKeyIdentifier), cons(0x24, [prim(0x04, [1, 2]), prim(0x04, [3])])),
    );
    expect(ski.ski?.value).toBe('010203');
    expect(issues(ski)).toEqual(['der constructed-string @ subjectKeyIdentifier (X.690 §10.2)']);
    const ku = await read((t) =>
      setExtensionValue(extension(t, OID.keyUsage), cons(0x23, [prim(0x03, [0x00, 0x06]), prim(0x03, [0x07, 0x80])])),
    );
    expect(ku.keyUsage?.bits).toEqual(['keyCertSign', 'cRLSign', 'decipherOnly']);
  });

  it('DEFAULT values written out: cA FALSE, critical FALSE (X.690 §11.5)', async () => {
    expect(issues(await read(basicConstraints(prim(0x01, [0x00]))))).toEqual(['der default-encoded @ basicConstraints cA (X.690 §11.5)']);
    const p = await read((t) => extension(t, OID.extKeyUsage).children!.splice(1, 0, prim(0x01, [0x00])));
    expect(issues(p)).toEqual(['der default-encoded @ extKeyUsage critical (X.690 §11.5)']);
  });

  it('keyUsage: trailing zero bits and non-zero padding bits (X.690 §11.2)', async () => {
    const trailing = await read((t) => setExtensionValue(extension(t, OID.keyUsage), prim(0x03, [0x00, 0x06])));
    expect(trailing.keyUsage?.bits).toEqual(['keyCertSign', 'cRLSign']);
    expect(issues(trailing)).toEqual(['der bits-trailing-zero @ keyUsage (X.690 §11.2.2)']);
    const padding = await read((t) => setExtensionValue(extension(t, OID.keyUsage), prim(0x03, [0x01, 0x07])));
    expect(padding.keyUsage?.bits).toEqual(['keyCertSign', 'cRLSign']);
    expect(issues(padding)).toEqual(['der bits-padding @ keyUsage (X.690 §11.2.1)']);
  });

  it('a BOOLEAN TRUE that is not 0xFF, a low tag in the multi-octet form, lengths in BER forms', async () => {
    const bool = await read(basicConstraints(prim(0x01, [0x01])));
    expect(bool.basicConstraints?.cA).toBe(true);
    expect(issues(bool)).toEqual(['der boolean-value @ basicConstraints (X.690 §11.1)']);
    const tag = await read((t) => (field(t, 'serialNumber').id = Uint8Array.of(0x1f, 0x02)));
    expect(issues(tag)).toEqual(['der tag-form @ serialNumber (X.690 §8.1.2.2)']);
    const lengths = await read((t) => {
      field(t, 'issuer').length = { octets: 2 };
      field(t, 'validity').length = 'indefinite';
    });
    expect(issues(lengths)).toEqual(['der length-not-minimal @ issuer (X.690 §10.1)', 'der indefinite-length @ validity (X.690 §10.1)']);
    expect(lengths.notAfter.toISOString()).toBe('2035-01-01T00:00:00.000Z');
  });

  it('inside extension values too', async () => {
    const p = await read((t) => {
      const e = extension(t, OID.crlDistributionPoints);
      const value = readTree(e.children!.at(-1)!.content!);
      value.length = 'indefinite';
      setExtensionValue(e, value);
    });
    expect(p.crlDistributionPoints).toEqual(['http://crl.example.test/root.crl']);
    expect(issues(p)).toEqual(['der indefinite-length @ cRLDistributionPoints (X.690 §10.1)']);
  });
});

describe('names', () => {
  it('reads a name with an empty RDN, reports it, and keeps it in the comparison key', async () => {
    const p = await read((t) => {
      for (const n of [field(t, 'issuer'), field(t, 'subject')]) n.children!.splice(1, 0, cons(0x31, []));
    });
    expect(p.subject.rfc4514).toBe('CN=Decoder Test Root,O=Example,C=US');
    expect(p.selfIssued).toBe(true);
    expect(p.subject.key).not.toBe(parseCertificate(base.der).subject.key);
    expect(issues(p)).toEqual([
      'schema empty-rdn @ issuer RDN 2 (RFC 5280 §4.1.2.4 (X.501: RDN SIZE (1..MAX)))',
      'schema empty-rdn @ subject RDN 2 (RFC 5280 §4.1.2.4 (X.501: RDN SIZE (1..MAX)))',
    ]);
  });

  it('reports a PrintableString with characters outside its alphabet, and a country in UTF8String', async () => {
    const p = await read((t) => {
      field(t, 'subject').children![0]!.children![0]!.children![1] = prim(0x0c, ascii('US'));
      field(t, 'subject').children![1]!.children![0]!.children![1] = prim(0x13, ascii('A&B'));
    });
    expect(issues(p)).toEqual([
      'schema alphabet-19 @ subject RDN 2 (X.680 §41.4)',
      'schema attribute-syntax @ subject RDN 1 C (RFC 5280 Appendix A.1 (X.520))',
    ]);
  });
});

describe('keys and signatures', () => {
  it('finds an EC point off its curve, and no key verifies a signature then', async () => {
    const der = await edit((t) => {
      const bits = field(t, 'subjectPublicKeyInfo').children![1]!;
      bits.content![bits.content!.length - 1]! ^= 1;
    });
    const p = parseCertificate(der);
    expect(p.publicKey.problem).toBe('the point is not on the curve P-256');
    expect(await verifySignature(p, p.publicKey, crypto)).toMatchObject({ status: 'invalid' });
  });

  it('checks points of every named curve it knows, compressed and uncompressed, against keys node generates', async () => {
    const { generateKeyPairSync } = await import('node:crypto');
    for (const [name, curve] of [
      ['P-256', 'prime256v1'],
      ['P-384', 'secp384r1'],
      ['P-521', 'secp521r1'],
      ['secp256k1', 'secp256k1'],
      ['brainpoolP256r1', 'brainpoolP256r1'],
      ['brainpoolP384r1', 'brainpoolP384r1'],
      ['brainpoolP512r1', 'brainpoolP512r1'],
    ] as const) {
      const { publicKey } = generateKeyPairSync('ec', { namedCurve: curve });
      const spki = new Uint8Array(publicKey.export({ format: 'der', type: 'spki' }));
      const size = name === 'P-521' ? 66 : Number(/\d+/.exec(name.replace('secp', ''))![0]) / 8;
      const point = spki.subarray(spki.length - 1 - 2 * size);
      expect(point[0], name).toBe(0x04);
      const x = point.subarray(1, 1 + size);
      const y = point.subarray(1 + size);
      expect(ecPointProblem(name, point), name).toBeNull();
      expect(ecPointProblem(name, Uint8Array.from([0x02 | (y[y.length - 1]! & 1), ...x])), name).toBeNull();
      const off = point.slice();
      off[off.length - 1]! ^= 1;
      expect(ecPointProblem(name, off), name).toMatch(/not on the curve/);
    }
  });

  it('reports an RSA key that is not a DER RSAPublicKey', async () => {
    const rsa = await generateKeyPair('RSA-2048');
    const built = await buildCertificate({ subject: 'CN=RSA Root', key: rsa });
    const t = readTree(built.der);
    const bits = tbsFields(t).tbs.children![tbsFields(t).index.subjectPublicKeyInfo]!.children![1]!;
    const inner = readTree(bits.content!.subarray(1));
    inner.children![1]!.content = Uint8Array.of(0x00, ...inner.children![1]!.content!);
    bits.content = Uint8Array.of(0, ...writeTree(inner));
    const p = parseCertificate(await resign(t, rsa));
    expect(p.publicKey.problem).toMatch(/RSAPublicKey.*redundant leading octet/);
  });

  it('an ECDSA signature with a padded r, or a signature BIT STRING with unused bits, does not verify', async () => {
    const t = readTree(base.der);
    const sig = readTree(t.children![2]!.content!.subarray(1));
    sig.children![0]!.content = Uint8Array.of(0x00, ...sig.children![0]!.content!);
    t.children![2] = prim(0x03, [0, ...writeTree(sig)]);
    const padded = parseCertificate(writeTree(t));
    expect(await verifySignature(padded, padded.publicKey, crypto)).toMatchObject({ status: 'invalid' });
    const u = readTree(base.der);
    u.children![2]!.content![0] = 1;
    const unused = parseCertificate(writeTree(u));
    expect(await verifySignature(unused, unused.publicKey, crypto)).toMatchObject({ status: 'invalid', reason: /unused bit/ });
    const clean = parseCertificate(base.der);
    expect(await verifySignature(clean, clean.publicKey, crypto)).toEqual({ status: 'valid' });
  });
});

describe('what inspect shows of the decoder', () => {
  it('lists the encoding issues and why a key is not one, in the facts and in the text', async () => {
    const { inspectCertificate } = await import('../src/certificate/inspect.js');
    const { runCli } = await import('./helpers/cli.js');
    const der = await edit((t) => {
      setExtensionValue(extension(t, OID.keyUsage), prim(0x03, [0x00, 0x06]));
      const bits = field(t, 'subjectPublicKeyInfo').children![1]!;
      bits.content![bits.content!.length - 1]! ^= 1;
    });
    const facts = await inspectCertificate(der);
    expect(facts.encodingIssues).toEqual([{ kind: 'der', code: 'bits-trailing-zero', clause: 'X.690 §11.2.2', where: 'keyUsage' }]);
    expect(facts.key.problem).toBe('the point is not on the curve P-256');
    expect((await inspectCertificate(base.der)).encodingIssues).toEqual([]);
    const text = await runCli(['inspect', Buffer.from(der).toString('base64')]);
    expect(text.stdout).toMatch(/Encoding +not DER: keyUsage: bits-trailing-zero \(X\.690 §11\.2\.2\)/);
    expect(text.stdout).toMatch(/Key +EC 256 bits \(P-256\) — not a valid key: the point is not on the curve P-256/);
  });
});
