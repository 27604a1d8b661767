/**
 * Writes the bundled examples used by `npm run demo` and the README: a clean two-tier body (RSA root, ECDSA
 * intermediate, http CRL URLs that match the intermediate's CDP), the update page's Example 2 request verbatim,
 * and the matching certificates as PEM files. Validity runs 2025–2045 so the examples stay valid for years.
 */
import { mkdirSync, writeFileSync } from 'node:fs';
import { buildCertificate, generateKeyPair } from '../src/testing/builder.js';
import { EXAMPLE_2_REQUEST } from './vectors/cases-examples.js';

const out = new URL('../examples/', import.meta.url);
mkdirSync(out, { recursive: true });
const notBefore = new Date('2025-01-01T00:00:00Z');
const notAfter = new Date('2045-01-01T00:00:00Z');

const rootKey = await generateKeyPair('RSA-2048');
const interKey = await generateKeyPair('P-256');
const root = await buildCertificate({
  subject: 'CN=Contoso IoT Root CA, O=Contoso, L=Redmond, ST=WA, C=US',
  key: rootKey,
  notBefore,
  notAfter,
  basicConstraints: { cA: true, critical: true },
  keyUsage: { bits: ['keyCertSign', 'cRLSign'], critical: true },
});
const intermediate = await buildCertificate({
  subject: 'CN=Contoso IoT Devices CA 01, O=Contoso, C=US',
  key: interKey,
  issuer: root,
  notBefore,
  notAfter,
  basicConstraints: { cA: true, pathLenConstraint: 0, critical: true },
  keyUsage: { bits: ['keyCertSign', 'cRLSign'], critical: true },
  crlDistributionPoints: ['http://pki.contoso.example/root.crl'],
});

const validBody = {
  displayName: 'DoorCamera_Model_X_TrustedCAs',
  certificateAuthorities: [
    {
      certificate: root.base64,
      isRootAuthority: true,
      certificateRevocationListUrl: 'http://pki.contoso.example/root.crl',
      deltaCertificateRevocationListUrl: null,
    },
    {
      certificate: intermediate.base64,
      isRootAuthority: false,
      certificateRevocationListUrl: 'http://pki.contoso.example/devices-01.crl',
      deltaCertificateRevocationListUrl: null,
    },
  ],
};

writeFileSync(new URL('valid-body.json', out), `${JSON.stringify(validBody, null, 2)}\n`);
writeFileSync(new URL('example2-request.json', out), `${EXAMPLE_2_REQUEST}\n`);
writeFileSync(new URL('contoso-root.pem', out), root.pem);
writeFileSync(new URL('contoso-devices-01.pem', out), intermediate.pem);
console.log('wrote examples/valid-body.json, examples/example2-request.json, examples/contoso-root.pem, examples/contoso-devices-01.pem');
