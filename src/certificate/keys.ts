/**
 * Public keys: what a SubjectPublicKeyInfo holds, and whether it is a key at all. A key that cannot be a key (an RSA
 * key that is not a DER RSAPublicKey of two positive INTEGERs, an EC point off its curve or of the wrong size,
 * Ed25519 with parameters) is reported as such — it verifies nothing, so no certificate is self-signed with it —
 * instead of surfacing later as "the algorithm could not be verified". The checks are exact and engine-independent
 * (OpenSSL refuses the same keys when it decodes them); WebCrypto only ever verifies keys that pass them.
 */
import type { KeyInfo } from '../types.js';
import type { DerNode } from './der.js';
import { DecodeError, decodeChecked, type IssueSink } from './der-strict.js';
import { toHex } from './encoding.js';
import { CURVES } from './oids.js';
import { components, expectType, readInteger, readOid } from './values.js';

export interface RsaKeyFacts {
  /** Modulus magnitude (no sign octet). */
  modulus: Uint8Array;
  exponent: bigint;
  /** The AlgorithmIdentifier's parameters are an ASN.1 NULL, as RFC 3279 §2.3.1 requires of rsaEncryption. */
  parametersNull: boolean;
}

/** Why the bytes are not a usable key of their algorithm, as data (every language words it; `describeKeyProblem` in English). */
export type KeyProblem =
  | { code: 'rsa-modulus' }
  | { code: 'rsa-exponent' }
  | { code: 'rsa-unreadable'; detail: string }
  | { code: 'ec-no-curve' }
  | { code: 'ec-params' }
  | { code: 'ec-coordinates'; curve: string }
  | { code: 'ec-off-curve'; curve: string }
  | { code: 'ec-x-range'; curve: string }
  | { code: 'ec-no-point'; curve: string }
  | { code: 'ec-infinity' }
  | { code: 'ec-length'; curve: string; uncompressed: number; compressed: number; actual: number; first: string }
  | { code: 'eddsa-params'; algorithm: string }
  | { code: 'eddsa-size'; algorithm: string; size: number; actual: number }
  | { code: 'unused-bits'; count: number };

/** The English account of a key problem (what `problem` and inspect's facts say). */
export function describeKeyProblem(p: KeyProblem): string {
  switch (p.code) {
    case 'rsa-modulus':
      return 'the RSA modulus is not a positive integer';
    case 'rsa-exponent':
      return 'the RSA public exponent is not a positive integer';
    case 'rsa-unreadable':
      return p.detail;
    case 'ec-no-curve':
      return 'the EC key names no curve (RFC 5480 §2.1.1: the parameters are required)';
    case 'ec-params':
      return 'the EC parameters are neither a named curve, implicit nor explicit (RFC 5480 §2.1.1)';
    case 'ec-coordinates':
      return `the point's coordinates are not below the field prime of ${p.curve}`;
    case 'ec-off-curve':
      return `the point is not on the curve ${p.curve}`;
    case 'ec-x-range':
      return `the point's x coordinate is not below the field prime of ${p.curve}`;
    case 'ec-no-point':
      return `no point of ${p.curve} has this x coordinate`;
    case 'ec-infinity':
      return 'the point is the point at infinity, which is not a public key';
    case 'ec-length':
      return `a point of ${p.curve} is ${p.uncompressed} octets (uncompressed) or ${p.compressed} (compressed); this one is ${p.actual} octets starting 0x${p.first}`;
    case 'eddsa-params':
      return `the ${p.algorithm} AlgorithmIdentifier has parameters; RFC 8410 §3 requires them absent`;
    case 'eddsa-size':
      return `an ${p.algorithm} key is ${p.size} octets; this one is ${p.actual}`;
    case 'unused-bits':
      return `the subjectPublicKey BIT STRING has ${p.count} unused bit(s); a key is a whole number of octets`;
  }
}

export interface KeyReading {
  info: KeyInfo;
  /** Why the bytes are not a usable key of their algorithm, or null. */
  problem: string | null;
  /** The same, as data. */
  why: KeyProblem | null;
  rsa: RsaKeyFacts | null;
}

/** Weierstrass parameters (y² = x³ + ax + b mod p) of the curves the library names: SEC 2 and RFC 5639, checked against OpenSSL. */
const CURVE_PARAMS: Record<string, { p: bigint; a: bigint; b: bigint }> = {
  'P-256': {
    p: 0xffffffff00000001000000000000000000000000ffffffffffffffffffffffffn,
    a: -3n,
    b: 0x5ac635d8aa3a93e7b3ebbd55769886bc651d06b0cc53b0f63bce3c3e27d2604bn,
  },
  'P-384': {
    p: 0xfffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffffeffffffff0000000000000000ffffffffn,
    a: -3n,
    b: 0xb3312fa7e23ee7e4988e056be3f82d19181d9c6efe8141120314088f5013875ac656398d8a2ed19d2a85c8edd3ec2aefn,
  },
  'P-521': {
    p: (1n << 521n) - 1n,
    a: -3n,
    b: 0x51953eb9618e1c9a1f929a21a0b68540eea2da725b99b315f3b8b489918ef109e156193951ec7e937b1652c0bd3bb1bf073573df883d2c34f1ef451fd46b503f00n,
  },
  secp256k1: { p: (1n << 256n) - (1n << 32n) - 977n, a: 0n, b: 7n },
  brainpoolP256r1: {
    p: 0xa9fb57dba1eea9bc3e660a909d838d726e3bf623d52620282013481d1f6e5377n,
    a: 0x7d5a0975fc2c3057eef67530417affe7fb8055c126dc5c6ce94a4b44f330b5d9n,
    b: 0x26dc5c6ce94a4b44f330b5d9bbd77cbf958416295cf7e1ce6bccdc18ff8c07b6n,
  },
  brainpoolP384r1: {
    p: 0x8cb91e82a3386d280f5d6f7e50e641df152f7109ed5456b412b1da197fb71123acd3a729901d1a71874700133107ec53n,
    a: 0x7bc382c63d8c150c3c72080ace05afa0c2bea28e4fb22787139165efba91f90f8aa5814a503ad4eb04a8c7dd22ce2826n,
    b: 0x04a8c7dd22ce28268b39b55416f0447c2fb77de107dcd2a62e880ea53eeb62d57cb4390295dbc9943ab78696fa504c11n,
  },
  brainpoolP512r1: {
    p: 0xaadd9db8dbe9c48b3fd4e6ae33c9fc07cb308db3b3c9d20ed6639cca703308717d4d9b009bc66842aecda12ae6a380e62881ff2f2d82c68528aa6056583a48f3n,
    a: 0x7830a3318b603b89e2327145ac234cc594cbdd8d3df91610a83441caea9863bc2ded5d5aa8253aa10a2ef1c98b9ac8b57f1117a72bf2c7b9e7c1ac4d77fc94can,
    b: 0x3df91610a83441caea9863bc2ded5d5aa8253aa10a2ef1c98b9ac8b57f1117a72bf2c7b9e7c1ac4d77fc94cadc083e67984050b75ebae5dd2809bd638016f723n,
  },
};

function toBig(bytes: Uint8Array): bigint {
  return bytes.length ? BigInt(`0x${toHex(bytes)}`) : 0n;
}

function mod(a: bigint, p: bigint): bigint {
  const r = a % p;
  return r < 0n ? r + p : r;
}

function modPow(base: bigint, exp: bigint, p: bigint): bigint {
  let result = 1n;
  let b = mod(base, p);
  for (let e = exp; e > 0n; e >>= 1n) {
    if (e & 1n) result = (result * b) % p;
    b = (b * b) % p;
  }
  return result;
}

/** Why `point` (SEC 1 §2.3.3 encoding) is not a point of the curve, or null. */
export function ecPointProblem(curve: string, point: Uint8Array): string | null {
  const why = ecPointWhy(curve, point);
  return why && describeKeyProblem(why);
}

/** {@link ecPointProblem} as data. */
export function ecPointWhy(curve: string, point: Uint8Array): KeyProblem | null {
  const params = CURVE_PARAMS[curve];
  const size = Math.ceil(Number(CURVES_BY_NAME[curve]?.bits ?? 0) / 8);
  if (!params || size === 0) return null;
  const form = point[0];
  if (form === 0x04 && point.length === 1 + 2 * size) {
    const x = toBig(point.subarray(1, 1 + size));
    const y = toBig(point.subarray(1 + size));
    if (x >= params.p || y >= params.p) return { code: 'ec-coordinates', curve };
    const rhs = mod(x * x * x + params.a * x + params.b, params.p);
    return mod(y * y, params.p) === rhs ? null : { code: 'ec-off-curve', curve };
  }
  if ((form === 0x02 || form === 0x03) && point.length === 1 + size) {
    const x = toBig(point.subarray(1));
    if (x >= params.p) return { code: 'ec-x-range', curve };
    const rhs = mod(x * x * x + params.a * x + params.b, params.p);
    // A square root exists iff rhs is 0 or a quadratic residue (Euler's criterion).
    return rhs === 0n || modPow(rhs, (params.p - 1n) / 2n, params.p) === 1n ? null : { code: 'ec-no-point', curve };
  }
  if (form === 0x00 && point.length === 1) return { code: 'ec-infinity' };
  return {
    code: 'ec-length',
    curve,
    uncompressed: 1 + 2 * size,
    compressed: 1 + size,
    actual: point.length,
    first: (form ?? 0).toString(16).padStart(2, '0'),
  };
}

const CURVES_BY_NAME: Record<string, { bits: number }> = Object.fromEntries(Object.values(CURVES).map((c) => [c.name, c]));

function bitLength(magnitude: Uint8Array): number {
  let i = 0;
  while (i < magnitude.length && magnitude[i] === 0) i++;
  return i < magnitude.length ? (magnitude.length - i - 1) * 8 + (32 - Math.clz32(magnitude[i]!)) : 0;
}

/**
 * Reads the key of a SubjectPublicKeyInfo: `algorithmName` from the library's table, `params` the AlgorithmIdentifier
 * parameters (absent: undefined), `keyBits` the subjectPublicKey bits. DER issues inside an RSAPublicKey go to `sink`.
 */
export function readKey(algorithmName: string, params: DerNode | undefined, keyBits: Uint8Array, sink: IssueSink): KeyReading {
  const info: KeyInfo = { algorithm: algorithmName };
  const out: KeyReading = { info, problem: null, why: null, rsa: null };
  const set = (why: KeyProblem | null): void => {
    out.why = why;
    out.problem = why && describeKeyProblem(why);
  };
  try {
    if (algorithmName === 'RSA' || algorithmName === 'RSA-PSS') {
      const key = decodeChecked(keyBits, () => 'subjectPublicKey (RSAPublicKey)', sink);
      const [n, e] = components(key, 'the RSAPublicKey', 2);
      expectType(n, 2, 'the RSA modulus');
      const exponent = readInteger(e!, 'the RSA public exponent');
      // The modulus is only ever looked at as octets (a minimal INTEGER, so its sign and zero-ness are in the first one).
      const c = n!.content;
      const positive = !(c[0]! & 0x80) && !(c.length === 1 && c[0] === 0);
      if (!positive) set({ code: 'rsa-modulus' });
      else if (exponent <= 0n) set({ code: 'rsa-exponent' });
      const magnitude = c[0] === 0 ? c.subarray(1) : c;
      info.size = positive ? bitLength(magnitude) : 0;
      out.rsa = { modulus: magnitude, exponent, parametersNull: !!params && params.is(5) };
    } else if (algorithmName === 'EC') {
      if (!params) set({ code: 'ec-no-curve' });
      else if (params.is(6)) {
        const oid = readOid(params, 'the EC curve');
        const curve = CURVES[oid];
        info.curve = curve?.name ?? oid;
        if (curve) {
          info.size = curve.bits;
          set(ecPointWhy(curve.name, keyBits));
        }
      } else if (params.is(16)) info.curve = 'explicit parameters';
      else if (params.is(5)) info.curve = 'implicitCurve';
      else set({ code: 'ec-params' });
    } else if (algorithmName === 'Ed25519' || algorithmName === 'Ed448') {
      const size = algorithmName === 'Ed25519' ? 32 : 57;
      info.size = algorithmName === 'Ed25519' ? 256 : 456;
      if (params) set({ code: 'eddsa-params', algorithm: algorithmName });
      else if (keyBits.length !== size) set({ code: 'eddsa-size', algorithm: algorithmName, size, actual: keyBits.length });
    }
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    set({ code: 'rsa-unreadable', detail: e.message });
  }
  return out;
}
