import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'flag.root-not-self-signed',
  severity: 'error',
  basis: 'graph-documented',
  citation:
    'certificateAuthority resource: isRootAuthority "true if the trusted certificate is a root authority"; RFC 5280 §3.2 (a root is self-signed)',
  description:
    'isRootAuthority is true but the certificate is not self-signed (its issuer differs from its subject, or its signature does not verify with its own key).',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (e.object?.isRootAuthority !== true || e.cert.selfSigned !== false) continue;
      const path = memberPath(e, 'isRootAuthority');
      if (e.cert.selfIssued) emit({ path, variant: 'bad-signature' });
      else emit({ path, params: { issuer: e.cert.issuer.rfc4514 } });
    }
  },
});
