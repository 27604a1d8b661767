/**
 * Decoding with X.690's rules applied: asn1js reads the BER structure, and every value it returns is checked here
 * against the encoding rules it does not enforce. What is not BER at all (X.690 §8) is refused with the clause;
 * what is BER but not DER (§10, §11) is read correctly and reported; a value outside its type's character set is
 * reported as a schema issue. The strict-DER fast path (der.ts) takes the inputs that have nothing to report.
 *
 * Why asn1js needs the help: it accepts a value that runs past the end of its container, an end-of-contents octet
 * pair inside a definite length, empty and non-minimal INTEGERs, BOOLEANs of length 0 or 2, OIDs with padded arcs,
 * invalid UTF-8 (read as Latin-1) and NULLs with content — each of which OpenSSL refuses.
 */
import * as asn1js from 'asn1js';
import { compareEncodings, concat, DerNode, decodeStrictDer, isUtf8, PRINTABLE, UNIVERSAL } from './der.js';

/** `der`: BER that DER forbids (X.690 §10, §11). `schema`: readable, but not a value the ASN.1 definitions allow. */
export type IssueKind = 'der' | 'schema';

/** BER that DER forbids: each a variant of `certificate.not-strict-der` in the catalogues. */
export type DerIssueCode =
  | 'indefinite-length'
  | 'length-not-minimal'
  | 'tag-form'
  | 'constructed-string'
  | 'set-order'
  | 'boolean-value'
  | 'bits-padding'
  | 'bits-trailing-zero'
  | 'default-encoded'
  | 'time-no-seconds'
  | 'time-offset';

/** Readable values outside the X.509 definitions: each a variant of `certificate.schema-violation`. */
export type SchemaIssueCode =
  | 'empty-rdn'
  | 'attribute-syntax'
  | 'empty-sequence'
  | 'alphabet-18'
  | 'alphabet-19'
  | 'alphabet-22'
  | 'alphabet-26'
  | 'time-fraction'
  | 'time-generalized-for-utc'
  | 'no-bits'
  | 'duplicate-policy'
  | 'value-not-its-type'
  | 'value-not-ber';

/** One thing reported: what (`kind`, `code`), by which clause (`X.690 §10.1`) and where (`issuer RDN 2`, `keyUsage`). */
export type EncodingIssue =
  | { kind: 'der'; code: DerIssueCode; clause: string; where: string }
  | { kind: 'schema'; code: SchemaIssueCode; clause: string; where: string };

/** Where decoding records what it reports. */
export interface IssueSink {
  issues: EncodingIssue[];
}

/** Input that is not BER, or not what the field must hold: the reason names the field and the clause. */
export class DecodeError extends Error {
  constructor(
    message: string,
    /** A stable class of the refusal, e.g. `not-ber`, `structure`, `time`. */
    readonly code: string,
    /** The field, as in {@link EncodingIssue.where}, when known. */
    readonly where?: string,
    /** The numbers a message in any language needs (`given`, `count` …), so that none has to read them out of `message`. */
    readonly params?: Readonly<Record<string, string>>,
  ) {
    super(message);
    this.name = 'DecodeError';
  }
}

/** Names the field a node belongs to, from the chain of its ancestors (root first, the node last). */
export type Labeller = (chain: readonly DerNode[]) => string;

export interface DecodeOptions {
  /**
   * The value is not read, only checked (an unknown extension's value): problems that would refuse it are reported
   * as the schema issue `value-not-ber` instead, and the tree is discarded.
   */
  opaque?: boolean;
}

/** Types X.690 requires in the primitive form (§8.2.1, §8.3.1, §8.4, §8.5.1, §8.8.1, §8.19.1, §8.20.1). */
const PRIMITIVE_ONLY: Record<number, string> = {
  1: 'BOOLEAN',
  2: 'INTEGER',
  5: 'NULL',
  6: 'OBJECT IDENTIFIER',
  9: 'REAL',
  10: 'ENUMERATED',
  13: 'RELATIVE-OID',
};
/** String types, which BER may split into segments (X.690 §8.6.3, §8.7.3, §8.23.6). */
const STRING_TYPES = new Set([3, 4, 7, 12, 18, 19, 20, 21, 22, 23, 24, 25, 26, 27, 28, 29, 30]);
const TYPE_NAMES: Record<number, string> = {
  16: 'SEQUENCE',
  17: 'SET',
  3: 'BIT STRING',
  4: 'OCTET STRING',
  12: 'UTF8String',
  18: 'NumericString',
  19: 'PrintableString',
  20: 'TeletexString',
  22: 'IA5String',
  23: 'UTCTime',
  24: 'GeneralizedTime',
  26: 'VisibleString',
  28: 'UniversalString',
  30: 'BMPString',
};

export function typeName(tagNumber: number): string {
  return TYPE_NAMES[tagNumber] ?? PRIMITIVE_ONLY[tagNumber] ?? `universal type ${tagNumber}`;
}

/**
 * Decodes one value that must fill `bytes` exactly. Strict DER with nothing to report takes the fast path; anything
 * else is decoded by asn1js and checked node by node. Throws {@link DecodeError}.
 */
export function decodeChecked(bytes: Uint8Array, label: Labeller, sink: IssueSink, options: DecodeOptions = {}): DerNode {
  const fast = decodeStrictDer(bytes);
  if (fast) return fast;
  if (!options.opaque) return decodeSlow(bytes, label, sink);
  const local: IssueSink = { issues: [] };
  try {
    const node = decodeSlow(bytes, label, local);
    sink.issues.push(...local.issues);
    return node;
  } catch (e) {
    if (!(e instanceof DecodeError)) throw e;
    sink.issues.push({ kind: 'schema', code: 'value-not-ber', clause: 'RFC 5280 §4.1 (extnValue holds a DER value)', where: label([]) });
    return new DerNode(UNIVERSAL, 4, false, bytes, 0, 0, 0, null);
  }
}

/** asn1js and the checks, without the fast path (what the fast path must agree with). */
export function decodeSlow(bytes: Uint8Array, label: Labeller, sink: IssueSink): DerNode {
  if (bytes.length === 0) throw new DecodeError(`${label([])}: no bytes`, 'not-ber', label([]));
  const root = parseBlock(bytes, 0, bytes.length, label, []);
  const node = adapt(root, bytes, 0, bytes.length, [], null, label, sink);
  if (node.encoded.length !== bytes.length)
    throw new DecodeError(
      `${label([])}: ${bytes.length - node.encoded.length} trailing byte(s) after the DER value`,
      'trailing',
      label([]),
      { count: String(bytes.length - node.encoded.length) },
    );
  return node;
}

/** asn1js's reading of the one value starting at `offset` (it reads no further than `limit`). */
function parseBlock(bytes: Uint8Array, offset: number, limit: number, label: Labeller, ancestors: DerNode[]): Block {
  const r = asn1js.fromBER(bytes.subarray(offset, limit));
  if (r.offset !== -1) return r.result as unknown as Block;
  // asn1js reports a failure anywhere inside as a failure of the whole value. When this value is constructed with a
  // definite length that fits, it is opened and its values are read one by one, so the refusal names the field that fails.
  if (offset + 2 <= limit && bytes[offset]! & 0x20 && bytes[offset + 1] !== 0x80 && (bytes[offset]! & 0x1f) !== 0x1f) {
    const h = readHeader(bytes, offset);
    const end = offset + h.headerLength + h.length;
    if (end <= limit && h.headerLength <= 6) return { valueBeforeDecodeView: bytes.subarray(offset, end), valueBlock: {} };
  }
  const where = label(ancestors);
  const inside = limit < bytes.length || offset > 0;
  const cut = /End of input reached|inconsistent offset and length/i.test(r.result.error);
  const what =
    inside && cut
      ? 'a value runs past the end of the value that contains it (X.690 §8.1.1)'
      : describeAsn1Error(r.result.error, limit - offset);
  // `code` stays not-ber (the class of refusal); `params.kind` says which, for messages in every language.
  const params = { kind: cut ? (inside ? 'overrun' : 'truncated') : 'other', given: String(limit - offset), offset: String(offset) };
  throw new DecodeError(`${where}: ${what}${offset ? ` at offset ${offset}` : ''}`, 'not-ber', where, params);
}

export function describeAsn1Error(error: string, length: number): string {
  if (/End of input reached|inconsistent offset and length/i.test(error))
    return `the DER is cut short: a length field announces more than the ${length} bytes given`;
  if (/Zero buffer length/i.test(error)) return 'no bytes';
  return error || 'not valid DER';
}

interface Block {
  valueBeforeDecodeView: Uint8Array;
  valueBlock: { value?: unknown };
}

/** Reads the identifier and length octets at `offset` of the original input (asn1js's own reading is only trusted for extent). */
function readHeader(bytes: Uint8Array, offset: number) {
  let i = offset;
  const first = bytes[i++]!;
  let tagNumber = first & 0x1f;
  let highForm: 'none' | 'low-number' | 'leading-zero' = 'none';
  if (tagNumber === 0x1f) {
    highForm = bytes[i] === 0x80 ? 'leading-zero' : 'none';
    tagNumber = 0;
    while (bytes[i]! & 0x80) tagNumber = tagNumber * 128 + (bytes[i++]! & 0x7f);
    tagNumber = tagNumber * 128 + (bytes[i++]! & 0x7f);
    if (tagNumber < 31 && highForm === 'none') highForm = 'low-number';
  }
  const l = bytes[i++]!;
  let length = l;
  let indefinite = false;
  let nonMinimal = false;
  if (l === 0x80) indefinite = true;
  else if (l & 0x80) {
    const n = l & 0x7f;
    length = 0;
    for (let k = 0; k < n; k++) length = length * 256 + bytes[i + k]!;
    nonMinimal = length < 0x80 || bytes[i] === 0;
    i += n;
  }
  return {
    tagClass: (first >> 6) + 1,
    constructed: (first & 0x20) !== 0,
    tagNumber,
    highForm,
    headerLength: i - offset,
    length,
    indefinite,
    nonMinimal,
  };
}

function refuse(chain: readonly DerNode[] | null, label: Labeller, what: string, node?: DerNode): never {
  const where = label(chain ?? []);
  throw new DecodeError(`${where}: ${what}${node ? ` at offset ${node.offset}` : ''}`, 'not-ber', where);
}

/** Builds the node for asn1js's `block`, which starts at `offset` of `bytes` inside a container ending at `limit`. */
function adapt(
  block: Block,
  bytes: Uint8Array,
  offset: number,
  limit: number,
  ancestors: DerNode[],
  siblings: DerNode[] | null,
  label: Labeller,
  sink: IssueSink,
): DerNode {
  const h = readHeader(bytes, offset);
  let total = block.valueBeforeDecodeView.length;
  const where = (n: DerNode) => label([...ancestors, n]);
  const trailer = h.indefinite ? 2 : 0;
  // X.690 §8.1.1 nests every value inside its container. asn1js reads a value's declared length even past its
  // container's end, and then the containers around it grow too: the value is refused where its own length overruns.
  const declaredEnd = h.indefinite ? offset + total : offset + h.headerLength + h.length;
  if (declaredEnd > limit)
    refuse(ancestors, label, `a value runs past the end of the value that contains it (X.690 §8.1.1) at offset ${offset}`);
  let given = block.valueBlock.value;
  if (!h.indefinite && h.headerLength + h.length !== total) {
    // Something inside overran: read the content again value by value, each bounded by this value's declared end.
    total = h.headerLength + h.length;
    given = undefined;
  }
  const encoded = bytes.subarray(offset, offset + total);
  // asn1js keeps the segments of a constructed SEQUENCE, SET or OCTET STRING as blocks, but joins those of other string
  // types into text: then each segment is read again from the bytes.
  const kids = h.constructed ? (Array.isArray(given) && given.every((k) => k && typeof k === 'object') ? (given as Block[]) : null) : null;
  const children: DerNode[] | null = h.constructed ? [] : null;
  const node = new DerNode(h.tagClass, h.tagNumber, h.constructed, encoded, offset, h.headerLength, trailer, children);
  // In place before its own content is checked, so that a labeller sees where the node sits among its siblings.
  siblings?.push(node);
  if (h.tagClass === UNIVERSAL && h.tagNumber === 0)
    refuse(ancestors, label, 'an end-of-contents marker where a value must be (X.690 §8.1.5)', node);
  if (h.highForm !== 'none')
    sink.issues.push({
      kind: 'der',
      code: 'tag-form',
      clause: h.highForm === 'low-number' ? 'X.690 §8.1.2.2' : 'X.690 §8.1.2.4.2',
      where: where(node),
    });
  if (h.indefinite) sink.issues.push({ kind: 'der', code: 'indefinite-length', clause: 'X.690 §10.1', where: where(node) });
  else if (h.nonMinimal) sink.issues.push({ kind: 'der', code: 'length-not-minimal', clause: 'X.690 §10.1', where: where(node) });
  if (children) {
    const chain = [...ancestors, node];
    let at = offset + h.headerLength;
    const end = offset + total - trailer;
    for (let k = 0; at < end; k++) {
      const block = kids ? kids[k] : parseBlock(bytes, at, end, label, chain);
      if (!block) break;
      const child = adapt(block, bytes, at, end, chain, children, label, sink);
      at += child.encoded.length;
    }
    if (at !== end || (kids && kids.length !== children.length))
      refuse(chain, label, 'the content is not a sequence of whole values (X.690 §8.1.1)', node);
  }
  if (h.tagClass === UNIVERSAL) checkUniversal(node, ancestors, label, sink);
  return node;
}

function checkUniversal(node: DerNode, ancestors: DerNode[], label: Labeller, sink: IssueSink): void {
  const t = node.tagNumber;
  const where = () => label([...ancestors, node]);
  if (node.isConstructed) {
    if (PRIMITIVE_ONLY[t])
      refuse(ancestors, label, `a constructed ${PRIMITIVE_ONLY[t]}, which X.690 allows only in the primitive form`, node);
    if (STRING_TYPES.has(t)) {
      sink.issues.push({ kind: 'der', code: 'constructed-string', clause: 'X.690 §10.2', where: where() });
      checkSegments(node, ancestors, label);
      checkContent(t, valueOctets(node), where, ancestors, label, sink, node);
    } else if (t === 17 && !setOrdered(node)) {
      sink.issues.push({ kind: 'der', code: 'set-order', clause: 'X.690 §11.6', where: where() });
    }
    return;
  }
  if (t === 16 || t === 17) refuse(ancestors, label, `a primitive ${t === 16 ? 'SEQUENCE' : 'SET'} (X.690 §8.9.1, §8.11.1)`, node);
  checkContent(t, node.content, where, ancestors, label, sink, node);
}

function setOrdered(node: DerNode): boolean {
  const c = node.children!;
  for (let i = 1; i < c.length; i++) if (compareEncodings(c[i - 1]!.encoded, c[i]!.encoded) > 0) return false;
  return true;
}

/** BER segments of a constructed string: OCTET STRING (or the same type) segments, and for a BIT STRING only the last with unused bits. */
function checkSegments(node: DerNode, ancestors: DerNode[], label: Labeller): void {
  const bits = node.tagNumber === 3;
  const segments = flatSegments(node);
  segments.forEach((s, i) => {
    const ok = s.tagClass === UNIVERSAL && (s.tagNumber === node.tagNumber || (!bits && s.tagNumber === 4));
    if (!ok) refuse(ancestors, label, `a constructed ${typeName(node.tagNumber)} with a segment of another type (X.690 §8.6.4, §8.7.3)`, s);
    if (bits) {
      const c = s.content;
      if (c.length === 0 || c[0]! > 7 || (i < segments.length - 1 && c[0] !== 0))
        refuse(ancestors, label, 'a constructed BIT STRING whose segments are malformed (X.690 §8.6.4)', s);
    }
  });
}

function flatSegments(node: DerNode): DerNode[] {
  if (!node.children) return [node];
  return node.children.flatMap(flatSegments);
}

/** The octets a string type holds: its content, or its segments' joined (a BIT STRING keeps one leading unused-bits octet). */
export function valueOctets(node: DerNode): Uint8Array {
  if (!node.children) return node.content;
  const segments = flatSegments(node);
  if (node.tagNumber !== 3) return concat(...segments.map((s) => s.content));
  const last = segments.at(-1)?.content[0] ?? 0;
  return concat(Uint8Array.of(last), ...segments.map((s) => s.content.subarray(1)));
}

function checkContent(
  t: number,
  c: Uint8Array,
  where: () => string,
  ancestors: DerNode[],
  label: Labeller,
  sink: IssueSink,
  node: DerNode,
): void {
  const no = (what: string) => refuse(ancestors, label, what, node);
  switch (t) {
    case 1:
      if (c.length !== 1) no(`a BOOLEAN of ${c.length} octets; X.690 §8.2.1 requires exactly one`);
      if (c[0] !== 0 && c[0] !== 0xff) sink.issues.push({ kind: 'der', code: 'boolean-value', clause: 'X.690 §11.1', where: where() });
      return;
    case 2:
    case 10:
      if (c.length === 0) no(`an ${t === 2 ? 'INTEGER' : 'ENUMERATED'} with no content octets (X.690 §8.3.1)`);
      if (c.length > 1 && ((c[0] === 0 && !(c[1]! & 0x80)) || (c[0] === 0xff && c[1]! & 0x80)))
        no('an INTEGER padded with a redundant leading octet (X.690 §8.3.2)');
      return;
    case 3:
      if (c.length === 0) no('a BIT STRING without its unused-bits octet (X.690 §8.6.2)');
      if (c[0]! > 7) no(`a BIT STRING that claims ${c[0]} unused bits; at most 7 (X.690 §8.6.2.2)`);
      if (c.length === 1 && c[0] !== 0) no('an empty BIT STRING with unused bits (X.690 §8.6.2.3)');
      if (c[c.length - 1]! & ((1 << c[0]!) - 1))
        sink.issues.push({ kind: 'der', code: 'bits-padding', clause: 'X.690 §11.2.1', where: where() });
      return;
    case 5:
      if (c.length !== 0) no('a NULL with content octets (X.690 §8.8.2)');
      return;
    case 6:
    case 13:
      if (c.length === 0) no(`an ${typeName(t)} with no content octets (X.690 §${t === 6 ? '8.19.2' : '8.20.2'})`);
      if (c[c.length - 1]! & 0x80) no(`an ${typeName(t)} whose last arc is cut short (X.690 §${t === 6 ? '8.19.2' : '8.20.2'})`);
      for (let i = 0; i < c.length; i++)
        if (c[i] === 0x80 && (i === 0 || !(c[i - 1]! & 0x80)))
          no(`an ${typeName(t)} arc padded with a leading 0x80 octet (X.690 §${t === 6 ? '8.19.2' : '8.20.2'})`);
      return;
    case 12:
      if (!isUtf8(c)) no('a UTF8String that is not valid UTF-8 (X.690 §8.23.10, RFC 3629)');
      return;
    case 28:
      if (c.length % 4) no('a UniversalString whose length is not a multiple of 4 (X.690 §8.23.7)');
      return;
    case 30:
      if (c.length % 2) no('a BMPString whose length is odd (X.690 §8.23.8)');
      return;
    case 18:
    case 19:
    case 22:
    case 26: {
      const ok = (b: number) =>
        t === 18 ? b === 0x20 || (b >= 0x30 && b <= 0x39) : t === 19 ? PRINTABLE[b] : t === 22 ? b <= 0x7f : b >= 0x20 && b <= 0x7e;
      if (!c.every(ok))
        sink.issues.push({ kind: 'schema', code: `alphabet-${t as 18 | 19 | 22 | 26}`, clause: 'X.680 §41.4', where: where() });
      return;
    }
    default:
  }
}

/** Constructed forms of these universal types are BER only (X.690 §10.2). */
const HEADER_PRIMITIVE_ONLY = new Set([1, 2, 3, 4, 5, 6, 12, 19, 20, 22, 23, 24, 26, 30]);

/**
 * The first header-level DER violation in `bytes` (a description with its offset), or null: definite, minimal lengths
 * and primitive strings only. Iterative and without a tree, so it also serves inputs far larger than a certificate
 * (the CRL reader says with it why a CRL of hundreds of megabytes is not DER); certificates go through {@link decodeChecked}.
 */
/** The first DER violation of a value's headers, as data (the catalogues word it); see {@link derViolation}. */
export interface DerViolation {
  code:
    | 'tag-leading-zero'
    | 'cut-short'
    | 'indefinite'
    | 'length-overflow'
    | 'length-leading-zero'
    | 'long-form'
    | 'overrun'
    | 'constructed-primitive';
  offset: number;
}

/** Violations that are BER forms (a BER reader reads them), as opposed to bytes no reader can. */
export const BER_FORMS: ReadonlySet<DerViolation['code']> = new Set([
  'tag-leading-zero',
  'indefinite',
  'length-leading-zero',
  'long-form',
  'constructed-primitive',
]);

const VIOLATION_WORDS: Record<DerViolation['code'], string> = {
  'tag-leading-zero': 'a tag number with a leading zero byte',
  'cut-short': 'a value cut short',
  indefinite: 'an indefinite length',
  'length-overflow': 'a length field that does not fit',
  'length-leading-zero': 'a length with a leading zero byte',
  'long-form': 'a long-form length for a short value',
  overrun: 'a length that runs past its container',
  'constructed-primitive': 'a constructed (BER) encoding of a primitive type',
};

export function derViolation(bytes: Uint8Array): string | null {
  const v = derViolationAt(bytes);
  return v && `${VIOLATION_WORDS[v.code]} at offset ${v.offset}`;
}

export function derViolationAt(bytes: Uint8Array): DerViolation | null {
  const stack: [start: number, end: number][] = [[0, bytes.length]];
  while (stack.length) {
    const [start, end] = stack.pop()!;
    let i = start;
    while (i < end) {
      const at = i;
      const id = bytes[i++]!;
      const constructed = (id & 0x20) !== 0;
      let tag = id & 0x1f;
      if (tag === 0x1f) {
        tag = 0;
        if (bytes[i] === 0x80) return { code: 'tag-leading-zero', offset: at };
        while (i < end && bytes[i]! & 0x80) tag = tag * 128 + (bytes[i++]! & 0x7f);
        tag = tag * 128 + (bytes[i++]! & 0x7f);
      }
      if (i >= end) return { code: 'cut-short', offset: at };
      const first = bytes[i++]!;
      let length = first;
      if (first === 0x80) return { code: 'indefinite', offset: at };
      if (first > 0x80) {
        const n = first & 0x7f;
        if (n > 4 || i + n > end) return { code: 'length-overflow', offset: at };
        if (bytes[i] === 0) return { code: 'length-leading-zero', offset: at };
        length = 0;
        for (let k = 0; k < n; k++) length = length * 256 + bytes[i++]!;
        if (length < 0x80) return { code: 'long-form', offset: at };
      }
      if (i + length > end) return { code: 'overrun', offset: at };
      const universal = (id & 0xc0) === 0;
      if (universal && constructed && HEADER_PRIMITIVE_ONLY.has(tag)) return { code: 'constructed-primitive', offset: at };
      if (constructed) stack.push([i, i + length]);
      i += length;
    }
  }
  return null;
}
