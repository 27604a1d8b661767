// The example of docs/arbitraries.md, run as it is written there (only the two imports of this package point at src/).
import { beforeAll, expect, it } from 'vitest';
import fc from 'fast-check';
import { preflight } from '../src/index.js'; // 'ca-preflight'
import { createArbitraries, type CaPreflightArbitraries } from '../src/testing/arbitraries.js'; // 'ca-preflight/arbitraries'

/** The code under test: what your tool does to a trust list before it PATCHes Graph. */
function prepareTrustListPatch(body: Record<string, unknown>): Record<string, unknown> {
  const entries = body.certificateAuthorities as Record<string, unknown>[];
  return {
    ...(body.displayName !== undefined ? { displayName: body.displayName } : {}),
    // Only the writable members; issuer, issuerSki and @odata.* are dropped.
    certificateAuthorities: entries.map((e) => ({
      certificate: e.certificate,
      isRootAuthority: e.isRootAuthority,
      certificateRevocationListUrl: e.certificateRevocationListUrl ?? null,
      deltaCertificateRevocationListUrl: e.deltaCertificateRevocationListUrl ?? null,
    })),
  };
}

let arbs: CaPreflightArbitraries;
beforeAll(async () => {
  // Certificates are made once, here; P-256 keys only, to keep it fast.
  arbs = await createArbitraries({ seed: 1, keySpecs: ['P-256'] });
});

it('keeps a valid trust list valid and leaves nothing for the server to ignore', async () => {
  await fc.assert(
    fc.asyncProperty(arbs.validBody, async (body) => {
      const report = await preflight(prepareTrustListPatch(body), { at: arbs.at });
      expect(report.ok).toBe(true);
      expect(report.findings).toEqual([]); // not even the info findings of read-only echoes
    }),
    { numRuns: 50 },
  );
});

it('never hides a defect the server would reject', async () => {
  const defects = arbs.mutation(
    'certificate-pem',
    'certificate-truncated-der',
    'issuer-missing',
    'root-flag-true-on-intermediate',
    'duplicate-certificate',
  );
  await fc.assert(
    fc.asyncProperty(defects, async ({ body, expected }) => {
      const report = await preflight(prepareTrustListPatch(body as Record<string, unknown>), { at: arbs.at });
      expect(report.ok).toBe(false);
      expect(report.findings.map((f) => [f.rule, f.path])).toContainEqual([expected.rule, expected.path]);
    }),
    { numRuns: 50 },
  );
});
