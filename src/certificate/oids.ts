/** Object identifiers this library names. */

export const KEY_ALGORITHMS: Record<string, string> = {
  '1.2.840.113549.1.1.1': 'RSA',
  '1.2.840.113549.1.1.10': 'RSA-PSS',
  '1.2.840.10045.2.1': 'EC',
  '1.3.101.112': 'Ed25519',
  '1.3.101.113': 'Ed448',
  '1.2.840.10040.4.1': 'DSA',
};

export const CURVES: Record<string, { name: string; bits: number; webcrypto?: string }> = {
  '1.2.840.10045.3.1.7': { name: 'P-256', bits: 256, webcrypto: 'P-256' },
  '1.3.132.0.34': { name: 'P-384', bits: 384, webcrypto: 'P-384' },
  '1.3.132.0.35': { name: 'P-521', bits: 521, webcrypto: 'P-521' },
  '1.3.132.0.10': { name: 'secp256k1', bits: 256 },
  '1.3.36.3.3.2.8.1.1.7': { name: 'brainpoolP256r1', bits: 256 },
  '1.3.36.3.3.2.8.1.1.11': { name: 'brainpoolP384r1', bits: 384 },
  '1.3.36.3.3.2.8.1.1.13': { name: 'brainpoolP512r1', bits: 512 },
};

export const HASHES: Record<string, string> = {
  '1.3.14.3.2.26': 'SHA-1',
  '2.16.840.1.101.3.4.2.4': 'SHA-224',
  '2.16.840.1.101.3.4.2.1': 'SHA-256',
  '2.16.840.1.101.3.4.2.2': 'SHA-384',
  '2.16.840.1.101.3.4.2.3': 'SHA-512',
  '1.2.840.113549.2.5': 'MD5',
};

/** Signature algorithms: friendly name, hash, and the WebCrypto family used to verify them (absent = cannot verify). */
export const SIGNATURE_ALGORITHMS: Record<
  string,
  { name: string; hash?: string; family?: 'RSASSA-PKCS1-v1_5' | 'ECDSA' | 'RSA-PSS' | 'Ed25519' }
> = {
  '1.2.840.113549.1.1.2': { name: 'md2WithRSAEncryption', hash: 'MD2' },
  '1.2.840.113549.1.1.4': { name: 'md5WithRSAEncryption', hash: 'MD5' },
  '1.2.840.113549.1.1.5': { name: 'sha1WithRSAEncryption', hash: 'SHA-1', family: 'RSASSA-PKCS1-v1_5' },
  '1.2.840.113549.1.1.14': { name: 'sha224WithRSAEncryption', hash: 'SHA-224' },
  '1.2.840.113549.1.1.11': { name: 'sha256WithRSAEncryption', hash: 'SHA-256', family: 'RSASSA-PKCS1-v1_5' },
  '1.2.840.113549.1.1.12': { name: 'sha384WithRSAEncryption', hash: 'SHA-384', family: 'RSASSA-PKCS1-v1_5' },
  '1.2.840.113549.1.1.13': { name: 'sha512WithRSAEncryption', hash: 'SHA-512', family: 'RSASSA-PKCS1-v1_5' },
  '1.2.840.113549.1.1.10': { name: 'RSASSA-PSS', family: 'RSA-PSS' },
  '1.2.840.10045.4.1': { name: 'ecdsa-with-SHA1', hash: 'SHA-1', family: 'ECDSA' },
  '1.2.840.10045.4.3.1': { name: 'ecdsa-with-SHA224', hash: 'SHA-224' },
  '1.2.840.10045.4.3.2': { name: 'ecdsa-with-SHA256', hash: 'SHA-256', family: 'ECDSA' },
  '1.2.840.10045.4.3.3': { name: 'ecdsa-with-SHA384', hash: 'SHA-384', family: 'ECDSA' },
  '1.2.840.10045.4.3.4': { name: 'ecdsa-with-SHA512', hash: 'SHA-512', family: 'ECDSA' },
  '1.3.101.112': { name: 'Ed25519', family: 'Ed25519' },
  '1.3.101.113': { name: 'Ed448' },
  '1.2.840.10040.4.3': { name: 'dsa-with-sha1', hash: 'SHA-1' },
  '2.16.840.1.101.3.4.3.2': { name: 'dsa-with-sha256', hash: 'SHA-256' },
};

export const EKU_NAMES: Record<string, string> = {
  '1.3.6.1.5.5.7.3.1': 'serverAuth',
  '1.3.6.1.5.5.7.3.2': 'clientAuth',
  '1.3.6.1.5.5.7.3.3': 'codeSigning',
  '1.3.6.1.5.5.7.3.4': 'emailProtection',
  '1.3.6.1.5.5.7.3.8': 'timeStamping',
  '1.3.6.1.5.5.7.3.9': 'OCSPSigning',
  '2.5.29.37.0': 'anyExtendedKeyUsage',
  '1.3.6.1.4.1.311.20.2.2': 'smartcardLogon',
};

/** The keyUsage NamedBitList (RFC 5280 §4.2.1.3), bit 0 first. */
export const KEY_USAGE_BITS = [
  'digitalSignature',
  'nonRepudiation',
  'keyEncipherment',
  'dataEncipherment',
  'keyAgreement',
  'keyCertSign',
  'cRLSign',
  'encipherOnly',
  'decipherOnly',
] as const;

export type KeyUsageBit = (typeof KEY_USAGE_BITS)[number];

/** MGF1, the mask generation function of RSASSA-PSS (RFC 4055 §2.2). */
export const MGF1 = '1.2.840.113549.1.1.8';

/**
 * The certificate extensions this library recognises, by OID, and what path validation (`validateDevicePath`) does with
 * each: `checked` ones it evaluates; `understood` ones it accepts when critical without evaluating them (those that
 * constrain a path — name and policy constraints — it reports as unchecked). A critical extension absent from this table fails path validation (RFC 5280 §6.1.4 (o)), and
 * `certificate.unknown-critical-extension` reports it — one list, so the rule speaks exactly where validation rejects.
 */
export const EXTENSIONS: Record<string, { name: string; validation: 'checked' | 'understood' }> = {
  '2.5.29.14': { name: 'subjectKeyIdentifier', validation: 'checked' },
  '2.5.29.15': { name: 'keyUsage', validation: 'checked' },
  '2.5.29.17': { name: 'subjectAltName', validation: 'checked' },
  '2.5.29.18': { name: 'issuerAltName', validation: 'checked' },
  '2.5.29.19': { name: 'basicConstraints', validation: 'checked' },
  '2.5.29.31': { name: 'cRLDistributionPoints', validation: 'checked' },
  '2.5.29.35': { name: 'authorityKeyIdentifier', validation: 'checked' },
  '2.5.29.37': { name: 'extKeyUsage', validation: 'checked' },
  '2.5.29.46': { name: 'freshestCRL', validation: 'checked' },
  '1.3.6.1.5.5.7.1.1': { name: 'authorityInfoAccess', validation: 'checked' },
  '1.3.6.1.5.5.7.1.11': { name: 'subjectInfoAccess', validation: 'checked' },
  '2.5.29.30': { name: 'nameConstraints', validation: 'understood' },
  '2.5.29.32': { name: 'certificatePolicies', validation: 'understood' },
  '2.5.29.33': { name: 'policyMappings', validation: 'understood' },
  '2.5.29.36': { name: 'policyConstraints', validation: 'understood' },
  '2.5.29.54': { name: 'inhibitAnyPolicy', validation: 'understood' },
};

/** Whether path validation recognises the extension (see {@link EXTENSIONS}). */
export function isRecognisedExtension(oid: string): boolean {
  return Object.hasOwn(EXTENSIONS, oid);
}

/** The OID a table names `name` (tables map OIDs to names); throws when none does, so a typo fails where it is written. */
export function oidNamed(table: Record<string, string | { name: string }>, name: string): string {
  for (const [oid, v] of Object.entries(table)) if ((typeof v === 'string' ? v : v.name) === name) return oid;
  throw new Error(`no OID is named ${JSON.stringify(name)}`);
}

/** The OID of an extension by name (see {@link EXTENSIONS}). */
export const extensionOid = (name: string): string => oidNamed(EXTENSIONS, name);

/** Extensions outside {@link EXTENSIONS} that messages still name. */
const OTHER_EXTENSION_NAMES: Record<string, string> = {
  '2.5.29.9': 'subjectDirectoryAttributes',
  '2.16.840.1.113730.1.1': 'netscapeCertType',
};

/** An extension's name for messages: `keyUsage`, or `extension 1.2.3` for one the library does not name. */
export function extensionName(oid: string): string {
  return EXTENSIONS[oid]?.name ?? OTHER_EXTENSION_NAMES[oid] ?? `extension ${oid}`;
}
