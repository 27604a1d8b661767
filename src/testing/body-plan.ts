/**
 * Valid PATCH bodies as plans: which pooled hierarchies (always a complete chain: the root and the CAs below it down
 * to some depth), in which order, and how each entry is written (base64 or base64url, CRL URLs or null, optional
 * read-only echoes that match, optional `@odata.type`). A plan is plain data that fast-check can shrink; rendering it
 * gives a fresh body every time, which mutations may then edit in place.
 */
import * as fc from 'fast-check';
import type { CertificatePool, PooledCa } from './pool.js';

export interface EntryStyle {
  encoding: 'base64' | 'base64url';
  crl: 'absent' | 'null' | 'url';
  /** Only written as a URL when the base URL is too (a delta CRL needs its base). */
  delta: 'absent' | 'null' | 'url';
  echoIssuer: 'none' | 'windows' | 'rfc4514' | 'subject-windows';
  echoSki: 'none' | 'upper' | 'lower';
  odataType: boolean;
  /** Rotates the order in which the members are written. */
  rotate: number;
}

export type DisplayNamePlan = { kind: 'absent' } | { kind: 'null' } | { kind: 'string'; value: string };

export interface BodyPlan {
  /** [hierarchy index, number of CAs taken from its root down]. */
  picks: [number, number][];
  /** Sort keys: entry k of the flattened picks goes to the position of orderKeys[k] (stable). */
  orderKeys: number[];
  styles: EntryStyle[];
  displayName: DisplayNamePlan;
  displayNameFirst: boolean;
  odataType: boolean;
}

export interface RenderedEntry {
  cert: PooledCa;
  index: number;
  object: Record<string, unknown>;
}

export interface RenderedBody {
  body: Record<string, unknown>;
  entries: RenderedEntry[];
}

export const RESOURCE_ODATA_TYPE = '#microsoft.graph.mutualTlsOauthConfiguration';
export const ENTRY_ODATA_TYPE = '#microsoft.graph.certificateAuthority';

/** Display names up to the 256-character limit, with some non-ASCII and edge cases. */
export function displayNameArb(): fc.Arbitrary<string> {
  return fc.oneof(
    { weight: 4, arbitrary: fc.string({ maxLength: 256 }) },
    {
      weight: 1,
      arbitrary: fc.constantFrom(
        'Device CA trust list',
        'Confiance des appareils — Zoë',
        'デバイス信頼',
        '',
        ' ',
        'x'.repeat(256),
        'é'.repeat(256),
        '\u{1F510} mTLS',
      ),
    },
  );
}

const entryStyleArb: fc.Arbitrary<EntryStyle> = fc.record({
  encoding: fc.constantFrom<EntryStyle['encoding']>('base64', 'base64', 'base64', 'base64url'),
  crl: fc.constantFrom<EntryStyle['crl']>('absent', 'null', 'url', 'url'),
  delta: fc.constantFrom<EntryStyle['delta']>('absent', 'null', 'url'),
  echoIssuer: fc.constantFrom<EntryStyle['echoIssuer']>('none', 'none', 'windows', 'rfc4514', 'subject-windows'),
  echoSki: fc.constantFrom<EntryStyle['echoSki']>('none', 'none', 'upper', 'lower'),
  odataType: fc.boolean(),
  rotate: fc.nat(5),
});

export interface PlanConstraints {
  /** At least one CA below a root (so an intermediate and its issuer are both listed). */
  intermediate?: boolean;
}

export function bodyPlanArb(pool: CertificatePool, constraints: PlanConstraints = {}): fc.Arbitrary<BodyPlan> {
  const H = pool.hierarchies.length;
  const maxEntries = pool.hierarchies.reduce((n, h) => n + h.length, 0);
  return fc
    .record({
      rawPicks: fc.array(fc.tuple(fc.nat(), fc.nat()), { minLength: 1, maxLength: Math.min(3, H) }),
      orderKeys: fc.array(fc.nat(), { minLength: maxEntries, maxLength: maxEntries }),
      styles: fc.array(entryStyleArb, { minLength: maxEntries, maxLength: maxEntries }),
      displayName: fc.oneof(
        fc.constant<DisplayNamePlan>({ kind: 'absent' }),
        fc.constant<DisplayNamePlan>({ kind: 'null' }),
        displayNameArb().map((value): DisplayNamePlan => ({ kind: 'string', value })),
      ),
      displayNameFirst: fc.boolean(),
      odataType: fc.boolean(),
    })
    .map(({ rawPicks, ...rest }) => {
      const depthOf = new Map<number, number>();
      for (const [h, d] of rawPicks) {
        const chain = pool.hierarchies[h % H]!;
        depthOf.set(h % H, Math.max(depthOf.get(h % H) ?? 0, 1 + (d % chain.length)));
      }
      const picks = [...depthOf.entries()];
      if (constraints.intermediate && picks.every(([, d]) => d < 2)) picks[0]![1] = 2;
      return { picks, ...rest };
    });
}

/** The certificates a plan lists, in body order. */
export function planCertificates(pool: CertificatePool, plan: BodyPlan): PooledCa[] {
  const flat = plan.picks.flatMap(([h, depth]) => pool.hierarchies[h]!.slice(0, depth));
  return flat
    .map((cert, k) => ({ cert, key: plan.orderKeys[k] ?? 0, k }))
    .sort((a, b) => a.key - b.key || a.k - b.k)
    .map((x) => x.cert);
}

/** One entry as a client writes it. */
export function renderEntry(cert: PooledCa, style: EntryStyle): Record<string, unknown> {
  const members: [string, unknown][] = [
    ['certificate', style.encoding === 'base64url' ? cert.base64url : cert.base64],
    ['isRootAuthority', cert.selfSigned],
  ];
  if (style.crl !== 'absent') members.push(['certificateRevocationListUrl', style.crl === 'url' ? cert.crlUrl : null]);
  if (style.delta !== 'absent')
    members.push(['deltaCertificateRevocationListUrl', style.delta === 'url' && style.crl === 'url' ? cert.deltaCrlUrl : null]);
  if (style.echoIssuer !== 'none') {
    members.push([
      'issuer',
      style.echoIssuer === 'windows' ? cert.issuerWindows : style.echoIssuer === 'rfc4514' ? cert.issuer : cert.subjectWindows,
    ]);
  }
  if (style.echoSki !== 'none' && cert.ski) members.push(['issuerSki', style.echoSki === 'upper' ? cert.ski : cert.ski.toLowerCase()]);
  if (style.odataType) members.unshift(['@odata.type', ENTRY_ODATA_TYPE]);
  const r = style.rotate % members.length;
  return Object.fromEntries([...members.slice(r), ...members.slice(0, r)]);
}

export function renderPlan(pool: CertificatePool, plan: BodyPlan): RenderedBody {
  const certs = planCertificates(pool, plan);
  const entries = certs.map((cert, index): RenderedEntry => ({ cert, index, object: renderEntry(cert, plan.styles[index]!) }));
  const body: Record<string, unknown> = {};
  if (plan.odataType) body['@odata.type'] = RESOURCE_ODATA_TYPE;
  const writeName = () => {
    if (plan.displayName.kind !== 'absent') body.displayName = plan.displayName.kind === 'null' ? null : plan.displayName.value;
  };
  if (plan.displayNameFirst) writeName();
  body.certificateAuthorities = entries.map((e) => e.object);
  if (!plan.displayNameFirst) writeName();
  return { body, entries };
}
