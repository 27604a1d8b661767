/**
 * Certificate files → `certificateAuthority` entries appended to the body text.
 * Files are read in the page (FileReader / Blob.arrayBuffer): nothing is uploaded.
 */
import { inspectCertificate, type CertificateFacts } from '../src/index.js';

export interface FileOutcome {
  file: string;
  certificates: CertificateFacts[];
  /** Why the file gave no certificate, when it did not. */
  error?: string;
}

const PEM_CERTIFICATE = /-----BEGIN (?:X509 )?CERTIFICATE-----[\s\S]*?-----END (?:X509 )?CERTIFICATE-----/g;

/** The certificates a file holds: DER bytes, or text (one or more PEM blocks, or bare base64). */
export function certificateInputs(bytes: Uint8Array): (string | Uint8Array)[] {
  if (bytes.length > 0 && bytes[0] === 0x30) return [bytes];
  const text = new TextDecoder().decode(bytes);
  const blocks = text.match(PEM_CERTIFICATE);
  return blocks && blocks.length > 1 ? blocks : [text];
}

export async function readCertificateFile(name: string, bytes: Uint8Array, crypto?: Crypto): Promise<FileOutcome> {
  const certificates: CertificateFacts[] = [];
  try {
    for (const input of certificateInputs(bytes)) certificates.push(await inspectCertificate(input, crypto ? { crypto } : {}));
    return { file: name, certificates };
  } catch (e) {
    return { file: name, certificates, error: e instanceof Error ? e.message : String(e) };
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
