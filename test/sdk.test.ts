/**
 * Microsoft's two JavaScript SDKs against the simulator — the classic `@microsoft/microsoft-graph-client` and the
 * Kiota-based `@microsoft/msgraph-beta-sdk` — each through the fetch handler and through `serve`'s HTTP server:
 * GET (with $select), PATCH good and bad, POST, DELETE, a 429 that the SDK's retry handler retries, and the error
 * objects each SDK builds from the simulator's envelopes. Also: the body Kiota serialises from its typed models passes
 * preflight.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { Client, GraphError, MiddlewareFactory, type Context, type Middleware } from '@microsoft/microsoft-graph-client';
import { AllowedHostsValidator, BaseBearerTokenAuthenticationProvider } from '@microsoft/kiota-abstractions';
import { JsonSerializationWriter } from '@microsoft/kiota-serialization-json';
import { createGraphClientFactory } from '@microsoft/msgraph-sdk-core';
import { createGraphBetaServiceClient, GraphBetaRequestAdapter, type GraphBetaServiceClient } from '@microsoft/msgraph-beta-sdk';
import '@microsoft/msgraph-beta-sdk-directory';
import {
  serializeMutualTlsOauthConfiguration,
  type CertificateAuthority,
  type MutualTlsOauthConfiguration,
} from '@microsoft/msgraph-beta-sdk/models/index.js';
import type { ODataError } from '@microsoft/msgraph-beta-sdk/models/oDataErrors/index.js';
import { buildHierarchy, type BuiltCertificate } from '../src/testing/builder.js';
import { createGraphHandler, type GraphFetch } from '../src/simulator/handler.js';
import { startSimulatorServer } from '../src/cli/serve-http.js';
import { preflight } from '../src/preflight.js';

const AT = '2026-06-01T10:20:30Z';
const ID = 'eec5ba11-2fc0-4113-83a2-ed986ed13cdb';
const PATH = '/directory/certificateAuthorities/mutualTlsOauthConfigurations';
const CERT_MESSAGE = "Invalid value specified for property 'certificate' of resource 'CertificateAuthorityInformation'.";
const FAULTS = 'throttle:0@GET#1,throttle:0@PATCH#1';

let root: BuiltCertificate;
let intermediate: BuiltCertificate;
let resource: Record<string, unknown>;

const der = (c: BuiltCertificate): ArrayBuffer => c.der.slice().buffer as ArrayBuffer;

beforeAll(async () => {
  [root, intermediate] = (await buildHierarchy({
    depth: 2,
    namePrefix: 'Sdk',
    notBefore: new Date('2025-01-01T00:00:00Z'),
    notAfter: new Date('2040-01-01T00:00:00Z'),
  })) as [BuiltCertificate, BuiltCertificate];
  resource = {
    id: ID,
    deletedDateTime: null,
    displayName: 'DoorCamera_Model_X_TrustedCAs',
    tlsClientAuthParameter: 'tls_client_auth_subject_dn',
    certificateAuthorities: [
      { isRootAuthority: true, certificateRevocationListUrl: null, deltaCertificateRevocationListUrl: null, certificate: root.base64 },
    ],
  };
});

/** Where each SDK sends its requests: the handler as its fetch, or serve's socket. */
interface Transport {
  name: string;
  /** A fresh simulator with FAULTS; `count` tells how many requests of a method it has seen. */
  open(): Promise<{ fetch: GraphFetch | null; baseUrl: string; count(method: string): number; close(): Promise<void> }>;
}

function counted(handler: GraphFetch): { fetch: GraphFetch; count(method: string): number } {
  const seen: string[] = [];
  return {
    fetch: (input, init) => {
      seen.push(new Request(input, init).method);
      return handler(input, init);
    },
    count: (m) => seen.filter((s) => s === m).length,
  };
}

const transports: Transport[] = [
  {
    name: 'the fetch handler',
    async open() {
      const c = counted(createGraphHandler([resource], { at: AT, faults: FAULTS, requireToken: true }));
      return { fetch: c.fetch, baseUrl: 'https://graph.microsoft.com', count: c.count, close: async () => {} };
    },
  },
  {
    name: 'serve over HTTP',
    async open() {
      const seen: string[] = [];
      const s = await startSimulatorServer({ resources: [resource], at: AT, faults: FAULTS, requireToken: true });
      s.server.prependListener('request', (req) => seen.push(req.method ?? ''));
      return { fetch: null, baseUrl: s.url, count: (m) => seen.filter((x) => x === m).length, close: () => s.close() };
    },
  },
];

describe.each(transports)('the classic client (@microsoft/microsoft-graph-client) through $name', (transport) => {
  let sim: Awaited<ReturnType<Transport['open']>>;
  let client: Client;

  beforeAll(async () => {
    sim = await transport.open();
    const authProvider = { getAccessToken: async () => 'test-token' };
    // The SDK's own chain (authentication, retry, redirect, telemetry); the last link sends through the simulator.
    const chain = MiddlewareFactory.getDefaultMiddlewareChain(authProvider);
    if (sim.fetch) {
      const fetch = sim.fetch;
      const send: Middleware = {
        execute: async (context: Context) => {
          context.response = await fetch(context.request as string, context.options as RequestInit);
        },
      };
      chain[chain.length - 1] = send;
    }
    const base = new URL(sim.baseUrl);
    if (base.protocol === 'http:') {
      // Its authentication handler adds the token to https:// URLs only: for serve's http:// URL, add it here.
      let next: Middleware | undefined;
      const bearer: Middleware = {
        execute: async (context: Context) => {
          const value = `Bearer ${await authProvider.getAccessToken()}`;
          if (context.request instanceof Request) context.request.headers.set('Authorization', value);
          else {
            const headers = new Headers(context.options?.headers as HeadersInit | undefined);
            headers.set('Authorization', value);
            context.options = { ...context.options, headers };
          }
          await next!.execute(context);
        },
        setNext: (m: Middleware) => {
          next = m;
        },
      };
      chain.splice(chain.length - 1, 0, bearer);
    }
    client = Client.initWithMiddleware({
      middleware: chain,
      baseUrl: `${sim.baseUrl}/`,
      defaultVersion: 'beta',
      customHosts: new Set([base.hostname]),
    });
  });
  afterAll(() => sim.close());

  it('GETs the list with $select after a 429 that its retry handler retries', async () => {
    const list = await client.api(PATH).select(['id', 'displayName']).get();
    expect(list.value).toEqual([{ id: ID, displayName: 'DoorCamera_Model_X_TrustedCAs' }]);
    expect(sim.count('GET')).toBe(2);
  });

  it('PATCHes a good body (after a 429) and reads the change back', async () => {
    const updated = await client.api(`${PATH}/${ID}`).patch({
      displayName: 'Two CAs',
      certificateAuthorities: [
        { certificate: root.base64, isRootAuthority: true },
        { certificate: intermediate.base64, isRootAuthority: false },
      ],
    });
    expect(updated.displayName).toBe('Two CAs');
    expect(updated.certificateAuthorities[1].issuer).toBe('CN=Sdk Root CA, O=Sdk, C=US');
    expect(sim.count('PATCH')).toBe(2);
    expect((await client.api(`${PATH}/${ID}`).get()).certificateAuthorities).toHaveLength(2);
  });

  it('turns a refused PATCH into a GraphError with status, code, message, request id and date', async () => {
    const e = await client
      .api(`${PATH}/${ID}`)
      .header('client-request-id', 'classic-1')
      .patch({ certificateAuthorities: [{ certificate: 'Binary', isRootAuthority: true }] })
      .catch((x: unknown) => x);
    expect(e).toBeInstanceOf(GraphError);
    const g = e as GraphError;
    expect(g.statusCode).toBe(400);
    expect(g.code).toBe('Request_BadRequest');
    expect(g.message).toBe(CERT_MESSAGE);
    expect(g.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(g.date.toISOString()).toBe('2026-06-01T10:20:30.000Z');
    // Its telemetry handler strips client-request-id from requests to hosts it does not take for Graph (http:// ones).
    if (sim.baseUrl.startsWith('https:')) expect(JSON.parse(g.body).innerError['client-request-id']).toBe('classic-1');
    else expect(JSON.parse(g.body).innerError['client-request-id']).toBe(g.requestId);
  });

  it('POSTs a configuration, DELETEs it, and gets a 404 GraphError afterwards', async () => {
    const created = await client.api(PATH).post({
      displayName: 'Created by the classic client',
      tlsClientAuthParameter: 'tls_client_auth_san_uri',
      certificateAuthorities: [{ certificate: root.base64, isRootAuthority: true }],
    });
    expect(created.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(created.certificateAuthorities[0].issuerSki).toMatch(/^[0-9A-F]{40}$/);
    await client.api(`${PATH}/${created.id}`).delete();
    const gone = (await client
      .api(`${PATH}/${created.id}`)
      .get()
      .catch((x: unknown) => x)) as GraphError;
    expect(gone.statusCode).toBe(404);
    expect(gone.code).toBe('Request_ResourceNotFound');
  });
});

function kiotaClient(sim: Awaited<ReturnType<Transport['open']>>): GraphBetaServiceClient {
  const auth = new BaseBearerTokenAuthenticationProvider({
    getAuthorizationToken: async () => 'test-token',
    getAllowedHostsValidator: () => new AllowedHostsValidator(new Set([new URL(sim.baseUrl).host])),
  });
  // The SDK's own middleware (retry, redirect, telemetry …); only the last hop, fetch, is the simulator's when given.
  const http = createGraphClientFactory(
    { graphServiceTargetVersion: 'beta', graphServiceLibraryClientVersion: '1.0.0' },
    sim.fetch ? (url, init) => sim.fetch!(url, init) : undefined,
  );
  const adapter = new GraphBetaRequestAdapter(auth, undefined, undefined, http);
  adapter.baseUrl = `${sim.baseUrl}/beta`;
  return createGraphBetaServiceClient(adapter);
}

describe.each(transports)('the Kiota beta SDK (@microsoft/msgraph-beta-sdk) through $name', (transport) => {
  let sim: Awaited<ReturnType<Transport['open']>>;
  let graph: GraphBetaServiceClient;
  const configurations = () => graph.directory.certificateAuthorities.mutualTlsOauthConfigurations;

  beforeAll(async () => {
    sim = await transport.open();
    graph = kiotaClient(sim);
  });
  afterAll(() => sim.close());

  it('GETs the list with $select after a 429 that its retry handler retries', async () => {
    const list = await configurations().get({ queryParameters: { select: ['id', 'displayName'] } });
    expect(list?.value?.map((c) => [c.id, c.displayName])).toEqual([[ID, 'DoorCamera_Model_X_TrustedCAs']]);
    expect(list?.value?.[0]?.certificateAuthorities).toBeUndefined();
    expect(sim.count('GET')).toBe(2);
  });

  it('PATCHes a body built from its typed models (after a 429), the certificate as bytes', async () => {
    const body: MutualTlsOauthConfiguration = {
      displayName: 'Kiota',
      certificateAuthorities: [
        { certificate: der(root), isRootAuthority: true },
        { certificate: der(intermediate), isRootAuthority: false, certificateRevocationListUrl: 'http://pki.sdk.example/root.crl' },
      ],
    };
    const updated = await configurations().byMutualTlsOauthConfigurationId(ID).patch(body);
    expect(updated?.displayName).toBe('Kiota');
    const entry = updated?.certificateAuthorities?.[1] as CertificateAuthority;
    expect(new Uint8Array(entry.certificate!)).toEqual(intermediate.der);
    expect(entry.issuerSki).toMatch(/^[0-9A-F]{40}$/);
    expect(sim.count('PATCH')).toBe(2);
    const got = await configurations().byMutualTlsOauthConfigurationId(ID).get();
    expect(got?.tlsClientAuthParameter).toBe('tls_client_auth_subject_dn');
    expect(got?.certificateAuthorities).toHaveLength(2);
  });

  it('turns a refused PATCH into an ODataError with status, code, message and innerError', async () => {
    const e = (await configurations()
      .byMutualTlsOauthConfigurationId(ID)
      .patch({ certificateAuthorities: [{ certificate: new TextEncoder().encode('Binary').buffer as ArrayBuffer, isRootAuthority: true }] })
      .catch((x: unknown) => x)) as ODataError;
    expect(e.responseStatusCode).toBe(400);
    expect(e.errorEscaped?.code).toBe('Request_BadRequest');
    expect(e.errorEscaped?.message).toBe(CERT_MESSAGE);
    expect(e.errorEscaped?.innerError?.requestId).toMatch(/^[0-9a-f-]{36}$/);
    expect(e.errorEscaped?.innerError?.date?.toISOString()).toBe('2026-06-01T10:20:30.000Z');
  });

  it('POSTs a configuration, DELETEs it, and gets a 404 ODataError afterwards', async () => {
    const created = await configurations().post({
      displayName: 'Created by Kiota',
      tlsClientAuthParameter: 'tls_client_auth_san_dns',
      certificateAuthorities: [{ certificate: der(root), isRootAuthority: true }],
    });
    expect(created?.id).toMatch(/^[0-9a-f-]{36}$/);
    await configurations().byMutualTlsOauthConfigurationId(created!.id!).delete();
    const gone = (await configurations()
      .byMutualTlsOauthConfigurationId(created!.id!)
      .get()
      .catch((x: unknown) => x)) as ODataError;
    expect(gone.responseStatusCode).toBe(404);
    expect(gone.errorEscaped?.code).toBe('Request_ResourceNotFound');
  });

  it('reads the count through its $count request builder', async () => {
    expect(await configurations().count.get()).toBe(1);
  });
});

/** The JSON text Kiota's serializer writes for a model, as its request adapter sends it. */
function kiotaJson(model: MutualTlsOauthConfiguration): string {
  const writer = new JsonSerializationWriter();
  writer.writeObjectValue(undefined, model, serializeMutualTlsOauthConfiguration);
  return new TextDecoder().decode(writer.getSerializedContent());
}

describe('the body the Kiota beta SDK serialises', () => {
  it('passes preflight with no error finding', async () => {
    const text = kiotaJson({
      displayName: 'From typed models',
      certificateAuthorities: [
        { certificate: der(root), isRootAuthority: true, certificateRevocationListUrl: 'http://pki.sdk.example/root.crl' },
        { certificate: der(intermediate), isRootAuthority: false },
      ],
    });
    expect(JSON.parse(text).certificateAuthorities[0].certificate).toBe(root.base64);
    const report = await preflight(text, { at: AT });
    expect(report.findings.filter((f) => f.severity === 'error')).toEqual([]);
    expect(report.graphError).toBeNull();
  });
});

describe('a certificate from a pooled Node Buffer', () => {
  it('is sent by Kiota as the whole 8,192-byte pool, the DER followed by other memory', () => {
    const pooled = Buffer.from(root.der);
    expect(pooled.buffer.byteLength).toBe(8192);
    const text = kiotaJson({ certificateAuthorities: [{ certificate: pooled.buffer as ArrayBuffer, isRootAuthority: true }] });
    const sent = Buffer.from(JSON.parse(text).certificateAuthorities[0].certificate, 'base64');
    expect(sent.length).toBe(8192);
    expect(sent.subarray(pooled.byteOffset, pooled.byteOffset + root.der.length)).toEqual(Buffer.from(root.der));
  });
});
