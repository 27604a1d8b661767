/** `apply` for people: the review before sending, and the three-way view when the live resource is not the plan's base. */
import { formatDiffText } from '../diff/text.js';
import type { DiffEntry } from '../diff/diff.js';
import { shortHash } from './canonical.js';
import type { ApplyReview, DriftView } from './apply.js';

export interface ApplyTextOptions {
  color?: boolean;
  at?: Date;
}

function who(e: DiffEntry): string {
  return e.thumbprint ? `${e.subject} (SHA-256 ${e.thumbprint})` : `entry #${e.index} (${e.note ?? 'certificate cannot be decoded'})`;
}

function indent(text: string): string {
  return text
    .replace(/\n$/, '')
    .split('\n')
    .map((l) => (l === '' ? '' : `    ${l}`))
    .join('\n');
}

/** What sending the plan now would undo of the changes made since it was made: the lost update, spelled out. */
export function lostChanges(d: DriftView): string[] {
  const key = (e: DiffEntry) => e.thumbprint ?? `#${e.index}`;
  const intended = d.baseToDesired.diff;
  const removedOnPurpose = new Set(intended.removed.map(key));
  const addedOnPurpose = new Set(intended.added.map(key));
  const changedOnPurpose = new Set(intended.changed.map(key));
  const over = d.planOverLive.diff;
  const lines: string[] = [];
  for (const e of over.removed)
    if (!removedOnPurpose.has(key(e))) lines.push(`remove ${who(e)}, which is in the live list but not in the plan's`);
  for (const e of over.added) if (!addedOnPurpose.has(key(e))) lines.push(`put back ${who(e)}, which was removed since`);
  for (const e of over.changed)
    if (!changedOnPurpose.has(key(e))) lines.push(`set back ${e.changes.map((c) => c.property).join(', ')} of ${who(e)}, changed since`);
  if (over.displayName && d.baseToLive.diff.displayName)
    lines.push(`overwrite the displayName set since (${JSON.stringify(over.displayName.from)} → ${JSON.stringify(over.displayName.to)})`);
  return lines;
}

export function formatDrift(d: DriftView, options: ApplyTextOptions = {}): string {
  const common = { color: !!options.color, ...(options.at ? { at: options.at } : {}) };
  const out = [
    "The live resource is not the plan's base:",
    `  plan's base  ${shortHash(d.baseHash)}  (as read when the plan was made)`,
    `  live now     ${shortHash(d.liveHash)}`,
    '',
    '  1. What changed since the plan was made (base → live):',
    indent(
      formatDiffText(d.baseToLive, {
        ...common,
        currentName: "the plan's base",
        desiredName: 'the live resource',
        currentLabel: 'base',
        desiredLabel: 'live',
      }),
    ),
    '',
    '  2. What the plan changes (base → desired):',
    indent(
      formatDiffText(d.baseToDesired, {
        ...common,
        currentName: "the plan's base",
        desiredName: "the plan's request",
        currentLabel: 'base',
        desiredLabel: 'plan',
      }),
    ),
    '',
  ];
  const lost = lostChanges(d);
  out.push(
    lost.length
      ? '  3. Sent now, the plan would also:'
      : '  3. Sent now, the plan would undo none of those changes; it was computed from another list all the same, so it is not sent.',
  );
  for (const l of lost) out.push(`     - ${l}`);
  return `${out.join('\n')}\n`;
}

export function formatReview(review: ApplyReview, options: ApplyTextOptions = {}): string {
  return formatDiffText(review.comparison, {
    color: !!options.color,
    currentName: 'the live resource',
    desiredName: 'the plan',
    currentLabel: 'live',
    desiredLabel: 'plan',
    ...(options.at ? { at: options.at } : {}),
  });
}
