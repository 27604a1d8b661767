import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.signature-unverifiable',
  severity: 'warning',
  basis: 'best-practice',
  citation: 'W3C Web Cryptography API (supported algorithms); RFC 5280 §6.1.3 (a)(1)',
  description:
    "The certificate's signature uses an algorithm WebCrypto cannot check here (e.g. Ed448, brainpool or secp256k1 curves, SHA-224, MD5), so its issuer or root status is assumed, not proven.",
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      const c = e.chain;
      if (c.status === 'self-issued-unverified' || c.status === 'unverifiable') {
        emit({ path: memberPath(e, 'certificate'), params: { reason: c.reason, algorithm: e.cert.signatureAlgorithm.name } });
      }
    }
  },
});
