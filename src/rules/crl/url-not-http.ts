import { defineRule } from '../rule.js';
import { memberPath } from '../helpers.js';
import { configuredUrls, parseAbsoluteUrl } from './urls.js';

export default defineRule({
  id: 'crl.url-not-http',
  severity: 'warning',
  basis: 'entra-cba',
  citation:
    'Entra CBA (how-to-configure-certificate-authorities, FAQ): "The CDP can only be HTTP URLs"; OCSP and LDAP are not supported; MSIdentityTools reports "HTTPS is not allowed"',
  description: "A CRL URL whose scheme is not http (https, ldap, file, …) cannot be fetched by Entra's revocation check.",
  check(ctx, emit) {
    for (const e of ctx.entries) {
      for (const [m, v] of configuredUrls(e)) {
        const url = parseAbsoluteUrl(v);
        if (url && url.protocol !== 'http:') emit({ path: memberPath(e, m), params: { url: v, scheme: url.protocol.replace(/:$/, '') } });
      }
    }
  },
});
