/**
 * Which certificate of a device file is the device's: the first of a PEM or DER file (a chain file has the device first),
 * or, in a bundle whose order is not the chain's (a .p7b often starts at the root), the one certificate that issued none
 * of the others — an end entity before a CA when there are several such.
 */
import type { ParsedCertificate } from '../certificate/parse.js';

export function chooseDevice(certs: readonly ParsedCertificate[]): { device: ParsedCertificate; others: ParsedCertificate[] } {
  const first = certs[0]!;
  const issuesAnother = (c: ParsedCertificate) => certs.some((o) => o !== c && !o.selfIssued && o.issuer.key === c.subject.key);
  if (!issuesAnother(first) || certs.length === 1) return { device: first, others: certs.slice(1) };
  const leaves = certs.filter((c) => !issuesAnother(c));
  const device = leaves.find((c) => !c.basicConstraints?.cA) ?? leaves[0] ?? first;
  return { device, others: certs.filter((c) => c !== device) };
}
