/**
 * Findings that follow Microsoft's metadata and the sibling stores' definitions: sibling spellings of entry members,
 * nulls on non-nullable members, real types that are the wrong ones, directory extensions, HTTPS CRL URLs (both pages
 * cited, newest first), and the 8,192-byte certificate of a pooled Buffer.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { buildCertificate, generateKeyPair, type BuiltCertificate } from '../src/testing/builder.js';
import { preflight } from '../src/preflight.js';
import { ruleById } from '../src/rules/registry.js';

const AT = '2026-06-01T00:00:00Z';
let ca: BuiltCertificate;
const entry = (extra: Record<string, unknown>) => ({
  certificateAuthorities: [{ certificate: ca.base64, isRootAuthority: true, ...extra }],
});

beforeAll(async () => {
  ca = await buildCertificate({
    subject: 'CN=Model Root',
    key: await generateKeyPair('P-256'),
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2035-01-01T00:00:00Z'),
  });
});

const only = async (body: unknown, rule: string, lang: 'en' | 'fr' = 'en') => {
  const r = await preflight(body, { at: AT, lang });
  const f = r.findings.filter((x) => x.rule === rule);
  expect(f, `${rule} in ${JSON.stringify(r.findings.map((x) => x.rule))}`).toHaveLength(1);
  expect(f[0]!.message).not.toMatch(/undefined|\{[a-z]+\}/);
  return { finding: f[0]!, report: r };
};

describe('sibling stores’ spellings on an entry', () => {
  it('points issuerSubjectKeyIdentifier at issuerSki, and names the store thumbprint and certificateAuthorityType belong to', async () => {
    const a = await only(entry({ issuerSubjectKeyIdentifier: 'AB' }), 'entry.unknown-property');
    expect(a.finding.message).toContain('"issuerSki"');
    expect(a.finding.message).toContain('certificateAuthorityDetail');
    expect(a.finding.fix).toContain('issuerSki is read-only');
    const b = await only(entry({ thumbprint: 'AB' }), 'entry.unknown-property');
    expect(b.finding.message).toContain('certificateAuthorityDetail (the PKI store)');
    expect(b.finding.message).not.toContain('did you mean');
    const c = await only(entry({ certificateAuthorityType: 'root' }), 'entry.unknown-property');
    expect(c.finding.message).toContain('"isRootAuthority"');
    // isRootAuthority is writable: the fix says to use it, not that the server computes it.
    expect(c.finding.fix).toContain('"isRootAuthority"');
    expect(c.finding.fix).not.toMatch(/read-only|issuerSki/);
    const fr = await only(entry({ thumbprint: 'AB' }), 'entry.unknown-property', 'fr');
    expect(fr.finding.message).toContain('magasin de confiance');
    // Not a member of the sibling types either: the edit-distance hint as before.
    const d = await only(entry({ isRootAuthorty: true }), 'entry.unknown-property');
    expect(d.finding.message).toContain('did you mean "isRootAuthority"');
  });
});

describe('null on a non-nullable member', () => {
  it('is its own finding for issuer and issuerSki, not a mismatch with "null"', async () => {
    const r = await preflight(entry({ issuer: null, issuerSki: null }), { at: AT });
    expect(r.findings.map((f) => [f.rule, f.path])).toEqual([
      ['entry.null-not-nullable', '/certificateAuthorities/0/issuer'],
      ['entry.null-not-nullable', '/certificateAuthorities/0/issuerSki'],
    ]);
    expect(r.findings[0]!.message).toContain('Nullable="false"');
    expect(r.verdict).toBe('unknown');
  });

  it('says certificateAuthorities: null does not clear the list', async () => {
    const { finding } = await only({ certificateAuthorities: null }, 'body.wrong-type');
    expect(finding.message).toContain('null does not clear the list');
    expect(finding.fix).toContain('[]');
  });
});

describe('@odata.type naming a real type of the model', () => {
  it('is not "could not be resolved": the sibling store type, a base type, the entry type on the body', async () => {
    for (const t of ['certificateBasedApplicationConfiguration', 'directoryObject', 'certificateAuthority']) {
      const { finding, report } = await only({ '@odata.type': `#microsoft.graph.${t}`, ...entry({}) }, 'body.odata-type-wrong');
      expect(finding.path).toBe('/@odata.type');
      expect(report.graphError?.body.error.message).toMatch(
        /^A resource with type 'microsoft\.graph\.\w+' was found, but it is not assignable to the expected type 'microsoft\.graph\.mutualTlsOauthConfiguration'\./,
      );
      expect(report.graphError?.basis).toBe('inferred');
      expect(report.findings.some((f) => f.rule === 'body.odata-type-invalid')).toBe(false);
    }
    const onEntry = await only(entry({ '@odata.type': '#microsoft.graph.certificateAuthorityAsEntity' }), 'body.odata-type-wrong');
    expect(onEntry.finding.message).toContain("the application-certificate trust store's entry");
    // A name the model does not have keeps the observed "could not be resolved" answer.
    const unknown = await only({ '@odata.type': '#microsoft.graph.mutualTlsOauthConfigurations', ...entry({}) }, 'body.odata-type-invalid');
    expect(unknown.report.graphError?.body.error.message).toMatch(/could not be resolved by the model/);
  });
});

describe('directory extensions', () => {
  it('gets its own finding naming the application, and is not also an unknown member', async () => {
    const { finding, report } = await only(
      { extension_0123456789abcdef0123456789ABCDEF_tier: 'gold', ...entry({}) },
      'body.directory-extension',
    );
    expect(finding.message).toContain('01234567-89ab-cdef-0123-456789abcdef');
    expect(report.findings.some((f) => f.rule === 'body.unknown-property')).toBe(false);
  });
});

describe('HTTPS CRL URLs', () => {
  it('cites both pages, newest first, and says which is newer', async () => {
    const { finding } = await only(entry({ certificateRevocationListUrl: 'https://pki.example/root.crl' }), 'crl.url-not-http');
    expect(finding.message).toContain('newest CRL page (2025) supports HTTP or HTTPS but recommends HTTP');
    expect(finding.message).toContain('older FAQ');
    const citation = ruleById('crl.url-not-http')!.citation;
    expect(citation.indexOf('supports only HTTP or HTTPS')).toBeLessThan(citation.indexOf('The CDP can only be HTTP URLs'));
    const ldap = await only(entry({ certificateRevocationListUrl: 'ldap://pki.example/root.crl' }), 'crl.url-not-http');
    expect(ldap.finding.message).toContain('uses ldap');
  });
});

describe('the 8,192-byte certificate of a pooled Buffer', () => {
  it('says what sent it and how to send only the certificate', async () => {
    const pooled = Buffer.from(ca.der);
    expect(pooled.buffer.byteLength).toBe(8192);
    const sent = Buffer.from(pooled.buffer).toString('base64'); // what Kiota's JSON writer does with buf.buffer
    const { finding, report } = await only(
      { certificateAuthorities: [{ certificate: sent, isRootAuthority: true }] },
      'certificate.not-x509',
    );
    expect(finding.message).toContain('exactly 8,192 bytes');
    expect(finding.message).toContain('Kiota');
    expect(finding.fix).toContain('buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength)');
    expect(report.graphError?.body.error.message).toBe(
      "Invalid value specified for property 'certificate' of resource 'CertificateAuthorityInformation'.",
    );
    // A near miss: the certificate's own bytes with one byte appended is the plain message.
    const appended = Buffer.concat([Buffer.from(ca.der), Buffer.from([0])]).toString('base64');
    const plain = await only({ certificateAuthorities: [{ certificate: appended, isRootAuthority: true }] }, 'certificate.not-x509');
    expect(plain.finding.message).not.toContain('8,192');
  });
});
