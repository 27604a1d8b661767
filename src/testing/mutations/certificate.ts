/**
 * Mutations of the `certificate` member: what a client can get wrong in the field itself (server step 4), and
 * certificates swapped for a pooled twin that carries one defect in its content.
 */
import { readTlv } from '../../certificate/der.js';
import { encodeBase64 } from '../../certificate/encoding.js';
import { anyEntry, entryPath, intermediateEntry, list, pick, plainEntry, useTwin, type MutationSpec } from './types.js';
import type { TwinKind } from '../pool.js';

/** Characters that are in neither base64 alphabet (padding `=` excluded: at the end it could still decode). */
const NOT_BASE64 = ['!', '*', '.', ' ', '\n', '\t', '\r', 'é', '"', '%', '\\', '{', '\u00a0', '\u2028'];
/** When a CA's certificate cannot be read, the CAs it issued have no issuer in the list. */
const UNREADABLE = ['chain.issuer-missing'];

function withInsert(text: string, at: number, insert: string): string {
  return text.slice(0, at) + insert + text.slice(at);
}

/** Bounds of the TLV at `offset` of a pooled certificate (always strict DER). */
function tlvBounds(der: Uint8Array, offset: number): { start: number; end: number } {
  const tlv = readTlv(der, offset);
  if (!tlv) throw new Error(`no DER value at offset ${offset} of a pooled certificate`);
  return tlv;
}

/** An intermediate swapped for a twin its issuer re-issued with one defect that warns (`rule`). */
function intermediateTwin<K extends string, R extends string>(kind: K, rule: R, twin: TwinKind, description: string) {
  return {
    kind,
    rule,
    severity: 'warning' as const,
    mayAlso: [] as readonly string[],
    needsIntermediate: true,
    description,
    apply: (r: Parameters<MutationSpec['apply']>[0], c: Parameters<MutationSpec['apply']>[1]) => {
      const e = intermediateEntry(r, c.a);
      useTwin(e, twin);
      return { body: r.body, path: entryPath(e.index, 'certificate') };
    },
  };
}

export const certificateMutations = [
  {
    kind: 'certificate-missing',
    rule: 'certificate.missing',
    severity: 'error',
    mayAlso: UNREADABLE,
    description: 'The entry has no `certificate` member.',
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      delete e.object.certificate;
      return { body: r.body, path: entryPath(e.index, 'certificate') };
    },
  },
  {
    kind: 'certificate-null',
    rule: 'certificate.missing',
    severity: 'error',
    mayAlso: UNREADABLE,
    description: '`certificate: null`.',
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      e.object.certificate = null;
      return { body: r.body, path: entryPath(e.index, 'certificate') };
    },
  },
  {
    kind: 'certificate-wrong-type',
    rule: 'certificate.not-base64',
    severity: 'error',
    mayAlso: UNREADABLE,
    description: '`certificate` is a number, a boolean, an array of bytes or an object.',
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      e.object.certificate = pick<unknown>([c.b, true, Array.from(e.cert.der.subarray(0, 8)), { $binary: e.cert.base64 }], c.b);
      return { body: r.body, path: entryPath(e.index, 'certificate') };
    },
  },
  {
    kind: 'certificate-bad-base64',
    rule: 'certificate.not-base64',
    severity: 'error',
    mayAlso: UNREADABLE,
    description:
      'A character outside both base64 alphabets (space, line break, "!", "é", …) inserted anywhere, or three padding characters appended.',
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      const text = e.object.certificate as string;
      e.object.certificate = c.b % 8 === 7 ? `${text}===` : withInsert(text, c.a % (text.length + 1), pick(NOT_BASE64, c.b));
      return { body: r.body, path: entryPath(e.index, 'certificate') };
    },
  },
  {
    kind: 'certificate-pem',
    rule: 'certificate.pem-armour',
    severity: 'error',
    mayAlso: UNREADABLE,
    description: 'PEM text in the field (with LF or CRLF line breaks, or on one line).',
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      const pem = e.cert.pem;
      e.object.certificate = pick([pem, pem.replace(/\n/g, '\r\n'), pem.replace(/\n/g, ''), pem.trim()], c.b);
      return { body: r.body, path: entryPath(e.index, 'certificate') };
    },
  },
  {
    kind: 'certificate-truncated-der',
    rule: 'certificate.not-x509',
    severity: 'error',
    mayAlso: UNREADABLE,
    description: 'The DER cut short (1 to length − 1 bytes kept), then base64-encoded.',
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      const der = e.cert.der;
      e.object.certificate = encodeBase64(der.subarray(0, 1 + (c.b % (der.length - 1))));
      return { body: r.body, path: entryPath(e.index, 'certificate') };
    },
  },
  {
    kind: 'certificate-trailing-bytes',
    rule: 'certificate.not-x509',
    severity: 'error',
    mayAlso: UNREADABLE,
    description: 'One to four bytes after the DER (e.g. a second value or padding).',
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      const extra = Uint8Array.from({ length: 1 + (c.b % 4) }, (_, i) => (c.a + i * 37) & 0xff);
      const bytes = new Uint8Array(e.cert.der.length + extra.length);
      bytes.set(e.cert.der);
      bytes.set(extra, e.cert.der.length);
      e.object.certificate = encodeBase64(bytes);
      return { body: r.body, path: entryPath(e.index, 'certificate') };
    },
  },
  {
    kind: 'certificate-not-a-certificate',
    rule: 'certificate.not-x509',
    severity: 'error',
    mayAlso: UNREADABLE,
    description:
      'Valid base64 of something else: the update page\'s placeholder "Binary", an empty SEQUENCE, the TBSCertificate alone, the certificate wrapped in another SEQUENCE.',
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      const der = e.cert.der;
      const outer = tlvBounds(der, 0);
      const tbs = tlvBounds(der, outer.start);
      const wrapped = new Uint8Array([0x30, 0x82, der.length >> 8, der.length & 0xff, ...der]);
      e.object.certificate = pick(['Binary', 'MAA=', encodeBase64(der.subarray(outer.start, tbs.end)), encodeBase64(wrapped)], c.b);
      return { body: r.body, path: entryPath(e.index, 'certificate') };
    },
  },
  {
    kind: 'certificate-leaf',
    rule: 'certificate.not-ca',
    severity: 'error',
    mayAlso: ['certificate.key-cert-sign-missing', 'chain.issuer-missing'],
    description: 'An end-entity certificate (cA false, keyUsage digitalSignature) added as an intermediate; its issuer may not be listed.',
    apply: (r, c, pool) => {
      const leaf = pick(pool.leaves, c.a);
      const at = c.b % (r.entries.length + 1);
      list(r).splice(at, 0, plainEntry(leaf, false));
      return { body: r.body, path: entryPath(at, 'certificate') };
    },
  },
  {
    kind: 'certificate-weak-key',
    rule: 'certificate.weak-key',
    severity: 'warning',
    mayAlso: [],
    description: 'A self-signed root on a 1024-bit RSA key added to the list.',
    apply: (r, c, pool) => {
      const at = c.b % (r.entries.length + 1);
      list(r).splice(at, 0, plainEntry(pool.weakRoot, true));
      return { body: r.body, path: entryPath(at, 'certificate') };
    },
  },
  ...(
    [
      ['certificate-expired', 'certificate.expired', 'error', 'expired', 'A CA re-issued with notAfter one day before `at`.'],
      [
        'certificate-not-yet-valid',
        'certificate.not-yet-valid',
        'warning',
        'notYetValid',
        'A CA re-issued with notBefore 30 days after `at`.',
      ],
      [
        'certificate-key-cert-sign-missing',
        'certificate.key-cert-sign-missing',
        'error',
        'noKeyCertSign',
        'A CA re-issued with keyUsage cRLSign only.',
      ],
      [
        'certificate-duplicate-extension',
        'certificate.duplicate-extension',
        'error',
        'duplicateExtension',
        'A CA re-issued with basicConstraints twice.',
      ],
      ['certificate-ski-missing', 'certificate.ski-missing', 'warning', 'noSki', 'A CA re-issued without subjectKeyIdentifier.'],
      [
        'certificate-ski-critical',
        'certificate.key-identifier-critical',
        'warning',
        'skiCritical',
        'A CA re-issued with a critical subjectKeyIdentifier.',
      ],
      [
        'certificate-basic-constraints-not-critical',
        'certificate.basic-constraints-not-critical',
        'warning',
        'basicConstraintsNotCritical',
        'A CA re-issued with a non-critical basicConstraints.',
      ],
      [
        'certificate-unknown-critical-extension',
        'certificate.unknown-critical-extension',
        'error',
        'unknownCriticalExtension',
        'A CA re-issued with a critical extension nobody recognises.',
      ],
      [
        'certificate-signature-algorithm-mismatch',
        'certificate.signature-algorithm-mismatch',
        'error',
        'signatureAlgorithmMismatch',
        'A CA re-issued whose TBS names another signature algorithm than the outer one (the signature itself verifies).',
      ],
    ] as const
  ).map(([kind, rule, severity, twin, description]) => ({
    kind,
    rule,
    severity,
    mayAlso: [] as readonly string[],
    description: `${description} Same subject and key, so the CAs below it still chain to it.`,
    apply: (r: Parameters<MutationSpec['apply']>[0], c: Parameters<MutationSpec['apply']>[1]) => {
      const e = anyEntry(r, c.a);
      useTwin(e, twin);
      return { body: r.body, path: entryPath(e.index, 'certificate') };
    },
  })),
  intermediateTwin(
    'certificate-aki-missing',
    'certificate.aki-missing',
    'noAki',
    'An intermediate re-issued by its issuer without authorityKeyIdentifier.',
  ),
  {
    kind: 'certificate-not-strict-der',
    rule: 'certificate.not-strict-der',
    severity: 'warning',
    mayAlso: [],
    description:
      "The outer SEQUENCE's length re-written in a longer form with a leading zero byte (valid BER, not DER); the signed part is unchanged, so the signature still verifies.",
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      const der = e.cert.der;
      const { start } = tlvBounds(der, 0);
      const lengthBytes = der.subarray(2, start);
      const ber = new Uint8Array([0x30, 0x80 | (lengthBytes.length + 1), 0x00, ...lengthBytes, ...der.subarray(start)]);
      e.object.certificate = encodeBase64(ber);
      delete e.object.issuer;
      delete e.object.issuerSki;
      return { body: r.body, path: entryPath(e.index, 'certificate') };
    },
  },
  intermediateTwin(
    'certificate-weak-signature',
    'certificate.weak-signature',
    'sha1Signature',
    'An intermediate re-issued by its issuer with a SHA-1 signature.',
  ),
] as const satisfies readonly MutationSpec[];
