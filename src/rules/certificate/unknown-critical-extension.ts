import { isRecognisedExtension } from '../../certificate/oids.js';
import { certifiedEntries, memberPath } from '../helpers.js';
import { defineRule } from '../rule.js';

export default defineRule({
  id: 'certificate.unknown-critical-extension',
  severity: 'error',
  basis: 'rfc5280',
  citation:
    'RFC 5280 §4.2: a certificate-using system MUST reject the certificate if it encounters a critical extension it does not recognize',
  description:
    'A CA certificate carries a critical extension that path validation does not recognise (the list device-path validation uses), so every path through it is rejected.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      for (const ext of e.cert.extensions) {
        if (ext.critical && !isRecognisedExtension(ext.oid)) emit({ path: memberPath(e, 'certificate'), params: { oid: ext.oid } });
      }
    }
  },
});
