import { defineRule } from '../rule.js';
import { certifiedEntries, memberPath } from '../helpers.js';
import { SIGNATURE_ALGORITHMS } from '../../certificate/oids.js';

/** The view holds parameters as upper-case hex of their DER: an ASN.1 NULL is 0500. */
const isNull = (params: string | undefined) => params === '0500';

export default defineRule({
  id: 'certificate.rsa-parameters-not-null',
  severity: 'warning',
  basis: 'rfc5280',
  citation:
    'RFC 3279 §2.3.1 (rsaEncryption: the parameters SHALL be NULL) and RFC 4055 §5 (sha*WithRSAEncryption: the parameters MUST be NULL)',
  description:
    "An RSA key or PKCS #1 v1.5 signature algorithm whose AlgorithmIdentifier parameters are absent or not NULL: lenient readers accept it, strict ones (and Windows' older CryptoAPI) do not.",
  check(ctx, emit) {
    for (const e of certifiedEntries(ctx)) {
      const k = e.cert.rsaKey;
      if (k && e.cert.key.algorithm === 'RSA' && !k.parametersNull) emit({ path: memberPath(e, 'certificate'), variant: 'key' });
      const sig = e.cert.outerSignatureAlgorithm;
      if (SIGNATURE_ALGORITHMS[sig.oid]?.family === 'RSASSA-PKCS1-v1_5' && !isNull(sig.params))
        emit({ path: memberPath(e, 'certificate'), variant: 'signature', params: { algorithm: e.cert.signatureAlgorithm.name } });
    }
  },
});
