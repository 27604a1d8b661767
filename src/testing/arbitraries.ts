/**
 * `ca-preflight/arbitraries`: fast-check arbitraries for Microsoft Graph trust-list bodies that carry their own
 * oracle. `createArbitraries` builds a pool of keys and real signed certificates once (asynchronous); every arbitrary
 * it returns is then synchronous and only picks and combines pooled certificates, so a 100-run property stays cheap.
 *
 * - `validBody`: complete chains, right root flags, http CRL URLs or null, matching echoes → no error finding at `at`.
 * - `invalidBody`: a valid body with exactly one defect and the finding it must produce: `{ rule, path, severity }`.
 * - `crlCase`: a valid body and CRLs (files or downloads) with one CRL defect, and the crl.* finding it must produce.
 * - `deviceCase`: a device certificate, a configuration and CRLs, with what `checkDevice` must answer (authenticates,
 *   the AADSTS code, the finding, the identity, the path).
 *
 * Reproducibility: the same `seed` and options give the same pool layout (names, depths, serial numbers, URLs, order)
 * and, with the same fast-check seed, the same choices. Keys come from WebCrypto and ECDSA/RSA-PSS signatures are
 * randomised, so the certificate bytes (and thumbprints) differ between processes.
 */
import * as fc from 'fast-check';
import type { KeySpec } from './builder.js';
import type { Severity } from '../types.js';
import { buildPool, SUPPORTED_KEY_SPECS, type CertificatePool, type PooledCertificate } from './pool.js';
import { bodyPlanArb, renderPlan } from './body-plan.js';
import { MUTATIONS, mutationKinds, mutationSpec, type MutationKind, type MutationKindInfo } from './mutations/index.js';
import { currentResourceArb, updateCaseArb, type UpdateCase } from './resource.js';
import { invalidTextArb, textMutationKinds, validTextArb, type InvalidText, type TextMutationKind } from './text.js';
import { buildCrlPool, type CrlPool, type CrlVariant, type PooledCrls } from './crl-pool.js';
import { crlCaseArb, crlCaseKinds, validCrlsArb, type CrlCase, type CrlCaseKind, type CrlCaseKindInfo } from './crl-cases.js';
import type { CrlInput } from '../crl/types.js';
import { buildDevicePool, type DeviceIdentities, type DeviceVariant, type PooledDevices } from './device-pool.js';
import {
  deviceCaseArb,
  deviceCaseKinds,
  type DeviceCase,
  type DeviceCaseKind,
  type DeviceCaseKindInfo,
  type DeviceEncoding,
} from './device-cases.js';

export { mutationKinds, textMutationKinds, crlCaseKinds, deviceCaseKinds };
export type { MutationKind, MutationKindInfo, TextMutationKind, InvalidText, UpdateCase, CertificatePool, PooledCertificate, KeySpec };
export type { CrlCase, CrlCaseKind, CrlCaseKindInfo, CrlPool, PooledCrls, CrlVariant, CrlInput };
export type { DeviceCase, DeviceCaseKind, DeviceCaseKindInfo, DeviceEncoding, PooledDevices, DeviceVariant, DeviceIdentities };
export type { PooledCa, TwinKind } from './pool.js';
export type { WebCrypto } from '../platform-types.js';

export interface ArbitrariesOptions {
  /** Seed for the pool layout. Default 0x5eed. */
  seed?: number;
  /** Key types of the hierarchies, used in turn. Default ['P-256', 'RSA-2048']. 'RSA-1024' makes bodies with weak-key warnings. */
  keySpecs?: readonly KeySpec[];
  /** Number of hierarchies (each a root and one or two CAs below it). Default 4. */
  poolSize?: number;
  /** The check time the pool is valid at (pass the same `at` to preflight). Default now, to the second. */
  at?: Date;
  /** WebCrypto for keys and signatures. Default globalThis.crypto. */
  crypto?: Crypto;
  /** Restricts `invalidBody` to these kinds. Default every kind. */
  kinds?: readonly MutationKind[];
}

/** A valid body with one defect, and the finding that defect must produce. */
export interface InvalidBody {
  kind: MutationKind;
  /** Usually an object; `body-not-object` yields arrays, numbers, booleans and null. */
  body: unknown;
  expected: { rule: string; path: string; severity: Severity };
  /** Rules the body may also trip as consequences of the defect (see `mutationKinds`). Info findings may always appear. */
  mayAlso: readonly string[];
}

export interface CaPreflightArbitraries {
  readonly seed: number;
  readonly at: Date;
  readonly pool: CertificatePool;
  /** Any valid pooled CA certificate (root or intermediate). */
  certificate: fc.Arbitrary<PooledCertificate>;
  /** A complete chain, root first: a pooled hierarchy down to some depth. */
  hierarchy: fc.Arbitrary<PooledCertificate[]>;
  /** PATCH bodies with no error finding at `at` (and no warning unless `keySpecs` has weak keys). */
  validBody: fc.Arbitrary<Record<string, unknown>>;
  /** `validBody` as JSON text, compact or indented. */
  validText: fc.Arbitrary<string>;
  invalidBody: fc.Arbitrary<InvalidBody>;
  /** `invalidBody` restricted to the given kinds. */
  mutation(...kinds: MutationKind[]): fc.Arbitrary<InvalidBody>;
  /** JSON text that is not JSON (`body.not-json` at "") or writes a member twice (`body.duplicate-key`). */
  invalidText: fc.Arbitrary<InvalidText>;
  /** GET responses: `@odata.context`, id, displayName, tlsClientAuthParameter, entries with `issuer` and `issuerSki`. */
  currentResource: fc.Arbitrary<Record<string, unknown>>;
  /** A current resource and a valid desired body, with the thumbprints the body removes and adds. */
  update: fc.Arbitrary<UpdateCase>;
  /** The CRLs of every pooled CA: good, delta, and one defect each (for your own combinations). */
  readonly crls: CrlPool;
  /** A valid body and good CRLs of CAs that configure their URL (files, downloads, deltas): no error, no warning. */
  validCrls: fc.Arbitrary<{ body: Record<string, unknown>; crls: CrlInput[] }>;
  /** A valid body with CRLs carrying one defect, and the finding it must produce (`preflight(body, { crls, at })`). */
  crlCase: fc.Arbitrary<CrlCase>;
  /** `crlCase` restricted to the given kinds. */
  crlMutation(...kinds: CrlCaseKind[]): fc.Arbitrary<CrlCase>;
  /** Every hierarchy's device certificates (issued by its last CA) and the CRL that revokes the plain one. */
  readonly devices: readonly PooledDevices[];
  /** A device file, a configuration and CRLs, with what `checkDevice(device, configuration, { crls, at })` must answer. */
  deviceCase: fc.Arbitrary<DeviceCase>;
  /** `deviceCase` restricted to the given kinds. */
  deviceMutation(...kinds: DeviceCaseKind[]): fc.Arbitrary<DeviceCase>;
}

export const DEFAULT_SEED = 0x5eed;

function checkOptions(o: ArbitrariesOptions): { seed: number; keySpecs: readonly KeySpec[]; poolSize: number; at: Date } {
  const seed = o.seed ?? DEFAULT_SEED;
  if (!Number.isInteger(seed)) throw new TypeError(`seed must be an integer, got ${String(seed)}`);
  const keySpecs = o.keySpecs ?? (['P-256', 'RSA-2048'] as const);
  if (keySpecs.length === 0) throw new RangeError('keySpecs must name at least one key type');
  for (const k of keySpecs) {
    if (!SUPPORTED_KEY_SPECS.includes(k))
      throw new RangeError(`unsupported key spec ${JSON.stringify(k)}; use one of ${SUPPORTED_KEY_SPECS.join(', ')}`);
  }
  const poolSize = o.poolSize ?? 4;
  if (!Number.isInteger(poolSize) || poolSize < 1 || poolSize > 64)
    throw new RangeError(`poolSize must be an integer from 1 to 64, got ${String(poolSize)}`);
  const at = o.at ? new Date(o.at.getTime()) : new Date(Math.floor(Date.now() / 1000) * 1000);
  if (Number.isNaN(at.getTime())) throw new RangeError('at is not a valid date');
  return { seed, keySpecs, poolSize, at };
}

const choiceArb = fc.record({ a: fc.nat(), b: fc.nat(), s: fc.string({ maxLength: 12 }) });

/** Builds the certificate pool, then the arbitraries over it. */
export async function createArbitraries(options: ArbitrariesOptions = {}): Promise<CaPreflightArbitraries> {
  const { seed, keySpecs, poolSize, at } = checkOptions(options);
  const crypto = options.crypto ?? globalThis.crypto;
  if (!crypto?.subtle)
    throw new Error('No WebCrypto available: pass options.crypto (for example new (await import("@peculiar/webcrypto")).Crypto()).');
  const pool = await buildPool({ seed, keySpecs, poolSize, at, crypto });
  const [crls, devices] = await Promise.all([buildCrlPool(pool), buildDevicePool(pool)]);

  const mutationArb = (kind: MutationKind): fc.Arbitrary<InvalidBody> => {
    const spec = mutationSpec(kind);
    return fc.tuple(bodyPlanArb(pool, { intermediate: !!spec.needsIntermediate }), choiceArb).map(([plan, choice]): InvalidBody => {
      const { body, path } = spec.apply(renderPlan(pool, plan), choice, pool);
      return { kind, body, expected: { rule: spec.rule, path, severity: spec.severity }, mayAlso: spec.mayAlso };
    });
  };
  const mutation = (...kinds: MutationKind[]): fc.Arbitrary<InvalidBody> => {
    const chosen = kinds.length > 0 ? kinds : MUTATIONS.map((m) => m.kind);
    return fc.oneof(...chosen.map(mutationArb));
  };

  const cas = pool.hierarchies.flat();
  const validBody = bodyPlanArb(pool).map((plan) => renderPlan(pool, plan).body);
  return {
    seed,
    at,
    pool,
    certificate: fc.constantFrom(...cas),
    hierarchy: fc.tuple(fc.nat(pool.hierarchies.length - 1), fc.nat()).map(([h, d]) => {
      const chain = pool.hierarchies[h]!;
      return chain.slice(0, 1 + (d % chain.length));
    }),
    validBody,
    validText: validTextArb(validBody),
    invalidBody: mutation(...(options.kinds ?? [])),
    mutation,
    invalidText: invalidTextArb(pool),
    currentResource: currentResourceArb(pool),
    update: updateCaseArb(pool),
    crls,
    validCrls: validCrlsArb(pool, crls),
    crlCase: crlCaseArb(pool, crls, []),
    crlMutation: (...kinds) => crlCaseArb(pool, crls, kinds),
    devices,
    deviceCase: deviceCaseArb(pool, crls, devices, []),
    deviceMutation: (...kinds) => deviceCaseArb(pool, crls, devices, kinds),
  };
}
