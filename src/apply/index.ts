/**
 * ca-preflight/apply: the part of ca-preflight that talks to Graph — get the live configuration, plan an update from
 * it, apply the plan with the lost-update guard and verification, undo it from its receipt. Everything goes through
 * the `fetch` you pass (default `globalThis.fetch`); nothing here imports from node:, so it runs in browsers too.
 * A separate entry so that pages using only the checks do not carry code that sends.
 */
export type { WebCrypto } from '../platform-types.js';
export { createPlan, readPlan, PLAN_KIND, PLAN_VERSION, type Plan, type PlanOptions, type PlanResult, type PlanReading } from './plan.js';
export { applyPlan, type ApplyOptions, type ApplyResult, type ApplyOutcome, type ApplyReview, type DriftView } from './apply.js';
export { readReceipt, undoPlan, RECEIPT_KIND, RECEIPT_VERSION, type Receipt, type ReceiptReading, type ReceiptOutcome } from './receipt.js';
export { getConfiguration, type GetOptions, type GetResult } from './get.js';
export { writableHash, canonicalForm, canonicalText, HASH_FORM, type CanonicalForm, type CanonicalEntry } from './canonical.js';
export { readTokenPermission, type TokenPermission } from './token-claims.js';
export { formatDrift, formatReview, lostChanges } from './text.js';
export type { ConnectionOptions } from './endpoint.js';
export type { Exchange, Failure, FailureKind, FetchLike, RetryPolicy } from './graph-client.js';
