/**
 * What every Report must satisfy, whatever the input: the shape of the public contract (DESIGN "Report"), checked
 * against the rule registry. Used by the property, hardening and fuzz suites.
 */
import { ruleById } from '../../src/rules/registry.js';
import type { Finding, Report } from '../../src/types.js';

/** RFC 6901: "" or "/"-prefixed tokens in which "~" is only ever "~0" or "~1" (no backtracking regex: paths can be 10 MB). */
const isPointer = (p: string) => p === '' || (p.startsWith('/') && !/~(?![01])/.test(p));
const SEVERITIES = new Set(['error', 'warning', 'info']);

/** Resolves an RFC 6901 pointer in a JSON value; `undefined` when a token names nothing (own members only). */
export function resolvePointer(value: unknown, pointer: string): { found: boolean; value?: unknown } {
  if (pointer === '') return { found: true, value };
  let v: unknown = value;
  for (const raw of pointer.slice(1).split('/')) {
    const token = raw.replace(/~1/g, '/').replace(/~0/g, '~');
    if (typeof v !== 'object' || v === null || !Object.hasOwn(v, token)) return { found: false };
    v = (v as Record<string, unknown>)[token];
  }
  return { found: true, value: v };
}

export function parentPointer(pointer: string): string {
  return pointer.slice(0, Math.max(0, pointer.lastIndexOf('/')));
}

/**
 * Throws (with the offending finding) unless the report is well-formed. `body` is the parsed value the findings
 * point into, when there is one: every path's parent must exist in it (the path itself may name a missing member).
 */
export function assertReportShape(report: Report, body?: { value: unknown }): void {
  const fail = (why: string, f?: Finding): never => {
    throw new Error(`${why}${f ? `: ${JSON.stringify(f).slice(0, 500)}` : ''}`);
  };
  if (typeof report !== 'object' || report === null) fail('the report is not an object');
  if (typeof report.ok !== 'boolean') fail('ok is not a boolean');
  if (!Array.isArray(report.findings)) fail('findings is not an array');
  if (report.ok !== !report.findings.some((f) => f.severity === 'error')) fail('ok does not match the error findings');
  let serverRule = false;
  for (const f of report.findings) {
    const rule = ruleById(f.rule);
    if (!rule) fail('unknown rule', f);
    // A rule that throws is reported, not hidden; in a test it is always a defect of the rule.
    if (f.rule === 'internal.rule-failed') fail(`a rule failed: ${f.message}`, f);
    if (!SEVERITIES.has(f.severity)) fail('bad severity', f);
    if (typeof f.path !== 'string' || !isPointer(f.path)) fail('path is not a JSON pointer', f);
    if (typeof f.message !== 'string' || f.message.trim() === '') fail('empty message', f);
    if (f.basis !== rule!.basis) fail('basis differs from the registry', f);
    if (f.fix !== undefined && (typeof f.fix !== 'string' || f.fix.trim() === '')) fail('empty fix', f);
    if ((f.line === undefined) !== (f.column === undefined)) fail('line without column', f);
    if (f.line !== undefined && !(Number.isInteger(f.line) && f.line >= 1 && Number.isInteger(f.column) && f.column! >= 1))
      fail('bad position', f);
    if (body && f.rule !== 'body.not-json' && !resolvePointer(body.value, parentPointer(f.path)).found)
      fail("the path's parent is not in the body", f);
    if ('server' in rule! && rule.server) serverRule = true;
  }
  if (serverRule !== (report.graphError !== null))
    fail(`graphError is ${report.graphError ? 'set' : 'null'} but ${serverRule ? 'a' : 'no'} finding's rule is one the server rejects`);
  if (report.graphError) {
    const g = report.graphError;
    if (g.status !== 400) fail(`graphError status ${g.status}`);
    const e = g.body?.error;
    if (!e || typeof e.code !== 'string' || typeof e.message !== 'string' || e.message === '') fail('graphError has no code or message');
    if (!/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d$/.test(e!.innerError.date)) fail(`innerError.date ${e!.innerError.date}`);
    if (typeof e!.innerError['request-id'] !== 'string' || typeof e!.innerError['client-request-id'] !== 'string') fail('innerError ids');
  }
  // JSON data: serialisable and unchanged by a round trip (lone surrogates in messages are escaped, not lost).
  const copy: unknown = JSON.parse(JSON.stringify(report));
  if (JSON.stringify(copy) !== JSON.stringify(report)) fail('the report does not survive a JSON round trip');
}

/** (rule, path, severity) of each finding, in report order: what two runs over the same body must agree on. */
export function findingKeys(report: Report): string[] {
  return report.findings.map((f) => `${f.severity} ${f.rule} ${f.path}`);
}
