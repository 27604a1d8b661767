import { defineRule } from '../rule.js';
import { memberPath, withRecords } from '../helpers.js';
import { bytesEqual } from '../../certificate/encoding.js';
import type { AlgorithmIdentifier } from '../../certificate/parse.js';

const same = (a: AlgorithmIdentifier, b: AlgorithmIdentifier) =>
  a.oid === b.oid && (a.params === undefined ? b.params === undefined : b.params !== undefined && bytesEqual(a.params, b.params));

export default defineRule({
  id: 'certificate.signature-algorithm-mismatch',
  severity: 'error',
  basis: 'rfc5280',
  citation: 'RFC 5280 §4.1.1.2: signatureAlgorithm MUST contain the same algorithm identifier as the signature field in tbsCertificate',
  description: 'The signature algorithm inside the signed part differs from the one outside it, a sign of tampering that verifiers reject.',
  check(ctx, emit) {
    for (const [e, r] of withRecords(ctx)) {
      if (!same(r.parsed.signature, r.parsed.signatureAlgorithm)) {
        emit({ path: memberPath(e, 'certificate'), params: { inner: r.parsed.signature.oid, outer: r.parsed.signatureAlgorithm.oid } });
      }
    }
  },
});
