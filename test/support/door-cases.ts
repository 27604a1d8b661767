/**
 * The same update cases for every door — the library, the CLI and the page — with the one outcome each must give: a request
 * to send, nothing to change, or a refusal and its reasons (the kinds of `RefusalReason`). test/doors.test.ts runs them
 * through the library and the CLI; test/browser/e2e/doors.test.ts through the page in Chromium.
 */
import { createHash } from 'node:crypto';
import type { Cloud } from '../../src/graph/clouds.js';
import { buildPatchRequest, cloudRefusal, findingsRefusal, type RefusalReason } from '../../src/diff/request.js';
import { preflight } from '../../src/preflight.js';
import type { Report } from '../../src/types.js';
import { buildHierarchy, type BuiltCertificate } from '../../src/testing/builder.js';

export const DOOR_AT = '2026-06-01T12:00:00Z';
const ID = 'eec5ba11-2fc0-4113-83a2-ed986ed13cdb';
const OTHER_ID = 'ffc5ba11-2fc0-4113-83a2-ed986ed13cdc';

export interface DoorCase {
  name: string;
  /** The current resource as saved or pasted; absent: none given (the CLI checks the body with `check`). */
  current?: string;
  body: string;
  cloud?: Cloud;
  allowUndocumentedCloud?: boolean;
  /** SHA-256 thumbprints whose removal the user allows (the page ticks each; the CLI gives --allow-removal, covering them all). */
  allowRemoval?: string[];
  id?: string;
  expect: {
    state: 'ready' | 'refused' | 'unchanged';
    refusals: RefusalReason['kind'][];
    /** The CLI's exit status: patch with a current resource, check without. */
    exit: 0 | 1 | 2;
  };
}

const sha256 = (c: BuiltCertificate) => createHash('sha256').update(c.der).digest('hex');
const entry = (c: BuiltCertificate, isRootAuthority: boolean) => ({
  isRootAuthority,
  certificateRevocationListUrl: null,
  deltaCertificateRevocationListUrl: null,
  certificate: c.base64,
});
const get = (id: string, cas: unknown[]) => ({
  '@odata.context': 'https://graph.microsoft.com/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations/$entity',
  id,
  displayName: 'Door cameras',
  tlsClientAuthParameter: 'tls_client_auth_subject_dn',
  certificateAuthorities: cas,
});
const text = (v: unknown) => JSON.stringify(v, null, 2);

export async function doorCases(): Promise<DoorCase[]> {
  const valid = { notBefore: new Date('2025-01-01T00:00:00Z'), notAfter: new Date('2040-01-01T00:00:00Z') };
  const [root, inter] = (await buildHierarchy({ depth: 2, namePrefix: 'Door', ...valid })) as [BuiltCertificate, BuiltCertificate];
  const [newRoot] = (await buildHierarchy({ depth: 1, namePrefix: 'Door New', ...valid })) as [BuiltCertificate];
  const [expired] = (await buildHierarchy({
    depth: 1,
    namePrefix: 'Door Expired',
    notBefore: new Date('2020-01-01T00:00:00Z'),
    notAfter: new Date('2026-01-01T00:00:00Z'),
  })) as [BuiltCertificate];

  const both = text(get(ID, [entry(root, true), entry(inter, false)]));
  const rootOnly = text(get(ID, [entry(root, true)]));
  const addNew = text({ certificateAuthorities: [entry(root, true), entry(newRoot, true)] });
  const dropInter = text({ certificateAuthorities: [entry(root, true)] });
  const collection = text({
    '@odata.context': 'https://graph.microsoft.com/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations',
    value: [get(ID, [entry(root, true)]), get(OTHER_ID, [entry(newRoot, true)])],
  });

  return [
    { name: 'adds a CA', current: rootOnly, body: addNew, expect: { state: 'ready', refusals: [], exit: 0 } },
    { name: 'changes nothing', current: rootOnly, body: dropInter, expect: { state: 'unchanged', refusals: [], exit: 0 } },
    { name: 'leaves a CA out', current: both, body: dropInter, expect: { state: 'refused', refusals: ['removal'], exit: 1 } },
    {
      name: 'leaves a CA out, its removal allowed',
      current: both,
      body: dropInter,
      allowRemoval: [sha256(inter)],
      expect: { state: 'ready', refusals: [], exit: 0 },
    },
    {
      name: 'has an error in the body',
      current: rootOnly,
      body: text({ certificateAuthorities: [entry(root, true), entry(inter, true)] }),
      expect: { state: 'refused', refusals: ['findings'], exit: 1 },
    },
    {
      name: 'leaves a CA out and has an error',
      current: both,
      body: text({ certificateAuthorities: [entry(root, false)] }),
      expect: { state: 'refused', refusals: ['removal', 'findings'], exit: 1 },
    },
    {
      name: 'adds a CA while a kept one is expired',
      current: text(get(ID, [entry(expired, true)])),
      body: text({ certificateAuthorities: [entry(expired, true), entry(newRoot, true)] }),
      expect: { state: 'refused', refusals: ['findings'], exit: 1 },
    },
    {
      name: 'has a current resource that is not JSON',
      current: '{ "id": ',
      body: addNew,
      expect: { state: 'refused', refusals: ['input'], exit: 2 },
    },
    {
      name: 'is for a national cloud',
      current: rootOnly,
      body: addNew,
      cloud: 'usgov',
      expect: { state: 'refused', refusals: ['cloud'], exit: 1 },
    },
    {
      name: 'is for a national cloud, allowed',
      current: rootOnly,
      body: addNew,
      cloud: 'china',
      allowUndocumentedCloud: true,
      expect: { state: 'ready', refusals: [], exit: 0 },
    },
    {
      name: 'has a collection of two as current and no id',
      current: collection,
      body: addNew,
      expect: { state: 'refused', refusals: ['input'], exit: 2 },
    },
    {
      name: 'has a collection of two as current and an id',
      current: collection,
      body: addNew,
      id: ID,
      expect: { state: 'ready', refusals: [], exit: 0 },
    },
    { name: 'has a clean body and no current resource', body: addNew, expect: { state: 'ready', refusals: [], exit: 0 } },
    {
      name: 'has a body with an error and no current resource',
      body: text({ certificateAuthorities: [entry(inter, true)] }),
      expect: { state: 'refused', refusals: ['findings'], exit: 1 },
    },
  ];
}

/**
 * The verdict the library gives on the case's body checked against its current resource, or null when the current
 * resource cannot be used (not JSON, a collection without a choice): then the CLI stops (exit 2) and nothing is compared.
 */
/** The library's report on a case's body (null when its current resource is not usable). */
export async function libraryReport(c: DoorCase): Promise<Report | null> {
  try {
    return await preflight(c.body, {
      at: DOOR_AT,
      ...(c.current !== undefined ? { current: c.current } : {}),
      ...(c.id ? { id: c.id } : {}),
    });
  } catch (e) {
    if (e instanceof TypeError) return null;
    throw e;
  }
}

/** What the library gives for a case: the outcome, and the request body when there is one to send. */
export async function libraryOutcome(
  c: DoorCase,
): Promise<{ state: DoorCase['expect']['state']; refusals: RefusalReason['kind'][]; body: unknown }> {
  const cloud = c.cloud ?? 'global';
  if (c.current === undefined) {
    const report = await preflight(c.body, { at: DOOR_AT });
    const reasons = [findingsRefusal(report), cloudRefusal(cloud, !!c.allowUndocumentedCloud)].flatMap((r) => (r ? [r.kind] : []));
    return reasons.length
      ? { state: 'refused', refusals: reasons, body: null }
      : { state: 'ready', refusals: [], body: JSON.parse(c.body) };
  }
  const result = await buildPatchRequest(c.current, c.body, {
    at: DOOR_AT,
    cloud,
    ...(c.allowUndocumentedCloud ? { allowUndocumentedCloud: true } : {}),
    ...(c.allowRemoval ? { allowRemoval: c.allowRemoval } : {}),
    ...(c.id ? { id: c.id } : {}),
  });
  if (!result.ok) return { state: 'refused', refusals: result.refusal.reasons.map((r) => r.kind), body: null };
  return result.request ? { state: 'ready', refusals: [], body: result.request.body } : { state: 'unchanged', refusals: [], body: null };
}
