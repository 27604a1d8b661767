/**
 * Hostile and absurd input: every case ends as findings (or a clear body.not-json), never as an exception, a stack
 * overflow or a hang. The limits are documented in docs/limits.md; the test timeout is the only clock here.
 */
import { beforeAll, describe, expect, it } from 'vitest';
import { runPreflight } from '../src/preflight.js';
import { formatText } from '../src/report/text.js';
import { formatSarif } from '../src/report/sarif.js';
import { MAX_BODY_CHARS, MAX_JSON_DEPTH } from '../src/graph/json-text.js';
import { MAX_CERTIFICATE_BYTES } from '../src/certificate/parse.js';
import { MAX_CHAIN_WALK, MAX_ISSUER_CANDIDATES } from '../src/chain/link.js';
import {
  buildCertificate,
  generateKeyPair,
  OID,
  tlv,
  toBase64,
  type BuiltCertificate,
  type KeyPairHandle,
} from '../src/testing/builder.js';
import type { Report } from '../src/types.js';
import { assertReportShape } from './support/report-invariants.js';
import { describeRules } from '../src/rules/registry.js';

const at = new Date('2026-06-01T00:00:00Z');
const validity = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2035-01-01T00:00:00Z') };
let keyA: KeyPairHandle;
let keyB: KeyPairHandle;
let root: BuiltCertificate;

beforeAll(async () => {
  [keyA, keyB] = await Promise.all([generateKeyPair('P-256'), generateKeyPair('P-256')]);
  root = await buildCertificate({ subject: 'CN=Hardening Root, O=Test, C=US', key: keyA, ...validity });
});

/** The value findings point into: the body itself, or the text parsed (none when it is not JSON). */
function parsedValue(body: unknown): { value: unknown } | undefined {
  if (typeof body !== 'string') return { value: body };
  try {
    return { value: JSON.parse(body) };
  } catch {
    return undefined;
  }
}

/** preflight, then the report's invariants (and the formatters, which must take any report). */
async function check(body: unknown): Promise<Report> {
  const { report, cas } = await runPreflight(body, { at });
  assertReportShape(report, parsedValue(body));
  expect(formatText(report, cas).length).toBeGreaterThan(0);
  expect(
    JSON.stringify(formatSarif(report, { uri: 'body.json', version: '0', informationUri: 'https://example.test/', rules: describeRules() }))
      .length,
  ).toBeGreaterThan(0);
  return report;
}

const rulesOf = (r: Report) => [...new Set(r.findings.map((f) => f.rule))].sort();
const only = (r: Report, rule: string) => r.findings.filter((f) => f.rule === rule);
const entry = (certificate: unknown, extra: Record<string, unknown> = {}) => ({ certificate, isRootAuthority: true, ...extra });
const withCas = (...entries: unknown[]) => ({ certificateAuthorities: entries });

describe('size limits', () => {
  it(`refuses text longer than ${MAX_BODY_CHARS} characters before parsing, accepts it at the limit`, async () => {
    const over = await check(`${' '.repeat(MAX_BODY_CHARS - 1)}{}`);
    // A limit of this library, reported as one: its own finding, and no Graph response predicted for it.
    expect(rulesOf(over)).toEqual(['body.too-large']);
    expect(over.findings[0]!.message).toContain(String(MAX_BODY_CHARS));
    expect(over.findings[0]!.message).toMatch(/a limit of ca-preflight, not one Graph documents/);
    expect([over.graphError, over.verdict]).toEqual([null, 'unknown']);
    const atLimit = await check(`${' '.repeat(MAX_BODY_CHARS - 2)}{}`);
    expect(atLimit.findings).toEqual([]);
  });

  it(`accepts ${MAX_JSON_DEPTH} levels of nesting and refuses more, in text and in values, without recursion`, async () => {
    const nested = (n: number) => `${'{"a":'.repeat(n)}1${'}'.repeat(n)}`;
    expect(rulesOf(await check(nested(MAX_JSON_DEPTH)))).toEqual(['body.unknown-property']);
    expect(rulesOf(await check(nested(MAX_JSON_DEPTH + 1)))).toEqual(['body.not-json']);
    for (const text of [
      '['.repeat(100_000) + ']'.repeat(100_000),
      '['.repeat(100_000),
      `{"certificateAuthorities":[{"certificate":${'['.repeat(10_000)}`,
    ]) {
      const r = await check(text);
      expect(rulesOf(r)).toEqual(['body.not-json']);
      expect(r.findings[0]!.message).toContain(`deeper than ${MAX_JSON_DEPTH}`);
      expect(r.findings[0]!.line).toBe(1);
    }
    let deep: unknown = 'x';
    for (let i = 0; i < 100_000; i++) deep = [deep];
    expect(rulesOf(await check(deep))).toEqual(['body.not-json']);
  });

  it('reports each of 100,000 entries, and the formatters cope with 100,001 findings', async () => {
    const r = await check(JSON.stringify(withCas(...Array(100_000).fill(0))));
    expect(only(r, 'entry.not-object').length).toBe(100_000);
    expect(only(r, 'body.too-many-cas').length).toBe(1);
    expect(r.findings[100_000]!.line).toBe(1);
  });

  it('takes a 100,000-element array where a string belongs, and an object of 20,000 unknown members', async () => {
    expect(rulesOf(await check({ displayName: Array(100_000).fill('x') }))).toEqual(['body.wrong-type']);
    const many = Object.fromEntries(Array.from({ length: 20_000 }, (_, i) => [`m${i}`, i]));
    expect(only(await check(JSON.stringify(many)), 'body.unknown-property').length).toBe(20_000);
  });

  it(`parses a certificate of ${MAX_CERTIFICATE_BYTES} bytes or less, refuses a larger one by its size`, async () => {
    const padded = async (bytes: number) =>
      buildCertificate({
        subject: 'CN=Padded Root',
        key: keyA,
        ...validity,
        extraExtensions: [{ oid: '1.3.6.1.4.1.55555.1', value: tlv(0x04, new Uint8Array(bytes)) }],
      });
    const under = await padded(MAX_CERTIFICATE_BYTES - 1024);
    expect(under.der.length).toBeLessThanOrEqual(MAX_CERTIFICATE_BYTES);
    expect((await check(withCas(entry(under.base64)))).ok).toBe(true);
    const over = await padded(MAX_CERTIFICATE_BYTES);
    const r = await check(withCas(entry(over.base64)));
    expect(rulesOf(r)).toEqual(['certificate.not-x509']);
    expect(r.findings[0]!.message).toContain(String(MAX_CERTIFICATE_BYTES));
  });

  it('handles 10 MB strings: base64, member names, URLs, echoes', async () => {
    const big = 'A'.repeat(10 * 1024 * 1024);
    expect(rulesOf(await check(withCas(entry(big))))).toEqual(['certificate.not-x509']);
    // Too long to be any accepted certificate: refused by its length before it is decoded, whatever it holds.
    const tooLong = await check(withCas(entry(`${big}!`)));
    expect(rulesOf(tooLong)).toEqual(['certificate.not-x509']);
    expect(tooLong.findings[0]!.message).toMatch(/characters long, more than the \d+ accepted/);
    expect(rulesOf(await check(`{"${big}":1}`))).toEqual(['body.unknown-property']);
    const r = await check(
      withCas(entry(root.base64, { certificateRevocationListUrl: `http://crl.test/${big}`, issuer: `CN=${big}`, issuerSki: big })),
    );
    expect(rulesOf(r)).toEqual(['echo.issuer', 'echo.issuer-ski']);
  });
});

describe('ASN.1 bombs in the certificate field', () => {
  const lengthBombs: [string, number[]][] = [
    ['a length of 2^31', [0x30, 0x84, 0x80, 0x00, 0x00, 0x00, 0x30, 0x00]],
    ['a length of 2^32 - 1', [0x30, 0x84, 0xff, 0xff, 0xff, 0xff, 0x02, 0x01, 0x00]],
    ['an 8-byte length', [0x30, 0x88, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0xff, 0x00]],
    ['a 127-byte length field', [0x30, 0xff, ...Array(127).fill(0xff)]],
    ['an indefinite length (BER, not DER)', [0x30, 0x80, 0x02, 0x01, 0x00, 0x00, 0x00]],
    ['a high tag number that never ends', [0x1f, ...Array(1000).fill(0xff)]],
  ];
  it.each(lengthBombs)('%s is not a certificate', async (_, bytes) => {
    expect(rulesOf(await check(withCas(entry(toBase64(Uint8Array.from(bytes))))))).toEqual(['certificate.not-x509']);
  });

  it('10,000 nested SEQUENCEs (definite and indefinite lengths) are not a certificate', async () => {
    const n = 10_000;
    const definite = new Uint8Array(n * 4);
    for (let i = 0; i < n; i++) definite.set([0x30, 0x82, ((n - i - 1) * 4) >> 8, ((n - i - 1) * 4) & 0xff], i * 4);
    const indefinite = new Uint8Array(n * 2).map((_, i) => (i % 2 === 0 ? 0x30 : 0x80));
    for (const bytes of [definite, indefinite]) {
      const r = await check(withCas(entry(toBase64(bytes))));
      expect(rulesOf(r)).toEqual(['certificate.not-x509']);
      expect(r.findings[0]!.message).toMatch(/nesting|depth|DER/i);
    }
  });

  it('10,000 nested SEQUENCEs inside a signed certificate (a name attribute, a CRL distribution point) are reported, not followed', async () => {
    const n = 10_000;
    const nested = new Uint8Array(n * 2).map((_, i) => (i % 2 === 0 ? 0x30 : 0x80));
    nested.set([0x30, 0x00], nested.length - 2);
    const hex = Buffer.from(nested).toString('hex');
    const inName = await buildCertificate({ subject: `CN=#${hex}, O=Test`, key: keyA, ...validity });
    const inCdp = await buildCertificate({
      subject: 'CN=Nested CDP',
      key: keyA,
      ...validity,
      extraExtensions: [{ oid: OID.crlDistributionPoints, value: nested }],
    });
    for (const c of [inName, inCdp]) expect(rulesOf(await check(withCas(entry(c.base64))))).toEqual(['certificate.not-x509']);
  });
});

describe('JSON text oddities', () => {
  it('reports members written twice (the last one counts), even 200,000 times', async () => {
    const r = await check(
      `{"displayName":1,"displayName":"ok","certificateAuthorities":[{"isRootAuthority":false,"certificate":"${root.base64}","isRootAuthority":true}]}`,
    );
    expect(r.findings.map((f) => `${f.rule} ${f.path}`)).toEqual([
      'body.duplicate-key /displayName',
      'body.duplicate-key /certificateAuthorities/0/isRootAuthority',
    ]);
    const many = await check(`{${Array(200_000).fill('"displayName":"x"').join(',')}}`);
    expect(many.findings.map((f) => `${f.rule} ${f.path}`)).toEqual(['body.duplicate-key /displayName']);
  });

  it('refuses a byte order mark at the start (position 1:1) and takes U+FEFF inside a string', async () => {
    const r = await check('\uFEFF{"displayName":"x"}');
    expect(r.findings.map((f) => [f.rule, f.line, f.column])).toEqual([['body.not-json', 1, 1]]);
    expect((await check('{"displayName":"\uFEFFx"}')).findings).toEqual([]);
  });

  it('takes lone surrogates in names, values and keys, escaped or raw', async () => {
    const text =
      '{"displayName":"\\ud800","\\udc00":1,"certificateAuthorities":[{"certificate":"\\ud83dabc","isRootAuthority":true,"\\ud800x":2}]}';
    const r = await check(text);
    expect(r.findings.map((f) => `${f.rule} ${f.path}`)).toEqual([
      'body.unknown-property /\udc00',
      'certificate.not-base64 /certificateAuthorities/0/certificate',
      'entry.unknown-property /certificateAuthorities/0/\ud800x',
    ]);
    expect(rulesOf(await check(JSON.parse(text)))).toEqual(rulesOf(r));
  });

  it('reports numbers and other JSON types where strings or booleans belong, member by member', async () => {
    const r = await check({
      '@odata.type': 7,
      displayName: 1,
      certificateAuthorities: [
        {
          certificate: root.base64,
          isRootAuthority: 'true',
          certificateRevocationListUrl: 5,
          deltaCertificateRevocationListUrl: [],
          issuer: 6,
          issuerSki: 7,
          '@odata.type': 8,
        },
        { certificate: 123, isRootAuthority: true },
      ],
    });
    expect(r.findings.map((f) => `${f.rule} ${f.path}`).sort()).toEqual([
      'body.odata-type-invalid /@odata.type',
      'body.odata-type-invalid /certificateAuthorities/0/@odata.type',
      'body.wrong-type /displayName',
      'certificate.not-base64 /certificateAuthorities/1/certificate',
      'echo.issuer /certificateAuthorities/0/issuer',
      'echo.issuer-ski /certificateAuthorities/0/issuerSki',
      'entry.root-flag-invalid /certificateAuthorities/0/isRootAuthority',
      'entry.url-wrong-type /certificateAuthorities/0/certificateRevocationListUrl',
      'entry.url-wrong-type /certificateAuthorities/0/deltaCertificateRevocationListUrl',
    ]);
  });
});

describe('prototype keys', () => {
  const snapshot = () => JSON.stringify([Object.getOwnPropertyNames(Object.prototype), Object.getOwnPropertyNames(Array.prototype)]);

  it('__proto__, constructor and prototype at every level are ordinary unknown members and pollute nothing', async () => {
    const before = snapshot();
    const text = `{"__proto__":{"polluted":1,"isRootAuthority":true},"constructor":{"prototype":{"polluted":2}},"prototype":{"polluted":3},
      "hasOwnProperty":4,"toString":5,"valueOf":6,
      "certificateAuthorities":[{"__proto__":{"isRootAuthority":true,"polluted":7},"constructor":{"prototype":{"polluted":8}},"certificate":"${root.base64}"}]}`;
    for (const input of [text, JSON.parse(text) as unknown]) {
      const r = await check(input);
      expect(r.findings.map((f) => `${f.rule} ${f.path}`)).toEqual([
        'body.unknown-property /__proto__',
        'body.unknown-property /constructor',
        'body.unknown-property /prototype',
        'body.unknown-property /hasOwnProperty',
        'body.unknown-property /toString',
        'body.unknown-property /valueOf',
        // The flag inside "__proto__" is not the entry's flag: the entry has none (an absent member sorts before the present ones).
        'entry.root-flag-invalid /certificateAuthorities/0/isRootAuthority',
        'entry.unknown-property /certificateAuthorities/0/__proto__',
        'entry.unknown-property /certificateAuthorities/0/constructor',
      ]);
    }
    expect(snapshot()).toBe(before);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  it('an object whose prototype was set by a literal "__proto__:" is not JSON data, and says how to write the member', async () => {
    const r = await check({ __proto__: { displayName: 'x' } });
    expect(rulesOf(r)).toEqual(['body.not-json']);
    expect(r.findings[0]!.message).toMatch(/an object whose prototype is another object/);
    expect(r.findings[0]!.fix).toMatch(/^Define a member named "__proto__" with JSON\.parse or Object\.defineProperty/);
  });

  it('values whose getters or proxy traps throw are reported as not readable', async () => {
    const boom = () => {
      throw new Error('boom');
    };
    for (const v of [
      {
        get displayName() {
          return boom();
        },
      },
      new Proxy({}, { ownKeys: boom }),
      withCas(new Proxy({}, { getPrototypeOf: boom })),
    ]) {
      const r = await check(v);
      expect(rulesOf(r)).toEqual(['body.not-json']);
      expect(r.findings[0]!.message).toBe('The body could not be read: boom.');
    }
  });
});

describe('chains built to be expensive', () => {
  it(`600 CAs sharing one subject name cost at most ${MAX_ISSUER_CANDIDATES} signature checks each, not one per pair`, async () => {
    const forged = await Promise.all(
      Array.from({ length: 600 }, (_, i) =>
        buildCertificate({ subject: 'CN=Same Name', key: keyA, signWith: keyB, serialNumber: i + 1, ...validity }),
      ),
    );
    const r = await check(withCas(...forged.map((c) => entry(c.base64))));
    expect(only(r, 'flag.root-not-self-signed').length).toBe(600);
  });

  it(`a ${MAX_CHAIN_WALK + 44}-CA chain is walked at most ${MAX_CHAIN_WALK} CAs up from each entry; a 3-CA loop is found`, async () => {
    const chain: BuiltCertificate[] = [root];
    for (let i = 1; i < MAX_CHAIN_WALK + 44; i++) {
      chain.push(
        await buildCertificate({ subject: `CN=Level ${i}`, key: i % 2 ? keyB : keyA, issuer: chain[i - 1]!, serialNumber: i, ...validity }),
      );
    }
    const r = await check(withCas(...chain.map((c, i) => entry(c.base64, { isRootAuthority: i === 0 }))));
    expect(rulesOf(r)).toEqual(['body.too-many-cas']);
    const names = ['CN=Loop 0', 'CN=Loop 1', 'CN=Loop 2'];
    const loop = await Promise.all(
      names.map((subject, i) =>
        buildCertificate({
          subject,
          key: [keyA, keyB, keyA][i]!,
          issuer: { subject: names[(i + 2) % 3]!, key: [keyA, keyB, keyA][(i + 2) % 3]! },
          ...validity,
        }),
      ),
    );
    const cycle = await check(withCas(...loop.map((c) => entry(c.base64, { isRootAuthority: false }))));
    expect(only(cycle, 'chain.no-root').map((f) => f.path)).toEqual([
      '/certificateAuthorities/0',
      '/certificateAuthorities/1',
      '/certificateAuthorities/2',
    ]);
  });
});
