/**
 * What an update changes: CAs matched by the SHA-256 of their DER, compared on the members a PATCH writes.
 * Read-only echoes (issuer, issuerSki, @odata.*) never count, and a member absent from `desired` stays as it is —
 * so a desired body without `certificateAuthorities` leaves the list alone, and one without `displayName` keeps the name.
 */
import { defaultCrypto } from '../certificate/verify.js';
import { hasOwn, isControlInformation, READ_ONLY_ENTRY, READ_ONLY_TOP, WRITABLE_ENTRY, WRITABLE_TOP } from '../graph/model.js';
import { caListOf, readCaList, readResource, type ListedCa } from './read.js';

/** A CA in the diff (DESIGN "diff --format json"). */
export interface DiffEntry {
  /** SHA-256 of the DER, lower-case hex; null when the certificate cannot be decoded. */
  thumbprint: string | null;
  /** RFC 4514 subject; null when the certificate cannot be decoded. */
  subject: string | null;
  isRootAuthority: boolean;
  /** Index in the desired list for added CAs, in the current list for the others. */
  index: number;
  /** Present only for an entry whose certificate cannot be decoded: why, and that it was matched by its exact text. */
  note?: string;
}

export type WritableEntryMember = (typeof WRITABLE_ENTRY)[number];

export interface MemberChange {
  property: WritableEntryMember;
  from: unknown;
  to: unknown;
}

export interface ChangedEntry extends DiffEntry {
  changes: MemberChange[];
}

export interface ConfigurationDiff {
  displayName: { from: unknown; to: unknown } | null;
  added: DiffEntry[];
  removed: DiffEntry[];
  changed: ChangedEntry[];
  unchanged: DiffEntry[];
}

/** A CA of the current list that the desired configuration keeps. */
export interface KeptCa {
  current: ListedCa;
  /** Its partner in the desired list; null when the desired configuration has no list (the list is unchanged). */
  desired: ListedCa | null;
  changes: MemberChange[];
}

/** The diff with everything behind it, for the request builder and the text formatter. */
export interface Comparison {
  current: Record<string, unknown>;
  desired: Record<string, unknown>;
  /** Whether the desired configuration has a `certificateAuthorities` member. */
  listGiven: boolean;
  kept: KeptCa[];
  added: ListedCa[];
  removed: ListedCa[];
  /** Desired members the resource does not have (and the current one does not carry with the same value). */
  unknownTop: string[];
  unknownInEntry: Map<ListedCa, string[]>;
  diff: ConfigurationDiff;
}

export interface DiffOptions {
  crypto?: Crypto;
  /** The configuration to compare when `current` or `desired` is a collection response with several. */
  id?: string;
}

const KNOWN_TOP = new Set<string>([...WRITABLE_TOP, ...READ_ONLY_TOP]);
const KNOWN_ENTRY = new Set<string>([...WRITABLE_ENTRY, ...READ_ONLY_ENTRY]);

/**
 * A member as the diff compares it: absent and null are the same (for CRL URLs and displayName "no value"; for a
 * missing isRootAuthority the checks report it), and JSON has no undefined.
 */
export function normaliseMember(value: unknown): unknown {
  return value === undefined ? null : value;
}

export function sameJson(a: unknown, b: unknown): boolean {
  return JSON.stringify(a) === JSON.stringify(b);
}

/** The value a member of a kept CA ends up with: the desired one when given, else the current one. */
export function resultingMember(kept: KeptCa, member: WritableEntryMember): unknown {
  const d = kept.desired?.object;
  const v = d && hasOwn(d, member) ? d[member] : kept.current.object?.[member];
  return normaliseMember(v);
}

function unknownMembers(object: Record<string, unknown> | null, known: Set<string>, current: Record<string, unknown> | null): string[] {
  if (!object) return [];
  return Object.keys(object).filter(
    (k) => !known.has(k) && !isControlInformation(k) && !(current && hasOwn(current, k) && sameJson(current[k], object[k])),
  );
}

export function diffEntry(ca: ListedCa, isRootAuthority: unknown): DiffEntry {
  const facts = ca.record?.facts;
  const entry: DiffEntry = {
    thumbprint: facts?.thumbprints.sha256 ?? null,
    subject: facts?.subject.rfc4514 ?? null,
    isRootAuthority: typeof isRootAuthority === 'boolean' ? isRootAuthority : (facts?.certificateAuthority.isRootAuthority ?? false),
    index: ca.index,
  };
  if (!ca.record)
    entry.note = `${ca.problem ?? 'the certificate cannot be decoded'}; it cannot be matched by thumbprint, only by its exact certificate text`;
  return entry;
}

/** The key two entries are matched on: the thumbprint, or for an undecodable certificate its exact text. */
function matchKey(ca: ListedCa): string | null {
  if (ca.record) return `sha256:${ca.record.facts.thumbprints.sha256}`;
  return ca.certificateText !== null ? `text:${ca.certificateText}` : null;
}

/**
 * Matches the desired list against the current one. Each current CA pairs with at most one desired entry
 * (the first with the same key, in order); a later duplicate counts as an addition so the checks can report it.
 */
export async function compareConfigurations(currentInput: unknown, desiredInput: unknown, options: DiffOptions = {}): Promise<Comparison> {
  const crypto = options.crypto ?? (await defaultCrypto());
  const current = readResource(currentInput, 'current', options.id);
  const desired = readResource(desiredInput, 'desired', options.id);
  const currentList = await readCaList(caListOf(current, 'current') ?? [], 'lenient', crypto);
  const desiredRaw = caListOf(desired, 'desired');
  const listGiven = desiredRaw !== null;

  const waiting = new Map<string, ListedCa[]>();
  for (const ca of currentList) {
    const key = matchKey(ca);
    if (key === null) continue;
    const queue = waiting.get(key);
    if (queue) queue.push(ca);
    else waiting.set(key, [ca]);
  }
  const partner = new Map<ListedCa, ListedCa | null>();
  const added: ListedCa[] = [];
  if (desiredRaw) {
    for (const ca of await readCaList(desiredRaw, 'strict', crypto)) {
      const key = matchKey(ca);
      const match = key === null ? undefined : waiting.get(key)?.shift();
      if (match) partner.set(match, ca);
      else added.push(ca);
    }
  } else {
    for (const ca of currentList) partner.set(ca, null);
  }

  const kept: KeptCa[] = [];
  const removed: ListedCa[] = [];
  for (const ca of currentList) {
    if (!partner.has(ca)) {
      removed.push(ca);
      continue;
    }
    const k: KeptCa = { current: ca, desired: partner.get(ca)!, changes: [] };
    for (const member of WRITABLE_ENTRY) {
      if (member === 'certificate') continue; // matched on the same DER: base64 vs base64url is not a change
      const from = normaliseMember(ca.object?.[member]);
      const to = resultingMember(k, member);
      if (!sameJson(from, to)) k.changes.push({ property: member, from, to });
    }
    kept.push(k);
  }

  const unknownInEntry = new Map<ListedCa, string[]>();
  for (const k of kept) {
    const names = unknownMembers(k.desired?.object ?? null, KNOWN_ENTRY, k.current.object);
    if (names.length && k.desired) unknownInEntry.set(k.desired, names);
  }
  for (const ca of added) {
    const names = unknownMembers(ca.object, KNOWN_ENTRY, null);
    if (names.length) unknownInEntry.set(ca, names);
  }

  const fromName = normaliseMember(current.displayName);
  const toName = hasOwn(desired, 'displayName') ? normaliseMember(desired.displayName) : fromName;
  const diff: ConfigurationDiff = {
    displayName: sameJson(fromName, toName) ? null : { from: fromName, to: toName },
    added: added.map((ca) => diffEntry(ca, ca.object?.isRootAuthority)),
    removed: removed.map((ca) => diffEntry(ca, ca.object?.isRootAuthority)),
    changed: kept
      .filter((k) => k.changes.length)
      .map((k) => ({ ...diffEntry(k.current, resultingMember(k, 'isRootAuthority')), changes: k.changes })),
    unchanged: kept.filter((k) => !k.changes.length).map((k) => diffEntry(k.current, resultingMember(k, 'isRootAuthority'))),
  };
  return {
    current,
    desired,
    listGiven,
    kept,
    added,
    removed,
    unknownTop: unknownMembers(desired, KNOWN_TOP, current),
    unknownInEntry,
    diff,
  };
}

/**
 * DESIGN's diff: `{ displayName, added, removed, changed, unchanged }`. `current` and `desired` are resources
 * (parsed or JSON text; a GET response is fine on either side). Throws a TypeError-like error when either is not
 * a resource object or its `certificateAuthorities` is not an array.
 */
export async function diffConfigurations(current: unknown, desired: unknown, options: DiffOptions = {}): Promise<ConfigurationDiff> {
  return (await compareConfigurations(current, desired, options)).diff;
}

/** True when the diff holds no change at all. */
export function isUnchanged(diff: ConfigurationDiff): boolean {
  return diff.displayName === null && diff.added.length === 0 && diff.removed.length === 0 && diff.changed.length === 0;
}

/** True when the CA list changes (so a PATCH must carry the whole list). */
export function listChanges(diff: ConfigurationDiff): boolean {
  return diff.added.length > 0 || diff.removed.length > 0 || diff.changed.length > 0;
}
