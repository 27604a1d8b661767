/** The diff for people: reads like a review — each added, removed and changed CA, each changed member, one summary line. */
import type { ListedCa } from './read.js';
import type { Comparison, ConfigurationDiff } from './diff.js';

export interface DiffTextOptions {
  color?: boolean;
  /** Names of the two sides for the header, e.g. file names. */
  currentName?: string;
  desiredName?: string;
  /** Clock for marking expired CAs; default now. */
  at?: Date;
  /** How entries of each side are labelled (`current #1`, `desired #3`); default "current" and "desired". */
  currentLabel?: string;
  desiredLabel?: string;
}

const COLORS = { added: '\x1b[32m', removed: '\x1b[31m', changed: '\x1b[33m', dim: '\x1b[2m', bold: '\x1b[1m' } as const;

function isoSeconds(iso: string): string {
  return iso.replace(/\.\d+Z$/, 'Z');
}

function value(v: unknown): string {
  return v === undefined ? 'absent' : JSON.stringify(v);
}

export function formatDiffText(c: Comparison, options: DiffTextOptions = {}): string {
  const paint = (k: keyof typeof COLORS, s: string) => (options.color ? `${COLORS[k]}${s}\x1b[0m` : s);
  const at = options.at ?? new Date();
  const out: string[] = [];
  const d = c.diff;
  out.push(paint('bold', `Changes from ${options.currentName ?? 'current'} to ${options.desiredName ?? 'desired'}`), '');

  if (d.displayName) out.push(`${paint('changed', '~ displayName')}  ${value(d.displayName.from)} → ${value(d.displayName.to)}`, '');

  const block = (mark: string, kind: 'added' | 'removed' | 'changed', where: string, ca: ListedCa, isRoot: boolean): void => {
    const facts = ca.record?.facts;
    out.push(
      `${paint(kind, `${mark} ${kind.padEnd(8)}`)} ${where} #${ca.index}  ${facts ? facts.subject.rfc4514 : '(certificate cannot be decoded)'}`,
    );
    const pad = ' '.repeat(11);
    if (facts) {
      const expired = Date.parse(facts.notAfter) < at.getTime() ? ' — expired' : '';
      out.push(`${pad}${isRoot ? 'root' : 'intermediate'}, valid ${isoSeconds(facts.notBefore)} – ${isoSeconds(facts.notAfter)}${expired}`);
      out.push(paint('dim', `${pad}SHA-256 ${facts.thumbprints.sha256}`));
    } else {
      out.push(`${pad}${isRoot ? 'root' : 'intermediate'} (as flagged); ${ca.problem ?? 'the certificate cannot be decoded'}`);
      out.push(paint('dim', `${pad}cannot be matched by thumbprint: matched only by its exact certificate text`));
    }
  };

  const currentLabel = options.currentLabel ?? 'current';
  const desiredLabel = options.desiredLabel ?? 'desired';
  d.added.forEach((e, i) => {
    block('+', 'added', desiredLabel, c.added[i]!, e.isRootAuthority);
  });
  d.removed.forEach((e, i) => {
    block('-', 'removed', currentLabel, c.removed[i]!, e.isRootAuthority);
  });
  const changedKept = c.kept.filter((k) => k.changes.length);
  d.changed.forEach((e, i) => {
    const k = changedKept[i]!;
    block('~', 'changed', currentLabel, k.current, e.isRootAuthority);
    for (const ch of e.changes) out.push(`${' '.repeat(11)}${ch.property}: ${value(ch.from)} → ${value(ch.to)}`);
  });
  if (d.added.length + d.removed.length + d.changed.length) out.push('');

  if (!c.listGiven)
    out.push(
      paint(
        'dim',
        `certificateAuthorities is absent from ${options.desiredName ?? 'desired'}: the list stays as it is (${c.kept.length} CA${c.kept.length === 1 ? '' : 's'}).`,
      ),
      '',
    );
  else if (d.unchanged.length) {
    out.push(paint('dim', `unchanged (${d.unchanged.length}):`));
    for (const e of d.unchanged)
      out.push(
        paint(
          'dim',
          `  ${currentLabel} #${e.index}  ${e.subject ?? '(certificate cannot be decoded; matched by its exact text)'}  [${e.isRootAuthority ? 'root' : 'intermediate'}]`,
        ),
      );
    out.push('');
  }

  const unknown = [
    ...c.unknownTop,
    ...[...c.unknownInEntry].flatMap(([ca, names]) => names.map((n) => `certificateAuthorities/${ca.index}/${n}`)),
  ];
  if (unknown.length)
    out.push(
      `note: ${options.desiredName ?? 'desired'} has members the resource does not have (${unknown.join(', ')}); they are not compared, and a PATCH carrying them is refused.`,
      '',
    );

  out.push(summaryLine(c.diff));
  return `${out.join('\n')}\n`;
}

/** One line: counts of added, removed, changed and unchanged CAs, and whether the name changes. */
export function summaryLine(d: ConfigurationDiff): string {
  const same = !d.displayName && !d.added.length && !d.removed.length && !d.changed.length;
  const name = d.displayName ? 'displayName changes' : 'displayName unchanged';
  const counts = `${d.added.length} added, ${d.removed.length} removed, ${d.changed.length} changed, ${d.unchanged.length} unchanged`;
  return same ? `= no change (${counts}; ${name})` : `≠ ${counts}; ${name}`;
}
