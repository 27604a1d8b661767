import { describe, it, expect, beforeAll } from 'vitest';
import { preflight } from '../src/preflight.js';
import { buildCertificate, generateKeyPair, type BuiltCertificate } from '../src/testing/builder.js';
import { inspectCertificate } from '../src/certificate/inspect.js';

const at = new Date('2026-06-01T00:00:00Z');
let root: BuiltCertificate;
beforeAll(async () => {
  root = await buildCertificate({
    subject: 'CN=Bad Input Root',
    key: await generateKeyPair('P-256'),
    notBefore: new Date('2025-01-01'),
    notAfter: new Date('2030-01-01'),
  });
});

const rulesOf = async (body: unknown) => (await preflight(body, { at })).findings.map((f) => `${f.rule} ${f.path}`);

describe('bad input never throws and is reported where it is', () => {
  it('text that is not JSON', async () => {
    for (const text of ['', '{', 'null,', "{'a': 1}", '{"a": 1} x', '\uFEFF{}', '[1,]', '{"a": 01}']) {
      const r = await preflight(text, { at });
      expect(r.ok, JSON.stringify(text)).toBe(false);
      expect(r.findings.map((f) => f.rule)).toEqual(['body.not-json']);
      expect(r.graphError?.status).toBe(400);
    }
  });

  it('values that are not JSON data', async () => {
    const cyclic: Record<string, unknown> = {};
    cyclic.me = cyclic;
    for (const v of [undefined, () => 1, cyclic, { a: 1n }, Symbol('x')]) {
      expect((await preflight(v, { at })).findings.map((f) => f.rule)).toEqual(['body.not-json']);
    }
  });

  it('JSON of the wrong shape and wrong member types', async () => {
    expect(await rulesOf([])).toEqual(['body.not-object ']);
    expect(await rulesOf('"text"')).toEqual(['body.not-object ']);
    expect(await rulesOf({ displayName: 5, certificateAuthorities: {} })).toEqual([
      'body.wrong-type /displayName',
      'body.wrong-type /certificateAuthorities',
    ]);
    expect(await rulesOf({ certificateAuthorities: [null, 'x', 3] })).toEqual([
      'entry.not-object /certificateAuthorities/0',
      'entry.not-object /certificateAuthorities/1',
      'entry.not-object /certificateAuthorities/2',
    ]);
    expect(
      await rulesOf({ certificateAuthorities: [{ certificate: 42, isRootAuthority: 'true', certificateRevocationListUrl: 7 }] }),
    ).toEqual([
      'certificate.not-base64 /certificateAuthorities/0/certificate',
      'entry.root-flag-invalid /certificateAuthorities/0/isRootAuthority',
      'entry.url-wrong-type /certificateAuthorities/0/certificateRevocationListUrl',
    ]);
  });

  it('huge strings stay bounded', async () => {
    const long = 'A'.repeat(2_000_000);
    const r = await preflight({ displayName: long, certificateAuthorities: [{ certificate: long, isRootAuthority: true }] }, { at });
    expect(r.findings.map((f) => f.rule).sort()).toEqual(['body.display-name-too-long', 'certificate.not-x509']);
    expect(r.findings.find((f) => f.rule === 'certificate.not-x509')?.message).toMatch(/more than the \d+ accepted/);
  });

  it('truncated, garbage and trailing-byte DER, and PEM in the field', async () => {
    const der = root.der;
    const b64 = (bytes: Uint8Array) => Buffer.from(bytes).toString('base64');
    const withTrailer = new Uint8Array(der.length + 2);
    withTrailer.set(der);
    const cases: [string, string][] = [
      [b64(der.slice(0, der.length - 10)), 'certificate.not-x509'],
      [b64(der.slice(0, 40)), 'certificate.not-x509'],
      [b64(new Uint8Array(64).fill(0x30)), 'certificate.not-x509'],
      [b64(new Uint8Array([0x02, 0x01, 0x05])), 'certificate.not-x509'],
      [b64(withTrailer), 'certificate.not-x509'],
      [root.pem, 'certificate.pem-armour'],
      [root.pem.replace(/-----[^-]+-----/g, ''), 'certificate.not-base64'],
    ];
    for (const [certificate, rule] of cases) {
      const r = await preflight({ certificateAuthorities: [{ certificate, isRootAuthority: true }] }, { at });
      expect(
        r.findings.map((f) => f.rule),
        rule,
      ).toEqual([rule]);
      expect(r.graphError?.body.error.message).toBe(
        "Invalid value specified for property 'certificate' of resource 'CertificateAuthorityInformation'.",
      );
    }
    const trailing = await preflight({ certificateAuthorities: [{ certificate: b64(withTrailer), isRootAuthority: true }] }, { at });
    expect(trailing.findings[0]!.message).toMatch(/: 2 byte\(s\) follow its DER value\.$/);
  });

  it('__proto__, constructor and prototype keys are ordinary unknown members and pollute nothing', async () => {
    const text = `{"__proto__": {"polluted": true}, "constructor": {"prototype": {"polluted": true}},
      "certificateAuthorities": [{"certificate": "${root.base64}", "isRootAuthority": true, "__proto__": {"isRootAuthority": false}}]}`;
    const r = await preflight(text, { at });
    expect(r.findings.map((f) => `${f.rule} ${f.path}`)).toEqual([
      'body.unknown-property /__proto__',
      'body.unknown-property /constructor',
      'entry.unknown-property /certificateAuthorities/0/__proto__',
    ]);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    expect(r.graphError?.body.error.message).toBe("Invalid property '__proto__'.");
  });

  it('inspect refuses what is not a certificate with a clear error', async () => {
    await expect(inspectCertificate('hello')).rejects.toThrow(/not DER|cut short|no bytes|neither PEM/);
    await expect(inspectCertificate('-----BEGIN PUBLIC KEY-----\nMIIB\n-----END PUBLIC KEY-----')).rejects.toThrow(/is a public key alone/);
    await expect(inspectCertificate(new Uint8Array(0))).rejects.toThrow(/is empty/);
  });

  it('a bad clock or current resource is a clear error, not a crash', async () => {
    await expect(preflight('{}', { at: 'not a date' })).rejects.toThrow(/options.at is not a valid date/);
    await expect(preflight('{}', { current: '{oops' })).rejects.toThrow(/options.current is not JSON/);
  });
});

describe('messages stay short whatever the input holds', () => {
  it('quotes at most a bounded prefix of a huge member name or URL', async () => {
    const name = 'x'.repeat(100_000);
    const r = await preflight(
      {
        [name]: 1,
        certificateAuthorities: [{ certificate: root.base64, isRootAuthority: true, certificateRevocationListUrl: 'y'.repeat(50_000) }],
      },
      { at },
    );
    expect(r.findings.map((f) => f.rule)).toEqual(['body.unknown-property', 'crl.url-not-absolute']);
    for (const f of r.findings) expect(f.message.length).toBeLessThan(600);
    expect(r.findings[0]!.message).toMatch(/\(100000 characters\)/);
    // Graph's own message is quoted verbatim, as the server would send it.
    expect(r.graphError?.body.error.message).toBe(`Invalid property '${name}'.`);
  });
});

describe('messages in French carry no English fragments built by the rules', () => {
  it('explains a wrong JSON type entirely in French', async () => {
    const r = await preflight({ displayName: 5, certificateAuthorities: {} }, { at, lang: 'fr' });
    expect(r.findings.map((f) => f.message)).toEqual([
      'La propriété "displayName" doit être une chaîne ou null, pas une valeur JSON de type nombre.',
      'La propriété "certificateAuthorities" doit être un tableau, pas une valeur JSON de type objet.',
    ]);
  });
});
