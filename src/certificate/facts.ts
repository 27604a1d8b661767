/**
 * Parsed certificate → the plain facts of DESIGN "Certificate facts", and the `certificateAuthority` entry it makes.
 */
import type { CertificateFacts, DistinguishedName, KeyInfo, SignatureAlgorithmInfo, SkiMethod } from '../types.js';
import type { AlgorithmIdentifier, ParsedCertificate } from './parse.js';
import type { EncodingIssue } from './der-strict.js';
import type { KeyProblem } from './keys.js';
import { bytesEqual, encodeBase64, toHex } from './encoding.js';
import { keyIdentifier, method2FromSha1 } from './key-identifier.js';
import { verifySignature, type UnsupportedWhy, type VerifyResult } from './verify.js';
import { sha1, sha256 } from './sha.js';
import { SharedValues } from './shared.js';

/**
 * The one view of a certificate that rules read: each value once and in one form (times as `Date`, key identifiers as
 * upper-case hex, the thumbprint as lower-case hex), and nothing a rule should not depend on (DER bytes, ASN.1 nodes,
 * imported keys). `inspect`'s JSON facts are derived from the same values.
 */
export interface CertificateView {
  readonly version: number;
  readonly serialNumber: string;
  readonly subject: DistinguishedName;
  readonly issuer: DistinguishedName;
  readonly notBefore: Date;
  readonly notAfter: Date;
  /** SHA-256 of the DER, lower-case hex: how lists, diffs and duplicates tell certificates apart. */
  readonly thumbprint: string;
  readonly ski: ParsedCertificate['ski'];
  readonly aki: ParsedCertificate['aki'];
  readonly basicConstraints: ParsedCertificate['basicConstraints'];
  readonly keyUsage: ParsedCertificate['keyUsage'];
  readonly extendedKeyUsage: ParsedCertificate['extendedKeyUsage'];
  readonly crlDistributionPoints: readonly string[];
  readonly freshestCrl: readonly string[];
  /** Every extension in certificate order (a repeated one appears each time). */
  readonly extensions: readonly { readonly oid: string; readonly critical: boolean }[];
  /** Extension OIDs that appear more than once. */
  readonly duplicateExtensions: readonly string[];
  /** BER that is not DER, and values outside the X.509 definitions, each with its clause and field (empty for a clean certificate). */
  readonly encodingIssues: readonly EncodingIssue[];
  readonly key: KeyInfo;
  /** Why the key is not usable (`key.problem` in English), as data for messages in every language; null when it is. */
  readonly keyProblem: KeyProblem | null;
  /**
   * The algorithm named inside tbsCertificate and the outer one, with the DER of their parameters as upper-case hex
   * (absent when the field is absent); RFC 5280 §4.1.1.2 requires them to be identical.
   */
  readonly innerSignatureAlgorithm: { readonly oid: string; readonly params?: string };
  readonly outerSignatureAlgorithm: { readonly oid: string; readonly params?: string };
  readonly signatureAlgorithm: SignatureAlgorithmInfo;
  /** Issuer name equals subject name (RFC 5280 §7.1 comparison). */
  readonly selfIssued: boolean;
  /** Self-issued and its signature verifies with its own key; null when that could not be checked (then see `selfSignatureError`). */
  readonly selfSigned: boolean | null;
  readonly selfSignatureError: string | null;
  /** Why the self-signature could not be checked, as data (null when it could, or when not self-issued). */
  readonly selfSignatureWhy: UnsupportedWhy | null;
  /** Octets of the serial number's INTEGER content (RFC 5280 §4.1.2.2 allows at most 20). */
  readonly serialOctets: number;
  /** RSA keys: the public exponent, the modulus size and whether the AlgorithmIdentifier's parameters are NULL. */
  readonly rsaKey: { readonly exponent: bigint; readonly modulusBits: number; readonly parametersNull: boolean } | null;
  /** issuerUniqueID and subjectUniqueID present (RFC 5280 §4.1.2.8). */
  readonly uniqueIdentifiers: { readonly issuer: boolean; readonly subject: boolean };
  /** Policy OIDs of certificatePolicies; null when the extension is absent. */
  readonly certificatePolicies: readonly string[] | null;
}

/** A parsed certificate with everything the rules ask of it, computed once. */
export interface CertificateRecord {
  readonly parsed: ParsedCertificate;
  /** The JSON facts of `inspect`, made the first time they are asked for (a check reads the view only). */
  readonly facts: CertificateFacts;
  /** What rules read. */
  readonly view: CertificateView;
  /** Result of checking the signature with the certificate's own key (only meaningful when self-issued). */
  readonly selfSignature: VerifyResult | null;
}

/**
 * A record whose facts are made on first use. Why: a 10,000-CA check keeps every record alive until the chains are
 * linked, and the facts' strings (thumbprints, ISO dates, the entry to send) were a seventh of a record — for callers
 * (inspect, diff, the simulator) that ask for few. Frozen records still memoise: a private field is not a property.
 */
class DescribedCertificate implements CertificateRecord {
  #facts: CertificateFacts | undefined;
  readonly #base64: string | undefined;
  readonly #skiMethod: SkiMethod | null;

  constructor(
    readonly parsed: ParsedCertificate,
    readonly view: CertificateView,
    readonly selfSignature: VerifyResult | null,
    skiMethod: SkiMethod | null,
    base64: string | undefined,
  ) {
    this.#skiMethod = skiMethod;
    this.#base64 = base64;
  }

  get facts(): CertificateFacts {
    this.#facts ??= Object.freeze(factsOf(this.parsed, this.view, this.#skiMethod, this.#base64));
    return this.#facts;
  }
}

function factsOf(parsed: ParsedCertificate, view: CertificateView, method: SkiMethod | null, base64: string | undefined): CertificateFacts {
  const { selfSigned } = view;
  const facts: CertificateFacts = {
    version: parsed.version,
    serialNumber: parsed.serialNumber,
    subject: parsed.subject,
    issuer: parsed.issuer,
    notBefore: parsed.notBefore.toISOString(),
    notAfter: parsed.notAfter.toISOString(),
    thumbprints: { sha1: toHex(sha1(parsed.der)), sha256: view.thumbprint },
    subjectKeyIdentifier: parsed.ski && method ? { value: parsed.ski.value, critical: parsed.ski.critical, method } : null,
    authorityKeyIdentifier: parsed.aki,
    basicConstraints: parsed.basicConstraints,
    keyUsage: parsed.keyUsage,
    extendedKeyUsage: parsed.extendedKeyUsage,
    crlDistributionPoints: parsed.crlDistributionPoints,
    freshestCrl: parsed.freshestCrl,
    key: parsed.publicKey.info,
    signatureAlgorithm: parsed.signatureInfo,
    selfIssued: parsed.selfIssued,
    selfSigned,
    encodingIssues: parsed.encodingIssues.map((i) => ({ ...i })),
    certificateAuthority: certificateAuthorityEntry({
      certificate: base64 ?? encodeBase64(parsed.der),
      isRootAuthority: selfSigned === true || (selfSigned === null && parsed.selfIssued),
    }),
  };
  if (view.selfSignatureError !== null) facts.selfSignatureError = view.selfSignatureError;
  return facts;
}

/** The view's forms of algorithms and extension lists, shared like the parsed values they come from (shared.ts). */
const algorithmForms = new SharedValues<CertificateView['innerSignatureAlgorithm']>(256);
const extensionLists = new SharedValues<CertificateView['extensions']>(256);

function algorithmOf(a: AlgorithmIdentifier): CertificateView['innerSignatureAlgorithm'] {
  const form = a.params === undefined ? { oid: a.oid } : { oid: a.oid, params: toHex(a.params, true) };
  return algorithmForms.share(`${form.oid} ${form.params ?? ''}`, form);
}

/** Lists of more extensions than this are not shared (the key would cost more than it saves). */
const MAX_SHARED_EXTENSIONS = 32;

function extensionsOf(parsed: ParsedCertificate): CertificateView['extensions'] {
  const list = parsed.extensions.map(({ oid, critical }) => ({ oid, critical }));
  if (list.length > MAX_SHARED_EXTENSIONS) return list;
  return extensionLists.share(list.map((e) => `${e.critical ? '!' : ''}${e.oid}`).join(' '), list);
}

/**
 * The view holds nothing of the DER (no byte views, no ASN.1 nodes): a check keeps every entry's view to the end, but
 * a certificate's bytes only while its chain is linked (and while the cache keeps its record).
 */
function viewOf(
  parsed: ParsedCertificate,
  computed: Pick<CertificateView, 'thumbprint' | 'selfSigned' | 'selfSignatureError' | 'selfSignatureWhy'>,
): CertificateView {
  return {
    version: parsed.version,
    serialNumber: parsed.serialNumber,
    subject: parsed.subject,
    issuer: parsed.issuer,
    notBefore: parsed.notBefore,
    notAfter: parsed.notAfter,
    thumbprint: computed.thumbprint,
    ski: parsed.ski,
    aki: parsed.aki,
    basicConstraints: parsed.basicConstraints,
    keyUsage: parsed.keyUsage,
    extendedKeyUsage: parsed.extendedKeyUsage,
    crlDistributionPoints: parsed.crlDistributionPoints,
    freshestCrl: parsed.freshestCrl,
    extensions: extensionsOf(parsed),
    duplicateExtensions: parsed.duplicateExtensions,
    encodingIssues: parsed.encodingIssues,
    key: parsed.publicKey.info,
    keyProblem: parsed.publicKey.why,
    innerSignatureAlgorithm: algorithmOf(parsed.signature),
    outerSignatureAlgorithm: algorithmOf(parsed.signatureAlgorithm),
    signatureAlgorithm: parsed.signatureInfo,
    selfIssued: parsed.selfIssued,
    selfSigned: computed.selfSigned,
    selfSignatureError: computed.selfSignatureError,
    selfSignatureWhy: computed.selfSignatureWhy,
    serialOctets: parsed.serialOctets.length,
    rsaKey: parsed.publicKey.rsa
      ? {
          exponent: parsed.publicKey.rsa.exponent,
          modulusBits: parsed.publicKey.info.size ?? 0,
          parametersNull: parsed.publicKey.rsa.parametersNull,
        }
      : null,
    uniqueIdentifiers: parsed.uniqueIdentifiers,
    certificatePolicies: parsed.certificatePolicies,
  };
}

async function skiMethod(crypto: Crypto, parsed: ParsedCertificate, sha1OfKey: Uint8Array): Promise<SkiMethod> {
  const ski = parsed.skiBytes!;
  if (bytesEqual(ski, sha1OfKey)) return 'rfc5280-method1';
  if (ski.length === 8 && ski[0]! >> 4 === 4 && bytesEqual(ski, method2FromSha1(sha1OfKey))) return 'rfc5280-method2';
  if (ski.length === 20) {
    for (const m of ['rfc7093-method1', 'rfc7093-method2', 'rfc7093-method3'] as const) {
      if (bytesEqual(ski, await keyIdentifier(parsed.publicKey.keyBits, m, crypto))) return m;
    }
  }
  return 'other';
}

/** What a caller may already hold about the DER, so it is neither recomputed nor copied. */
export interface KnownEncodings {
  /** Exactly `encodeBase64(parsed.der)` (e.g. the body's own string): the facts share it instead of a copy. */
  base64?: string;
  /** SHA-256 of `parsed.der`. */
  sha256?: Uint8Array;
}

/** Computes the facts of a parsed certificate: thumbprints, SKI method, self-signature. */
export async function describeCertificate(
  parsed: ParsedCertificate,
  crypto: Crypto,
  known: KnownEncodings = {},
): Promise<CertificateRecord> {
  // The thumbprint and the SKI check hash in-process (sha.ts): WebCrypto round trips per certificate cost more than the hashing.
  const thumbprint = toHex(known.sha256 ?? sha256(parsed.der));
  const method = parsed.skiBytes ? await skiMethod(crypto, parsed, sha1(parsed.publicKey.keyBits)) : null;
  const selfSignature = parsed.selfIssued ? await verifySignature(parsed, parsed.publicKey, crypto) : null;
  const selfSigned = !parsed.selfIssued ? false : selfSignature!.status === 'unsupported' ? null : selfSignature!.status === 'valid';
  const selfSignatureError = selfSignature?.status === 'unsupported' ? selfSignature.reason : null;
  const selfSignatureWhy = selfSignature?.status === 'unsupported' ? selfSignature.why : null;
  const view = viewOf(parsed, { thumbprint, selfSigned, selfSignatureError, selfSignatureWhy });
  return new DescribedCertificate(parsed, view, selfSignature, method, known.base64);
}

/** What the entry for a certificate may be told; everything not given takes its default. */
export interface EntryChoices {
  /** Standard base64 of the DER. */
  certificate: string;
  /** The inferred flag (self-signed, or self-issued when the signature cannot be checked), unless the user says otherwise. */
  isRootAuthority: boolean;
  certificateRevocationListUrl?: string | null;
  deltaCertificateRevocationListUrl?: string | null;
}

/**
 * The `certificateAuthority` entry for a certificate — the one place it is made (inspect, the page's file drop, patch --add).
 * CRL URLs are null unless given: the configured URL is that of the CRL this CA issues, while the certificate's own CRL
 * distribution point names the CRL of its issuer, so it is no default.
 */
export function certificateAuthorityEntry(choices: EntryChoices): CertificateFacts['certificateAuthority'] {
  return {
    certificate: choices.certificate,
    isRootAuthority: choices.isRootAuthority,
    certificateRevocationListUrl: choices.certificateRevocationListUrl ?? null,
    deltaCertificateRevocationListUrl: choices.deltaCertificateRevocationListUrl ?? null,
  };
}
