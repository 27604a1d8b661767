import { existsSync } from 'node:fs';
import { CertificateInputError, certificateInputMessage, inputNoteMessage } from '../../certificate/input.js';
import { inspectInput, type InspectedInput } from '../../certificate/inspect.js';
import type { CertificateFacts } from '../../types.js';
import { CliError, EXIT, readInputBytes } from '../io.js';
import { oneOf, parseAt, parseCommandArgs, str } from './options.js';
import type { Command } from './types.js';

export const inspect: Command = {
  name: 'inspect',
  help: `Usage: ca-preflight inspect <cert file | base64 | -> [--at ISO] [--format text|json]

Reads certificates — a DER file (.cer .crt .der), PEM with one or more CERTIFICATE blocks (a chain), a PKCS#7
bundle (.p7b .p7c, DER or PEM, as Windows exports them), a base64 or base64url string, or standard input —
and prints, for each, its subject and issuer (RFC 4514 and the Windows/Graph style), serial, validity (and the
days left), SHA-1
and SHA-256 thumbprints, SKI and how it was computed, AKI, basicConstraints, keyUsage, EKUs, CRL URLs, key
and signature algorithms (and what is wrong with a key that is not one), whether it is self-issued and
self-signed, what of its encoding is not DER or not X.509 (each with the X.690 or RFC 5280 clause and the
field), and the certificateAuthority entry to
send (its CRL URLs are null: the certificate's own CRL distribution point names its issuer's CRL; give the
URL of the CRL this CA publishes with patch --add … --crl URL).

A private key, a certificate signing request, a PKCS#12 archive (.pfx), a CRL, an empty file or JSON is named
for what it is, with what to do. UTF-16 text (Windows PowerShell 5's Out-File) is read and said so.

Options:
  --at <ISO date>        count the days left from this time instead of now (e.g. 2027-01-01)
  --format <text|json>   text (default) or the facts as JSON, with daysLeft (an array when there is more than
                         one certificate)
  -h, --help             this help

Exit status: 0 printed; 2 the input holds no certificate, a certificate does not parse, or usage/IO trouble.

Examples:
  ca-preflight inspect root.cer
  ca-preflight inspect chain.pem
  ca-preflight inspect export.p7b --format json
  ca-preflight inspect MIIB... --format json`,
  async run(args, io) {
    const { values, positionals } = parseCommandArgs('inspect', args, { format: { type: 'string' }, at: { type: 'string' } });
    if (values.help) {
      io.out(`${inspect.help}\n`);
      return EXIT.ok;
    }
    if (positionals.length !== 1)
      throw new CliError(
        'inspect: give exactly one certificate file, a base64 string, or - for standard input.\nRun "ca-preflight inspect --help" for usage.',
      );
    const format = oneOf('inspect', 'format', str(values, 'format'), ['text', 'json'] as const, 'text');
    const at = parseAt('inspect', str(values, 'at')) ?? new Date();
    const arg = positionals[0]!;
    const looksInline = arg !== '-' && !existsSync(arg) && /^[A-Za-z0-9+/_=-]{40,}$/.test(arg);
    const subject = arg === '-' ? 'standard input' : looksInline ? 'the argument' : `"${arg}"`;
    const input: string | Uint8Array = looksInline ? arg : new Uint8Array(readInputBytes(arg, 'certificate file'));
    let read: InspectedInput;
    try {
      read = await inspectInput(input);
    } catch (e) {
      if (!(e instanceof CertificateInputError)) throw e;
      for (const note of e.notes) io.err(`note: ${subject}: ${inputNoteMessage(note)}\n`);
      throw new CliError(
        `inspect: ${certificateInputMessage(e.problem, { subject, ...(looksInline || arg === '-' ? {} : { file: arg }) })}`,
      );
    }
    for (const note of read.notes) io.err(`note: ${subject}: ${inputNoteMessage(note)}\n`);
    const all = read.certificates;
    if (format === 'json') {
      const facts = all.map((a) => ({ ...a.facts, daysLeft: daysLeft(a.facts, at) }));
      io.out(`${JSON.stringify(facts.length === 1 ? facts[0] : facts, null, 2)}\n`);
    } else if (all.length === 1) io.out(formatFacts(all[0]!.facts, at));
    else
      io.out(
        all
          .map((a, i) => `== Certificate ${i + 1} of ${all.length}${a.where ? ` (${a.where})` : ''}\n\n${formatFacts(a.facts, at)}`)
          .join('\n'),
      );
    return EXIT.ok;
  },
};

/** Whole days from `at` to the certificate's notAfter, rounded down: negative once it has expired. */
export function daysLeft(f: CertificateFacts, at: Date): number {
  return Math.floor((Date.parse(f.notAfter) - at.getTime()) / 86_400_000);
}

/** How the validity reads at `at`: days left, expired, or not yet valid. */
function validityNote(f: CertificateFacts, at: Date): string {
  if (Date.parse(f.notAfter) < at.getTime()) {
    const ago = Math.floor((at.getTime() - Date.parse(f.notAfter)) / 86_400_000);
    return `expired ${ago === 0 ? 'less than a day' : `${ago} day${ago === 1 ? '' : 's'}`} ago`;
  }
  const left = daysLeft(f, at);
  const note = `${left} day${left === 1 ? '' : 's'} left`;
  return Date.parse(f.notBefore) > at.getTime() ? `not valid yet; ${note}` : note;
}

export function formatFacts(f: CertificateFacts, at: Date = new Date()): string {
  const yes = (b: boolean | null) => (b === null ? 'unknown' : b ? 'yes' : 'no');
  const rows: [string, string][] = [
    ['Subject', f.subject.rfc4514],
    ['Subject (Graph)', f.subject.windows],
    ['Issuer', f.issuer.rfc4514],
    ['Issuer (Graph)', f.issuer.windows],
    ['Serial', f.serialNumber],
    ['Version', `v${f.version}`],
    ['Valid from', f.notBefore],
    ['Valid until', `${f.notAfter} (${validityNote(f, at)})`],
    ['SHA-256', f.thumbprints.sha256],
    ['SHA-1', f.thumbprints.sha1],
    [
      'Key',
      `${f.key.algorithm}${f.key.size ? ` ${f.key.size} bits` : ''}${f.key.curve ? ` (${f.key.curve})` : ''}${f.key.problem ? ` — not a valid key: ${f.key.problem}` : ''}`,
    ],
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
    [
      'Encoding',
      f.encodingIssues.length
        ? f.encodingIssues.map((i) => `${i.kind === 'der' ? 'not DER' : 'outside X.509'}: ${i.where}: ${i.code} (${i.clause})`).join('; ')
        : 'DER, as X.509 defines it',
    ],
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
