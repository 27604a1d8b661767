import { defineRule } from '../rule.js';
import { certifiedEntries, issueCounts, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.not-strict-der',
  severity: 'warning',
  basis: 'rfc5280',
  citation:
    'RFC 5280 §4.1 (the certificate and its extension values are DER); X.690 §10 (definite, minimal lengths; primitive strings) and §11 (BOOLEAN, BIT STRING, DEFAULT values, SET OF order, times)',
  description:
    "The certificate is valid BER but not DER — an indefinite or long-form length, a constructed string, a DEFAULT value written out (cA or critical FALSE), a BIT STRING with trailing zero or non-zero padding bits, a time without seconds or with an offset — anywhere, extension values included: strict verifiers reject it and its thumbprint differs from the DER form's.",
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      for (const { first, count } of issueCounts(e.cert.encodingIssues)) {
        if (first.kind !== 'der') continue;
        emit({ path: memberPath(e, 'certificate'), variant: first.code, params: { where: first.where, clause: first.clause, count } });
      }
    }
  },
});
