/**
 * What the device check can find, with its metadata (basis, citation, the AADSTS code Entra documents) and its
 * messages in English and French. Kept apart from the trust-list rules: these judge one device certificate against a
 * configuration, and load with the device check (a chunk of its own in the browser build).
 */
import type { Basis, Severity } from '../types.js';
import { SIGN_IN, type SignInFailure } from '../crl/sign-in.js';
import type { Catalogue } from '../report/catalogue/types.js';

export interface DeviceRule {
  id: string;
  severity: Severity;
  basis: Basis;
  citation: string;
  description: string;
  /** The sign-in failure Entra documents for it (documented for certificate-based authentication, inferred for device mTLS). */
  signIn?: SignInFailure;
}

const WEAK_RSA: SignInFailure = {
  code: 'AADSTS50032',
  message: 'WeakRsaKey - Indicates the erroneous user attempt to use a weak RSA key.',
};

export const DEVICE_RULES: readonly DeviceRule[] = [
  {
    id: 'device.issuer-missing',
    severity: 'error',
    basis: 'entra-cba',
    citation:
      'Entra CBA (CRL error reference): AADSTS500176 "The certificate authority that issued your certificate hasn\'t been set up in the tenant"',
    description: "No listed CA has the device certificate's issuer name or its authority key identifier.",
    signIn: SIGN_IN.issuerMissing,
  },
  {
    id: 'device.path-invalid',
    severity: 'error',
    basis: 'entra-cba',
    citation: 'SupportArticles AADSTS50017 ("certificate chain failures", SKI/AKI, policies); RFC 5280 §6.1',
    description: 'Listed CAs carry the issuer, but no path from the device certificate to a listed root validates.',
    signIn: SIGN_IN.chain,
  },
  {
    id: 'device.expired',
    severity: 'error',
    basis: 'rfc5280',
    citation: 'RFC 5280 §4.1.2.5 and §6.1.3 (a)(2): a certificate is valid from notBefore to notAfter',
    description: 'The device certificate is past its notAfter at the check time.',
  },
  {
    id: 'device.not-yet-valid',
    severity: 'error',
    basis: 'rfc5280',
    citation: 'RFC 5280 §4.1.2.5 and §6.1.3 (a)(2)',
    description: 'The device certificate is not valid before its notBefore, which is after the check time.',
  },
  {
    id: 'device.not-client-auth',
    severity: 'error',
    basis: 'rfc5280',
    citation: 'RFC 5280 §4.2.1.3 and §4.2.1.12 (keyUsage, extKeyUsage id-kp-clientAuth); RFC 8446 §4.4.2.2; RFC 8705 §2',
    description:
      'The device certificate cannot authenticate a TLS client: its extendedKeyUsage lacks clientAuth, or its keyUsage lacks digitalSignature.',
  },
  {
    id: 'device.weak-key',
    severity: 'error',
    basis: 'best-practice',
    citation: 'Entra error codes: AADSTS50032 WeakRsaKey (the threshold is not documented; 2048 bits per NIST SP 800-131A)',
    description: 'An RSA key under 2048 bits (Entra refuses weak RSA keys), or an elliptic-curve key under 256 bits.',
    signIn: WEAK_RSA,
  },
  {
    id: 'device.is-ca',
    severity: 'warning',
    basis: 'best-practice',
    citation: 'RFC 5280 §4.2.1.9: basicConstraints cA marks a CA certificate, not an end entity',
    description: 'The device certificate is a CA certificate (basicConstraints cA=true).',
  },
  {
    id: 'device.revoked',
    severity: 'error',
    basis: 'entra-cba',
    citation:
      'Entra CBA (concept-certificate-based-authentication-certificate-revocation-list): a certificate in the CRL is rejected; the CRL of every CA in the chain is checked; AADSTS500171',
    description: 'The device certificate, or a CA on its path, is listed in a CRL given for its issuer (whose CRL URL is configured).',
    signIn: SIGN_IN.revoked,
  },
  {
    id: 'device.revocation-unchecked',
    severity: 'info',
    basis: 'entra-cba',
    citation:
      'Entra CBA (CRL page): "If an Authentication Policy Administrator skips the configuration of the CRL, Microsoft Entra ID doesn\'t perform any CRL checks"',
    description:
      'A CA on the path configures a CRL URL but no CRL was given for it (Entra checks it at sign-in), or a CRL was given but the CA configures no URL (Entra does not check it).',
  },
  {
    id: 'device.crl-chain-limit',
    severity: 'warning',
    basis: 'entra-cba',
    citation: 'Entra CBA (CRL page): "We have a limit of up to 10 CAs from the leaf client certificate for CRL validation"',
    description: 'The path holds more than 10 CAs: Entra checks the CRLs of the first 10 from the device only.',
  },
  {
    id: 'device.identity-missing',
    severity: 'error',
    basis: 'graph-inferred',
    citation:
      'mutualTlsOauthConfiguration tlsClientAuthParameter (graph-docs); RFC 8705 §2.1.2 (the registered value is matched against this field)',
    description: "The device certificate has no value in the field the configuration's tlsClientAuthParameter selects.",
  },
  {
    id: 'device.identity-several',
    severity: 'warning',
    basis: 'graph-inferred',
    citation:
      'RFC 8705 §2.1.2: the expected SAN entry is matched among those of the certificate; which one Entra registers is not documented',
    description: 'The field tlsClientAuthParameter selects holds several values; the device must be registered with one of them.',
  },
  {
    id: 'device.parameter-unknown',
    severity: 'info',
    basis: 'graph-documented',
    citation: 'mutualTlsOauthConfiguration: tlsClientAuthParameter is required and read-only, so a PATCH body does not carry it',
    description:
      'The configuration given does not say which certificate field identifies a device (a PATCH body has no tlsClientAuthParameter).',
  },
  {
    id: 'device.expires-soon',
    severity: 'warning',
    basis: 'best-practice',
    citation: 'RFC 5280 §4.1.2.5: a certificate past notAfter no longer validates',
    description:
      'The device certificate, or a CA on its path, expires within the warning horizon (30 days unless --warn-expiry-days says otherwise).',
  },
  {
    id: 'device.other-certificates',
    severity: 'info',
    basis: 'entra-cba',
    citation: 'Entra CBA (how-to-configure-certificate-authorities): "Make sure every CA until the root is uploaded"',
    description:
      "The device file holds more certificates than the device's: paths are built from the configuration's list only, as Entra does.",
  },
  {
    id: 'device.unchecked-constraints',
    severity: 'info',
    basis: 'rfc5280',
    citation: 'RFC 5280 §6.1.4 (name constraints, policy constraints): not evaluated by this check',
    description: 'A CA on the accepted path carries constraints (name or policy constraints) that this check does not evaluate.',
  },
];

export const deviceRuleById = new Map(DEVICE_RULES.map((r) => [r.id, r]));

export const DEVICE_EN: Catalogue = {
  'device.issuer-missing': {
    message: 'No listed CA issued the device certificate: its issuer is {issuer} (AKI {aki}) — AADSTS500176 at sign-in.',
    fix: 'Add the CA certificate of {issuer}, and every CA up to its root, to the configuration.',
    variants: {
      'in-file': {
        message:
          'No listed CA issued the device certificate: its issuer {issuer} is in the device file ({where}) but not in the configuration — AADSTS500176 at sign-in.',
        fix: 'Add that CA certificate, and every CA up to its root, to the configuration: Entra builds the path from the configuration only.',
      },
    },
  },
  'device.path-invalid': {
    message: 'No path from the device certificate to a listed root validates (AADSTS50017 at sign-in): {reasons}.',
    fix: 'Fix the CA named first: replace an expired or wrongly signed CA, add the missing one, or reissue the device under a valid CA.',
  },
  'device.expired': {
    message: 'The device certificate expired on {notAfter}.',
    fix: 'Issue the device a new certificate.',
  },
  'device.not-yet-valid': {
    message: 'The device certificate is not valid before {notBefore}.',
    fix: "Check the issuing CA's clock and the check time (--at).",
  },
  'device.not-client-auth': {
    message: 'The device certificate cannot authenticate a TLS client: its extendedKeyUsage ({ekus}) lacks clientAuth.',
    fix: 'Reissue it with extendedKeyUsage clientAuth (1.3.6.1.5.5.7.3.2).',
    variants: {
      'key-usage': {
        message: 'The device certificate cannot authenticate a TLS client: its keyUsage ({bits}) lacks digitalSignature.',
        fix: 'Reissue it with keyUsage digitalSignature.',
      },
    },
  },
  'device.weak-key': {
    message: 'The device key is RSA with {size} bits: Entra refuses weak RSA keys (AADSTS50032).',
    fix: 'Issue the device a new certificate with an RSA key of at least 2048 bits, or an ECDSA P-256 key.',
    variants: {
      ec: {
        message:
          'The device key is an elliptic-curve key on {curve} ({size} bits): under 256 bits, or a curve whose size is not known here.',
        fix: 'Issue the device a new certificate with a P-256 key or stronger.',
      },
    },
  },
  'device.is-ca': {
    message: 'The device certificate is a CA certificate (basicConstraints cA=true).',
    fix: 'Issue devices end-entity certificates (cA=false).',
  },
  'device.revoked': {
    message: 'The device certificate (serial {serial}) is revoked by "{source}" since {date} ({reason}): AADSTS500171 at sign-in.',
    fix: 'Issue the device a new certificate, or have the CA publish a corrected CRL if the revocation is a mistake.',
    variants: {
      ca: {
        message:
          'The CA {subject} on the device\'s path (serial {serial}) is revoked by "{source}" since {date} ({reason}): AADSTS500171 at sign-in.',
        fix: 'Reissue the device under a CA that is not revoked, and remove the revoked CA from the configuration.',
      },
      'not-configured': {
        message:
          '"{source}" revokes {subject} (serial {serial}) since {date}, but its issuer configures no CRL URL, so Entra does not check it and the device would still authenticate.',
        fix: "Set the issuer's certificateRevocationListUrl to where this CRL is published, so that Entra enforces it.",
      },
    },
  },
  'device.revocation-unchecked': {
    message:
      'The CA {subject} on the path configures the CRL "{url}", which Entra downloads at sign-in; no CRL was given for it, so revocation was not checked here.',
    fix: 'Give that CRL (--crl FILE; in the library, the crls option; on the page, drop its file with the certificate files).',
  },
  'device.crl-chain-limit': {
    message: 'The path holds {count} CAs; Entra checks the CRLs of the first 10 from the device only.',
    fix: 'Shorten the hierarchy, or accept that revocation above the tenth CA is not checked.',
  },
  'device.identity-missing': {
    message: 'tlsClientAuthParameter is {parameter}, but the device certificate has no {field}: the device cannot be identified.',
    fix: 'Reissue the device certificate with {field}, or use a configuration whose tlsClientAuthParameter selects a field it has.',
  },
  'device.identity-several': {
    message: 'tlsClientAuthParameter is {parameter}, and the device certificate has {count} values: {values}.',
    fix: 'Register the device with the one value it is meant to be identified by.',
  },
  'device.parameter-unknown': {
    message: 'The configuration does not say which field identifies a device (no tlsClientAuthParameter); the subject DN is shown.',
    fix: 'Give the GET response of the configuration (it carries tlsClientAuthParameter), or name the field (--tls-client-auth-parameter; in the library, the tlsClientAuthParameter option; on the page, the identity field).',
  },
  'device.expires-soon': {
    message: 'The device certificate expires on {notAfter}, in {days} days (warning horizon {horizon} days).',
    fix: 'Renew the device certificate before then.',
    variants: {
      ca: {
        message: "The CA {subject} on the device's path expires on {notAfter}, in {days} days (warning horizon {horizon} days).",
        fix: 'Renew that CA and reissue the devices under it before then.',
      },
    },
  },
  'device.other-certificates': {
    message: 'The device file also holds {count} other certificate(s); the path is built from the configuration only, as Entra does.',
  },
  'device.unchecked-constraints': {
    message: '{what}.',
  },
};

export const DEVICE_FR: Catalogue = {
  'device.issuer-missing': {
    message:
      'Aucune autorité de certification de la liste n’a émis le certificat de l’appareil : son émetteur est {issuer} (AKI {aki}) — AADSTS500176 à la connexion.',
    fix: 'Ajoutez à la configuration le certificat de l’autorité {issuer}, et ceux de toutes les autorités jusqu’à sa racine.',
    variants: {
      'in-file': {
        message:
          'Aucune autorité de certification de la liste n’a émis le certificat de l’appareil : son émetteur {issuer} figure dans le fichier de l’appareil ({where}) mais pas dans la configuration — AADSTS500176 à la connexion.',
        fix: 'Ajoutez ce certificat d’autorité, et ceux de toutes les autorités jusqu’à sa racine, à la configuration : Entra construit le chemin à partir de la configuration seulement.',
      },
    },
  },
  'device.path-invalid': {
    message: 'Aucun chemin du certificat de l’appareil vers une racine de la liste ne se valide (AADSTS50017 à la connexion) : {reasons}.',
    fix: 'Corrigez l’autorité citée en premier : remplacez une autorité expirée ou mal signée, ajoutez celle qui manque, ou réémettez l’appareil sous une autorité valide.',
  },
  'device.expired': {
    message: 'Le certificat de l’appareil a expiré le {notAfter}.',
    fix: 'Émettez un nouveau certificat pour l’appareil.',
  },
  'device.not-yet-valid': {
    message: 'Le certificat de l’appareil n’est pas valide avant le {notBefore}.',
    fix: 'Vérifiez l’horloge de l’autorité émettrice et la date de vérification (--at).',
  },
  'device.not-client-auth': {
    message: 'Le certificat de l’appareil ne peut pas authentifier un client TLS : son extendedKeyUsage ({ekus}) n’inclut pas clientAuth.',
    fix: 'Réémettez-le avec l’extendedKeyUsage clientAuth (1.3.6.1.5.5.7.3.2).',
    variants: {
      'key-usage': {
        message:
          'Le certificat de l’appareil ne peut pas authentifier un client TLS : son keyUsage ({bits}) n’inclut pas digitalSignature.',
        fix: 'Réémettez-le avec le keyUsage digitalSignature.',
      },
    },
  },
  'device.weak-key': {
    message: 'La clé de l’appareil est une clé RSA de {size} bits : Entra refuse les clés RSA faibles (AADSTS50032).',
    fix: 'Émettez pour l’appareil un certificat avec une clé RSA d’au moins 2048 bits, ou une clé ECDSA P-256.',
    variants: {
      ec: {
        message:
          'La clé de l’appareil est une clé à courbe elliptique sur {curve} ({size} bits) : moins de 256 bits, ou une courbe dont la taille n’est pas connue ici.',
        fix: 'Émettez pour l’appareil un certificat avec une clé P-256 ou plus robuste.',
      },
    },
  },
  'device.is-ca': {
    message: 'Le certificat de l’appareil est un certificat d’autorité de certification (basicConstraints cA=true).',
    fix: 'Émettez pour les appareils des certificats d’entité finale (cA=false).',
  },
  'device.revoked': {
    message:
      'Le certificat de l’appareil (numéro de série {serial}) est révoqué par "{source}" depuis le {date} ({reason}) : AADSTS500171 à la connexion.',
    fix: 'Émettez un nouveau certificat pour l’appareil, ou faites publier une CRL corrigée par l’autorité si la révocation est une erreur.',
    variants: {
      ca: {
        message:
          'L’autorité {subject} du chemin de l’appareil (numéro de série {serial}) est révoquée par "{source}" depuis le {date} ({reason}) : AADSTS500171 à la connexion.',
        fix: 'Réémettez l’appareil sous une autorité qui n’est pas révoquée, et retirez l’autorité révoquée de la configuration.',
      },
      'not-configured': {
        message:
          '"{source}" révoque {subject} (numéro de série {serial}) depuis le {date}, mais son émetteur ne configure pas d’URL de CRL : Entra ne la vérifie donc pas, et l’appareil s’authentifierait quand même.',
        fix: 'Définissez le certificateRevocationListUrl de l’émetteur sur l’adresse où cette CRL est publiée, pour qu’Entra l’applique.',
      },
    },
  },
  'device.revocation-unchecked': {
    message:
      'L’autorité {subject} du chemin configure la CRL "{url}", qu’Entra télécharge à la connexion ; aucune CRL n’a été indiquée pour elle, la révocation n’a donc pas été vérifiée ici.',
    fix: 'Indiquez cette CRL (--crl FICHIER ; dans la bibliothèque, l’option crls ; sur la page, déposez son fichier avec les fichiers de certificat).',
  },
  'device.crl-chain-limit': {
    message: 'Le chemin compte {count} autorités ; Entra ne vérifie les CRL que des 10 premières à partir de l’appareil.',
    fix: 'Raccourcissez la hiérarchie, ou acceptez que la révocation au-delà de la dixième autorité ne soit pas vérifiée.',
  },
  'device.identity-missing': {
    message:
      'tlsClientAuthParameter vaut {parameter}, mais le certificat de l’appareil n’a pas de {field} : l’appareil ne peut pas être identifié.',
    fix: 'Réémettez le certificat de l’appareil avec {field}, ou utilisez une configuration dont le tlsClientAuthParameter désigne un champ qu’il possède.',
  },
  'device.identity-several': {
    message: 'tlsClientAuthParameter vaut {parameter}, et le certificat de l’appareil a {count} valeurs : {values}.',
    fix: 'Inscrivez l’appareil avec la valeur unique par laquelle il doit être identifié.',
  },
  'device.parameter-unknown': {
    message:
      'La configuration n’indique pas quel champ identifie un appareil (pas de tlsClientAuthParameter) ; le DN du sujet est affiché.',
    fix: 'Indiquez la réponse GET de la configuration (elle porte tlsClientAuthParameter), ou nommez le champ (--tls-client-auth-parameter ; dans la bibliothèque, l’option tlsClientAuthParameter ; sur la page, le champ d’identité).',
  },
  'device.expires-soon': {
    message: 'Le certificat de l’appareil expire le {notAfter}, dans {days} jours (horizon d’avertissement : {horizon} jours).',
    fix: 'Renouvelez le certificat de l’appareil avant cette date.',
    variants: {
      ca: {
        message:
          'L’autorité {subject} du chemin de l’appareil expire le {notAfter}, dans {days} jours (horizon d’avertissement : {horizon} jours).',
        fix: 'Renouvelez cette autorité et réémettez les appareils émis sous elle avant cette date.',
      },
    },
  },
  'device.other-certificates': {
    message:
      'Le fichier de l’appareil contient aussi {count} autre(s) certificat(s) ; le chemin est construit à partir de la configuration seulement, comme le fait Entra.',
  },
  'device.unchecked-constraints': {
    message: 'Contrainte non évaluée : {what}.',
  },
};

/** The device findings as a Markdown table, for docs/device.md (kept in sync by a test and `npm run generate`). */
export function deviceRulesMarkdownTable(): string {
  const rows = DEVICE_RULES.map(
    (r) => `| \`${r.id}\` | ${r.severity} | ${r.basis} | ${r.signIn?.code ?? '—'} | ${r.description.replace(/\|/g, '\\|')} |`,
  );
  return ['| finding | severity | basis | sign-in fails | what it finds |', '|---|---|---|---|---|', ...rows].join('\n');
}
