/** The envelope of ca-preflight's own files (plans, receipts): JSON text or a value, a `kind`, a format `version`. */
import { isPlainObject } from '../graph/model.js';

export type Versioned = { ok: true; value: Record<string, unknown> } | { ok: false; problems: string[] };

/**
 * Reads `input` as a file of `kind` at format `version`; a newer version is named as such (made by a newer
 * ca-preflight), and `otherKinds` maps a kind that is a common mix-up to the sentence that explains it.
 */
export function readVersioned(
  input: unknown,
  what: string,
  kind: string,
  version: number,
  otherKinds: Record<string, string> = {},
): Versioned {
  let v = input;
  if (typeof input === 'string') {
    try {
      v = JSON.parse(input.replace(/^\uFEFF/, ''));
    } catch (e) {
      return { ok: false, problems: [`it is not JSON: ${(e as Error).message}`] };
    }
  }
  if (!isPlainObject(v)) return { ok: false, problems: ['it is not a JSON object'] };
  if (v.kind !== kind) {
    const hint = typeof v.kind === 'string' ? otherKinds[v.kind] : undefined;
    return { ok: false, problems: [hint ?? `it is not a ${what} ("kind" is not "${kind}")`] };
  }
  if (v.version !== version)
    return {
      ok: false,
      problems: [
        typeof v.version === 'number' && v.version > version
          ? `it is a ${what} of format version ${v.version}, made by a newer ca-preflight; this one reads version ${version}`
          : `"version" must be ${version}`,
      ],
    };
  return { ok: true, value: v };
}
