import { defineRule } from '../rule.js';
import { term } from '../../report/catalogue/index.js';
import { CRL_PAGE, SIGN_IN, crlParams, crlPointer, givenCrls } from './files.js';

export default defineRule({
  id: 'crl.not-a-crl',
  severity: 'error',
  basis: 'entra-cba',
  needs: 'crls',
  citation: `${CRL_PAGE}: AADSTS500174 "Unable to construct valid Certificate Revocation List (CRL) from response"; RFC 5280 §5.1`,
  description: 'A given CRL is well-formed DER but not a CertificateList (a certificate, a PKCS#7 bundle, another PEM block …).',
  signIn: SIGN_IN.notCrl,
  check(ctx, emit) {
    for (const a of givenCrls(ctx))
      if (a.problem?.kind === 'not-crl') {
        const base = crlParams(a);
        const path = crlPointer(a);
        const p = a.problem.params;
        if (a.problem.code === 'certificate')
          emit({ path, variant: 'certificate', params: { ...base, subject: p.subject || term('empty-subject') } });
        else if (a.problem.code === 'pem-other') emit({ path, variant: 'pem-other', params: { ...base, label: p.label ?? '' } });
        else if (a.problem.code === 'pem-several') emit({ path, variant: 'pem-several', params: { ...base, count: p.count ?? '' } });
        else emit({ path, params: base });
      }
  },
});
