/** The French words of the certificate-input reader (input-messages.ts), loaded only when French is asked for. */
import type { Words } from './input-problems.js';

export const FR: Words = {
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
