import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.issuer-empty',
  severity: 'error',
  basis: 'rfc5280',
  citation: 'RFC 5280 §4.1.2.4: the issuer field MUST contain a non-empty distinguished name',
  description: 'A certificate with an empty issuer name: no CA can be found by name to have issued it (OpenSSL -x509_strict rejects it).',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (e.cert.issuer.rdns.length === 0) emit({ path: memberPath(e, 'certificate') });
    }
  },
});
