/**
 * The writable members of a configuration in one canonical form, and its hash: what `plan` records as the base and
 * what `apply` compares the live resource with. It is the notion `diff` uses — CAs matched by the SHA-256 of their
 * DER, only the members a PATCH writes, absent and null the same — so two GET responses hash alike exactly when
 * `diff` finds no change between them.
 *
 * The form (docs/update.md "The plan file"):
 *
 *   { "displayName": <value or null>,
 *     "certificateAuthorities": null | [ { "certificate": "sha256:<hex>" | "text:<exact text>" | "json:<JSON>",
 *                                          "isRootAuthority": …, "certificateRevocationListUrl": …,
 *                                          "deltaCertificateRevocationListUrl": … }, … ] }
 *
 * Entries are sorted by their JSON text (so the order of the list does not count, and a CA listed twice counts
 * twice); the hash is `sha256:` and the lower-case hex SHA-256 of that object written by `JSON.stringify` with the
 * members in the order above, as UTF-8.
 */
import { toHex } from '../certificate/encoding.js';
import { defaultCrypto, digest } from '../certificate/verify.js';
import { hasOwn, isPlainObject } from '../graph/model.js';
import { normaliseMember } from '../diff/diff.js';
import { readCaList, ResourceInputError } from '../diff/read.js';

/** Names the form, so that a later change to it is a new name rather than a silent difference. */
export const HASH_FORM = 'ca-preflight-writable/1';

export interface CanonicalEntry {
  certificate: string;
  isRootAuthority: unknown;
  certificateRevocationListUrl: unknown;
  deltaCertificateRevocationListUrl: unknown;
}

export interface CanonicalForm {
  displayName: unknown;
  certificateAuthorities: CanonicalEntry[] | null;
}

function resourceObject(resource: unknown, what: string): Record<string, unknown> {
  if (!isPlainObject(resource)) throw new ResourceInputError(`${what} must be a JSON object (a mutualTlsOauthConfiguration)`);
  return resource;
}

/** The canonical form of a resource's writable members. Never throws for an odd list: an entry it cannot read is kept as its JSON. */
export async function canonicalForm(resource: unknown, crypto?: Crypto, what = 'the resource'): Promise<CanonicalForm> {
  const r = resourceObject(resource, what);
  const c = crypto ?? (await defaultCrypto());
  let list: CanonicalEntry[] | null = null;
  if (hasOwn(r, 'certificateAuthorities')) {
    const raw = r.certificateAuthorities;
    if (!Array.isArray(raw)) throw new ResourceInputError(`${what}: certificateAuthorities must be an array`);
    const listed = await readCaList(raw, 'lenient', c);
    list = listed.map((ca) => {
      const o = ca.object;
      const certificate = ca.record
        ? `sha256:${ca.record.facts.thumbprints.sha256}`
        : ca.certificateText !== null
          ? `text:${ca.certificateText}`
          : `json:${JSON.stringify(o ? (o.certificate ?? null) : (ca.value ?? null))}`;
      return {
        certificate,
        isRootAuthority: normaliseMember(o?.isRootAuthority),
        certificateRevocationListUrl: normaliseMember(o?.certificateRevocationListUrl),
        deltaCertificateRevocationListUrl: normaliseMember(o?.deltaCertificateRevocationListUrl),
      };
    });
    const keyed = list.map((e) => [JSON.stringify(e), e] as const);
    keyed.sort((a, b) => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0));
    list = keyed.map(([, e]) => e);
  }
  return { displayName: normaliseMember(r.displayName), certificateAuthorities: list };
}

/** The JSON text that is hashed. */
export function canonicalText(form: CanonicalForm): string {
  return JSON.stringify({
    displayName: form.displayName,
    certificateAuthorities:
      form.certificateAuthorities?.map((e) => ({
        certificate: e.certificate,
        isRootAuthority: e.isRootAuthority,
        certificateRevocationListUrl: e.certificateRevocationListUrl,
        deltaCertificateRevocationListUrl: e.deltaCertificateRevocationListUrl,
      })) ?? null,
  });
}

/** `sha256:<hex>` of the canonical form of `resource`'s writable members. */
export async function writableHash(resource: unknown, options: { crypto?: Crypto } = {}): Promise<string> {
  const crypto = options.crypto ?? (await defaultCrypto());
  const text = canonicalText(await canonicalForm(resource, crypto));
  return `sha256:${toHex(await digest(crypto, 'SHA-256', new TextEncoder().encode(text)))}`;
}

/**
 * The writable members the resource holds once Graph has accepted `body`: each member the body carries replaces the
 * resource's (the list as a whole, as the update page says), the others stay. The rest of the resource is kept as read.
 */
export function resourceAfter(resource: Record<string, unknown>, body: Record<string, unknown>): Record<string, unknown> {
  const out: Record<string, unknown> = { ...resource };
  if (hasOwn(body, 'displayName')) out.displayName = body.displayName;
  if (hasOwn(body, 'certificateAuthorities')) out.certificateAuthorities = body.certificateAuthorities;
  return out;
}

/** A short form of a hash for people: the first 12 hex digits. */
export function shortHash(hash: string): string {
  return hash.replace(/^sha256:/, '').slice(0, 12);
}
