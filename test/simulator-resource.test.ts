/**
 * The simulator as a whole resource: every documented method, the query options of the list and get pages, Graph's
 * headers, the bearer-token check, and the faults (per request, by schedule, at random from a seed).
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { buildHierarchy, type BuiltCertificate } from '../src/testing/builder.js';
import { createGraphHandler, FAULT_HEADER, SimulatedConnectionDrop } from '../src/simulator/handler.js';
import { parseFaults, FaultSpecError, FaultSchedule } from '../src/simulator/faults.js';
import { ANSWERS, ODATA_JSON } from '../src/simulator/messages.js';

const AT = '2026-06-01T10:20:30Z';
const COLLECTION = 'https://graph.microsoft.com/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations';
const CONTEXT = 'https://graph.microsoft.com/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations';
const IDS = ['0d23b3d1-fc7b-41f5-9b3c-a494b556ccb2', '2809d65b-51f5-453e-9b3c-90ccc0a3ce22', '3809d65b-b2f6-41f5-9b3c-2809d65b0000'];
const JSON_HEADERS = { 'Content-Type': 'application/json' };

let root: BuiltCertificate;
let resources: Record<string, unknown>[];

// biome-ignore lint/suspicious/noExplicitAny: the tests read deep into Graph's JSON; each value is then asserted.
const body = (r: Response) => r.json() as Promise<Record<string, any>>;
const noSleep = async () => {};

beforeAll(async () => {
  [root] = (await buildHierarchy({
    depth: 1,
    namePrefix: 'Res',
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2040-01-01T00:00:00Z'),
  })) as [BuiltCertificate];
  const entry = {
    isRootAuthority: true,
    certificateRevocationListUrl: null,
    deltaCertificateRevocationListUrl: null,
    certificate: root.base64,
  };
  resources = [
    {
      id: IDS[0],
      deletedDateTime: null,
      displayName: 'Contoso',
      tlsClientAuthParameter: 'tls_client_auth_san_uri',
      certificateAuthorities: [entry],
    },
    {
      id: IDS[1],
      deletedDateTime: null,
      displayName: 'test1',
      tlsClientAuthParameter: 'tls_client_auth_san_uri',
      certificateAuthorities: [entry],
    },
    {
      id: IDS[2],
      deletedDateTime: null,
      displayName: 'test2',
      tlsClientAuthParameter: 'tls_client_auth_san_email',
      certificateAuthorities: [],
    },
  ];
});

describe('list and get', () => {
  it("lists with Graph's media type, and takes a collection GET as its seed", async () => {
    const fetch = createGraphHandler([{ '@odata.context': CONTEXT, value: resources }], { at: AT });
    const r = await fetch(COLLECTION);
    expect(r.status).toBe(200);
    expect(r.headers.get('content-type')).toBe(ODATA_JSON);
    expect(r.headers.get('request-id')).toMatch(/^[0-9a-f-]{36}$/);
    const b = await body(r);
    expect(b['@odata.context']).toBe(CONTEXT);
    expect(b.value.map((c: { id: string }) => c.id)).toEqual(IDS);
  });

  it('applies $select to the list and to one resource, with the selection in @odata.context', async () => {
    const fetch = createGraphHandler(resources, { at: AT });
    const list = await body(await fetch(`${COLLECTION}?$select=displayName,id`));
    expect(list['@odata.context']).toBe(`${CONTEXT}(id,displayName)`);
    expect(list.value[0]).toEqual({ id: IDS[0], displayName: 'Contoso' });
    const one = await body(await fetch(`${COLLECTION}/${IDS[1]}?$select=tlsClientAuthParameter`));
    expect(one).toEqual({
      '@odata.context': `${CONTEXT}(tlsClientAuthParameter)/$entity`,
      tlsClientAuthParameter: 'tls_client_auth_san_uri',
    });
    const bad = await fetch(`${COLLECTION}?$select=thumbprint`);
    expect(bad.status).toBe(400);
    expect((await body(bad)).error).toMatchObject({
      code: 'BadRequest',
      message:
        "Parsing OData Select and Expand failed: Could not find a property named 'thumbprint' on type 'microsoft.graph.mutualTlsOauthConfiguration'.",
    });
  });

  it('filters on id and displayName (eq, in, startswith, and, or) and refuses other clauses with Graph’s messages', async () => {
    const fetch = createGraphHandler(resources, { at: AT });
    const ids = async (filter: string) =>
      (await body(await fetch(`${COLLECTION}?$filter=${encodeURIComponent(filter)}`))).value?.map((c: { id: string }) => c.id);
    expect(await ids(`id eq '${IDS[1]}'`)).toEqual([IDS[1]]);
    expect(await ids("displayName eq 'CONTOSO'")).toEqual([IDS[0]]);
    expect(await ids("startswith(displayName,'test')")).toEqual([IDS[1], IDS[2]]);
    expect(await ids(`displayName in ('test2', 'Contoso')`)).toEqual([IDS[0], IDS[2]]);
    expect(await ids(`(displayName eq 'test1' or displayName eq 'test2') and id eq '${IDS[2]}'`)).toEqual([IDS[2]]);
    expect(await ids("displayName eq 'it''s'")).toEqual([]);

    const unsupported = await body(await fetch(`${COLLECTION}?$filter=${encodeURIComponent("displayName ne 'x'")}`));
    expect(unsupported.error).toMatchObject({ code: 'Request_UnsupportedQuery', message: 'Unsupported Query.' });
    const property = await body(await fetch(`${COLLECTION}?$filter=${encodeURIComponent("tlsClientAuthParameter eq 'x'")}`));
    expect(property.error.message).toBe(
      "Unsupported or invalid query filter clause specified for property 'tlsClientAuthParameter' of resource 'MutualTlsOauthConfiguration'.",
    );
    // The list page's own example filters on "manufacturer", which the type does not have.
    const unknown = await body(await fetch(`${COLLECTION}?$filter=${encodeURIComponent("manufacturer eq 'x'")}`));
    expect(unknown.error.code).toBe('BadRequest');
    expect((await fetch(`${COLLECTION}?$filter=${encodeURIComponent("displayName eq 'unterminated")}`)).status).toBe(400);
  });

  it('pages with $top and @odata.nextLink, and counts with $count=true and /$count', async () => {
    const fetch = createGraphHandler(resources, { at: AT });
    const first = await body(await fetch(`${COLLECTION}?$top=2&$count=true`));
    expect(first['@odata.count']).toBe(3);
    expect(first.value).toHaveLength(2);
    expect(first['@odata.nextLink']).toMatch(/\$skiptoken=/);
    const second = await body(await fetch(first['@odata.nextLink']));
    expect(second.value.map((c: { id: string }) => c.id)).toEqual([IDS[2]]);
    expect(second['@odata.nextLink']).toBeUndefined();

    const count = await fetch(`${COLLECTION}/$count`);
    expect(count.status).toBe(200);
    expect(count.headers.get('content-type')).toMatch(/^text\/plain/);
    expect(await count.text()).toBe('3');
    expect(await (await fetch(`${COLLECTION}/$count?$filter=${encodeURIComponent("startswith(displayName,'test')")}`)).text()).toBe('2');

    const tooMany = await body(await fetch(`${COLLECTION}?$top=1000`));
    expect(tooMany.error).toMatchObject({
      code: 'Request_UnsupportedQuery',
      message: "Invalid page size specified: '1000'. Must be between 1 and 999 inclusive.",
    });
    // The list page marks $orderby as not supported.
    expect((await fetch(`${COLLECTION}?$orderby=displayName`)).status).toBe(400);
  });
});

describe('create, update, delete', () => {
  it('creates with 201, Location and the computed entries; requires tlsClientAuthParameter; checks the CAs as preflight does', async () => {
    const changes: number[] = [];
    const fetch = createGraphHandler([], { at: AT, onChange: (list) => void changes.push(list.length) });
    const created = await fetch(COLLECTION, {
      method: 'POST',
      headers: { ...JSON_HEADERS, 'client-request-id': 'c-create' },
      body: JSON.stringify({
        displayName: 'DoorCamera_Model_X_TrustedCAs',
        tlsClientAuthParameter: 'tls_client_auth_subject_dn',
        certificateAuthorities: [{ certificate: root.base64, isRootAuthority: true }],
      }),
    });
    expect(created.status).toBe(201);
    expect(created.headers.get('client-request-id')).toBe('c-create');
    const b = await body(created);
    expect(created.headers.get('location')).toBe(`${COLLECTION}/${b.id}`);
    expect(b).toMatchObject({
      '@odata.context': `${CONTEXT}/$entity`,
      deletedDateTime: null,
      displayName: 'DoorCamera_Model_X_TrustedCAs',
      tlsClientAuthParameter: 'tls_client_auth_subject_dn',
    });
    expect(b.certificateAuthorities[0]).toMatchObject({ certificate: root.base64, issuer: 'CN=Res Root CA, O=Res, C=US' });
    expect(changes).toEqual([1]);
    expect((await body(await fetch(created.headers.get('location')!))).id).toBe(b.id);

    const missing = await body(await fetch(COLLECTION, { method: 'POST', headers: JSON_HEADERS, body: '{"displayName":"x"}' }));
    expect(missing.error.message).toBe('Property tlsClientAuthParameter value is required but is empty or missing.');
    const wrongEnum = await fetch(COLLECTION, { method: 'POST', headers: JSON_HEADERS, body: '{"tlsClientAuthParameter":"subject"}' });
    expect(wrongEnum.status).toBe(400);
    const badCa = await body(
      await fetch(COLLECTION, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: JSON.stringify({
          tlsClientAuthParameter: 'tls_client_auth_san_dns',
          certificateAuthorities: [{ certificate: 'Binary', isRootAuthority: true }],
        }),
      }),
    );
    expect(badCa.error.message).toBe("Invalid value specified for property 'certificate' of resource 'CertificateAuthorityInformation'.");
    expect(fetch.resources()).toHaveLength(1);
    expect(changes).toEqual([1]);
  });

  it('updates with 200 and the resource, deletes with 204, then answers 404', async () => {
    const fetch = createGraphHandler(resources, { at: AT });
    const url = `${COLLECTION}/${IDS[2]}`;
    const patched = await fetch(url, { method: 'PATCH', headers: JSON_HEADERS, body: '{"displayName":"renamed"}' });
    expect(patched.status).toBe(200);
    expect((await body(patched)).displayName).toBe('renamed');
    const deleted = await fetch(url, { method: 'DELETE' });
    expect(deleted.status).toBe(204);
    expect(await deleted.text()).toBe('');
    const gone = await fetch(url);
    expect(gone.status).toBe(404);
    expect(gone.headers.get('content-type')).toBe('application/json');
    expect((await body(gone)).error.message).toBe(
      `Resource '${IDS[2]}' does not exist or one of its queried reference-property objects are not present.`,
    );
    expect((await fetch(url, { method: 'DELETE' })).status).toBe(404);
    expect(fetch.resources().map((r) => r.id)).toEqual(IDS.slice(0, 2));
  });

  it('answers the v1.0 path and misspelt segments with "Resource not found for the segment"', async () => {
    const fetch = createGraphHandler(resources, { at: AT });
    const v1 = await body(await fetch(COLLECTION.replace('/beta/', '/v1.0/')));
    expect(v1.error.message).toBe("Resource not found for the segment 'mutualTlsOauthConfigurations'.");
    const deeper = await body(await fetch(`${COLLECTION}/${IDS[0]}/certificateAuthorities`));
    expect(deeper.error.message).toBe("Resource not found for the segment 'certificateAuthorities'.");
  });
});

describe('authentication', () => {
  it('answers 401 with Graph’s envelope and challenge when a token is required and missing', async () => {
    const fetch = createGraphHandler(resources, { at: AT, requireToken: true });
    const r = await fetch(COLLECTION);
    expect(r.status).toBe(401);
    expect(r.headers.get('www-authenticate')).toMatch(/^Bearer realm=""/);
    expect((await body(r)).error).toMatchObject({ code: 'InvalidAuthenticationToken', message: 'Access token is empty.' });
    expect((await fetch(COLLECTION, { headers: { Authorization: 'Bearer ' } })).status).toBe(401);
    expect((await fetch(COLLECTION, { headers: { Authorization: 'Bearer t0ken' } })).status).toBe(200);
  });
});

describe('faults', () => {
  it('parses the plan, and names the item at fault and how to write it', () => {
    const plan = parseFaults(
      'seed=7, throttle:0@PATCH#1, stale:2@PATCH, slow:2s@GET, unavailable@25%, drop-after@#3-, concurrent:remove-ca@GET#1',
    );
    expect(plan.seed).toBe(7);
    expect(plan.rules.map((r) => r.kind)).toEqual(['throttle', 'stale', 'slow', 'unavailable', 'drop-after', 'concurrent']);
    expect(plan.rules[2]).toMatchObject({ ms: 2000, when: { method: 'GET' } });
    expect(plan.rules[4]!.when).toMatchObject({ from: 3, to: null });
    expect(() => parseFaults('thrtle')).toThrow(/"thrtle" is not a fault; the faults are throttle/);
    expect(() => parseFaults('throttle@PUT')).toThrow(FaultSpecError);
    expect(() => parseFaults('slow:fast')).toThrow(/duration such as 250, 250ms or 2s/);
    expect(() => parseFaults('stale:3x')).toThrow(/number of reads/);
    expect(() => parseFaults('drop:1')).toThrow(/takes no value/);
    expect(() => parseFaults('timeout@#5-2')).toThrow(/range .* is empty/);
  });

  it('throttles the first PATCH with Retry-After and the documented x-ms-throttle-* headers, then accepts the retry', async () => {
    const fetch = createGraphHandler(resources, { at: AT, faults: 'throttle:3@PATCH#1' });
    const send = () => fetch(`${COLLECTION}/${IDS[0]}`, { method: 'PATCH', headers: JSON_HEADERS, body: '{"displayName":"x"}' });
    const first = await send();
    expect(first.status).toBe(429);
    expect(first.headers.get('retry-after')).toBe('3');
    expect(first.headers.get('x-ms-throttle-scope')).toMatch(/^Tenant_Application\/Write\/[0-9a-f-]{36}\/[0-9a-f-]{36}$/);
    expect(first.headers.get('x-ms-throttle-information')).toBe('WriteLimitExceeded');
    expect((await body(first)).error.code).toBe(ANSWERS.throttled.code);
    expect(fetch.resources()[0]!.displayName).toBe('Contoso');
    expect((await send()).status).toBe(200);
  });

  it('answers 503, 504, 401 and 403 when asked, per request through the fault header', async () => {
    const fetch = createGraphHandler(resources, { at: AT });
    const status = async (fault: string) => (await fetch(COLLECTION, { headers: { [FAULT_HEADER]: fault } })).status;
    expect(await status('unavailable:5')).toBe(503);
    expect(await status('timeout')).toBe(504);
    expect(await status('unauthorized')).toBe(401);
    expect(await status('forbidden')).toBe(403);
    const r = await fetch(COLLECTION, { headers: { [FAULT_HEADER]: 'unavailable:5' } });
    expect(r.headers.get('retry-after')).toBe('5');
    const bad = await fetch(COLLECTION, { headers: { [FAULT_HEADER]: 'throttle@GET' } });
    expect(bad.status).toBe(400);
    expect((await body(bad)).error.message).toMatch(/leave out the @WHEN/);
  });

  it('drops the connection before the write (nothing changes) or after it (the change is kept)', async () => {
    const fetch = createGraphHandler(resources, { at: AT, faults: 'drop@PATCH#1,drop-after@PATCH#2' });
    const send = (name: string) =>
      fetch(`${COLLECTION}/${IDS[0]}`, { method: 'PATCH', headers: JSON_HEADERS, body: JSON.stringify({ displayName: name }) });
    const before = await send('one').catch((e: TypeError) => e);
    expect(before).toBeInstanceOf(TypeError);
    expect((before as TypeError).cause).toBeInstanceOf(SimulatedConnectionDrop);
    expect(fetch.resources()[0]!.displayName).toBe('Contoso');
    const after = await send('two').catch((e: TypeError) => e);
    expect(((after as TypeError).cause as SimulatedConnectionDrop).after).toBe(true);
    expect(fetch.resources()[0]!.displayName).toBe('two');
  });

  it('serves the state before the last write for N reads or T ms (eventual consistency)', async () => {
    const fetch = createGraphHandler(resources, { at: AT, faults: 'stale:2@PATCH' });
    const url = `${COLLECTION}/${IDS[0]}`;
    await fetch(url, { method: 'PATCH', headers: JSON_HEADERS, body: '{"displayName":"new"}' });
    const names = [];
    for (let i = 0; i < 3; i++) names.push((await body(await fetch(url))).displayName);
    expect(names).toEqual(['Contoso', 'Contoso', 'new']);

    const timed = createGraphHandler(resources, { at: AT, faults: 'stale:40ms' });
    const created = await body(
      await timed(COLLECTION, { method: 'POST', headers: JSON_HEADERS, body: '{"tlsClientAuthParameter":"tls_client_auth_san_dns"}' }),
    );
    expect((await timed(`${COLLECTION}/${created.id}`)).status).toBe(404);
    expect(await (await timed(`${COLLECTION}/$count`)).text()).toBe('3');
    await new Promise((r) => setTimeout(r, 60));
    expect((await timed(`${COLLECTION}/${created.id}`)).status).toBe(200);
  });

  it('lets another client change the resource just before a request', async () => {
    const fetch = createGraphHandler(resources, { at: AT, faults: 'concurrent@GET#2,concurrent:remove-ca@PATCH#1' });
    const url = `${COLLECTION}/${IDS[0]}`;
    expect((await body(await fetch(url))).displayName).toBe('Contoso');
    expect((await body(await fetch(url))).displayName).toBe('Contoso (changed by another client)');
    await fetch(url, { method: 'PATCH', headers: JSON_HEADERS, body: '{"displayName":"mine"}' });
    expect(fetch.resources()[0]).toMatchObject({ displayName: 'mine', certificateAuthorities: [] });
  });

  it('waits for slow answers', async () => {
    const waits: number[] = [];
    const fetch = createGraphHandler(resources, { at: AT, faults: 'slow:250@GET,slow:1s@GET#2', sleep: async (ms) => void waits.push(ms) });
    await fetch(COLLECTION);
    await fetch(COLLECTION);
    expect(waits).toEqual([250, 1250]);
  });

  it('draws random faults from the seed: the same seed gives the same sequence, another seed another one', async () => {
    const run = async (seed: number) => {
      const fetch = createGraphHandler(resources, { at: AT, faults: `seed=${seed},unavailable@30%,throttle:0@20%`, sleep: noSleep });
      const statuses = [];
      for (let i = 0; i < 40; i++) statuses.push((await fetch(COLLECTION)).status);
      return statuses;
    };
    const a = await run(42);
    expect(await run(42)).toEqual(a);
    expect(await run(43)).not.toEqual(a);
    expect(a.filter((s) => s === 503).length).toBeGreaterThan(4);
    expect(a.filter((s) => s === 200).length).toBeGreaterThan(10);
    // The schedule alone, without the handler: counts and draws are its own.
    const schedule = new FaultSchedule(parseFaults('timeout@GET#2'));
    expect([schedule.next('GET').answer, schedule.next('PATCH').answer, schedule.next('GET').answer?.kind]).toEqual([
      null,
      null,
      'timeout',
    ]);
  });

  it('creates the same ids for the same seed', async () => {
    const ids = async () => {
      const fetch = createGraphHandler([], { faults: 'seed=5' });
      const r = await fetch(COLLECTION, {
        method: 'POST',
        headers: JSON_HEADERS,
        body: '{"tlsClientAuthParameter":"tls_client_auth_san_dns"}',
      });
      return (await body(r)).id as string;
    };
    const id = await ids();
    expect(id).toMatch(/^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/);
    expect(await ids()).toBe(id);
  });
});
