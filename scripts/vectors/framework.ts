/**
 * The shape of a test-vector case as declared by the generator, the helpers the case files share, and the check
 * that compares what `preflight` returns with what the case declares before anything is written.
 *
 * A case declares every finding it must produce (rule, path, severity — and line/column when the body is JSON text);
 * the generator refuses to write a vector whose report differs in any way, so the committed files state intended
 * behaviour rather than record whatever the code happened to do.
 */
import type { BuiltCertificate } from '../../src/testing/builder.js';
import type { Report, Severity } from '../../src/types.js';
import type { Cloud } from '../../src/graph/clouds.js';
import type { CrlFetchFailure, CrlInput, CrlMember } from '../../src/crl/types.js';
import { ruleById } from '../../src/rules/registry.js';

/** The check time of every vector unless a case says otherwise: validity windows are placed around it, so vectors do not rot. */
export const AT = '2026-06-01T00:00:00Z';
export const AT_MS = Date.parse(AT);
const DAY = 86_400_000;

/** A validity window well around {@link AT}. */
export const VALID_FROM = new Date(AT_MS - 400 * DAY);
export const VALID_TO = new Date(AT_MS + 3650 * DAY);
export const seconds = (n: number): Date => new Date(AT_MS + n * 1000);

export interface ExpectedFinding {
  rule: string;
  path: string;
  severity: Severity;
  line?: number;
  column?: number;
}

export interface ExpectedGraphError {
  status: number;
  code: string;
  message: string;
  /** What the prediction rests on (documented, observed, inferred). */
  basis: 'documented' | 'observed' | 'inferred';
}

/** A CRL as a vector file writes it: `der` is the base64 of the bytes (absent when a download failed). */
export interface VectorCrl {
  source: string;
  der?: string;
  from?: { index: number; member: CrlMember; url: string };
  failure?: CrlFetchFailure;
}

export interface VectorCase {
  group: string;
  name: string;
  description: string;
  /** A parsed body … */
  body?: unknown;
  /** … or JSON text, when positions matter (then every expected finding carries line and column) … */
  bodyText?: string;
  /** … or the bytes that would be sent (UTF-16, not UTF-8, a byte order mark); positions as for text. Files: `bodyBase64`. */
  bodyBytes?: Uint8Array;
  /** A lower limit on the body's length, in characters (default: the library's, 16 MiB). */
  maxBodyChars?: number;
  current?: unknown;
  /** Default {@link AT}. */
  at?: string;
  strict?: boolean;
  /** CRL files or downloads checked with the body. */
  crls?: CrlInput[];
  cloud?: Cloud;
  warnExpiryDays?: number;
  /** Rules this case is a near miss for: each must not fire here. */
  nearMissFor?: string[];
  expect: {
    /** Every finding, in any order (the vector records them in report order). */
    findings: ExpectedFinding[];
    /** Default null: the server would accept the body. */
    graphError?: ExpectedGraphError | null;
  };
}

export const error = (rule: string, path: string, pos?: [number, number]): ExpectedFinding => finding(rule, path, 'error', pos);
export const warning = (rule: string, path: string, pos?: [number, number]): ExpectedFinding => finding(rule, path, 'warning', pos);
export const info = (rule: string, path: string, pos?: [number, number]): ExpectedFinding => finding(rule, path, 'info', pos);

function finding(rule: string, path: string, severity: Severity, pos?: [number, number]): ExpectedFinding {
  return pos ? { rule, path, severity, line: pos[0], column: pos[1] } : { rule, path, severity };
}

/** `/certificateAuthorities/<i>` and its members. */
export const ca = (i: number, member?: string): string => `/certificateAuthorities/${i}${member ? `/${member}` : ''}`;

export interface EntryOptions {
  crl?: string | null;
  delta?: string | null;
  /** Extra members written after the writable ones (read-only echoes, unknown members …). */
  extra?: Record<string, unknown>;
}

/** A certificateAuthority entry as a tool would write it (any other `cert` value is written as is). CRL members are written only when given. */
export function entry(cert: BuiltCertificate | unknown, isRootAuthority: unknown, opts: EntryOptions = {}): Record<string, unknown> {
  const certificate = typeof cert === 'object' && cert !== null && 'base64' in cert ? (cert as BuiltCertificate).base64 : cert;
  const e: Record<string, unknown> = { certificate, isRootAuthority };
  if (opts.crl !== undefined) e.certificateRevocationListUrl = opts.crl;
  if (opts.delta !== undefined) e.deltaCertificateRevocationListUrl = opts.delta;
  return { ...e, ...opts.extra };
}

export const root = (cert: BuiltCertificate, opts?: EntryOptions) => entry(cert, true, opts);
export const intermediate = (cert: BuiltCertificate, opts?: EntryOptions) => entry(cert, false, opts);
export const list = (...entries: unknown[]) => ({ certificateAuthorities: entries });

/** The documented 400 for a certificate that fails validation (update page). */
export const CERTIFICATE_400: ExpectedGraphError = {
  status: 400,
  code: 'Request_BadRequest',
  message: "Invalid value specified for property 'certificate' of resource 'CertificateAuthorityInformation'.",
  basis: 'documented',
};
export const NOT_JSON_400: ExpectedGraphError = {
  status: 400,
  code: 'BadRequest',
  message: 'Unable to read JSON request payload. Please ensure Content-Type header is set and payload is of valid JSON format.',
  basis: 'observed',
};
/** The same answer for JSON that is not an object: inferred. */
export const NOT_OBJECT_400: ExpectedGraphError = { ...NOT_JSON_400, basis: 'inferred' };
export const readOnly400 = (p: string): ExpectedGraphError => ({ status: 400, code: 'Request_BadRequest', message: `Property '${p}' is read-only and cannot be set.`, basis: 'observed' });
export const unknown400 = (p: string): ExpectedGraphError => ({ status: 400, code: 'Request_BadRequest', message: `Invalid property '${p}'.`, basis: 'observed' });
export const extension400 = (p: string): ExpectedGraphError => ({ status: 400, code: 'Request_BadRequest', message: `Invalid property '${p}'.`, basis: 'inferred' });
export const invalidValue400 = (p: string): ExpectedGraphError => ({
  status: 400,
  code: 'Request_BadRequest',
  message: `Invalid value specified for property '${p}' of resource 'CertificateAuthorityInformation'.`,
  basis: 'inferred',
});
export const badType400 = (t: string): ExpectedGraphError => ({
  status: 400,
  code: 'Request_BadRequest',
  message: `A type named '${t}' could not be resolved by the model. When a model is available, each type name must resolve to a valid type.`,
  basis: 'observed',
});
export const wrongType400 = (t: string, expected: string): ExpectedGraphError => ({
  status: 400,
  code: 'Request_BadRequest',
  message: `A resource with type '${t}' was found, but it is not assignable to the expected type '${expected}'. The type specified in the resource must be equal to either the expected type or a derived type.`,
  basis: 'inferred',
});

const key = (f: ExpectedFinding): string => `${f.rule} @ ${JSON.stringify(f.path)} (${f.severity})`;

/**
 * Differences between what a case declares and the report `preflight` gave: missing and unexpected findings,
 * wrong positions, `ok`, `graphError`, and near-miss rules that fired. Empty when they agree.
 */
export function compareWithDeclaration(c: VectorCase, report: Report): string[] {
  const problems: string[] = [];
  const declared = c.expect.findings;
  const actual = report.findings;
  const remaining = actual.map((f) => ({ f, used: false }));
  for (const d of declared) {
    const hit = remaining.find((r) => !r.used && r.f.rule === d.rule && r.f.path === d.path && r.f.severity === d.severity);
    if (!hit) {
      problems.push(`missing finding ${key(d)}`);
      continue;
    }
    hit.used = true;
    if (c.bodyText !== undefined && (d.line === undefined || d.column === undefined)) problems.push(`${key(d)}: a JSON-text case must declare line and column`);
    if (d.line !== undefined && (hit.f.line !== d.line || hit.f.column !== d.column)) {
      problems.push(`${key(d)} at ${hit.f.line}:${hit.f.column}, declared ${d.line}:${d.column}`);
    }
  }
  for (const r of remaining) if (!r.used) problems.push(`unexpected finding ${key(r.f)}: ${r.f.message}`);
  for (const id of c.nearMissFor ?? []) {
    if (actual.some((f) => f.rule === id)) problems.push(`near miss for ${id}, but ${id} fired`);
    if (declared.some((f) => f.rule === id)) problems.push(`near miss for ${id}, but the case declares it`);
  }
  const ok = !declared.some((f) => f.severity === 'error');
  if (report.ok !== ok) problems.push(`ok is ${report.ok}, declared findings make it ${ok}`);
  const want = c.expect.graphError ?? null;
  const g = report.graphError;
  const got = g ? { status: g.status, code: g.body.error.code, message: g.body.error.message, basis: g.basis } : null;
  if (JSON.stringify(want) !== JSON.stringify(got)) problems.push(`graphError ${JSON.stringify(got)}, declared ${JSON.stringify(want)}`);
  // Errors about CRLs are about sign-in, not the upload: the server never sees a CRL (src/preflight.ts).
  const readsCrls = (id: string) => {
    const rule = ruleById(id);
    return !!rule && 'needs' in rule && rule.needs === 'crls';
  };
  const uploadErrors = declared.some((f) => f.severity === 'error' && !readsCrls(f.rule));
  const verdict = want ? 'rejected' : uploadErrors ? 'unknown' : 'accepted';
  if (report.verdict !== verdict) problems.push(`verdict is ${report.verdict}, declared findings and graphError make it ${verdict}`);
  return problems;
}

/** The vector's input and declaration with certificate bytes and 40-hex key identifiers masked: what a fresh run keeps. */
export function stableShape(v: Record<string, unknown>): string {
  const { expect: _expect, ...input } = v;
  return (
    JSON.stringify(input)
      .replace(/-----BEGIN ([A-Z ]+)-----.*?-----END \1-----/g, '<pem>')
      // base64 runs (PEM lines too): 16 characters or more, with a digit, "+" or "/" (member names have none).
      .replace(/[A-Za-z0-9+/_-]{16,}={0,2}/g, (run) => (/[0-9+/]/.test(run) ? '<der>' : run))
      .replace(/\b[0-9A-Fa-f]{40}\b/g, '<hex>')
  );
}
