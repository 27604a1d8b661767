/** The Report for people: findings grouped by CA with its subject, a one-line summary, colour only when asked. */
import type { CaSummary, Finding, Lang, Report, Severity } from '../types.js';

export interface TextOptions {
  color?: boolean;
  lang?: Lang;
  /** Shown in the header, e.g. the file name. */
  source?: string;
  /** Say when the first listed CA expires, above the summary (check does; a refusal that quotes the findings does not). */
  firstExpiry?: boolean;
}

const LABELS = {
  en: {
    error: 'error',
    warning: 'warning',
    info: 'info',
    fix: 'fix',
    body: 'Request body',
    ca: 'CA',
    root: 'root',
    intermediate: 'intermediate',
    unreadable: 'certificate not readable',
    accepted: 'the server would accept this body (200 OK)',
    acceptedIfIgnored: (members: string) =>
      `the server would accept this body (200 OK) if it ignores the unchanged read-only ${members}, as Graph's guidelines say; other directory resources have answered 400 to that (body.read-only-unchanged)`,
    rejects: 'the server would answer',
    predicted: { documented: 'documented', observed: 'predicted from an observed response', inferred: 'inferred' },
    unknown: (n: number, ids: string, bases: string) =>
      `the server's answer is not known: ${n === 1 ? 'the error' : `the ${n} errors`} (${ids}) ${n === 1 ? 'rests' : 'rest'} on ${bases}, not on a documented answer of this endpoint`,
    bases: {
      'entra-cba': 'what Entra documents for its other trust stores',
      rfc5280: 'RFC 5280',
      'graph-documented': "Graph's metadata and documentation",
      'graph-inferred': 'inferences about Graph',
      'best-practice': 'best practice',
    },
    and: ' and ',
    errors: (n: number) => `${n} error${n === 1 ? '' : 's'}`,
    warnings: (n: number) => `${n} warning${n === 1 ? '' : 's'}`,
    infos: (n: number) => `${n} info`,
    clean: 'no findings',
    /** Between the counts and the answer, and before a citation (French sets a space before both). */
    semicolon: '; ',
    colon: ': ',
    firstExpiry: (ca: string, notAfter: string, days: number) =>
      `First CA to expire: ${ca}, on ${notAfter} (in ${days} day${days === 1 ? '' : 's'}); from then until it is removed or replaced, uploads of new CAs fail.`,
  },
  fr: {
    error: 'erreur',
    warning: 'avertissement',
    info: 'info',
    fix: 'correction',
    body: 'Corps de la demande',
    ca: 'AC',
    root: 'racine',
    intermediate: 'intermédiaire',
    unreadable: 'certificat illisible',
    accepted: 'le serveur accepterait ce corps (200 OK)',
    acceptedIfIgnored: (members: string) =>
      `le serveur accepterait ce corps (200 OK) s’il ignore ${members}, en lecture seule et renvoyé inchangé, comme le disent les recommandations de Graph ; d’autres ressources de l’annuaire ont répondu 400 à cela (body.read-only-unchanged)`,
    rejects: 'le serveur répondrait',
    predicted: { documented: 'documenté', observed: 'prédit d’après une réponse observée', inferred: 'déduit' },
    unknown: (n: number, ids: string, bases: string) =>
      `la réponse du serveur n’est pas connue : ${n === 1 ? 'l’erreur' : `les ${n} erreurs`} (${ids}) ${n === 1 ? 'repose' : 'reposent'} sur ${bases}, pas sur une réponse documentée de ce point de terminaison`,
    bases: {
      'entra-cba': 'ce qu’Entra documente pour ses autres magasins de confiance',
      rfc5280: 'la RFC 5280',
      'graph-documented': 'les métadonnées et la documentation de Graph',
      'graph-inferred': 'des déductions sur Graph',
      'best-practice': 'les bonnes pratiques',
    },
    and: ' et ',
    errors: (n: number) => `${n} erreur${n > 1 ? 's' : ''}`,
    warnings: (n: number) => `${n} avertissement${n > 1 ? 's' : ''}`,
    infos: (n: number) => `${n} info`,
    clean: 'aucune remarque',
    semicolon: ' ; ',
    colon: ' : ',
    firstExpiry: (ca: string, notAfter: string, days: number) =>
      `Première autorité à expirer : ${ca}, le ${notAfter} (dans ${days} jour${days > 1 ? 's' : ''}) ; à partir de là et jusqu’à ce qu’elle soit retirée ou remplacée, les chargements de nouvelles autorités échouent.`,
  },
};

const COLORS: Record<Severity | 'dim' | 'bold' | 'ok', string> = {
  error: '\x1b[31m',
  warning: '\x1b[33m',
  info: '\x1b[36m',
  dim: '\x1b[2m',
  bold: '\x1b[1m',
  ok: '\x1b[32m',
};

export function formatText(report: Report, cas: CaSummary[], options: TextOptions = {}): string {
  const L = LABELS[options.lang ?? 'en'];
  const paint = (c: keyof typeof COLORS, s: string) => (options.color ? `${COLORS[c]}${s}\x1b[0m` : s);
  const groups = new Map<number | null, Finding[]>();
  for (const f of report.findings) {
    // Under /value/<k> when the body was a collection response whose configuration k was checked.
    const m = /^(?:\/value\/\d+)?\/certificateAuthorities\/(\d+)(\/|$)/.exec(f.path);
    const key = m ? Number(m[1]) : null;
    const list = groups.get(key);
    if (list) list.push(f);
    else groups.set(key, [f]);
  }
  const out: string[] = [];
  if (options.source) out.push(paint('bold', options.source), '');
  // A loop, not Math.max(...): a spread of 100,000+ findings overflows the call stack.
  const width = report.findings.reduce((w, f) => Math.max(w, f.rule.length), 10);
  const writeFinding = (f: Finding) => {
    const where = f.line ? `${f.path || '""'} (${f.line}:${f.column})` : f.path || '""';
    const sev = (L[f.severity] as string).padEnd(13);
    out.push(`  ${paint(f.severity, sev)} ${f.rule.padEnd(width)}  ${paint('dim', where)}`);
    out.push(`  ${' '.repeat(13)} ${f.message}`);
    if (f.fix) out.push(`  ${' '.repeat(13)} ${paint('dim', `${L.fix}: ${f.fix}`)}`);
  };
  const top = groups.get(null);
  if (top) {
    out.push(paint('bold', L.body));
    top.forEach(writeFinding);
    out.push('');
  }
  for (const ca of cas) {
    const fs = groups.get(ca.index);
    if (!fs) continue;
    const kind = ca.isRootAuthority === true ? L.root : ca.isRootAuthority === false ? L.intermediate : '?';
    out.push(paint('bold', `${L.ca} #${ca.index}  ${ca.subject ?? `(${L.unreadable})`}  [${kind}]`));
    if (ca.thumbprint) out.push(paint('dim', `  SHA-256 ${ca.thumbprint}`));
    fs.forEach(writeFinding);
    out.push('');
  }
  // Findings pointing at entries that are not objects or beyond the list (should not happen, but never lose one).
  const listed = new Set(cas.map((c) => c.index)); // a set, not cas.some(): 100,000 entries would make this quadratic
  for (const [key, fs] of groups) {
    if (key !== null && !listed.has(key)) {
      out.push(paint('bold', `${L.ca} #${key}`));
      fs.forEach(writeFinding);
      out.push('');
    }
  }
  const first = options.firstExpiry ? report.firstExpiry : null;
  if (first) out.push(paint('dim', L.firstExpiry(`${L.ca} #${first.index} ${first.subject}`, first.notAfter, first.days)));
  out.push(summaryLine(report, options));
  return `${out.join('\n')}\n`;
}

export function summaryLine(report: Report, options: TextOptions = {}): string {
  const L = LABELS[options.lang ?? 'en'];
  const paint = (c: keyof typeof COLORS, s: string) => (options.color ? `${COLORS[c]}${s}\x1b[0m` : s);
  const count = (s: Severity) => report.findings.filter((f) => f.severity === s).length;
  const parts = [L.errors(count('error')), L.warnings(count('warning')), L.infos(count('info'))].join(', ');
  let server: string;
  const g = report.graphError;
  if (g) {
    server = `${L.rejects} ${g.status} ${g.body.error.code}: ${g.body.error.message} (${L.predicted[g.basis]}${L.colon}${g.citation})`;
  } else if (report.verdict === 'unknown') {
    const errors = report.findings.filter((f) => f.severity === 'error');
    const ids = [...new Set(errors.map((f) => f.rule))];
    const shown = ids.length > 3 ? `${ids.slice(0, 3).join(', ')}, …` : ids.join(', ');
    const bases = [...new Set(errors.map((f) => L.bases[f.basis]))].join(L.and);
    server = L.unknown(errors.length, shown, bases);
  } else {
    const unchanged = unchangedReadOnlyMembers(report);
    server = unchanged.length ? L.acceptedIfIgnored(unchanged.join(', ')) : L.accepted;
  }
  const mark = report.ok ? paint('ok', '✓') : paint('error', '✗');
  return `${mark} ${report.findings.length ? parts : L.clean}${L.semicolon}${server}`;
}

/**
 * The read-only members sent back unchanged (body.read-only-unchanged): an accepted verdict then rests on Graph
 * ignoring them, as its guidelines say but other directory resources have not done, so the summary says so.
 */
export function unchangedReadOnlyMembers(report: Report): string[] {
  const members = report.findings
    .filter((f) => f.rule === 'body.read-only-unchanged')
    .map((f) => f.path.slice(f.path.lastIndexOf('/') + 1));
  return [...new Set(members)];
}
