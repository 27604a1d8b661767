/**
 * JSON text → value plus a map from JSON Pointer to source position, so findings can carry line/column.
 * The value comes from the platform's JSON.parse (strict RFC 8259, `__proto__` kept as an ordinary own key);
 * positions come from jsonc-parser's syntax tree, which never builds objects and so cannot pollute prototypes.
 */
import { parseTree, printParseErrorCode, visit, type ParseError } from 'jsonc-parser';

/** Texts longer than this are refused before parsing (a full 250-CA list is well under 4 MiB). */
export const MAX_BODY_CHARS = 16 * 1024 * 1024;
/** Deeper nesting than this is refused: a trust list is three levels deep. */
export const MAX_JSON_DEPTH = 64;

export interface Position {
  line: number;
  column: number;
}

export interface ParsedJsonText {
  value: unknown;
  /** Position of the value at a pointer, or of its nearest ancestor present in the text. */
  positionOf(pointer: string): Position | undefined;
  /** Pointers of object members that appear more than once (the last one wins, as in JSON.parse). */
  duplicateKeys: string[];
}

/** jsonc-parser's names for what is wrong with JSON text, in the order it reports them. */
export const JSON_SYNTAX_CODES = [
  'InvalidSymbol',
  'InvalidNumberFormat',
  'PropertyNameExpected',
  'ValueExpected',
  'ColonExpected',
  'CommaExpected',
  'CloseBraceExpected',
  'CloseBracketExpected',
  'EndOfFileExpected',
  'InvalidCommentToken',
  'UnexpectedEndOfComment',
  'UnexpectedEndOfString',
  'UnexpectedEndOfNumber',
  'InvalidUnicode',
  'InvalidEscapeCharacter',
  'InvalidCharacter',
] as const;

export type JsonSyntaxCode = (typeof JSON_SYNTAX_CODES)[number];

/**
 * Why a body is not JSON, as data: the catalogues word each kind (body.not-json's variants), so no reason reaches a
 * message in one language only. `reason` (below) is the English wording, for errors thrown about options.
 */
export type JsonProblem =
  | { kind: 'bom' }
  | { kind: 'too-deep'; limit: number }
  /** A syntax error jsonc-parser names; null when only JSON.parse found one (it has no stable name for it). */
  | { kind: 'syntax'; code: JsonSyntaxCode | null }
  | { kind: 'cycle' }
  | { kind: 'non-finite'; value: string }
  /** A value JSON has no type for: undefined, a function, a symbol, a bigint. */
  | { kind: 'no-json-type'; type: string }
  | { kind: 'prototype-literal' }
  /** An object made by a class (Date, Uint8Array, Map …): `name` is the class. */
  | { kind: 'class-instance'; name: string }
  /** A getter or proxy trap threw while the value was read. */
  | { kind: 'unreadable'; error: string };

export type JsonTextResult =
  | { ok: true; parsed: ParsedJsonText }
  | { ok: false; problem: JsonProblem; reason: string; position?: Position }
  /** Longer than {@link MAX_BODY_CHARS}: not read at all (a limit of this library, not of Graph). */
  | { ok: false; problem: { kind: 'too-large'; chars: number; limit: number }; reason: string; position?: undefined };

const SYNTAX_WORDS: Record<JsonSyntaxCode, string> = {
  InvalidSymbol: 'unexpected character',
  InvalidNumberFormat: 'invalid number',
  PropertyNameExpected: 'a property name in double quotes was expected',
  ValueExpected: 'a value was expected',
  ColonExpected: 'a colon was expected',
  CommaExpected: 'a comma was expected',
  CloseBraceExpected: 'a closing brace was expected',
  CloseBracketExpected: 'a closing bracket was expected',
  EndOfFileExpected: 'the text goes on after the JSON value',
  InvalidCommentToken: 'comments are not allowed in JSON',
  UnexpectedEndOfComment: 'unterminated comment',
  UnexpectedEndOfString: 'unterminated string',
  UnexpectedEndOfNumber: 'unterminated number',
  InvalidUnicode: 'invalid \\u escape',
  InvalidEscapeCharacter: 'invalid escape character',
  InvalidCharacter: 'invalid character in a string',
};

/** The English wording of a problem (the catalogues have their own, per language). */
export function describeJsonProblem(p: JsonProblem | { kind: 'too-large'; chars: number; limit: number }): string {
  switch (p.kind) {
    case 'too-large':
      return `the text is ${p.chars} characters long, more than the ${p.limit} this library reads`;
    case 'bom':
      return 'the text starts with a byte order mark (U+FEFF), which is not JSON';
    case 'too-deep':
      return `JSON nesting deeper than ${p.limit} levels`;
    case 'syntax':
      return p.code ? SYNTAX_WORDS[p.code] : 'it is not valid JSON';
    case 'cycle':
      return 'the value contains a cycle';
    case 'non-finite':
      return `the number ${p.value} cannot be written in JSON`;
    case 'no-json-type':
      return `${p.type === 'undefined' ? 'an undefined value' : `a ${p.type}`} cannot be written in JSON`;
    case 'prototype-literal':
      return 'an object whose prototype is another object (as a literal "__proto__: {…}" makes) cannot be written in JSON';
    case 'class-instance':
      return `a ${p.name} object cannot be written in JSON`;
    case 'unreadable':
      return `the value could not be read (${p.error})`;
  }
}

const failure = (problem: JsonProblem, position?: Position): JsonTextResult =>
  position
    ? { ok: false, problem, reason: describeJsonProblem(problem), position }
    : { ok: false, problem, reason: describeJsonProblem(problem) };

export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointer(...tokens: (string | number)[]): string {
  return tokens.map((t) => `/${escapePointerToken(t)}`).join('');
}

/** Line starts, for offset → 1-based line/column (columns count UTF-16 code units, as SARIF's default). */
function lineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
  return lineOf(Int32Array.from(starts));
}

/** The position of an offset, from the offsets at which lines start (kept as 32-bit integers at their exact count). */
function lineOf(starts: Int32Array): (offset: number) => Position {
  return (offset) => {
    let lo = 0;
    let hi = starts.length - 1;
    while (lo < hi) {
      const mid = (lo + hi + 1) >> 1;
      if (starts[mid]! <= offset) lo = mid;
      else hi = mid - 1;
    }
    return { line: lo + 1, column: offset - starts[lo]! + 1 };
  };
}

/**
 * The text's values in document order — offset, pointer token from the parent, children — and nothing else.
 * Why not jsonc-parser's parseTree: its nodes (with parent links, key nodes and property nodes) cost about a kilobyte per
 * trust-list entry, tens of megabytes for a 10,000-CA body, all of it garbage once the positions are known.
 */
interface SyntaxOutline {
  offsets: Int32Array;
  tokens: string[];
  children: (number[] | null)[];
  /** Deepest nesting of any value (the root is at 0). */
  maxDepth: number;
  /** Whether some object names a member twice. */
  repeatedNames: boolean;
  /** Length in the text (quotes included) of each string literal of {@link SHARED_STRING_CHARS} characters or more, by node. */
  longStrings: Map<number, number>;
}

/**
 * Strings of the parsed value at least this long are replaced by the same characters sliced out of the text. Why:
 * JSON.parse copies every string, so a body's certificates were held twice — in the text (kept for positions) and in
 * the value — 9 MB each for 10,000 CAs; a slice of a string the engine keeps flat shares the text's characters (V8
 * makes a slice of 13 or more characters a view). Shorter strings are left alone: a view would not be smaller.
 */
const SHARED_STRING_CHARS = 32;

function syntaxOutline(input: string): SyntaxOutline {
  // Built with push, then kept at their exact length (an array grown by push holds up to half as much again).
  const offsets: number[] = [];
  const outline: SyntaxOutline = {
    offsets: new Int32Array(0),
    tokens: [],
    children: [],
    maxDepth: 0,
    repeatedNames: false,
    longStrings: new Map(),
  };
  // The open containers, innermost last, each with the member name being read (undefined for an array).
  const open: number[] = [];
  const names: (string | undefined)[] = [];
  // Every entry of a list names the same members: one token string each, not one per occurrence.
  const tokenOf = new Map<string, string>();
  const token = (name: string): string => {
    let t = tokenOf.get(name);
    if (t === undefined) {
      t = escapePointerToken(name);
      if (tokenOf.size < 4096) tokenOf.set(name, t);
    }
    return t;
  };
  const add = (offset: number, container: boolean): void => {
    const node = offsets.length;
    offsets.push(offset);
    outline.children.push(container ? [] : null);
    const top = open.length - 1;
    if (open.length > outline.maxDepth) outline.maxDepth = open.length;
    if (top < 0) outline.tokens.push('');
    else {
      const siblings = outline.children[open[top]!]!;
      const name = names[top];
      outline.tokens.push(name === undefined ? String(siblings.length) : token(name));
      siblings.push(node);
    }
    if (container) open.push(node);
  };
  const close = (): void => {
    // Copied to their exact length: arrays built with push hold 17 slots for a trust-list entry's four members.
    const node = open.pop()!;
    outline.children[node] = outline.children[node]!.slice();
    names.pop();
  };
  const closeObject = (): void => {
    const members = outline.children[open[open.length - 1]!]!;
    if (members.length > 1 && !outline.repeatedNames) {
      const tokens = members.map((m) => outline.tokens[m]!);
      outline.repeatedNames = new Set(tokens).size !== tokens.length;
    }
    close();
  };
  visit(
    input,
    {
      onObjectBegin: (offset) => {
        add(offset, true);
        names.push('');
      },
      onArrayBegin: (offset) => {
        add(offset, true);
        names.push(undefined);
      },
      onObjectProperty: (property) => {
        names[names.length - 1] = property;
      },
      onLiteralValue: (value, offset, length) => {
        add(offset, false);
        if (typeof value === 'string' && length >= SHARED_STRING_CHARS + 2) outline.longStrings.set(offsets.length - 1, length);
      },
      onObjectEnd: closeObject,
      onArrayEnd: close,
    },
    { disallowComments: true, allowTrailingComma: false },
  );
  outline.offsets = Int32Array.from(offsets);
  outline.tokens = outline.tokens.slice();
  outline.children = outline.children.slice();
  return outline;
}

export function parseJsonText(input: string, maxChars: number = MAX_BODY_CHARS): JsonTextResult {
  const limit = Math.min(maxChars, MAX_BODY_CHARS);
  if (input.length > limit) {
    const problem = { kind: 'too-large' as const, chars: input.length, limit };
    return { ok: false, problem, reason: describeJsonProblem(problem) };
  }
  // A byte order mark is not JSON (RFC 8259 §8.1: implementations MUST NOT add one); Graph's reader does not skip it either.
  const toPosition = lineIndex(input);
  if (input.charCodeAt(0) === 0xfeff) return failure({ kind: 'bom' }, { line: 1, column: 1 });
  // Checked before any parser runs: jsonc-parser recurses once per level and overflows the stack near 5,000 levels.
  const tooDeepAt = nestingBeyondLimit(input);
  if (tooDeepAt >= 0) return failure({ kind: 'too-deep', limit: MAX_JSON_DEPTH }, toPosition(tooDeepAt));
  let value: unknown;
  try {
    value = JSON.parse(input);
  } catch (e) {
    const errors: ParseError[] = [];
    parseTree(input, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const name = first ? printParseErrorCode(first.error) : null;
    const code = (JSON_SYNTAX_CODES as readonly string[]).includes(name ?? '') ? (name as JsonSyntaxCode) : null;
    return failure({ kind: 'syntax', code }, first ? toPosition(first.offset) : jsonParsePosition(e as Error, toPosition));
  }
  const outline = syntaxOutline(input);
  shareTextStrings(input, outline, value);
  outline.longStrings.clear(); // positions do not need it, and the outline is kept for them
  if (!outline.repeatedNames && outline.maxDepth <= MAX_JSON_DEPTH) {
    // Nothing repeated and nothing too deep: every pointer names at most one value, found by walking the outline.
    return {
      ok: true,
      parsed: {
        value,
        duplicateKeys: [],
        positionOf: (ptr) => {
          const offset = outlineOffset(outline, ptr);
          return offset === undefined ? undefined : toPosition(offset);
        },
      },
    };
  }
  const offsets = new Map<string, number>();
  const duplicateKeys: string[] = [];
  let tooDeep = false;
  if (outline.offsets.length) {
    const stack: [number, string, number][] = [[0, '', 0]];
    while (stack.length) {
      const [node, ptr, depth] = stack.pop()!;
      const offset = outline.offsets[node]!;
      if (depth > MAX_JSON_DEPTH) {
        tooDeep = true;
        break;
      }
      const seen = offsets.get(ptr);
      if (seen !== undefined) {
        duplicateKeys.push(ptr);
        // An earlier copy of a repeated member: JSON.parse drops it, so its own members are neither in the value nor duplicates.
        if (offset < seen) continue;
      }
      // The stack visits later members first; keep the last occurrence, the one JSON.parse keeps.
      if (seen === undefined || offset > seen) offsets.set(ptr, offset);
      for (const child of outline.children[node] ?? []) stack.push([child, `${ptr}/${outline.tokens[child]!}`, depth + 1]);
    }
  }
  if (tooDeep) return failure({ kind: 'too-deep', limit: MAX_JSON_DEPTH });
  return {
    ok: true,
    parsed: {
      value,
      duplicateKeys: [...new Set(duplicateKeys)],
      positionOf(ptr: string) {
        let p = ptr;
        for (;;) {
          const off = offsets.get(p);
          if (off !== undefined) return toPosition(off);
          if (p === '') return undefined;
          p = p.slice(0, p.lastIndexOf('/'));
        }
      },
    },
  };
}

const ARRAY_INDEX = /^(0|[1-9][0-9]*)$/;

/**
 * Puts the text's own characters in place of the long strings JSON.parse copied (see {@link SHARED_STRING_CHARS}).
 * A string is replaced only by one equal to it (an escaped string's raw text is not, so it stays as parsed), so the
 * value reads exactly as before whatever the outline says; with repeated member names the last one is the value's.
 */
function shareTextStrings(input: string, outline: SyntaxOutline, value: unknown): void {
  if (outline.longStrings.size === 0) return;
  const stack: [number, unknown][] = [[0, value]];
  while (stack.length) {
    const [node, container] = stack.pop()!;
    const members = outline.children[node];
    if (!members || container === null || typeof container !== 'object') continue;
    const holder = container as Record<string, unknown>;
    const array = Array.isArray(container);
    for (const member of members) {
      const token = outline.tokens[member]!;
      const name = array ? token : unescapePointerToken(token);
      // `__proto__` is an own member of a parsed object, but assigning to it would set the prototype.
      if (name === '__proto__' || !Object.hasOwn(holder, name)) continue;
      const length = outline.longStrings.get(member);
      if (length === undefined) {
        if (outline.children[member]) stack.push([member, holder[name]]);
        continue;
      }
      const offset = outline.offsets[member]!;
      const raw = input.slice(offset + 1, offset + length - 1);
      if (holder[name] === raw) holder[name] = raw;
    }
  }
}

function unescapePointerToken(token: string): string {
  return token.includes('~') ? token.replace(/~1/g, '/').replace(/~0/g, '~') : token;
}

/**
 * Offset of the value a pointer names, or of its nearest ancestor present in the text (as a map from every pointer
 * to its offset would answer, without building one: a findings-free 10,000-CA body asks for one position, if any).
 * Only for outlines without repeated member names, where each pointer names at most one value.
 */
function outlineOffset(outline: SyntaxOutline, ptr: string): number | undefined {
  if (!outline.offsets.length) return undefined;
  let node = 0;
  // A pointer that does not start with '/' has no ancestor but the root.
  if (ptr === '' || ptr[0] !== '/') return outline.offsets[0];
  for (const token of ptr.slice(1).split('/')) {
    const members = outline.children[node];
    if (!members) break;
    let next: number | undefined;
    if (ARRAY_INDEX.test(token) && Number(token) < members.length && outline.tokens[members[Number(token)]!] === token)
      next = members[Number(token)];
    else next = members.find((m) => outline.tokens[m] === token);
    if (next === undefined) break;
    node = next;
  }
  return outline.offsets[node];
}

/**
 * Offset of the first `[` or `{` that opens a value nested deeper than {@link MAX_JSON_DEPTH} (the limit the
 * parsed tree is held to), or -1. One pass, brackets inside strings skipped; the text need not be valid JSON.
 */
function nestingBeyondLimit(text: string): number {
  let open = 0;
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 34 /* " */) {
      for (i++; i < text.length; i++) {
        const d = text.charCodeAt(i);
        if (d === 92 /* \ */) i++;
        else if (d === 34) break;
      }
    } else if (c === 91 /* [ */ || c === 123 /* { */) {
      if (++open > MAX_JSON_DEPTH + 1) return i;
    } else if ((c === 93 /* ] */ || c === 125) /* } */ && open > 0) open--;
  }
  return -1;
}

function jsonParsePosition(e: Error, toPosition: (o: number) => Position): Position | undefined {
  const m = /position (\d+)/.exec(e.message);
  return m ? toPosition(Number(m[1])) : undefined;
}

/**
 * Why a value given as already-parsed JSON is not JSON data (a cycle, a function, a non-finite number, too deep…),
 * or null when it is.
 */
export function checkJsonValue(value: unknown): JsonProblem | null {
  try {
    return checkJsonData(value);
  } catch (e) {
    // A getter or a proxy trap that throws: the value cannot even be read, let alone sent.
    return { kind: 'unreadable', error: e instanceof Error ? e.message : 'a non-Error exception' };
  }
}

function checkJsonData(value: unknown): JsonProblem | null {
  const onPath = new Set<object>();
  const stack: [unknown, number, boolean][] = [[value, 0, false]];
  while (stack.length) {
    const [v, depth, leaving] = stack.pop()!;
    if (leaving) {
      onPath.delete(v as object);
      continue;
    }
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') {
      if (!Number.isFinite(v)) return { kind: 'non-finite', value: String(v) };
      continue;
    }
    if (typeof v !== 'object') return { kind: 'no-json-type', type: typeof v };
    if (depth > MAX_JSON_DEPTH) return { kind: 'too-deep', limit: MAX_JSON_DEPTH };
    if (onPath.has(v)) return { kind: 'cycle' };
    const proto = Object.getPrototypeOf(v);
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) {
      // A plain object as prototype is what an object literal's `__proto__: {…}` makes; JSON.parse makes an own member instead.
      const plainProto = !Object.hasOwn(proto, 'constructor');
      return plainProto ? { kind: 'prototype-literal' } : { kind: 'class-instance', name: String(proto?.constructor?.name ?? 'non-plain') };
    }
    onPath.add(v);
    stack.push([v, depth, true]);
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1, false]);
  }
  return null;
}

/** How the bytes of a body read as text, and what about them is not UTF-8 JSON. */
export interface DecodedBody {
  text: string;
  encoding: 'utf-8' | 'utf-16le' | 'utf-16be';
  /** A byte order mark was there (for UTF-8 it stays in `text`, where it is not JSON). */
  bom: boolean;
  /** Offset of the first byte that is not UTF-8, or null. */
  invalidAt: number | null;
}

/** Offset of the first byte of `bytes` that breaks UTF-8 (RFC 3629: no overlongs, no surrogates, at most U+10FFFF), or -1. */
function firstInvalidUtf8(bytes: Uint8Array): number {
  for (let i = 0; i < bytes.length; ) {
    const b = bytes[i]!;
    if (b < 0x80) {
      i++;
      continue;
    }
    const n = b >= 0xc2 && b <= 0xdf ? 1 : b >= 0xe0 && b <= 0xef ? 2 : b >= 0xf0 && b <= 0xf4 ? 3 : -1;
    if (n < 0 || i + n >= bytes.length) return i;
    const second = bytes[i + 1]!;
    const low = b === 0xe0 ? 0xa0 : b === 0xf0 ? 0x90 : 0x80;
    const high = b === 0xed ? 0x9f : b === 0xf4 ? 0x8f : 0xbf;
    if (second < low || second > high) return i;
    for (let k = 2; k <= n; k++) if ((bytes[i + k]! & 0xc0) !== 0x80) return i;
    i += n + 1;
  }
  return -1;
}

/**
 * The bytes of a body as text, the way a reader that honours byte order marks would decode them: UTF-16 by its BOM or by
 * the zero bytes of its ASCII characters (RFC 4627 §3), else UTF-8 (bytes that are not UTF-8 become U+FFFD, and are
 * reported). Only UTF-8 without a byte order mark is the JSON text RFC 8259 §8.1 says systems exchange.
 */
export function decodeJsonBytes(bytes: Uint8Array): DecodedBody {
  const [b0, b1] = [bytes[0], bytes[1]];
  if (b0 === 0xff && b1 === 0xfe)
    return { text: new TextDecoder('utf-16le').decode(bytes.subarray(2)), encoding: 'utf-16le', bom: true, invalidAt: null };
  if (b0 === 0xfe && b1 === 0xff)
    return { text: new TextDecoder('utf-16be').decode(bytes.subarray(2)), encoding: 'utf-16be', bom: true, invalidAt: null };
  if (bytes.length >= 2 && bytes.length % 2 === 0) {
    if (b0 === 0 && b1 !== 0) return { text: new TextDecoder('utf-16be').decode(bytes), encoding: 'utf-16be', bom: false, invalidAt: null };
    if (b0 !== 0 && b1 === 0) return { text: new TextDecoder('utf-16le').decode(bytes), encoding: 'utf-16le', bom: false, invalidAt: null };
  }
  const bom = b0 === 0xef && b1 === 0xbb && bytes[2] === 0xbf;
  const invalid = firstInvalidUtf8(bytes);
  return {
    text: new TextDecoder('utf-8', { ignoreBOM: true }).decode(bytes),
    encoding: 'utf-8',
    bom,
    invalidAt: invalid < 0 ? null : invalid,
  };
}
