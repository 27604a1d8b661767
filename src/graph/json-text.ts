/**
 * JSON text → value plus a map from JSON Pointer to source position, so findings can carry line/column.
 * The value comes from the platform's JSON.parse (strict RFC 8259, `__proto__` kept as an ordinary own key);
 * positions come from jsonc-parser's syntax tree, which never builds objects and so cannot pollute prototypes.
 */
import { parseTree, printParseErrorCode, type Node as JsonNode, type ParseError } from 'jsonc-parser';

/** Texts longer than this are refused before parsing (a full 250-CA list is well under 4 MiB). */
export const MAX_BODY_CHARS = 16 * 1024 * 1024;
/** Deeper nesting than this is refused: a trust list is three levels deep. */
export const MAX_JSON_DEPTH = 64;

export interface Position { line: number; column: number }

export interface ParsedJsonText {
  value: unknown;
  /** Position of the value at a pointer, or of its nearest ancestor present in the text. */
  positionOf(pointer: string): Position | undefined;
  /** Pointers of object members that appear more than once (the last one wins, as in JSON.parse). */
  duplicateKeys: string[];
}

export type JsonTextResult =
  | { ok: true; parsed: ParsedJsonText }
  | { ok: false; reason: string; position?: Position };

export function escapePointerToken(token: string | number): string {
  return String(token).replace(/~/g, '~0').replace(/\//g, '~1');
}

export function pointer(...tokens: (string | number)[]): string {
  return tokens.map((t) => '/' + escapePointerToken(t)).join('');
}

/** Line starts, for offset → 1-based line/column (columns count UTF-16 code units, as SARIF's default). */
function lineIndex(text: string): (offset: number) => Position {
  const starts = [0];
  for (let i = 0; i < text.length; i++) {
    const c = text.charCodeAt(i);
    if (c === 10) starts.push(i + 1);
    else if (c === 13 && text.charCodeAt(i + 1) !== 10) starts.push(i + 1);
  }
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

export function parseJsonText(input: string): JsonTextResult {
  if (input.length > MAX_BODY_CHARS) {
    return { ok: false, reason: `the body is ${input.length} characters long, more than the ${MAX_BODY_CHARS} accepted` };
  }
  // A byte order mark is not JSON (RFC 8259 §8.1: implementations MUST NOT add one); Graph's reader does not skip it either.
  const toPosition = lineIndex(input);
  if (input.charCodeAt(0) === 0xfeff) {
    return { ok: false, reason: 'the text starts with a byte order mark (U+FEFF), which is not JSON', position: { line: 1, column: 1 } };
  }
  // Checked before any parser runs: jsonc-parser recurses once per level and overflows the stack near 5,000 levels.
  const tooDeepAt = nestingBeyondLimit(input);
  if (tooDeepAt >= 0) return { ok: false, reason: `JSON nesting deeper than ${MAX_JSON_DEPTH} levels`, position: toPosition(tooDeepAt) };
  let value: unknown;
  try {
    value = JSON.parse(input);
  } catch (e) {
    const errors: ParseError[] = [];
    parseTree(input, errors, { disallowComments: true, allowTrailingComma: false, allowEmptyContent: false });
    const first = errors[0];
    const detail = first ? `${describeParseError(printParseErrorCode(first.error))}` : (e as Error).message;
    const at = first ? toPosition(first.offset) : jsonParsePosition(e as Error, toPosition);
    return at ? { ok: false, reason: detail, position: at } : { ok: false, reason: detail };
  }
  const errors: ParseError[] = [];
  const root = parseTree(input, errors, { disallowComments: true, allowTrailingComma: false });
  const offsets = new Map<string, number>();
  const duplicateKeys: string[] = [];
  let tooDeep = false;
  if (root) {
    const stack: [JsonNode, string, number][] = [[root, '', 0]];
    while (stack.length) {
      const [node, ptr, depth] = stack.pop()!;
      if (depth > MAX_JSON_DEPTH) { tooDeep = true; break; }
      const seen = offsets.get(ptr);
      if (seen !== undefined) {
        duplicateKeys.push(ptr);
        // An earlier copy of a repeated member: JSON.parse drops it, so its own members are neither in the value nor duplicates.
        if (node.offset < seen) continue;
      }
      // The stack visits later members first; keep the last occurrence, the one JSON.parse keeps.
      if (seen === undefined || node.offset > seen) offsets.set(ptr, node.offset);
      if (node.type === 'object') {
        for (const prop of node.children ?? []) {
          const [key, val] = prop.children ?? [];
          if (key && val) stack.push([val, ptr + '/' + escapePointerToken(String(key.value)), depth + 1]);
        }
      } else if (node.type === 'array') {
        (node.children ?? []).forEach((child, i) => stack.push([child, ptr + '/' + i, depth + 1]));
      }
    }
  }
  if (tooDeep) return { ok: false, reason: `JSON nesting deeper than ${MAX_JSON_DEPTH} levels` };
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
    } else if ((c === 93 /* ] */ || c === 125 /* } */) && open > 0) open--;
  }
  return -1;
}

function describeParseError(code: string): string {
  const words: Record<string, string> = {
    InvalidSymbol: 'unexpected character', InvalidNumberFormat: 'invalid number', PropertyNameExpected: 'a property name in double quotes was expected',
    ValueExpected: 'a value was expected', ColonExpected: 'a colon was expected', CommaExpected: 'a comma was expected',
    CloseBraceExpected: 'a closing brace was expected', CloseBracketExpected: 'a closing bracket was expected',
    EndOfFileExpected: 'the text goes on after the JSON value', InvalidCommentToken: 'comments are not allowed in JSON',
    UnexpectedEndOfComment: 'unterminated comment', UnexpectedEndOfString: 'unterminated string', UnexpectedEndOfNumber: 'unterminated number',
    InvalidUnicode: 'invalid \\u escape', InvalidEscapeCharacter: 'invalid escape character', InvalidCharacter: 'invalid character in a string',
  };
  return words[code] ?? code;
}

function jsonParsePosition(e: Error, toPosition: (o: number) => Position): Position | undefined {
  const m = /position (\d+)/.exec(e.message);
  return m ? toPosition(Number(m[1])) : undefined;
}

/**
 * Why a value given as already-parsed JSON is not JSON data (a cycle, a function, a non-finite number, too deep…),
 * or null when it is.
 */
export function checkJsonValue(value: unknown): string | null {
  try {
    return checkJsonData(value);
  } catch (e) {
    // A getter or a proxy trap that throws: the value cannot even be read, let alone sent.
    return `the value could not be read (${e instanceof Error ? e.message : 'a non-Error exception'})`;
  }
}

function checkJsonData(value: unknown): string | null {
  const onPath = new Set<object>();
  const stack: [unknown, number, boolean][] = [[value, 0, false]];
  while (stack.length) {
    const [v, depth, leaving] = stack.pop()!;
    if (leaving) { onPath.delete(v as object); continue; }
    if (v === null || typeof v === 'string' || typeof v === 'boolean') continue;
    if (typeof v === 'number') { if (!Number.isFinite(v)) return `the number ${v} cannot be written in JSON`; continue; }
    if (typeof v !== 'object') return `${v === undefined ? 'an undefined value' : `a ${typeof v}`} cannot be written in JSON`;
    if (depth > MAX_JSON_DEPTH) return `JSON nesting deeper than ${MAX_JSON_DEPTH} levels`;
    if (onPath.has(v)) return 'the value contains a cycle';
    const proto = Object.getPrototypeOf(v);
    if (!Array.isArray(v) && proto !== Object.prototype && proto !== null) {
      // A plain object as prototype is what an object literal's `__proto__: {…}` makes; JSON.parse makes an own member instead.
      const plainProto = !Object.prototype.hasOwnProperty.call(proto, 'constructor');
      return plainProto
        ? 'an object whose prototype is another object (as a literal "__proto__: {…}" makes) cannot be written in JSON; define a member named "__proto__" with JSON.parse or Object.defineProperty'
        : `a ${proto?.constructor?.name ?? 'non-plain'} object cannot be written in JSON`;
    }
    onPath.add(v);
    stack.push([v, depth, true]);
    for (const child of Array.isArray(v) ? v : Object.values(v)) stack.push([child, depth + 1, false]);
  }
  return null;
}
