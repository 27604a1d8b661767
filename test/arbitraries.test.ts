/**
 * The arbitraries themselves: the pool holds what it claims (checked with @peculiar/x509 and node:crypto, not with
 * this library's parser), the layout follows the seed, the mutation catalogue matches the rule registry, and the
 * GET-style resources and update cases carry the right echoes and thumbprints.
 */
import 'reflect-metadata';
import * as x509 from '@peculiar/x509';
import { createHash } from 'node:crypto';
import { readFileSync } from 'node:fs';
import * as fc from 'fast-check';
import { beforeAll, describe, expect, it } from 'vitest';
import { createArbitraries, mutationKinds, type CaPreflightArbitraries, type PooledCertificate } from '../src/testing/arbitraries.js';
import { preflight } from '../src/preflight.js';
import { inspectCertificate } from '../src/certificate/inspect.js';
import { ruleById, rules } from '../src/rules/registry.js';
import { uncoveredRules, uncoveredRulesLine } from '../scripts/lib/uncovered-rules.js';
import { assertReportShape } from './support/report-invariants.js';

let arbs: CaPreflightArbitraries;
beforeAll(async () => {
  arbs = await createArbitraries({ seed: 11 });
});

const x509Of = (c: PooledCertificate) => new x509.X509Certificate(c.der);
/** RDNs in certificate order, as @peculiar/x509 reads them; our strings are most specific first. */
const rdnsOf = (name: x509.Name) => JSON.stringify(name.toJSON());
const rdnsOfString = (dn: string) => JSON.stringify(new x509.Name(dn).toJSON().reverse());
const sha256 = (der: Uint8Array) => createHash('sha256').update(der).digest('hex');
const thumbprintOfBase64 = (b64: string) => sha256(Buffer.from(b64, 'base64'));

function everyCertificate(a: CaPreflightArbitraries): PooledCertificate[] {
  const { pool } = a;
  return [...pool.hierarchies.flat().flatMap((ca) => [ca, ...Object.values(ca.twins)]), ...pool.leaves, ...pool.crossPair, pool.weakRoot];
}

describe('the certificate pool', () => {
  it('holds hierarchies whose certificates are what the pool says (oracle: @peculiar/x509, node:crypto)', async () => {
    expect(arbs.pool.hierarchies.length).toBe(4);
    for (const chain of arbs.pool.hierarchies) {
      expect(chain.length).toBeGreaterThanOrEqual(2);
      for (const [level, ca] of chain.entries()) {
        const cert = x509Of(ca);
        expect(ca.level).toBe(level);
        expect(rdnsOf(cert.subjectName)).toBe(rdnsOfString(ca.subject));
        expect(rdnsOf(cert.issuerName)).toBe(rdnsOfString(ca.issuer));
        expect(ca.sha256).toBe(sha256(ca.der));
        expect(ca.base64).toBe(Buffer.from(ca.der).toString('base64'));
        expect(ca.base64url).toBe(Buffer.from(ca.der).toString('base64url'));
        expect(ca.ski).toBe(cert.getExtension(x509.SubjectKeyIdentifierExtension)!.keyId.toUpperCase());
        expect(await cert.isSelfSigned()).toBe(ca.selfSigned);
        expect(ca.selfSigned).toBe(level === 0);
        expect(cert.notBefore.getTime()).toBeLessThanOrEqual(arbs.at.getTime());
        expect(cert.notAfter.getTime()).toBeGreaterThan(arbs.at.getTime());
        expect(ca.crlUrl).toMatch(/^http:\/\//);
        if (ca.parent) {
          expect(await cert.verify({ publicKey: x509Of(ca.parent).publicKey, signatureOnly: true })).toBe(true);
          const cdp = cert.getExtension(x509.CRLDistributionPointsExtension)!;
          expect(cdp.distributionPoints[0]!.distributionPoint!.fullName![0]!.uniformResourceIdentifier).toBe(ca.parent.crlUrl);
        }
      }
    }
  });

  it('writes Windows-style names the way the library reads them back', async () => {
    for (const ca of arbs.pool.hierarchies.flat()) {
      const facts = await inspectCertificate(ca.der);
      expect(ca.subjectWindows).toBe(facts.subject.windows);
      expect(ca.issuerWindows).toBe(facts.issuer.windows);
    }
  });

  it('gives every CA twins with its subject and key and exactly their defect', async () => {
    const at = arbs.at.getTime();
    for (const ca of arbs.pool.hierarchies.flat()) {
      const original = x509Of(ca);
      const parentKey = ca.parent ? x509Of(ca.parent).publicKey : original.publicKey;
      for (const [kind, twin] of Object.entries(ca.twins)) {
        const cert = x509Of(twin);
        expect(rdnsOf(cert.subjectName), kind).toBe(rdnsOf(original.subjectName));
        expect(Buffer.from(cert.publicKey.rawData).equals(Buffer.from(original.publicKey.rawData)), kind).toBe(true);
        expect(twin.sha256).not.toBe(ca.sha256);
        expect(await cert.verify({ publicKey: parentKey, signatureOnly: true }), kind).toBe(kind !== 'forgedSignature');
        if (kind === 'expired') expect(cert.notAfter.getTime()).toBeLessThan(at);
        else if (kind === 'notYetValid') expect(cert.notBefore.getTime()).toBeGreaterThan(at);
        else expect(cert.notBefore.getTime() <= at && at < cert.notAfter.getTime(), kind).toBe(true);
      }
      expect(Object.keys(ca.twins).length).toBe(ca.parent ? 23 : 20);
    }
  });

  it('has leaves, a cross-certified pair and a weak root', async () => {
    for (const [h, leaf] of arbs.pool.leaves.entries()) {
      const chain = arbs.pool.hierarchies[h]!;
      expect(await x509Of(leaf).verify({ publicKey: x509Of(chain[chain.length - 1]!).publicKey, signatureOnly: true })).toBe(true);
      expect(x509Of(leaf).getExtension(x509.BasicConstraintsExtension)!.ca).toBe(false);
    }
    const [a, b] = arbs.pool.crossPair.map(x509Of);
    expect(await a!.verify({ publicKey: b!.publicKey, signatureOnly: true })).toBe(true);
    expect(await b!.verify({ publicKey: a!.publicKey, signatureOnly: true })).toBe(true);
    expect(await x509Of(arbs.pool.weakRoot).isSelfSigned()).toBe(true);
    expect((x509Of(arbs.pool.weakRoot).publicKey.algorithm as RsaHashedKeyAlgorithm).modulusLength).toBe(1024);
  });

  it('follows the seed: same seed, same layout and serial numbers; another seed, other names', async () => {
    const layout = (a: CaPreflightArbitraries) =>
      everyCertificate(a).map((c) => [c.id, c.subject, c.issuer, c.crlUrl, x509Of(c).serialNumber, c.notAfter.toISOString()]);
    const opts = { keySpecs: ['P-256'] as const, poolSize: 2, at: new Date('2027-03-04T05:06:07Z') };
    const [one, two, other] = await Promise.all([
      createArbitraries({ ...opts, seed: 5 }),
      createArbitraries({ ...opts, seed: 5 }),
      createArbitraries({ ...opts, seed: 6 }),
    ]);
    expect(layout(two)).toEqual(layout(one));
    expect(layout(other).map((l) => l[1])).not.toEqual(layout(one).map((l) => l[1]));
    // The same fast-check seed picks the same certificates (named by pool id; the bytes differ: keys are random).
    const byId = (a: CaPreflightArbitraries, body: Record<string, unknown>) => {
      const ids = new Map(
        everyCertificate(a).flatMap(
          (c) =>
            [
              [c.base64, c.id],
              [c.base64url, c.id],
            ] as const,
        ),
      );
      return JSON.stringify(body, (k, v) =>
        k === 'certificate' ? (ids.get(v as string) ?? v) : k === 'issuerSki' || k === 'issuer' ? '(echo)' : v,
      );
    };
    const sample = (a: CaPreflightArbitraries) => fc.sample(a.validBody, { seed: 42, numRuns: 15 }).map((b) => byId(a, b));
    expect(sample(two)).toEqual(sample(one));
  });

  it('refuses options it cannot honour', async () => {
    await expect(createArbitraries({ poolSize: 0 })).rejects.toThrow(RangeError);
    await expect(createArbitraries({ poolSize: 1.5 })).rejects.toThrow(/poolSize/);
    await expect(createArbitraries({ keySpecs: [] })).rejects.toThrow(/keySpecs/);
    await expect(createArbitraries({ keySpecs: ['RSA-512' as 'RSA-1024'] })).rejects.toThrow(/unsupported key spec/);
    await expect(createArbitraries({ seed: 0.5 })).rejects.toThrow(/seed/);
    await expect(createArbitraries({ at: new Date(Number.NaN) })).rejects.toThrow(/at/);
  });
});

describe('the mutation catalogue', () => {
  it("has at least twenty kinds, each tied to a registered rule with that rule's severity", () => {
    expect(mutationKinds.length).toBeGreaterThanOrEqual(20);
    expect(new Set(mutationKinds.map((k) => k.kind)).size).toBe(mutationKinds.length);
    for (const k of mutationKinds) {
      const rule = ruleById(k.rule);
      expect(rule, k.kind).toBeDefined();
      expect(k.severity, k.kind).toBe(rule!.severity);
      for (const also of k.mayAlso) expect(ruleById(also), `${k.kind} → ${also}`).toBeDefined();
      expect(k.description.length).toBeGreaterThan(10);
    }
  });

  it('lists in docs/arbitraries.md exactly the rules it does not produce (run `npm run generate`)', () => {
    const doc = readFileSync(new URL('../docs/arbitraries.md', import.meta.url), 'utf8');
    const listed = /<!-- uncovered:start -->\n([\s\S]*?)\n<!-- uncovered:end -->/.exec(doc)?.[1];
    expect(listed).toBe(uncoveredRulesLine());
    // Every kind still produces a rule some body can trip: the list is what is left over, never the whole registry.
    // Rules that read more than the body (CRL files or downloads) cannot be produced by a body and are not counted.
    const bodyOnly = rules.filter((r) => !r.needs);
    expect(uncoveredRules().filter((id) => bodyOnly.some((r) => r.id === id)).length).toBeLessThan(bodyOnly.length / 4);
  });

  it('restricts invalidBody to the kinds asked for', () => {
    const kinds = ['issuer-missing', 'certificate-pem'] as const;
    const seen = new Set(fc.sample(arbs.mutation(...kinds), { seed: 3, numRuns: 40 }).map((m) => m.kind));
    expect([...seen].sort()).toEqual([...kinds].sort());
    expect(() => arbs.mutation('no-such-kind' as 'issuer-missing')).toThrow(/unknown mutation kind/);
  });
});

describe('GET-style resources and update cases', () => {
  it('a re-sent GET response trips only the read-only and control-information rules; its echoes match', async () => {
    await fc.assert(
      fc.asyncProperty(arbs.currentResource, async (resource) => {
        expect(resource.id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{4}-[0-9a-f]{12}$/);
        expect(resource['@odata.context']).toMatch(/\$metadata#directory\/certificateAuthorities\/mutualTlsOauthConfigurations\/\$entity$/);
        const report = await preflight(resource, { at: arbs.at });
        assertReportShape(report, { value: resource });
        const notInfo = report.findings
          .filter((f) => f.severity !== 'info')
          .map((f) => `${f.rule} ${f.path}`)
          .sort();
        expect(notInfo).toEqual([
          'body.odata-control-ignored /@odata.context',
          'body.read-only-property /deletedDateTime',
          'body.read-only-property /id',
          'body.read-only-property /tlsClientAuthParameter',
        ]);
        const echoes = report.findings.filter((f) => f.rule.startsWith('echo.'));
        expect(echoes.length).toBe(2 * (resource.certificateAuthorities as unknown[]).length);
      }),
      { numRuns: 25 },
    );
  });

  it('update cases: no error against the current resource, and update.removes-cas exactly when CAs are removed', async () => {
    await fc.assert(
      fc.asyncProperty(arbs.update, async ({ current, body, removed, added }) => {
        const before = new Set((current.certificateAuthorities as { certificate: string }[]).map((e) => thumbprintOfBase64(e.certificate)));
        const after = new Set((body.certificateAuthorities as { certificate: string }[]).map((e) => thumbprintOfBase64(e.certificate)));
        expect(removed.sort()).toEqual([...before].filter((t) => !after.has(t)).sort());
        expect(added.sort()).toEqual([...after].filter((t) => !before.has(t)).sort());
        const report = await preflight(body, { at: arbs.at, current });
        assertReportShape(report, { value: body });
        expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
        expect(report.findings.some((f) => f.rule === 'update.removes-cas')).toBe(removed.length > 0);
      }),
      { numRuns: 25 },
    );
  });

  it('validText is the JSON text of a valid body', async () => {
    for (const text of fc.sample(arbs.validText, { seed: 9, numRuns: 10 })) {
      expect(typeof JSON.parse(text)).toBe('object');
      expect((await preflight(text, { at: arbs.at })).ok).toBe(true);
    }
  });
});

describe('docs/arbitraries.md', () => {
  const doc = readFileSync(new URL('../docs/arbitraries.md', import.meta.url), 'utf8');

  it('lists every mutation kind with its rule and severity', () => {
    for (const k of mutationKinds) expect(doc, k.kind).toContain(`| \`${k.kind}\` | \`${k.rule}\` | ${k.severity} |`);
  });

  it('shows the example that test/arbitraries-example.test.ts runs', () => {
    const test = readFileSync(new URL('./arbitraries-example.test.ts', import.meta.url), 'utf8')
      .split('\n')
      .slice(1)
      .join('\n')
      .replace(/from '\.\.\/src\/index\.js'; \/\/ 'ca-preflight'/, "from 'ca-preflight';")
      .replace(/from '\.\.\/src\/testing\/arbitraries\.js'; \/\/ 'ca-preflight\/arbitraries'/, "from 'ca-preflight/arbitraries';");
    const block = /```ts\n([\s\S]*?)```/.exec(doc)![1]!;
    expect(block.trim()).toBe(test.trim());
  });
});
