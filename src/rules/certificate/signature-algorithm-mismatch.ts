import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';
import type { CertificateView } from '../../certificate/facts.js';

type Algorithm = CertificateView['innerSignatureAlgorithm'];

const same = (a: Algorithm, b: Algorithm) => a.oid === b.oid && a.params === b.params;

export default defineRule({
  id: 'certificate.signature-algorithm-mismatch',
  severity: 'error',
  basis: 'rfc5280',
  citation: 'RFC 5280 §4.1.1.2: signatureAlgorithm MUST contain the same algorithm identifier as the signature field in tbsCertificate',
  description: 'The signature algorithm inside the signed part differs from the one outside it, a sign of tampering that verifiers reject.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (!same(e.cert.innerSignatureAlgorithm, e.cert.outerSignatureAlgorithm)) {
        emit({
          path: memberPath(e, 'certificate'),
          params: { inner: e.cert.innerSignatureAlgorithm.oid, outer: e.cert.outerSignatureAlgorithm.oid },
        });
      }
    }
  },
});
