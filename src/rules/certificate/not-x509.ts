import { defineRule } from '../rule.js';
import { CERTIFICATE_REJECTED, memberPath } from '../helpers.js';

/** Node's Buffer.poolSize (8 KiB), the ArrayBuffer behind every Buffer.from of fewer than 4,096 bytes. */
const POOL_SIZE = 8192;

export default defineRule({
  id: 'certificate.not-x509',
  severity: 'error',
  basis: 'graph-documented',
  citation: 'update page: "If a validation failure occurs during the certificate validation steps … 400 Bad Request"; RFC 5280 §4.1',
  description:
    "The base64 must decode to exactly one DER X.509 certificate, with no bytes after it. Exactly 8,192 bytes is the size of Node's Buffer pool: what the Kiota SDK sends for buffer.buffer of a small Buffer.",
  server: CERTIFICATE_REJECTED,
  check(ctx, emit) {
    for (const e of ctx.entries) {
      if (e.certificate.kind !== 'not-x509') continue;
      const path = memberPath(e, 'certificate');
      // Kiota's JSON writer encodes the whole ArrayBuffer it is given (Buffer.from(value).toString('base64')), and a
      // Buffer under 4 KiB lives in an 8,192-byte pool: `buf.buffer` is the pool, other memory of the process included.
      if (e.certificate.bytes === POOL_SIZE) emit({ path, variant: 'pooled', params: { reason: e.certificate.reason } });
      else emit({ path, params: { reason: e.certificate.reason } });
    }
  },
});
