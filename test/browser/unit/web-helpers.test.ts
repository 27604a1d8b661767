/**
 * The page's own logic, in Chromium: caret positions from line:column, certificate files → entries appended to
 * the body, and the request panel text.
 */
import { describe, expect, it } from 'vitest';
import fc from 'fast-check';
import * as pkijs from 'pkijs';
import { preflight } from '../../../src/index.js';
import { buildHierarchy } from '../../../src/testing/builder.js';
import { buildCrl } from '../../../src/testing/crl-builder.js';
import { offsetOf, selectionAt } from '../../../web/editor.js';
import { appendCertificates, readCertificateFile } from '../../../web/certificates.js';
import { currentNotJson, plainRequestText } from '../../../web/request.js';
import { countBySeverity, graphResponseText } from '../../../web/render.js';
import { LABELS } from '../../../web/i18n.js';
import { unchangedReadOnlyMembers } from '../../../src/report/text.js';

/** 1-based line:column of an offset, counted the way the checker reports positions. */
function positionOf(text: string, offset: number): [number, number] {
  const before = text.slice(0, offset);
  const line = before.split('\n').length;
  return [line, offset - (before.lastIndexOf('\n') + 1) + 1];
}

const valueAt = (root: unknown, pointer: string): unknown =>
  pointer
    .split('/')
    .slice(1)
    .reduce<unknown>((v, key) => (v as Record<string, unknown> | undefined)?.[key.replace(/~1/g, '/').replace(/~0/g, '~')], root);

describe('caret positions', () => {
  it('offsetOf inverts line:column for every offset of any text', () => {
    fc.assert(
      fc.property(
        fc
          .string({ unit: fc.constantFrom('a', 'é', '\n', ' ', '"', '😀') })
          .chain((t) => fc.tuple(fc.constant(t), fc.nat({ max: t.length }))),
        ([text, offset]) => {
          const [line, column] = positionOf(text, offset);
          expect(offsetOf(text, line, column)).toBe(offset);
        },
      ),
    );
  });

  it('clamps positions past the end of a line or of the text', () => {
    expect(offsetOf('ab\ncd', 1, 99)).toBe(2);
    expect(offsetOf('ab\ncd', 9, 1)).toBe(5);
  });

  it('selects exactly the string each finding points at', async () => {
    const text = JSON.stringify(
      {
        certificateAuthorities: [
          {
            isRootAuthority: true,
            certificateRevocationListUrl: 'ftp://example.test/root.crl',
            certificate: 'Binary',
            issuerSubjectkeyIdentifier: 'SKI',
          },
        ],
      },
      null,
      2,
    );
    const value = JSON.parse(text) as unknown;
    const report = await preflight(text, { at: '2026-06-01T00:00:00Z' });
    const strings = report.findings.filter((f) => typeof valueAt(value, f.path) === 'string');
    expect(strings.map((f) => f.rule)).toEqual(expect.arrayContaining(['certificate.not-x509', 'entry.unknown-property']));
    for (const f of strings) {
      const [start, end] = selectionAt(text, offsetOf(text, f.line!, f.column!));
      expect(text.slice(start, end), `${f.rule} at ${f.line}:${f.column}`).toBe(JSON.stringify(valueAt(value, f.path)));
    }
  });
});

describe('certificate files', () => {
  it('reads every certificate of a PEM chain, and single PEM and DER files', async () => {
    const [root, intermediate] = await buildHierarchy({ depth: 2 });
    const enc = new TextEncoder();
    expect(
      (await readCertificateFile('root.pem', enc.encode(root!.pem))).certificates.map((c) => c.certificateAuthority.certificate),
    ).toEqual([root!.base64]);
    expect((await readCertificateFile('i.cer', intermediate!.der)).certificates.map((c) => c.certificateAuthority.certificate)).toEqual([
      intermediate!.base64,
    ]);
    const bundle = await readCertificateFile('chain.pem', enc.encode(`${intermediate!.pem}${root!.pem}`));
    expect(bundle.error).toBeUndefined();
    expect(bundle.certificates.map((c) => c.certificateAuthority.isRootAuthority)).toEqual([false, true]);
  });

  it('reads a PKCS#7 bundle (.p7b), loading pkijs only then', async () => {
    const [root, intermediate] = await buildHierarchy({ depth: 2 });
    const signed = new pkijs.SignedData({
      version: 1,
      encapContentInfo: new pkijs.EncapsulatedContentInfo({ eContentType: '1.2.840.113549.1.7.1' }),
      certificates: [intermediate!.der, root!.der].map((der) => pkijs.Certificate.fromBER(der)),
    });
    const p7b = new Uint8Array(
      new pkijs.ContentInfo({ contentType: pkijs.ContentInfo.SIGNED_DATA, content: signed.toSchema(true) }).toSchema().toBER(),
    );
    const outcome = await readCertificateFile('chain.p7b', p7b);
    expect(outcome.error).toBeUndefined();
    expect(outcome.certificates.map((c) => c.certificateAuthority.certificate)).toEqual([intermediate!.base64, root!.base64]);
  });

  it('names the file and the problem when a file holds no certificate', async () => {
    const outcome = await readCertificateFile('notes.txt', new TextEncoder().encode('hello, not a certificate'));
    expect(outcome.certificates).toEqual([]);
    expect(outcome.error).toMatch(/^notes\.txt is neither PEM, DER nor base64/);
    const french = await readCertificateFile('notes.txt', new TextEncoder().encode('hello, not a certificate'), 'fr');
    expect(french.error).toMatch(/^notes\.txt n'est ni du PEM, ni du DER, ni du base64/);
  });

  it('keeps a CRL (DER, PEM, or any file named .crl) for the CRL checks instead of calling it an error', async () => {
    const [root] = await buildHierarchy({ depth: 1, namePrefix: 'CRL File' });
    const crl = await buildCrl({
      issuer: root!,
      thisUpdate: new Date('2026-01-01T00:00:00Z'),
      nextUpdate: new Date('2026-01-08T00:00:00Z'),
    });
    for (const [name, bytes] of [
      ['root.crl', crl.der],
      ['root.pem', new TextEncoder().encode(crl.pem)],
    ] as const) {
      const outcome = await readCertificateFile(name, bytes);
      expect([outcome.error, outcome.certificates, outcome.crl]).toEqual([undefined, [], { source: name, bytes }]);
    }
    // A damaged .crl is kept too: the CRL checks say what is wrong with it. The same bytes under another name are an error.
    const damaged = new Uint8Array([0x30, 0x03, 0x02, 0x01]);
    expect((await readCertificateFile('broken.crl', damaged)).crl).toEqual({ source: 'broken.crl', bytes: damaged });
    const other = await readCertificateFile('broken.bin', damaged);
    expect([other.crl, typeof other.error]).toEqual([undefined, 'string']);
  });

  it('appends entries to an empty or existing body, once each, and the result checks clean', async () => {
    const [root, intermediate] = await buildHierarchy({ depth: 2 });
    const rootFile = await readCertificateFile('root.pem', new TextEncoder().encode(root!.pem));
    const intermediateFile = await readCertificateFile('intermediate.cer', intermediate!.der);
    const first = appendCertificates('', rootFile.certificates);
    expect(first.ok).toBe(true);
    if (!first.ok) return;
    const second = appendCertificates(first.text, [...intermediateFile.certificates, ...rootFile.certificates]);
    expect(second.ok).toBe(true);
    if (!second.ok) return;
    expect(second.added).toHaveLength(1);
    expect(second.alreadyListed.map((f) => f.thumbprints.sha256)).toEqual([rootFile.certificates[0]!.thumbprints.sha256]);
    const body = JSON.parse(second.text) as { certificateAuthorities: { certificate: string; isRootAuthority: boolean }[] };
    expect(body.certificateAuthorities.map((e) => [e.certificate, e.isRootAuthority])).toEqual([
      [root!.base64, true],
      [intermediate!.base64, false],
    ]);
    const report = await preflight(second.text);
    expect(report.ok).toBe(true);
    expect(report.graphError).toBeNull();
  });

  it('refuses to rewrite a body it cannot read', async () => {
    const [root] = await buildHierarchy({ depth: 1 });
    const facts = (await readCertificateFile('r.pem', new TextEncoder().encode(root!.pem))).certificates;
    expect(appendCertificates('{ "certificateAuthorities": [', facts)).toEqual({ ok: false, problem: 'bodyNotJson' });
    expect(appendCertificates('[]', facts)).toEqual({ ok: false, problem: 'bodyNotObject' });
    expect(appendCertificates('{"certificateAuthorities": {}}', facts)).toEqual({ ok: false, problem: 'listNotArray' });
    const kept = appendCertificates('{"displayName": "Cameras"}', facts);
    expect(kept.ok && JSON.parse(kept.text)).toMatchObject({
      displayName: 'Cameras',
      certificateAuthorities: [{ certificate: root!.base64 }],
    });
  });
});

describe('request and response text', () => {
  it('puts the checked body under the PATCH line, with the id when one is known', () => {
    const body = '{ "displayName": "X" }';
    expect(plainRequestText(body, '', 'global')).toBe(
      `PATCH https://graph.microsoft.com/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations/{id}\nContent-Type: application/json\n\n${body}`,
    );
    const withId = plainRequestText(body, '{"id": "eec5ba11-2fc0-4113-83a2-ed986ed13cdb"}', 'usgov');
    expect(withId.split('\n')[0]).toBe(
      'PATCH https://graph.microsoft.us/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations/eec5ba11-2fc0-4113-83a2-ed986ed13cdb',
    );
    // The id of the one configuration of a collection, or the one given.
    const inCollection = plainRequestText(body, '{"value": [{"id": "abc"}]}', 'global');
    expect(inCollection.split('\n')[0]).toMatch(/\/mutualTlsOauthConfigurations\/abc$/);
    expect(plainRequestText(body, '', 'global', 'given').split('\n')[0]).toMatch(/\/mutualTlsOauthConfigurations\/given$/);
  });

  it('shows 200 OK, the 400 envelope, or that the answer is not known', async () => {
    expect(graphResponseText(await preflight('{"displayName": "ok"}'))).toBe('HTTP/1.1 200 OK');
    // Errors whose server answer is not documented (verdict unknown) are never shown as "200 OK".
    const accepted = await preflight('{"displayName": "ok"}', { at: '2026-06-01T00:00:00Z' });
    expect(graphResponseText({ ...accepted, ok: false, verdict: 'unknown' }, 'Not known: …')).toBe('Not known: …');
    const refused = await preflight('{"id": "x"}', { at: '2026-06-01T00:00:00Z', clientRequestId: '00000000-0000-4000-8000-000000000000' });
    const [head, ...rest] = graphResponseText(refused).split('\n\n');
    expect(head).toBe('HTTP/1.1 400 Bad Request\nContent-Type: application/json');
    expect(JSON.parse(rest.join('\n\n'))).toEqual(refused.graphError!.body);
    expect(refused.graphError!.body.error.message).toBe("Property 'id' is read-only and cannot be set.");
  });

  it('says in the summary, in both languages, when an accepted body rests on Graph ignoring unchanged read-only members', async () => {
    const current = { id: 'abc', displayName: 'A', tlsClientAuthParameter: 'tls_client_auth_subject_dn', certificateAuthorities: [] };
    const resent = await preflight({ ...current, displayName: 'B' }, { at: '2026-06-01T00:00:00Z', current });
    expect(resent.verdict).toBe('accepted');
    const unchanged = unchangedReadOnlyMembers(resent);
    expect(unchanged).toEqual(['id', 'tlsClientAuthParameter']);
    const counts = countBySeverity(resent.findings);
    expect(LABELS.en.summary(counts, resent.verdict, unchanged)).toMatch(
      /Graph would answer 200 OK if it ignores the unchanged read-only id, tlsClientAuthParameter, as its guidelines say; other directory resources have answered 400\.$/,
    );
    expect(LABELS.fr.summary(counts, resent.verdict, unchanged)).toMatch(
      /Graph répondrait 200 OK s’il ignore id, tlsClientAuthParameter, en lecture seule/,
    );
    const plain = await preflight({ displayName: 'B' }, { at: '2026-06-01T00:00:00Z', current });
    expect(LABELS.en.summary(countBySeverity(plain.findings), plain.verdict, unchangedReadOnlyMembers(plain))).toMatch(
      /Graph would answer 200 OK\.$/,
    );
  });

  it('says where a pasted current resource stops being JSON, in the page language, never in the engine’s words', () => {
    const text = '{\n  "id": "x",\n  "displayName": \n}';
    expect(currentNotJson(text, LABELS.en)).toBe('The current resource is not JSON (at line 4, column 1): fix it or clear it.');
    expect(currentNotJson(text, LABELS.fr)).toBe('La ressource actuelle n’est pas du JSON (ligne 4, colonne 1) : corrigez-la ou videz-la.');
    expect(currentNotJson('{"id": "x"}', LABELS.en)).toBeNull();
  });
});
