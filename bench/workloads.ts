/**
 * Benchmark workloads: the Mozilla roots shipped by Debian's ca-certificates as one body, and generated CA hierarchies
 * of a given size. Each workload carries the body as JSON text (what `preflight` gets) and, for the other pipelines,
 * every certificate's DER with the index of its issuer in the list (itself for a root).
 *
 * Generated hierarchies are cached in bench/.cache/ keyed by size and generator version: generation (10,000 signatures)
 * is not what is measured, and reruns should start timing at once.
 */
import { X509Certificate } from 'node:crypto';
import { existsSync, mkdirSync, readdirSync, readFileSync, writeFileSync } from 'node:fs';
import { dirname, join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { buildCertificate, generateKeyPair, type BuiltCertificate, type KeyPairHandle } from '../src/testing/builder.js';
import { seededRandom } from '../src/seeded-random.js';

export interface Workload {
  name: string;
  /** The PATCH body as JSON text, pretty-printed as a file would be. */
  text: string;
  /** DER of each listed certificate, in list order. */
  ders: Uint8Array<ArrayBuffer>[];
  /** Index (into `ders`) of each certificate's issuer; its own index for a root. */
  issuerOf: number[];
}

export const MOZILLA_DIR = '/usr/share/ca-certificates/mozilla';
const CACHE_DIR = join(dirname(fileURLToPath(import.meta.url)), '.cache');
/** Bump when the shape of generated hierarchies changes, so stale caches are not reused. */
const GENERATOR_VERSION = 2;

/** Validity of every generated CA; the benchmark checks at {@link BENCH_AT}, well inside it. */
const NOT_BEFORE = new Date('2025-01-01T00:00:00Z');
const NOT_AFTER = new Date('2045-01-01T00:00:00Z');
export const BENCH_AT = new Date('2026-06-01T00:00:00Z');

function fromBase64(b64: string): Uint8Array<ArrayBuffer> {
  return new Uint8Array(Buffer.from(b64, 'base64'));
}

function toBase64(der: Uint8Array): string {
  return Buffer.from(der.buffer, der.byteOffset, der.byteLength).toString('base64');
}

/** The 142 (or however many the installed package has) Mozilla roots, each self-signed. */
export function mozillaWorkload(dir = MOZILLA_DIR): Workload {
  if (!existsSync(dir)) throw new Error(`${dir} is missing: install Debian's ca-certificates package (apt-get install -y ca-certificates)`);
  const files = readdirSync(dir)
    .filter((f) => f.endsWith('.crt'))
    .sort();
  const ders = files.map((f) => new Uint8Array(new X509Certificate(readFileSync(join(dir, f))).raw));
  const body = {
    displayName: 'Mozilla roots',
    certificateAuthorities: ders.map((der) => ({ certificate: toBase64(der), isRootAuthority: true })),
  };
  return { name: 'mozilla-roots', text: JSON.stringify(body, null, 2), ders, issuerOf: ders.map((_, i) => i) };
}

interface Shape {
  roots: number;
  /** Level-1 intermediates under each root. */
  perRoot: number;
}

/** A few roots, each with a handful of level-1 intermediates, and issuing CAs spread evenly under those. */
function shapeFor(cas: number): Shape {
  const roots = cas <= 10 ? 2 : cas <= 100 ? 3 : cas <= 1000 ? 5 : 10;
  return { roots, perRoot: 4 };
}

interface GeneratedCa {
  der: Uint8Array<ArrayBuffer>;
  issuer: number;
  isRoot: boolean;
  crl: string;
}

async function keyPool(): Promise<{ ec: KeyPairHandle[]; rsa: KeyPairHandle[] }> {
  const ec = await Promise.all(Array.from({ length: 8 }, () => generateKeyPair('P-256')));
  const rsa = await Promise.all(Array.from({ length: 3 }, () => generateKeyPair('RSA-2048')));
  return { ec, rsa };
}

/**
 * `cas` certificates: roots alternate RSA-2048 / P-256; one intermediate in ten has an RSA-2048 key, the rest P-256.
 * Keys come from a small pool (so CAs share keys, as re-keyed hierarchies never do; verification cost is unaffected:
 * every pipeline imports the key of each parsed certificate). Every subordinate names its issuer's CRL in its CRL
 * distribution points, and every entry configures its own CRL URL, so the CRL rules run and find nothing.
 */
async function generateHierarchy(cas: number): Promise<GeneratedCa[]> {
  const pool = await keyPool();
  const shape = shapeFor(cas);
  const built: { cert: BuiltCertificate; id: string }[] = [];
  const out: GeneratedCa[] = [];
  const crlOf = (id: string) => `http://crl.bench.example/${id}.crl`;
  let ecNext = 0;
  let rsaNext = 0;
  const nextKey = (rsa: boolean) => (rsa ? pool.rsa[rsaNext++ % pool.rsa.length]! : pool.ec[ecNext++ % pool.ec.length]!);
  const make = async (n: number, parent: number | null): Promise<void> => {
    const level = parent === null ? 0 : built[parent]!.id.split('.').length;
    const id = parent === null ? `r${n}` : `${built[parent]!.id}.${n}`;
    const key = nextKey(parent === null ? n % 2 === 0 : out.length % 10 === 0);
    const cert = await buildCertificate({
      subject: `CN=Bench ${level === 0 ? 'Root' : level === 1 ? 'Intermediate' : 'Issuing'} CA ${id}, O=Bench, C=US`,
      key,
      issuer: parent === null ? 'self' : built[parent]!.cert,
      serialNumber: out.length + 1,
      notBefore: NOT_BEFORE,
      notAfter: NOT_AFTER,
      ...(parent === null ? {} : { crlDistributionPoints: [crlOf(built[parent]!.id)] }),
    });
    built.push({ cert, id });
    out.push({ der: cert.der, issuer: parent ?? out.length, isRoot: parent === null, crl: crlOf(id) });
  };
  for (let r = 0; r < shape.roots && out.length < cas; r++) await make(r, null);
  const rootCount = out.length;
  const level1: number[] = [];
  for (let k = 0; k < shape.perRoot && out.length < cas; k++) {
    for (let r = 0; r < rootCount && out.length < cas; r++) {
      level1.push(out.length);
      await make(k, r);
    }
  }
  for (let n = 0; out.length < cas; n++) await make(n, level1[n % level1.length]!);
  return out;
}

/** Shuffles the list (seeded) so that no pipeline benefits from issuers coming first. */
function shuffled(cas: GeneratedCa[], seed: number): GeneratedCa[] {
  const random = seededRandom(seed).next;
  const order = cas.map((_, i) => i);
  for (let i = order.length - 1; i > 0; i--) {
    const j = Math.floor(random() * (i + 1));
    [order[i], order[j]] = [order[j]!, order[i]!];
  }
  const position = new Array<number>(cas.length);
  order.forEach((from, to) => {
    position[from] = to;
  });
  return order.map((from) => ({ ...cas[from]!, issuer: position[cas[from]!.issuer]! }));
}

interface CachedHierarchy {
  version: number;
  cas: { der: string; issuer: number; isRoot: boolean; crl: string }[];
}

/** A generated hierarchy of `cas` CAs, from bench/.cache/ when present. */
export async function hierarchyWorkload(cas: number): Promise<Workload> {
  const file = join(CACHE_DIR, `hierarchy-${cas}.json`);
  let list: GeneratedCa[] | null = null;
  if (existsSync(file)) {
    try {
      const cached = JSON.parse(readFileSync(file, 'utf8')) as CachedHierarchy;
      if (cached.version === GENERATOR_VERSION && cached.cas.length === cas) {
        list = cached.cas.map((c) => ({ ...c, der: fromBase64(c.der) }));
      }
    } catch {
      list = null; // a truncated cache file (interrupted run): generate again
    }
  }
  if (!list) {
    list = shuffled(await generateHierarchy(cas), cas);
    mkdirSync(CACHE_DIR, { recursive: true });
    const cached: CachedHierarchy = { version: GENERATOR_VERSION, cas: list.map((c) => ({ ...c, der: toBase64(c.der) })) };
    writeFileSync(file, JSON.stringify(cached));
  }
  const body = {
    displayName: `Bench hierarchy of ${cas} CAs`,
    certificateAuthorities: list.map((c) => ({
      certificate: toBase64(c.der),
      isRootAuthority: c.isRoot,
      certificateRevocationListUrl: c.crl,
    })),
  };
  return {
    name: `hierarchy-${cas}`,
    text: JSON.stringify(body, null, 2),
    ders: list.map((c) => c.der),
    issuerOf: list.map((c) => c.issuer),
  };
}

export const HIERARCHY_SIZES = [10, 100, 1000, 10000] as const;

/** Loads a workload by its name (`mozilla-roots` or `hierarchy-<n>`). */
export async function workloadByName(name: string): Promise<Workload> {
  if (name === 'mozilla-roots') return mozillaWorkload();
  const m = /^hierarchy-(\d+)$/.exec(name);
  if (m) return hierarchyWorkload(Number(m[1]));
  throw new Error(`unknown workload ${JSON.stringify(name)}: mozilla-roots or hierarchy-<n>`);
}
