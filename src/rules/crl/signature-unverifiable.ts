import { defineRule } from '../rule.js';
import { crlParams, crlPointer, matchedCrls } from './files.js';

export default defineRule({
  id: 'crl.signature-unverifiable',
  severity: 'warning',
  basis: 'best-practice',
  needs: 'crls',
  citation: 'RFC 5280 §6.3.3 (g); WebCrypto verifies RSA PKCS#1 v1.5, RSA-PSS, ECDSA P-256/384/521 and Ed25519 only',
  description: "The CRL's signature uses an algorithm that cannot be checked here, so its origin is assumed, not proven.",
  check(ctx, emit) {
    for (const [a, crl] of matchedCrls(ctx))
      if (a.signature?.status === 'unsupported')
        emit({ path: crlPointer(a), params: { ...crlParams(a), algorithm: crl.signatureInfo.name } });
  },
});
