/**
 * A receipt: what `apply` sent and what it saw — the resource before (as read right before the first PATCH), the
 * hash it intended, the resource that verified it, every exchange with its request ids — written whenever a PATCH
 * left this client. `undoPlan` turns a receipt into a plan that puts the writable members back as they were, under the
 * same guard: it is refused unless the live resource is still what the apply left. No token is ever part of it.
 */
import { defaultCrypto } from '../certificate/verify.js';
import { CONFIGURATIONS_PATH, isCloud, type Cloud } from '../graph/clouds.js';
import { hasOwn, isPlainObject } from '../graph/model.js';
import { HASH_FORM, resourceAfter, writableHash } from './canonical.js';
import type { Exchange } from './graph-client.js';
import { readVersioned } from './versioned.js';
import { createPlan, type Plan, type PlanOptions, type PlanResult } from './plan.js';

export const RECEIPT_KIND = 'ca-preflight.receipt';
export const RECEIPT_VERSION = 1;

export type ReceiptOutcome = 'verified' | 'unverified' | 'failed';

export interface Receipt {
  kind: typeof RECEIPT_KIND;
  version: typeof RECEIPT_VERSION;
  createdBy: string;
  startedAt: string;
  finishedAt: string;
  /** `url` is where the PATCH went (the plan's URL, or its path on `--base-url`). */
  configuration: { id: string; cloud: Cloud; url: string };
  /** verified: a GET showed the intended configuration; unverified: sent, not seen in time; failed: sent, Graph's answer was a failure or never came. */
  outcome: ReceiptOutcome;
  message: string;
  hashForm: typeof HASH_FORM;
  /** The plan this apply carried out: its base and intended hashes and when it was made. */
  plan: { base: string; intended: string; createdAt: string };
  /** The live resource read right before the first PATCH (its writable members are the plan's base). */
  before: { hash: string; resource: Record<string, unknown> };
  /** The intended hash, and the GET response that showed it (null when none did). */
  after: { hash: string; resource: Record<string, unknown> | null };
  sent: { method: 'PATCH'; url: string; body: Record<string, unknown>; attempts: number };
  exchanges: Exchange[];
  undoes?: Plan['undoes'];
}

export type ReceiptReading = { ok: true; receipt: Receipt } | { ok: false; problems: string[] };

/** Reads a receipt (parsed JSON or its text) and checks that its hashes hold together. Nothing is thrown. */
export async function readReceipt(input: unknown, options: { crypto?: Crypto } = {}): Promise<ReceiptReading> {
  const read = readVersioned(input, 'receipt', RECEIPT_KIND, RECEIPT_VERSION, {
    'ca-preflight.plan': 'it is a plan, not a receipt: --undo takes the receipt an apply wrote',
  });
  if (!read.ok) return read;
  const v = read.value;
  const problems: string[] = [];
  const conf = v.configuration as Record<string, unknown> | undefined;
  if (!isPlainObject(conf) || typeof conf.id !== 'string' || !isCloud(conf.cloud) || typeof conf.url !== 'string')
    problems.push('"configuration" must hold "id", "cloud" and "url"');
  if (v.hashForm !== HASH_FORM) problems.push(`"hashForm" must be "${HASH_FORM}"`);
  const before = v.before as Record<string, unknown> | undefined;
  const after = v.after as Record<string, unknown> | undefined;
  const sent = v.sent as Record<string, unknown> | undefined;
  if (!isPlainObject(before) || typeof before.hash !== 'string' || !isPlainObject(before.resource))
    problems.push('"before" must hold "hash" and "resource"');
  if (!isPlainObject(after) || typeof after.hash !== 'string' || !(after.resource === null || isPlainObject(after.resource)))
    problems.push('"after" must hold "hash" and "resource" (or null)');
  if (!isPlainObject(sent) || !isPlainObject(sent.body)) problems.push('"sent" must hold the "body" that was sent');
  if (!['verified', 'unverified', 'failed'].includes(v.outcome as string))
    problems.push('"outcome" must be verified, unverified or failed');
  if (problems.length) return { ok: false, problems };
  const r = v as unknown as Receipt;
  const crypto = options.crypto ?? (await defaultCrypto());
  try {
    if ((await writableHash(r.before.resource, { crypto })) !== r.before.hash)
      problems.push('"before.hash" is not the hash of "before.resource" (the file was edited)');
    if ((await writableHash(resourceAfter(r.before.resource, r.sent.body), { crypto })) !== r.after.hash)
      problems.push('"after.hash" is not what "sent.body" makes of "before.resource" (the file was edited)');
    if (r.after.resource && (await writableHash(r.after.resource, { crypto })) !== r.after.hash)
      problems.push('"after.resource" does not have the hash "after.hash" (the file was edited)');
  } catch (e) {
    problems.push(`the resources cannot be read: ${(e as Error).message}`);
  }
  if (hasOwn(r.before.resource, 'id') && r.before.resource.id !== r.configuration.id)
    problems.push('"before.resource.id" is not "configuration.id"');
  return problems.length ? { ok: false, problems } : { ok: true, receipt: r };
}

/** The resource the receipt's apply left: the GET that verified it, or the before resource with the sent body applied. */
export function resourceLeftBy(receipt: Receipt): Record<string, unknown> {
  return receipt.after.resource ?? resourceAfter(receipt.before.resource, receipt.sent.body);
}

/**
 * The plan that reverts a receipt's apply: its base is what the apply left, its desired configuration the writable
 * members before it. Removing the CAs the apply added is what an undo is for, so removals are allowed.
 */
export async function undoPlan(receipt: Receipt, options: PlanOptions = {}): Promise<PlanResult> {
  const before = receipt.before.resource;
  const desired: Record<string, unknown> = {};
  if (hasOwn(before, 'displayName')) desired.displayName = before.displayName ?? null;
  if (hasOwn(before, 'certificateAuthorities')) desired.certificateAuthorities = before.certificateAuthorities;
  const result = await createPlan(resourceLeftBy(receipt), desired, {
    ...options,
    allowRemoval: true,
    id: receipt.configuration.id,
    cloud: receipt.configuration.cloud,
  });
  if (result.ok && result.plan)
    result.plan.undoes = { before: receipt.before.hash, after: receipt.after.hash, finishedAt: receipt.finishedAt };
  return result;
}

/** The URL of the configuration on another base URL (a `serve` instance): the same path, another origin. */
export function configurationUrlOn(baseUrl: string, id: string): string {
  return `${baseUrl.replace(/\/+$/, '')}${CONFIGURATIONS_PATH}/${encodeURIComponent(id)}`;
}
