import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.extensions-before-v3',
  severity: 'warning',
  basis: 'rfc5280',
  citation: 'RFC 5280 §4.1.2.1 and §4.1.2.9: extensions appear only in version 3 certificates',
  description:
    'A version 1 or 2 certificate that carries extensions: X.509 defines none before v3, so readers may ignore them (basicConstraints included) and OpenSSL -x509_strict rejects the certificate.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (e.cert.version < 3 && e.cert.extensions.length > 0)
        emit({ path: memberPath(e, 'certificate'), params: { version: String(e.cert.version) } });
    }
  },
});
