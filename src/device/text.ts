/** A device check for people: the device, its identity, the path, the findings, and a one-line verdict. */
import type { Finding, Lang, Severity } from '../types.js';
import type { DeviceResult, DeviceSummary } from './check.js';

export interface DeviceTextOptions {
  color?: boolean;
  lang?: Lang;
  source?: string;
}

const LABELS = {
  en: {
    device: 'Device',
    issuedBy: 'issued by',
    valid: 'valid',
    identity: 'identity',
    windows: 'Windows form',
    none: '(none)',
    path: 'Path to the listed root',
    noPath: 'no path to a listed root',
    root: 'root',
    findings: 'Findings',
    fix: 'fix',
    severity: { error: 'error', warning: 'warning', info: 'info' } as Record<Severity, string>,
    yes: 'the device would authenticate',
    no: (n: number) => `the device would not authenticate: ${n} failure${n === 1 ? '' : 's'}`,
    inferred: 'AADSTS codes as Entra documents them for certificate-based authentication; for device mTLS they are inferred',
  },
  fr: {
    device: 'Appareil',
    issuedBy: 'émis par',
    valid: 'valide',
    identity: 'identité',
    windows: 'forme Windows',
    none: '(aucune)',
    path: 'Chemin vers la racine de la liste',
    noPath: 'aucun chemin vers une racine de la liste',
    root: 'racine',
    findings: 'Remarques',
    fix: 'correction',
    severity: { error: 'erreur', warning: 'avertissement', info: 'info' } as Record<Severity, string>,
    yes: 'l’appareil s’authentifierait',
    no: (n: number) => `l’appareil ne s’authentifierait pas : ${n} échec${n > 1 ? 's' : ''}`,
    inferred:
      'codes AADSTS tels qu’Entra les documente pour l’authentification par certificat ; pour le mTLS des appareils, ils sont déduits',
  },
};

const COLORS = { error: '\x1b[31m', warning: '\x1b[33m', info: '\x1b[36m', dim: '\x1b[2m', bold: '\x1b[1m', ok: '\x1b[32m' } as const;

export function formatDeviceText(result: DeviceResult, device: DeviceSummary, options: DeviceTextOptions = {}): string {
  const L = LABELS[options.lang ?? 'en'];
  const paint = (c: keyof typeof COLORS, s: string) => (options.color ? `${COLORS[c]}${s}\x1b[0m` : s);
  const out: string[] = [];
  if (options.source) out.push(paint('bold', options.source), '');
  out.push(paint('bold', `${L.device}  ${device.subject || '(empty subject)'}`));
  out.push(paint('dim', `  ${L.issuedBy} ${device.issuer}; ${L.valid} ${device.notBefore} → ${device.notAfter}`));
  out.push(paint('dim', `  SHA-256 ${device.thumbprint}`));
  const id = result.identity;
  out.push(`  ${L.identity} (${id.parameter}): ${id.value ?? L.none}`);
  if (id.parameter === 'tls_client_auth_subject_dn' && id.value && device.windows !== id.value)
    out.push(paint('dim', `  ${L.windows}: ${device.windows}`));
  out.push('');
  if (result.path) {
    out.push(paint('bold', L.path));
    result.path.forEach((p, k) => {
      const last = k === result.path!.length - 1;
      out.push(`  #${p.index}  ${p.subject}${last ? `  [${L.root}]` : ''}`);
      out.push(paint('dim', `       SHA-256 ${p.thumbprint}`));
    });
  } else out.push(paint('bold', L.noPath));
  if (result.findings.length) {
    out.push('', paint('bold', L.findings));
    const width = result.findings.reduce((w, f) => Math.max(w, f.rule.length), 10);
    for (const f of result.findings) writeFinding(f, width);
  }
  out.push('');
  const codes = [...new Set(result.failures.map((f) => f.code).filter((c): c is string => c !== null))];
  out.push(
    result.authenticates
      ? `${paint('ok', '✓')} ${L.yes}`
      : `${paint('error', '✗')} ${L.no(result.failures.length)}${codes.length ? ` (${codes.join(', ')}; ${L.inferred})` : ''}`,
  );
  return `${out.join('\n')}\n`;

  function writeFinding(f: Finding, width: number): void {
    const where = f.line ? `${f.path || '""'} (${f.line}:${f.column})` : f.path || '""';
    out.push(`  ${paint(f.severity, L.severity[f.severity].padEnd(13))} ${f.rule.padEnd(width)}  ${paint('dim', where)}`);
    out.push(`  ${' '.repeat(13)} ${f.message}`);
    if (f.fix) out.push(`  ${' '.repeat(13)} ${paint('dim', `${L.fix}: ${f.fix}`)}`);
  }
}
