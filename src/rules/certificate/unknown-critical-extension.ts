import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

/** Extensions RFC 5280 §4.2 defines (and common verifiers process), which may legitimately be critical. */
const RECOGNISED = new Set([
  '2.5.29.14',
  '2.5.29.35',
  '2.5.29.15',
  '2.5.29.32',
  '2.5.29.33',
  '2.5.29.17',
  '2.5.29.18',
  '2.5.29.9',
  '2.5.29.19',
  '2.5.29.30',
  '2.5.29.36',
  '2.5.29.37',
  '2.5.29.31',
  '2.5.29.54',
  '2.5.29.46',
  '1.3.6.1.5.5.7.1.1',
  '1.3.6.1.5.5.7.1.11',
]);

export default defineRule({
  id: 'certificate.unknown-critical-extension',
  severity: 'error',
  basis: 'rfc5280',
  citation:
    'RFC 5280 §4.2: a certificate-using system MUST reject the certificate if it encounters a critical extension it does not recognize',
  description:
    'A CA certificate carries a critical extension that standard verifiers do not recognise, so every path through it is rejected.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      for (const ext of e.cert.extensions) {
        if (ext.critical && !RECOGNISED.has(ext.oid)) emit({ path: memberPath(e, 'certificate'), params: { oid: ext.oid } });
      }
    }
  },
});
