/**
 * The honest summary: `verdict` tells "rejected" (a 400 is predicted, with its basis and citation), "accepted" (no
 * error finding) and "unknown" (errors whose server behaviour is not documented) apart, and the text summary line
 * words the three differently, in English and French; the CLI says the same.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { buildCertificate, generateKeyPair, type BuiltCertificate } from '../src/testing/builder.js';
import { runPreflight, preflight } from '../src/preflight.js';
import { formatText, summaryLine } from '../src/report/text.js';

const AT = '2026-06-01T00:00:00Z';
let valid: BuiltCertificate;
let expired: BuiltCertificate;

beforeAll(async () => {
  valid = await buildCertificate({
    subject: 'CN=Verdict Root',
    key: await generateKeyPair('P-256'),
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2035-01-01T00:00:00Z'),
  });
  expired = await buildCertificate({
    subject: 'CN=Verdict Expired Root',
    key: await generateKeyPair('P-256'),
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2025-01-01T00:00:00Z'),
  });
});

describe('verdict', () => {
  it('is accepted with no error finding, warnings or not', async () => {
    const r = await preflight({ certificateAuthorities: [{ certificate: valid.base64, isRootAuthority: true }] }, { at: AT });
    expect([r.ok, r.verdict, r.graphError]).toEqual([true, 'accepted', null]);
    expect(summaryLine(r)).toMatch(/the server would accept this body \(200 OK\)$/);
  });

  it('is rejected when a 400 is predicted, and the summary quotes Graph and names the basis and its source', async () => {
    const r = await preflight({ certificateAuthority: [] }, { at: AT });
    expect(r.verdict).toBe('rejected');
    expect(r.graphError).toMatchObject({ status: 400, basis: 'observed' });
    expect(r.graphError!.citation).toMatch(/msgraph-sdk-powershell#3230/);
    expect(summaryLine(r)).toMatch(
      /the server would answer 400 Request_BadRequest: Invalid property 'certificateAuthority'\. \(predicted from an observed response: on directory objects \(msgraph-sdk-powershell#3230\)/,
    );
    const documented = await preflight({ certificateAuthorities: [{ certificate: 'Binary', isRootAuthority: true }] }, { at: AT });
    expect(documented.graphError?.basis).toBe('documented');
    expect(summaryLine(documented)).toMatch(/\(documented: the update and create pages\)$/);
    const enFrancais = await preflight(
      { certificateAuthorities: [{ certificate: 'Binary', isRootAuthority: true }] },
      { at: AT, lang: 'fr' },
    );
    expect(enFrancais.graphError?.citation).toBe('les pages de mise à jour et de création');
    expect(summaryLine(enFrancais, { lang: 'fr' })).toMatch(
      / ; le serveur répondrait 400 .*\(documenté : les pages de mise à jour et de création\)$/,
    );
  });

  it('is unknown for errors whose server answer is not documented, and says which and on what they rest', async () => {
    const { report, cas } = await runPreflight(
      { certificateAuthorities: [{ certificate: expired.base64, isRootAuthority: true }] },
      { at: AT },
    );
    expect([report.ok, report.verdict, report.graphError]).toEqual([false, 'unknown', null]);
    const line = summaryLine(report);
    expect(line).toMatch(/^✗ 1 error/);
    expect(line).toContain("the server's answer is not known: the error (certificate.expired) rests on");
    expect(line).not.toMatch(/would accept/);
    expect(formatText(report, cas).trimEnd().endsWith(line)).toBe(true);
    expect(summaryLine(report, { lang: 'fr' })).toContain('la réponse du serveur n’est pas connue');
  });

  it('keeps ok as "no error finding": a warning-only body is ok and accepted, an unknown one is not ok', async () => {
    const warned = await preflight(
      { '@odata.context': 'x', certificateAuthorities: [{ certificate: valid.base64, isRootAuthority: true }] },
      { at: AT },
    );
    expect(warned.findings.some((f) => f.severity === 'warning')).toBe(true);
    expect([warned.ok, warned.verdict]).toEqual([true, 'accepted']);
  });
});

describe('read-only members sent back by an SDK', () => {
  it('warns about unchanged ones against the current resource, predicts the 400 for a changed one', async () => {
    const current = {
      id: 'c0ffee00-0000-4000-8000-000000000001',
      deletedDateTime: null,
      displayName: 'Door cameras',
      tlsClientAuthParameter: 'tls_client_auth_subject_dn',
      certificateAuthorities: [{ certificate: valid.base64, isRootAuthority: true }],
    };
    const resent = { ...current, displayName: 'Renamed' };
    const same = await preflight(resent, { at: AT, current });
    expect(same.findings.filter((f) => f.rule.startsWith('body.read-only')).map((f) => [f.rule, f.path, f.severity])).toEqual([
      ['body.read-only-unchanged', '/id', 'warning'],
      ['body.read-only-unchanged', '/deletedDateTime', 'warning'],
      ['body.read-only-unchanged', '/tlsClientAuthParameter', 'warning'],
    ]);
    expect(same.findings[0]!.message).toContain("Property 'id' is read-only and cannot be set.");
    expect(same.verdict).toBe('accepted');
    // The summary says what the acceptance rests on, in both languages.
    expect(summaryLine(same)).toMatch(
      /would accept this body \(200 OK\) if it ignores the unchanged read-only id, deletedDateTime, tlsClientAuthParameter, as Graph's guidelines say; other directory resources have answered 400/,
    );
    expect(summaryLine(same, { lang: 'fr' })).toMatch(
      /accepterait ce corps \(200 OK\) s’il ignore id, deletedDateTime, tlsClientAuthParameter, en lecture seule/,
    );
    expect(summaryLine(await preflight({ displayName: 'Renamed' }, { at: AT, current }))).toMatch(/would accept this body \(200 OK\)$/);
    const changed = await preflight({ ...resent, tlsClientAuthParameter: 'tls_client_auth_san_dns' }, { at: AT, current });
    expect(changed.graphError?.body.error.message).toBe("Property 'tlsClientAuthParameter' is read-only and cannot be set.");
    const blind = await preflight(resent, { at: AT });
    expect(blind.findings.find((f) => f.path === '/id')?.message).toMatch(/without the current resource/);
    expect(blind.verdict).toBe('rejected');
  });
});
