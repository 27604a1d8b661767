import { defineRule } from '../rule.js';
import { CRL_PAGE, SIGN_IN, crlParams, crlPointer, givenCrls } from './files.js';

export default defineRule({
  id: 'crl.download-failed',
  severity: 'error',
  basis: 'entra-cba',
  needs: 'crls',
  citation: `${CRL_PAGE}: AADSTS500173; "If Microsoft Entra ID can't download a CRL, certificate-based authentications by using certificates issued by the corresponding CA fail"`,
  description:
    'A configured CRL URL could not be downloaded (an HTTP error status, a network failure, too many redirects, or a redirect to another scheme).',
  signIn: SIGN_IN.download,
  check(ctx, emit) {
    for (const a of givenCrls(ctx)) {
      const f = a.input.failure;
      if (!f || f.kind === 'timeout' || f.kind === 'too-large') continue;
      const detail =
        f.kind === 'status' ? String(f.status) : f.kind === 'redirects' ? String(f.count) : f.kind === 'scheme' ? f.scheme : f.message;
      const params = { ...crlParams(a), detail };
      if (f.kind === 'status') emit({ path: crlPointer(a), params, variant: 'status' });
      else if (f.kind === 'redirects') emit({ path: crlPointer(a), params, variant: 'redirects' });
      else if (f.kind === 'scheme') emit({ path: crlPointer(a), params, variant: 'scheme' });
      else emit({ path: crlPointer(a), params, variant: 'network' });
    }
  },
});
