/**
 * `check --crl` and `check --fetch-crls` end to end, against a CRL server on 127.0.0.1: what each download outcome
 * becomes (status, timeout, size limit, redirects, PEM), that nothing is fetched without --fetch-crls, and the same
 * verdict from the library and the CLI.
 */
import { createServer, type Server } from 'node:http';
import { mkdtempSync, rmSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { AddressInfo } from 'node:net';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildHierarchy, type BuiltCertificate } from '../src/testing/builder.js';
import { buildCrl, sequentialRevocations } from '../src/testing/crl-builder.js';
import { parseCertificate } from '../src/certificate/parse.js';
import { preflight } from '../src/preflight.js';
import { fetchCrls } from '../src/cli/fetch-crls.js';
import { runCli } from './helpers/cli.js';

const DAY = 86_400_000;
let server: Server;
let base: string;
let dir: string;
let root: BuiltCertificate;
let sub: BuiltCertificate;
let rootCrl: Uint8Array;
let subCrl: Uint8Array;
const hits: string[] = [];

beforeAll(async () => {
  [root, sub] = (await buildHierarchy({ depth: 2, namePrefix: 'Fetch' })) as [BuiltCertificate, BuiltCertificate];
  const now = Date.now();
  rootCrl = (
    await buildCrl({
      issuer: root,
      thisUpdate: new Date(now - DAY),
      nextUpdate: new Date(now + 7 * DAY),
      revoked: [{ serial: BigInt(`0x${parseCertificate(sub.der).serialNumber}`), reason: 'cACompromise' }],
    })
  ).der;
  subCrl = (await buildCrl({ issuer: sub, thisUpdate: new Date(now - DAY), nextUpdate: new Date(now + 7 * DAY) })).der;
  const pem = (await buildCrl({ issuer: sub, thisUpdate: new Date(now - DAY), nextUpdate: new Date(now + 7 * DAY) })).pem;
  server = createServer((req, res) => {
    hits.push(req.url ?? '');
    const url = req.url ?? '';
    if (url === '/root.crl') res.end(Buffer.from(rootCrl));
    else if (url === '/sub.crl') res.end(Buffer.from(subCrl));
    else if (url === '/sub.pem') res.end(pem);
    else if (url === '/forbidden') res.writeHead(403).end('Forbidden');
    else if (url === '/moved') res.writeHead(301, { location: '/sub.crl' }).end();
    else if (url === '/loop') res.writeHead(302, { location: '/loop' }).end();
    else if (url === '/ldap') res.writeHead(302, { location: 'ldap://ldap.example.com/cn=CA' }).end();
    else if (url === '/slow') setTimeout(() => res.end(Buffer.from(subCrl)), 1500);
    else if (url === '/endless') {
      // No Content-Length: the size limit must stop the body itself.
      res.writeHead(200);
      const chunk = Buffer.alloc(64 * 1024, 0x41);
      const push = () => {
        if (!res.destroyed && res.write(chunk)) setImmediate(push);
        else if (!res.destroyed) res.once('drain', push);
      };
      push();
    } else res.writeHead(404).end();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`;
  dir = mkdtempSync(join(tmpdir(), 'ca-preflight-crl-'));
});
afterAll(async () => {
  server.closeAllConnections();
  await new Promise<void>((resolve) => server.close(() => resolve()));
  rmSync(dir, { recursive: true, force: true });
});

const body = (rootUrl: string, subUrl: string | null) => ({
  certificateAuthorities: [
    { certificate: root.base64, isRootAuthority: true, certificateRevocationListUrl: rootUrl },
    { certificate: sub.base64, isRootAuthority: false, certificateRevocationListUrl: subUrl },
  ],
});

describe('fetchCrls', () => {
  it('downloads each configured URL once and reports every kind of failure', async () => {
    const b = {
      certificateAuthorities: [
        { certificate: root.base64, isRootAuthority: true, certificateRevocationListUrl: `${base}/root.crl` },
        {
          certificate: sub.base64,
          isRootAuthority: false,
          certificateRevocationListUrl: `${base}/moved`,
          deltaCertificateRevocationListUrl: `${base}/forbidden`,
        },
        {
          certificate: sub.base64,
          isRootAuthority: false,
          certificateRevocationListUrl: `${base}/loop`,
          deltaCertificateRevocationListUrl: `${base}/ldap`,
        },
        {
          certificate: sub.base64,
          isRootAuthority: false,
          certificateRevocationListUrl: `${base}/slow`,
          deltaCertificateRevocationListUrl: `${base}/endless`,
        },
        {
          certificate: sub.base64,
          isRootAuthority: false,
          certificateRevocationListUrl: `${base}/root.crl`,
          deltaCertificateRevocationListUrl: 'not a url',
        },
      ],
    };
    hits.length = 0;
    const got = await fetchCrls(b, { cloud: 'global', timeoutSeconds: 1, maxBytes: 1_000_000, maxRedirects: 3 });
    const summary = got.map((c) => [c.from!.index, c.from!.member.startsWith('delta') ? 'delta' : 'base', c.failure ?? c.bytes!.length]);
    expect(summary).toEqual([
      [0, 'base', rootCrl.length],
      [1, 'base', subCrl.length],
      [1, 'delta', { kind: 'status', status: 403 }],
      [2, 'base', { kind: 'redirects', count: 4 }],
      [2, 'delta', { kind: 'scheme', scheme: 'ldap' }],
      [3, 'base', { kind: 'timeout', seconds: 1 }],
      [3, 'delta', { kind: 'too-large', limit: 1_000_000 }],
      [4, 'base', rootCrl.length],
    ]);
    expect(hits.filter((h) => h === '/root.crl')).toHaveLength(1); // one download for two entries
  });

  it('refuses a body whose Content-Length announces more than the limit without reading it', async () => {
    const got = await fetchCrls(body(`${base}/root.crl`, null), { cloud: 'global', maxBytes: 100 });
    expect(got[0]!.failure).toEqual({ kind: 'too-large', limit: 100 });
  });
});

describe('check --crl and --fetch-crls', () => {
  it('downloads nothing without --fetch-crls, and the same findings with --fetch-crls as with the files', async () => {
    const bodyFile = join(dir, 'body.json');
    writeFileSync(bodyFile, JSON.stringify(body(`${base}/root.crl`, `${base}/sub.crl`)));
    mkdirSync(join(dir, 'crls'), { recursive: true });
    writeFileSync(join(dir, 'crls', 'root.crl'), rootCrl);
    writeFileSync(join(dir, 'crls', 'sub.crl'), subCrl);
    writeFileSync(join(dir, 'crls', 'notes.txt'), 'not a CRL, and not read');
    hits.length = 0;
    const offline = await runCli(['check', bodyFile, '--crl', join(dir, 'crls'), '--format', 'json']);
    expect(hits).toEqual([]);
    expect(offline.code).toBe(1);
    const fromFiles = JSON.parse(offline.stdout);
    const online = await runCli(['check', bodyFile, '--fetch-crls', '--format', 'json']);
    expect(hits.sort()).toEqual(['/root.crl', '/sub.crl']);
    const fromNetwork = JSON.parse(online.stdout);
    const project = (r: { findings: { rule: string; path: string; severity: string }[] }) =>
      r.findings.map((f) => `${f.severity} ${f.rule} ${f.path}`);
    expect(project(fromNetwork)).toEqual(project(fromFiles));
    expect(project(fromFiles)).toEqual([
      'info crl.checked /certificateAuthorities/0/certificateRevocationListUrl',
      'error crl.revokes-listed-ca /certificateAuthorities/1/certificate',
      'info crl.checked /certificateAuthorities/1/certificateRevocationListUrl',
    ]);
    // The library gives the same report from the same bytes.
    const lib = await preflight(JSON.stringify(body(`${base}/root.crl`, `${base}/sub.crl`)), {
      crls: [
        { source: join(dir, 'crls', 'root.crl'), bytes: rootCrl },
        { source: join(dir, 'crls', 'sub.crl'), bytes: subCrl },
      ],
    });
    expect(project(lib)).toEqual(project(fromFiles));
    expect(fromFiles.findings[1].message).toMatch(/AADSTS500171/);
    // A revoked CA breaks sign-in, not the upload: the server never sees a CRL, so it would accept the body.
    expect([lib.ok, lib.verdict, lib.graphError]).toEqual([false, 'accepted', null]);
  });

  it('reports failed downloads with their AADSTS codes, and a PEM CRL as served wrongly', async () => {
    const bodyFile = join(dir, 'bad.json');
    writeFileSync(bodyFile, JSON.stringify(body(`${base}/forbidden`, `${base}/sub.pem`)));
    const r = await runCli(['check', bodyFile, '--fetch-crls']);
    expect(r.code).toBe(1);
    expect(r.stdout).toMatch(/crl\.download-failed.*\n.*answered HTTP 403 \(AADSTS500173/);
    expect(r.stdout).toMatch(/error\s+crl\.pem-armour.*\n.*AADSTS2205011/);
  });

  it('checks a 21 MB CRL: over the global sign-in limit, within the US Government one', async () => {
    const now = Date.now();
    const big = await buildCrl({
      issuer: root,
      thisUpdate: new Date(now - DAY),
      nextUpdate: new Date(now + DAY),
      revoked: sequentialRevocations(600_000, new Date(now - DAY)),
    });
    expect(big.der.length).toBeGreaterThan(20_000_000);
    expect(big.der.length).toBeLessThan(45_000_000);
    const file = join(dir, 'big.crl');
    writeFileSync(file, big.der);
    const bodyFile = join(dir, 'one.json');
    writeFileSync(bodyFile, JSON.stringify({ certificateAuthorities: [body(`${base}/root.crl`, null).certificateAuthorities[0]] }));
    const global = JSON.parse((await runCli(['check', bodyFile, '--crl', file, '--format', 'json'])).stdout);
    expect(global.findings.map((f: { rule: string }) => f.rule)).toEqual(['crl.checked', 'crl.too-large']);
    expect(global.findings[1].message).toMatch(/over the 20 MB \(global\) sign-in limit.*AADSTS2205014/);
    const usgov = JSON.parse((await runCli(['check', bodyFile, '--crl', file, '--cloud', 'usgov', '--format', 'json'])).stdout);
    expect(usgov.findings.map((f: { rule: string }) => f.rule)).toEqual(['crl.checked']);
  }, 60_000);

  it('explains bad options', async () => {
    expect((await runCli(['check', 'examples/valid-body.json', '--crl', join(dir, 'missing.crl')])).stderr).toMatch(/does not exist/);
    expect((await runCli(['check', 'examples/valid-body.json', '--warn-expiry-days', 'soon'])).stderr).toMatch(/whole number of days/);
    expect((await runCli(['check', 'examples/valid-body.json', '--cloud', 'mars'])).stderr).toMatch(
      /--cloud must be one of global, usgov, dod, china/,
    );
    const empty = join(dir, 'empty');
    mkdirSync(empty, { recursive: true });
    const r = await runCli(['check', 'examples/valid-body.json', '--crl', empty]);
    expect([r.code, r.stderr]).toEqual([2, expect.stringMatching(/has no \*\.crl or \*\.pem file/)]);
  });
});
