import { defineRule } from '../rule.js';
import { memberPath } from '../helpers.js';
import { baseCrlUrl } from './urls.js';

export default defineRule({
  id: 'crl.ca-lacks-crl-sign',
  severity: 'warning',
  basis: 'rfc5280',
  citation: "RFC 5280 §4.2.1.3 (cRLSign) and §6.3.3 (f): the CRL issuer's key must assert cRLSign",
  description: 'A CRL URL is configured for a CA whose keyUsage lacks cRLSign, so that CA cannot have signed the CRL.',
  check(ctx, emit) {
    for (const e of ctx.entries) {
      const ku = e.cert?.keyUsage;
      if (ku && !ku.bits.includes('cRLSign') && baseCrlUrl(e) !== null)
        emit({ path: memberPath(e, 'certificateRevocationListUrl'), params: { bits: ku.bits.join(', ') || 'none' } });
    }
  },
});
