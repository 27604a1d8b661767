/**
 * The "request" panel: what to send, or why nothing may be sent. With a current resource the library's request builder
 * gives the minimal PATCH and refuses exactly where `ca-preflight patch` refuses (removals not allowed CA by CA, errors in
 * the body as it would be sent, a cloud where the API is not documented, an unreadable current resource); without one,
 * the checked body is the PATCH body, refused as `check` fails it (errors) and for the cloud. A refused request has no
 * copy buttons.
 */
import {
  buildPatchRequest,
  chooseConfiguration,
  cloudRefusal,
  diffConfigurations,
  findingsRefusal,
  formatCurlCommand,
  formatHttpRequest,
  type ConfigurationDiff,
  type DiffEntry,
  type Lang,
  type RefusalReason,
  type Report,
} from '../src/index.js';
import { CLOUD_BASE_URLS, CONFIGURATIONS_PATH, configurationUrl, isDocumentedCloud, type Cloud } from '../src/graph/clouds.js';
import type { Labels } from './i18n.js';
import { parseJsonText } from '../src/graph/json-text.js';

/** Why nothing may be sent: the library's reasons (a current resource that is not JSON is `input`, as there). */
export type PanelRefusal = RefusalReason['kind'];

export interface RemovalChoice {
  /** SHA-256 of the CA's certificate; null when its certificate cannot be decoded (then it cannot be allowed by name). */
  thumbprint: string | null;
  label: string;
  allowed: boolean;
}

export interface RequestPanel {
  mode: 'plain' | 'diff';
  /** ready: a request to send; refused: nothing may be sent (see `refusals`); unchanged: nothing to send. */
  state: 'ready' | 'refused' | 'unchanged';
  refusals: PanelRefusal[];
  /** The HTTP request as text, or why there is none. */
  text: string;
  /** What "Copy request body" puts on the clipboard; null unless the request is ready. */
  bodyText: string | null;
  /** The request as a curl command; null unless the request is ready and built against a current resource. */
  curl: string | null;
  /** Lines describing the changes (diff mode only). */
  changes: string[];
  /** The CAs the update removes, each allowed or not by its own control (diff mode only). */
  removals: RemovalChoice[];
}

export interface PanelInput {
  bodyText: string;
  /** The current resource as pasted ("" when none). */
  currentText: string;
  /** The checks of the body as pasted. */
  report: Report;
  labels: Labels;
  cloud: Cloud;
  allowUndocumentedCloud: boolean;
  /** SHA-256 thumbprints of the CAs whose removal the user allowed. */
  allowRemoval: ReadonlySet<string>;
  /** The configuration id, when the user gave one (a collection of several, or a current resource without id). */
  id?: string;
  at?: Date;
  strict: boolean;
  lang: Lang;
}

function idOf(text: string): string | null {
  try {
    const choice = chooseConfiguration(JSON.parse(text));
    const value = choice.kind === 'chosen' ? choice.value : choice.kind === 'resource' ? choice.value : null;
    const id = value && typeof value === 'object' ? (value as { id?: unknown }).id : undefined;
    return typeof id === 'string' && id !== '' ? id : null;
  } catch {
    return null;
  }
}

/** The body as typed, under the PATCH line; the id comes from the option, the current resource or the body. */
export function plainRequestText(bodyText: string, currentText: string, cloud: Cloud, id?: string): string {
  const known = id || idOf(currentText) || idOf(bodyText);
  const url = known ? configurationUrl(known, cloud) : `${CLOUD_BASE_URLS[cloud]}${CONFIGURATIONS_PATH}/{id}`;
  return `PATCH ${url}\nContent-Type: application/json\n\n${bodyText}`;
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

/** One refusal reason in the page's language. */
export function refusalText(reason: RefusalReason, labels: Labels, report: Report | undefined): string {
  switch (reason.kind) {
    case 'removal':
      return labels.refusedRemoval(reason.removed.map(who));
    case 'findings': {
      const errors = (report?.findings ?? []).filter((f) => f.severity === 'error').map((f) => `${f.rule} ${f.path || '""'}`);
      return labels.refusedFindings(reason.errors, errors);
    }
    case 'cloud':
      return labels.refusedCloud(reason.cloud, reason.source);
    case 'operation':
    case 'input':
      return labels.refusedInput(reason.message);
  }
}

function refused(mode: RequestPanel['mode'], kinds: PanelRefusal[], lines: string[], extra: Partial<RequestPanel> = {}): RequestPanel {
  return {
    mode,
    state: 'refused',
    refusals: kinds,
    text: lines.map((l) => `✗ ${l}`).join('\n'),
    bodyText: null,
    curl: null,
    changes: [],
    removals: [],
    ...extra,
  };
}

/** The panel without a current resource: the checked body is what would be sent. */
function plainPanel(input: PanelInput): RequestPanel {
  const reasons = [findingsRefusal(input.report), cloudRefusal(input.cloud, input.allowUndocumentedCloud)].filter((r) => r !== null);
  if (reasons.length)
    return refused(
      'plain',
      reasons.map((r) => r.kind),
      reasons.map((r) => refusalText(r, input.labels, input.report)),
    );
  return {
    mode: 'plain',
    state: 'ready',
    refusals: [],
    text: plainRequestText(input.bodyText, input.currentText, input.cloud, input.id),
    bodyText: input.bodyText,
    curl: null,
    changes: [],
    removals: [],
  };
}

/** The panel against the current resource: the library's request, or its refusal. */
async function diffPanel(input: PanelInput): Promise<RequestPanel> {
  const { labels } = input;
  const problem = currentNotJson(input.currentText, labels);
  if (problem) return refused('diff', ['input'], [problem]);
  const current: unknown = JSON.parse(input.currentText);
  const choice = chooseConfiguration(current, input.id);
  if (choice.kind === 'choose') return refused('diff', ['input'], [labels.chooseConfiguration(choice.ids)]);
  if (choice.kind === 'not-found') return refused('diff', ['input'], [labels.configurationNotFound(choice.id, choice.ids)]);

  let changes: string[] = [];
  let removals: RemovalChoice[] = [];
  try {
    const diff = await diffConfigurations(current, input.bodyText, input.id ? { id: input.id } : {});
    changes = describeChanges(diff, labels);
    removals = diff.removed.map((e) => ({
      thumbprint: e.thumbprint,
      label: who(e),
      allowed: !!e.thumbprint && input.allowRemoval.has(e.thumbprint),
    }));
  } catch {
    // The builder names the problem below.
  }
  const result = await buildPatchRequest(current, input.bodyText, {
    allowRemoval: [...input.allowRemoval],
    cloud: input.cloud,
    allowUndocumentedCloud: input.allowUndocumentedCloud,
    strict: input.strict,
    lang: input.lang,
    ...(input.id ? { id: input.id } : {}),
    ...(input.at ? { at: input.at } : {}),
  });
  if (!result.ok) {
    const { reasons, report } = result.refusal;
    return refused(
      'diff',
      reasons.map((r) => r.kind),
      reasons.map((r) => refusalText(r, labels, report)),
      { changes, removals },
    );
  }
  if (!result.request)
    return { mode: 'diff', state: 'unchanged', refusals: [], text: labels.noChange, bodyText: null, curl: null, changes, removals };
  return {
    mode: 'diff',
    state: 'ready',
    refusals: [],
    text: formatHttpRequest(result.request).trimEnd(),
    bodyText: JSON.stringify(result.request.body, null, 2),
    curl: formatCurlCommand(result.request),
    changes,
    removals,
  };
}

export function requestPanel(input: PanelInput): Promise<RequestPanel> {
  return input.currentText.trim() === '' ? Promise.resolve(plainPanel(input)) : diffPanel(input);
}

/** Whether the cloud is one where the API is not documented as available (the page then offers the allow control). */
export function needsCloudAllowance(cloud: Cloud): boolean {
  return !isDocumentedCloud(cloud);
}

/**
 * Why a pasted current resource is not JSON, in the page's language with the line and column the library's JSON reader
 * gives (never the JavaScript engine's English message); null when it is JSON.
 */
export function currentNotJson(text: string, labels: Labels): string | null {
  const read = parseJsonText(text);
  if (read.ok) return null;
  return labels.currentNotJson(read.position ? labels.line(read.position.line, read.position.column) : null);
}
