/**
 * The vector formats of vectors/ (vectors/README.md) and how a report is compared with one — shared by the node and
 * Chromium runners, so both hold the library to the same statement. No node: imports: this file also runs in the browser.
 */
import { expect } from 'vitest';
import { buildPatchRequest, type PatchOptions } from '../../src/diff/request.js';
import { simulatePatch } from '../../src/simulator/simulator.js';
import type { PreflightOptions } from '../../src/preflight.js';
import type { Report, Verdict } from '../../src/types.js';
import type { Cloud } from '../../src/graph/clouds.js';
import { decodeBase64Lenient } from '../../src/certificate/encoding.js';

import type { ExpectedFinding, ExpectedGraphError, VectorCrl } from '../../scripts/vectors/framework.js';

export type { ExpectedFinding, ExpectedGraphError, VectorCrl };

/** A preflight vector (the files vectors/index.json names). */
export interface PreflightVector {
  description: string;
  at?: string;
  strict?: boolean;
  nearMissFor?: string[];
  body?: unknown;
  bodyText?: string;
  /** The bytes that would be sent, base64 (UTF-16 bodies, byte order marks, bytes that are not UTF-8). */
  bodyBase64?: string;
  maxBodyChars?: number;
  current?: unknown;
  /** CRL files or downloads to check with the body: `der` is the base64 of the bytes (absent when a download failed). */
  crls?: VectorCrl[];
  cloud?: Cloud;
  warnExpiryDays?: number;
  expect: { ok: boolean; verdict: Verdict; findings: ExpectedFinding[]; graphError: ExpectedGraphError | null };
}

/** A safe-update vector (vectors/update/patch/). */
export interface PatchVector {
  description: string;
  current: unknown;
  desired?: unknown;
  operations?: unknown[];
  options: PatchOptions & { at: string };
  expect: { ok: boolean; refusal?: string[]; body?: unknown };
}

/** What a vector checks: the bytes, the text or the value, exactly one of which it gives. */
export function vectorBody(v: PreflightVector): unknown {
  if (v.bodyBase64 !== undefined) return decodeBase64Lenient(v.bodyBase64);
  return v.bodyText ?? v.body;
}

/** Whether the vector's body is text (or bytes read as text): then its findings carry positions. */
export function isTextVector(v: PreflightVector): boolean {
  return v.bodyText !== undefined || v.bodyBase64 !== undefined;
}

/** The options a preflight vector is run with; `fallbackAt` is the index's clock for vectors that do not name one. */
export function preflightOptions(v: PreflightVector, fallbackAt?: string): PreflightOptions {
  const options: PreflightOptions = { clientRequestId: 'vector', lang: 'en' };
  const at = v.at ?? fallbackAt;
  if (at !== undefined) options.at = at;
  if (v.current !== undefined) options.current = v.current;
  if (v.strict) options.strict = true;
  if (v.cloud) options.cloud = v.cloud;
  if (v.warnExpiryDays !== undefined) options.warnExpiryDays = v.warnExpiryDays;
  if (v.maxBodyChars !== undefined) options.maxBodyChars = v.maxBodyChars;
  if (v.crls)
    options.crls = v.crls.map((c) => ({
      source: c.source,
      ...(c.der !== undefined ? { bytes: decodeBase64Lenient(c.der)! } : {}),
      ...(c.from ? { from: c.from } : {}),
      ...(c.failure ? { failure: c.failure } : {}),
    }));
  return options;
}

/** What a vector states about each finding: rule, path, severity, and the position only when the body is text. */
export function projectFindings(report: Report, withPositions: boolean): ExpectedFinding[] {
  return report.findings.map((f) => {
    const out: ExpectedFinding = { rule: f.rule, path: f.path, severity: f.severity };
    if (withPositions && f.line !== undefined) {
      out.line = f.line;
      out.column = f.column!;
    }
    return out;
  });
}

/** What a vector states about the predicted Graph error (request ids and dates vary). */
export function projectGraphError(report: Report): ExpectedGraphError | null {
  const g = report.graphError;
  return g && { status: g.status, code: g.body.error.code, message: g.body.error.message, basis: g.basis };
}

/**
 * Runs one safe-update vector: the builder gives the stated request body or refusal, and the simulated server accepts
 * what is built and stores exactly the list it carries.
 */
export async function checkPatchVector(v: PatchVector): Promise<void> {
  expect(typeof v.description).toBe('string');
  expect((v.desired === undefined) !== (v.operations === undefined), 'exactly one of desired and operations').toBe(true);
  const result = await buildPatchRequest(v.current, v.operations ?? v.desired, v.options);
  expect(result.ok).toBe(v.expect.ok);
  if (!result.ok) {
    expect(result.refusal.reasons.map((r) => r.kind)).toEqual(v.expect.refusal);
    return;
  }
  expect(result.request?.body ?? null).toEqual(v.expect.body);
  if (!result.request) return;
  const answer = await simulatePatch(v.current, result.request, { at: v.options.at });
  expect(answer.status).toBe(200);
  const sent = result.request.body.certificateAuthorities as { certificate: string }[] | undefined;
  const stored = (answer.body as { certificateAuthorities: { certificate: string }[] }).certificateAuthorities;
  if (sent) expect(stored.map((e) => e.certificate)).toEqual(sent.map((e) => e.certificate));
  else expect(stored).toEqual((v.current as { certificateAuthorities: unknown }).certificateAuthorities);
}
