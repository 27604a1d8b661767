import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.path-length-without-key-cert-sign',
  severity: 'warning',
  basis: 'rfc5280',
  citation: 'RFC 5280 §4.2.1.9: CAs MUST NOT include pathLenConstraint unless cA is asserted and keyUsage, if present, asserts keyCertSign',
  description:
    'A pathLenConstraint in a certificate that is not a CA, or whose keyUsage does not allow signing certificates: the constraint has nothing to constrain, and strict verifiers reject the certificate.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      const bc = e.cert.basicConstraints;
      if (!bc || bc.pathLenConstraint === null) continue;
      if (!bc.cA) emit({ path: memberPath(e, 'certificate'), variant: 'not-ca' });
      else if (e.cert.keyUsage && !e.cert.keyUsage.bits.includes('keyCertSign')) emit({ path: memberPath(e, 'certificate') });
    }
  },
});
