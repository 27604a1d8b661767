/**
 * The pieces apply stands on: plan refuses exactly where patch refuses (the committed patch vectors), the hash of the
 * writable members is diff's notion of "no change" (a property over GET responses from the arbitraries), the token's
 * claims, Retry-After, and reading a collection page by page.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { readdirSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import fc from 'fast-check';
import { buildPatchRequest, diffConfigurations, isUnchanged } from '../src/index.js';
import { createPlan, getConfiguration, readPlan, readTokenPermission, writableHash } from '../src/apply/index.js';
import { backoffMs, retryAfterMs, DEFAULT_RETRY } from '../src/apply/graph-client.js';
import { resolveBaseUrl } from '../src/apply/endpoint.js';
import { createArbitraries, type CaPreflightArbitraries } from '../src/testing/arbitraries.js';

const VECTORS = join(import.meta.dirname, '..', 'vectors', 'update', 'patch');

describe('plan refuses exactly where patch refuses', () => {
  const files = readdirSync(VECTORS).filter((f) => f.endsWith('.json'));
  it.each(files)('%s', async (file) => {
    const v = JSON.parse(readFileSync(join(VECTORS, file), 'utf8'));
    const input = v.operations ?? v.desired;
    const patched = await buildPatchRequest(v.current, input, v.options ?? {});
    const planned = await createPlan(v.current, input, { ...(v.options ?? {}), now: () => 0 });
    expect(planned.ok).toBe(patched.ok);
    if (!patched.ok && !planned.ok) {
      const result = planned.patch.result;
      expect(result.ok === false && result.refusal.reasons.map((r) => r.kind)).toEqual(patched.refusal.reasons.map((r) => r.kind));
    }
    if (patched.ok && planned.ok) {
      expect(planned.plan?.request ?? null).toEqual(patched.request);
      if (planned.plan) expect((await readPlan(JSON.stringify(planned.plan))).ok).toBe(true);
    }
  });
});

describe('the hash of the writable members', () => {
  let arbs: CaPreflightArbitraries;
  beforeAll(async () => {
    arbs = await createArbitraries({ poolSize: 3, at: new Date('2026-06-01T00:00:00Z') });
  }, 60_000);

  it('is equal for two GET responses exactly when diff finds no change between them', async () => {
    const edit = fc.constantFrom('none', 'rename', 'reorder', 'flip-root', 'crl', 'drop', 'echoes', 'base64url');
    await fc.assert(
      fc.asyncProperty(arbs.currentResource, edit, async (a, how) => {
        const b = structuredClone(a) as Record<string, unknown>;
        const list = b.certificateAuthorities as Record<string, unknown>[];
        if (how === 'rename') b.displayName = `${String(b.displayName)} (2)`;
        if (how === 'reorder') list.reverse();
        if (how === 'flip-root' && list[0]) list[0].isRootAuthority = !list[0].isRootAuthority;
        if (how === 'crl' && list[0]) list[0].certificateRevocationListUrl = 'http://other.example/x.crl';
        if (how === 'drop') list.pop();
        if (how === 'echoes') for (const e of list) Object.assign(e, { issuer: 'CN=anything', issuerSki: 'FF' });
        if (how === 'base64url' && list[0])
          list[0].certificate = String(list[0].certificate).replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
        b['@odata.context'] = 'https://graph.microsoft.com/beta/$metadata#other';
        const same = (await writableHash(a)) === (await writableHash(b));
        expect(same).toBe(isUnchanged(await diffConfigurations(a, b)));
      }),
      { numRuns: 60 },
    );
  });

  it('is a SHA-256 of the documented canonical text', async () => {
    const r = { displayName: 'x', certificateAuthorities: [{ certificate: 'not base64!', isRootAuthority: true }] };
    const text =
      '{"displayName":"x","certificateAuthorities":[{"certificate":"text:not base64!","isRootAuthority":true,"certificateRevocationListUrl":null,"deltaCertificateRevocationListUrl":null}]}';
    const digest = new Uint8Array(await crypto.subtle.digest('SHA-256', new TextEncoder().encode(text)));
    expect(await writableHash(r)).toBe(`sha256:${Buffer.from(digest).toString('hex')}`);
    expect(await writableHash({ displayName: null })).not.toBe(await writableHash({ displayName: null, certificateAuthorities: [] }));
  });
});

describe('token claims', () => {
  const jwt = (claims: unknown) =>
    ['{"alg":"none"}', JSON.stringify(claims), 'sig'].map((p, i) => (i < 2 ? Buffer.from(p).toString('base64url') : p)).join('.');
  const now = Date.parse('2026-06-01T00:00:00Z');

  it('reads scp and roles, case-insensitively, and says nothing when the permission is there', () => {
    const p = readTokenPermission(
      jwt({ scp: 'User.Read mutualtlsoauthconfiguration.readwrite.all', aud: 'https://graph.microsoft.com', exp: now / 1000 + 60 }),
      now,
    );
    expect(p).toMatchObject({ readable: true, hasPermission: true, warnings: [] });
    expect(readTokenPermission(jwt({ roles: ['MutualTlsOauthConfiguration.ReadWrite.All'] }), now).hasPermission).toBe(true);
  });

  it('warns of a missing permission, an expired token and another audience', () => {
    const p = readTokenPermission(jwt({ scp: 'User.Read', aud: 'https://management.azure.com', exp: now / 1000 - 60 }), now);
    expect(p.hasPermission).toBe(false);
    expect(p.warnings).toHaveLength(3);
    expect(p.warnings[0]).toMatch(/does not carry MutualTlsOauthConfiguration\.ReadWrite\.All \(it has scp User\.Read\)/);
    expect(p.warnings[1]).toMatch(/expired at 2026-05-31T23:59:00\.000Z/);
    expect(p.warnings[2]).toMatch(/is for "https:\/\/management\.azure\.com", not Microsoft Graph/);
  });

  it('leaves an opaque token alone: unreadable is not an error', () => {
    for (const t of ['opaque', 'a.b.c', 'a..c', `x.${Buffer.from('[1]').toString('base64url')}.y`, 'x.%%%.y'])
      expect(readTokenPermission(t, now)).toMatchObject({ readable: false, hasPermission: null, warnings: [] });
  });
});

describe('waiting and where to send', () => {
  it('reads Retry-After as seconds or an HTTP date, and ignores what it cannot read', () => {
    const now = Date.parse('2026-06-01T00:00:00Z');
    expect(retryAfterMs('2', now)).toBe(2000);
    expect(retryAfterMs(' 0 ', now)).toBe(0);
    expect(retryAfterMs('Mon, 01 Jun 2026 00:00:30 GMT', now)).toBe(30_000);
    expect(retryAfterMs('Sun, 31 May 2026 00:00:00 GMT', now)).toBe(0);
    expect(retryAfterMs('soon', now)).toBeNull();
    expect(retryAfterMs(null, now)).toBeNull();
  });

  it('backs off by doubling from 1 s up to 30 s, half of it jittered', () => {
    expect([1, 2, 3, 6, 40].map((n) => backoffMs(DEFAULT_RETRY, n, () => 0))).toEqual([500, 1000, 2000, 15_000, 15_000]);
    expect([1, 2, 3, 6, 40].map((n) => backoffMs(DEFAULT_RETRY, n, () => 1))).toEqual([1000, 2000, 4000, 30_000, 30_000]);
  });

  it('takes https anywhere, http only on this machine, and nothing but scheme, host and port', () => {
    expect(resolveBaseUrl(undefined, 'usgov')).toBe('https://graph.microsoft.us');
    expect(resolveBaseUrl('http://localhost:8080/')).toBe('http://localhost:8080');
    expect(resolveBaseUrl('http://[::1]:9')).toBe('http://[::1]:9');
    expect(resolveBaseUrl('https://graph.example.com')).toBe('https://graph.example.com');
    for (const bad of ['http://10.0.0.1', 'ftp://127.0.0.1', 'https://u:p@graph.example.com', 'https://x.example/beta', 'not a url'])
      expect(() => resolveBaseUrl(bad), bad).toThrow();
  });

  it('reads every page of a collection, and never follows a nextLink to another host', async () => {
    const pages: Record<string, unknown> = {
      'https://graph.microsoft.com/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations': {
        '@odata.context': 'ctx',
        value: [{ id: 'a' }],
        '@odata.nextLink': 'https://graph.microsoft.com/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations?$skiptoken=2',
      },
      'https://graph.microsoft.com/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations?$skiptoken=2': {
        value: [{ id: 'b' }],
        '@odata.nextLink': 'https://elsewhere.example/steal?$skiptoken=3',
      },
    };
    const seen: string[] = [];
    const fetch = async (url: string) => {
      seen.push(url);
      return new Response(JSON.stringify(pages[url]), { status: 200 });
    };
    const r = await getConfiguration({ fetch, token: 'tok' });
    expect(r.ok).toBe(false);
    expect(r.ok === false && r.failure.message).toMatch(
      /@odata\.nextLink points away from https:\/\/graph\.microsoft\.com.*does not send the token there/,
    );
    expect(seen).toHaveLength(2);
    delete (pages[seen[1]!] as Record<string, unknown>)['@odata.nextLink'];
    const ok = await getConfiguration({ fetch, token: 'tok' });
    expect(ok.ok && ok.value).toEqual({ '@odata.context': 'ctx', value: [{ id: 'a' }, { id: 'b' }] });
  });

  it('getConfiguration refuses a cloud where the API is not documented, sending nothing, unless allowUndocumentedCloud', async () => {
    const seen: string[] = [];
    const fetch = async (url: string) => {
      seen.push(url);
      return new Response(JSON.stringify({ id: 'x', certificateAuthorities: [] }), { status: 200 });
    };
    const refused = await getConfiguration({ fetch, token: 'tok', id: 'x', cloud: 'china' });
    expect(refused.ok === false && refused.failure).toMatchObject({ kind: 'input' });
    expect(refused.ok === false && refused.failure.message).toMatch(
      /not document this API as available in China operated by 21Vianet.*Nothing was sent\./s,
    );
    expect(seen).toEqual([]);
    const allowed = await getConfiguration({ fetch, token: 'tok', id: 'x', cloud: 'china', allowUndocumentedCloud: true });
    expect(allowed.ok).toBe(true);
    expect(seen).toEqual(['https://microsoftgraph.chinacloudapi.cn/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations/x']);
  });
});
