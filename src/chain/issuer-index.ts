/**
 * The listed CAs indexed for issuer search — one index, one ranking, for both chain linking among the listed CAs
 * (`link.ts`) and device-path validation (`validate-path.ts`).
 *
 * A certificate's issuer candidates are the listed certificates whose subject name equals its issuer name (RFC 5280
 * §7.1 comparison key), ranked by key identifier (RFC 5280 §4.2.1.1): first those whose subjectKeyIdentifier equals its
 * authorityKeyIdentifier, then those where one of the two is absent, last those whose identifiers differ; list order
 * within a rank. The signature decides in the end; the ranking only decides what is tried first.
 */
import type { ParsedCertificate } from '../certificate/parse.js';

/** What the index reads of a listed certificate. */
export type IndexedCertificate = Pick<ParsedCertificate, 'subject' | 'ski'>;
/** What the index reads of the certificate whose issuer is sought. */
export type IssuedCertificate = Pick<ParsedCertificate, 'issuer' | 'aki'>;

export interface IssuerIndexOptions {
  /**
   * Identity of a listed certificate (e.g. its thumbprint): a later certificate with the identity of an earlier one is
   * the same candidate and is not indexed again.
   */
  identity?: (index: number) => string;
}

const SEP = '\u0000';

export class IssuerIndex {
  readonly #bySubject = new Map<string, number[]>();
  readonly #bySubjectSki = new Map<string, number[]>();
  readonly #bySubjectNoSki = new Map<string, number[]>();
  readonly #bySki = new Map<string, number>();
  readonly #certificates: readonly (IndexedCertificate | null)[];

  /** `certificates[i]` is listed CA `i`; null for one that could not be read. */
  constructor(certificates: readonly (IndexedCertificate | null)[], options: IssuerIndexOptions = {}) {
    this.#certificates = certificates;
    const seen = new Set<string>();
    certificates.forEach((cert, index) => {
      if (!cert) return;
      if (options.identity) {
        const id = options.identity(index);
        if (seen.has(id)) return;
        seen.add(id);
      }
      const key = cert.subject.key;
      const ski = cert.ski?.value;
      push(this.#bySubject, key, index);
      if (ski) {
        push(this.#bySubjectSki, key + SEP + ski, index);
        if (!this.#bySki.has(ski)) this.#bySki.set(ski, index);
      } else push(this.#bySubjectNoSki, key, index);
    });
  }

  /**
   * The listed certificates that may have issued `child`, best first (see the ranking above), lazily: callers that
   * stop after a few pay for a few. `prefer` moves the certificates it accepts ahead of the others of the same rank.
   */
  *candidates(child: IssuedCertificate, prefer?: (index: number) => boolean): Generator<number> {
    const key = child.issuer.key;
    const aki = child.aki?.keyIdentifier ?? null;
    if (!aki) {
      yield* preferred(this.#bySubject.get(key), prefer);
      return;
    }
    yield* preferred(this.#bySubjectSki.get(key + SEP + aki), prefer);
    yield* preferred(this.#bySubjectNoSki.get(key), prefer);
    const differs = (this.#bySubject.get(key) ?? []).filter((i) => {
      const ski = this.#certificates[i]?.ski?.value;
      return !!ski && ski !== aki;
    });
    yield* preferred(differs, prefer);
  }

  /** The first listed certificate whose subjectKeyIdentifier is `keyId`, whatever its name; null when there is none. */
  withKeyId(keyId: string): number | null {
    return this.#bySki.get(keyId) ?? null;
  }
}

function push(index: Map<string, number[]>, key: string, value: number): void {
  const list = index.get(key);
  if (list) list.push(value);
  else index.set(key, [value]);
}

function* preferred(list: readonly number[] | undefined, prefer?: (index: number) => boolean): Generator<number> {
  if (!list) return;
  if (!prefer) {
    yield* list;
    return;
  }
  for (const i of list) if (prefer(i)) yield i;
  for (const i of list) if (!prefer(i)) yield i;
}
