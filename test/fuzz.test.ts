/**
 * A fuzz run in CI: random JSON, random body-shaped values, random text, valid bodies mutated as text, valid bodies
 * against random current resources, and certificates mutated as DER. Every input must give a well-formed Report (see
 * support/report-invariants.ts) and never throw.
 * Inputs are cheap by design (a few pooled certificates, small bodies) so that 10,000+ of them run in seconds.
 * Seeds are random on each run: a failure prints the seed and the shrunk input to replay it.
 */
import { afterAll, beforeAll, describe, it } from 'vitest';
import * as fc from 'fast-check';
import { preflight } from '../src/preflight.js';
import { createArbitraries, type CaPreflightArbitraries, type PooledCertificate } from '../src/testing/arbitraries.js';
import { encodeBase64 } from '../src/certificate/encoding.js';
import { assertReportShape } from './support/report-invariants.js';

let arbs: CaPreflightArbitraries;
let certificates: PooledCertificate[];
const counts: Record<string, number> = {};
const started = Date.now();

beforeAll(async () => {
  arbs = await createArbitraries({ seed: 77, keySpecs: ['P-256', 'RSA-2048'], poolSize: 2 });
  certificates = arbs.pool.hierarchies.flat().flatMap((ca) => [ca, ...Object.values(ca.twins)]);
});

afterAll(() => {
  const total = Object.values(counts).reduce((a, b) => a + b, 0);
  console.log(
    `fuzz: ${total} inputs (${Object.entries(counts)
      .map(([k, n]) => `${k} ${n}`)
      .join(', ')}) in ${((Date.now() - started) / 1000).toFixed(1)} s`,
  );
});

/** Runs one input and checks the report; `value` is what the findings point into (absent for text that is not JSON). */
async function run(kind: string, input: unknown, current?: unknown): Promise<void> {
  counts[kind] = (counts[kind] ?? 0) + 1;
  const report = await preflight(input, current === undefined ? { at: arbs.at } : { at: arbs.at, current });
  let value: { value: unknown } | undefined = { value: input };
  if (typeof input === 'string') {
    try {
      value = { value: JSON.parse(input) };
    } catch {
      value = undefined;
    }
  }
  assertReportShape(report, value);
}

const MEMBER_NAMES = [
  'displayName',
  'certificateAuthorities',
  'certificateAuthority',
  'id',
  'tlsClientAuthParameter',
  'deletedDateTime',
  '@odata.type',
  '@odata.context',
  '__proto__',
  'constructor',
  'prototype',
  '',
];
const ENTRY_NAMES = [
  'certificate',
  'isRootAuthority',
  'certificateRevocationListUrl',
  'deltaCertificateRevocationListUrl',
  'issuer',
  'issuerSki',
  'issuerSubjectkeyIdentifier',
  '@odata.type',
  '__proto__',
  'constructor',
];
const ODD_STRINGS = [
  '',
  ' ',
  'Binary',
  'MAA=',
  '-----BEGIN CERTIFICATE-----',
  'http://crl.example.test/ca.crl',
  'https://x',
  'ldap://x',
  'crl',
  '#microsoft.graph.certificateAuthority',
  '#microsoft.graph.mutualTlsOauthConfiguration',
  'CN=x, O=y',
  '\ud800',
  '\u0000',
  'true',
  'null',
];

/** Values that mostly look like a trust list, so the fuzz reaches past the first type checks. */
function bodyShaped(): fc.Arbitrary<unknown> {
  const cert = fc.constantFrom(...certificates.map((c) => c.base64), ...certificates.slice(0, 3).map((c) => c.base64url));
  const member = fc.oneof(fc.jsonValue({ maxDepth: 2 }), fc.constantFrom<unknown>(...ODD_STRINGS), fc.boolean(), cert);
  const entry = fc.oneof(
    { weight: 4, arbitrary: fc.dictionary(fc.constantFrom(...ENTRY_NAMES), member, { maxKeys: 6 }) },
    { weight: 1, arbitrary: member },
  );
  return fc.dictionary(fc.constantFrom(...MEMBER_NAMES), fc.oneof(member, fc.array(entry, { maxLength: 5 })), { maxKeys: 5 });
}

type TextEdit = { op: 'replace' | 'delete' | 'insert' | 'truncate' | 'duplicate'; pos: number; len: number; text: string };
const textEdit: fc.Arbitrary<TextEdit> = fc.record({
  op: fc.constantFrom('replace', 'delete', 'insert', 'truncate', 'duplicate'),
  pos: fc.nat(),
  len: fc.nat(24),
  text: fc.oneof(
    fc.string({ maxLength: 4 }),
    fc.constantFrom('"', '\\', '{', '}', '[', ']', ',', ':', '\ud800', '\uFEFF', '\n', '0', 'e9', '-', 'A', '='),
  ),
});

function applyTextEdit(s: string, e: TextEdit): string {
  const at = s.length === 0 ? 0 : e.pos % (s.length + 1);
  switch (e.op) {
    case 'replace':
      return s.slice(0, at) + e.text + s.slice(at + Math.max(1, e.text.length));
    case 'delete':
      return s.slice(0, at) + s.slice(at + 1 + e.len);
    case 'insert':
      return s.slice(0, at) + e.text + s.slice(at);
    case 'truncate':
      return s.slice(0, at);
    case 'duplicate':
      return s.slice(0, at + e.len) + s.slice(at, at + e.len) + s.slice(at + e.len);
  }
}

type DerEdit = { op: 'flip' | 'length' | 'truncate' | 'insert' | 'splice'; pos: number; value: number; other: number };
const derEdit: fc.Arbitrary<DerEdit> = fc.record({
  op: fc.constantFrom('flip', 'flip', 'length', 'truncate', 'insert', 'splice'),
  pos: fc.nat(),
  value: fc.nat(255),
  other: fc.nat(),
});

/** Length bytes an attacker likes: zero, one byte short, long forms, indefinite, absurd. */
const LENGTH_BYTES = [0x00, 0x01, 0x7f, 0x80, 0x81, 0x82, 0x83, 0x84, 0x88, 0xff];

function applyDerEdit(der: Uint8Array, e: DerEdit): Uint8Array {
  const at = e.pos % Math.max(1, der.length);
  switch (e.op) {
    case 'flip': {
      const out = der.slice();
      out[at] = out[at]! ^ (1 << (e.value % 8));
      return out;
    }
    case 'length': {
      // The byte after a tag: most often a length field. Also rewrite the outer length now and then.
      const out = der.slice();
      out[e.value % 4 === 0 ? 1 : Math.min(at + 1, out.length - 1)] = LENGTH_BYTES[e.value % LENGTH_BYTES.length]!;
      return out;
    }
    case 'truncate':
      return der.slice(0, at);
    case 'insert':
      return Uint8Array.from([...der.subarray(0, at), e.value, ...der.subarray(at)]);
    case 'splice': {
      const donor = certificates[e.other % certificates.length]!.der;
      const from = e.other % donor.length;
      return Uint8Array.from([
        ...der.subarray(0, at),
        ...donor.subarray(from, from + 1 + (e.value % 64)),
        ...der.subarray(at + 1 + (e.value % 64)),
      ]);
    }
  }
}

describe('fuzz: preflight gives a well-formed report for anything', () => {
  it('random JSON values, parsed and as text (3,000)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.jsonValue(), fc.boolean(), async (v, asText) => {
        await run('json', asText ? JSON.stringify(v) : v);
      }),
      { numRuns: 3000 },
    );
  });

  it('random values shaped like a trust list (3,000)', async () => {
    await fc.assert(
      fc.asyncProperty(bodyShaped(), fc.boolean(), async (v, asText) => {
        await run('shaped', asText ? JSON.stringify(v) : v);
      }),
      { numRuns: 3000 },
    );
  });

  it('random text (1,500)', async () => {
    const text = fc.oneof(
      fc.string({ unit: 'binary', maxLength: 64 }),
      fc.json(),
      fc.string({ unit: fc.constantFrom('{', '}', '[', ']', '"', ':', ',', '\\', '1', 'a', ' '), maxLength: 80 }),
    );
    await fc.assert(
      fc.asyncProperty(text, async (s) => run('text', s)),
      { numRuns: 1500 },
    );
  });

  it('valid bodies mutated as text: replacements, deletions, insertions, truncations, duplications (2,000)', async () => {
    await fc.assert(
      fc.asyncProperty(arbs.validText, fc.array(textEdit, { minLength: 1, maxLength: 4 }), async (text, edits) => {
        await run('mutated-text', edits.reduce(applyTextEdit, text));
      }),
      { numRuns: 2000 },
    );
  });

  it('valid bodies against random current resources, as values (500)', async () => {
    // Not strings: a `current` given as text that is not JSON is a bad option, which preflight rejects with a TypeError.
    const current = fc.oneof(
      fc.jsonValue({ maxDepth: 3 }).filter((v) => typeof v !== 'string'),
      bodyShaped(),
      arbs.currentResource,
    );
    await fc.assert(
      fc.asyncProperty(arbs.validBody, current, async (body, cur) => run('current', body, cur)),
      { numRuns: 500 },
    );
  });

  it('certificates mutated as DER: bit flips, length fields, truncations, insertions, splices (1,500)', async () => {
    const target = fc.nat(certificates.length - 1);
    await fc.assert(
      fc.asyncProperty(target, fc.array(derEdit, { minLength: 1, maxLength: 3 }), fc.boolean(), async (i, edits, isRoot) => {
        const cert = certificates[i]!;
        const der = edits.reduce(applyDerEdit, cert.der as Uint8Array);
        // The issuer's hierarchy is listed too, so a mutated certificate that still parses is chained and verified.
        const chain = arbs.pool.hierarchies[cert.hierarchy]!.slice(0, cert.level).map((ca) => ({
          certificate: ca.base64,
          isRootAuthority: ca.selfSigned,
        }));
        await run('mutated-der', { certificateAuthorities: [...chain, { certificate: encodeBase64(der), isRootAuthority: isRoot }] });
      }),
      { numRuns: 1500 },
    );
  });
});
