/**
 * What a bearer token says about itself, when it is a readable JWT: its delegated scopes (`scp`, space-separated) and
 * application roles (`roles`), its audience and its expiry — enough to warn before a PATCH that Graph would answer 403.
 * Microsoft's identity platform documents both claims (access-token claims reference); it also says a client should not
 * rely on reading access tokens, which may be encrypted or change format: so an unreadable token is not an error, only
 * a token that reads and lacks the permission is worth a warning. Nothing here keeps or prints the token itself.
 */
import { decodeBase64Lenient } from '../certificate/encoding.js';
import { PATCH_PERMISSION } from '../graph/clouds.js';
import { isPlainObject } from '../graph/model.js';

/** Graph's application id and resource URI, the audiences a Graph token carries. */
const GRAPH_AUDIENCES = ['00000003-0000-0000-c000-000000000000', 'https://graph.microsoft.com', 'https://graph.microsoft.com/'];

export interface TokenPermission {
  /** Whether the token is a JWT whose payload could be read. */
  readable: boolean;
  /** Delegated scopes (`scp`) and application roles (`roles`) it carries; empty when unreadable. */
  scopes: string[];
  roles: string[];
  /** true: the permission is among them; false: it is not; null: the token could not be read. */
  hasPermission: boolean | null;
  /** `exp` as an ISO date, when present. */
  expiresAt: string | null;
  /** `aud`, when present. */
  audience: string | null;
  /** Sentences for people, each saying what is wrong and what to do (empty when nothing is). */
  warnings: string[];
}

function payloadOf(token: string): Record<string, unknown> | null {
  const parts = token.split('.');
  if (parts.length !== 3 || parts[1] === '') return null;
  const bytes = decodeBase64Lenient(parts[1]!);
  if (!bytes) return null;
  try {
    const value: unknown = JSON.parse(new TextDecoder('utf-8', { fatal: true }).decode(bytes));
    return isPlainObject(value) ? value : null;
  } catch {
    return null;
  }
}

/** Reads the permission-related claims of `token` at time `now` (ms). Never throws. */
export function readTokenPermission(token: string, now: number = Date.now(), permission: string = PATCH_PERMISSION): TokenPermission {
  const payload = payloadOf(token);
  if (!payload) return { readable: false, scopes: [], roles: [], hasPermission: null, expiresAt: null, audience: null, warnings: [] };
  const scopes = typeof payload.scp === 'string' ? payload.scp.split(/\s+/).filter((s) => s !== '') : [];
  const roles = Array.isArray(payload.roles) ? payload.roles.filter((r): r is string => typeof r === 'string') : [];
  const hasPermission = [...scopes, ...roles].some((p) => p.toLowerCase() === permission.toLowerCase());
  const exp = typeof payload.exp === 'number' && Number.isFinite(payload.exp) ? payload.exp * 1000 : null;
  const expiresAt = exp !== null && Math.abs(exp) < 8.64e15 ? new Date(exp).toISOString() : null;
  const audience = typeof payload.aud === 'string' ? payload.aud : null;
  const warnings: string[] = [];
  if (!hasPermission) {
    const has = [...scopes.map((s) => `scp ${s}`), ...roles.map((r) => `roles ${r}`)];
    warnings.push(
      `the token does not carry ${permission} (${has.length ? `it has ${has.slice(0, 12).join(', ')}${has.length > 12 ? ', …' : ''}` : 'it has no scp or roles claim'}); Graph will answer 403. Grant the permission (delegated, with the Cloud Device Administrator or IoT Device Administrator role, or as an application permission) and get a new token.`,
    );
  }
  if (exp !== null && exp <= now) warnings.push(`the token expired at ${expiresAt}; Graph will answer 401. Get a new token.`);
  if (audience !== null && !GRAPH_AUDIENCES.includes(audience.toLowerCase()))
    warnings.push(
      `the token is for ${JSON.stringify(audience.slice(0, 200))}, not Microsoft Graph; Graph will answer 401. Ask for a token for https://graph.microsoft.com (az: --resource-type ms-graph).`,
    );
  return { readable: true, scopes, roles, hasPermission, expiresAt, audience, warnings };
}
