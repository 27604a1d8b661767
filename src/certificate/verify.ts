/**
 * Signature checks and digests through WebCrypto. The `crypto` object is always passed in (PKI.js style),
 * so callers choose the platform's implementation or @peculiar/webcrypto.
 */
import * as asn1js from 'asn1js';
import type { ParsedCertificate, SubjectPublicKey } from './parse.js';
import { readPssParams } from './parse.js';
import { CURVES, SIGNATURE_ALGORITHMS } from './oids.js';

export type VerifyResult =
  | { status: 'valid' }
  | { status: 'invalid'; reason?: string }
  | { status: 'unsupported'; reason: string };

/** The platform's WebCrypto, or @peculiar/webcrypto where the platform has none. */
export async function defaultCrypto(): Promise<Crypto> {
  const platform = (globalThis as { crypto?: Crypto }).crypto;
  if (platform?.subtle) return platform;
  try {
    const name = '@peculiar/webcrypto';
    const mod = (await import(/* @vite-ignore */ name)) as { Crypto: new () => Crypto };
    return new mod.Crypto();
  } catch {
    throw new Error('No WebCrypto implementation is available: pass one as options.crypto (for example new (await import("@peculiar/webcrypto")).Crypto()).');
  }
}

export async function digest(crypto: Crypto, hash: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512', data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(hash, data.slice()));
}

type KeyCache = Map<string, Promise<CryptoKey>>;
const importedKeys = new WeakMap<SubjectPublicKey, KeyCache>();

function importKey(crypto: Crypto, key: SubjectPublicKey, algorithm: RsaHashedImportParams | EcKeyImportParams | Algorithm): Promise<CryptoKey> {
  let cache = importedKeys.get(key);
  if (!cache) importedKeys.set(key, (cache = new Map()));
  const id = JSON.stringify(algorithm);
  let p = cache.get(id);
  if (!p) {
    p = crypto.subtle.importKey('spki', key.spki.slice(), algorithm, false, ['verify']);
    cache.set(id, p);
  }
  return p;
}

/** ECDSA-Sig-Value (DER) → IEEE P1363 r||s, as WebCrypto expects. */
function ecdsaDerToP1363(der: Uint8Array, size: number): Uint8Array | null {
  const r = asn1js.fromBER(der.slice());
  if (r.offset !== der.length) return null;
  const seq = r.result as asn1js.Sequence;
  const ints = seq.valueBlock?.value;
  if (!Array.isArray(ints) || ints.length !== 2) return null;
  const out = new Uint8Array(size * 2);
  for (let k = 0; k < 2; k++) {
    const n = ints[k] as asn1js.Integer;
    if (!(n instanceof asn1js.Integer)) return null;
    let bytes = n.valueBlock.valueHexView;
    while (bytes.length > size && bytes[0] === 0) bytes = bytes.subarray(1);
    if (bytes.length > size) return null;
    out.set(bytes, k * size + (size - bytes.length));
  }
  return out;
}

/**
 * Verifies `cert`'s signature with `issuerKey`. Never throws: algorithms WebCrypto cannot check
 * (MD5, SHA-224, Ed448, DSA, brainpool, secp256k1, …) come back as `unsupported`.
 */
export async function verifySignature(cert: ParsedCertificate, issuerKey: SubjectPublicKey, crypto: Crypto): Promise<VerifyResult> {
  const alg = SIGNATURE_ALGORITHMS[cert.signatureAlgorithm.oid];
  const name = alg?.name ?? cert.signatureAlgorithm.oid;
  const keyAlg = issuerKey.info.algorithm;
  if (!alg?.family) return { status: 'unsupported', reason: `signature algorithm ${name} cannot be verified with WebCrypto` };
  try {
    switch (alg.family) {
      case 'RSASSA-PKCS1-v1_5': {
        if (keyAlg !== 'RSA') return { status: 'invalid', reason: `a ${name} signature cannot come from a ${keyAlg} key` };
        const key = await importKey(crypto, issuerKey, { name: 'RSASSA-PKCS1-v1_5', hash: alg.hash! });
        return result(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, cert.signatureValue.slice(), cert.tbs.slice()));
      }
      case 'RSA-PSS': {
        const pss = readPssParams(cert.signatureAlgorithm);
        if (!pss) return { status: 'unsupported', reason: 'RSASSA-PSS parameters cannot be read' };
        if (pss.hash !== pss.mgfHash || !/^SHA-(1|256|384|512)$/.test(pss.hash)) {
          return { status: 'unsupported', reason: `RSASSA-PSS with ${pss.hash} and MGF1 ${pss.mgfHash} cannot be verified with WebCrypto` };
        }
        if (keyAlg !== 'RSA' && keyAlg !== 'RSA-PSS') return { status: 'invalid', reason: `an RSASSA-PSS signature cannot come from a ${keyAlg} key` };
        const key = await importKey(crypto, issuerKey, { name: 'RSA-PSS', hash: pss.hash });
        return result(await crypto.subtle.verify({ name: 'RSA-PSS', saltLength: pss.saltLength }, key, cert.signatureValue.slice(), cert.tbs.slice()));
      }
      case 'ECDSA': {
        if (keyAlg !== 'EC') return { status: 'invalid', reason: `an ECDSA signature cannot come from a ${keyAlg} key` };
        const curveOid = issuerKey.algorithm.paramsNode && (issuerKey.algorithm.paramsNode as unknown as asn1js.ObjectIdentifier).valueBlock.toString();
        const curve = curveOid ? CURVES[curveOid] : undefined;
        if (!curve?.webcrypto) return { status: 'unsupported', reason: `ECDSA on curve ${issuerKey.info.curve ?? 'unknown'} cannot be verified with WebCrypto` };
        const sig = ecdsaDerToP1363(cert.signatureValue, Math.ceil(curve.bits / 8));
        if (!sig) return { status: 'invalid', reason: 'the ECDSA signature value is not a valid ECDSA-Sig-Value' };
        const key = await importKey(crypto, issuerKey, { name: 'ECDSA', namedCurve: curve.webcrypto });
        return result(await crypto.subtle.verify({ name: 'ECDSA', hash: alg.hash! }, key, sig.slice(), cert.tbs.slice()));
      }
      case 'Ed25519': {
        if (keyAlg !== 'Ed25519') return { status: 'invalid', reason: `an Ed25519 signature cannot come from a ${keyAlg} key` };
        const key = await importKey(crypto, issuerKey, { name: 'Ed25519' });
        return result(await crypto.subtle.verify({ name: 'Ed25519' }, key, cert.signatureValue.slice(), cert.tbs.slice()));
      }
    }
  } catch (e) {
    return { status: 'unsupported', reason: `${name} could not be verified here: ${(e as Error).message ?? String(e)}` };
  }
}

function result(ok: boolean): VerifyResult {
  return ok ? { status: 'valid' } : { status: 'invalid' };
}
