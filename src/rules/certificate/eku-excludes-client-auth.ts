import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'certificate.eku-excludes-client-auth',
  severity: 'warning',
  basis: 'best-practice',
  citation:
    "Windows' chain engine (CERT_USAGE_MATCH): a requested usage must be supported by every certificate in the path, by its EKU or by an absent EKU in a CA certificate; RFC 5280 §4.2.1.12 and RFC 8705 §2 (device mTLS is TLS client authentication)",
  description:
    "A CA whose extendedKeyUsage allows neither clientAuth nor anyExtendedKeyUsage: validators that treat a CA's EKU as a constraint on the path (Windows does) reject every device certificate under it for TLS client authentication.",
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      const eku = e.cert.extendedKeyUsage;
      if (!e.cert.basicConstraints?.cA || !eku) continue;
      if (eku.includes('clientAuth') || eku.includes('anyExtendedKeyUsage')) continue;
      if (eku.length === 0) emit({ path: memberPath(e, 'certificate'), variant: 'empty' });
      else emit({ path: memberPath(e, 'certificate'), params: { purposes: eku.join(', ') } });
    }
  },
});
