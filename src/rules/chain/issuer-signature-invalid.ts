import { defineRule } from '../rule.js';
import { certifiedAt, certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'chain.issuer-signature-invalid',
  severity: 'error',
  basis: 'rfc5280',
  citation: 'RFC 5280 §6.1.3 (a)(1): the signature must verify with the working public key of the issuer',
  description:
    "A listed CA has the right name to be this certificate's issuer, but the signature does not verify with its key (forged, re-keyed or mismatched CA).",
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (e.chain.status !== 'bad-signature') continue;
      emit({
        path: memberPath(e, 'certificate'),
        params: { candidates: e.chain.candidates.map((c) => certifiedAt(ctx, c).path).join(', '), issuer: e.cert.issuer.rfc4514 },
      });
    }
  },
});
