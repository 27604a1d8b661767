import { existsSync } from 'node:fs';
import { inspectCertificate } from '../../certificate/facts.js';
import type { CertificateFacts } from '../../types.js';
import { CliError, EXIT, readInputBytes } from '../io.js';
import { oneOf, parseCommandArgs, str } from './options.js';
import type { Command } from './types.js';

export const inspect: Command = {
  name: 'inspect',
  summary: 'show the facts of one certificate and the certificateAuthority entry it would make',
  help: `Usage: ca-preflight inspect <cert file | base64 | -> [--format text|json]

Reads one certificate — a PEM or DER file (.pem .cer .crt .der), a base64 or base64url string, or standard
input — and prints its subject and issuer (RFC 4514 and the Windows/Graph style), serial, validity, SHA-1 and
SHA-256 thumbprints, SKI and how it was computed, AKI, basicConstraints, keyUsage, EKUs, CRL URLs, key and
signature algorithms, whether it is self-issued and self-signed, and the certificateAuthority entry to send.

Options:
  --format <text|json>   text (default) or the facts as JSON
  -h, --help             this help

Exit status: 0 printed; 2 the input is not a certificate, or usage/IO trouble.

Examples:
  ca-preflight inspect root.cer
  ca-preflight inspect MIIB... --format json`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('inspect', args, { format: { type: 'string' } });
    if (values.help) {
      io.out(`${inspect.help}\n`);
      return EXIT.ok;
    }
    if (positionals.length !== 1)
      throw new CliError(
        'inspect: give exactly one certificate (a file, a base64 string, or - for standard input).\nRun "ca-preflight inspect --help" for usage.',
      );
    const format = oneOf('inspect', 'format', str(values, 'format'), ['text', 'json'] as const, 'text');
    const arg = positionals[0]!;
    const looksInline = arg !== '-' && !existsSync(arg) && /^[A-Za-z0-9+/_=-]{40,}$/.test(arg);
    const input: string | Uint8Array = looksInline ? arg : new Uint8Array(readInputBytes(arg, 'certificate file'));
    let facts: CertificateFacts;
    try {
      facts = await inspectCertificate(input);
    } catch (e) {
      throw new CliError(
        `inspect: ${arg === '-' ? 'standard input' : looksInline ? 'the argument' : `"${arg}"`} is not a certificate: ${(e as Error).message}`,
      );
    }
    io.out(format === 'json' ? `${JSON.stringify(facts, null, 2)}\n` : formatFacts(facts));
    return EXIT.ok;
  },
};

export function formatFacts(f: CertificateFacts): string {
  const yes = (b: boolean | null) => (b === null ? 'unknown' : b ? 'yes' : 'no');
  const rows: [string, string][] = [
    ['Subject', f.subject.rfc4514],
    ['Subject (Graph)', f.subject.windows],
    ['Issuer', f.issuer.rfc4514],
    ['Issuer (Graph)', f.issuer.windows],
    ['Serial', f.serialNumber],
    ['Version', `v${f.version}`],
    ['Valid from', f.notBefore],
    ['Valid until', f.notAfter],
    ['SHA-256', f.thumbprints.sha256],
    ['SHA-1', f.thumbprints.sha1],
    ['Key', `${f.key.algorithm}${f.key.size ? ` ${f.key.size} bits` : ''}${f.key.curve ? ` (${f.key.curve})` : ''}`],
    ['Signature', f.signatureAlgorithm.name],
    [
      'SKI',
      f.subjectKeyIdentifier
        ? `${f.subjectKeyIdentifier.value} (${f.subjectKeyIdentifier.method}${f.subjectKeyIdentifier.critical ? ', critical' : ''})`
        : 'none',
    ],
    [
      'AKI',
      f.authorityKeyIdentifier
        ? `${f.authorityKeyIdentifier.keyIdentifier ?? '(no key id)'}${f.authorityKeyIdentifier.critical ? ' (critical)' : ''}`
        : 'none',
    ],
    [
      'Basic constraints',
      f.basicConstraints
        ? `cA=${f.basicConstraints.cA}${f.basicConstraints.pathLenConstraint !== null ? `, pathLen=${f.basicConstraints.pathLenConstraint}` : ''}${f.basicConstraints.critical ? ', critical' : ''}`
        : 'none',
    ],
    ['Key usage', f.keyUsage ? `${f.keyUsage.bits.join(', ') || 'none'}${f.keyUsage.critical ? ' (critical)' : ''}` : 'none (all usages)'],
    ['Extended key usage', f.extendedKeyUsage ? f.extendedKeyUsage.join(', ') : 'none'],
    ['CRL distribution points', f.crlDistributionPoints.join(', ') || 'none'],
    ['Freshest CRL', f.freshestCrl.join(', ') || 'none'],
    ['Self-issued', yes(f.selfIssued)],
    ['Self-signed', yes(f.selfSigned) + (f.selfSignatureError ? ` (${f.selfSignatureError})` : '')],
  ];
  const w = Math.max(...rows.map(([k]) => k.length));
  const entry = {
    ...f.certificateAuthority,
    certificate:
      f.certificateAuthority.certificate.length > 60
        ? `${f.certificateAuthority.certificate.slice(0, 57)}...`
        : f.certificateAuthority.certificate,
  };
  return (
    rows.map(([k, v]) => `${k.padEnd(w)}  ${v}`).join('\n') +
    `\n\ncertificateAuthority entry (use --format json for the full certificate):\n${JSON.stringify(entry, null, 2)}\n`
  );
}
