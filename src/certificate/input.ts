/**
 * The certificate files admins have → the DER certificates they hold. One reader for `inspect`, `patch --add`, the library's
 * add operation and the page's file drop:
 *
 * - DER (`.cer`, `.der`), PEM with one or many CERTIFICATE blocks (a chain), base64 or base64url text (whitespace allowed);
 * - PKCS#7 bundles (`.p7b`, `.p7c`) in DER, in PEM (`PKCS7`), or base64-armoured as `CERTIFICATE` (as `certutil -encode`
 *   writes them), read by pkijs (loaded only then);
 * - UTF-16 text (Windows PowerShell 5's `Out-File` default) is read, and said so.
 *
 * Everything else is named for what it is, with what to do: a private key, a certificate signing request, a PKCS#12 archive,
 * a CRL, a public key, an empty file, JSON, binary data that is not DER. Certificates come back as the exact bytes of the
 * input; whether each one is a valid certificate is for the parser to say.
 */
import * as asn1js from 'asn1js';
import { decodeBase64Lenient } from './encoding.js';
import { certificateInputMessage, type CertificateInputProblem, type InputNote } from './input-messages.js';
import type { SignedDataContents } from './pkcs7.js';

export type { CertificateInputProblem, InputNote } from './input-messages.js';
export {
  certificateInputMessage,
  inputNoteMessage,
  loadInputMessages,
  englishInputMessages,
  type InputMessages,
  type InputMessageOptions,
} from './input-messages.js';

/** Largest certificate input read: twice the 2 MB `.p7b` upload Entra's PKI store accepts; a PEM of all 142 Mozilla roots is 220 KB. */
export const MAX_CERTIFICATE_INPUT_BYTES = 4 * 1024 * 1024;

/** One certificate of an input. */
export interface CertificateSource {
  der: Uint8Array;
  /** Where it came from when the input held several things (`PEM block 2, line 23`, `PKCS#7 certificate 3`), else "". */
  where: string;
}

export type CertificateInputFormat = 'der' | 'pem' | 'base64' | 'pkcs7-der' | 'pkcs7-pem';

export interface CertificateInputs {
  format: CertificateInputFormat;
  certificates: CertificateSource[];
  /** What was read past or read specially (a private key beside the certificates, CRLs in a bundle, UTF-16 text). */
  notes: InputNote[];
}

/** The input holds no certificate; `problem` says what it is instead (in another language: loadInputMessages). */
export class CertificateInputError extends Error {
  constructor(
    readonly problem: CertificateInputProblem,
    readonly notes: InputNote[] = [],
  ) {
    super(certificateInputMessage(problem));
    this.name = 'CertificateInputError';
  }
}

type Node = asn1js.AsnType & {
  idBlock: { tagClass: number; tagNumber: number; isConstructed: boolean };
  valueBlock: { value?: unknown; valueDec?: number };
  valueBeforeDecodeView: Uint8Array;
};

/** What a DER value is, judged by its outline only (the certificate parser judges certificates in full). */
type DerKind = { kind: 'certificate' } | { kind: 'pkcs7' } | { kind: 'problem'; problem: CertificateInputProblem };

const isUniversal = (n: Node | undefined, tag: number): n is Node => n?.idBlock.tagClass === 1 && n.idBlock.tagNumber === tag;
const isContext = (n: Node | undefined, tag: number): n is Node => n?.idBlock.tagClass === 3 && n.idBlock.tagNumber === tag;
const childrenOf = (n: Node | undefined): Node[] =>
  n?.idBlock.isConstructed && Array.isArray(n.valueBlock.value) ? (n.valueBlock.value as Node[]) : [];
const integer = (n: Node | undefined): number | null => (isUniversal(n, 2) ? (n.valueBlock.valueDec ?? null) : null);
const oidOf = (n: Node | undefined): string | null =>
  isUniversal(n, 6) ? (n as unknown as asn1js.ObjectIdentifier).valueBlock.toString() : null;

const SIGNED_DATA = '1.2.840.113549.1.7.2';
const CMS_TYPES: Record<string, string> = {
  '1.2.840.113549.1.7.1': 'data',
  '1.2.840.113549.1.7.3': 'enveloped data',
  '1.2.840.113549.1.7.5': 'digested data',
  '1.2.840.113549.1.7.6': 'encrypted data',
  '1.2.840.113549.1.9.16.1.2': 'authenticated data',
};

function classifyNode(root: Node): DerKind {
  if (!isUniversal(root, 16)) return { kind: 'certificate' }; // not even a SEQUENCE: the parser says why
  const c = childrenOf(root);
  // ContentInfo (RFC 5652 §3): contentType, [0] EXPLICIT content.
  const type = oidOf(c[0]);
  if (type && isContext(c[1], 0)) {
    if (type === SIGNED_DATA) return { kind: 'pkcs7' };
    return { kind: 'problem', problem: { kind: 'cms-other', contentType: CMS_TYPES[type] ?? type } };
  }
  // PFX (RFC 7292 §4): version 3, authSafe ContentInfo, optional macData.
  if (integer(c[0]) === 3 && isUniversal(c[1], 16) && oidOf(childrenOf(c[1])[0])?.startsWith('1.2.840.113549.1.7.'))
    return { kind: 'problem', problem: { kind: 'pkcs12' } };
  // Signed objects: { to-be-signed SEQUENCE, AlgorithmIdentifier, BIT STRING } — a certificate, a CSR or a CRL.
  if (c.length === 3 && isUniversal(c[0], 16) && isUniversal(c[1], 16) && isUniversal(c[2], 3)) {
    const t = childrenOf(c[0]);
    if (isContext(t[0], 0)) return { kind: 'certificate' };
    // CertificationRequestInfo (RFC 2986 §4.1): version 0, subject, subjectPKInfo, [0] attributes.
    if (t.length === 4 && integer(t[0]) === 0 && isUniversal(t[1], 16) && isUniversal(t[2], 16) && isContext(t[3], 0))
      return { kind: 'problem', problem: { kind: 'csr' } };
    // TBSCertList (RFC 5280 §5.1): [version], signature, issuer, thisUpdate (a time) …
    const i = isUniversal(t[0], 2) ? 1 : 0;
    if (isUniversal(t[i], 16) && isUniversal(t[i + 1], 16) && (isUniversal(t[i + 2], 23) || isUniversal(t[i + 2], 24)))
      return { kind: 'problem', problem: { kind: 'crl' } };
    return { kind: 'certificate' };
  }
  // PrivateKeyInfo / OneAsymmetricKey (RFC 5958): version 0|1, algorithm, privateKey OCTET STRING.
  if ((integer(c[0]) === 0 || integer(c[0]) === 1) && isUniversal(c[1], 16) && isUniversal(c[2], 4))
    return { kind: 'problem', problem: { kind: 'private-key', encrypted: false } };
  // EncryptedPrivateKeyInfo (RFC 5958 §3): encryptionAlgorithm, encryptedData.
  if (c.length === 2 && isUniversal(c[0], 16) && isUniversal(c[1], 4))
    return { kind: 'problem', problem: { kind: 'private-key', encrypted: true } };
  // RSAPrivateKey (RFC 8017 A.1.2): version 0 and eight more INTEGERs; ECPrivateKey (RFC 5915): version 1, OCTET STRING.
  if ((c.length >= 9 && integer(c[0]) === 0 && c.every((n) => isUniversal(n, 2))) || (integer(c[0]) === 1 && isUniversal(c[1], 4)))
    return { kind: 'problem', problem: { kind: 'private-key', encrypted: false } };
  // SubjectPublicKeyInfo: algorithm, BIT STRING; RSAPublicKey: modulus, exponent.
  if (c.length === 2 && ((isUniversal(c[0], 16) && isUniversal(c[1], 3)) || (isUniversal(c[0], 2) && isUniversal(c[1], 2))))
    return { kind: 'problem', problem: { kind: 'public-key' } };
  return { kind: 'certificate' };
}

function classifyDer(der: Uint8Array): DerKind {
  const decoded = asn1js.fromBER(der);
  return decoded.offset === -1 ? { kind: 'certificate' } : classifyNode(decoded.result as Node);
}

/** Whether bytes can only be binary DER: a SEQUENCE whose length field is well formed (text never starts with 0x30 0x8x). */
function looksLikeDer(bytes: Uint8Array): boolean {
  return bytes.length >= 2 && bytes[0] === 0x30 && (bytes[1]! < 0x80 || (bytes[1]! >= 0x81 && bytes[1]! <= 0x84) || bytes[1] === 0x80);
}

/** UTF-16 by its byte order mark, or (without one) by the zero bytes ASCII text has in every other place. */
function utf16Of(bytes: Uint8Array): { encoding: 'utf-16le' | 'utf-16be'; bom: boolean } | null {
  if (bytes[0] === 0xff && bytes[1] === 0xfe) return { encoding: 'utf-16le', bom: true };
  if (bytes[0] === 0xfe && bytes[1] === 0xff) return { encoding: 'utf-16be', bom: true };
  if (bytes.length >= 4 && bytes.length % 2 === 0) {
    const sample = Math.min(bytes.length, 64);
    let evenZero = 0;
    let oddZero = 0;
    for (let i = 0; i < sample; i++) if (bytes[i] === 0) i % 2 === 0 ? evenZero++ : oddZero++;
    if (oddZero === sample / 2 && evenZero === 0) return { encoding: 'utf-16le', bom: false };
    if (evenZero === sample / 2 && oddZero === 0) return { encoding: 'utf-16be', bom: false };
  }
  return null;
}

interface PemBlock {
  label: string;
  line: number;
  bytes: Uint8Array | null;
}

function pemBlocks(text: string): PemBlock[] {
  const blocks: PemBlock[] = [];
  const re = /-----BEGIN ([A-Z0-9 #.]+)-----([\s\S]*?)-----END \1-----/g;
  for (let m = re.exec(text); m; m = re.exec(text)) {
    const body = m[2]!
      .split(/\r?\n/)
      .filter((l) => !/^[A-Za-z-]+:/.test(l)) // RFC 1421 headers (Proc-Type, DEK-Info) of old encrypted keys
      .join('');
    const line = text.slice(0, m.index).split('\n').length;
    blocks.push({ label: m[1]!, line, bytes: decodeBase64Lenient(body) });
  }
  return blocks;
}

/** What a PEM label says the block is, when the label alone says it. */
function labelProblem(label: string): CertificateInputProblem | null {
  if (/PRIVATE KEY$/.test(label)) return { kind: 'private-key', encrypted: label.startsWith('ENCRYPTED') };
  if (/CERTIFICATE REQUEST$/.test(label)) return { kind: 'csr' };
  if (label === 'X509 CRL') return { kind: 'crl' };
  if (/PUBLIC KEY$/.test(label)) return { kind: 'public-key' };
  return null;
}

const CERTIFICATE_LABELS = new Set(['CERTIFICATE', 'X509 CERTIFICATE', 'X.509 CERTIFICATE']);
const PKCS7_LABELS = new Set(['PKCS7', 'PKCS #7 SIGNED DATA', 'CMS', 'CERTIFICATE CHAIN']);

interface Collected {
  certificates: CertificateSource[];
  notes: InputNote[];
  /** What each block that held no certificate is, for the error when nothing else is found. */
  others: { problem: CertificateInputProblem; where: string }[];
}

async function expandPkcs7(der: Uint8Array, where: string, out: Collected): Promise<void> {
  let contents: SignedDataContents;
  try {
    // pkijs is loaded the first time a bundle is read (the browser builds ship it as a file of its own: pkcs7.js).
    const { readSignedData } = await import('./pkcs7.js');
    contents = await readSignedData(der);
  } catch (e) {
    const reason = String((e as Error)?.message ?? e);
    out.others.push({ problem: { kind: 'pkcs7-unreadable', reason }, where });
    return;
  }
  const prefix = where ? `${where}, ` : '';
  for (const [i, bytes] of contents.certificates.entries())
    out.certificates.push({ der: bytes, where: `${prefix}PKCS#7 certificate ${i + 1}` });
  if (contents.crls) out.notes.push({ kind: 'pkcs7-crls-ignored', count: contents.crls });
  if (contents.otherCertificates) out.notes.push({ kind: 'pkcs7-others-ignored', count: contents.otherCertificates });
  if (contents.certificates.length === 0) out.others.push({ problem: { kind: 'pkcs7-empty', crls: contents.crls }, where });
}

async function collectDer(der: Uint8Array, where: string, out: Collected, labelled: 'certificate' | 'pkcs7' | 'trusted'): Promise<void> {
  let bytes = der;
  if (labelled === 'trusted') {
    // OpenSSL's TRUSTED CERTIFICATE: the certificate, then its trust settings. The certificate is the first value, exactly.
    const first = asn1js.fromBER(der);
    if (first.offset !== -1) bytes = der.slice(0, first.offset);
    out.notes.push({ kind: 'trust-settings-ignored' });
  }
  const kind = labelled === 'pkcs7' ? { kind: 'pkcs7' as const } : classifyDer(bytes);
  if (kind.kind === 'certificate') out.certificates.push({ der: bytes, where });
  else if (kind.kind === 'pkcs7') await expandPkcs7(bytes, where, out);
  else out.others.push({ problem: kind.problem, where });
}

function firstBytes(bytes: Uint8Array): string {
  return Array.from(bytes.subarray(0, 8), (b) => b.toString(16).padStart(2, '0')).join(' ');
}

/**
 * Reads every certificate of a certificate file or string. Throws {@link CertificateInputError} when it holds none,
 * naming what it holds instead.
 */
export async function readCertificates(input: string | Uint8Array): Promise<CertificateInputs> {
  const out: Collected = { certificates: [], notes: [], others: [] };
  let text: string;
  let format: CertificateInputFormat;
  if (typeof input !== 'string') {
    if (input.length === 0) throw new CertificateInputError({ kind: 'empty' });
    if (input.length > MAX_CERTIFICATE_INPUT_BYTES)
      throw new CertificateInputError({ kind: 'too-large', bytes: input.length, limit: MAX_CERTIFICATE_INPUT_BYTES });
    if (looksLikeDer(input)) {
      const kind = classifyDer(input);
      if (kind.kind === 'pkcs7') {
        await expandPkcs7(input, '', out);
        return finish(out, 'pkcs7-der');
      }
      if (kind.kind === 'problem') throw new CertificateInputError(kind.problem);
      return { format: 'der', certificates: [{ der: input, where: '' }], notes: [] };
    }
    const utf16 = utf16Of(input);
    if (utf16) {
      text = new TextDecoder(utf16.encoding).decode(input);
      out.notes.push({ kind: 'utf16', encoding: utf16.encoding, bom: utf16.bom });
    } else {
      try {
        text = new TextDecoder('utf-8', { fatal: true }).decode(input);
      } catch {
        throw new CertificateInputError({ kind: 'binary', start: firstBytes(input) });
      }
    }
  } else {
    if (input.length > MAX_CERTIFICATE_INPUT_BYTES)
      throw new CertificateInputError({ kind: 'too-large', bytes: input.length, limit: MAX_CERTIFICATE_INPUT_BYTES });
    text = input;
  }
  text = text.replace(/^\uFEFF/, '');
  if (text.trim() === '') throw new CertificateInputError({ kind: 'empty' }, out.notes);

  if (text.includes('-----BEGIN')) {
    format = 'pem';
    const blocks = pemBlocks(text);
    let pkcs7Only = blocks.length > 0;
    for (const [i, block] of blocks.entries()) {
      const where = blocks.length > 1 ? `PEM block ${i + 1}, line ${block.line}` : '';
      const named = labelProblem(block.label);
      if (named) {
        pkcs7Only = false;
        out.others.push({ problem: named, where });
        if (named.kind === 'private-key') out.notes.push({ kind: 'private-key-ignored', line: block.line });
        continue;
      }
      if (!block.bytes) {
        pkcs7Only = false;
        out.others.push({ problem: { kind: 'pem-damaged', label: block.label, line: block.line }, where });
        continue;
      }
      const trusted = block.label === 'TRUSTED CERTIFICATE';
      if (CERTIFICATE_LABELS.has(block.label) || trusted || PKCS7_LABELS.has(block.label)) {
        const labelled = PKCS7_LABELS.has(block.label) ? 'pkcs7' : trusted ? 'trusted' : 'certificate';
        if (labelled !== 'pkcs7') pkcs7Only = false;
        await collectDer(block.bytes, where, out, labelled);
      } else {
        pkcs7Only = false;
        out.others.push({ problem: { kind: 'pem-other', labels: [block.label] }, where });
      }
    }
    if (blocks.length === 0) throw new CertificateInputError({ kind: 'pem-damaged', label: null, line: null }, out.notes);
    if (pkcs7Only) format = 'pkcs7-pem';
    return finish(out, format, blocks.length);
  }

  const trimmed = text.trim();
  if (trimmed.startsWith('{') || trimmed.startsWith('[')) throw new CertificateInputError({ kind: 'json' }, out.notes);
  const bytes = decodeBase64Lenient(trimmed);
  if (!bytes || bytes.length === 0) throw new CertificateInputError({ kind: 'not-certificate', start: trimmed.slice(0, 20) }, out.notes);
  await collectDer(bytes, '', out, 'certificate');
  return finish(out, 'base64');
}

function finish(out: Collected, format: CertificateInputFormat, blocks = 1): CertificateInputs {
  if (out.certificates.length === 0) {
    const kinds = new Set(out.others.map((o) => o.problem.kind));
    if (out.others.length === 1 || (kinds.size === 1 && !kinds.has('pem-other'))) {
      const notes = out.notes.filter((n) => n.kind !== 'private-key-ignored');
      throw new CertificateInputError(out.others[0]!.problem, notes);
    }
    const labels = out.others.map((o) => o.where || `block ${blocks}`);
    throw new CertificateInputError(
      { kind: 'nothing-usable', parts: out.others.map((o, i) => ({ what: o.problem.kind, where: labels[i]! })) },
      out.notes.filter((n) => n.kind !== 'private-key-ignored'),
    );
  }
  for (const o of out.others)
    if (o.problem.kind !== 'private-key') out.notes.push({ kind: 'part-ignored', what: o.problem.kind, where: o.where });
  return { format, certificates: out.certificates, notes: out.notes };
}
