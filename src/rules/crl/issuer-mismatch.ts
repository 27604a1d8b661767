import { defineRule } from '../rule.js';
import { crlParams, crlPointer, matchedCrls } from './files.js';

export default defineRule({
  id: 'crl.issuer-mismatch',
  severity: 'warning',
  basis: 'rfc5280',
  needs: 'crls',
  citation: "RFC 5280 §6.3.3 (b) and §7.1: the CRL's issuer must be the CA's subject; Entra matches CRLs by key identifier",
  description:
    "The CRL's issuer name is not the CA's subject (RFC 5280 §7.1 comparison): strict verifiers reject it, even where Entra, which matches by key identifier, may not.",
  check(ctx, emit) {
    for (const [a] of matchedCrls(ctx)) if (!a.issuerMatches) emit({ path: crlPointer(a), params: crlParams(a) });
  },
});
