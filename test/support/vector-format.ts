/**
 * The vector formats of vectors/ (vectors/README.md) and how a report is compared with one — shared by the node and
 * Chromium runners, so both hold the library to the same statement. No node: imports: this file also runs in the browser.
 */
import type { PatchOptions } from '../../src/diff/request.js';
import type { PreflightOptions } from '../../src/preflight.js';
import type { Report, Severity } from '../../src/types.js';

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
}

/** A preflight vector (the files vectors/index.json names). */
export interface PreflightVector {
  description: string;
  at?: string;
  strict?: boolean;
  nearMissFor?: string[];
  body?: unknown;
  bodyText?: string;
  current?: unknown;
  expect: { ok: boolean; findings: ExpectedFinding[]; graphError: ExpectedGraphError | null };
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

/** The options a preflight vector is run with; `fallbackAt` is the index's clock for vectors that do not name one. */
export function preflightOptions(v: PreflightVector, fallbackAt?: string): PreflightOptions {
  const options: PreflightOptions = { clientRequestId: 'vector', lang: 'en' };
  const at = v.at ?? fallbackAt;
  if (at !== undefined) options.at = at;
  if (v.current !== undefined) options.current = v.current;
  if (v.strict) options.strict = true;
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
  return g && { status: g.status, code: g.body.error.code, message: g.body.error.message };
}
