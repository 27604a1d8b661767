/**
 * Node-only key pairs for algorithms WebCrypto cannot produce, as {@link KeyPairHandle}s for the certificate builder:
 * RSA with MD5 (or any other digest OpenSSL still signs with), Ed448, ECDSA on secp256k1 / brainpool curves, DSA.
 * Used to make test vectors for "weak / unsupported algorithm" rules.
 */
import { generateKeyPairSync, sign, type KeyObject } from 'node:crypto';
import { OID, type KeyPairHandle, type Signer } from '../../src/testing/builder.js';

function handle(spec: string, privateKey: KeyObject, publicKey: KeyObject, signer: Signer): KeyPairHandle {
  const spki = new Uint8Array(publicKey.export({ type: 'spki', format: 'der' }));
  return { spec, privateKey, publicKey, spki, signer };
}

const RSA_OID: Record<string, string> = {
  md5: OID.md5WithRSAEncryption,
  sha1: OID.sha1WithRSAEncryption,
  sha256: OID.sha256WithRSAEncryption,
  sha384: OID.sha384WithRSAEncryption,
  sha512: OID.sha512WithRSAEncryption,
};

/** RSA PKCS#1 v1.5 with a node digest; default md5 (md5WithRSAEncryption, 1.2.840.113549.1.1.4). spec: "RSA-<bits>-<DIGEST>". */
export function nodeRsaKeyPair(
  opts: { bits?: number; hash?: 'md5' | 'sha1' | 'sha256' | 'sha384' | 'sha512'; publicExponent?: number } = {},
): KeyPairHandle {
  const bits = opts.bits ?? 2048;
  const hash = opts.hash ?? 'md5';
  const { privateKey, publicKey } = generateKeyPairSync('rsa', { modulusLength: bits, publicExponent: opts.publicExponent ?? 65537 });
  return handle(`RSA-${bits}-${hash.toUpperCase()}`, privateKey, publicKey, {
    algorithm: { oid: RSA_OID[hash]!, params: 'null' },
    sign: async (tbs) => new Uint8Array(sign(hash, tbs, privateKey)),
  });
}

/** md5WithRSAEncryption (1.2.840.113549.1.1.4) over a fresh RSA key. */
export function md5RsaKeyPair(bits = 2048): KeyPairHandle {
  return nodeRsaKeyPair({ bits, hash: 'md5' });
}

/** Ed448 (1.3.101.113, parameters absent). */
export function ed448KeyPair(): KeyPairHandle {
  const { privateKey, publicKey } = generateKeyPairSync('ed448');
  return handle('Ed448', privateKey, publicKey, {
    algorithm: { oid: OID.ed448 },
    sign: async (tbs) => new Uint8Array(sign(null, tbs, privateKey)),
  });
}

const ECDSA_OID: Record<string, string> = {
  sha1: OID.ecdsaWithSHA1,
  sha256: OID.ecdsaWithSHA256,
  sha384: OID.ecdsaWithSHA384,
  sha512: OID.ecdsaWithSHA512,
};

/** ECDSA on any curve OpenSSL knows (secp256k1, brainpoolP256r1, …), DER signatures; default SHA-256. spec: the curve name. */
export function ecdsaKeyPair(namedCurve: string, hash: 'sha1' | 'sha256' | 'sha384' | 'sha512' = 'sha256'): KeyPairHandle {
  const { privateKey, publicKey } = generateKeyPairSync('ec', { namedCurve });
  return handle(namedCurve, privateKey, publicKey, {
    algorithm: { oid: ECDSA_OID[hash]! },
    sign: async (tbs) => new Uint8Array(sign(hash, tbs, { key: privateKey, dsaEncoding: 'der' })),
  });
}

export const secp256k1KeyPair = (): KeyPairHandle => ecdsaKeyPair('secp256k1');
export const brainpoolP256r1KeyPair = (): KeyPairHandle => ecdsaKeyPair('brainpoolP256r1');

/**
 * DSA (dsa-with-sha256 2.16.840.1.101.3.4.3.2 or dsa-with-sha1 1.2.840.10040.4.3, parameters absent).
 * Parameter generation takes ~0.1–1 s for 2048 bits. spec: "DSA-<bits>".
 */
export function dsaKeyPair(opts: { bits?: number; hash?: 'sha1' | 'sha256' } = {}): KeyPairHandle {
  const bits = opts.bits ?? 2048;
  const hash = opts.hash ?? 'sha256';
  const { privateKey, publicKey } = generateKeyPairSync('dsa', { modulusLength: bits, divisorLength: bits >= 2048 ? 256 : 160 });
  return handle(`DSA-${bits}`, privateKey, publicKey, {
    algorithm: { oid: hash === 'sha256' ? OID.dsaWithSHA256 : OID.dsaWithSHA1 },
    sign: async (tbs) => new Uint8Array(sign(hash, tbs, { key: privateKey, dsaEncoding: 'der' })),
  });
}
