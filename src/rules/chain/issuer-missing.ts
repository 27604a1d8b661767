import { certifiedAt, certifiedEntries } from '../helpers.js';
import { defineRule } from '../rule.js';
import { SIGN_IN } from '../../crl/sign-in.js';

export default defineRule({
  id: 'chain.issuer-missing',
  severity: 'error',
  basis: 'entra-cba',
  citation:
    'Entra CBA (how-to-configure-certificate-authorities): "Make sure every CA until the root is uploaded … CBA fails if there are missing CAs"; RFC 5280 §7.1 (name chaining)',
  description:
    'An intermediate whose issuer (subject name equal to its issuer name, SKI equal to its AKI when present, and a signature that verifies) is not among the listed CAs.',
  signIn: SIGN_IN.chain,
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      if (e.chain.status !== 'missing') continue;
      const issuer = e.cert.issuer.rfc4514;
      if (e.chain.keyIdMatch === null) emit({ path: e.path, params: { issuer } });
      else emit({ path: e.path, variant: 'key-id-match', params: { issuer, keyIdMatch: certifiedAt(ctx, e.chain.keyIdMatch).path } });
    }
  },
});
