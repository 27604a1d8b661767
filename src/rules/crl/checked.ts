import { defineRule } from '../rule.js';
import { crlParams, crlPointer, matchedCrls } from './files.js';

export default defineRule({
  id: 'crl.checked',
  severity: 'info',
  basis: 'rfc5280',
  needs: 'crls',
  citation: 'RFC 5280 §6.3: the CRL that covers a CA, with its validity window and CRL number',
  description: 'What was checked for each given CRL that belongs to a listed CA: its CA, CRL number, entries and how long it stays valid.',
  check(ctx, emit) {
    for (const [a, crl] of matchedCrls(ctx)) {
      const params = { ...crlParams(a), hours: String(a.hoursLeft ?? '') };
      const configured = a.role === 'delta' ? a.ca?.deltaUrl : a.ca?.baseUrl;
      if (!a.input.from && !configured) emit({ path: crlPointer(a), params, variant: 'no-url' });
      else if (a.window !== 'valid') emit({ path: crlPointer(a), params, variant: 'out-of-window' });
      else if (crl.nextUpdate === null) emit({ path: crlPointer(a), params, variant: 'no-next-update' });
      else emit({ path: crlPointer(a), params });
    }
  },
});
