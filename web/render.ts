/**
 * Report → DOM: the summary, the findings (each a button that moves the caret to its line:column) and the
 * predicted Graph response. Text goes in through textContent only: nothing from the input is parsed as HTML.
 */
import type { Finding, Report, Severity } from '../src/index.js';
import { unchangedReadOnlyMembers } from '../src/report/text.js';
import type { Labels } from './i18n.js';

const REASONS: Record<number, string> = { 200: 'OK', 400: 'Bad Request', 403: 'Forbidden', 404: 'Not Found', 409: 'Conflict' };

/** The response Graph would give, as HTTP text. */
export function graphResponseText(report: Report, unknown = 'Not known'): string {
  if (report.verdict === 'unknown') return unknown;
  if (!report.graphError) return 'HTTP/1.1 200 OK';
  const { status, body } = report.graphError;
  return `${`HTTP/1.1 ${status} ${REASONS[status] ?? ''}`.trimEnd()}\nContent-Type: application/json\n\n${JSON.stringify(body, null, 2)}`;
}

export function countBySeverity(findings: Finding[]): Record<Severity, number> {
  const counts: Record<Severity, number> = { error: 0, warning: 0, info: 0 };
  for (const f of findings) counts[f.severity]++;
  return counts;
}

function el<K extends keyof HTMLElementTagNameMap>(tag: K, className: string, text?: string): HTMLElementTagNameMap[K] {
  const node = document.createElement(tag);
  if (className) node.className = className;
  if (text !== undefined) node.textContent = text;
  return node;
}

/** One finding as a button: severity (as a word, not only a colour), rule id, path, position, message, fix. */
export function findingItem(f: Finding, labels: Labels, onReveal: (line: number, column: number) => void): HTMLLIElement {
  const item = el('li', `finding finding-${f.severity}`);
  const button = el('button', 'finding-button');
  button.type = 'button';
  button.dataset.rule = f.rule;
  button.dataset.path = f.path;
  button.dataset.severity = f.severity;
  const head = el('span', 'finding-head');
  head.append(el('span', `badge badge-${f.severity}`, labels.severity[f.severity]), ' ', el('code', 'finding-rule', f.rule));
  if (f.line !== undefined && f.column !== undefined) {
    button.dataset.line = String(f.line);
    button.dataset.column = String(f.column);
    head.append(' ', el('span', 'finding-position', labels.line(f.line, f.column)));
  }
  const path = el('code', 'finding-path', f.path === '' ? '(body)' : f.path);
  button.append(head, path, el('span', 'finding-message', f.message));
  if (f.fix) {
    const fix = el('span', 'finding-fix');
    fix.append(el('strong', '', labels.fixPrefix), ' ', f.fix);
    button.append(fix);
  }
  button.addEventListener('click', () => onReveal(f.line ?? 1, f.column ?? 1));
  item.append(button);
  return item;
}

export interface ResultViews {
  summary: HTMLElement;
  /** When the first listed CA expires (hidden when no listed CA is readable and unexpired). */
  firstExpiry: HTMLElement;
  findings: HTMLOListElement;
  graph: HTMLElement;
}

export function renderReport(views: ResultViews, report: Report, labels: Labels, onReveal: (line: number, column: number) => void): void {
  const counts = countBySeverity(report.findings);
  views.summary.textContent = labels.summary(counts, report.verdict, unchangedReadOnlyMembers(report));
  views.summary.dataset.state = report.graphError ? 'refused' : report.ok ? 'accepted' : 'errors';
  views.summary.dataset.verdict = report.verdict;
  const first = report.firstExpiry ?? null;
  views.firstExpiry.hidden = first === null;
  views.firstExpiry.textContent = first ? labels.firstExpiry(first.index, first.subject, first.notAfter, first.days) : '';
  if (first) views.firstExpiry.dataset.notAfter = first.notAfter;
  else delete views.firstExpiry.dataset.notAfter;
  views.findings.replaceChildren(...report.findings.map((f) => findingItem(f, labels, onReveal)));
  if (report.findings.length === 0) views.findings.append(el('li', 'finding-none', labels.noFindings));
  views.graph.textContent = graphResponseText(report, labels.answerUnknown);
  views.graph.dataset.status = report.verdict === 'unknown' ? 'unknown' : String(report.graphError?.status ?? 200);
}
