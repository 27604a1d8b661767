import { defineRule } from '../rule.js';
import { memberPath } from '../helpers.js';
import { baseCrlUrl } from './urls.js';

export default defineRule({
  id: 'crl.delta-equals-base',
  severity: 'warning',
  basis: 'rfc5280',
  citation: 'RFC 5280 §5.2.4 and §5.2.6: a delta CRL and its base CRL are different CRLs',
  description: 'The delta CRL URL is the same as the base CRL URL, so one of them is wrong.',
  check(ctx, emit) {
    for (const e of ctx.entries) {
      const delta = e.object?.deltaCertificateRevocationListUrl;
      const base = baseCrlUrl(e);
      if (typeof delta === 'string' && base !== null && delta.trim().toLowerCase() === base.trim().toLowerCase()) {
        emit({ path: memberPath(e, 'deltaCertificateRevocationListUrl'), params: { url: delta } });
      }
    }
  },
});
