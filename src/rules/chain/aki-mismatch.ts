import { defineRule } from '../rule.js';
import { memberPath } from '../helpers.js';

export default defineRule({
  id: 'chain.aki-mismatch',
  severity: 'warning',
  basis: 'rfc5280',
  citation: "RFC 5280 §4.2.1.1: the keyIdentifier of the AKI is the SKI of the issuer's certificate",
  description:
    "The issuer's signature verifies but the certificate's authorityKeyIdentifier differs from the issuer's subjectKeyIdentifier, which breaks AKI-driven path building.",
  check(ctx, emit) {
    for (const e of ctx.entries) {
      if (e.chain?.status !== 'issued' || !e.chain.akiMismatch) continue;
      emit({
        path: memberPath(e, 'certificate'),
        params: {
          aki: e.record!.parsed.aki?.keyIdentifier ?? '',
          ski: e.chain.issuer.record!.parsed.ski?.value ?? '',
          issuer: e.chain.issuer.path,
        },
      });
    }
  },
});
