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
      const c = e.certificate;
      if (c.kind !== 'not-x509') continue;
      const path = memberPath(e, 'certificate');
      // Kiota's JSON writer encodes the whole ArrayBuffer it is given (Buffer.from(value).toString('base64')), and a
      // Buffer under 4 KiB lives in an 8,192-byte pool: `buf.buffer` is the pool, other memory of the process included.
      if (c.bytes === POOL_SIZE) {
        emit({ path, variant: 'pooled' });
        continue;
      }
      // The decoder's refusal as data (its class, the field, its numbers): every language words it; nothing English passes.
      const where = c.where ?? 'certificate';
      const p = c.params ?? {};
      switch (c.code) {
        case 'structure':
        case 'time':
        case 'integer-range':
          emit({ path, variant: c.code, params: { where } });
          break;
        case 'not-ber':
          if (p.kind === 'truncated') emit({ path, variant: 'truncated', params: { where, given: p.given ?? '' } });
          else if (p.kind === 'overrun') emit({ path, variant: 'overrun', params: { where } });
          else emit({ path, variant: 'not-ber', params: { where } });
          break;
        case 'trailing':
          emit({ path, variant: 'trailing', params: { count: p.count ?? '' } });
          break;
        case 'too-large':
          emit({ path, variant: 'too-large', params: { size: p.size ?? '', limit: p.limit ?? '' } });
          break;
        case 'text-too-long':
          emit({ path, variant: 'text-too-long', params: { size: p.size ?? '', limit: p.limit ?? '', bytes: p.bytes ?? '' } });
          break;
        default:
          emit({ path });
      }
    }
  },
});
