import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';

export default defineRule({
  id: 'flag.self-signed-not-root',
  severity: 'error',
  basis: 'graph-documented',
  citation: 'certificateAuthority resource: isRootAuthority "false if the trusted certificate is an intermediate authority"; RFC 5280 §3.2',
  description: 'isRootAuthority is false but the certificate is self-signed, so it is a root.',
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (e.object?.isRootAuthority === false && e.cert.selfSigned === true)
        emit({ path: memberPath(e, 'isRootAuthority'), params: { subject: e.cert.subject.rfc4514 } });
    }
  },
});
