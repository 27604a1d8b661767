/**
 * Edits expressed as operations — add a CA, remove one, rename — applied to a resource to give the desired
 * configuration. The request builder then treats that like any desired body, so both paths share one diff and guard.
 */
import type { CertificateRecord } from '../certificate/facts.js';
import { certificateAuthorityEntry } from '../certificate/facts.js';
import { CertificateInputError, certificateInputMessage, inputNoteMessage } from '../certificate/input.js';
import { describeCertificateInput } from '../certificate/inspect.js';
import { encodeBase64 } from '../certificate/encoding.js';
import { parseNameString } from '../certificate/names.js';
import { isPlainObject } from '../graph/model.js';
import { readCaList } from './read.js';

export interface AddOperation {
  op: 'add';
  /**
   * PEM text, DER bytes, base64 / base64url (whitespace allowed), a PEM chain or a PKCS#7 bundle (each certificate is added;
   * then isRootAuthority and the CRL URLs, which belong to one CA, cannot be given).
   */
  certificate: string | Uint8Array;
  /** Default: true when the certificate is self-signed (self-issued and its signature verifies with its own key). */
  isRootAuthority?: boolean;
  certificateRevocationListUrl?: string | null;
  deltaCertificateRevocationListUrl?: string | null;
}

export interface RemoveOperation {
  op: 'remove';
  /** A SHA-256 or SHA-1 thumbprint (any case, colons or spaces allowed), or the exact subject (RFC 4514 or Windows style). */
  ca: string;
}

export interface RenameOperation {
  op: 'rename';
  displayName: string | null;
}

export type PatchOperation = AddOperation | RemoveOperation | RenameOperation;

export interface OperationProblem {
  /** Index of the operation in the list. */
  operation: number;
  message: string;
}

export type OperationsResult =
  | { ok: true; desired: Record<string, unknown>; notes: string[] }
  | { ok: false; problems: OperationProblem[] };

interface WorkingEntry {
  value: unknown;
  record: CertificateRecord | null;
}

/**
 * The certificates an add operation gives (a chain or a PKCS#7 bundle gives several), each described once through the
 * shared cache; or what is wrong with them.
 */
async function readAdded(
  op: AddOperation,
  crypto: Crypto,
): Promise<{ records: CertificateRecord[]; notes: string[] } | { problem: string }> {
  let read: Awaited<ReturnType<typeof describeCertificateInput>>;
  try {
    read = await describeCertificateInput(op.certificate, crypto);
  } catch (e) {
    if (e instanceof CertificateInputError) return { problem: certificateInputMessage(e.problem, { subject: 'the certificate given' }) };
    return { problem: `not a certificate: ${(e as Error)?.message ?? String(e)}` };
  }
  const count = read.records.length;
  const perCa = ['isRootAuthority', 'certificateRevocationListUrl', 'deltaCertificateRevocationListUrl'].filter(
    (m) => (op as unknown as Record<string, unknown>)[m] !== undefined,
  );
  if (count > 1 && perCa.length)
    return {
      problem: `the certificate given holds ${count} certificates, and ${perCa.join(', ')} belong${perCa.length === 1 ? 's' : ''} to one CA: add the certificates one at a time to set ${perCa.length === 1 ? 'it' : 'them'} (or leave ${perCa.length === 1 ? 'it' : 'them'} out to take the inferred root flag and no CRL URL)`,
    };
  return { records: read.records.map((r) => r.record), notes: read.notes.map((n) => `add: ${inputNoteMessage(n)}`) };
}

/** A thumbprint as typed by a person: 64 hex digits are SHA-256, 40 are SHA-1; colons and spaces are ignored. */
export function parseThumbprint(text: string): { hash: 'sha256' | 'sha1'; hex: string } | null {
  const hex = text.replace(/[\s:]/g, '').toLowerCase();
  if (/^[0-9a-f]{64}$/.test(hex)) return { hash: 'sha256', hex };
  if (/^[0-9a-f]{40}$/.test(hex)) return { hash: 'sha1', hex };
  return null;
}

function describeEntry(e: WorkingEntry): string {
  return e.record
    ? `${e.record.facts.subject.rfc4514} (SHA-256 ${e.record.facts.thumbprints.sha256})`
    : '(a certificate that cannot be decoded)';
}

function isUrlValue(v: unknown): boolean {
  return v === undefined || v === null || typeof v === 'string';
}

/** Names what is wrong with an operation's shape, or null. */
function shapeProblem(op: unknown): string | null {
  if (!isPlainObject(op)) return 'an operation must be an object such as { "op": "add", "certificate": "…" }';
  switch (op.op) {
    case 'add':
      if (typeof op.certificate !== 'string' && !(op.certificate instanceof Uint8Array))
        return 'add needs "certificate": PEM text, base64 or DER bytes';
      if (op.isRootAuthority !== undefined && typeof op.isRootAuthority !== 'boolean')
        return 'add: "isRootAuthority" must be true or false';
      if (!isUrlValue(op.certificateRevocationListUrl) || !isUrlValue(op.deltaCertificateRevocationListUrl))
        return 'add: CRL URLs must be strings or null';
      return null;
    case 'remove':
      return typeof op.ca === 'string' && op.ca.trim() !== ''
        ? null
        : 'remove needs "ca": a SHA-256 or SHA-1 thumbprint, or the exact subject';
    case 'rename':
      return typeof op.displayName === 'string' || op.displayName === null ? null : 'rename needs "displayName": a string or null';
    default:
      return `unknown operation ${JSON.stringify(op.op)}; use "add", "remove" or "rename"`;
  }
}

/**
 * Applies operations in order to `base` (a resource: the current GET response or a desired body) and returns the
 * desired configuration. Removals match against the list as it stands after the earlier operations. Adding a CA that
 * is already listed changes only the members the operation gives. Problems are collected, never thrown.
 */
export async function applyOperations(
  base: Record<string, unknown>,
  operations: readonly unknown[],
  crypto: Crypto,
): Promise<OperationsResult> {
  const baseList = Array.isArray(base.certificateAuthorities) ? base.certificateAuthorities : [];
  const listed = await readCaList(baseList, 'lenient', crypto);
  const working: WorkingEntry[] = listed.map((ca) => ({ value: ca.object ? { ...ca.object } : ca.value, record: ca.record }));
  const desired: Record<string, unknown> = { ...base };
  const problems: OperationProblem[] = [];
  const notes: string[] = [];
  let listTouched = false;

  for (const [i, raw] of operations.entries()) {
    const shape = shapeProblem(raw);
    if (shape) {
      problems.push({ operation: i, message: shape });
      continue;
    }
    const op = raw as PatchOperation;
    if (op.op === 'rename') {
      desired.displayName = op.displayName;
      continue;
    }

    if (op.op === 'add') {
      const added = await readAdded(op, crypto);
      if ('problem' in added) {
        problems.push({ operation: i, message: `add: ${added.problem}` });
        continue;
      }
      notes.push(...added.notes);
      listTouched = true;
      const explicit: Record<string, unknown> = {};
      if (op.isRootAuthority !== undefined) explicit.isRootAuthority = op.isRootAuthority;
      if (op.certificateRevocationListUrl !== undefined) explicit.certificateRevocationListUrl = op.certificateRevocationListUrl;
      if (op.deltaCertificateRevocationListUrl !== undefined)
        explicit.deltaCertificateRevocationListUrl = op.deltaCertificateRevocationListUrl;
      for (const record of added.records) {
        const existing = working.find((e) => e.record?.facts.thumbprints.sha256 === record.facts.thumbprints.sha256);
        if (existing) {
          existing.value = { ...(existing.value as Record<string, unknown>), ...explicit };
          notes.push(
            `${record.facts.subject.rfc4514} is already listed; ${Object.keys(explicit).length ? `only ${Object.keys(explicit).join(', ')} ${Object.keys(explicit).length === 1 ? 'is' : 'are'} updated` : 'nothing to add'}`,
          );
          continue;
        }
        working.push({
          value: certificateAuthorityEntry({
            certificate: encodeBase64(record.parsed.der),
            isRootAuthority: op.isRootAuthority ?? record.facts.certificateAuthority.isRootAuthority,
            certificateRevocationListUrl: op.certificateRevocationListUrl ?? null,
            deltaCertificateRevocationListUrl: op.deltaCertificateRevocationListUrl ?? null,
          }),
          record,
        });
      }
      continue;
    }

    // remove
    const thumbprint = parseThumbprint(op.ca);
    const subjectKey = thumbprint ? null : parseNameString(op.ca.trim());
    if (!thumbprint && subjectKey === null) {
      problems.push({
        operation: i,
        message: `remove "${op.ca}": neither a thumbprint (64 hex digits for SHA-256, 40 for SHA-1) nor a subject name such as CN=Example Root CA, O=Example, C=US`,
      });
      continue;
    }
    const matches = working.filter(
      (e) =>
        e.record &&
        (thumbprint ? e.record.facts.thumbprints[thumbprint.hash] === thumbprint.hex : e.record.parsed.subject.key === subjectKey),
    );
    if (matches.length === 0) {
      const present = working.map(describeEntry);
      problems.push({
        operation: i,
        message: `remove "${op.ca}" matches none of the ${working.length} CAs in the list${present.length ? `: ${present.join('; ')}` : ''}`,
      });
      continue;
    }
    if (matches.length > 1) {
      problems.push({
        operation: i,
        message: `remove "${op.ca}" matches ${matches.length} CAs with that subject: ${matches.map(describeEntry).join('; ')}; give the SHA-256 thumbprint of the one to remove`,
      });
      continue;
    }
    working.splice(working.indexOf(matches[0]!), 1);
    listTouched = true;
  }

  if (problems.length) return { ok: false, problems };
  if (listTouched) desired.certificateAuthorities = working.map((e) => e.value);
  return { ok: true, desired, notes };
}
