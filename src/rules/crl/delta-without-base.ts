import { defineRule } from '../rule.js';
import { SIGN_IN } from '../../crl/sign-in.js';
import { memberPath } from '../helpers.js';
import { baseCrlUrl } from './urls.js';

export default defineRule({
  id: 'crl.delta-without-base',
  severity: 'warning',
  basis: 'rfc5280',
  citation: 'RFC 5280 §5.2.4: a delta CRL only lists changes since a complete (base) CRL',
  description: 'A delta CRL URL without a base CRL URL: a delta CRL is meaningless without the complete CRL it updates.',
  signIn: SIGN_IN.deltaWithoutBase,
  check(ctx, emit) {
    for (const e of ctx.entries) {
      const delta = e.object?.deltaCertificateRevocationListUrl;
      if (typeof delta === 'string' && delta !== '' && baseCrlUrl(e) === null)
        emit({ path: memberPath(e, 'deltaCertificateRevocationListUrl') });
    }
  },
});
