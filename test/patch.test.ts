import { describe, it, expect, beforeAll } from 'vitest';
import fc from 'fast-check';
import { createHash } from 'node:crypto';
import { spawnSync } from 'node:child_process';
import { bash, itWith } from './support/prerequisites.js';
import { buildCertificate, buildHierarchy, generateKeyPair, type BuiltCertificate } from '../src/testing/builder.js';
import { buildPatchRequest, type PatchRequest, type PatchResult } from '../src/diff/request.js';
import { formatCurlCommand, formatHttpRequest } from '../src/diff/http.js';
import { parseThumbprint } from '../src/diff/operations.js';

const AT = '2026-06-01T00:00:00Z';
const ID = 'eec5ba11-2fc0-4113-83a2-ed986ed13cdb';
const notBefore = new Date('2025-01-01T00:00:00Z');
const notAfter = new Date('2040-01-01T00:00:00Z');
let root: BuiltCertificate;
let inter: BuiltCertificate;
let newRoot: BuiltCertificate;
let twin: BuiltCertificate;
let current: Record<string, unknown>;

const sha = (alg: 'sha1' | 'sha256', c: BuiltCertificate) => createHash(alg).update(c.der).digest('hex');

beforeAll(async () => {
  [root, inter] = (await buildHierarchy({ depth: 2, namePrefix: 'Patch', notBefore, notAfter })) as [BuiltCertificate, BuiltCertificate];
  newRoot = await buildCertificate({
    subject: 'CN=Patch New Root, O=Patch, ST=WA, C=US',
    key: await generateKeyPair('P-256'),
    notBefore,
    notAfter,
  });
  // Same subject as newRoot, another key: a renewed root.
  twin = await buildCertificate({
    subject: 'CN=Patch New Root, O=Patch, ST=WA, C=US',
    key: await generateKeyPair('P-256'),
    notBefore,
    notAfter,
  });
  current = {
    '@odata.context': 'https://graph.microsoft.com/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations/$entity',
    id: ID,
    deletedDateTime: null,
    displayName: 'Cams',
    tlsClientAuthParameter: 'tls_client_auth_subject_dn',
    certificateAuthorities: [
      {
        isRootAuthority: true,
        certificateRevocationListUrl: 'http://pki.example/root.crl',
        deltaCertificateRevocationListUrl: null,
        certificate: root.base64,
        issuer: 'CN=Patch Root CA, O=Patch, C=US',
        issuerSki: 'X',
      },
      {
        isRootAuthority: false,
        certificateRevocationListUrl: null,
        deltaCertificateRevocationListUrl: null,
        certificate: inter.base64,
        issuer: 'CN=Patch Root CA, O=Patch, C=US',
        issuerSki: 'Y',
      },
    ],
  };
});

function requestOf(r: PatchResult): PatchRequest {
  if (!r.ok) throw new Error(r.refusal.reasons.map((x) => x.message).join('\n'));
  if (!r.request) throw new Error('no request');
  return r.request;
}
const kinds = (r: PatchResult) => (r.ok ? [] : r.refusal.reasons.map((x) => x.kind));
const certificatesOf = (req: PatchRequest) => (req.body.certificateAuthorities as { certificate: string }[]).map((e) => e.certificate);

describe('buildPatchRequest', () => {
  it('sends the whole list with writable members only, current order first, additions last', async () => {
    const req = requestOf(
      await buildPatchRequest(
        current,
        [{ op: 'add', certificate: newRoot.pem, certificateRevocationListUrl: 'http://pki.example/new.crl' }],
        { at: AT },
      ),
    );
    expect(req).toEqual({
      method: 'PATCH',
      url: `https://graph.microsoft.com/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations/${ID}`,
      headers: { 'Content-Type': 'application/json' },
      body: {
        certificateAuthorities: [
          {
            certificate: root.base64,
            isRootAuthority: true,
            certificateRevocationListUrl: 'http://pki.example/root.crl',
            deltaCertificateRevocationListUrl: null,
          },
          {
            certificate: inter.base64,
            isRootAuthority: false,
            certificateRevocationListUrl: null,
            deltaCertificateRevocationListUrl: null,
          },
          {
            certificate: newRoot.base64,
            isRootAuthority: true,
            certificateRevocationListUrl: 'http://pki.example/new.crl',
            deltaCertificateRevocationListUrl: null,
          },
        ],
      },
    });
  });

  it('removes by SHA-256 or SHA-1 in any case with or without colons, or by the exact subject in either style', async () => {
    const withNew = {
      ...current,
      certificateAuthorities: [...(current.certificateAuthorities as unknown[]), { certificate: newRoot.base64, isRootAuthority: true }],
    };
    const forms = [
      sha('sha256', newRoot),
      sha('sha256', newRoot).toUpperCase().match(/../g)!.join(':'),
      sha('sha1', newRoot).toUpperCase(),
      sha('sha1', newRoot).match(/../g)!.join(' '),
      'CN=Patch New Root,O=Patch,ST=WA,C=US',
      'cn=patch new root, o=PATCH, s=WA, c=us',
    ];
    for (const ca of forms) {
      const req = requestOf(await buildPatchRequest(withNew, [{ op: 'remove', ca }], { at: AT, allowRemoval: true }));
      expect(certificatesOf(req)).toEqual([root.base64, inter.base64]);
    }
    expect(parseThumbprint('ab:CD')).toBeNull();
  });

  it('allows removing exactly the CAs whose SHA-256 thumbprints it is given, and refuses any other removal', async () => {
    const none = { certificateAuthorities: [] };
    const both = await buildPatchRequest(current, none, { at: AT, allowRemoval: [sha('sha256', root), sha('sha256', inter)] });
    expect(requestOf(both).body.certificateAuthorities).toEqual([]);
    const colons = sha('sha256', root).toUpperCase().match(/../g)!.join(':');
    const one = await buildPatchRequest(current, none, { at: AT, allowRemoval: [colons] });
    expect(kinds(one)).toEqual(['removal']);
    const removed = !one.ok && one.refusal.reasons[0]!.kind === 'removal' ? one.refusal.reasons[0]!.removed : [];
    expect(removed.map((e) => e.thumbprint)).toEqual([sha('sha256', inter)]); // only the one not allowed is named
    // A SHA-1 thumbprint or anything else does not count as naming a CA here.
    expect(kinds(await buildPatchRequest(current, none, { at: AT, allowRemoval: [sha('sha1', root), sha('sha1', inter)] }))).toEqual([
      'removal',
    ]);
    expect(kinds(await buildPatchRequest(current, none, { at: AT, allowRemoval: [] }))).toEqual(['removal']);
  });

  it('treats an operation that matches nothing, an ambiguous subject or a non-certificate as trouble', async () => {
    const withTwins = {
      ...current,
      certificateAuthorities: [
        { certificate: newRoot.base64, isRootAuthority: true },
        { certificate: twin.base64, isRootAuthority: true },
      ],
    };
    const ambiguous = await buildPatchRequest(withTwins, [{ op: 'remove', ca: 'CN=Patch New Root, O=Patch, S=WA, C=US' }], {
      at: AT,
      allowRemoval: true,
    });
    expect(kinds(ambiguous)).toEqual(['operation']);
    expect(!ambiguous.ok && ambiguous.refusal.reasons[0]!.message).toMatch(/matches 2 CAs .*give the SHA-256 thumbprint/);
    const nothing = await buildPatchRequest(current, [{ op: 'remove', ca: sha('sha256', newRoot) }], { at: AT });
    expect(!nothing.ok && nothing.refusal.reasons[0]!.message).toMatch(/matches none of the 2 CAs in the list: CN=Patch Root CA/);
    expect(kinds(await buildPatchRequest(current, [{ op: 'remove', ca: 'not a name' }]))).toEqual(['operation']);
    expect(kinds(await buildPatchRequest(current, [{ op: 'add', certificate: 'hello' }]))).toEqual(['operation']);
    expect(kinds(await buildPatchRequest(current, [{ op: 'shout' }]))).toEqual(['operation']);
  });

  it('updates only the given members when the added CA is already listed, and says so', async () => {
    const r = await buildPatchRequest(
      current,
      [{ op: 'add', certificate: inter.base64, certificateRevocationListUrl: 'http://pki.example/inter.crl' }],
      { at: AT },
    );
    const req = requestOf(r);
    expect((req.body.certificateAuthorities as Record<string, unknown>[])[1]).toEqual({
      certificate: inter.base64,
      isRootAuthority: false,
      certificateRevocationListUrl: 'http://pki.example/inter.crl',
      deltaCertificateRevocationListUrl: null,
    });
    expect(r.ok && r.notes[0]).toMatch(/already listed; only certificateRevocationListUrl is updated/);
    expect(r.ok && r.changes.changed).toHaveLength(1);
  });

  it('carries displayName only when it changes, and nothing at all when nothing changes', async () => {
    expect(requestOf(await buildPatchRequest(current, { displayName: 'New' }, { at: AT })).body).toEqual({ displayName: 'New' });
    expect(requestOf(await buildPatchRequest(current, [{ op: 'rename', displayName: null }], { at: AT })).body).toEqual({
      displayName: null,
    });
    const same = await buildPatchRequest(current, { ...current, displayName: 'Cams' }, { at: AT });
    expect(same).toEqual({
      ok: true,
      request: null,
      changes: expect.objectContaining({ displayName: null, added: [], removed: [], changed: [] }),
      notes: [],
    });
  });

  it('refuses a body with error findings, and unknown members rather than dropping them', async () => {
    const flagged = await buildPatchRequest(current, [{ op: 'add', certificate: newRoot.der, isRootAuthority: false }], { at: AT });
    expect(kinds(flagged)).toEqual(['findings']);
    expect(!flagged.ok && flagged.refusal.report?.findings.map((f) => `${f.rule} ${f.path}`)).toContain(
      'flag.self-signed-not-root /certificateAuthorities/2/isRootAuthority',
    );
    const typo = await buildPatchRequest(current, { certificateAuthority: [] }, { at: AT });
    expect(kinds(typo)).toEqual(['findings']);
    expect(!typo.ok && typo.refusal.report?.findings.map((f) => f.rule)).toContain('body.unknown-property');
    // Echoes the current resource carries with the same value are not "unknown": a GET response copy is fine.
    const page = {
      ...current,
      certificateAuthorities: (current.certificateAuthorities as Record<string, unknown>[]).map((e) => ({
        ...e,
        issuerSubjectkeyIdentifier: 'SKI',
      })),
    };
    expect((await buildPatchRequest(page, { ...page, displayName: 'x' }, { at: AT })).ok).toBe(true);
  });

  it('reports every removal and both reasons at once', async () => {
    const r = await buildPatchRequest(
      current,
      { certificateAuthorities: [{ certificate: inter.base64, isRootAuthority: false }] },
      { at: AT },
    );
    expect(kinds(r)).toEqual(['removal', 'findings']);
    if (r.ok) return;
    expect(r.refusal.reasons[0]).toMatchObject({
      kind: 'removal',
      removed: [{ thumbprint: sha('sha256', root), subject: 'CN=Patch Root CA,O=Patch,C=US', index: 0 }],
    });
    expect(r.refusal.reasons[0]!.message).toContain(`CN=Patch Root CA,O=Patch,C=US (SHA-256 ${sha('sha256', root)})`);
    expect(r.refusal.report?.findings.some((f) => f.rule === 'chain.issuer-missing')).toBe(true);
  });

  it('takes the id from current or options, percent-encoded, and the base URL of the cloud', async () => {
    const { id: _, ...noId } = current;
    expect(kinds(await buildPatchRequest(noId, { displayName: 'x' }))).toEqual(['input']);
    expect(requestOf(await buildPatchRequest(noId, { displayName: 'x' }, { id: 'a b/c' })).url).toMatch(
      /mutualTlsOauthConfigurations\/a%20b%2Fc$/,
    );
    expect(kinds(await buildPatchRequest(current, { displayName: 'x' }, { id: 'other' }))).toEqual(['input']);
    const envelope = await buildPatchRequest({ error: { code: 'Request_ResourceNotFound', message: 'gone' } }, { displayName: 'x' });
    expect(!envelope.ok && envelope.refusal.reasons[0]!.message).toBe(
      'current is a Graph error response (Request_ResourceNotFound: gone), not a mutualTlsOauthConfiguration',
    );
    const bases = {
      global: 'https://graph.microsoft.com',
      usgov: 'https://graph.microsoft.us',
      dod: 'https://dod-graph.microsoft.us',
      china: 'https://microsoftgraph.chinacloudapi.cn',
    } as const;
    for (const [cloud, base] of Object.entries(bases)) {
      const options = { cloud: cloud as keyof typeof bases, allowUndocumentedCloud: true };
      expect(requestOf(await buildPatchRequest(current, { displayName: 'x' }, options)).url).toBe(
        `${base}/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations/${ID}`,
      );
    }
  });

  it('refuses clouds where Microsoft does not document the API as available, quoting the source, unless allowed', async () => {
    expect(requestOf(await buildPatchRequest(current, { displayName: 'x' }, { cloud: 'global' })).url).toMatch(
      /^https:\/\/graph\.microsoft\.com\//,
    );
    for (const cloud of ['usgov', 'dod', 'china'] as const) {
      const refused = await buildPatchRequest(current, { displayName: 'x' }, { cloud });
      expect(kinds(refused)).toEqual(['cloud']);
      const reason = !refused.ok ? refused.refusal.reasons[0]! : null;
      expect(reason).toMatchObject({
        kind: 'cloud',
        cloud,
        source: 'https://learn.microsoft.com/graph/api/mutualtlsoauthconfiguration-update?view=graph-rest-beta',
      });
      expect(reason!.message).toContain(
        '"Global service: available, US Government L4: not available, US Government L5 (DOD): not available, China operated by 21Vianet: not available"',
      );
      expect(reason!.message).toMatch(/allowUndocumentedCloud: true/);
      const allowed = await buildPatchRequest(current, { displayName: 'x' }, { cloud, allowUndocumentedCloud: true });
      expect(allowed.ok && allowed.notes).toEqual([expect.stringMatching(/where Microsoft does not document this API as available/)]);
    }
    // Refused with the other reasons too: every reason is said at once.
    const both = await buildPatchRequest(current, { certificateAuthorities: [] }, { cloud: 'dod' });
    expect(kinds(both)).toEqual(['removal', 'cloud']);
  });

  it('accepts a collection response as current, and operations on top of a desired body', async () => {
    const collection = { value: [current, { ...current, id: 'another' }] };
    expect(kinds(await buildPatchRequest(collection, { displayName: 'x' }))).toEqual(['input']);
    expect(requestOf(await buildPatchRequest(collection, { displayName: 'x' }, { id: ID })).url).toContain(ID);
    const req = requestOf(
      await buildPatchRequest(current, { displayName: 'x' }, { at: AT, operations: [{ op: 'add', certificate: newRoot.base64 }] }),
    );
    expect(req.body.displayName).toBe('x');
    expect(certificatesOf(req)).toEqual([root.base64, inter.base64, newRoot.base64]);
  });

  it('never throws, whatever it is given (property)', async () => {
    await fc.assert(
      fc.asyncProperty(fc.anything(), fc.oneof(fc.anything(), fc.array(fc.anything(), { maxLength: 3 })), async (cur, desired) => {
        const r = await buildPatchRequest(cur, desired, { at: AT });
        expect(typeof r.ok).toBe('boolean');
        if (!r.ok) expect(r.refusal.reasons.length).toBeGreaterThan(0);
      }),
      { numRuns: 150 },
    );
  });
});

describe('request as text', () => {
  const request: PatchRequest = {
    method: 'PATCH',
    url: "https://graph.microsoft.com/beta/x/it's",
    headers: { 'Content-Type': 'application/json' },
    body: { displayName: 'O\'Brien $(touch /tmp/pwned) `id` "quoted"\nCA_PREFLIGHT_BODY\n\\' },
  };

  it('http: the permission as a comment, the request line, headers, the JSON body', () => {
    const text = formatHttpRequest(request);
    expect(text.split('\n').slice(0, 5)).toEqual([
      '# Needs MutualTlsOauthConfiguration.ReadWrite.All (delegated work or school account, or application).',
      "PATCH https://graph.microsoft.com/beta/x/it's",
      'Authorization: Bearer {token}',
      'Content-Type: application/json',
      '',
    ]);
    expect(JSON.parse(text.split('\n').slice(5).join('\n'))).toEqual(request.body);
  });

  itWith([bash])('curl: the shell passes URL, headers and body through untouched', () => {
    const script = `curl() { for a in "$@"; do printf '%s\\n' "ARG:$a"; done; printf 'BODY:'; cat; }\nTOKEN=tok\n${formatCurlCommand(request)}`;
    const run = spawnSync('bash', ['-c', script], { encoding: 'utf8' });
    expect(run.status).toBe(0);
    const out = run.stdout;
    expect(out).toContain("ARG:https://graph.microsoft.com/beta/x/it's\n");
    expect(out).toContain('ARG:Authorization: Bearer tok\n');
    expect(out).toContain('ARG:--data-binary\nARG:@-\n');
    expect(JSON.parse(out.slice(out.indexOf('BODY:') + 5))).toEqual(request.body);
    expect(formatCurlCommand(request).split('\n')[0]).toMatch(/^# Needs MutualTlsOauthConfiguration\.ReadWrite\.All/);
  });
});
