/**
 * Real public roots (Debian's ca-certificates, the Mozilla set), copied into the vectors so that other
 * implementations can run them without the package.
 */
import { existsSync, readFileSync } from 'node:fs';
import { ca, error, list, warning, type VectorCase } from './framework.js';

export const MOZILLA_DIR = '/usr/share/ca-certificates/mozilla';

/** The base64 body of one root's PEM file. */
function mozillaRoot(file: string): string {
  const path = `${MOZILLA_DIR}/${file}`;
  if (!existsSync(MOZILLA_DIR)) throw new Error(`${MOZILLA_DIR} is missing: install the Mozilla roots with \`apt-get install ca-certificates\``);
  if (!existsSync(path)) throw new Error(`${path} is missing: the installed ca-certificates no longer ships it; pick another root in scripts/vectors/cases-real-roots.ts`);
  return readFileSync(path, 'utf8').replace(/-----[A-Z ]+-----|\s/g, '');
}

export function realRootCases(): VectorCase[] {
  const group = 'real-roots';
  const asRoot = (file: string) => ({ certificate: mozillaRoot(file), isRootAuthority: true });
  const asIntermediate = (file: string) => ({ certificate: mozillaRoot(file), isRootAuthority: false });
  return [
    {
      group, name: 'mozilla-selection',
      description: 'Eight Mozilla roots: Baltimore CyberTrust Root (SHA-1, expired 2025-05-12), Go Daddy Class 2 CA (SHA-1, basicConstraints not critical, no keyUsage, serial number 0), Hongkong Post Root CA 1 (expired 2023-05-15, no SKI), ISRG Root X1 and X2, Microsoft RSA and ECC Root CAs 2017, DigiCert Global Root CA (SHA-1 self-signature, tolerated on a root).',
      body: list(
        asRoot('Baltimore_CyberTrust_Root.crt'),
        asRoot('Go_Daddy_Class_2_CA.crt'),
        asRoot('Hongkong_Post_Root_CA_1.crt'),
        asRoot('ISRG_Root_X1.crt'),
        asRoot('ISRG_Root_X2.crt'),
        asRoot('Microsoft_RSA_Root_Certificate_Authority_2017.crt'),
        asRoot('Microsoft_ECC_Root_Certificate_Authority_2017.crt'),
        asRoot('DigiCert_Global_Root_CA.crt'),
      ),
      expect: {
        findings: [
          error('certificate.expired', ca(0, 'certificate')),
          warning('certificate.basic-constraints-not-critical', ca(1, 'certificate')),
          warning('certificate.key-usage-missing', ca(1, 'certificate')),
          warning('certificate.serial-invalid', ca(1, 'certificate')),
          error('certificate.expired', ca(2, 'certificate')),
          warning('certificate.ski-missing', ca(2, 'certificate')),
        ],
      },
    },
    {
      group, name: 'sha1-self-signed-roots',
      description: 'Two valid Mozilla roots whose self-signatures are SHA-1 (DigiCert Global Root CA, GlobalSign Root CA): SHA-1 is tolerated on a root\'s self-signature.',
      body: list(asRoot('DigiCert_Global_Root_CA.crt'), asRoot('GlobalSign_Root_CA.crt')),
      nearMissFor: ['certificate.weak-signature', 'certificate.expired'],
      expect: { findings: [] },
    },
    {
      group, name: 'microsoft-roots-flagged-intermediate',
      description: 'Microsoft\'s RSA and ECC Root CAs 2017 listed with isRootAuthority: false: both are self-signed, so the flag is wrong.',
      body: list(asIntermediate('Microsoft_RSA_Root_Certificate_Authority_2017.crt'), asIntermediate('Microsoft_ECC_Root_Certificate_Authority_2017.crt')),
      expect: { findings: [error('flag.self-signed-not-root', ca(0, 'isRootAuthority')), error('flag.self-signed-not-root', ca(1, 'isRootAuthority'))] },
    },
  ];
}
