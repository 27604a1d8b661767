/**
 * Certificate files → `certificateAuthority` entries (the library's, CRL URLs null) appended to the body text.
 * Files are read in the page (FileReader / Blob.arrayBuffer): nothing is uploaded.
 */
import { CertificateInputError, inspectInput, loadInputMessages, type CertificateFacts, type Lang } from '../src/index.js';

export interface FileOutcome {
  file: string;
  certificates: CertificateFacts[];
  /** What the reader read past (a private key beside the certificates, a bundle's CRLs) or read specially (UTF-16). */
  notes: string[];
  /** Why the file gave no certificate, when it did not: what it is and what to do. */
  error?: string;
  /**
   * The file is a CRL (its content says so, or its name ends in .crl): the page checks it against the list instead of
   * adding it, and the CRL checks say what is wrong with one that cannot be read.
   */
  crl?: { source: string; bytes: Uint8Array };
}

/**
 * The certificates a file holds, read as the CLI reads them (DER, PEM chains, PKCS#7 bundles, base64), with messages in
 * the page's language.
 */
export async function readCertificateFile(name: string, bytes: Uint8Array, lang: Lang = 'en', crypto?: Crypto): Promise<FileOutcome> {
  const words = await loadInputMessages(lang);
  try {
    const read = await inspectInput(bytes, crypto ? { crypto } : {});
    return { file: name, certificates: read.certificates.map((c) => c.facts), notes: read.notes.map((n) => words.note(n)) };
  } catch (e) {
    if (e instanceof CertificateInputError && (e.problem.kind === 'crl' || /\.crl$/i.test(name)))
      return { file: name, certificates: [], notes: [], crl: { source: name, bytes } };
    if (e instanceof CertificateInputError)
      return {
        file: name,
        certificates: [],
        notes: e.notes.map((n) => words.note(n)),
        error: words.problem(e.problem, { subject: name, file: name }),
      };
    return { file: name, certificates: [], notes: [], error: e instanceof Error ? e.message : String(e) };
  }
}

export type AppendResult =
  | { ok: true; text: string; added: CertificateFacts[]; alreadyListed: CertificateFacts[] }
  | { ok: false; problem: 'bodyNotJson' | 'bodyNotObject' | 'listNotArray' };

/**
 * Appends each certificate's entry to `certificateAuthorities` in `bodyText` (an empty body starts a new list).
 * A certificate already listed (same base64) is not added twice. The body is rewritten with two-space indentation.
 */
export function appendCertificates(bodyText: string, certificates: CertificateFacts[]): AppendResult {
  let body: unknown = {};
  if (bodyText.trim() !== '') {
    try {
      body = JSON.parse(bodyText);
    } catch {
      return { ok: false, problem: 'bodyNotJson' };
    }
  }
  if (typeof body !== 'object' || body === null || Array.isArray(body)) return { ok: false, problem: 'bodyNotObject' };
  const object = body as Record<string, unknown>;
  const list = object.certificateAuthorities ?? [];
  if (!Array.isArray(list)) return { ok: false, problem: 'listNotArray' };
  const listed = new Set(list.map((e) => (e && typeof e === 'object' ? (e as { certificate?: unknown }).certificate : undefined)));
  const added: CertificateFacts[] = [];
  const alreadyListed: CertificateFacts[] = [];
  for (const facts of certificates) {
    const entry = facts.certificateAuthority;
    if (listed.has(entry.certificate)) {
      alreadyListed.push(facts);
      continue;
    }
    listed.add(entry.certificate);
    list.push({
      isRootAuthority: entry.isRootAuthority,
      certificateRevocationListUrl: entry.certificateRevocationListUrl,
      deltaCertificateRevocationListUrl: entry.deltaCertificateRevocationListUrl,
      certificate: entry.certificate,
    });
    added.push(facts);
  }
  object.certificateAuthorities = list;
  return { ok: true, text: JSON.stringify(object, null, 2), added, alreadyListed };
}
