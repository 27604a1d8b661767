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
        const path = memberPath(e, 'certificate');
        const algorithm = e.cert.signatureAlgorithm.name;
        // Why, as data, so every language words it.
        const w = c.why;
        if (w.code === 'algorithm') emit({ path, variant: 'algorithm', params: { algorithm } });
        else if (w.code === 'pss-params') emit({ path, variant: 'pss-params', params: { algorithm } });
        else if (w.code === 'pss-hashes') emit({ path, variant: 'pss-hashes', params: { algorithm, hash: w.hash, mgf: w.mgf } });
        else if (w.code === 'curve') emit({ path, variant: 'curve', params: { algorithm, curve: w.curve } });
        else emit({ path, variant: 'crypto-error', params: { algorithm, error: w.error } });
      }
    }
  },
});
