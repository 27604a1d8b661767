import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { buildHierarchy, type BuiltCertificate } from '../src/testing/builder.js';
import { compareConfigurations, diffConfigurations, isUnchanged } from '../src/diff/diff.js';
import { formatDiffText } from '../src/diff/text.js';

let root: BuiltCertificate;
let inter: BuiltCertificate;
let newRoot: BuiltCertificate;
const sha256 = (c: BuiltCertificate) => createHash('sha256').update(c.der).digest('hex');
const notBefore = new Date('2025-01-01T00:00:00Z');
const notAfter = new Date('2040-01-01T00:00:00Z');

beforeAll(async () => {
  [root, inter] = (await buildHierarchy({ depth: 2, namePrefix: 'Diff', notBefore, notAfter })) as [BuiltCertificate, BuiltCertificate];
  [newRoot] = (await buildHierarchy({ depth: 1, namePrefix: 'Diff New', notBefore, notAfter })) as [BuiltCertificate];
});

function getResponse(extra: Record<string, unknown>[] = []): Record<string, unknown> {
  return {
    '@odata.context': 'https://graph.microsoft.com/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations/$entity',
    id: 'x',
    displayName: 'Cams',
    tlsClientAuthParameter: 'tls_client_auth_subject_dn',
    certificateAuthorities: [
      {
        isRootAuthority: true,
        certificateRevocationListUrl: 'http://pki.example/root.crl',
        deltaCertificateRevocationListUrl: null,
        certificate: root.base64,
        issuer: 'CN=Diff Root CA, O=Diff, C=US',
        issuerSki: 'AA',
      },
      {
        isRootAuthority: false,
        certificateRevocationListUrl: null,
        certificate: inter.base64,
        issuer: 'CN=Diff Root CA, O=Diff, C=US',
        issuerSki: 'BB',
      },
      ...extra,
    ],
  };
}

describe('diffConfigurations', () => {
  it('matches CAs by SHA-256 and reports added, removed, changed and unchanged in the contract shape', async () => {
    const desired = {
      displayName: 'Cameras',
      certificateAuthorities: [
        { certificate: newRoot.base64, isRootAuthority: true },
        {
          certificate: root.base64,
          isRootAuthority: true,
          certificateRevocationListUrl: null,
          deltaCertificateRevocationListUrl: 'http://pki.example/delta.crl',
        },
      ],
    };
    expect(await diffConfigurations(getResponse(), desired)).toEqual({
      displayName: { from: 'Cams', to: 'Cameras' },
      added: [{ thumbprint: sha256(newRoot), subject: 'CN=Diff New Root CA,O=Diff New,C=US', isRootAuthority: true, index: 0 }],
      removed: [{ thumbprint: sha256(inter), subject: 'CN=Diff Intermediate CA 1,O=Diff,C=US', isRootAuthority: false, index: 1 }],
      changed: [
        {
          thumbprint: sha256(root),
          subject: 'CN=Diff Root CA,O=Diff,C=US',
          isRootAuthority: true,
          index: 0,
          changes: [
            { property: 'certificateRevocationListUrl', from: 'http://pki.example/root.crl', to: null },
            { property: 'deltaCertificateRevocationListUrl', from: null, to: 'http://pki.example/delta.crl' },
          ],
        },
      ],
      unchanged: [],
    });
  });

  it('ignores read-only echoes, order, the base64 alphabet, and treats absent and null CRL URLs alike', async () => {
    const current = getResponse();
    const base64url = inter.base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const desired = {
      ...current,
      id: 'other',
      '@odata.etag': 'W/"1"',
      certificateAuthorities: [
        {
          certificate: base64url,
          isRootAuthority: false,
          certificateRevocationListUrl: null,
          deltaCertificateRevocationListUrl: null,
          issuer: 'wrong',
          issuerSki: 'wrong',
        },
        { certificate: root.base64, isRootAuthority: true, certificateRevocationListUrl: 'http://pki.example/root.crl' },
      ],
    };
    const diff = await diffConfigurations(current, desired);
    expect(isUnchanged(diff)).toBe(true);
    expect(diff.unchanged.map((e) => e.index)).toEqual([0, 1]);
  });

  it('keeps what desired leaves out: no list means the list is unchanged, no displayName means the name is', async () => {
    const diff = await diffConfigurations(getResponse(), {});
    expect(isUnchanged(diff)).toBe(true);
    expect(diff.unchanged).toHaveLength(2);
    // An entry member left out stays as it is too.
    const partial = await diffConfigurations(getResponse(), {
      certificateAuthorities: [{ certificate: root.base64 }, { certificate: inter.base64, isRootAuthority: true }],
    });
    expect(partial.changed).toEqual([
      expect.objectContaining({ index: 1, changes: [{ property: 'isRootAuthority', from: false, to: true }] }),
    ]);
    expect(partial.displayName).toBeNull();
  });

  it('matches certificates that cannot be decoded only by their exact text, and says so', async () => {
    const page = (certs: string[]) => ({ certificateAuthorities: certs.map((certificate) => ({ certificate, isRootAuthority: true })) });
    const diff = await diffConfigurations(page(['joGrWL+Yqkik/CABWG0d1w....', 'Binary']), page(['Binary', 'koGrWL+Yqkik/CABWG0d1w....']));
    expect(diff.unchanged).toEqual([
      expect.objectContaining({
        index: 1,
        thumbprint: null,
        subject: null,
        note: expect.stringContaining('cannot be matched by thumbprint'),
      }),
    ]);
    expect(diff.removed).toEqual([expect.objectContaining({ index: 0, thumbprint: null, note: expect.stringContaining('not base64') })]);
    expect(diff.added).toEqual([expect.objectContaining({ index: 1, thumbprint: null })]);
  });

  it('refuses inputs that are not resources', async () => {
    await expect(diffConfigurations([], {})).rejects.toThrow(/current must be a JSON object/);
    await expect(diffConfigurations({}, { certificateAuthorities: {} })).rejects.toThrow(/desired.certificateAuthorities must be an array/);
    await expect(diffConfigurations('{', {})).rejects.toThrow(/current is not JSON/);
  });

  it('is empty against itself, mirrors when the sides swap, and never changes what desired leaves out (property)', async () => {
    const entries = () => [
      { certificate: root.base64, isRootAuthority: true },
      { certificate: inter.base64, isRootAuthority: false },
      { certificate: newRoot.base64, isRootAuthority: true },
    ];
    const side = fc
      .record({
        name: fc.constantFrom('a', 'b', null),
        pick: fc.subarray([0, 1, 2]),
        crl: fc.constantFrom(null, 'http://c.example/x.crl'),
      })
      .map(({ name, pick, crl }) => ({
        displayName: name,
        certificateAuthorities: pick.map((i) => ({ ...entries()[i]!, certificateRevocationListUrl: crl })),
      }));
    await fc.assert(
      fc.asyncProperty(side, side, async (a, b) => {
        expect(isUnchanged(await diffConfigurations(a, a))).toBe(true);
        const ab = await diffConfigurations(a, b);
        const ba = await diffConfigurations(b, a);
        expect(ab.added.map((e) => e.thumbprint).sort()).toEqual(ba.removed.map((e) => e.thumbprint).sort());
        expect(ab.changed.map((e) => e.thumbprint).sort()).toEqual(ba.changed.map((e) => e.thumbprint).sort());
        expect(ab.displayName?.from ?? null).toEqual(ba.displayName?.to ?? null);
        expect(ab.added.length + ab.changed.length + ab.unchanged.length).toBe(b.certificateAuthorities.length);
        // Absent members stay as they are: without the CRL member and the name, only the root flags can change.
        const sparse = { certificateAuthorities: b.certificateAuthorities.map(({ certificateRevocationListUrl: _, ...rest }) => rest) };
        const kept = await diffConfigurations(a, sparse);
        expect(kept.displayName).toBeNull();
        expect(kept.changed.flatMap((e) => e.changes.map((ch) => ch.property)).every((p) => p === 'isRootAuthority')).toBe(true);
      }),
      { numRuns: 40 },
    );
  });
});

describe('formatDiffText', () => {
  it('reads like a review: each CA with subject, validity and role, each changed member, a summary line', async () => {
    const c = await compareConfigurations(getResponse(), {
      displayName: 'Cameras',
      certificateAuthorities: [
        { certificate: root.base64, isRootAuthority: true },
        { certificate: newRoot.base64, isRootAuthority: true },
      ],
      certificateAuthority: [],
    });
    const text = formatDiffText(c, { currentName: 'get.json', desiredName: 'desired.json', at: new Date('2026-06-01T00:00:00Z') });
    expect(text).toContain('Changes from get.json to desired.json');
    expect(text).toContain('~ displayName  "Cams" → "Cameras"');
    expect(text).toContain('+ added    desired #1  CN=Diff New Root CA,O=Diff New,C=US');
    expect(text).toContain('root, valid 2025-01-01T00:00:00Z – 2040-01-01T00:00:00Z');
    expect(text).toContain('- removed  current #1  CN=Diff Intermediate CA 1,O=Diff,C=US');
    expect(text).toContain(`SHA-256 ${sha256(inter)}`);
    expect(text).toContain('unchanged (1):');
    expect(text).toContain('members the resource does not have (certificateAuthority)');
    expect(text.trimEnd().split('\n').at(-1)).toBe('≠ 1 added, 1 removed, 0 changed, 1 unchanged; displayName changes');
    expect(text).not.toContain('\x1b[');
    expect(formatDiffText(c, { color: true })).toContain('\x1b[32m');
  });

  it('marks expired CAs and undecodable entries', async () => {
    const c = await compareConfigurations(getResponse(), { certificateAuthorities: [{ certificate: 'Binary', isRootAuthority: true }] });
    const text = formatDiffText(c, { at: new Date('2041-01-01T00:00:00Z') });
    expect(text).toContain('— expired');
    expect(text).toContain('(certificate cannot be decoded)');
    expect(text).toContain('matched only by its exact certificate text');
  });
});
