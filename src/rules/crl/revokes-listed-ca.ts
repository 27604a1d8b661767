import { defineRule } from '../rule.js';
import { CRL_PAGE, SIGN_IN, crlParams } from './files.js';
import { isoTime } from '../helpers.js';
import { term } from '../../report/catalogue/index.js';

export default defineRule({
  id: 'crl.revokes-listed-ca',
  severity: 'error',
  basis: 'entra-cba',
  needs: 'crls',
  citation: `${CRL_PAGE}: the system "retrieves the CRL for each CA in the certificate chain … and checks for any revoked CAs"; AADSTS500171`,
  description: "A listed CA is revoked by its issuer's CRL: every device certificate under it fails to authenticate.",
  signIn: SIGN_IN.revoked,
  check(ctx, emit) {
    for (const hit of ctx.crl?.revoked ?? []) {
      const e = ctx.entries[hit.key]!;
      emit({
        path: `${e.path}/certificate`,
        params: {
          ...crlParams(hit.crl),
          revoked: e.cert?.subject.rfc4514 || `#${e.index}`,
          serial: hit.revocation.serial,
          date: isoTime(hit.revocation.date),
          reason: hit.revocation.reason ?? term('no-reason'),
        },
      });
    }
  },
});
