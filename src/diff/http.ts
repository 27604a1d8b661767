/** The request as text to send by hand: an HTTP message (REST-client style) or a curl command. */
import { PATCH_PERMISSION } from '../graph/clouds.js';
import type { PatchRequest } from './request.js';

/** One comment line naming the permission; the API has no higher-privileged alternative. */
export function permissionComment(): string {
  return `# Needs ${PATCH_PERMISSION} (delegated work or school account, or application).`;
}

export function formatHttpRequest(request: PatchRequest): string {
  return [
    permissionComment(),
    `${request.method} ${request.url}`,
    'Authorization: Bearer {token}',
    `Content-Type: ${request.headers['Content-Type']}`,
    '',
    JSON.stringify(request.body, null, 2),
    '',
  ].join('\n');
}

/** POSIX shell single quoting: nothing inside is expanded. */
export function shellQuote(s: string): string {
  return `'${s.replace(/'/g, `'\\''`)}'`;
}

/**
 * A curl command reading the body from a quoted here-document on standard input (`--data-binary @-`), so the
 * JSON is never re-interpreted by the shell; the token comes from `$TOKEN`. The delimiter is chosen so that no
 * line of the body can end the here-document early.
 */
export function formatCurlCommand(request: PatchRequest): string {
  const json = JSON.stringify(request.body, null, 2);
  let delimiter = 'CA_PREFLIGHT_BODY';
  while (json.split('\n').includes(delimiter)) delimiter += '_';
  return [
    permissionComment(),
    `curl --fail-with-body --request ${request.method} ${shellQuote(request.url)} \\`,
    `  --header "Authorization: Bearer $TOKEN" \\`,
    `  --header ${shellQuote(`Content-Type: ${request.headers['Content-Type']}`)} \\`,
    `  --data-binary @- <<'${delimiter}'`,
    json,
    delimiter,
    '',
  ].join('\n');
}
