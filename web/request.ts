/**
 * The "request" panel: what to send. With a current resource, the library's request builder gives the minimal PATCH
 * (only writable members, the whole list when it changes) and the changes it makes; without one, the checked body
 * itself is the PATCH body.
 */
import {
  buildPatchRequest,
  diffConfigurations,
  formatCurlCommand,
  formatHttpRequest,
  type ConfigurationDiff,
  type DiffEntry,
  type Lang,
  type PatchRequest,
} from '../src/index.js';
import { CLOUD_BASE_URLS, CONFIGURATIONS_PATH, configurationUrl, type Cloud } from '../src/graph/clouds.js';
import type { Labels } from './i18n.js';

export interface RequestPanel {
  mode: 'plain' | 'diff';
  /** The HTTP request as text (or why there is none). */
  text: string;
  /** What "Copy request body" puts on the clipboard, or null when there is nothing to send. */
  bodyText: string | null;
  /** The request as a curl command, when the builder made one. */
  curl: string | null;
  /** Lines describing the changes (diff mode only). */
  changes: string[];
}

function idOf(text: string): string | null {
  try {
    const value: unknown = JSON.parse(text);
    const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
    return typeof id === 'string' && id !== '' ? id : null;
  } catch {
    return null;
  }
}

/** The body as typed, under the PATCH line; the id comes from the current resource or the body when either has one. */
export function plainRequest(bodyText: string, currentText: string, cloud: Cloud): RequestPanel {
  const id = idOf(currentText) ?? idOf(bodyText);
  const url = id ? configurationUrl(id, cloud) : `${CLOUD_BASE_URLS[cloud]}${CONFIGURATIONS_PATH}/{id}`;
  return { mode: 'plain', text: `PATCH ${url}\nContent-Type: application/json\n\n${bodyText}`, bodyText, curl: null, changes: [] };
}

const who = (e: DiffEntry) => `${e.subject ?? `#${e.index}`}${e.thumbprint ? ` (SHA-256 ${e.thumbprint.slice(0, 16)}…)` : ''}`;

export function describeChanges(diff: ConfigurationDiff, labels: Labels): string[] {
  const show = (v: unknown) => (v === undefined ? labels.absent : JSON.stringify(v));
  const kind = (e: DiffEntry) => (e.isRootAuthority ? labels.root : labels.intermediate);
  const lines: string[] = [];
  if (diff.displayName) lines.push(`displayName: ${show(diff.displayName.from)} → ${show(diff.displayName.to)}`);
  for (const e of diff.added) lines.push(`+ ${labels.diffAdded}: ${who(e)}, ${kind(e)}`);
  for (const e of diff.removed) lines.push(`− ${labels.diffRemoved}: ${who(e)}, ${kind(e)}`);
  for (const e of diff.changed) {
    lines.push(`~ ${labels.diffChanged}: ${who(e)}: ${e.changes.map((c) => `${c.property} ${show(c.from)} → ${show(c.to)}`).join(', ')}`);
  }
  lines.push(`= ${labels.diffUnchanged(diff.unchanged.length)}`);
  return lines;
}

/**
 * The minimal PATCH against the current resource. Removals are shown in the changes and warned about in the
 * findings rather than refused: the page's user sees the list and decides.
 */
export async function diffRequest(
  bodyText: string,
  currentText: string,
  labels: Labels,
  options: { cloud: Cloud; at?: Date; strict: boolean; lang: Lang },
): Promise<RequestPanel> {
  let changes: string[];
  try {
    changes = describeChanges(await diffConfigurations(currentText, bodyText), labels);
  } catch (e) {
    changes = [e instanceof Error ? e.message : String(e)];
  }
  const result = await buildPatchRequest(currentText, bodyText, {
    allowRemoval: true,
    cloud: options.cloud,
    strict: options.strict,
    lang: options.lang,
    ...(options.at ? { at: options.at } : {}),
  });
  if (!result.ok) {
    return { mode: 'diff', text: result.refusal.reasons.map((r) => `✗ ${r.message}`).join('\n'), bodyText: null, curl: null, changes };
  }
  if (!result.request) return { mode: 'diff', text: labels.noChange, bodyText: null, curl: null, changes };
  const request: PatchRequest = result.request;
  return {
    mode: 'diff',
    text: formatHttpRequest(request).trimEnd(),
    bodyText: JSON.stringify(request.body, null, 2),
    curl: formatCurlCommand(request),
    changes,
  };
}
