/**
 * GET-style resources (what `GET …/mutualTlsOauthConfigurations/{id}` returns) and update cases pairing a current
 * resource with a desired body, both drawn from the pool.
 */
import * as fc from 'fast-check';
import type { CertificatePool, PooledCa } from './pool.js';
import { bodyPlanArb, displayNameArb, planCertificates, renderPlan, type BodyPlan } from './body-plan.js';

export const GET_CONTEXT =
  'https://graph.microsoft.com/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations/$entity';
const TLS_CLIENT_AUTH = [
  'tls_client_auth_subject_dn',
  'tls_client_auth_san_dns',
  'tls_client_auth_san_uri',
  'tls_client_auth_san_ip',
  'tls_client_auth_san_email',
];

/** An entry as the server returns it: every member, with `issuer` (Windows style) and `issuerSki` computed. */
export function getEntry(cert: PooledCa, withCrl: boolean, withDelta: boolean): Record<string, unknown> {
  return {
    certificate: cert.base64,
    isRootAuthority: cert.selfSigned,
    certificateRevocationListUrl: withCrl ? cert.crlUrl : null,
    deltaCertificateRevocationListUrl: withCrl && withDelta ? cert.deltaCrlUrl : null,
    issuer: cert.issuerWindows,
    issuerSki: cert.ski,
  };
}

interface ResourcePlan {
  plan: BodyPlan;
  id: string;
  displayName: string | null;
  tls: string;
  crl: boolean[];
  delta: boolean[];
}

function resourcePlanArb(pool: CertificatePool): fc.Arbitrary<ResourcePlan> {
  const max = pool.hierarchies.reduce((n, h) => n + h.length, 0);
  return fc.record({
    plan: bodyPlanArb(pool),
    id: fc.uuid(),
    displayName: fc.option(displayNameArb(), { nil: null }),
    tls: fc.constantFrom(...TLS_CLIENT_AUTH),
    crl: fc.array(fc.boolean(), { minLength: max, maxLength: max }),
    delta: fc.array(fc.boolean(), { minLength: max, maxLength: max }),
  });
}

function renderResource(pool: CertificatePool, p: ResourcePlan): Record<string, unknown> {
  return {
    '@odata.context': GET_CONTEXT,
    id: p.id,
    deletedDateTime: null,
    displayName: p.displayName,
    tlsClientAuthParameter: p.tls,
    certificateAuthorities: planCertificates(pool, p.plan).map((c, i) => getEntry(c, p.crl[i]!, p.delta[i]!)),
  };
}

export function currentResourceArb(pool: CertificatePool): fc.Arbitrary<Record<string, unknown>> {
  return resourcePlanArb(pool).map((p) => renderResource(pool, p));
}

export interface UpdateCase {
  /** The GET response being patched. */
  current: Record<string, unknown>;
  /** A valid body (complete chains): no error findings against `current`. */
  body: Record<string, unknown>;
  /** SHA-256 thumbprints of the current CAs the body leaves out (the server deletes them). */
  removed: string[];
  /** SHA-256 thumbprints of the body's CAs the current resource does not have. */
  added: string[];
}

/**
 * A current resource and a desired body drawn independently: CAs in both are kept, the others added or removed.
 * Every pooled CA is valid at `at`, so `update.adds-while-expired` never fires; `update.removes-cas` fires exactly
 * when `removed` is not empty.
 */
export function updateCaseArb(pool: CertificatePool): fc.Arbitrary<UpdateCase> {
  return fc.tuple(resourcePlanArb(pool), bodyPlanArb(pool)).map(([cur, desired]) => {
    const current = renderResource(pool, cur);
    const { body, entries } = renderPlan(pool, desired);
    const before = new Set(planCertificates(pool, cur.plan).map((c) => c.sha256));
    const after = new Set(entries.map((e) => e.cert.sha256));
    return {
      current,
      body,
      removed: [...before].filter((t) => !after.has(t)),
      added: [...after].filter((t) => !before.has(t)),
    };
  });
}
