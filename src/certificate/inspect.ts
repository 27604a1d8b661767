/** `inspectCertificate(s)`: any certificate input → the facts of each certificate, read once through the shared cache. */
import type { CertificateFacts } from '../types.js';
import { defaultCrypto } from './verify.js';
import { CertificateInputError, readCertificates, type CertificateInputFormat, type InputNote } from './input.js';
import { describeCertificateBytes } from './cache.js';
import type { CertificateRecord } from './facts.js';

export interface InspectedInput {
  format: CertificateInputFormat;
  certificates: { facts: CertificateFacts; where: string }[];
  /** What the reader read past or read specially (see {@link inputNoteMessage}). */
  notes: InputNote[];
}

/**
 * Reads a certificate input and describes each certificate once. Throws {@link CertificateInputError} when the input holds
 * no certificate (its `problem` names what it holds) or when one of its certificates does not parse.
 */
export async function describeCertificateInput(
  input: string | Uint8Array,
  crypto: Crypto,
): Promise<{ format: CertificateInputFormat; records: { record: CertificateRecord; where: string }[]; notes: InputNote[] }> {
  const read = await readCertificates(input);
  const count = read.certificates.length;
  const records: { record: CertificateRecord; where: string }[] = [];
  for (const [index, c] of read.certificates.entries()) {
    try {
      records.push({ record: await describeCertificateBytes(c.der, crypto), where: c.where });
    } catch (e) {
      const reason = (e as Error)?.message ?? String(e);
      throw new CertificateInputError({ kind: 'not-x509', index, count, where: c.where, reason }, read.notes);
    }
  }
  return { format: read.format, records, notes: read.notes };
}

/** {@link describeCertificateInput}, as the plain facts of each certificate. */
export async function inspectInput(input: string | Uint8Array, options: { crypto?: Crypto } = {}): Promise<InspectedInput> {
  const crypto = options.crypto ?? (await defaultCrypto());
  const { format, records, notes } = await describeCertificateInput(input, crypto);
  return { format, certificates: records.map((r) => ({ facts: r.record.facts, where: r.where })), notes };
}

/**
 * Facts of every certificate a file or string holds: DER, PEM (a chain gives each), base64 or base64url, a PKCS#7 bundle.
 * Throws {@link CertificateInputError} naming what the input is when it holds no certificate (a key, a CSR, a .pfx, a CRL …)
 * or when a certificate does not parse.
 */
export async function inspectCertificates(input: string | Uint8Array, options: { crypto?: Crypto } = {}): Promise<CertificateFacts[]> {
  return (await inspectInput(input, options)).certificates.map((c) => c.facts);
}

/** Certificate facts for input holding exactly one certificate (see {@link inspectCertificates} for chains and bundles). */
export async function inspectCertificate(input: string | Uint8Array, options: { crypto?: Crypto } = {}): Promise<CertificateFacts> {
  const facts = await inspectCertificates(input, options);
  if (facts.length > 1) throw new CertificateInputError({ kind: 'several', count: facts.length });
  return facts[0]!;
}
