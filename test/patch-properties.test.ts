/**
 * Laws of the safe update, over any current resource drawn from a pool of real certificates and any sequence of
 * operations: the request, applied by the simulator, gives exactly the intended CAs in the intended order; nothing
 * disappears unless removal was allowed; the request is a pure function of its (JSON) inputs.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { buildCertificate, buildHierarchy, generateKeyPair, type BuiltCertificate } from '../src/testing/builder.js';
import { buildPatchRequest } from '../src/diff/request.js';
import { diffConfigurations, isUnchanged } from '../src/diff/diff.js';
import type { PatchOperation } from '../src/diff/operations.js';
import { simulatePatch } from '../src/simulator/simulator.js';
import { inspectCertificate } from '../src/certificate/inspect.js';

const AT = '2026-06-01T00:00:00Z';
const notBefore = new Date('2025-01-01T00:00:00Z');
const notAfter = new Date('2040-01-01T00:00:00Z');
const ID = '00001111-aaaa-2222-bbbb-3333cccc4444';
const CRL = 'http://crl.example/ca.crl';

interface PoolCa {
  cert: BuiltCertificate;
  /** Pool index of its issuer; null for a root. */
  issuer: number | null;
  sha256: string;
  sha1: string;
  subjectRfc4514: string;
  subjectWindows: string;
  /** The entry as a GET response holds it (issuer, issuerSki computed by the simulator). */
  stored: Record<string, unknown>;
}

let pool: PoolCa[] = [];

beforeAll(async () => {
  const [r0, i0, i3] = await buildHierarchy({ depth: 3, namePrefix: 'Pool A', notBefore, notAfter });
  const [r1, i2] = await buildHierarchy({ depth: 2, namePrefix: 'Pool B', notBefore, notAfter });
  const i1 = await buildCertificate({
    subject: 'CN=Pool A Intermediate CA 9, O=Pool A, C=US',
    key: await generateKeyPair('P-256'),
    issuer: r0!,
    notBefore,
    notAfter,
  });
  const [r2] = await buildHierarchy({ depth: 1, namePrefix: 'Pool C', notBefore, notAfter });
  const [r3] = await buildHierarchy({ depth: 1, namePrefix: 'Pool D', notBefore, notAfter });
  const certs: [BuiltCertificate, number | null][] = [
    [r0!, null],
    [i0!, 0],
    [i3!, 1],
    [r1!, null],
    [i2!, 3],
    [i1, 0],
    [r2!, null],
    [r3!, null],
  ];
  const answer = await simulatePatch(
    { id: ID, displayName: 'pool', certificateAuthorities: [] },
    { body: { certificateAuthorities: certs.map(([c, issuer]) => ({ certificate: c.base64, isRootAuthority: issuer === null })) } },
    { at: AT },
  );
  if (answer.status !== 200) throw new Error(JSON.stringify(answer.body));
  const stored = answer.body.certificateAuthorities as Record<string, unknown>[];
  pool = await Promise.all(
    certs.map(async ([cert, issuer], i) => {
      const facts = await inspectCertificate(cert.der);
      return {
        cert,
        issuer,
        stored: stored[i]!,
        sha256: createHash('sha256').update(cert.der).digest('hex'),
        sha1: createHash('sha1').update(cert.der).digest('hex'),
        subjectRfc4514: facts.subject.rfc4514,
        subjectWindows: facts.subject.windows,
      };
    }),
  );
});

interface ModelEntry {
  ca: number;
  crl: string | null;
}

type OpSpec =
  | { kind: 'add'; ca: number; crl: string | undefined; form: 'pem' | 'base64' | 'der' }
  | { kind: 'remove'; pick: number; form: 'sha256' | 'sha256-colons' | 'sha1' | 'rfc4514' | 'windows' }
  | { kind: 'rename'; name: string | null };

const opSpec: fc.Arbitrary<OpSpec> = fc.oneof(
  fc.record({
    kind: fc.constant('add' as const),
    ca: fc.nat({ max: 7 }),
    crl: fc.constantFrom(undefined, CRL),
    form: fc.constantFrom('pem' as const, 'base64' as const, 'der' as const),
  }),
  fc.record({
    kind: fc.constant('remove' as const),
    pick: fc.nat({ max: 10 }),
    form: fc.constantFrom('sha256' as const, 'sha256-colons' as const, 'sha1' as const, 'rfc4514' as const, 'windows' as const),
  }),
  fc.record({ kind: fc.constant('rename' as const), name: fc.constantFrom('Door cameras', 'Renamed', null) }),
);

/** A chain-closed set of pool CAs (every intermediate with its issuer), in a drawn order, with drawn CRL URLs. */
const currentSpec = fc.record({
  members: fc.uniqueArray(fc.nat({ max: 7 }), { maxLength: 5 }),
  crls: fc.array(fc.constantFrom(null, CRL), { minLength: 8, maxLength: 8 }),
  displayName: fc.constantFrom('Door cameras', 'Other', null),
});

function closeChains(members: number[]): number[] {
  const out = [...members];
  for (let i = 0; i < out.length; i++) {
    const issuer = pool[out[i]!]!.issuer;
    if (issuer !== null && !out.includes(issuer)) out.push(issuer);
  }
  return out;
}

function removeText(p: PoolCa, form: Extract<OpSpec, { kind: 'remove' }>['form']): string {
  switch (form) {
    case 'sha256':
      return p.sha256;
    case 'sha256-colons':
      return p.sha256.toUpperCase().match(/../g)!.join(':');
    case 'sha1':
      return p.sha1.toUpperCase();
    case 'rfc4514':
      return p.subjectRfc4514;
    case 'windows':
      return p.subjectWindows;
  }
}

describe('buildPatchRequest + simulatePatch laws', () => {
  it('the simulated result holds exactly the intended CAs; nothing disappears unless allowed; requests are pure', async () => {
    await fc.assert(
      fc.asyncProperty(currentSpec, fc.array(opSpec, { maxLength: 5 }), fc.boolean(), async (cur, specs, allowRemoval) => {
        const members = closeChains(cur.members);
        const currentList: ModelEntry[] = members.map((ca) => ({ ca, crl: cur.crls[ca]! }));
        const current = {
          '@odata.context':
            'https://graph.microsoft.com/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations/$entity',
          id: ID,
          displayName: cur.displayName,
          tlsClientAuthParameter: 'tls_client_auth_subject_dn',
          certificateAuthorities: currentList.map((e) => ({ ...pool[e.ca]!.stored, certificateRevocationListUrl: e.crl })),
        };

        // The model: what the operations mean.
        let intended: ModelEntry[] = currentList.map((e) => ({ ...e }));
        let name: string | null = cur.displayName;
        const ops: PatchOperation[] = [];
        for (const s of specs) {
          if (s.kind === 'rename') {
            ops.push({ op: 'rename', displayName: s.name });
            name = s.name;
            continue;
          }
          if (s.kind === 'remove') {
            if (intended.length === 0) continue;
            const victim = intended[s.pick % intended.length]!;
            ops.push({ op: 'remove', ca: removeText(pool[victim.ca]!, s.form) });
            intended = intended.filter((e) => e !== victim);
            continue;
          }
          const p = pool[s.ca]!;
          const certificate = s.form === 'pem' ? p.cert.pem : s.form === 'base64' ? p.cert.base64 : p.cert.der;
          ops.push(s.crl === undefined ? { op: 'add', certificate } : { op: 'add', certificate, certificateRevocationListUrl: s.crl });
          const existing = intended.find((e) => e.ca === s.ca);
          if (existing) {
            if (s.crl !== undefined) existing.crl = s.crl;
          } else intended.push({ ca: s.ca, crl: s.crl ?? null });
        }

        // The list goes out in current order (a CA removed and added again is still a current one), additions last.
        const inCurrent = (e: ModelEntry) => currentList.some((c) => c.ca === e.ca);
        intended = [...currentList.flatMap((c) => intended.filter((e) => e.ca === c.ca)), ...intended.filter((e) => !inCurrent(e))];

        const result = await buildPatchRequest(current, ops, { at: AT, allowRemoval });
        const removes = currentList.some((c) => !intended.some((e) => e.ca === c.ca));
        const chainsClosed = intended.every((e) => pool[e.ca]!.issuer === null || intended.some((x) => x.ca === pool[e.ca]!.issuer));
        const sameList =
          intended.length === currentList.length && intended.every((e, i) => e.ca === currentList[i]!.ca && e.crl === currentList[i]!.crl);
        const unchanged = sameList && name === cur.displayName;

        if (!result.ok) {
          const kinds = result.refusal.reasons.map((r) => r.kind);
          expect(kinds.every((k) => k === 'removal' || k === 'findings')).toBe(true);
          expect(kinds.includes('removal')).toBe(removes && !allowRemoval);
          if (kinds.includes('findings')) {
            expect(chainsClosed).toBe(false);
            expect(result.refusal.report?.findings.some((f) => f.rule === 'chain.issuer-missing')).toBe(true);
          }
          expect(!chainsClosed || (removes && !allowRemoval)).toBe(true);
          return;
        }
        expect(removes && !allowRemoval).toBe(false); // nothing disappears unless its removal was allowed
        if (unchanged) {
          expect(result.request).toBeNull();
          return;
        }
        expect(chainsClosed).toBe(true);
        const request = result.request!;
        expect(request.url).toBe(`https://graph.microsoft.com/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations/${ID}`);
        expect(Object.keys(request.body).every((k) => k === 'displayName' || k === 'certificateAuthorities')).toBe(true);
        expect('certificateAuthorities' in request.body).toBe(!sameList);
        expect('displayName' in request.body).toBe(name !== cur.displayName);

        const answer = await simulatePatch(current, request, { at: AT });
        expect(answer.status).toBe(200);
        const after = answer.body as Record<string, unknown>;
        const list = after.certificateAuthorities as Record<string, unknown>[];
        expect(list.map((e) => e.certificate)).toEqual(intended.map((e) => pool[e.ca]!.cert.base64));
        expect(list.map((e) => e.certificateRevocationListUrl)).toEqual(intended.map((e) => e.crl));
        expect(after.displayName).toBe(name);
        expect(after.id).toBe(ID);

        const intendedResource = {
          displayName: name,
          certificateAuthorities: intended.map((e) => ({
            certificate: pool[e.ca]!.cert.base64,
            isRootAuthority: pool[e.ca]!.issuer === null,
            certificateRevocationListUrl: e.crl,
            deltaCertificateRevocationListUrl: null,
          })),
        };
        expect(isUnchanged(await diffConfigurations(after, intendedResource))).toBe(true);

        // Pure: the same request from JSON copies of the inputs (DER bytes travel as base64), and the request is plain JSON.
        const jsonOps = ops.map((o) =>
          o.op === 'add' && o.certificate instanceof Uint8Array ? { ...o, certificate: Buffer.from(o.certificate).toString('base64') } : o,
        );
        const again = await buildPatchRequest(JSON.parse(JSON.stringify(current)), JSON.parse(JSON.stringify(jsonOps)), {
          at: AT,
          allowRemoval,
        });
        expect(again.ok && again.request).toStrictEqual(request);
        expect(JSON.parse(JSON.stringify(request))).toStrictEqual(request);
      }),
      { numRuns: 60 },
    );
  });
});
