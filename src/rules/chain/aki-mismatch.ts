import { defineRule } from '../rule.js';
import { certifiedAt, certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'chain.aki-mismatch',
  severity: 'warning',
  basis: 'rfc5280',
  citation: "RFC 5280 §4.2.1.1: the keyIdentifier of the AKI is the SKI of the issuer's certificate",
  description:
    "The issuer's signature verifies but the certificate's authorityKeyIdentifier differs from the issuer's subjectKeyIdentifier, which breaks AKI-driven path building.",
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (e.chain.status !== 'issued' || !e.chain.akiMismatch) continue;
      const issuer = certifiedAt(ctx, e.chain.issuer);
      emit({
        path: memberPath(e, 'certificate'),
        params: { aki: e.cert.aki?.keyIdentifier ?? '', ski: issuer.cert.ski?.value ?? '', issuer: issuer.path },
      });
    }
  },
});
