import { defineRule } from '../rule.js';
import { memberPath, withRecords } from '../helpers.js';

export default defineRule({
  id: 'flag.self-signed-not-root',
  severity: 'error',
  basis: 'graph-documented',
  citation: 'certificateAuthority resource: isRootAuthority "false if the trusted certificate is an intermediate authority"; RFC 5280 §3.2',
  description: 'isRootAuthority is false but the certificate is self-signed, so it is a root.',
  check(ctx, emit) {
    for (const [e, r] of withRecords(ctx)) {
      if (e.object?.isRootAuthority === false && r.facts.selfSigned === true)
        emit({ path: memberPath(e, 'isRootAuthority'), params: { subject: r.facts.subject.rfc4514 } });
    }
  },
});
