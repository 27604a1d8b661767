/**
 * The pipelines preflight is measured against, on the same certificates:
 * - baseline: node:crypto (OpenSSL) `X509Certificate` parse, then `verify(issuer public key)`;
 * - peer: @peculiar/x509 parse, the extensions preflight reads (basicConstraints, keyUsage, SKI, AKI, CRL DP),
 *   then `verify` with the issuer's key through node's WebCrypto.
 * Each returns how many signatures verified, so a pipeline that silently does nothing shows up as a wrong count.
 */
import 'reflect-metadata';
import { X509Certificate as NodeX509Certificate } from 'node:crypto';
import * as x509 from '@peculiar/x509';
import type { Workload } from './workloads.js';

x509.cryptoProvider.set(globalThis.crypto);

export function baselinePipeline(w: Workload): number {
  const certs = w.ders.map((der) => new NodeX509Certificate(der));
  let valid = 0;
  for (let i = 0; i < certs.length; i++) {
    if (certs[i]!.verify(certs[w.issuerOf[i]!]!.publicKey)) valid++;
  }
  return valid;
}

export async function peerPipeline(w: Workload): Promise<number> {
  const certs = w.ders.map((der) => {
    const cert = new x509.X509Certificate(der);
    // Read what preflight reads, so both sides decode the same extensions.
    const bc = cert.getExtension(x509.BasicConstraintsExtension);
    const ku = cert.getExtension(x509.KeyUsagesExtension);
    const ski = cert.getExtension(x509.SubjectKeyIdentifierExtension);
    const aki = cert.getExtension(x509.AuthorityKeyIdentifierExtension);
    const cdp = cert.getExtension(x509.CRLDistributionPointsExtension);
    if (bc) void bc.ca;
    if (ku) void ku.usages;
    if (ski) void ski.keyId;
    if (aki) void aki.keyId;
    if (cdp) void cdp.distributionPoints.length;
    void cert.subject;
    void cert.issuer;
    return cert;
  });
  const results = await Promise.all(
    certs.map((cert, i) => cert.verify({ publicKey: certs[w.issuerOf[i]!]!.publicKey, signatureOnly: true }).catch(() => false)),
  );
  return results.filter(Boolean).length;
}
