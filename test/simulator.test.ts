import { describe, it, expect, beforeAll } from 'vitest';
import { buildCertificate, buildHierarchy, generateKeyPair, type BuiltCertificate } from '../src/testing/builder.js';
import { simulatePatch, NOT_JSON_MESSAGE } from '../src/simulator/simulator.js';
import { createGraphHandler } from '../src/simulator/handler.js';
import { buildPatchRequest } from '../src/diff/request.js';
import { preflight } from '../src/preflight.js';

const AT = '2026-06-01T10:20:30.456Z';
const ID = 'eec5ba11-2fc0-4113-83a2-ed986ed13cdb';
const CONTEXT = 'https://graph.microsoft.com/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations/$entity';
const URL_GLOBAL = `https://graph.microsoft.com/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations/${ID}`;
const CERT_MESSAGE = "Invalid value specified for property 'certificate' of resource 'CertificateAuthorityInformation'.";

let root: BuiltCertificate;
let inter: BuiltCertificate;
let other: BuiltCertificate;
let current: Record<string, unknown>;

const hex = (b: Uint8Array) =>
  Array.from(b, (x) => x.toString(16).padStart(2, '0'))
    .join('')
    .toUpperCase();

beforeAll(async () => {
  const notBefore = new Date('2025-01-01T00:00:00Z');
  const notAfter = new Date('2040-01-01T00:00:00Z');
  [root, inter] = (await buildHierarchy({ depth: 2, namePrefix: 'Sim', notBefore, notAfter })) as [BuiltCertificate, BuiltCertificate];
  other = await buildCertificate({
    subject: 'CN=Sim Other Root, OU=Devices, O=Sim, ST=WA, C=US',
    key: await generateKeyPair('P-256'),
    notBefore,
    notAfter,
  });
  current = {
    '@odata.context': CONTEXT,
    id: ID,
    deletedDateTime: null,
    displayName: 'DoorCamera_Model_X_TrustedCAs',
    tlsClientAuthParameter: 'tls_client_auth_subject_dn',
    certificateAuthorities: [
      {
        isRootAuthority: true,
        certificateRevocationListUrl: null,
        deltaCertificateRevocationListUrl: null,
        certificate: root.base64,
        issuer: 'CN=Sim Root CA, O=Sim, C=US',
        issuerSki: hex(root.ski!),
      },
    ],
  };
});

describe('simulatePatch', () => {
  it('answers 200 with the updated resource: issuer and issuerSki computed, read-only members kept, the certificate as standard base64', async () => {
    const snapshot = structuredClone(current);
    const base64url = other.base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
    const answer = await simulatePatch(
      current,
      {
        method: 'PATCH',
        url: URL_GLOBAL,
        headers: { 'content-type': 'application/json; charset=utf-8' },
        body: {
          displayName: 'Renamed',
          certificateAuthorities: [
            { certificate: root.base64, isRootAuthority: true, certificateRevocationListUrl: 'http://pki.sim.example/root.crl' },
            { certificate: inter.base64, isRootAuthority: false, issuer: 'stale', issuerSki: 'STALE' },
            { certificate: base64url, isRootAuthority: true, '@odata.type': '#microsoft.graph.certificateAuthority' },
          ],
        },
      },
      { at: AT },
    );
    expect(answer.status).toBe(200);
    expect(answer.body).toEqual({
      '@odata.context': CONTEXT,
      id: ID,
      deletedDateTime: null,
      displayName: 'Renamed',
      tlsClientAuthParameter: 'tls_client_auth_subject_dn',
      certificateAuthorities: [
        {
          isRootAuthority: true,
          certificateRevocationListUrl: 'http://pki.sim.example/root.crl',
          deltaCertificateRevocationListUrl: null,
          certificate: root.base64,
          issuer: 'CN=Sim Root CA, O=Sim, C=US',
          issuerSki: hex(root.ski!),
        },
        {
          isRootAuthority: false,
          certificateRevocationListUrl: null,
          deltaCertificateRevocationListUrl: null,
          certificate: inter.base64,
          issuer: 'CN=Sim Root CA, O=Sim, C=US',
          issuerSki: hex(inter.ski!),
        },
        {
          isRootAuthority: true,
          certificateRevocationListUrl: null,
          deltaCertificateRevocationListUrl: null,
          certificate: other.base64,
          issuer: 'CN=Sim Other Root, OU=Devices, O=Sim, S=WA, C=US',
          issuerSki: hex(other.ski!),
        },
      ],
    });
    expect(Object.keys(answer.body)[0]).toBe('@odata.context');
    expect(current).toEqual(snapshot);
  });

  it('gives issuerSki from the key when the certificate has no SKI extension', async () => {
    const key = await generateKeyPair('P-256');
    const withSki = await buildCertificate({ subject: 'CN=No SKI Root', key });
    const withoutSki = await buildCertificate({ subject: 'CN=No SKI Root', key, subjectKeyIdentifier: null });
    const answer = await simulatePatch(
      current,
      { body: { certificateAuthorities: [{ certificate: withoutSki.base64, isRootAuthority: true }] } },
      { at: AT },
    );
    if (answer.status !== 200) throw new Error(answer.body.error.message);
    expect((answer.body.certificateAuthorities as { issuerSki: string }[])[0]!.issuerSki).toBe(hex(withSki.ski!));
  });

  it('leaves the list alone when the body has only displayName, and takes the cloud of the URL for @odata.context', async () => {
    const answer = await simulatePatch(
      current,
      { url: URL_GLOBAL.replace('graph.microsoft.com', 'graph.microsoft.us'), body: { displayName: 'x' } },
      { at: AT },
    );
    if (answer.status !== 200) throw new Error(answer.body.error.message);
    expect(answer.body['@odata.context']).toBe(CONTEXT.replace('graph.microsoft.com', 'graph.microsoft.us'));
    expect(answer.body.certificateAuthorities).toEqual(current.certificateAuthorities);
  });

  it('answers the 400 that preflight predicts, with the same envelope', async () => {
    const body = { certificateAuthorities: [{ certificate: 'Binary', isRootAuthority: true }] };
    const answer = await simulatePatch(current, { body }, { at: AT, clientRequestId: 'client-1' });
    const report = await preflight(body, { current, at: AT, clientRequestId: 'client-1' });
    expect(answer).toEqual(report.graphError);
    expect(answer.status).toBe(400);
    expect(answer.body).toEqual({
      error: {
        code: 'Request_BadRequest',
        message: CERT_MESSAGE,
        details: [{ target: 'certificate', code: 'InvalidValue' }],
        innerError: { date: '2026-06-01T10:20:30', 'request-id': 'client-1', 'client-request-id': 'client-1' },
      },
    });
  });

  it('follows the server order: JSON, then members, then certificates', async () => {
    const notJson = await simulatePatch(current, { body: '{"displayName": "x",}' }, { at: AT });
    expect(notJson).toMatchObject({ status: 400, body: { error: { code: 'BadRequest', message: NOT_JSON_MESSAGE } } });
    const readOnly = await simulatePatch(
      current,
      { body: { id: 'another-id', certificateAuthorities: [{ certificate: 'Binary', isRootAuthority: true }] } },
      { at: AT },
    );
    expect(readOnly).toMatchObject({ status: 400, body: { error: { message: "Property 'id' is read-only and cannot be set." } } });
    // The stored id sent back unchanged is not predicted to be refused (a warning): the certificate is what fails.
    const unchanged = await simulatePatch(
      current,
      { body: { id: ID, certificateAuthorities: [{ certificate: 'Binary', isRootAuthority: true }] } },
      { at: AT },
    );
    expect(unchanged).toMatchObject({ status: 400, body: { error: { message: CERT_MESSAGE } } });
  });

  it('answers 400 without a JSON Content-Type, 405 for another method, 404 for another id', async () => {
    const body = { displayName: 'x' };
    expect(await simulatePatch(current, { headers: {}, body }, { at: AT })).toMatchObject({
      status: 400,
      body: { error: { code: 'BadRequest', message: NOT_JSON_MESSAGE } },
    });
    expect(await simulatePatch(current, { headers: { 'Content-Type': 'text/plain' }, body }, { at: AT })).toMatchObject({ status: 400 });
    expect(await simulatePatch(current, { method: 'PUT', body }, { at: AT })).toMatchObject({ status: 405 });
    const missing = await simulatePatch(current, { url: URL_GLOBAL.replace(ID, 'abc'), body }, { at: AT });
    expect(missing).toMatchObject({
      status: 404,
      body: {
        error: {
          code: 'Request_ResourceNotFound',
          message: "Resource 'abc' does not exist or one of its queried reference-property objects are not present.",
        },
      },
    });
  });
});

describe('createGraphHandler', () => {
  // biome-ignore lint/suspicious/noExplicitAny: the tests read deep into Graph's JSON; each value is then asserted.
  const json = (r: Response) => r.json() as Promise<Record<string, any>>;

  it('serves GET and PATCH, keeps state per handler, and echoes client-request-id', async () => {
    const fetch = createGraphHandler([current], { at: AT });
    const untouched = createGraphHandler([current], { at: AT });
    const got = await fetch(URL_GLOBAL);
    expect(got.status).toBe(200);
    expect(await json(got)).toEqual({ ...current });

    const result = await buildPatchRequest(
      current,
      [
        { op: 'add', certificate: inter.pem },
        { op: 'rename', displayName: 'Two CAs' },
      ],
      { at: AT },
    );
    if (!result.ok || !result.request) throw new Error('expected a request');
    const { url, method, headers, body } = result.request;
    const patched = await fetch(url, {
      method,
      headers: { ...headers, Authorization: 'Bearer x', 'client-request-id': 'c-42' },
      body: JSON.stringify(body),
    });
    expect(patched.status).toBe(200);
    expect(patched.headers.get('client-request-id')).toBe('c-42');
    const updated = await json(patched);
    expect(updated.displayName).toBe('Two CAs');
    expect(updated.certificateAuthorities.map((e: { certificate: string }) => e.certificate)).toEqual([root.base64, inter.base64]);

    const again = await json(await fetch(new Request(URL_GLOBAL)));
    expect(again).toEqual(updated);
    expect(fetch.resources()[0]!.displayName).toBe('Two CAs');
    expect((await json(await untouched(new URL(URL_GLOBAL)))).displayName).toBe('DoorCamera_Model_X_TrustedCAs');

    const collection = await json(await fetch(URL_GLOBAL.slice(0, URL_GLOBAL.lastIndexOf('/'))));
    expect(collection['@odata.context']).toBe(CONTEXT.replace('/$entity', ''));
    expect(collection.value).toHaveLength(1);
  });

  it('refuses bad bodies without changing state, and answers errors as Graph does', async () => {
    const fetch = createGraphHandler([current], { at: () => new Date(AT) });
    const bad = await fetch(URL_GLOBAL, {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json', 'client-request-id': 'c-1' },
      body: JSON.stringify({ certificateAuthorities: [{ certificate: 'Binary', isRootAuthority: true }] }),
    });
    expect(bad.status).toBe(400);
    const envelope = await json(bad);
    expect(envelope.error.message).toBe(CERT_MESSAGE);
    expect(envelope.error.innerError['client-request-id']).toBe('c-1');
    expect(envelope.error.innerError['request-id']).toBe(bad.headers.get('request-id'));

    // A string body without Content-Type is sent as text/plain by fetch: Graph cannot read it as JSON.
    const plain = await fetch(URL_GLOBAL, { method: 'PATCH', body: JSON.stringify({ displayName: 'x' }) });
    expect(plain.status).toBe(400);
    expect((await json(plain)).error.message).toBe(NOT_JSON_MESSAGE);

    const notFound = await fetch(URL_GLOBAL.replace(ID, 'nope'), {
      method: 'PATCH',
      headers: { 'Content-Type': 'application/json' },
      body: '{}',
    });
    expect(notFound.status).toBe(404);
    expect((await json(notFound)).error.code).toBe('Request_ResourceNotFound');
    expect((await fetch(URL_GLOBAL, { method: 'PUT', headers: { 'Content-Type': 'application/json' }, body: '{}' })).status).toBe(405);
    // POST is documented (create); a string body without Content-Type goes as text/plain and cannot be read as JSON.
    expect((await json(await fetch(URL_GLOBAL.replace(`/${ID}`, ''), { method: 'POST', body: '{}' }))).error.message).toBe(
      NOT_JSON_MESSAGE,
    );
    const wrongPath = await fetch('https://graph.microsoft.com/beta/directory/certificateAuthority/mutualTlsOauthConfigurations');
    expect(wrongPath.status).toBe(400);
    expect((await json(wrongPath)).error.message).toBe("Resource not found for the segment 'certificateAuthority'.");

    expect(fetch.resources()).toEqual([Object.fromEntries(Object.entries(current).filter(([k]) => k !== '@odata.context'))]);
  });
});
