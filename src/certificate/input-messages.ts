/**
 * What the certificate-input reader says, in English and French: what a file that holds no certificate is, and what to do
 * with it; and the notes about what it read past. Each message starts with its subject (a file name, "the input"), so the
 * CLI, the library and the page say the same thing about the same file.
 */
import type { Lang } from '../types.js';

export type CertificateInputProblem =
  | { kind: 'empty' }
  | { kind: 'too-large'; bytes: number; limit: number }
  | { kind: 'private-key'; encrypted: boolean }
  | { kind: 'csr' }
  | { kind: 'pkcs12' }
  | { kind: 'crl' }
  | { kind: 'public-key' }
  | { kind: 'cms-other'; contentType: string }
  | { kind: 'pkcs7-unreadable'; reason: string }
  | { kind: 'pkcs7-empty'; crls: number }
  | { kind: 'pem-damaged'; label: string | null; line: number | null }
  | { kind: 'pem-other'; labels: string[] }
  | { kind: 'json' }
  | { kind: 'binary'; start: string }
  | { kind: 'not-certificate'; start: string }
  | { kind: 'nothing-usable'; parts: { what: CertificateInputProblem['kind']; where: string }[] }
  | { kind: 'several'; count: number }
  /** A certificate of the input that does not parse (`index` of `count`, `where` in the input). */
  | { kind: 'not-x509'; index: number; count: number; where: string; reason: string };

export type InputNote =
  | { kind: 'utf16'; encoding: 'utf-16le' | 'utf-16be'; bom: boolean }
  | { kind: 'private-key-ignored'; line: number }
  | { kind: 'pkcs7-crls-ignored'; count: number }
  | { kind: 'pkcs7-others-ignored'; count: number }
  | { kind: 'trust-settings-ignored' }
  | { kind: 'part-ignored'; what: CertificateInputProblem['kind']; where: string };

type Words = {
  subject: string;
  problem: {
    [K in CertificateInputProblem['kind']]: (p: Extract<CertificateInputProblem, { kind: K }>, s: string, file: string) => string;
  };
  part: Partial<Record<CertificateInputProblem['kind'], string>>;
  note: { [K in InputNote['kind']]: (n: Extract<InputNote, { kind: K }>) => string };
};

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

const FR: Words = {
  subject: "l'entrée",
  problem: {
    empty: (_, s) =>
      `${s} est vide. Exportez à nouveau le certificat de l'AC (Windows : certlm.msc, le certificat, Toutes les tâches, Exporter, « X.509 binaire encodé DER (.CER) » ou « X.509 encodé en base 64 (.CER) »).`,
    'too-large': (p, s) =>
      `${s} fait ${p.bytes} octets, plus que les ${p.limit} que cet outil lit comme certificats (une limite de ca-preflight, non de Graph). Donnez les certificats des AC eux-mêmes, ou découpez le fichier.`,
    'private-key': (p, s) =>
      `${s} est une clé privée${p.encrypted ? ' (chiffrée)' : ''}, pas un certificat. Une liste de confiance ne demande que le certificat de l'AC : gardez la clé secrète et donnez le fichier du certificat (.cer, .crt, .pem), par exemple openssl x509 -in ca.crt -out ca.pem.`,
    csr: (_, s) =>
      `${s} est une demande de signature de certificat (CSR), qu'aucune AC n'a encore signée. Donnez le certificat que l'AC a émis à partir d'elle.`,
    pkcs12: (_, s, file) =>
      `${s} est une archive PKCS#12 (.pfx, .p12), qui contient aussi une clé privée. Sortez-en les certificats sans la clé : openssl pkcs12 -in ${file || 'FICHIER.pfx'} -nokeys -out certs.pem (ajoutez -legacy pour les archives d'anciens Windows), puis donnez certs.pem.`,
    crl: (_, s) =>
      `${s} est une liste de révocation (CRL), pas un certificat. Une CRL se publie à l'URL donnée dans certificateRevocationListUrl de l'AC qui la signe ; donnez ici le certificat de l'AC.`,
    'public-key': (_, s) =>
      `${s} est une clé publique seule. La liste de confiance demande le certificat de l'AC, qui lie cette clé au nom de l'AC sous une signature.`,
    'cms-other': (p, s) =>
      `${s} est un message PKCS#7/CMS de type ${p.contentType}, pas un lot de certificats (un .p7b contient des données signées). Exportez à nouveau les certificats des AC en .p7b ou en .cer.`,
    'pkcs7-unreadable': (p, s, file) =>
      `${s} est un lot PKCS#7 illisible : ${p.reason}. Exportez-le à nouveau, ou convertissez-le : openssl pkcs7 -in ${file || 'FICHIER.p7b'} -inform DER -print_certs -out certs.pem.`,
    'pkcs7-empty': (p, s) =>
      `${s} est un lot PKCS#7 sans aucun certificat${p.crls ? ` (il contient ${p.crls} CRL)` : ''}. Exportez à nouveau le lot en y incluant les certificats.`,
    'pem-damaged': (p, s) =>
      p.label
        ? `${s} a un bloc PEM « ${p.label} » (ligne ${p.line}) dont le contenu n'est pas du base64 : il a été tronqué ou modifié. Exportez à nouveau le certificat.`
        : `${s} a une ligne « -----BEGIN » mais aucun bloc PEM complet (la ligne « -----END …----- » manque ou ne correspond pas). Exportez à nouveau le certificat.`,
    'pem-other': (p, s) =>
      `${s} contient des blocs PEM ${p.labels.map((l) => `« ${l} »`).join(', ')}, pas un certificat. Donnez un fichier avec des blocs -----BEGIN CERTIFICATE-----, un lot .p7b ou un .cer DER.`,
    json: (_, s) =>
      `${s} est du JSON, pas un certificat. Pour vérifier un corps de liste de confiance ou une réponse GET, utilisez ca-preflight check.`,
    binary: (p, s) =>
      `${s} est binaire mais pas du DER (il commence par ${p.start}). Donnez un certificat DER ou PEM (.cer, .crt, .pem) ou un lot .p7b.`,
    'not-certificate': (p, s) =>
      `${s} n'est ni du PEM, ni du DER, ni du base64 (il commence par « ${p.start} »). Donnez un certificat DER ou PEM (.cer, .crt, .pem) ou un lot .p7b.`,
    'nothing-usable': (p, s) =>
      `${s} ne contient aucun certificat : ${p.parts.map((x) => `${x.where} : ${FR.part[x.what] ?? x.what}`).join(' ; ')}.`,
    several: (p, s) => `${s} contient ${p.count} certificats ; donnez-les un par un, ou lisez-les tous (inspectCertificates).`,
    'not-x509': (p, s) =>
      `${p.count > 1 ? `le certificat ${p.index + 1} sur ${p.count} (${p.where}) de ${s}` : s} n'est pas un certificat : ${p.reason}.`,
  },
  part: {
    'private-key': 'une clé privée',
    csr: 'une demande de signature de certificat',
    pkcs12: 'une archive PKCS#12',
    crl: 'une CRL',
    'public-key': 'une clé publique',
    'pem-damaged': 'un bloc PEM abîmé',
    'pem-other': 'un autre type de bloc PEM',
    'pkcs7-empty': 'un lot PKCS#7 sans certificat',
    'pkcs7-unreadable': 'un lot PKCS#7 illisible',
    'cms-other': "un message CMS qui n'est pas un lot",
  },
  note: {
    utf16: (n) =>
      `lu comme du texte ${n.encoding.toUpperCase()}${n.bom ? " (il commence par une marque d'ordre des octets, comme les fichiers qu'écrit Windows PowerShell 5)" : ''}.`,
    'private-key-ignored': (n) =>
      `une clé privée (ligne ${n.line}) a été laissée de côté ; seuls les certificats vont dans une liste de confiance. Ne mettez pas de clé dans les fichiers que vous partagez.`,
    'pkcs7-crls-ignored': (n) => `${n.count} CRL du lot ${n.count === 1 ? 'a été laissée' : 'ont été laissées'} de côté.`,
    'pkcs7-others-ignored': (n) =>
      `${n.count} élément${n.count === 1 ? '' : 's'} du lot qui n'${n.count === 1 ? 'est' : 'sont'} pas des certificats X.509 ${n.count === 1 ? 'a été laissé' : 'ont été laissés'} de côté.`,
    'trust-settings-ignored': () =>
      "les réglages de confiance d'OpenSSL qui suivent le certificat (TRUSTED CERTIFICATE) ont été laissés de côté.",
    'part-ignored': (n) => `${n.where || 'une partie'} (${FR.part[n.what] ?? n.what}) a été laissé de côté.`,
  },
};

const WORDS: Record<Lang, Words> = { en: EN, fr: FR };

export interface InputMessageOptions {
  /** How the message names the input: a quoted file name, "standard input" … (default "the input"). */
  subject?: string;
  /** The file's name, for the commands the message suggests (default a placeholder). */
  file?: string;
}

/** The message for an input that holds no certificate: what it is and what to do. */
export function certificateInputMessage(problem: CertificateInputProblem, lang: Lang = 'en', options: InputMessageOptions = {}): string {
  const w = WORDS[lang] ?? EN;
  const render = w.problem[problem.kind] as (p: CertificateInputProblem, s: string, file: string) => string;
  const file = options.file && /^[\w./:\\-]+$/.test(options.file) ? options.file : '';
  const text = render(problem, options.subject ?? w.subject, file);
  // A sentence of its own when it names "the input"; a subject the caller gives is written as given.
  return options.subject === undefined ? text.charAt(0).toUpperCase() + text.slice(1) : text;
}

/** A note about what the reader read past or read specially. */
export function inputNoteMessage(note: InputNote, lang: Lang = 'en'): string {
  const w = WORDS[lang] ?? EN;
  const render = w.note[note.kind] as (n: InputNote) => string;
  const text = render(note);
  return text.charAt(0).toUpperCase() + text.slice(1);
}
