/**
 * The certificate pool behind the arbitraries: keys generated once, then real signed certificates — hierarchies
 * root → intermediates, and for every CA a set of "twins" (the same subject and key, re-issued with one defect:
 * expired, forged signature, no SKI, …) so that a mutation can swap one certificate and keep every chain intact.
 * Building it is the only asynchronous step; the arbitraries then pick from it synchronously.
 */
import {
  buildCertificate,
  generateKeyPair,
  OID,
  tlv,
  withSignatureHash,
  type BuiltCertificate,
  type CertificateSpec,
  type KeyPairHandle,
  type KeySpec,
} from './builder.js';
import { encodeBase64, encodePem, fromHex, toHex } from '../certificate/encoding.js';
import { randomOrganisation, rfc4514, windowsName, type NameParts } from './names.js';
import { seededRandom, type SeededRandom } from '../seeded-random.js';
import { buildProfileCertificates, type ProfileKind } from './profile-pool.js';

export type { ProfileKind } from './profile-pool.js';

export const SUPPORTED_KEY_SPECS: readonly KeySpec[] = [
  'P-256',
  'P-384',
  'P-521',
  'RSA-1024',
  'RSA-2048',
  'RSA-3072',
  'RSA-4096',
  'Ed25519',
];

/** The defects a CA's twin carries. Each twin keeps the CA's subject and key, so the CAs below it still chain to it. */
export type TwinKind =
  | 'expired'
  | 'notYetValid'
  | 'forgedSignature'
  | 'noKeyCertSign'
  | 'noCrlSign'
  | 'noSki'
  | 'skiCritical'
  | 'basicConstraintsNotCritical'
  | 'duplicateExtension'
  | 'pathLenZero'
  | 'wrongAki'
  | 'noAki'
  | 'sha1Signature'
  | 'unknownCriticalExtension'
  | 'signatureAlgorithmMismatch'
  | 'noKeyUsage'
  | 'keyUsageNotCritical'
  | 'serialZero'
  | 'serverAuthOnly'
  | 'inhibitAnyPolicyNotCritical'
  | 'pathLenNegative'
  | 'pathLenWithoutKeyCertSign'
  | 'emptySubjectAltName';

export interface PooledCertificate {
  /** A stable label from the pool layout, e.g. `h1/ca2`, `h1/ca2~expired`, `h0/leaf`. */
  readonly id: string;
  /** The DER bytes (backed by a plain ArrayBuffer: a valid WebCrypto BufferSource). */
  readonly der: Uint8Array<ArrayBuffer>;
  /** Standard base64 of the DER, padded: the Graph `certificate` member. */
  readonly base64: string;
  /** base64url without padding (OData Edm.Binary). */
  readonly base64url: string;
  readonly pem: string;
  /** Subject and issuer, RFC 4514 and the Windows style Graph echoes. */
  readonly subject: string;
  readonly subjectWindows: string;
  readonly issuer: string;
  readonly issuerWindows: string;
  /** The SKI extension as Graph's `issuerSki`: 40 upper-case hex digits; null when the certificate has none. */
  readonly ski: string | null;
  /** SHA-256 of the DER, lower-case hex (the thumbprint Graph tools and `diff` match on). */
  readonly sha256: string;
  /** Self-issued with a signature that verifies with its own key: the right `isRootAuthority`. */
  readonly selfSigned: boolean;
  readonly keySpec: string;
  /** Index of the hierarchy in the pool, or -1 for certificates outside the hierarchies. */
  readonly hierarchy: number;
  /** 0 for a root, 1 for the CA it issues, … */
  readonly level: number;
  /** The CRL URLs this CA publishes (http), what its entry may configure; null outside the hierarchies. */
  readonly crlUrl: string | null;
  readonly deltaCrlUrl: string | null;
  readonly notBefore: Date;
  readonly notAfter: Date;
}

/** A CA of a hierarchy, with its issuer and its twins. */
export interface PooledCa extends PooledCertificate {
  readonly parent: PooledCa | null;
  readonly twins: Readonly<Partial<Record<TwinKind, PooledCertificate>>>;
}

export interface CertificatePool {
  readonly seed: number;
  readonly at: Date;
  /** Root first; every hierarchy has at least two CAs. */
  readonly hierarchies: readonly (readonly PooledCa[])[];
  /** leaves[h]: an end-entity certificate issued by the last CA of hierarchy h. */
  readonly leaves: readonly PooledCertificate[];
  /** Two CAs that issue each other (cross-certificates, no root). */
  readonly crossPair: readonly [PooledCertificate, PooledCertificate];
  /** A self-signed root on a 1024-bit RSA key. */
  readonly weakRoot: PooledCertificate;
  /**
   * Certificates that break one profile rule a twin cannot carry (src/testing/profile-pool.ts): `root` (a P-256 root
   * asserting one certificate policy) issues the intermediates; `emptyNameRoot`, `v2WithExtensions` and
   * `uniqueIdentifiers` are roots of their own.
   */
  readonly profile: Readonly<Record<ProfileKind, PooledCertificate>>;
}

/**
 * The keys behind a pool, for the CRLs and device certificates built on it (crl-pool.ts, device-pool.ts). Kept off
 * the pool object itself: the public pool is certificates only.
 */
export interface PoolKeys {
  /** The key of each hierarchy CA (twins share it). */
  ca: ReadonlyMap<PooledCa, KeyPairHandle>;
  /** Another key of the CA's type: signs what claims to come from it but does not verify. */
  forger(ca: PooledCa): KeyPairHandle;
  /** The key of the pool's leaves. */
  leaf: KeyPairHandle;
  /** A CA listed in no hierarchy (cross/a of the cross-certified pair) and its key. */
  stranger: { cert: PooledCertificate; key: KeyPairHandle };
  crypto: Crypto;
}

const KEYS = new WeakMap<CertificatePool, PoolKeys>();

/** The keys of a pool this module built. */
export function poolKeys(pool: CertificatePool): PoolKeys {
  const keys = KEYS.get(pool);
  if (!keys) throw new Error('this pool was not built by buildPool: its keys are unknown');
  return keys;
}

export interface PoolOptions {
  seed: number;
  keySpecs: readonly KeySpec[];
  poolSize: number;
  at: Date;
  crypto: Crypto;
}

const DAY = 86_400_000;

interface CaPlan {
  h: number;
  level: number;
  keySpec: KeySpec;
  subject: NameParts;
  serial: Uint8Array<ArrayBuffer>;
  crlUrl: string;
  deltaCrlUrl: string;
}

function serial(rng: SeededRandom): Uint8Array<ArrayBuffer> {
  const s = rng.bytes(16);
  s[0] = (s[0]! & 0x7f) | 0x40; // positive, 16 significant bytes (RFC 5280 §4.1.2.2: at most 20 octets)
  return s;
}

/** The layout of the pool: everything the seed decides, before any key exists. */
function planHierarchies(rng: SeededRandom, opts: PoolOptions): CaPlan[][] {
  const tag = rng.hex(3);
  return Array.from({ length: opts.poolSize }, (_, h) => {
    const org = randomOrganisation(rng, h);
    // RSA key generation dominates the build time, so only the first hierarchy of each key type goes two levels down.
    const keySpec = opts.keySpecs[h % opts.keySpecs.length]!;
    const depth = opts.keySpecs.indexOf(keySpec) === h ? 3 : 2;
    const host = `http://pki${h}.example-${tag}.test/${org.label.toLowerCase().replace(/ /g, '-')}`;
    return Array.from({ length: depth }, (_, level) => ({
      h,
      level,
      keySpec,
      subject: [['CN', `${org.label} ${level === 0 ? 'Root CA' : `Issuing CA ${level}`} G${h}-${tag}`] as const, ...org.tail],
      serial: serial(rng),
      crlUrl: `${host}/ca${level}.crl`,
      deltaCrlUrl: `${host}/ca${level}-delta.crl`,
    }));
  });
}

async function sha256Hex(crypto: Crypto, der: Uint8Array<ArrayBuffer>): Promise<string> {
  return toHex(new Uint8Array(await crypto.subtle.digest('SHA-256', der)));
}

function base64url(b64: string): string {
  return b64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, '');
}

interface Described {
  id: string;
  subject: NameParts;
  issuer: NameParts;
  selfSigned: boolean;
  keySpec: string;
  hierarchy: number;
  level: number;
  crlUrl: string | null;
  deltaCrlUrl: string | null;
}

async function pooled(built: BuiltCertificate, d: Described, crypto: Crypto): Promise<PooledCertificate> {
  const base64 = encodeBase64(built.der);
  return Object.freeze({
    id: d.id,
    der: built.der,
    base64,
    base64url: base64url(base64),
    pem: encodePem(built.der),
    subject: rfc4514(d.subject),
    subjectWindows: windowsName(d.subject),
    issuer: rfc4514(d.issuer),
    issuerWindows: windowsName(d.issuer),
    ski: built.ski ? toHex(built.ski, true) : null,
    sha256: await sha256Hex(crypto, built.der),
    selfSigned: d.selfSigned,
    keySpec: d.keySpec,
    hierarchy: d.hierarchy,
    level: d.level,
    crlUrl: d.crlUrl,
    deltaCrlUrl: d.deltaCrlUrl,
    notBefore: built.notBefore,
    notAfter: built.notAfter,
  });
}

/** Builds the pool: keys in parallel, then every certificate. */
export async function buildPool(opts: PoolOptions): Promise<CertificatePool> {
  const { crypto, at } = opts;
  const rng = seededRandom(opts.seed);
  const plans = planHierarchies(rng, opts);
  const gen = (spec: KeySpec) => generateKeyPair(spec, { crypto });
  // A forger needs another key of the same type: another hierarchy's root key when there is one, else a key of its own.
  const lonelySpecs = [...new Set(opts.keySpecs)].filter((spec) => plans.filter((chain) => chain[0]!.keySpec === spec).length < 2);
  const [caKeys, lonelyKeys, leafKey, crossA, crossB, weakKey, profileKey] = await Promise.all([
    Promise.all(plans.map((chain) => Promise.all(chain.map((p) => gen(p.keySpec))))),
    Promise.all(lonelySpecs.map(gen)),
    gen('P-256'),
    gen('P-256'),
    gen('P-256'),
    gen('RSA-1024'),
    gen('P-256'),
  ]);
  const forgerOf = (h: number): KeyPairHandle => {
    const spec = plans[h]![0]!.keySpec;
    const lonely = lonelySpecs.indexOf(spec);
    if (lonely >= 0) return lonelyKeys[lonely]!;
    for (let k = 1; k < plans.length; k++) {
      const other = (h + k) % plans.length;
      if (plans[other]![0]!.keySpec === spec) return caKeys[other]![0]!;
    }
    throw new Error(`no forging key for ${spec}`);
  };
  const validity = { notBefore: new Date(at.getTime() - 30 * DAY), notAfter: new Date(at.getTime() + 3650 * DAY) };
  const tag = rng.hex(3);

  const hierarchies: PooledCa[][] = [];
  for (const chain of plans) {
    const out: PooledCa[] = [];
    let parentBuilt: BuiltCertificate | null = null;
    for (const p of chain) {
      const key = caKeys[p.h]![p.level]!;
      const parent = out[p.level - 1] ?? null;
      const base: CertificateSpec = {
        subject: rfc4514(p.subject),
        key,
        crypto,
        serialNumber: p.serial,
        ...validity,
        issuer: parentBuilt ?? 'self',
      };
      if (parent) {
        base.crlDistributionPoints = [parent.crlUrl!];
        base.freshestCrl = [parent.deltaCrlUrl!];
      }
      const built = await buildCertificate(base);
      const issuerParts = parent ? plans[p.h]![p.level - 1]!.subject : p.subject;
      const describe = (suffix: string, selfSigned: boolean): Described => ({
        id: `h${p.h}/ca${p.level}${suffix}`,
        subject: p.subject,
        issuer: issuerParts,
        selfSigned,
        keySpec: p.keySpec,
        hierarchy: p.h,
        level: p.level,
        crlUrl: p.crlUrl,
        deltaCrlUrl: p.deltaCrlUrl,
      });
      const twin = async (kind: TwinKind, change: Partial<CertificateSpec>): Promise<[TwinKind, PooledCertificate]> => {
        const spec: CertificateSpec = { ...base, serialNumber: serial(rng), ...change };
        return [kind, await pooled(await buildCertificate(spec), describe(`~${kind}`, !parent && kind !== 'forgedSignature'), crypto)];
      };
      const twinSpecs: [TwinKind, Partial<CertificateSpec>][] = [
        ['expired', { notBefore: new Date(at.getTime() - 730 * DAY), notAfter: new Date(at.getTime() - DAY) }],
        ['notYetValid', { notBefore: new Date(at.getTime() + 30 * DAY), notAfter: new Date(at.getTime() + 3650 * DAY) }],
        ['forgedSignature', { signWith: forgerOf(p.h) }],
        ['noKeyCertSign', { keyUsage: { bits: ['cRLSign'] } }],
        ['noCrlSign', { keyUsage: { bits: ['keyCertSign'] } }],
        ['noSki', { subjectKeyIdentifier: null }],
        ['skiCritical', { subjectKeyIdentifier: { value: 'method1', critical: true } }],
        ['basicConstraintsNotCritical', { basicConstraints: { cA: true, critical: false } }],
        // extnValue of a second basicConstraints: SEQUENCE { BOOLEAN TRUE }
        [
          'duplicateExtension',
          { extraExtensions: [{ oid: OID.basicConstraints, critical: true, value: tlv(0x30, new Uint8Array([1, 1, 0xff])) }] },
        ],
        ['pathLenZero', { basicConstraints: { cA: true, pathLenConstraint: 0 } }],
        // A private-enterprise arc nobody recognises, marked critical; its value is an ASN.1 NULL.
        [
          'unknownCriticalExtension',
          { extraExtensions: [{ oid: '1.3.6.1.4.1.55555.7.1', critical: true, value: new Uint8Array([5, 0]) }] },
        ],
        // Signed (and verified) with the outer algorithm; the TBS names another one.
        ['noKeyUsage', { keyUsage: null }],
        ['keyUsageNotCritical', { keyUsage: { bits: ['keyCertSign', 'cRLSign'], critical: false } }],
        ['serialZero', { serialNumber: new Uint8Array([0]) }],
        ['serverAuthOnly', { extendedKeyUsage: [OID.ekuServerAuth] }],
        // inhibitAnyPolicy (SkipCerts 0) not critical; RFC 5280 §4.2.1.14 requires critical.
        ['inhibitAnyPolicyNotCritical', { extraExtensions: [{ oid: '2.5.29.54', value: new Uint8Array([2, 1, 0]) }] }],
        // basicConstraints { cA TRUE, pathLenConstraint -1 }, written by hand: the builder writes only valid numbers.
        [
          'pathLenNegative',
          {
            basicConstraints: null,
            extraExtensions: [{ oid: OID.basicConstraints, critical: true, value: tlv(0x30, new Uint8Array([1, 1, 0xff, 2, 1, 0xff])) }],
          },
        ],
        ['pathLenWithoutKeyCertSign', { basicConstraints: { cA: true, pathLenConstraint: 5 }, keyUsage: { bits: ['cRLSign'] } }],
        // subjectAltName with no name in it: GeneralNames is SIZE (1..MAX).
        ['emptySubjectAltName', { extraExtensions: [{ oid: '2.5.29.17', value: new Uint8Array([0x30, 0]) }] }],
        [
          'signatureAlgorithmMismatch',
          {
            tbsSignatureAlgorithm: {
              oid: (parentBuilt?.key ?? key).signer.algorithm.oid === OID.ecdsaWithSHA512 ? OID.ecdsaWithSHA384 : OID.ecdsaWithSHA512,
            },
          },
        ],
      ];
      if (parent && parentBuilt) {
        twinSpecs.push(['wrongAki', { authorityKeyIdentifier: rng.bytes(20) }]);
        twinSpecs.push(['noAki', { authorityKeyIdentifier: null }]);
        twinSpecs.push([
          'sha1Signature',
          { issuer: { ...parentBuilt, key: await withSignatureHash(parentBuilt.key, 'SHA-1', { crypto }) } },
        ]);
      }
      const twins = Object.freeze(Object.fromEntries(await Promise.all(twinSpecs.map(([k, c]) => twin(k, c)))));
      const ca: PooledCa = Object.freeze({ ...(await pooled(built, describe('', !parent), crypto)), parent, twins });
      out.push(ca);
      parentBuilt = built;
    }
    hierarchies.push(out);
  }

  const leaves = await Promise.all(
    hierarchies.map(async (chain, h) => {
      const issuer = chain[chain.length - 1]!;
      const issuerParts = plans[h]![chain.length - 1]!.subject;
      const subject: NameParts = [['CN', `Device ${h}-${tag}`], ...issuerParts.slice(1)];
      const key = leafKey;
      const issuerKey = caKeys[h]![chain.length - 1]!;
      const built = await buildCertificate({
        subject: rfc4514(subject),
        key,
        crypto,
        serialNumber: serial(rng),
        ...validity,
        issuer: { subject: issuer.subject, key: issuerKey, ski: issuer.ski ? fromHex(issuer.ski) : null },
        basicConstraints: { cA: false },
        keyUsage: { bits: ['digitalSignature'] },
        extendedKeyUsage: [OID.ekuClientAuth],
      });
      return pooled(
        built,
        {
          id: `h${h}/leaf`,
          subject,
          issuer: issuerParts,
          selfSigned: false,
          keySpec: key.spec,
          hierarchy: h,
          level: chain.length,
          crlUrl: null,
          deltaCrlUrl: null,
        },
        crypto,
      );
    }),
  );

  const cycleOrg: NameParts = [
    ['O', 'Cross Certified'],
    ['C', 'US'],
  ];
  const nameA: NameParts = [['CN', `Cycle A ${tag}`], ...cycleOrg];
  const nameB: NameParts = [['CN', `Cycle B ${tag}`], ...cycleOrg];
  const cross = async (subject: NameParts, key: KeyPairHandle, issuer: NameParts, issuerKey: KeyPairHandle, id: string) =>
    pooled(
      await buildCertificate({
        subject: rfc4514(subject),
        key,
        crypto,
        serialNumber: serial(rng),
        ...validity,
        issuer: { subject: rfc4514(issuer), key: issuerKey },
      }),
      { id, subject, issuer, selfSigned: false, keySpec: 'P-256', hierarchy: -1, level: 1, crlUrl: null, deltaCrlUrl: null },
      crypto,
    );
  const crossPair = [await cross(nameA, crossA, nameB, crossB, 'cross/a'), await cross(nameB, crossB, nameA, crossA, 'cross/b')] as const;

  const weakName: NameParts = [
    ['CN', `Legacy Weak Root ${tag}`],
    ['O', 'Legacy'],
    ['C', 'US'],
  ];
  const weakRoot = await pooled(
    await buildCertificate({ subject: rfc4514(weakName), key: weakKey, crypto, serialNumber: serial(rng), ...validity }),
    {
      id: 'weak/root',
      subject: weakName,
      issuer: weakName,
      selfSigned: true,
      keySpec: 'RSA-1024',
      hierarchy: -1,
      level: 0,
      crlUrl: null,
      deltaCrlUrl: null,
    },
    crypto,
  );

  const profileParts = (kind: ProfileKind): NameParts =>
    kind === 'emptySubject' || kind === 'emptyNameRoot'
      ? []
      : [
          ['CN', `Profile ${kind} ${tag}`],
          ['O', 'Profile'],
          ['C', 'US'],
        ];
  const rootParts = profileParts('root');
  const builtProfile = await buildProfileCertificates(
    profileKey,
    rng,
    (k) => rfc4514(profileParts(k)),
    { ...validity, crypto },
    () => serial(rng),
  );
  const ownRoots = new Set<ProfileKind>(['root', 'emptyNameRoot', 'v2WithExtensions', 'uniqueIdentifiers']);
  const profile = Object.freeze(
    Object.fromEntries(
      await Promise.all(
        (Object.keys(builtProfile) as ProfileKind[]).map(async (kind) => {
          const root = ownRoots.has(kind);
          const described: Described = {
            id: `profile/${kind}`,
            subject: profileParts(kind),
            issuer: root ? profileParts(kind) : rootParts,
            selfSigned: root,
            keySpec: kind.startsWith('rsa') ? 'RSA' : 'P-256',
            hierarchy: -1,
            level: root ? 0 : 1,
            crlUrl: null,
            deltaCrlUrl: null,
          };
          return [kind, await pooled(builtProfile[kind], described, crypto)] as const;
        }),
      ),
    ) as Record<ProfileKind, PooledCertificate>,
  );

  const pool: CertificatePool = Object.freeze({ seed: opts.seed, at, hierarchies, leaves, crossPair, weakRoot, profile });
  const caKey = new Map<PooledCa, KeyPairHandle>(hierarchies.flatMap((chain, h) => chain.map((ca, level) => [ca, caKeys[h]![level]!])));
  KEYS.set(pool, {
    ca: caKey,
    forger: (ca) => forgerOf(ca.hierarchy),
    leaf: leafKey,
    stranger: { cert: crossPair[0], key: crossA },
    crypto,
  });
  return pool;
}
