import { defineRule } from '../rule.js';
import { memberPath } from '../helpers.js';
import { configuredUrls, parseAbsoluteUrl } from './urls.js';

export default defineRule({
  id: 'crl.url-not-absolute',
  severity: 'error',
  basis: 'entra-cba',
  citation: 'Entra CBA (how-to-configure-certificate-authorities): the CRL distribution point must be an HTTP URL; RFC 3986 §4.3',
  description:
    'A CRL URL must be an absolute URL (scheme and host); an empty string or a bare host name cannot be downloaded. Use null for "no CRL".',
  check(ctx, emit) {
    for (const e of ctx.entries) {
      for (const [m, v] of configuredUrls(e)) if (!parseAbsoluteUrl(v)) emit({ path: memberPath(e, m), params: { url: v } });
    }
  },
});
