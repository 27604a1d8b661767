/**
 * The certificate files admins have, through the one reader behind inspect, patch --add and the page: DER, PEM chains,
 * PKCS#7 bundles (built with pkijs here, and by openssl as an independent writer), UTF-16 text; and every file that is not
 * a certificate, each named with what to do.
 */
import { generateKeyPairSync } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import * as asn1js from 'asn1js';
import * as pkijs from 'pkijs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHierarchy, type BuiltCertificate } from '../src/testing/builder.js';
import { encodePem, encodeBase64 } from '../src/certificate/encoding.js';
import {
  CertificateInputError,
  certificateInputMessage,
  inputNoteMessage,
  loadInputMessages,
  readCertificates,
  type CertificateInputProblem,
} from '../src/certificate/input.js';
import { inspectCertificate, inspectCertificates } from '../src/certificate/inspect.js';
import { itWith, openssl } from './support/prerequisites.js';

let root: BuiltCertificate;
let intermediate: BuiltCertificate;
let leafCa: BuiltCertificate;
let dir: string;

beforeAll(async () => {
  [root, intermediate, leafCa] = (await buildHierarchy({ depth: 3, namePrefix: 'Input' })) as [
    BuiltCertificate,
    BuiltCertificate,
    BuiltCertificate,
  ];
  dir = mkdtempSync(join(tmpdir(), 'ca-preflight-input-'));
});
afterAll(() => rmSync(dir, { recursive: true, force: true }));

const enc = new TextEncoder();

/** A degenerate SignedData (certificates only, no signers), as Windows' "PKCS #7 (.p7b)" export writes it. */
function pkcs7Of(certs: Uint8Array<ArrayBuffer>[], crls: Uint8Array<ArrayBuffer>[] = []): Uint8Array {
  const signed = new pkijs.SignedData({
    version: 1,
    encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' }),
    certificates: certs.map((der) => pkijs.Certificate.fromBER(der)),
    ...(crls.length ? { crls: crls.map((der) => pkijs.CertificateRevocationList.fromBER(der)) } : {}),
  });
  const info = new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signed.toSchema(true) });
  return new Uint8Array(info.toSchema().toBER());
}

async function problemOf(input: string | Uint8Array): Promise<CertificateInputProblem> {
  try {
    await readCertificates(input);
  } catch (e) {
    expect(e).toBeInstanceOf(CertificateInputError);
    return (e as CertificateInputError).problem;
  }
  throw new Error('the input was read as certificates');
}

describe('certificate input: what holds certificates', () => {
  it('reads DER, PEM, base64 and base64url as one certificate, byte for byte', async () => {
    for (const [input, format] of [
      [root.der, 'der'],
      [root.pem, 'pem'],
      [enc.encode(root.pem), 'pem'],
      [root.base64, 'base64'],
      [root.base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), 'base64'],
      [root.base64.replace(/(.{64})/g, '$1\n'), 'base64'],
    ] as const) {
      const read = await readCertificates(input);
      expect(read.format).toBe(format);
      expect(read.certificates.map((c) => encodeBase64(c.der))).toEqual([root.base64]);
      expect(read.notes).toEqual([]);
    }
  });

  it('reads every certificate of a PEM chain, in order, saying where each one is', async () => {
    const text = `${leafCa.pem}\n${intermediate.pem}\r\n${root.pem}`;
    const read = await readCertificates(text);
    expect(read.certificates.map((c) => encodeBase64(c.der))).toEqual([leafCa.base64, intermediate.base64, root.base64]);
    expect(read.certificates.map((c) => c.where)).toEqual([
      'PEM block 1, line 1',
      expect.stringMatching(/^PEM block 2, line \d+$/),
      expect.stringMatching(/^PEM block 3, line \d+$/),
    ]);
    const facts = await inspectCertificates(text);
    expect(facts.map((f) => f.certificateAuthority.isRootAuthority)).toEqual([false, false, true]);
    await expect(inspectCertificate(text)).rejects.toThrow(/holds 3 certificates; give one at a time, or read them all/);
  });

  it('reads a PKCS#7 bundle in DER, in PEM and armoured as CERTIFICATE (certutil -encode), with the exact certificate bytes', async () => {
    const p7b = pkcs7Of([intermediate.der, root.der]);
    const armoured = (label: string) => encodePem(p7b, label);
    for (const [input, format] of [
      [p7b, 'pkcs7-der'],
      [armoured('PKCS7'), 'pkcs7-pem'],
      [enc.encode(armoured('PKCS7')), 'pkcs7-pem'],
      [armoured('CERTIFICATE'), 'pem'],
      [encodeBase64(p7b), 'base64'],
    ] as const) {
      const read = await readCertificates(input);
      expect(read.format, String(format)).toBe(format);
      expect(read.certificates.map((c) => c.der)).toEqual([intermediate.der, root.der]);
      expect(read.certificates.map((c) => c.where)).toEqual(['PKCS#7 certificate 1', 'PKCS#7 certificate 2']);
    }
  });

  it('reads UTF-16 text (Windows PowerShell 5 Out-File) and says so', async () => {
    const le = new Uint8Array([0xff, 0xfe, ...new Uint8Array(new Uint16Array([...root.pem].map((c) => c.charCodeAt(0))).buffer)]);
    const read = await readCertificates(le);
    expect(read.certificates.map((c) => encodeBase64(c.der))).toEqual([root.base64]);
    expect(read.notes).toEqual([{ kind: 'utf16', encoding: 'utf-16le', bom: true }]);
    expect(inputNoteMessage(read.notes[0]!)).toBe(
      'Read as UTF-16LE text (it starts with a byte order mark, as Windows PowerShell 5 writes files).',
    );
    const be = new Uint8Array(root.pem.length * 2);
    for (let i = 0; i < root.pem.length; i++) be[i * 2 + 1] = root.pem.charCodeAt(i);
    expect((await readCertificates(be)).notes).toEqual([{ kind: 'utf16', encoding: 'utf-16be', bom: false }]);
  });

  it('takes the certificates out of a file that also holds a private key, and says the key was left out', async () => {
    const { privateKey } = generateKeyPairSync('ec', { namedCurve: 'P-256' });
    const key = privateKey.export({ format: 'pem', type: 'pkcs8' }) as string;
    const read = await readCertificates(`${root.pem}${key}`);
    expect(read.certificates).toHaveLength(1);
    expect(read.notes.map((n) => inputNoteMessage(n))).toEqual([
      expect.stringMatching(/^A private key \(line \d+\) was left out; only certificates go into a trust list/),
    ]);
  });

  it("reads OpenSSL's TRUSTED CERTIFICATE: the certificate, without the trust settings after it", async () => {
    const aux = Uint8Array.from([0x30, 0x03, 0x0c, 0x01, 0x41]);
    const read = await readCertificates(encodePem(new Uint8Array([...root.der, ...aux]), 'TRUSTED CERTIFICATE'));
    expect(read.certificates.map((c) => c.der)).toEqual([root.der]);
    expect(read.notes).toEqual([{ kind: 'trust-settings-ignored' }]);
  });
});

describe('certificate input: what does not, named with what to do', () => {
  const rsa = generateKeyPairSync('rsa', { modulusLength: 1024 });
  const ec = generateKeyPairSync('ec', { namedCurve: 'P-256' });

  const cases: [string, () => string | Uint8Array, CertificateInputProblem['kind'], RegExp][] = [
    ['an empty file', () => new Uint8Array(0), 'empty', /^The input is empty\. Export the CA certificate again/],
    ['white space only', () => ' \r\n\t\n', 'empty', /is empty/],
    [
      'a PKCS#8 private key (PEM)',
      () => rsa.privateKey.export({ format: 'pem', type: 'pkcs8' }) as string,
      'private-key',
      /is a private key, not a certificate\. A trust list needs only the CA's certificate; keep the key secret/,
    ],
    [
      'a PKCS#8 private key (DER)',
      () => new Uint8Array(rsa.privateKey.export({ format: 'der', type: 'pkcs8' })),
      'private-key',
      /is a private key/,
    ],
    [
      'an RSA PRIVATE KEY (PKCS#1, PEM)',
      () => rsa.privateKey.export({ format: 'pem', type: 'pkcs1' }) as string,
      'private-key',
      /private key/,
    ],
    [
      'an RSA private key (PKCS#1, DER)',
      () => new Uint8Array(rsa.privateKey.export({ format: 'der', type: 'pkcs1' })),
      'private-key',
      /private key/,
    ],
    [
      'an EC PRIVATE KEY (SEC 1, DER)',
      () => new Uint8Array(ec.privateKey.export({ format: 'der', type: 'sec1' })),
      'private-key',
      /private key/,
    ],
    [
      'an encrypted private key',
      () =>
        new Uint8Array(
          rsa.privateKey.export({ format: 'der', type: 'pkcs8', cipher: 'aes-256-cbc', passphrase: 'x' }) as unknown as ArrayBuffer,
        ),
      'private-key',
      /is a private key \(encrypted\)/,
    ],
    ['a public key (PEM)', () => rsa.publicKey.export({ format: 'pem', type: 'spki' }) as string, 'public-key', /is a public key alone/],
    ['a public key (DER)', () => new Uint8Array(ec.publicKey.export({ format: 'der', type: 'spki' })), 'public-key', /public key/],
    [
      'JSON',
      () => '{"certificateAuthorities": []}\n',
      'json',
      /is JSON, not a certificate\. To check a trust-list body .* ca-preflight check/,
    ],
    [
      'text that is not base64',
      () => 'hello, not a certificate',
      'not-certificate',
      /is neither PEM, DER nor base64 \(it starts with "hello, not a certifi"\)/,
    ],
    [
      'binary that is not DER',
      () => Uint8Array.from([0x50, 0x4b, 0x03, 0x04, 0xff, 0xfe, 0x00, 0x81]),
      'binary',
      /is binary data but not DER \(it starts with 50 4b 03 04/,
    ],
    ['a cut PEM block', () => '-----BEGIN CERTIFICATE-----\nMIIB\n', 'pem-damaged', /has a "-----BEGIN" line but no complete PEM block/],
    [
      'a PEM block that is not base64',
      () => '-----BEGIN CERTIFICATE-----\nnot*base64\n-----END CERTIFICATE-----\n',
      'pem-damaged',
      /has a PEM block "CERTIFICATE" \(line 1\) whose body is not base64/,
    ],
    [
      'a PEM block of another kind',
      () => encodePem(Uint8Array.from([1, 2, 3]), 'DH PARAMETERS'),
      'pem-other',
      /holds PEM "DH PARAMETERS", not a certificate/,
    ],
    [
      'a PKCS#7 bundle without certificates',
      () => pkcs7Of([]),
      'pkcs7-empty',
      /is a PKCS#7 bundle with no certificate in it\. Export the bundle again with the certificates included/,
    ],
    [
      'CMS enveloped data',
      () =>
        new Uint8Array(
          new asn1js.Sequence({
            value: [
              new asn1js.ObjectIdentifier({ value: '1.2.840.113549.1.7.3' }),
              new asn1js.Constructed({ idBlock: { tagClass: 3, tagNumber: 0 }, value: [new asn1js.Sequence()] }),
            ],
          }).toBER(),
        ),
      'cms-other',
      /is a PKCS#7\/CMS message of type enveloped data, not a certificate bundle/,
    ],
  ];

  it.each(cases)('%s', async (_name, make, kind, message) => {
    const problem = await problemOf(make());
    expect(problem.kind).toBe(kind);
    expect(certificateInputMessage(problem)).toMatch(message);
    await expect(inspectCertificate(make())).rejects.toThrow(message);
    expect((await loadInputMessages('fr')).problem(problem)).not.toBe(certificateInputMessage(problem));
  });

  it('names the file and puts its name in the command to run', async () => {
    const problem: CertificateInputProblem = { kind: 'pkcs12' };
    expect(certificateInputMessage(problem, { subject: '"root.pfx"', file: 'root.pfx' })).toBe(
      '"root.pfx" is a PKCS#12 archive (.pfx, .p12), which also holds a private key. Take the certificates out without the key: openssl pkcs12 -in root.pfx -nokeys -out certs.pem (add -legacy for archives made by older Windows), then give certs.pem.',
    );
    // A name that a shell would read differently is not pasted into a command.
    expect(certificateInputMessage(problem, { file: 'my root.pfx' })).toContain('openssl pkcs12 -in FILE.pfx -nokeys');
  });

  it('refuses inputs beyond its size limit, as a limit of this tool', async () => {
    const problem = await problemOf(new Uint8Array(4 * 1024 * 1024 + 1).fill(0x41));
    expect(problem).toEqual({ kind: 'too-large', bytes: 4 * 1024 * 1024 + 1, limit: 4 * 1024 * 1024 });
    expect(certificateInputMessage(problem)).toMatch(/a limit of ca-preflight, not of Graph/);
  });

  it('lists the parts of a PEM file that holds several things but no certificate', async () => {
    const text = `${rsa.privateKey.export({ format: 'pem', type: 'pkcs8' })}${rsa.publicKey.export({ format: 'pem', type: 'spki' })}`;
    const problem = await problemOf(text);
    expect(certificateInputMessage(problem)).toMatch(
      /^The input holds no certificate: PEM block 1, line 1: a private key; PEM block 2, line \d+: a public key\.$/,
    );
  });
});

/** Files as openssl writes them: an independent writer of every format above. */
describe('certificate input: files written by openssl', () => {
  const run = (args: string[]) => {
    const r = spawnSync('openssl', args, { cwd: dir, encoding: 'utf8' });
    if (r.status !== 0) throw new Error(`openssl ${args.join(' ')}: ${r.stderr}`);
  };
  const withOpenssl = itWith([openssl]);

  withOpenssl('reads the .p7b that openssl crl2pkcs7 writes, in DER and PEM', async () => {
    writeFileSync(join(dir, 'chain.pem'), `${intermediate.pem}${root.pem}`);
    run(['crl2pkcs7', '-nocrl', '-certfile', 'chain.pem', '-outform', 'DER', '-out', 'chain.p7b']);
    run(['crl2pkcs7', '-nocrl', '-certfile', 'chain.pem', '-out', 'chain.p7b.pem']);
    for (const file of ['chain.p7b', 'chain.p7b.pem']) {
      const read = await readCertificates(new Uint8Array(readFileSync(join(dir, file))));
      expect(read.certificates.map((c) => c.der)).toEqual([intermediate.der, root.der]);
    }
  });

  withOpenssl('names a CSR, a PKCS#12 archive and a CRL, in DER and PEM', async () => {
    run(['req', '-new', '-newkey', 'rsa:2048', '-nodes', '-keyout', 'k.pem', '-subj', '/CN=Input CSR', '-out', 'r.csr']);
    run(['req', '-in', 'r.csr', '-outform', 'DER', '-out', 'r.csr.der']);
    run(['req', '-x509', '-key', 'k.pem', '-subj', '/CN=Input PFX', '-days', '2', '-out', 'c.pem']);
    run(['pkcs12', '-export', '-in', 'c.pem', '-inkey', 'k.pem', '-passout', 'pass:x', '-out', 'c.pfx']);
    writeFileSync(join(dir, 'index.txt'), '');
    writeFileSync(join(dir, 'ca.cnf'), '[ca]\ndefault_ca=c\n[c]\ndatabase=index.txt\ndefault_md=sha256\ndefault_crl_days=30\n');
    run(['ca', '-gencrl', '-config', 'ca.cnf', '-keyfile', 'k.pem', '-cert', 'c.pem', '-out', 'c.crl']);
    run(['crl', '-in', 'c.crl', '-outform', 'DER', '-out', 'c.crl.der']);
    const expected: [string, CertificateInputProblem['kind'], RegExp][] = [
      ['r.csr', 'csr', /is a certificate signing request \(CSR\), which no CA has signed yet\. Give the certificate the CA issued/],
      ['r.csr.der', 'csr', /certificate signing request/],
      [
        'c.pfx',
        'pkcs12',
        /is a PKCS#12 archive \(\.pfx, \.p12\), which also holds a private key\. Take the certificates out without the key: openssl pkcs12 -in c\.pfx -nokeys -out certs\.pem/,
      ],
      [
        'c.crl',
        'crl',
        /is a certificate revocation list \(CRL\), not a certificate\. A CRL is published at the URL given as certificateRevocationListUrl/,
      ],
      ['c.crl.der', 'crl', /certificate revocation list/],
      ['k.pem', 'private-key', /is a private key/],
    ];
    for (const [file, kind, message] of expected) {
      const problem = await problemOf(new Uint8Array(readFileSync(join(dir, file))));
      expect(problem.kind, file).toBe(kind);
      expect(certificateInputMessage(problem, { subject: `"${file}"`, file })).toMatch(message);
    }
    // The certificates openssl pkcs12 -nokeys takes out (with its "Bag Attributes" lines) read as they should.
    run(['pkcs12', '-in', 'c.pfx', '-passin', 'pass:x', '-nokeys', '-out', 'certs.pem']);
    const read = await readCertificates(readFileSync(join(dir, 'certs.pem'), 'utf8'));
    const issued = await readCertificates(readFileSync(join(dir, 'c.pem'), 'utf8'));
    expect(read.certificates.map((c) => c.der)).toEqual(issued.certificates.map((c) => c.der));
  });
});
