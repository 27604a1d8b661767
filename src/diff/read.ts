/**
 * Reading the two sides of an update: a resource (a GET response, a desired body, or JSON text of either) and its
 * `certificateAuthorities`, each certificate decoded and described once so entries can be matched by SHA-256.
 */
import type { Base64Problem } from '../certificate/encoding.js';
import type { CertificateRecord } from '../certificate/facts.js';
import { readCertificateValues, type CertificateState, type Decoding } from '../certificate/reader.js';
import { hasOwn, isPlainObject } from '../graph/model.js';
import { choiceProblem, chooseConfiguration } from '../graph/collection.js';

/** One entry of a `certificateAuthorities` list. */
export interface ListedCa {
  index: number;
  value: unknown;
  /** The entry when it is a JSON object. */
  object: Record<string, unknown> | null;
  /** The described certificate; null when it cannot be decoded (then it can only be matched by its exact text). */
  record: CertificateRecord | null;
  /** Why the certificate could not be decoded, when `record` is null. */
  problem: string | null;
  /** The `certificate` member when it is a string. */
  certificateText: string | null;
}

function base64ProblemText(p: Base64Problem): string {
  switch (p.kind) {
    case 'empty':
      return 'it is an empty string';
    case 'pem':
      return 'it is PEM text, not base64';
    case 'whitespace':
      return `it has white space at character ${p.index}`;
    case 'character':
      return `"${p.char}" at character ${p.index} is not base64`;
    case 'mixed-alphabets':
      return 'it mixes the base64 and base64url alphabets';
    case 'padding':
      return 'its "=" padding is wrong';
    case 'length':
      return 'its length is not that of base64';
  }
}

/** Why a certificate value is not a certificate, as a diff note says it; null when it is one. */
function problemText(state: CertificateState): string | null {
  switch (state.kind) {
    case 'ok':
      return null;
    case 'absent':
      return 'the entry has no certificate';
    case 'null':
      return 'the certificate is null, not a base64 string';
    case 'wrong-type':
      return `the certificate is a JSON ${state.type}, not a base64 string`;
    case 'pem':
      return `the certificate is not base64: ${base64ProblemText({ kind: 'pem' })}`;
    case 'not-base64':
      return `the certificate is not base64: ${base64ProblemText(state.problem)}`;
    case 'undecodable':
      return `the certificate is not base64: ${state.reason}`;
    case 'not-x509':
      return `the certificate is not a DER X.509 certificate: ${state.reason}`;
  }
}

/**
 * Reads a `certificateAuthorities` list through the shared certificate reader: `strict` as the server reads a request body,
 * `lenient` for a stored resource (PEM or white space would still be matched).
 */
export async function readCaList(list: readonly unknown[], decoding: Decoding, crypto: Crypto): Promise<ListedCa[]> {
  const certificates = list.map((value) => (isPlainObject(value) && hasOwn(value, 'certificate') ? value.certificate : undefined));
  const read = await readCertificateValues(certificates, crypto, decoding);
  return list.map((value, index): ListedCa => {
    const object = isPlainObject(value) ? value : null;
    if (!object) {
      const type = value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`;
      return { index, value, object, record: null, problem: `the entry is ${type}, not an object`, certificateText: null };
    }
    const certificate = certificates[index];
    const { state, record } = read[index]!;
    return {
      index,
      value,
      object,
      record,
      problem: problemText(state),
      certificateText: typeof certificate === 'string' ? certificate : null,
    };
  });
}

export class ResourceInputError extends Error {}

/**
 * A resource given as a value or JSON text. A collection response (`{ "value": [ … ] }`) is accepted too:
 * its single resource, or the one whose id is `id`.
 */
export function readResource(input: unknown, what: string, id?: string): Record<string, unknown> {
  let value = input;
  if (typeof input === 'string') {
    try {
      value = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      throw new ResourceInputError(`${what} is not JSON: ${(e as Error).message}`);
    }
  }
  if (!isPlainObject(value)) {
    throw new ResourceInputError(
      `${what} must be a JSON object (a mutualTlsOauthConfiguration), not ${value === null ? 'null' : Array.isArray(value) ? 'an array' : `a ${typeof value}`}`,
    );
  }
  if (isPlainObject(value.error) && !hasOwn(value, 'certificateAuthorities')) {
    const e = value.error;
    throw new ResourceInputError(
      `${what} is a Graph error response (${String(e.code)}: ${String(e.message)}), not a mutualTlsOauthConfiguration`,
    );
  }
  const choice = chooseConfiguration(value, id);
  const problem = choiceProblem(choice, what, '--id (in the library, the id option)');
  if (problem) throw new ResourceInputError(problem);
  if (choice.kind === 'chosen') return choice.value;
  return value;
}

/** `certificateAuthorities` of a resource, or null when the member is absent. Throws when it is not an array. */
export function caListOf(resource: Record<string, unknown>, what: string): unknown[] | null {
  if (!hasOwn(resource, 'certificateAuthorities')) return null;
  const list = resource.certificateAuthorities;
  if (!Array.isArray(list)) {
    throw new ResourceInputError(`${what}.certificateAuthorities must be an array, not ${list === null ? 'null' : `a ${typeof list}`}`);
  }
  return list;
}
