/**
 * `crlCase`: a valid body and CRL files (or downloads of its configured URLs) with exactly one CRL defect, and the
 * finding that defect must produce; `validCrls`: a valid body with the good CRLs of CAs that configure their URL,
 * which produce no error and no warning. The CRLs come from the CRL pool (crl-pool.ts).
 */
import * as fc from 'fast-check';
import type { CrlFetchFailure, CrlInput, CrlMember } from '../crl/types.js';
import type { Severity } from '../types.js';
import type { CertificatePool } from './pool.js';
import type { CrlPool, CrlVariant } from './crl-pool.js';
import { bodyPlanArb, renderPlan, type RenderedBody, type RenderedEntry } from './body-plan.js';
import { entryPath, intermediateEntry, parentEntry, pick, type MutationChoice } from './mutations/types.js';

const BASE: CrlMember = 'certificateRevocationListUrl';
const DELTA: CrlMember = 'deltaCertificateRevocationListUrl';

/** A valid body with CRLs, one of which (or one download) carries one defect, and the finding it must produce. */
export interface CrlCase {
  kind: CrlCaseKind;
  body: Record<string, unknown>;
  /** Pass as `preflight(body, { crls, at })`. */
  crls: CrlInput[];
  expected: { rule: string; path: string; severity: Severity };
  /** Rules the case may also trip; info findings (crl.checked, crl.not-checked …) may always appear. */
  mayAlso: readonly string[];
}

interface Setup {
  r: RenderedBody;
  c: MutationChoice;
  pool: CertificatePool;
  crls: CrlPool;
}

interface CrlCaseSpec {
  kind: string;
  rule: string;
  severity: Severity;
  description: string;
  /** The body lists a CA together with its issuer. */
  needsIntermediate?: boolean;
  mayAlso?: readonly string[];
  apply(s: Setup): { crls: CrlInput[]; path: string };
}

/** Makes the entry configure its CA's own CRL URL (and, with `delta`, its delta CRL URL); returns the members' pointers. */
export function configure(e: RenderedEntry, delta = false): { base: string; delta: string } {
  e.object[BASE] = e.cert.crlUrl;
  if (delta) e.object[DELTA] = e.cert.deltaCrlUrl;
  return { base: entryPath(e.index, BASE), delta: entryPath(e.index, DELTA) };
}

export const fileOf = (bytes: Uint8Array, source: string): CrlInput => ({ source, bytes });

/** A download of a configured URL: its bytes, or why it gave none. */
export function download(e: RenderedEntry, member: CrlMember, got: Uint8Array | CrlFetchFailure): CrlInput {
  const url = (member === BASE ? e.cert.crlUrl : e.cert.deltaCrlUrl)!;
  return { source: url, from: { index: e.index, member, url }, ...(got instanceof Uint8Array ? { bytes: got } : { failure: got }) };
}

/** The CRL file of the entry's CA, as a Windows CA names it in CertEnroll. */
export const crlFile = (crls: CrlPool, e: RenderedEntry, variant: CrlVariant): CrlInput =>
  fileOf(crls.byCa.get(e.cert)!.der[variant], `${e.cert.id.replace('/', '-')}${variant === 'good' ? '' : `-${variant}`}.crl`);

/** The outer SEQUENCE in BER's indefinite-length form, cut short, or an HTML error page saved as the CRL. */
export function notDer(good: Uint8Array, n: number): Uint8Array {
  const head = good[1]! & 0x80 ? 2 + (good[1]! & 0x7f) : 2;
  if (n % 3 === 0) return Uint8Array.from([0x30, 0x80, ...good.subarray(head), 0, 0]);
  if (n % 3 === 1) return good.subarray(0, good.length - 1 - (n % 17));
  return new TextEncoder().encode('<html><body>403 Forbidden</body></html>');
}

/** Download failures Entra names with AADSTS500173 (a status, DNS, a redirect loop, a scheme it cannot fetch). */
export function failedDownload(n: number): CrlFetchFailure {
  return pick<CrlFetchFailure>(
    [
      { kind: 'status', status: 403 },
      { kind: 'status', status: 404 },
      { kind: 'status', status: 503 },
      { kind: 'network', message: 'getaddrinfo ENOTFOUND crl.example.test' },
      { kind: 'redirects', count: 6 },
      { kind: 'scheme', scheme: 'ldap' },
    ],
    n,
  );
}

/** One CRL (a file or a download) for the configured base CRL URL of any listed CA; the finding is on that URL. */
const onEntry = <K extends string>(
  kind: K,
  rule: string,
  severity: Severity,
  description: string,
  give: (s: Setup, e: RenderedEntry) => CrlInput,
): CrlCaseSpec & { kind: K } => ({
  kind,
  rule,
  severity,
  description,
  apply: (s) => {
    const e = pick(s.r.entries, s.c.a);
    const path = configure(e).base;
    return { crls: [give(s, e)], path };
  },
});

/** One defect on a configured CRL of any listed CA, read from a file. */
const onFile = <K extends string>(kind: K, variant: CrlVariant, rule: string, severity: Severity, description: string) =>
  onEntry(kind, rule, severity, description, (s, e) => crlFile(s.crls, e, variant));

/** What a download of a configured URL of any listed CA brought: bytes with one defect, or a failure. */
const onDownload = <K extends string>(
  kind: K,
  rule: string,
  severity: Severity,
  description: string,
  got: (s: Setup, e: RenderedEntry) => Uint8Array | CrlFetchFailure,
) => onEntry(kind, rule, severity, description, (s, e) => download(e, BASE, got(s, e)));

const SPECS = [
  onFile(
    'crl-checked',
    'good',
    'crl.checked',
    'info',
    "A listed CA's good CRL for its configured URL: it matches, verifies and is in its validity window.",
  ),
  onFile('crl-expired', 'expired', 'crl.expired', 'error', 'The CRL expired a day before `at` (AADSTS500172).'),
  onFile('crl-not-yet-valid', 'notYetValid', 'crl.not-yet-valid', 'error', 'The CRL is valid from an hour after `at` (AADSTS500172).'),
  onFile(
    'crl-signature-invalid',
    'forged',
    'crl.signature-invalid',
    'error',
    'The CRL names the CA and carries its AKI, but another key signed it (AADSTS2205015).',
  ),
  onFile(
    'crl-aki-mismatch',
    'wrongAki',
    'crl.aki-mismatch',
    'error',
    "The CRL's authorityKeyIdentifier is not the CA's SKI (AADSTS2205015).",
  ),
  onFile('crl-aki-missing', 'noAki', 'crl.aki-mismatch', 'error', 'The CRL has no authorityKeyIdentifier (AADSTS2205015).'),
  onFile(
    'crl-issuer-mismatch',
    'renamed',
    'crl.issuer-mismatch',
    'warning',
    "The CRL names another issuer; its AKI and signature are the CA's.",
  ),
  onFile('crl-number-missing', 'noNumber', 'crl.number-missing', 'warning', 'The CRL has no CRL number.'),
  onFile('crl-number-critical', 'criticalNumber', 'crl.number-critical', 'warning', 'The CRL marks its CRL number critical.'),
  onFile('crl-next-update-missing', 'noNextUpdate', 'crl.next-update-missing', 'warning', 'The CRL has no nextUpdate.'),
  onFile(
    'crl-unknown-critical-extension',
    'criticalExtension',
    'crl.unknown-critical-extension',
    'error',
    'The CRL carries a critical private extension.',
  ),
  onFile(
    'crl-signature-unverifiable',
    'unverifiable',
    'crl.signature-unverifiable',
    'warning',
    'The CRL is labelled MD5 (RSA), SHA-224 (ECDSA) or Ed448 (Ed25519), which cannot be verified here.',
  ),
  onEntry(
    'crl-pem-file',
    'crl.pem-armour',
    'warning',
    'The CRL file is PEM text: read and checked, with a warning that the URL must serve DER.',
    (s, e) => fileOf(new TextEncoder().encode(s.crls.byCa.get(e.cert)!.pem), `${e.cert.id.replace('/', '-')}.crl.pem`),
  ),
  onDownload(
    'crl-pem-served',
    'crl.pem-armour',
    'error',
    'The configured URL serves the CRL as PEM text: Entra needs DER (AADSTS2205011).',
    (s, e) => new TextEncoder().encode(s.crls.byCa.get(e.cert)!.pem),
  ),
  {
    kind: 'crl-not-der',
    rule: 'crl.not-der',
    severity: 'error',
    description:
      'BER (an indefinite length), a CRL cut short, or an HTML page: as a file (the finding is on the body, "") or served by the configured URL (AADSTS2205011).',
    apply: (s) => {
      const e = pick(s.r.entries, s.c.a);
      const path = configure(e).base;
      const bytes = notDer(s.crls.byCa.get(e.cert)!.der.good, s.c.b);
      return s.c.b % 2 ? { crls: [download(e, BASE, bytes)], path } : { crls: [fileOf(bytes, 'broken.crl')], path: '' };
    },
  },
  {
    kind: 'crl-not-a-crl',
    rule: 'crl.not-a-crl',
    severity: 'error',
    description: "The CA's certificate given, or served, where its CRL belongs (AADSTS500174).",
    apply: (s) => {
      const e = pick(s.r.entries, s.c.a);
      const path = configure(e).base;
      return s.c.b % 2 ? { crls: [download(e, BASE, e.cert.der)], path } : { crls: [fileOf(e.cert.der, 'ca.cer')], path: '' };
    },
  },
  {
    kind: 'crl-unmatched',
    rule: 'crl.unmatched',
    severity: 'warning',
    description: 'The CRL of a CA the body does not list.',
    apply: (s) => ({ crls: [fileOf(s.crls.stranger, 'other.crl')], path: '' }),
  },
  {
    kind: 'crl-revokes-listed-ca',
    rule: 'crl.revokes-listed-ca',
    severity: 'error',
    needsIntermediate: true,
    description: "The issuer's CRL revokes a listed CA: every device under it fails (AADSTS500171).",
    apply: (s) => {
      const child = intermediateEntry(s.r, s.c.a);
      const parent = parentEntry(s.r, child);
      configure(parent);
      return { crls: [fileOf(s.crls.byCa.get(child.cert)!.revokedByIssuer!, 'issuer.crl')], path: entryPath(child.index, 'certificate') };
    },
  },
  {
    kind: 'crl-delta-without-base-crl',
    rule: 'crl.delta-without-base-crl',
    severity: 'warning',
    description: 'A delta CRL given without the complete CRL it updates.',
    apply: (s) => {
      const e = pick(s.r.entries, s.c.a);
      return { crls: [crlFile(s.crls, e, 'delta')], path: configure(e, true).delta };
    },
  },
  {
    kind: 'crl-delta-base-too-old',
    rule: 'crl.delta-base-too-old',
    severity: 'error',
    description: 'The delta CRL updates complete CRL number 12; the complete CRL given is number 10.',
    apply: (s) => {
      const e = pick(s.r.entries, s.c.a);
      return { crls: [crlFile(s.crls, e, 'good'), crlFile(s.crls, e, 'deltaTooNew')], path: configure(e, true).delta };
    },
  },
  {
    kind: 'crl-delta-indicator',
    rule: 'crl.delta-indicator',
    severity: 'error',
    description: 'The configured delta URL serves the complete CRL.',
    apply: (s) => {
      const e = pick(s.r.entries, s.c.a);
      const { delta } = configure(e, true);
      const good = s.crls.byCa.get(e.cert)!.der.good;
      return { crls: [download(e, BASE, good), download(e, DELTA, good)], path: delta };
    },
  },
  onDownload(
    'crl-download-failed',
    'crl.download-failed',
    'error',
    'The configured URL answers 403, 404 or 503, does not resolve, redirects without end, or redirects to ldap (AADSTS500173).',
    (s) => failedDownload(s.c.b),
  ),
  onDownload(
    'crl-download-timeout',
    'crl.download-timeout',
    'error',
    'The download of the configured URL took longer than the 10 seconds Entra allows (AADSTS2205012).',
    () => ({ kind: 'timeout', seconds: 10 }),
  ),
  onDownload(
    'crl-too-large',
    'crl.too-large',
    'error',
    "The download passed the global cloud's 20 MB sign-in limit and was stopped (AADSTS2205014).",
    () => ({ kind: 'too-large', limit: 20_000_000 }),
  ),
  {
    kind: 'crl-not-checked',
    rule: 'crl.not-checked',
    severity: 'info',
    needsIntermediate: true,
    description: 'CRLs given for one listed CA while another configures its URL: that CRL was not checked.',
    apply: (s) => {
      const child = intermediateEntry(s.r, s.c.a);
      const other = s.c.b % 2 ? parentEntry(s.r, child) : child;
      const given = other === child ? parentEntry(s.r, child) : child;
      configure(given);
      return { crls: [crlFile(s.crls, given, 'good')], path: configure(other).base };
    },
  },
] as const satisfies readonly CrlCaseSpec[];

export type CrlCaseKind = (typeof SPECS)[number]['kind'];

/** What each CRL case kind does and the finding it produces. */
export interface CrlCaseKindInfo {
  kind: CrlCaseKind;
  rule: string;
  severity: Severity;
  description: string;
  needsIntermediate: boolean;
}

export const crlCaseKinds: readonly CrlCaseKindInfo[] = Object.freeze(
  SPECS.map((s) =>
    Object.freeze({
      kind: s.kind,
      rule: s.rule,
      severity: s.severity,
      description: s.description,
      needsIntermediate: 'needsIntermediate' in s,
    }),
  ),
);

const choiceArb = fc.record({ a: fc.nat(), b: fc.nat(), s: fc.constant('') });

/** `crlCase` drawn from the given kinds (every kind when none is given). */
export function crlCaseArb(pool: CertificatePool, crls: CrlPool, kinds: readonly CrlCaseKind[]): fc.Arbitrary<CrlCase> {
  const byKind = new Map<string, CrlCaseSpec>(SPECS.map((s) => [s.kind, s]));
  for (const k of kinds)
    if (!byKind.has(k)) throw new RangeError(`unknown CRL case kind ${JSON.stringify(k)}; known: ${[...byKind.keys()].join(', ')}`);
  const chosen = (kinds.length ? kinds : SPECS.map((s) => s.kind)).map((k) => byKind.get(k)!);
  return fc.oneof(
    ...chosen.map((spec) =>
      fc.tuple(bodyPlanArb(pool, { intermediate: !!spec.needsIntermediate }), choiceArb).map(([plan, c]): CrlCase => {
        const r = renderPlan(pool, plan);
        const { crls: given, path } = spec.apply({ r, c, pool, crls });
        return {
          kind: spec.kind as CrlCaseKind,
          body: r.body,
          crls: given,
          expected: { rule: spec.rule, path, severity: spec.severity },
          mayAlso: spec.mayAlso ?? [],
        };
      }),
    ),
  );
}

/** A valid body and the good complete CRL (sometimes with its delta) of some of its CAs, each configuring its URL. */
export function validCrlsArb(pool: CertificatePool, crls: CrlPool): fc.Arbitrary<{ body: Record<string, unknown>; crls: CrlInput[] }> {
  const ways = fc.array(fc.constantFrom('none', 'file', 'with-delta', 'download'), { minLength: 1, maxLength: 12 });
  return fc.tuple(bodyPlanArb(pool), ways).map(([plan, how]) => {
    const r = renderPlan(pool, plan);
    const given: CrlInput[] = [];
    for (const e of r.entries) {
      const way = how[e.index % how.length]!;
      if (way === 'none') continue;
      configure(e, way === 'with-delta');
      const own = crls.byCa.get(e.cert)!;
      if (way === 'download') given.push(download(e, BASE, own.der.good));
      else given.push(crlFile(crls, e, 'good'));
      if (way === 'with-delta') given.push(crlFile(crls, e, 'delta'));
    }
    return { body: r.body, crls: given };
  });
}
