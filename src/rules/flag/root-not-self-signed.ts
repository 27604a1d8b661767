import { defineRule } from '../rule.js';
import { memberPath, withRecords } from '../helpers.js';

export default defineRule({
  id: 'flag.root-not-self-signed',
  severity: 'error',
  basis: 'graph-documented',
  citation:
    'certificateAuthority resource: isRootAuthority "true if the trusted certificate is a root authority"; RFC 5280 §3.2 (a root is self-signed)',
  description:
    'isRootAuthority is true but the certificate is not self-signed (its issuer differs from its subject, or its signature does not verify with its own key).',
  check(ctx, emit) {
    for (const [e, r] of withRecords(ctx)) {
      if (e.object?.isRootAuthority !== true || r.facts.selfSigned !== false) continue;
      emit({
        path: memberPath(e, 'isRootAuthority'),
        params: { issuer: r.facts.issuer.rfc4514, subject: r.facts.subject.rfc4514 },
        variant: r.parsed.selfIssued ? 'bad-signature' : 'issued',
      });
    }
  },
});
