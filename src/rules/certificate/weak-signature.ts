import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

const BROKEN = new Set(['MD2', 'MD5']);

export default defineRule({
  id: 'certificate.weak-signature',
  severity: 'warning',
  basis: 'best-practice',
  citation:
    "RFC 6151 (MD5), NIST SP 800-131A Rev. 2 §9 (SHA-1 signatures disallowed); a root's self-signature is not relied on (RFC 5280 §6.1)",
  description:
    "A signature made with MD2, MD5 or SHA-1 can be forged; SHA-1 is tolerated only on a root's self-signature, which no path relies on.",
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      const hash = e.cert.signatureAlgorithm.hash;
      if (!hash) continue;
      if (BROKEN.has(hash) || (hash === 'SHA-1' && e.cert.selfSigned !== true)) {
        emit({ path: memberPath(e, 'certificate'), params: { algorithm: e.cert.signatureAlgorithm.name, hash } });
      }
    }
  },
});
