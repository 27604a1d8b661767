import { defineRule } from '../rule.js';
import { memberPath } from '../helpers.js';
import { configuredUrls, parseAbsoluteUrl } from './urls.js';

export default defineRule({
  id: 'crl.url-not-http',
  severity: 'warning',
  basis: 'entra-cba',
  citation:
    'Entra CBA, newest first: the CRL page (concept-certificate-based-authentication-certificate-revocation-list, 2025): the CDP "supports only HTTP or HTTPS. We recommend using HTTP"; the older FAQ and how-to-configure-certificate-authorities: "The CDP can only be HTTP URLs"; OCSP and LDAP are not supported; MSIdentityTools reports "HTTPS is not allowed"',
  description:
    "A CRL URL whose scheme is not http: ldap, file and others cannot be fetched by Entra's revocation check; https is supported by the newest CRL page but refused by the older pages and Microsoft's own checker.",
  check(ctx, emit) {
    for (const e of ctx.entries) {
      for (const [m, v] of configuredUrls(e)) {
        const url = parseAbsoluteUrl(v);
        if (!url || url.protocol === 'http:') continue;
        if (url.protocol === 'https:') emit({ path: memberPath(e, m), variant: 'https', params: { url: v } });
        else emit({ path: memberPath(e, m), params: { url: v, scheme: url.protocol.replace(/:$/, '') } });
      }
    }
  },
});
