/**
 * DER surgery for tests: read a DER value into an editable tree, change one field (a tag, a length form, a time, an
 * integer, an extension), write it back with every enclosing length fixed, and re-sign a certificate's TBS with a test
 * key. It makes the malformed and unusual certificates the decoder's tests, the differential test and the arbitraries
 * need, from real signed ones, without a second certificate builder. Strict DER input only (what the builder writes
 * and real CAs publish); the output is whatever the edit asks for.
 */
import type { KeyPairHandle } from './builder.js';

/** One value of the tree. `content` for primitives, `children` for constructed values. */
export interface EditNode {
  /** Identifier octets (one octet for low tag numbers). */
  id: Uint8Array;
  content?: Uint8Array;
  children?: EditNode[];
  /** How the length is written: minimal (default), long form with this many octets, or indefinite (constructed only). */
  length?: 'minimal' | { octets: number } | 'indefinite';
}

/** Reads a strict-DER value (throws on anything else: the inputs are known-good certificates). */
export function readTree(der: Uint8Array): EditNode {
  const [node, end] = readAt(der, 0, der.length);
  if (end !== der.length) throw new Error(`readTree: ${der.length - end} trailing byte(s)`);
  return node;
}

function readAt(der: Uint8Array, offset: number, limit: number): [EditNode, number] {
  let i = offset;
  const first = der[i++]!;
  if ((first & 0x1f) === 0x1f) while (der[i++]! & 0x80);
  const id = der.slice(offset, i);
  let length = der[i++]!;
  if (length & 0x80) {
    const n = length & 0x7f;
    length = 0;
    for (let k = 0; k < n; k++) length = length * 256 + der[i++]!;
  }
  const end = i + length;
  if (end > limit) throw new Error(`readTree: a value at offset ${offset} runs past its container`);
  if (first & 0x20) {
    const children: EditNode[] = [];
    for (let at = i; at < end; ) {
      const [child, next] = readAt(der, at, end);
      children.push(child);
      at = next;
    }
    return [{ id, children }, end];
  }
  return [{ id, content: der.slice(i, end) }, end];
}

function lengthOctets(n: number, form: EditNode['length']): number[] {
  if (form === 'indefinite') return [0x80];
  const bytes: number[] = [];
  for (let v = n; v > 0; v = Math.floor(v / 256)) bytes.unshift(v & 255);
  if (form && form !== 'minimal') {
    while (bytes.length < form.octets) bytes.unshift(0);
    return [0x80 | bytes.length, ...bytes];
  }
  return n < 0x80 ? [n] : [0x80 | bytes.length, ...bytes];
}

/** Writes the tree back, computing every length. */
export function writeTree(node: EditNode): Uint8Array<ArrayBuffer> {
  const body = node.children ? concat(node.children.map(writeTree)) : (node.content ?? new Uint8Array(0));
  const eoc = node.length === 'indefinite' ? [0, 0] : [];
  return concat([node.id, Uint8Array.from(lengthOctets(body.length, node.length)), body, Uint8Array.from(eoc)]);
}

export function concat(parts: Uint8Array[]): Uint8Array<ArrayBuffer> {
  const out = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
  let o = 0;
  for (const p of parts) {
    out.set(p, o);
    o += p.length;
  }
  return out;
}

export const prim = (tag: number, content: Uint8Array | number[]): EditNode => ({
  id: Uint8Array.of(tag),
  content: Uint8Array.from(content),
});
export const cons = (tag: number, children: EditNode[]): EditNode => ({ id: Uint8Array.of(tag), children });
export const ascii = (s: string): Uint8Array => Uint8Array.from(s, (c) => c.charCodeAt(0) & 0xff);

/** A deep copy, so one parsed certificate serves many edits. */
export function cloneTree(n: EditNode): EditNode {
  const out: EditNode = { id: n.id.slice() };
  if (n.content) out.content = n.content.slice();
  if (n.children) out.children = n.children.map(cloneTree);
  if (n.length) out.length = n.length;
  return out;
}

/** The TBSCertificate's fields by name (positions depend on whether the version field is present). */
export interface TbsFields {
  tbs: EditNode;
  /** Index of each field in `tbs.children`; `version` is -1 for a v1 certificate. */
  index: {
    version: number;
    serialNumber: number;
    signature: number;
    issuer: number;
    validity: number;
    subject: number;
    subjectPublicKeyInfo: number;
    extensions: number;
  };
}

export function tbsFields(cert: EditNode): TbsFields {
  const tbs = cert.children![0]!;
  const f = tbs.children!;
  const v = f[0]!.id[0] === 0xa0 ? 1 : 0;
  return {
    tbs,
    index: {
      version: v ? 0 : -1,
      serialNumber: v,
      signature: v + 1,
      issuer: v + 2,
      validity: v + 3,
      subject: v + 4,
      subjectPublicKeyInfo: v + 5,
      extensions: f.findIndex((n) => n.id[0] === 0xa3),
    },
  };
}

/** The extension with this OID (its SEQUENCE node), or undefined. */
export function findExtension(cert: EditNode, oidContent: Uint8Array): EditNode | undefined {
  const { tbs, index } = tbsFields(cert);
  if (index.extensions < 0) return undefined;
  const list = tbs.children![index.extensions]!.children![0]!.children!;
  return list.find((e) => bytesEqual(e.children![0]!.content!, oidContent));
}

/** The extension's extnValue contents, read as a tree. */
export function extensionValue(ext: EditNode): EditNode {
  return readTree(ext.children![ext.children!.length - 1]!.content!);
}

/** Replaces the extension's extnValue with the DER of `value`. */
export function setExtensionValue(ext: EditNode, value: EditNode | Uint8Array): void {
  ext.children![ext.children!.length - 1]!.content = value instanceof Uint8Array ? value : writeTree(value);
}

function bytesEqual(a: Uint8Array, b: Uint8Array): boolean {
  return a.length === b.length && a.every((x, i) => x === b[i]);
}

/**
 * Writes the certificate with its TBS signed again by `key` (the edit keeps the signature valid, so a test sees the
 * decoder's reading and not a broken signature). The outer signatureAlgorithm is left as the tree has it.
 */
export async function resign(cert: EditNode, key: KeyPairHandle): Promise<Uint8Array<ArrayBuffer>> {
  const tbs = writeTree(cert.children![0]!);
  const signature = await key.signer.sign(tbs);
  const out = cloneTree(cert);
  out.children![2] = prim(0x03, [0, ...signature]);
  return writeTree(out);
}
