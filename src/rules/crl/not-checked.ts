import { defineRule } from '../rule.js';
import { memberPath } from '../helpers.js';
import { configuredUrls } from './urls.js';

export default defineRule({
  id: 'crl.not-checked',
  severity: 'info',
  basis: 'best-practice',
  needs: 'crls',
  citation:
    'Entra CBA (concept-certificate-based-authentication-certificate-revocation-list): every configured CRL is downloaded at sign-in',
  description: 'CRL files were given, but none for this configured CRL URL: Entra downloads it at sign-in, and it was not checked here.',
  check(ctx, emit) {
    if (!ctx.crl || ctx.crl.fetched) return;
    for (const e of ctx.entries) {
      if (!e.cert) continue;
      for (const [member, url] of configuredUrls(e)) {
        if (url === '') continue;
        const role = member === 'deltaCertificateRevocationListUrl' ? 'delta' : 'base';
        if (!ctx.crl.analysed.some((a) => a.ca?.index === e.index && a.role === role))
          emit({ path: memberPath(e, member), params: { url } });
      }
    }
  },
});
