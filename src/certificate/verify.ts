/**
 * Signature checks and digests through WebCrypto. The `crypto` object is always passed in (PKI.js style),
 * so callers choose the platform's implementation or @peculiar/webcrypto.
 */
import type { ParsedCertificate, SubjectPublicKey } from './parse.js';
import { readPssParams } from './parse.js';
import { CURVES, SIGNATURE_ALGORITHMS } from './oids.js';
import { concat, encodeTlv, positiveIntegerMagnitude, readTlv } from './der.js';
import { readOid } from './values.js';
import { bytesEqual, encodeBase64 } from './encoding.js';

/** Why a signature could not be checked, as data: the messages of every language word it (`reason` is the English). */
export type UnsupportedWhy =
  | { code: 'algorithm'; algorithm: string }
  | { code: 'pss-params' }
  | { code: 'pss-hashes'; hash: string; mgf: string }
  | { code: 'curve'; curve: string }
  | { code: 'crypto-error'; algorithm: string; error: string };

export type VerifyResult =
  | { status: 'valid' }
  | { status: 'invalid'; reason?: string }
  | { status: 'unsupported'; reason: string; why: UnsupportedWhy };

/**
 * The platform's WebCrypto (node ≥ 20 and every browser have one), or @peculiar/webcrypto where the platform has none:
 * it is an optional peer dependency, installed only by those who need it.
 */
export async function defaultCrypto(): Promise<Crypto> {
  const platform = (globalThis as { crypto?: Crypto }).crypto;
  if (platform?.subtle) return platform;
  try {
    const name = '@peculiar/webcrypto';
    const mod = (await import(/* @vite-ignore */ name)) as { Crypto: new () => Crypto };
    return new mod.Crypto();
  } catch {
    throw new Error(
      'No WebCrypto implementation is available: this platform has no globalThis.crypto.subtle and @peculiar/webcrypto is not installed. ' +
        'Install it (npm install @peculiar/webcrypto) or pass a WebCrypto implementation as options.crypto.',
    );
  }
}

export async function digest(crypto: Crypto, hash: 'SHA-1' | 'SHA-256' | 'SHA-384' | 'SHA-512', data: Uint8Array): Promise<Uint8Array> {
  return new Uint8Array(await crypto.subtle.digest(hash, data.slice()));
}

type KeyCache = Map<string, Promise<CryptoKey>>;
const importedKeys = new WeakMap<SubjectPublicKey, KeyCache>();

function importKey(
  crypto: Crypto,
  key: SubjectPublicKey,
  algorithm: RsaHashedImportParams | EcKeyImportParams | Algorithm,
): Promise<CryptoKey> {
  let cache = importedKeys.get(key);
  if (!cache) {
    cache = new Map();
    importedKeys.set(key, cache);
  }
  const id = JSON.stringify(algorithm);
  let p = cache.get(id);
  if (!p) {
    const spki = () => crypto.subtle.importKey('spki', key.spki.slice(), algorithm, false, ['verify']);
    const direct = directKeyForm(key);
    p = !direct
      ? spki()
      : direct.format === 'jwk'
        ? crypto.subtle.importKey('jwk', direct.jwk, algorithm, false, ['verify']).catch(spki)
        : crypto.subtle.importKey('raw', direct.raw.slice(), algorithm, false, ['verify']).catch(spki);
    cache.set(id, p);
  }
  return p;
}

const RSA_ALGORITHM_ID = Uint8Array.of(0x30, 0x0d, 0x06, 0x09, 0x2a, 0x86, 0x48, 0x86, 0xf7, 0x0d, 0x01, 0x01, 0x01, 0x05, 0x00);
const EC_PUBLIC_KEY_OID = '1.2.840.10045.2.1';

function base64url(bytes: Uint8Array): string {
  return encodeBase64(bytes).replace(/=+$/, '').replace(/\+/g, '-').replace(/\//g, '_');
}

/**
 * The same key in a form WebCrypto imports without an SPKI decoder: RSA as a JWK (n, e), EC as its raw point.
 * Why: node's SPKI import goes through OpenSSL 3's decoder framework, about 300 µs a key, while JWK and raw imports
 * take a fraction of that — and a trust list imports one key per CA. Only when the SPKI is exactly the canonical DER of
 * those components (re-encoded and compared byte for byte), so the imported key is the same key; otherwise, and if the
 * direct import fails, the key goes through SPKI as before, with the same outcome and the same error.
 */
function directKeyForm(key: SubjectPublicKey): { format: 'jwk'; jwk: JsonWebKey } | { format: 'raw'; raw: Uint8Array } | null {
  const { spki, keyBits } = key;
  if (key.info.algorithm === 'RSA') {
    const seq = readTlv(keyBits, 0);
    if (seq?.tag !== 0x30 || seq.end !== keyBits.length) return null;
    const nTlv = readTlv(keyBits, seq.start, seq.end);
    const eTlv = nTlv && nTlv.tag === 0x02 ? readTlv(keyBits, nTlv.end, seq.end) : null;
    if (!nTlv || !eTlv || eTlv.tag !== 0x02 || eTlv.end !== seq.end) return null;
    const n = positiveIntegerMagnitude(keyBits.subarray(nTlv.start, nTlv.end));
    const e = positiveIntegerMagnitude(keyBits.subarray(eTlv.start, eTlv.end));
    if (!n || !e) return null;
    const canonical = encodeTlv(0x30, concat(RSA_ALGORITHM_ID, encodeTlv(0x03, concat(Uint8Array.of(0), keyBits))));
    if (!bytesEqual(canonical, spki)) return null;
    return { format: 'jwk', jwk: { kty: 'RSA', n: base64url(n), e: base64url(e) } };
  }
  if (key.info.algorithm === 'EC' && key.algorithm.oid === EC_PUBLIC_KEY_OID && key.algorithm.params) {
    const curveOid = curveOidOf(key);
    const curve = curveOid ? CURVES[curveOid] : undefined;
    if (!curve?.webcrypto) return null;
    const size = Math.ceil(curve.bits / 8);
    if (keyBits.length !== 1 + 2 * size || keyBits[0] !== 0x04) return null; // uncompressed points only
    const algorithmId = encodeTlv(0x30, concat(encodeTlv(0x06, EC_PUBLIC_KEY_OID_DER), key.algorithm.params));
    const canonical = encodeTlv(0x30, concat(algorithmId, encodeTlv(0x03, concat(Uint8Array.of(0), keyBits))));
    if (!bytesEqual(canonical, spki)) return null;
    return { format: 'raw', raw: keyBits };
  }
  return null;
}

const EC_PUBLIC_KEY_OID_DER = Uint8Array.of(0x2a, 0x86, 0x48, 0xce, 0x3d, 0x02, 0x01);

/** The named curve of an EC key, from its algorithm parameters. */
function curveOidOf(key: SubjectPublicKey): string | undefined {
  const node = key.algorithm.paramsNode;
  return node?.is(6) ? readOid(node, 'EC curve') : undefined;
}

/**
 * ECDSA-Sig-Value → IEEE P1363 r||s, as WebCrypto expects; null when it is not the DER of two positive INTEGERs no
 * longer than the curve's order. DER only, as OpenSSL checks it (it re-encodes the value and compares): a BER or
 * padded encoding of the same r and s is another byte string under the signature, so it is not a valid signature.
 */
export function ecdsaDerToP1363(der: Uint8Array, size: number): Uint8Array | null {
  const seq = readTlv(der, 0);
  if (seq?.tag !== 0x30 || seq.end !== der.length) return null;
  const r = readTlv(der, seq.start, seq.end);
  const s = r && r.tag === 0x02 ? readTlv(der, r.end, seq.end) : null;
  if (!r || !s || s.tag !== 0x02 || s.end !== seq.end) return null;
  const ints = [der.subarray(r.start, r.end), der.subarray(s.start, s.end)].map(positiveIntegerMagnitude);
  const out = new Uint8Array(size * 2);
  for (let k = 0; k < 2; k++) {
    const bytes = ints[k];
    if (!bytes || bytes.length > size) return null;
    out.set(bytes, k * size + (size - bytes.length));
  }
  return out;
}

/**
 * Verifies `cert`'s signature with `issuerKey`. Never throws: algorithms WebCrypto cannot check
 * (MD5, SHA-224, Ed448, DSA, brainpool, secp256k1, …) come back as `unsupported`.
 */
/** What a signature check reads of a signed object: a certificate, or a CRL (the same three fields, RFC 5280 §4.1 and §5.1). */
export type SignedObject = Pick<ParsedCertificate, 'tbs' | 'signatureAlgorithm' | 'signatureValue'> & {
  /** The signature BIT STRING's unused bits (a CRL reader refuses any, so it leaves this out). */
  signatureUnusedBits?: number;
};

export async function verifySignature(cert: SignedObject, issuerKey: SubjectPublicKey, crypto: Crypto): Promise<VerifyResult> {
  const alg = SIGNATURE_ALGORITHMS[cert.signatureAlgorithm.oid];
  const name = alg?.name ?? cert.signatureAlgorithm.oid;
  const keyAlg = issuerKey.info.algorithm;
  if (issuerKey.problem) return { status: 'invalid', reason: `the key is not a valid ${keyAlg} key: ${issuerKey.problem}` };
  if (!alg?.family)
    return {
      status: 'unsupported',
      reason: `signature algorithm ${name} cannot be verified with WebCrypto`,
      why: { code: 'algorithm', algorithm: name },
    };
  if (cert.signatureUnusedBits)
    return {
      status: 'invalid',
      reason: `the signature BIT STRING has ${cert.signatureUnusedBits} unused bit(s); a signature is whole octets`,
    };
  try {
    switch (alg.family) {
      case 'RSASSA-PKCS1-v1_5': {
        if (keyAlg !== 'RSA') return { status: 'invalid', reason: `a ${name} signature cannot come from a ${keyAlg} key` };
        const key = await importKey(crypto, issuerKey, { name: 'RSASSA-PKCS1-v1_5', hash: alg.hash! });
        return result(await crypto.subtle.verify('RSASSA-PKCS1-v1_5', key, cert.signatureValue.slice(), cert.tbs.slice()));
      }
      case 'RSA-PSS': {
        const pss = readPssParams(cert.signatureAlgorithm);
        if (!pss) return { status: 'unsupported', reason: 'RSASSA-PSS parameters cannot be read', why: { code: 'pss-params' } };
        if (pss.hash !== pss.mgfHash || !/^SHA-(1|256|384|512)$/.test(pss.hash)) {
          return {
            status: 'unsupported',
            reason: `RSASSA-PSS with ${pss.hash} and MGF1 ${pss.mgfHash} cannot be verified with WebCrypto`,
            why: { code: 'pss-hashes', hash: pss.hash, mgf: pss.mgfHash },
          };
        }
        if (keyAlg !== 'RSA' && keyAlg !== 'RSA-PSS')
          return { status: 'invalid', reason: `an RSASSA-PSS signature cannot come from a ${keyAlg} key` };
        const key = await importKey(crypto, issuerKey, { name: 'RSA-PSS', hash: pss.hash });
        return result(
          await crypto.subtle.verify({ name: 'RSA-PSS', saltLength: pss.saltLength }, key, cert.signatureValue.slice(), cert.tbs.slice()),
        );
      }
      case 'ECDSA': {
        if (keyAlg !== 'EC') return { status: 'invalid', reason: `an ECDSA signature cannot come from a ${keyAlg} key` };
        const curveOid = curveOidOf(issuerKey);
        const curve = curveOid ? CURVES[curveOid] : undefined;
        if (!curve?.webcrypto)
          return {
            status: 'unsupported',
            reason: `ECDSA on curve ${issuerKey.info.curve ?? 'unknown'} cannot be verified with WebCrypto`,
            why: { code: 'curve', curve: issuerKey.info.curve ?? '?' },
          };
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
    const error = (e as Error).message ?? String(e);
    return {
      status: 'unsupported',
      reason: `${name} could not be verified here: ${error}`,
      why: { code: 'crypto-error', algorithm: name, error },
    };
  }
}

function result(ok: boolean): VerifyResult {
  return ok ? { status: 'valid' } : { status: 'invalid' };
}
