/**
 * What the decoder reads exactly as X.690 and RFC 5280 say: BER forms read right and reported (a UTCTime without
 * seconds is not "expired on 1899-11-30", a constructed keyUsage still has keyCertSign, a pathLenConstraint of
 * 2147483647 is not 0), values outside the X.509 definitions reported (an empty RDN, a GeneralizedTime before 2050),
 * what cannot be read refused (month 13), and keys that are not keys reported. Each certificate is edited as DER and
 * signed again with its own key, so the signature still verifies and only the edit is seen.
 */
import type { BuiltCertificate } from '../../src/testing/builder.js';
import { ascii, cloneTree, cons, type EditNode, findExtension, prim, readTree, resign, setExtensionValue, tbsFields, writeTree } from '../../src/testing/der-edit.js';
import { encodeOid, OID } from '../../src/testing/builder.js';
import { ca, CERTIFICATE_400, entry, error, intermediate, list, root, warning, type VectorCase } from './framework.js';
import { dn, type Pki } from './pki.js';

const ext = (t: EditNode, oid: string) => findExtension(t, encodeOid(oid).subarray(2))!;

/** A self-signed `built` edited as DER, and signed again with its own key. */
async function edited(built: BuiltCertificate, edit: (t: EditNode) => void): Promise<string> {
  const t = cloneTree(readTree(built.der));
  edit(t);
  return Buffer.from(await resign(t, built.key)).toString('base64');
}

function setTime(which: 0 | 1, tag: number, text: string) {
  return (t: EditNode) => {
    const { tbs, index } = tbsFields(t);
    tbs.children![index.validity]!.children![which] = prim(tag, ascii(text));
  };
}

export async function decoderCases(pki: Pki): Promise<VectorCase[]> {
  const group = 'decoder';
  const cert = (i: number) => ca(i, 'certificate');
  const base = await pki.root(dn('Decoder Root CA'));

  // StartCom Certification Authority G2 writes its validity as YYMMDDHHMMZ: valid BER, not DER, and not expired.
  const noSeconds = await edited(base, (t) => {
    setTime(0, 0x17, '2501010000Z')(t);
    setTime(1, 0x17, '3901010000Z')(t);
  });
  const generalizedEarly = await edited(base, setTime(1, 0x18, '20391231235959Z'));
  const month13 = await edited(base, setTime(1, 0x17, '391301000000Z'));
  const trailingZeroKu = await edited(base, (t) => setExtensionValue(ext(t, OID.keyUsage), prim(0x03, [0x01, 0x06, 0x00])));
  const constructedKu = await edited(base, (t) => setExtensionValue(ext(t, OID.keyUsage), cons(0x23, [prim(0x03, [0x00, 0x06]), prim(0x03, [0x07, 0x80])])));
  const criticalFalse = await edited(base, (t) => {
    const e = ext(t, OID.subjectKeyIdentifier);
    e.children!.splice(1, 0, prim(0x01, [0x00]));
  });
  const constructedCn = await edited(base, (t) => {
    const { tbs, index } = tbsFields(t);
    for (const f of [index.issuer, index.subject]) {
      const cn = tbs.children![f]!.children!.at(-1)!.children![0]!;
      cn.children![1] = cons(0x2c, [prim(0x04, ascii('Decoder ')), prim(0x04, ascii('Root CA'))]);
    }
  });
  const emptyRdn = await edited(base, (t) => {
    const { tbs, index } = tbsFields(t);
    for (const f of [index.issuer, index.subject]) tbs.children![f]!.children!.splice(1, 0, cons(0x31, []));
  });
  const offCurve = await edited(base, (t) => {
    const { tbs, index } = tbsFields(t);
    const bits = tbs.children![index.subjectPublicKeyInfo]!.children![1]!;
    bits.content![bits.content!.length - 1]! ^= 1; // y no longer matches x: the point leaves the curve
  });

  // pathLenConstraint 2147483647 on a root, two CAs below it: read as the number it is, not as 0.
  const bigPathKey = await pki.key();
  const bigPathRoot = await pki.root(dn('Decoder Unlimited Path Root CA'), { key: bigPathKey, basicConstraints: { cA: true, pathLenConstraint: 0 } });
  const bigPath = await edited(bigPathRoot, (t) =>
    setExtensionValue(ext(t, OID.basicConstraints), cons(0x30, [prim(0x01, [0xff]), prim(0x02, [0x7f, 0xff, 0xff, 0xff])])),
  );
  const bigPathRef = { subject: bigPathRoot.subject, key: bigPathKey, ski: bigPathRoot.ski };
  const policyCa = await pki.issued(dn('Decoder Policy CA'), bigPathRef);
  const issuingCa = await pki.issued(dn('Decoder Issuing CA'), policyCa);

  // An intermediate whose ECDSA signature has a padded r: the same r and s, other bytes under the signature.
  const sub = await pki.issued(dn('Decoder Sub CA'), base);
  const paddedR = (() => {
    const t = readTree(sub.der);
    const sig = readTree(t.children![2]!.content!.subarray(1));
    sig.children![0]!.content = Uint8Array.of(0, ...sig.children![0]!.content!);
    t.children![2] = prim(0x03, [0, ...writeTree(sig)]);
    return Buffer.from(writeTree(t)).toString('base64');
  })();

  return [
    { group, name: 'utc-time-without-seconds', description: 'A root whose validity is written YYMMDDHHMMZ, as StartCom Certification Authority G2 does: valid BER, read as 2025-01-01T00:00Z to 2039-01-01T00:00Z (not expired), and reported as not DER.',
      body: list(entry(noSeconds, true)), nearMissFor: ['certificate.expired', 'certificate.not-x509'], expect: { findings: [warning('certificate.not-strict-der', cert(0))] } },
    { group, name: 'generalized-time-before-2050', description: 'A root whose notAfter (2039) is a GeneralizedTime: RFC 5280 requires UTCTime through 2049. Read exactly; reported.',
      body: list(entry(generalizedEarly, true)), expect: { findings: [warning('certificate.schema-violation', cert(0))] } },
    { group, name: 'utc-time-month-13', description: 'A root whose notAfter names month 13: no instant, so the certificate cannot be read (not rolled over into the next year).',
      body: list(entry(month13, true)), expect: { findings: [error('certificate.not-x509', cert(0))], graphError: CERTIFICATE_400 } },
    { group, name: 'key-usage-trailing-zero-bit', description: 'A root whose keyUsage BIT STRING ends with a zero octet (as Trustwave\'s ECC roots do): keyCertSign and cRLSign still read, reported as not DER (X.690 §11.2.2).',
      body: list(entry(trailingZeroKu, true)), nearMissFor: ['certificate.key-cert-sign-missing'], expect: { findings: [warning('certificate.not-strict-der', cert(0))] } },
    { group, name: 'key-usage-constructed', description: 'A root whose keyUsage is a constructed BIT STRING in two segments: BER, read as keyCertSign, cRLSign and decipherOnly (not as no bits), reported.',
      body: list(entry(constructedKu, true)), expect: { findings: [warning('certificate.not-strict-der', cert(0))] } },
    { group, name: 'critical-false-written', description: 'A root whose subjectKeyIdentifier carries critical FALSE: the DEFAULT written out, which DER forbids (X.690 §11.5).',
      body: list(entry(criticalFalse, true)), expect: { findings: [warning('certificate.not-strict-der', cert(0))] } },
    { group, name: 'constructed-string-in-name', description: 'A root whose CN is a constructed UTF8String of two OCTET STRING segments: read as "Decoder Root CA", reported.',
      body: list(entry(constructedCn, true)), expect: { findings: [warning('certificate.not-strict-der', cert(0))] } },
    { group, name: 'empty-rdn', description: 'A root whose issuer and subject hold an empty RDN (X.501 forbids it; OpenSSL reads it): read, still self-signed, reported — no Graph 400 and no other finding hidden.',
      body: list(entry(emptyRdn, true)), nearMissFor: ['certificate.not-x509'], expect: { findings: [warning('certificate.schema-violation', cert(0))] } },
    { group, name: 'key-off-curve', description: 'A root whose P-256 point is off the curve: not a key, so it is not self-signed either.',
      body: list(entry(offCurve, true)),
      // Not self-signed, so linked as a CA whose issuer (of its own name) is missing: the consequences of a key that verifies nothing.
      expect: {
        findings: [
          error('chain.issuer-missing', ca(0)),
          error('certificate.key-invalid', cert(0)),
          warning('certificate.aki-missing', cert(0)),
          error('flag.root-not-self-signed', ca(0, 'isRootAuthority')),
        ],
      } },
    { group, name: 'path-length-2147483647', description: 'A root with pathLenConstraint 2147483647 and two CAs below it: the constraint holds (it is not read as 0).',
      body: list(entry(bigPath, true), intermediate(policyCa), intermediate(issuingCa)),
      nearMissFor: ['chain.path-length-exceeded', 'certificate.schema-violation', 'certificate.not-strict-der', 'certificate.key-invalid'], expect: { findings: [] } },
    { group, name: 'ecdsa-signature-padded', description: 'An intermediate whose ECDSA r has a redundant leading zero octet: not DER, so not a valid signature (as OpenSSL decides), and the same certificate re-encoded is not a duplicate.',
      body: list(root(base), intermediate(sub), entry(paddedR, false)),
      expect: { findings: [error('chain.issuer-signature-invalid', cert(2))] } },
  ];
}
