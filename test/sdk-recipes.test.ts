/**
 * The recipes of docs/simulator.md, each as written there: msw with one catch-all handler, and an undici Dispatcher
 * behind the global fetch. Each puts an unmodified Microsoft SDK (its default HTTP stack) in front of the simulator.
 */
import { describe, it, expect, beforeAll } from 'vitest';
import { http } from 'msw';
import { setupServer } from 'msw/node';
import { getGlobalDispatcher, setGlobalDispatcher } from 'undici';
import { Client, GraphError } from '@microsoft/microsoft-graph-client';
import { AllowedHostsValidator, BaseBearerTokenAuthenticationProvider } from '@microsoft/kiota-abstractions';
import { createGraphBetaServiceClient, GraphBetaRequestAdapter } from '@microsoft/msgraph-beta-sdk';
import '@microsoft/msgraph-beta-sdk-directory';
import type { ODataError } from '@microsoft/msgraph-beta-sdk/models/oDataErrors/index.js';
import { createGraphHandler } from '../src/simulator/handler.js';
import { simulatorDispatcher } from './helpers/simulator-dispatcher.js';

const ID = 'eec5ba11-2fc0-4113-83a2-ed986ed13cdb';
const PATH = '/directory/certificateAuthorities/mutualTlsOauthConfigurations';
let getResponse: Record<string, unknown>;

beforeAll(() => {
  getResponse = {
    id: ID,
    deletedDateTime: null,
    displayName: 'Recipes',
    tlsClientAuthParameter: 'tls_client_auth_san_uri',
    certificateAuthorities: [],
  };
});

describe('msw: http.all forwards to the simulator', () => {
  it("serves the classic client's default stack, token and retry handler included", async () => {
    const graph = createGraphHandler([getResponse], { requireToken: true, faults: 'throttle:0@GET#1' });
    const server = setupServer(http.all('https://graph.microsoft.com/*', ({ request }) => graph(request)));
    server.listen({ onUnhandledRequest: 'error' });
    try {
      const client = Client.init({ authProvider: (done) => done(null, 'test-token'), defaultVersion: 'beta' });
      const one = await client.api(`${PATH}/${ID}`).get();
      expect(one.displayName).toBe('Recipes');
      const e = (await client
        .api(`${PATH}/nope`)
        .get()
        .catch((x: unknown) => x)) as GraphError;
      expect(e).toBeInstanceOf(GraphError);
      expect([e.statusCode, e.code]).toEqual([404, 'Request_ResourceNotFound']);
    } finally {
      server.close();
    }
  });
});

describe('an undici Dispatcher behind the global fetch', () => {
  it("serves the Kiota beta SDK's default HTTP client unchanged", async () => {
    const previous = getGlobalDispatcher();
    setGlobalDispatcher(simulatorDispatcher(createGraphHandler([getResponse], { requireToken: true })));
    try {
      const auth = new BaseBearerTokenAuthenticationProvider({
        getAuthorizationToken: async () => 'test-token',
        getAllowedHostsValidator: () => new AllowedHostsValidator(new Set(['graph.microsoft.com'])),
      });
      const graph = createGraphBetaServiceClient(new GraphBetaRequestAdapter(auth));
      const configurations = graph.directory.certificateAuthorities.mutualTlsOauthConfigurations;
      const list = await configurations.get({ queryParameters: { filter: "startswith(displayName,'rec')", count: true } });
      expect(list?.odataCount).toBe(1);
      expect(list?.value?.[0]?.id).toBe(ID);
      const renamed = await configurations.byMutualTlsOauthConfigurationId(ID).patch({ displayName: 'Renamed' });
      expect(renamed?.displayName).toBe('Renamed');
      const e = (await configurations
        .byMutualTlsOauthConfigurationId(ID)
        .patch({ displayName: 'x', tlsClientAuthParameter: 'tls_client_auth_san_dns' })
        .catch((x: unknown) => x)) as ODataError;
      expect(e.responseStatusCode).toBe(400);
      expect(e.errorEscaped?.message).toBe("Property 'tlsClientAuthParameter' is read-only and cannot be set.");
    } finally {
      setGlobalDispatcher(previous);
    }
  });
});
