/**
 * Peak memory of checking one CRL, in a process of its own (bundled by bench/crl.ts so tsx's loader is not counted):
 *   node crl-rss.mjs ours|pkijs <workload dir> <at ISO>
 * prints `{ "rssMB", "idleMB" }` (VmHWM after and before the check; see bench/rss.ts for why VmHWM).
 */
import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { preflight } from '../src/preflight.js';

const [mode, dir, at] = process.argv.slice(2);
if ((mode !== 'ours' && mode !== 'pkijs') || !dir || !at) {
  console.error('usage: node crl-rss.mjs ours|pkijs <dir> <at>');
  process.exit(2);
}
const peakMB = (): number => {
  if (existsSync('/proc/self/status')) {
    const m = /^VmHWM:\s*(\d+)\s*kB/m.exec(readFileSync('/proc/self/status', 'utf8'));
    if (m) return Number(m[1]) / 1024;
  }
  return process.resourceUsage().maxRSS / 1024;
};
const der = new Uint8Array(readFileSync(join(dir, 'root.crl')));
const body = readFileSync(join(dir, 'body.json'), 'utf8');
const idleMB = peakMB();
if (mode === 'ours') {
  await preflight(body, { at, crls: [{ source: 'root.crl', bytes: der }] });
} else {
  const pem = readFileSync(join(dir, 'root.pem'), 'utf8').replace(/-----[^-]+-----|\s/g, '');
  const asn1 = asn1js.fromBER(der, { maxNodes: 50_000_000, maxContentLength: 200 * 1024 * 1024 });
  const crl = new pkijs.CertificateRevocationList({ schema: asn1.result });
  await crl.verify({ issuerCertificate: pkijs.Certificate.fromBER(Buffer.from(pem, 'base64')) });
}
process.stdout.write(`${JSON.stringify({ rssMB: peakMB(), idleMB })}\n`);
