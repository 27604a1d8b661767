/**
 * Vectors for the safe update (`buildPatchRequest`): vectors/update/patch/*.json, each
 * `{ description, current, desired | operations, options, expect: { ok, refusal?, body? } }`, checked against the
 * library before anything is written (a case whose result differs from its declaration stops the run).
 * Keys are fresh per run, so certificate bytes differ between runs while expectations do not.
 *
 * With --examples it also writes the files docs/update.md is captured from (examples/update/), but only those
 * missing unless --force is given too: the captured output in the docs must keep matching them.
 *
 *   npm run vectors:update [-- --examples [--force]]
 */
import { existsSync, mkdirSync, readdirSync, rmSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';
import { buildCertificate, buildHierarchy, generateKeyPair, type BuiltCertificate } from '../src/testing/builder.js';
import { buildPatchRequest, type PatchOptions } from '../src/diff/request.js';
import { simulatePatch } from '../src/simulator/simulator.js';
import { entityContextUrl } from '../src/graph/clouds.js';

const ROOT = new URL('..', import.meta.url).pathname;
const VECTORS = join(ROOT, 'vectors', 'update', 'patch');
const EXAMPLES = join(ROOT, 'examples', 'update');

/** The vectors' clock; validity windows sit well around it. */
const AT = '2026-06-01T00:00:00Z';
const FROM = new Date('2025-01-01T00:00:00Z');
const TO = new Date('2040-01-01T00:00:00Z');
const ID = 'eec5ba11-2fc0-4113-83a2-ed986ed13cdb';

interface PatchVector {
  name: string;
  description: string;
  current: unknown;
  desired?: unknown;
  operations?: unknown[];
  options: { at: string; allowRemoval?: boolean; id?: string; cloud?: string };
  expect: { ok: boolean; refusal?: string[]; body?: unknown };
}

/** A GET response as the server would return it after storing `entries` (issuer and issuerSki computed by the simulator). */
export async function getResponse(displayName: string, entries: Record<string, unknown>[], at = AT): Promise<Record<string, unknown>> {
  const empty = {
    '@odata.context': entityContextUrl(),
    id: ID,
    deletedDateTime: null,
    displayName,
    tlsClientAuthParameter: 'tls_client_auth_subject_dn',
    certificateAuthorities: [],
  };
  const answer = await simulatePatch(empty, { body: { certificateAuthorities: entries } }, { at });
  if (answer.status !== 200) throw new Error(`the simulator refused the example's entries: ${JSON.stringify(answer.body)}`);
  return answer.body;
}

const entry = (c: BuiltCertificate, isRootAuthority: boolean, crl: string | null = null) => ({
  isRootAuthority,
  certificateRevocationListUrl: crl,
  deltaCertificateRevocationListUrl: null,
  certificate: c.base64,
});

const withColons = (hex: string) => hex.toUpperCase().match(/../g)!.join(':');

async function sha256Hex(der: Uint8Array): Promise<string> {
  return Array.from(new Uint8Array(await crypto.subtle.digest('SHA-256', der.slice())), (b) => b.toString(16).padStart(2, '0')).join('');
}

async function cases(): Promise<PatchVector[]> {
  const [root, inter] = await buildHierarchy({
    depth: 2,
    namePrefix: 'Lakeshore Retail',
    notBefore: FROM,
    notAfter: TO,
    crlBase: 'http://pki.lakeshore.example',
  });
  const [newRoot] = await buildHierarchy({ depth: 1, namePrefix: 'Lakeshore Retail G2', notBefore: FROM, notAfter: TO });
  const expiredRoot = await buildCertificate({
    subject: 'CN=Lakeshore Legacy Root CA, O=Lakeshore Retail, C=US',
    key: await generateKeyPair('P-256'),
    notBefore: new Date('2015-01-01T00:00:00Z'),
    notAfter: new Date('2025-01-01T00:00:00Z'),
  });
  const rootEntry = entry(root!, true, 'http://pki.lakeshore.example/root.crl');
  const interEntry = entry(inter!, false, 'http://pki.lakeshore.example/intermediate-1.crl');
  const current = await getResponse('DoorCamera_Model_X_TrustedCAs', [rootEntry, interEntry]);
  const interThumb = await sha256Hex(inter!.der);
  const base = { at: AT };

  // The page's Example 2 stored resource, placeholders included.
  const pageCurrent = {
    '@odata.context': entityContextUrl(),
    id: ID,
    displayName: 'DoorCamera_Model_X_TrustedCAs',
    tlsClientAuthParameter: 'tls_client_auth_subject_dn',
    certificateAuthorities: ['joGrWL+Yqkik/CABWG0d1w....', 'koGrWL+Yqkik/CABWG0d1w....'].map((certificate) => ({
      isRootAuthority: true,
      certificateRevocationListUrl: 'http://LakeshoreRetail.com/root.crl',
      deltaCertificateRevocationListUrl: null,
      certificate,
      issuer: 'Lakeshore Retail',
      issuerSubjectkeyIdentifier: 'SKI',
    })),
  };
  const withExpired = await getResponse('Legacy', [entry(expiredRoot, true)], '2024-06-01T00:00:00Z');
  const list = (...e: Record<string, unknown>[]) => ({ certificateAuthorities: e });
  const newRootEntry = {
    certificate: newRoot!.base64,
    isRootAuthority: true,
    certificateRevocationListUrl: null,
    deltaCertificateRevocationListUrl: null,
  };
  const strip = ({
    certificate,
    isRootAuthority,
    certificateRevocationListUrl,
    deltaCertificateRevocationListUrl,
  }: Record<string, unknown>) => ({ certificate, isRootAuthority, certificateRevocationListUrl, deltaCertificateRevocationListUrl });

  return [
    {
      name: 'add-root',
      description:
        'An --add of a new root (PEM): the body carries the whole list, current order, the new root last, root flag inferred from its self-signature.',
      current,
      operations: [{ op: 'add', certificate: newRoot!.pem }],
      options: base,
      expect: { ok: true, body: list(strip(rootEntry), strip(interEntry), newRootEntry) },
    },
    {
      name: 'refuse-silent-removal',
      description: 'A desired body that leaves the intermediate out would silently delete it: refused without allowRemoval.',
      current,
      desired: list(strip(rootEntry)),
      options: base,
      expect: { ok: false, refusal: ['removal'] },
    },
    {
      name: 'refuse-named-removal-without-allow',
      description: 'Even a removal named by thumbprint needs allowRemoval (a second key to turn).',
      current,
      operations: [{ op: 'remove', ca: withColons(interThumb) }],
      options: base,
      expect: { ok: false, refusal: ['removal'] },
    },
    {
      name: 'allow-named-removal',
      description: 'Removing the intermediate by its SHA-256 thumbprint (upper case, colons) with allowRemoval.',
      current,
      operations: [{ op: 'remove', ca: withColons(interThumb) }],
      options: { ...base, allowRemoval: true },
      expect: { ok: true, body: list(strip(rootEntry)) },
    },
    {
      name: 'rename-only',
      description: 'A desired body with only displayName: the body holds only displayName; the list is not sent.',
      current,
      desired: { displayName: 'THIS_IS_A_NEW_NAME' },
      options: base,
      expect: { ok: true, body: { displayName: 'THIS_IS_A_NEW_NAME' } },
    },
    {
      name: 'refuse-bad-certificate',
      description:
        'A desired body adding an entry whose certificate is truncated: the checks find errors (Graph would answer 400), so it is refused.',
      current,
      desired: list(rootEntry, interEntry, { ...newRootEntry, certificate: newRoot!.base64.slice(0, 200) }),
      options: base,
      expect: { ok: false, refusal: ['findings'] },
    },
    {
      name: 'get-response-as-current-and-desired',
      description:
        'A GET response used as is for current, and an edited copy for desired: id, @odata.*, tlsClientAuthParameter, issuer and issuerSki stay out of the body.',
      current,
      desired: {
        ...current,
        certificateAuthorities: [
          ...(current.certificateAuthorities as unknown[]),
          { ...newRootEntry, certificateRevocationListUrl: 'http://pki.lakeshore.example/g2.crl' },
        ],
      },
      options: base,
      expect: {
        ok: true,
        body: list(strip(rootEntry), strip(interEntry), {
          ...newRootEntry,
          certificateRevocationListUrl: 'http://pki.lakeshore.example/g2.crl',
        }),
      },
    },
    {
      name: 'no-change',
      description: 'Desired equals current (read-only echoes and order aside): nothing to send.',
      current,
      desired: { ...current, certificateAuthorities: [...(current.certificateAuthorities as unknown[])].reverse() },
      options: base,
      expect: { ok: true, body: null },
    },
    {
      name: 'page-example2-rename',
      description:
        'The page\'s Example 2 resource ("certificate" placeholders that are not certificates) renamed: the list is not sent, so the placeholders do not matter.',
      current: pageCurrent,
      operations: [{ op: 'rename', displayName: 'THIS_IS_A_NEW_NAME' }],
      options: base,
      expect: { ok: true, body: { displayName: 'THIS_IS_A_NEW_NAME' } },
    },
    {
      name: 'refuse-add-while-expired',
      description: 'Adding a root while the kept one has expired (Entra refuses uploads then): refused by the checks.',
      current: withExpired,
      operations: [{ op: 'add', certificate: newRoot!.base64 }],
      options: base,
      expect: { ok: false, refusal: ['findings'] },
    },
    {
      name: 'remove-matches-nothing',
      description: 'A removal whose thumbprint matches no listed CA is trouble with the request, not a refusal of the update.',
      current,
      operations: [{ op: 'remove', ca: '00'.repeat(32) }],
      options: { ...base, allowRemoval: true },
      expect: { ok: false, refusal: ['operation'] },
    },
  ];
}

export async function runVector(v: Pick<PatchVector, 'current' | 'desired' | 'operations' | 'options'>) {
  const options: PatchOptions = {
    ...v.options,
    ...(v.options.cloud ? { cloud: v.options.cloud as PatchOptions['cloud'] } : {}),
  } as PatchOptions;
  return buildPatchRequest(v.current, v.operations ?? v.desired, options);
}

async function writeExamples(force: boolean): Promise<void> {
  mkdirSync(EXAMPLES, { recursive: true });
  const notBefore = new Date('2025-01-01T00:00:00Z');
  const notAfter = new Date('2045-01-01T00:00:00Z');
  const [root, devices1] = await buildHierarchy({
    depth: 2,
    namePrefix: 'Contoso Door Cameras',
    keySpec: 'P-384',
    notBefore,
    notAfter,
    crlBase: 'http://pki.contoso.example',
  });
  const retired = await buildCertificate({
    subject: 'CN=Contoso Door Cameras Devices CA 0, O=Contoso Door Cameras, C=US',
    key: await generateKeyPair('P-256'),
    issuer: root!,
    notBefore,
    notAfter: new Date('2040-01-01T00:00:00Z'),
    crlDistributionPoints: ['http://pki.contoso.example/root.crl'],
  });
  const g2 = await buildCertificate({
    subject: 'CN=Contoso Door Cameras Root CA G2, O=Contoso Door Cameras, C=US',
    key: await generateKeyPair('P-384'),
    notBefore,
    notAfter,
  });
  const current = await getResponse(
    'DoorCamera_Model_X_TrustedCAs',
    [
      entry(root!, true, 'http://pki.contoso.example/root.crl'),
      entry(retired, false, 'http://pki.contoso.example/devices-0.crl'),
      entry(devices1!, false, 'http://pki.contoso.example/devices-1.crl'),
    ],
    new Date().toISOString(),
  );
  const cas = current.certificateAuthorities as Record<string, unknown>[];
  // What a person does by hand: copy the GET response, drop the retired CA, add G2, add a delta CRL URL.
  const desired = {
    ...current,
    certificateAuthorities: [
      { ...cas[0], deltaCertificateRevocationListUrl: 'http://pki.contoso.example/root-delta.crl' },
      cas[2],
      {
        isRootAuthority: true,
        certificateRevocationListUrl: 'http://pki.contoso.example/root-g2.crl',
        deltaCertificateRevocationListUrl: null,
        certificate: g2.base64,
      },
    ],
  };
  const files: [string, string][] = [
    ['get-response.json', `${JSON.stringify(current, null, 2)}\n`],
    ['desired.json', `${JSON.stringify(desired, null, 2)}\n`],
    ['new-root-g2.pem', g2.pem],
    // A common mistake: the PEM file pasted as is into "certificate".
    [
      'desired-pem-pasted.json',
      `${JSON.stringify(
        {
          certificateAuthorities: [...cas.map(({ issuer: _i, issuerSki: _s, ...e }) => e), { certificate: g2.pem, isRootAuthority: true }],
        },
        null,
        2,
      )}\n`,
    ],
  ];
  if (!force && files.some(([f]) => existsSync(join(EXAMPLES, f)))) {
    console.log('make-update-vectors: examples/update/ already has its files; add --force to replace them (then recapture docs/update.md)');
    return;
  }
  for (const [f, text] of files) writeFileSync(join(EXAMPLES, f), text);
  console.log(`make-update-vectors: wrote ${files.map(([f]) => `examples/update/${f}`).join(', ')}`);
}

async function main(): Promise<void> {
  const all = await cases();
  const problems: string[] = [];
  for (const v of all) {
    const r = await runVector(v);
    const kinds = r.ok ? undefined : r.refusal.reasons.map((x) => x.kind);
    const body = r.ok ? (r.request?.body ?? null) : undefined;
    if (r.ok !== v.expect.ok)
      problems.push(
        `${v.name}: ok is ${r.ok}${kinds ? ` (${r.ok ? '' : (r as { refusal: { reasons: { message: string }[] } }).refusal.reasons.map((x) => x.message).join(' | ')})` : ''}`,
      );
    if (v.expect.refusal && JSON.stringify(kinds) !== JSON.stringify(v.expect.refusal))
      problems.push(`${v.name}: refusal kinds ${JSON.stringify(kinds)}`);
    if (v.expect.ok && JSON.stringify(body) !== JSON.stringify(v.expect.body))
      problems.push(`${v.name}: body differs: ${JSON.stringify(body).slice(0, 300)}`);
  }
  if (problems.length) {
    console.error(`make-update-vectors: ${problems.length} problem(s); nothing written.\n  ${problems.join('\n  ')}`);
    process.exit(1);
  }
  mkdirSync(VECTORS, { recursive: true });
  for (const f of readdirSync(VECTORS)) if (f.endsWith('.json')) rmSync(join(VECTORS, f));
  for (const { name, ...v } of all) writeFileSync(join(VECTORS, `${name}.json`), `${JSON.stringify(v, null, 2)}\n`);
  console.log(`make-update-vectors: ${all.length} vectors in vectors/update/patch/`);
  if (process.argv.includes('--examples')) await writeExamples(process.argv.includes('--force'));
}

if (import.meta.url === `file://${process.argv[1]}`) await main();
