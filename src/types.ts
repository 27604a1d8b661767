/**
 * Shared shapes of the public contract (DESIGN "Report", "Certificate facts").
 * Everything here is plain data: JSON-serialisable, no classes, no node: imports.
 */

export type Severity = 'error' | 'warning' | 'info';

/** Where a rule's claim comes from. */
export type Basis = 'graph-documented' | 'graph-inferred' | 'entra-cba' | 'rfc5280' | 'best-practice';

export type Lang = 'en' | 'fr';

export interface Finding {
  rule: string;
  severity: Severity;
  /** RFC 6901 JSON Pointer into the checked body; "" is the whole body. */
  path: string;
  message: string;
  basis: Basis;
  /** 1-based, present when the input was JSON text. */
  line?: number;
  column?: number;
  fix?: string;
}

export interface GraphErrorBody {
  error: {
    code: string;
    message: string;
    details?: { target: string; code: string }[];
    innerError: { date: string; 'request-id': string; 'client-request-id': string };
  };
}

export interface GraphError {
  status: number;
  body: GraphErrorBody;
}

/** What a formatter may want to say about each listed CA besides the findings. */
export interface CaSummary {
  index: number;
  path: string;
  subject: string | null;
  thumbprint: string | null;
  isRootAuthority: unknown;
}

/** One rule as data (`--list-rules --format json`, SARIF's rule table, the docs). */
export interface RuleDescription {
  id: string;
  severity: Severity;
  basis: Basis;
  citation: string;
  description: string;
  /** Where the server rejects a body that trips the rule, when it does. */
  server: { step: number; status: number; code: string; basis: PredictionBasis; citation: string } | null;
  /** The sign-in failure Entra documents for what the rule finds (AADSTS code and message, verbatim), when it does. */
  signIn: { code: string; message: string } | null;
  /** What the rule reads besides the body: `crls` (CRL files or downloads, `check --crl` / `--fetch-crls`). */
  needs: 'crls' | null;
}

/** How sure a prediction of the server's answer is: Microsoft documents it, a real response showed it, or we infer it. */
export type PredictionBasis = 'documented' | 'observed' | 'inferred';

/** The answer `preflight` predicts, with what the prediction rests on. */
export interface PredictedGraphError extends GraphError {
  basis: PredictionBasis;
  /**
   * Where the status and message come from: a page, or a public issue quoting a real response; in the report's
   * language (the status, code and message are Graph's, quoted as it sends them).
   */
  citation: string;
}

/**
 * What the server would do with the body: `rejected` (a graphError is predicted), `accepted` (no error finding), or
 * `unknown` (error findings whose server behaviour is not known, such as an expired CA or a chain problem).
 */
export type Verdict = 'rejected' | 'accepted' | 'unknown';

export interface Report {
  /** True iff no finding has severity error. */
  ok: boolean;
  verdict: Verdict;
  findings: Finding[];
  graphError: PredictedGraphError | null;
  /**
   * When the first listed CA expires (null when no listed CA is readable and unexpired). Set on every report
   * `preflight` makes; optional so that reports made elsewhere still type-check.
   */
  firstExpiry?: ExpiryForecast | null;
}

/**
 * The listed CA, readable and not yet expired at the check time, whose notAfter comes first (the first in the list on a
 * tie). Entra documents that "upload of a new CA fails if any existing CA expired" (how-to-configure-certificate-authorities):
 * from its notAfter until it is removed or replaced, uploads of new CAs fail.
 */
export interface ExpiryForecast {
  /** Its position in certificateAuthorities. */
  index: number;
  /** JSON pointer to its certificate member. */
  path: string;
  /** RFC 4514. */
  subject: string;
  /** ISO 8601. */
  notAfter: string;
  /** Whole days from the check time to notAfter, rounded down. */
  days: number;
  /** Within the warning horizon: certificate.expires-soon warns about it too. */
  withinHorizon: boolean;
}

/** A relative distinguished name attribute, in certificate order (least specific first). */
export interface NameAttribute {
  /** Dotted OID, e.g. "2.5.4.3". */
  oid: string;
  /** Short name when known (CN, O, OU, C, ST, L, …), otherwise the dotted OID. */
  type: string;
  value: string;
}

export interface DistinguishedName {
  /** RFC 4514 string: most specific RDN first, `,` separated, escaped. */
  rfc4514: string;
  /** Windows / Graph style: most specific first, `, ` separated, `S=` for state. */
  windows: string;
  /** RDN sequence in certificate order; each RDN is a set of attributes. */
  rdns: NameAttribute[][];
  /** RFC 5280 §7.1 comparison key (normalised, order-preserving). */
  key: string;
}

export type SkiMethod = 'rfc5280-method1' | 'rfc5280-method2' | 'rfc7093-method1' | 'rfc7093-method2' | 'rfc7093-method3' | 'other';

export interface KeyInfo {
  /** "RSA", "EC", "Ed25519", "Ed448", "DSA", or a dotted OID. */
  algorithm: string;
  /** Modulus bits for RSA, curve size for EC. */
  size?: number;
  /** Named curve (P-256, P-384, P-521, brainpoolP256r1, secp256k1, …) for EC keys. */
  curve?: string;
  /** Why the bytes are not a key of their algorithm (an EC point off its curve, an RSA key that is not two positive INTEGERs, …); absent for a usable key. */
  problem?: string;
}

export interface SignatureAlgorithmInfo {
  oid: string;
  /** Friendly name, e.g. "sha256WithRSAEncryption", "ecdsa-with-SHA384", "RSASSA-PSS", "Ed25519". */
  name: string;
  /** Hash used by the signature when known: "SHA-1", "SHA-256", "MD5", … */
  hash?: string;
}

export interface CertificateFacts {
  version: number;
  serialNumber: string; // upper-case hex
  subject: DistinguishedName;
  issuer: DistinguishedName;
  notBefore: string; // ISO 8601
  notAfter: string;
  thumbprints: { sha1: string; sha256: string }; // lower-case hex
  subjectKeyIdentifier: { value: string; critical: boolean; method: SkiMethod } | null; // value: 40+ upper-case hex
  authorityKeyIdentifier: { keyIdentifier: string | null; critical: boolean } | null;
  basicConstraints: { cA: boolean; pathLenConstraint: number | null; critical: boolean } | null;
  keyUsage: { bits: string[]; critical: boolean } | null;
  extendedKeyUsage: string[] | null;
  crlDistributionPoints: string[];
  freshestCrl: string[];
  key: KeyInfo;
  signatureAlgorithm: SignatureAlgorithmInfo;
  selfIssued: boolean;
  /** true/false when the self-signature was checked; null when it could not be verified (unsupported algorithm). */
  selfSigned: boolean | null;
  /** Why selfSigned is null, when it is. */
  selfSignatureError?: string;
  /**
   * What the decoder reported (empty for a clean certificate): BER that is not DER (`kind: "der"`, the X.690 rule) and values
   * outside the X.509 definitions (`kind: "schema"`), each with its code, clause and field.
   */
  encodingIssues: { kind: 'der' | 'schema'; code: string; clause: string; where: string }[];
  /** The certificateAuthority entry this certificate would make. */
  certificateAuthority: {
    certificate: string;
    isRootAuthority: boolean;
    certificateRevocationListUrl: string | null;
    deltaCertificateRevocationListUrl: string | null;
  };
}
