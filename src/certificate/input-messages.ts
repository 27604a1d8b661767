/**
 * What the certificate-input reader says, in English and French: what a file that holds no certificate is, and what to do
 * with it; and the notes about what it read past. Each message starts with its subject (a file name, "the input"), so the
 * CLI, the library and the page say the same thing about the same file.
 */
import type { Lang } from '../types.js';
import type { CertificateInputProblem, InputNote, Words } from './input-problems.js';

export type { CertificateInputProblem, InputNote, Words } from './input-problems.js';

const EN: Words = {
  subject: 'the input',
  problem: {
    empty: (_, s) =>
      `${s} is empty. Export the CA certificate again (Windows: certlm.msc, the certificate, All Tasks, Export, "DER encoded binary X.509 (.CER)" or "Base-64 encoded X.509 (.CER)").`,
    'too-large': (p, s) =>
      `${s} is ${p.bytes} bytes, more than the ${p.limit} this tool reads as certificate input (a limit of ca-preflight, not of Graph). Give the CA certificates themselves, or split the file.`,
    'private-key': (p, s) =>
      `${s} is a private key${p.encrypted ? ' (encrypted)' : ''}, not a certificate. A trust list needs only the CA's certificate; keep the key secret and give the certificate file (.cer, .crt, .pem) instead, e.g. openssl x509 -in ca.crt -out ca.pem.`,
    csr: (_, s) => `${s} is a certificate signing request (CSR), which no CA has signed yet. Give the certificate the CA issued from it.`,
    pkcs12: (_, s, file) =>
      `${s} is a PKCS#12 archive (.pfx, .p12), which also holds a private key. Take the certificates out without the key: openssl pkcs12 -in ${file || 'FILE.pfx'} -nokeys -out certs.pem (add -legacy for archives made by older Windows), then give certs.pem.`,
    crl: (_, s) =>
      `${s} is a certificate revocation list (CRL), not a certificate. A CRL is published at the URL given as certificateRevocationListUrl of the CA that signs it; give the CA's certificate here.`,
    'public-key': (_, s) =>
      `${s} is a public key alone. The trust list needs the CA's certificate, which binds that key to the CA's name under a signature.`,
    'cms-other': (p, s) =>
      `${s} is a PKCS#7/CMS message of type ${p.contentType}, not a certificate bundle (a .p7b holds signed data). Export the CA certificates again as .p7b or .cer.`,
    'pkcs7-unreadable': (p, s, file) =>
      `${s} is a PKCS#7 bundle that cannot be read: ${p.reason}. Export it again, or convert it: openssl pkcs7 -in ${file || 'FILE.p7b'} -inform DER -print_certs -out certs.pem.`,
    'pkcs7-empty': (p, s) =>
      `${s} is a PKCS#7 bundle with no certificate in it${p.crls ? ` (it holds ${p.crls} CRL${p.crls === 1 ? '' : 's'})` : ''}. Export the bundle again with the certificates included.`,
    'pem-damaged': (p, s) =>
      p.label
        ? `${s} has a PEM block "${p.label}" (line ${p.line}) whose body is not base64: it was cut or edited. Export the certificate again.`
        : `${s} has a "-----BEGIN" line but no complete PEM block (the "-----END …-----" line is missing or does not match). Export the certificate again.`,
    'pem-other': (p, s) =>
      `${s} holds PEM ${p.labels.map((l) => `"${l}"`).join(', ')}, not a certificate. Give a file with -----BEGIN CERTIFICATE----- blocks, a .p7b bundle or a DER .cer.`,
    json: (_, s) => `${s} is JSON, not a certificate. To check a trust-list body or a GET response, use ca-preflight check.`,
    binary: (p, s) =>
      `${s} is binary data but not DER (it starts with ${p.start}). Give a DER or PEM certificate (.cer, .crt, .pem) or a .p7b bundle.`,
    'not-certificate': (p, s) =>
      `${s} is neither PEM, DER nor base64 (it starts with "${p.start}"). Give a DER or PEM certificate (.cer, .crt, .pem) or a .p7b bundle.`,
    'nothing-usable': (p, s) => `${s} holds no certificate: ${p.parts.map((x) => `${x.where}: ${EN.part[x.what] ?? x.what}`).join('; ')}.`,
    several: (p, s) => `${s} holds ${p.count} certificates; give one at a time, or read them all (inspectCertificates).`,
    'not-x509': (p, s) =>
      `${p.count > 1 ? `certificate ${p.index + 1} of ${p.count} (${p.where}) in ${s}` : s} is not a certificate: ${p.reason}.`,
  },
  part: {
    'private-key': 'a private key',
    csr: 'a certificate signing request',
    pkcs12: 'a PKCS#12 archive',
    crl: 'a CRL',
    'public-key': 'a public key',
    'pem-damaged': 'a damaged PEM block',
    'pem-other': 'another kind of PEM block',
    'pkcs7-empty': 'a PKCS#7 bundle without certificates',
    'pkcs7-unreadable': 'a PKCS#7 bundle that cannot be read',
    'cms-other': 'a CMS message that is not a bundle',
  },
  note: {
    utf16: (n) =>
      `read as ${n.encoding.toUpperCase()} text${n.bom ? ' (it starts with a byte order mark, as Windows PowerShell 5 writes files)' : ''}.`,
    'private-key-ignored': (n) =>
      `a private key (line ${n.line}) was left out; only certificates go into a trust list. Keep keys out of files you share.`,
    'pkcs7-crls-ignored': (n) => `the bundle's ${n.count} CRL${n.count === 1 ? ' was' : 's were'} left out.`,
    'pkcs7-others-ignored': (n) =>
      `${n.count} member${n.count === 1 ? '' : 's'} of the bundle that ${n.count === 1 ? 'is' : 'are'} not X.509 certificates left out.`,
    'trust-settings-ignored': () => "OpenSSL's trust settings after the certificate (TRUSTED CERTIFICATE) were left out.",
    'part-ignored': (n) => `${n.where || 'one part'} (${EN.part[n.what] ?? n.what}) was left out.`,
  },
};

export interface InputMessageOptions {
  /** How the message names the input: a quoted file name, "standard input" … (default "the input"). */
  subject?: string;
  /** The file's name, for the commands the message suggests (default a placeholder). */
  file?: string;
}

/** The messages of one language: what a file that holds no certificate is, and the notes. */
export interface InputMessages {
  problem(problem: CertificateInputProblem, options?: InputMessageOptions): string;
  note(note: InputNote): string;
}

function messagesOf(w: Words): InputMessages {
  return {
    problem(problem, options = {}) {
      const render = w.problem[problem.kind] as (p: CertificateInputProblem, s: string, file: string) => string;
      const file = options.file && /^[\w./:\\-]+$/.test(options.file) ? options.file : '';
      const text = render(problem, options.subject ?? w.subject, file);
      // A sentence of its own when it names "the input"; a subject the caller gives is written as given.
      return options.subject === undefined ? text.charAt(0).toUpperCase() + text.slice(1) : text;
    },
    note(note) {
      const text = (w.note[note.kind] as (n: InputNote) => string)(note);
      return text.charAt(0).toUpperCase() + text.slice(1);
    },
  };
}

/** The English messages (always here). */
export const englishInputMessages: InputMessages = messagesOf(EN);

let french: Promise<InputMessages> | null = null;

/** The messages of a language; French is loaded the first time it is asked for (the browser build keeps it apart). */
export function loadInputMessages(lang: Lang): Promise<InputMessages> {
  if (lang !== 'fr') return Promise.resolve(englishInputMessages);
  french ??= import('./input-messages-fr.js').then((m) => messagesOf(m.FR));
  return french;
}

/** The English message for an input that holds no certificate: what it is and what to do. */
export function certificateInputMessage(problem: CertificateInputProblem, options: InputMessageOptions = {}): string {
  return englishInputMessages.problem(problem, options);
}

/** An English note about what the reader read past or read specially. */
export function inputNoteMessage(note: InputNote): string {
  return englishInputMessages.note(note);
}
