/**
 * preflight(body, options) → Report: JSON text or value → context (certificates parsed, chains linked) → rules →
 * findings with messages, pointers and positions → the server's first failure as a Graph 400 envelope.
 */
import type { CaSummary, ExpiryForecast, Finding, Lang, PredictedGraphError, Report, Verdict } from './types.js';
import { daysBetween, firstToExpire } from './rules/expiry.js';
import { isoTime, memberPath } from './rules/helpers.js';
import {
  checkJsonValue,
  decodeJsonBytes,
  MAX_BODY_CHARS,
  parseJsonText,
  pointer,
  type JsonProblem,
  type ParsedJsonText,
  type Position,
} from './graph/json-text.js';
import { graphErrorEnvelope } from './graph/model.js';
import { defaultCrypto } from './certificate/verify.js';
import {
  buildContext,
  type BodyEncoding,
  type BodyTooLarge,
  type CheckContext,
  type CollectionContext,
  type CrlContext,
  type EntryContext,
} from './rules/context.js';
import { choiceProblem, chooseConfiguration } from './graph/collection.js';
import { isPlainObject } from './graph/model.js';
import { rules } from './rules/registry.js';
import type { ServerBehaviour } from './rules/rule.js';
import { type RawFinding, runRules } from './rules/run.js';
import { citationIn, loadCatalogue, loadTerms, renderMessage } from './report/catalogue/index.js';
import type { Terms } from './report/catalogue/terms-en.js';
import { documentOrder } from './graph/document-order.js';
import { isCloud, type Cloud } from './graph/clouds.js';
import type { CrlInput } from './crl/types.js';

export interface PreflightOptions {
  /**
   * Bodies longer than this many characters are not read (body.too-large); at most, and by default, MAX_BODY_CHARS
   * (16 MiB). A limit of this library, lower it to bound the work a service embedding it does; Graph's own is not documented.
   */
  maxBodyChars?: number;
  /** The current resource (a GET response, parsed or JSON text) the body would replace; a collection GET holding it works too. */
  current?: unknown;
  /**
   * The configuration to check when the body or `current` is a collection response (`GET …/mutualTlsOauthConfigurations`)
   * holding several; with one configuration it is not needed. A body or `current` that is another configuration is a TypeError.
   */
  id?: string;
  /** The clock for validity checks and `innerError.date`; default now. */
  at?: Date | string | number;
  /** Inferred rules (basis graph-inferred or entra-cba) that warn become errors. */
  strict?: boolean;
  /** A WebCrypto implementation; default the platform's, or @peculiar/webcrypto where there is none. */
  crypto?: Crypto;
  lang?: Lang;
  /** Echoed as `innerError.client-request-id`; also makes `request-id` deterministic unless `requestId` is given. */
  clientRequestId?: string;
  requestId?: string;
  /**
   * CRLs to check against the listed CAs: files (matched to a CA by AKI and issuer name) or downloads of the
   * configured URLs (`from` says which entry and member). Checking them never touches the network.
   */
  crls?: readonly CrlInput[];
  /** Whose documented limits apply: the CRL size limit at sign-in (20 MB global, 45 MB US Government). Default global. */
  cloud?: Cloud;
  /** CAs expiring within this many days are warned about (default 30). */
  warnExpiryDays?: number;
}

/** Findings about the text as a whole (its length, its encoding): placed at its first character. */
const WHOLE_TEXT_RULES: ReadonlySet<string> = new Set(['body.too-large', 'body.not-utf8']);

/** Warnings on these bases become errors with `strict`: the server behaviour is inferred, not documented. */
const STRICT_BASES = new Set(['graph-inferred', 'entra-cba']);

export function resolveClock(at: PreflightOptions['at']): Date {
  if (at === undefined) return new Date();
  const d = at instanceof Date ? new Date(at.getTime()) : new Date(at);
  if (Number.isNaN(d.getTime())) throw new TypeError(`options.at is not a valid date: ${String(at)}`);
  return d;
}

function readCurrent(current: unknown, id: string | undefined): unknown {
  let value = current;
  if (typeof current === 'string') {
    const parsed = parseJsonText(current);
    if (!parsed.ok) throw new TypeError(`options.current is not JSON: ${parsed.reason}`);
    value = parsed.parsed.value;
  }
  const choice = chooseConfiguration(value, id);
  const problem = choiceProblem(choice, 'options.current', 'the id option (--id)');
  if (problem) throw new TypeError(problem);
  if (choice.kind === 'chosen') return choice.value;
  refuseOtherConfiguration(value, id, 'options.current');
  return value;
}

/** `id` chooses within collections; a single resource that is another configuration is a mistake, not something to ignore. */
function refuseOtherConfiguration(value: unknown, id: string | undefined, what: string): void {
  if (id !== undefined && isPlainObject(value) && typeof value.id === 'string' && value.id !== id)
    throw new TypeError(`the id given ("${id}") is not that of ${what}, the configuration "${value.id}"`);
}

/** The configuration checked when the body is a collection response, and where it sits in it. */
function chooseBody(value: unknown, id: string | undefined): { value: unknown; prefix: string; collection: CollectionContext | null } {
  const choice = chooseConfiguration(value, id);
  switch (choice.kind) {
    case 'resource':
      refuseOtherConfiguration(value, id, 'the body');
      return { value, prefix: '', collection: null };
    case 'chosen':
      return {
        value: choice.value,
        prefix: pointer('value', choice.index),
        collection: { ids: choice.ids, index: choice.index, id: choice.id },
      };
    case 'choose':
      return { value, prefix: '', collection: { ids: choice.ids, index: null, id: null } };
    case 'not-found':
      return { value, prefix: '', collection: { ids: choice.ids, index: null, id: choice.id } };
  }
}

/** Checks the shape of `options.crls` (the one option holding bytes): a clear TypeError, never a crash later. */
function readCrlInputs(crls: unknown): CrlInput[] {
  if (!Array.isArray(crls)) throw new TypeError('options.crls must be an array of { source, bytes } objects');
  return crls.map((c, i) => {
    const ok =
      c !== null &&
      typeof c === 'object' &&
      typeof (c as CrlInput).source === 'string' &&
      ((c as CrlInput).bytes === undefined || (c as CrlInput).bytes instanceof Uint8Array) &&
      ((c as CrlInput).bytes !== undefined || (c as CrlInput).failure !== undefined);
    if (!ok) throw new TypeError(`options.crls[${i}] must be { source: string, bytes: Uint8Array } (or a download failure)`);
    return c as CrlInput;
  });
}

export interface PreflightRun {
  report: Report;
  cas: CaSummary[];
  /** What the check read, for callers that build on it (the device check): the entries, the CRLs, the configuration. */
  context: {
    entries: readonly EntryContext[];
    crl: CrlContext | null;
    /** Pointer prefix of the configuration checked (`/value/<i>` in a collection response, else ""). */
    prefix: string;
    /** The configuration checked, when it is a JSON object. */
    configuration: Record<string, unknown> | null;
    /** Where a pointer sits in the body's text (absent when the body was given as a value, or is not JSON). */
    positionOf?: (pointer: string) => { line: number; column: number } | undefined;
  };
}

/** Checks a trust-list update body and predicts the server's answer. Never throws for bad body input. */
export async function preflight(body: unknown, options: PreflightOptions = {}): Promise<Report> {
  return (await runPreflight(body, options)).report;
}

/** {@link preflight}, plus a summary of each listed CA for the text formatter. */
export async function runPreflight(body: unknown, options: PreflightOptions = {}): Promise<PreflightRun> {
  const at = resolveClock(options.at);
  const lang: Lang = options.lang === 'fr' ? 'fr' : 'en';
  const crypto = options.crypto ?? (await defaultCrypto());
  const current = options.current === undefined ? undefined : readCurrent(options.current, options.id);
  if (options.cloud !== undefined && !isCloud(options.cloud)) throw new TypeError(`options.cloud is not a cloud: ${String(options.cloud)}`);
  const warnExpiryDays = options.warnExpiryDays;
  if (warnExpiryDays !== undefined && !(Number.isFinite(warnExpiryDays) && warnExpiryDays >= 0))
    throw new TypeError(`options.warnExpiryDays must be a number of days, 0 or more: ${String(warnExpiryDays)}`);

  const maxBodyChars = options.maxBodyChars ?? MAX_BODY_CHARS;
  if (!(Number.isInteger(maxBodyChars) && maxBodyChars >= 0))
    throw new TypeError(`options.maxBodyChars must be a whole number of characters: ${String(options.maxBodyChars)}`);

  let value: unknown = body;
  let text: ParsedJsonText | null = null;
  let jsonError: { problem: JsonProblem; position?: Position } | null = null;
  let tooLarge: BodyTooLarge | null = null;
  let encoding: BodyEncoding | null = null;
  let input: unknown = body;
  if (body instanceof Uint8Array) {
    // The bytes as they would be sent: decoded as a reader that honours byte order marks would, and what is not UTF-8 said.
    if (body.length > Math.min(maxBodyChars, MAX_BODY_CHARS) * 3)
      tooLarge = { unit: 'bytes', size: body.length, limit: Math.min(maxBodyChars, MAX_BODY_CHARS) };
    else {
      const decoded = decodeJsonBytes(body);
      input = decoded.text;
      if (decoded.encoding !== 'utf-8') encoding = { kind: 'utf-16', encoding: decoded.encoding, bom: decoded.bom };
      else if (decoded.invalidAt !== null) encoding = { kind: 'invalid-utf-8', offset: decoded.invalidAt };
    }
  }
  if (tooLarge) value = undefined;
  else if (typeof input === 'string') {
    const parsed = parseJsonText(input, maxBodyChars);
    if (parsed.ok) {
      text = parsed.parsed;
      value = parsed.parsed.value;
    } else if (parsed.problem.kind === 'too-large') {
      tooLarge = { unit: 'characters', size: parsed.problem.chars, limit: parsed.problem.limit };
      value = undefined;
    } else {
      jsonError = parsed.position ? { problem: parsed.problem, position: parsed.position } : { problem: parsed.problem };
      value = undefined;
    }
  } else {
    const problem = checkJsonValue(body);
    if (problem) {
      jsonError = { problem };
      value = undefined;
    }
  }

  // A collection GET given as the body: the configuration it holds is checked, and findings point into the text as given.
  const { prefix, collection, ...chosen } = value === undefined ? { value, prefix: '', collection: null } : chooseBody(value, options.id);
  value = chosen.value;
  const duplicateKeys = (text?.duplicateKeys ?? []).flatMap((p) =>
    p === prefix || p.startsWith(`${prefix}/`) ? [p.slice(prefix.length)] : [],
  );

  const ctx: CheckContext = await buildContext(value, {
    at,
    strict: !!options.strict,
    crypto,
    ...(current !== undefined ? { current } : {}),
    duplicateKeys,
    jsonError: jsonError?.problem ?? null,
    tooLarge,
    encoding,
    collection,
    ...(options.crls ? { crls: readCrlInputs(options.crls) } : {}),
    ...(options.cloud ? { cloud: options.cloud } : {}),
    ...(warnExpiryDays !== undefined ? { warnExpiryDays } : {}),
  });

  // Each rule runs guarded: one that throws becomes an internal.rule-failed finding, and the others still report.
  const raws = runRules(ctx, rules);

  const order = documentOrder(value);
  const ranked = raws.map((raw) => ({ raw, rank: order(raw.emission.path) }));
  ranked.sort((a, b) => a.rank - b.rank || (a.raw.rule.id < b.raw.rule.id ? -1 : a.raw.rule.id > b.raw.rule.id ? 1 : 0));

  const [catalogue, terms] = await Promise.all([loadCatalogue(lang), loadTerms(lang)]);
  const findings: Finding[] = ranked.map(({ raw: { rule, emission } }) => {
    let severity = emission.severity ?? rule.severity;
    if (ctx.strict && severity === 'warning' && STRICT_BASES.has(rule.basis)) severity = 'error';
    const { message, fix } = renderMessage(catalogue, rule.id, emission.params, emission.variant, terms);
    const path = prefix + emission.path;
    const finding: Finding = { rule: rule.id, severity, path, message, basis: rule.basis };
    // The whole text's problems sit at its start: what is not JSON where it was found, its size and bytes at 1:1.
    const pos =
      rule.id === 'body.not-json'
        ? jsonError?.position
        : WHOLE_TEXT_RULES.has(rule.id) && typeof input === 'string'
          ? { line: 1, column: 1 }
          : text?.positionOf(path);
    if (pos) {
      finding.line = pos.line;
      finding.column = pos.column;
    }
    if (fix) finding.fix = fix;
    return finding;
  });

  const graphError = firstServerFailure(
    ranked.map((r) => r.raw),
    at,
    options,
    crypto,
    terms,
  );
  const ok = !findings.some((f) => f.severity === 'error');
  // rejected: a 400 is predicted; accepted: nothing the server is known or expected to refuse; unknown: errors whose
  // server behaviour is not documented (an expired CA, a broken chain …), so the answer cannot be predicted. Errors
  // about given CRLs (rules that read them) concern sign-in, not the upload: the server never sees a CRL.
  const uploadErrors = ranked.some(({ raw }, i) => findings[i]!.severity === 'error' && !('needs' in raw.rule && raw.rule.needs));
  const verdict: Verdict = graphError ? 'rejected' : uploadErrors ? 'unknown' : 'accepted';
  const first = firstToExpire(ctx);
  const firstExpiry: ExpiryForecast | null = first && {
    index: first.index,
    path: prefix + memberPath(first, 'certificate'),
    subject: first.cert.subject.rfc4514,
    notAfter: isoTime(first.cert.notAfter),
    days: daysBetween(ctx.at, first.cert.notAfter),
    withinHorizon: daysBetween(ctx.at, first.cert.notAfter) < ctx.warnExpiryDays,
  };
  const report: Report = { ok, verdict, findings, graphError, firstExpiry };
  const cas = ctx.entries.map((e) => ({
    index: e.index,
    path: prefix + e.path,
    subject: e.cert?.subject.rfc4514 ?? null,
    thumbprint: e.cert?.thumbprint ?? null,
    isRootAuthority: e.object?.isRootAuthority,
  }));
  const context: PreflightRun['context'] = { entries: ctx.entries, crl: ctx.crl, prefix, configuration: ctx.bodyObject };
  if (text) context.positionOf = text.positionOf.bind(text);
  return { report, cas, context };
}

/** The server answers once: the first failure in its order (step), then in document order. */
function firstServerFailure(
  sorted: RawFinding[],
  at: Date,
  options: PreflightOptions,
  crypto: Crypto,
  terms: Terms,
): PredictedGraphError | null {
  let first: { server: ServerBehaviour<Readonly<Record<string, string>>>; params: Readonly<Record<string, string>> } | null = null;
  for (const { rule, emission } of sorted) {
    const server = 'server' in rule ? rule.server : undefined;
    if (server && (!first || server.step < first.server.step)) first = { server, params: emission.params ?? {} };
  }
  if (!first) return null;
  const { server, params } = first;
  const envelope: Parameters<typeof graphErrorEnvelope>[4] = { at, crypto };
  if (options.requestId ?? options.clientRequestId) envelope.requestId = (options.requestId ?? options.clientRequestId)!;
  if (options.clientRequestId) envelope.clientRequestId = options.clientRequestId;
  const error = graphErrorEnvelope(server.status, server.code, server.message(params), server.target?.(params) ?? null, envelope);
  return { ...error, basis: server.basis, citation: citationIn(terms, server.citation) };
}
