/**
 * French messages, keyed by rule id, with the same keys, variants and `{placeholders}` as en.ts. Terminology follows
 * Microsoft's French Graph documentation (« autorité de certification », « autorité racine », « corps de la demande »);
 * property names and technical terms stay as admins see them. Graph's own messages are not here: they stay verbatim in the rules.
 */
import type { en } from './en.js';
import type { Catalogue, OverlayMismatches } from './types.js';

export const fr = {
  // Signalé par le moteur, et non par une règle (src/rules/run.ts).
  'internal.rule-failed': {
    message:
      'La règle {rule} a échoué sur cette entrée ({error}) : ce qu’elle vérifie reste inconnu ici ; toutes les autres règles ont été appliquées.',
    fix: 'Il s’agit d’un défaut de ca-preflight, et non du corps : signalez-le en joignant le corps qui l’a provoqué.',
  },
  'body.not-json': {
    message: 'Le corps n’est pas un JSON valide.',
    fix: 'Envoyez un seul objet JSON ; vérifiez les guillemets, les virgules (pas de virgule finale), les crochets et les accolades autour de la position indiquée.',
    variants: {
      bom: {
        message: 'Le corps commence par une marque d’ordre des octets (U+FEFF), qui n’est pas du JSON.',
        fix: 'Enregistrez le fichier en UTF-8 sans marque d’ordre des octets : dans PowerShell 7, Set-Content -Encoding utf8NoBOM ; dans Windows PowerShell 5, [IO.File]::WriteAllText($path, $text) ; dans le Bloc-notes, Enregistrer sous avec l’encodage « UTF-8 », et non « UTF-8 avec BOM ».',
      },
      'too-deep': {
        message: 'Le corps s’imbrique sur plus de {limit} niveaux (une liste de confiance en a trois) : il n’est pas lu comme du JSON ici.',
        fix: 'Envoyez la liste de confiance elle-même : {"displayName": "…", "certificateAuthorities": [ { … } ]}.',
      },
      InvalidSymbol: { message: 'Le corps n’est pas un JSON valide : caractère inattendu.' },
      InvalidNumberFormat: { message: 'Le corps n’est pas un JSON valide : nombre mal formé.' },
      PropertyNameExpected: { message: 'Le corps n’est pas un JSON valide : un nom de propriété entre guillemets doubles était attendu.' },
      ValueExpected: { message: 'Le corps n’est pas un JSON valide : une valeur était attendue.' },
      ColonExpected: { message: 'Le corps n’est pas un JSON valide : deux-points étaient attendus.' },
      CommaExpected: { message: 'Le corps n’est pas un JSON valide : une virgule était attendue.' },
      CloseBraceExpected: { message: 'Le corps n’est pas un JSON valide : une accolade fermante était attendue.' },
      CloseBracketExpected: { message: 'Le corps n’est pas un JSON valide : un crochet fermant était attendu.' },
      EndOfFileExpected: { message: 'Le corps n’est pas un JSON valide : le texte continue après la valeur JSON.' },
      InvalidCommentToken: { message: 'Le corps n’est pas un JSON valide : les commentaires ne sont pas permis en JSON.' },
      UnexpectedEndOfComment: { message: 'Le corps n’est pas un JSON valide : commentaire non terminé.' },
      UnexpectedEndOfString: { message: 'Le corps n’est pas un JSON valide : chaîne non terminée.' },
      UnexpectedEndOfNumber: { message: 'Le corps n’est pas un JSON valide : nombre non terminé.' },
      InvalidUnicode: { message: 'Le corps n’est pas un JSON valide : séquence \\u invalide.' },
      InvalidEscapeCharacter: { message: 'Le corps n’est pas un JSON valide : caractère d’échappement invalide.' },
      InvalidCharacter: { message: 'Le corps n’est pas un JSON valide : caractère invalide dans une chaîne.' },
      cycle: {
        message: 'Le corps n’est pas une donnée JSON : la valeur contient un cycle.',
        fix: 'Passez du texte JSON, ou une valeur faite d’objets simples, de tableaux, de chaînes, de nombres, de booléens et de null, sans objet contenu en lui-même.',
      },
      'non-finite': {
        message: 'Le corps n’est pas une donnée JSON : le nombre {value} ne peut pas s’écrire en JSON.',
        fix: 'Passez du texte JSON, ou une valeur faite d’objets simples, de tableaux, de chaînes, de nombres finis, de booléens et de null.',
      },
      undefined: {
        message: 'Le corps n’est pas une donnée JSON : une valeur indéfinie (undefined) ne peut pas s’écrire en JSON.',
        fix: 'Passez du texte JSON, ou une valeur faite d’objets simples, de tableaux, de chaînes, de nombres, de booléens et de null.',
      },
      function: {
        message: 'Le corps n’est pas une donnée JSON : une fonction ne peut pas s’écrire en JSON.',
        fix: 'Passez du texte JSON, ou une valeur faite d’objets simples, de tableaux, de chaînes, de nombres, de booléens et de null.',
      },
      symbol: {
        message: 'Le corps n’est pas une donnée JSON : un symbole ne peut pas s’écrire en JSON.',
        fix: 'Passez du texte JSON, ou une valeur faite d’objets simples, de tableaux, de chaînes, de nombres, de booléens et de null.',
      },
      bigint: {
        message: 'Le corps n’est pas une donnée JSON : un grand entier (bigint) ne peut pas s’écrire en JSON.',
        fix: 'Passez du texte JSON, ou une valeur faite d’objets simples, de tableaux, de chaînes, de nombres, de booléens et de null.',
      },
      'prototype-literal': {
        message:
          'Le corps n’est pas une donnée JSON : un objet dont le prototype est un autre objet (ce que fait un littéral « __proto__: {…} ») ne peut pas s’écrire en JSON.',
        fix: 'Définissez une propriété nommée "__proto__" avec JSON.parse ou Object.defineProperty, ou passez du texte JSON.',
      },
      'class-instance': {
        message: 'Le corps n’est pas une donnée JSON : un objet {name} ne peut pas s’écrire en JSON.',
        fix: 'Passez du texte JSON, ou une valeur faite d’objets simples, de tableaux, de chaînes, de nombres, de booléens et de null.',
      },
      unreadable: {
        message: 'Le corps n’a pas pu être lu : {error}.',
        fix: 'Passez du texte JSON, ou une valeur dont les accesseurs ne lèvent pas d’exception.',
      },
    },
  },
  'body.too-large': {
    message:
      'Le corps fait {size} caractères, plus que les {limit} que ce vérificateur lit : il n’a pas été vérifié. C’est une limite de ca-preflight, non une limite documentée de Graph.',
    fix: 'Vérifiez que le fichier est bien le corps de la requête ; une liste complète de 250 autorités fait bien moins de 4 Mio.',
    variants: {
      bytes: {
        message:
          'Le corps fait {size} octets, plus que ce vérificateur lit ({limit} caractères au plus) : il n’a pas été vérifié. C’est une limite de ca-preflight, non une limite documentée de Graph.',
      },
    },
  },
  'body.not-utf8': {
    message:
      'Le corps est du texte UTF-16 ({encoding}) : envoyés tels quels, ses octets ne sont pas le JSON UTF-8 que lit Graph (la RFC 8259 §8.1 exige l’UTF-8 entre systèmes). Il a été vérifié une fois décodé.',
    fix: 'Enregistrez le fichier en UTF-8 sans marque d’ordre des octets : dans PowerShell 7, Set-Content -Encoding utf8NoBOM ; Windows PowerShell 5 écrit de l’UTF-16 avec Out-File et >, utilisez donc plutôt [IO.File]::WriteAllText($path, $text).',
    variants: {
      'utf-16-bom': {
        message:
          'Le corps est du texte UTF-16 ({encoding}, avec une marque d’ordre des octets, comme l’écrit Windows PowerShell 5 avec Out-File et >) : envoyés tels quels, ses octets ne sont pas le JSON UTF-8 que lit Graph (la RFC 8259 §8.1 exige l’UTF-8 entre systèmes). Il a été vérifié une fois décodé.',
      },
      invalid: {
        message:
          'L’octet {offset} du corps n’est pas de l’UTF-8 (la RFC 8259 §8.1 exige du JSON UTF-8 entre systèmes) ; la vérification l’a lu comme U+FFFD.',
        fix: 'Enregistrez le fichier en UTF-8, ou remplacez le caractère à cet endroit.',
      },
    },
  },
  'body.not-object': {
    message: 'Le corps est une valeur JSON de type {type}, et non un objet.',
    fix: 'Envoyez un objet tel que {"displayName": "…", "certificateAuthorities": [ … ]}.',
  },
  'body.read-only-property': {
    message: '« {property} » est en lecture seule et diffère de la ressource actuelle : un PATCH ne peut pas le modifier.',
    fix: 'Retirez « {property} » du corps ; seuls displayName et certificateAuthorities peuvent être modifiés.',
    variants: {
      'no-current': {
        message:
          '« {property} » est en lecture seule et un PATCH ne peut pas le modifier ; sans la ressource actuelle, impossible de savoir si la valeur est inchangée.',
        fix: 'Retirez « {property} » du corps, ou vérifiez avec la ressource actuelle (--current get.json) : une valeur inchangée peut être ignorée.',
      },
    },
  },
  'body.read-only-unchanged': {
    message:
      '« {property} » est en lecture seule et renvoyé inchangé : les recommandations Graph de Microsoft disent qu’une valeur en lecture seule inchangée est ignorée, mais des ressources de l’annuaire ont répondu 400 "Property \'{property}\' is read-only and cannot be set."',
    fix: 'Retirez « {property} » pour plus de sûreté : le cycle GET → modification → PATCH des SDK le renvoie ; n’envoyez que displayName et certificateAuthorities.',
  },
  'body.unknown-property': {
    message: 'La ressource n’a pas de propriété "{property}".',
    fix: 'Retirez "{property}" ; les propriétés modifiables sont displayName et certificateAuthorities.',
    variants: {
      suggestion: {
        message: 'La ressource n’a pas de propriété "{property}" ; vouliez-vous dire "{suggestion}" ?',
        fix: 'Renommez "{property}" en "{suggestion}" (le tableau de la page de mise à jour de la documentation écrit mal ce nom).',
      },
    },
  },
  'body.collection-response': {
    message:
      'Le corps est une réponse de collection (GET …/mutualTlsOauthConfigurations) ; c’est la configuration "{id}" qu’elle contient (value/{index}) qui est vérifiée ici. Envoyée telle quelle, la demande porterait "value", que la ressource n’a pas.',
    fix: 'N’envoyez que les propriétés modifiables de cette configuration : ca-preflight patch construit la demande à partir de la collection (avec --id quand elle en contient plusieurs).',
    variants: {
      choose: {
        message:
          'Le corps est une réponse de collection de {count} configurations ({ids}) et aucune n’a été choisie : aucune liste de confiance n’a été vérifiée.',
        fix: 'Choisissez-en une : ca-preflight check --id ID (dans la bibliothèque, l’option id ; dans la page, la liste des configurations).',
      },
      'not-found': {
        message:
          'Le corps est une réponse de collection sans configuration d’identifiant "{id}" (identifiants : {ids}) : aucune liste de confiance n’a été vérifiée.',
        fix: 'Donnez l’un des identifiants listés, ou vérifiez la réponse GET propre à cette configuration.',
      },
      empty: {
        message:
          'Le corps est une réponse de collection qui ne contient aucune configuration : il n’y a pas de liste de confiance à vérifier.',
        fix: 'Vérifiez la réponse GET de la configuration à mettre à jour (GET …/mutualTlsOauthConfigurations/ID), ou créez-en une d’abord.',
      },
    },
  },
  'body.odata-control-ignored': {
    message: '"{property}" est une information de contrôle OData ; le serveur l’ignore dans une demande.',
    fix: 'Retirez "{property}" (cette information provient d’une réponse à un GET).',
  },
  'body.odata-type-invalid': {
    message: 'La valeur "{type}" de @odata.type n’est pas le type de cet objet.',
    fix: 'Utilisez "{expected}" ou retirez @odata.type.',
  },
  'body.odata-type-wrong': {
    message: 'La valeur "{type}" de @odata.type désigne {what}, pas le type de cet objet ("{expected}").',
    fix: 'Utilisez "{expected}" ou retirez @odata.type ; cette demande porte sur une mutualTlsOauthConfiguration.',
  },
  'body.directory-extension': {
    message:
      '"{property}" est une extension d’annuaire de l’application {appId} ; les extensions d’annuaire s’appliquent aux utilisateurs, groupes, unités administratives, applications, appareils et à l’organisation, pas à cette ressource.',
    fix: 'Retirez "{property}" ; la liste de confiance n’a pas de propriétés d’extension.',
  },
  'body.wrong-type': {
    message: 'La propriété "{property}" n’a pas le bon type JSON ({actual}).',
    fix: 'Donnez à "{property}" le type que définit la ressource.',
    variants: {
      'string-or-null': {
        message: 'La propriété "{property}" doit être une chaîne ou null, pas une valeur JSON de type {actual}.',
        fix: 'Donnez à "{property}" une chaîne entre guillemets, ou null.',
      },
      null: {
        message: '"{property}" vaut null, ce que les métadonnées interdisent (Nullable="false") : null ne vide pas la liste.',
        fix: 'Envoyez "{property}": [] pour retirer toutes les autorités, ou omettez "{property}" pour garder la liste telle quelle.',
      },
      array: {
        message: 'La propriété "{property}" doit être un tableau, pas une valeur JSON de type {actual}.',
        fix: 'Donnez à "{property}" un tableau d’objets certificateAuthority : [ { … }, … ].',
      },
    },
  },
  'body.duplicate-key': {
    message: 'Le membre "{member}" apparaît plusieurs fois dans le même objet.',
    fix: 'Ne gardez qu’une seule occurrence de "{member}".',
  },
  'body.empty-list': {
    message: 'certificateAuthorities est vide : la mise à jour retire toutes les autorités de certification approuvées.',
    fix: 'Indiquez toutes les autorités de certification qui doivent rester approuvées, ou retirez certificateAuthorities du corps pour laisser la liste inchangée.',
  },
  'body.display-name-too-long': {
    message: 'displayName compte {length} caractères ; le magasin de confiance en autorise {max}.',
    fix: 'Raccourcissez displayName à {max} caractères au plus.',
  },
  'body.too-many-cas': {
    message: 'La liste compte {count} autorités de certification ; le magasin de confiance en autorise {max}.',
    fix: 'Retirez les autorités de certification devenues inutiles, ou répartissez les appareils entre plusieurs configurations.',
  },
  'entry.not-object': {
    message: 'Cet élément de certificateAuthorities est une valeur JSON de type {actual}, et non un objet.',
    fix: 'Faites de chaque élément un objet contenant certificate et isRootAuthority.',
  },
  'entry.root-flag-invalid': {
    message: 'isRootAuthority doit valoir true ou false, et non une valeur JSON de type {actual}.',
    fix: 'Définissez isRootAuthority sur true pour une autorité racine auto-signée et sur false pour une autorité intermédiaire (sans guillemets).',
    variants: {
      missing: {
        message: 'isRootAuthority est absent ; cette propriété est obligatoire.',
        fix: 'Ajoutez "isRootAuthority": true pour une autorité racine auto-signée, false pour une autorité intermédiaire.',
      },
    },
  },
  'entry.url-wrong-type': {
    message: '"{property}" doit être une chaîne ou null, et non une valeur JSON de type {actual}.',
    fix: 'Donnez à "{property}" une URL http entre guillemets, ou null.',
  },
  'entry.unknown-property': {
    message: 'certificateAuthority n’a pas de propriété "{property}".',
    fix: 'Retirez "{property}" ; une entrée comporte certificate, isRootAuthority, certificateRevocationListUrl et deltaCertificateRevocationListUrl.',
    variants: {
      suggestion: {
        message: 'certificateAuthority n’a pas de propriété "{property}" ; vouliez-vous dire "{suggestion}" ?',
        fix: 'Retirez "{property}" ("{suggestion}" est le vrai nom ; s’il s’agit d’une propriété en lecture seule renvoyée par le serveur, celui-ci la calcule et elle peut être omise).',
      },
      sibling: {
        message: 'certificateAuthority n’a pas de propriété "{property}" (c’est l’orthographe de {sibling}) ; ce type a "{suggestion}".',
        fix: 'Retirez "{property}" et exprimez la même chose avec "{suggestion}".',
      },
      'sibling-read-only': {
        message: 'certificateAuthority n’a pas de propriété "{property}" (c’est l’orthographe de {sibling}) ; ce type a "{suggestion}".',
        fix: 'Retirez "{property}" ; utilisez "{suggestion}" si la valeur est nécessaire ({suggestion} est en lecture seule : le serveur le calcule).',
      },
      'sibling-only': {
        message: 'certificateAuthority n’a pas de propriété "{property}" : elle appartient à {sibling}, un autre magasin de confiance.',
        fix: 'Retirez "{property}" ; une entrée n’a ici que certificate, isRootAuthority et les deux URL de CRL.',
      },
    },
  },
  'entry.null-not-nullable': {
    message: '{property} vaut null, ce que les métadonnées interdisent (Nullable="false") ; le serveur le calcule à partir du certificat.',
    fix: 'Retirez {property} de l’entrée.',
  },
  'certificate.missing': {
    message: 'L’entrée n’a pas de certificat.',
    fix: 'Ajoutez "certificate" avec l’encodage base64 des octets DER du certificat de l’autorité de certification.',
    variants: {
      null: {
        message: 'certificate vaut null.',
        fix: 'Indiquez l’encodage base64 des octets DER du certificat de l’autorité de certification, ou retirez l’entrée.',
      },
    },
  },
  'certificate.not-base64': {
    message: 'certificate n’est pas encodé en base64.',
    fix: 'Encodez les octets DER en base64 sur une seule ligne (par exemple `base64 -w0 ca.der`), sans espaces ni sauts de ligne.',
    variants: {
      type: {
        message: 'certificate doit être une chaîne base64, et non une valeur JSON de type {actual}.',
        fix: 'Indiquez l’encodage base64 des octets DER du certificat de l’autorité de certification, entre guillemets.',
      },
      empty: { message: 'certificate n’est pas encodé en base64 : la chaîne est vide.' },
      whitespace: {
        message:
          'certificate n’est pas encodé en base64 : la chaîne contient un caractère d’espacement ou un saut de ligne au caractère {index}.',
      },
      character: { message: 'certificate n’est pas encodé en base64 : le caractère {index} ("{char}") n’est pas un caractère base64.' },
      'mixed-alphabets': {
        message: 'certificate n’est pas encodé en base64 : la chaîne mélange les alphabets base64 ("+", "/") et base64url ("-", "_").',
      },
      padding: { message: 'certificate n’est pas encodé en base64 : le remplissage par "=" est incorrect.' },
      length: {
        message:
          'certificate n’est pas encodé en base64 : la longueur de la chaîne est impossible en base64 (un caractère de trop ou de moins).',
      },
    },
  },
  'certificate.pem-armour': {
    message: 'certificate contient du texte PEM (-----BEGIN CERTIFICATE-----), et non du base64.',
    fix: 'Supprimez les lignes BEGIN/END et réunissez les lignes base64 en une seule chaîne.',
  },
  'certificate.not-x509': {
    message: 'certificate est bien du base64, mais pas un certificat X.509 DER.',
    fix: 'Vérifiez que les octets sont ceux du certificat lui-même (et non d’une clé, d’une CSR ou d’un paquet PKCS#7) et que rien n’a été tronqué ni ajouté ; ca-preflight inspect avec cette valeur donne le compte rendu du décodeur (en anglais).',
    variants: {
      structure: {
        message: 'certificate est bien du base64, mais pas un certificat X.509 DER : {where} n’a pas la forme que lui donne la RFC 5280.',
      },
      truncated: {
        message:
          'certificate est bien du base64, mais pas un certificat X.509 DER : le DER est tronqué dans {where} : un champ de longueur annonce plus que les {given} octets donnés.',
      },
      overrun: {
        message:
          'certificate est bien du base64, mais pas un certificat X.509 DER : une valeur de {where} dépasse la fin de la valeur qui la contient (X.690 §8.1.1).',
      },
      'not-ber': {
        message: 'certificate est bien du base64, mais pas un certificat X.509 DER : {where} n’est pas encodé comme le permet X.690.',
      },
      time: {
        message:
          'certificate est bien du base64, mais pas un certificat X.509 DER : {where} n’est pas un UTCTime ou un GeneralizedTime valide (RFC 5280 §4.1.2.5).',
      },
      'integer-range': {
        message:
          'certificate est bien du base64, mais pas un certificat X.509 DER : {where} contient un nombre hors de l’intervalle que permet son champ.',
      },
      trailing: { message: 'certificate est bien du base64, mais pas un certificat X.509 DER : {count} octet(s) suivent sa valeur DER.' },
      'too-large': {
        message: 'certificate est bien du base64, mais pas un certificat X.509 DER : il fait {size} octets, plus que les {limit} acceptés.',
      },
      'text-too-long': {
        message:
          'certificate n’est pas lu : le texte fait {size} caractères, plus que les {limit} acceptés (certificats de {bytes} octets au plus).',
      },
      pooled: {
        message:
          'certificate fait exactement 8 192 octets une fois décodé, la taille du pool de Buffer de Node : c’est ce qu’envoie le SDK Kiota quand on lui donne buffer.buffer d’un petit Buffer — tout le pool, y compris d’autres données du processus.',
        fix: 'Ne donnez au SDK que le certificat : buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength), ou new Uint8Array(buf).buffer ; considérez ce qui a été envoyé comme une fuite de mémoire du processus.',
      },
    },
  },
  'certificate.not-ca': {
    message: '{subject} n’est pas un certificat d’autorité de certification : basicConstraints cA vaut false.',
    fix: 'Ne listez que des certificats d’autorité de certification (basicConstraints cA=true) ; un certificat d’appareil ou de serveur n’a pas sa place dans la liste de confiance.',
    variants: {
      absent: {
        message: '{subject} n’est pas un certificat d’autorité de certification : il n’a pas d’extension basicConstraints.',
        fix: 'Ne listez que des certificats d’autorité de certification (basicConstraints cA=true) ; s’il s’agit réellement d’une autorité de certification, réémettez son certificat avec basicConstraints.',
      },
    },
  },
  'certificate.key-cert-sign-missing': {
    message: 'keyUsage ({bits}) ne permet pas de signer des certificats (keyCertSign).',
    fix: 'Réémettez le certificat de l’autorité de certification avec keyUsage keyCertSign (et cRLSign si elle publie des CRL).',
  },
  'certificate.expired': {
    message: '{subject} a expiré le {notAfter}.',
    fix: 'Retirez l’autorité de certification expirée ou remplacez-la par son certificat renouvelé.',
  },
  'certificate.not-yet-valid': {
    message: 'Le certificat ne sera valide qu’à partir du {notBefore}.',
    fix: 'Vérifiez le notBefore de l’autorité de certification et l’horloge (--at) ; les appareils ne pourront pas être validés avec elle avant cette date.',
  },
  'certificate.ski-missing': {
    message:
      'Le certificat de l’autorité de certification n’a pas de subjectKeyIdentifier : l’issuerSki de Graph n’a donc rien à afficher.',
    fix: 'Réémettez le certificat de l’autorité de certification avec un subjectKeyIdentifier (SHA-1 de la clé publique, méthode 1 du RFC 5280).',
  },
  'certificate.key-usage-missing': {
    message: 'Ce certificat d’autorité de certification n’a pas d’extension keyUsage.',
    fix: 'Réémettez l’autorité avec un keyUsage critique affirmant keyCertSign (et cRLSign si elle signe des CRL).',
  },
  'certificate.key-usage-not-critical': {
    message: 'keyUsage n’est pas marqué critique dans ce certificat d’autorité de certification.',
    fix: 'Réémettez l’autorité avec keyUsage marqué critique.',
  },
  'certificate.subject-empty': {
    message: 'Ce certificat d’autorité de certification a un sujet vide.',
    fix: 'Réémettez l’autorité avec un nom distinctif comme sujet (par exemple CN=…, O=…, C=…).',
  },
  'certificate.issuer-empty': {
    message: 'Le nom d’émetteur du certificat est vide.',
    fix: 'Réémettez le certificat depuis une autorité dont le sujet n’est pas vide.',
  },
  'certificate.rsa-exponent-invalid': {
    message: 'L’exposant public RSA {exponent} n’est pas un exposant valide.',
    fix: 'La clé ne peut pas être authentique : remplacez l’autorité par une autorité sur une clé RSA générée correctement (exposant 65537).',
    variants: {
      even: { message: 'L’exposant public RSA {exponent} est pair, ce qu’aucune clé RSA ne peut avoir.' },
      'below-3': { message: 'L’exposant public RSA {exponent} est inférieur à 3, ce qu’aucune clé RSA ne peut avoir.' },
    },
  },
  'certificate.rsa-modulus-size': {
    message: 'Le module RSA fait {bits} bits, ce qui n’est pas un multiple de 8.',
    fix: 'Réémettez l’autorité sur une clé RSA de 2048, 3072 ou 4096 bits.',
  },
  'certificate.rsa-parameters-not-null': {
    message: 'Les paramètres d’un AlgorithmIdentifier RSA ne sont pas NULL.',
    fix: 'Réémettez le certificat avec des paramètres NULL, comme l’exigent la RFC 3279 et la RFC 4055.',
    variants: {
      key: { message: 'L’AlgorithmIdentifier de la clé rsaEncryption a des paramètres absents ou autres que NULL.' },
      signature: { message: 'Les paramètres de l’algorithme de signature {algorithm} sont absents ou autres que NULL.' },
    },
  },
  'certificate.path-length-negative': {
    message: 'pathLenConstraint vaut {value}, un nombre négatif.',
    fix: 'Réémettez l’autorité avec un pathLenConstraint de 0 ou plus, ou sans lui pour ne fixer aucune limite.',
  },
  'certificate.path-length-without-key-cert-sign': {
    message: 'pathLenConstraint est présent, mais keyUsage ne permet pas de signer des certificats (keyCertSign).',
    fix: 'Réémettez le certificat sans pathLenConstraint, ou en autorité dont le keyUsage affirme keyCertSign.',
    variants: {
      'not-ca': {
        message:
          'pathLenConstraint est présent dans un certificat dont basicConstraints dit qu’il n’est pas une autorité de certification.',
      },
    },
  },
  'certificate.constraint-not-critical': {
    message: 'Une extension de contrainte n’est pas marquée critique.',
    fix: 'Réémettez l’autorité avec l’extension marquée critique.',
    variants: {
      nameConstraints: { message: 'nameConstraints n’est pas marquée critique.' },
      policyConstraints: { message: 'policyConstraints n’est pas marquée critique.' },
      inhibitAnyPolicy: { message: 'inhibitAnyPolicy n’est pas marquée critique.' },
    },
  },
  'certificate.eku-excludes-client-auth': {
    message: 'L’extendedKeyUsage de cette autorité ({purposes}) ne permet pas clientAuth.',
    fix: 'Réémettez l’autorité sans extendedKeyUsage, ou avec clientAuth (1.3.6.1.5.5.7.3.2) parmi ses usages, pour que les appareils qui en dépendent puissent s’authentifier en TLS.',
    variants: {
      empty: { message: 'L’extendedKeyUsage de cette autorité ne cite aucun usage : il n’en permet aucun, clientAuth compris.' },
    },
  },
  'certificate.serial-invalid': {
    message: 'Le numéro de série n’est pas un entier positif d’au plus 20 octets.',
    fix: 'Réémettez le certificat avec un numéro de série positif d’au plus 20 octets (les autorités utilisent 16 octets aléatoires).',
    variants: {
      zero: { message: 'Le numéro de série vaut zéro.' },
      negative: { message: 'Le numéro de série {serial} est négatif.' },
      'too-long': { message: 'Le numéro de série fait {octets} octets ; la RFC 5280 en permet au plus 20.' },
    },
  },
  'certificate.extensions-before-v3': {
    message: 'Ce certificat en version {version} porte des extensions, qui n’existent qu’en version 3.',
    fix: 'Réémettez le certificat en version 3.',
  },
  'certificate.unique-identifiers': {
    message: 'Le certificat porte {fields}, des champs que les autorités conformes ne génèrent plus.',
    fix: 'Réémettez le certificat sans identifiants uniques.',
    variants: {
      'version-1': { message: 'Le certificat porte {fields}, qu’un certificat en version 1 ne peut pas avoir.' },
    },
  },
  'chain.policies-inconsistent': {
    message:
      'Cette autorité affirme des politiques de certification ({policies}) que son émetteur en {issuer} n’affirme pas et ne permet pas par anyPolicy.',
    fix: 'Rendez les politiques de certification cohérentes le long de la chaîne : réémettez l’autorité avec des politiques que son émetteur affirme (ou faites affirmer anyPolicy à l’émetteur).',
    variants: {
      missing: { message: 'Cette autorité n’a pas d’extension certificatePolicies, mais son émetteur en {issuer} en a une.' },
      'issuer-missing': { message: 'Cette autorité a une extension certificatePolicies, mais son émetteur en {issuer} n’en a pas.' },
    },
  },
  'certificate.key-invalid': {
    message: 'La clé publique n’est pas une clé {algorithm} valide.',
    fix: 'Ce certificat ne peut rien vérifier : il a été altéré ou mal construit. Remplacez-le par le certificat authentique de l’autorité.',
    variants: {
      'rsa-modulus': { message: 'La clé publique n’est pas une clé {algorithm} valide : le module RSA n’est pas un entier positif.' },
      'rsa-exponent': {
        message: 'La clé publique n’est pas une clé {algorithm} valide : l’exposant public RSA n’est pas un entier positif.',
      },
      'rsa-unreadable': {
        message:
          'La clé publique n’est pas une clé {algorithm} valide : sa RSAPublicKey n’est pas faite de deux INTEGER DER (RFC 3279 §2.3.1).',
      },
      'ec-no-curve': {
        message:
          'La clé publique n’est pas une clé {algorithm} valide : elle ne nomme aucune courbe (RFC 5480 §2.1.1 : les paramètres sont obligatoires).',
      },
      'ec-params': {
        message:
          'La clé publique n’est pas une clé {algorithm} valide : ses paramètres ne sont ni une courbe nommée, ni implicites, ni explicites (RFC 5480 §2.1.1).',
      },
      'ec-coordinates': {
        message:
          'La clé publique n’est pas une clé {algorithm} valide : les coordonnées du point ne sont pas inférieures au nombre premier du corps de {curve}.',
      },
      'ec-off-curve': { message: 'La clé publique n’est pas une clé {algorithm} valide : le point n’est pas sur la courbe {curve}.' },
      'ec-x-range': {
        message:
          'La clé publique n’est pas une clé {algorithm} valide : la coordonnée x du point n’est pas inférieure au nombre premier du corps de {curve}.',
      },
      'ec-no-point': { message: 'La clé publique n’est pas une clé {algorithm} valide : aucun point de {curve} n’a cette coordonnée x.' },
      'ec-infinity': {
        message: 'La clé publique n’est pas une clé {algorithm} valide : le point est le point à l’infini, qui n’est pas une clé publique.',
      },
      'ec-length': {
        message:
          'La clé publique n’est pas une clé {algorithm} valide : un point de {curve} fait {uncompressed} octets (non compressé) ou {compressed} (compressé) ; celui-ci en fait {actual}.',
      },
      'eddsa-params': {
        message:
          'La clé publique n’est pas une clé {algorithm} valide : son AlgorithmIdentifier a des paramètres ; la RFC 8410 §3 exige qu’il n’en ait pas.',
      },
      'eddsa-size': {
        message: 'La clé publique n’est pas une clé {algorithm} valide : une telle clé fait {size} octets ; celle-ci en fait {actual}.',
      },
      'unused-bits': {
        message:
          'La clé publique n’est pas une clé {algorithm} valide : sa BIT STRING a {count} bit(s) inutilisé(s) ; une clé est un nombre entier d’octets.',
      },
    },
  },
  'certificate.weak-key': {
    message: 'La clé {algorithm} ne fait que {size} bits.',
    fix: 'Remplacez l’autorité de certification par une autorité utilisant RSA ≥ 2048 bits, ou ECDSA P-256 ou plus robuste.',
  },
  'certificate.weak-signature': {
    message: 'Le certificat est signé avec {algorithm} (une signature {hash} peut être contrefaite).',
    fix: 'Réémettez le certificat de l’autorité de certification avec une signature SHA-256 (ou plus robuste).',
  },
  'certificate.signature-unverifiable': {
    message: 'La signature ({algorithm}) n’a pas pu être vérifiée ici.',
    variants: {
      algorithm: { message: 'La signature ({algorithm}) n’a pas pu être vérifiée : WebCrypto n’offre pas {algorithm}.' },
      'pss-params': { message: 'La signature ({algorithm}) n’a pas pu être vérifiée : ses paramètres RSASSA-PSS ne se lisent pas.' },
      'pss-hashes': {
        message: 'La signature ({algorithm}) n’a pas pu être vérifiée : WebCrypto n’offre pas RSASSA-PSS avec {hash} et MGF1 {mgf}.',
      },
      curve: { message: 'La signature ({algorithm}) n’a pas pu être vérifiée : WebCrypto n’offre pas ECDSA sur la courbe {curve}.' },
      'crypto-error': {
        message: 'La signature ({algorithm}) n’a pas pu être vérifiée : l’implémentation de WebCrypto a échoué ({error}).',
      },
    },
    fix: 'Vérifiez la chaîne avec un autre outil (par exemple `openssl verify`) ; les remarques supposent qu’elle est valide.',
  },
  'certificate.basic-constraints-not-critical': {
    message: 'L’extension basicConstraints n’est pas marquée comme critique.',
    fix: 'Réémettez le certificat de l’autorité de certification avec basicConstraints critique ; certains vérificateurs le rejettent en l’état.',
  },
  'certificate.key-identifier-critical': {
    message: 'L’extension {extension} est marquée comme critique.',
    fix: 'Réémettez le certificat de l’autorité de certification avec {extension} non critique.',
  },
  'certificate.duplicate-extension': {
    message: 'L’extension {oid} apparaît plusieurs fois.',
    fix: 'Réémettez le certificat avec chaque extension une seule fois.',
  },
  'flag.root-not-self-signed': {
    message: 'isRootAuthority vaut true, mais le certificat a été émis par {issuer} : ce n’est pas une autorité racine.',
    fix: 'Définissez isRootAuthority sur false et ajoutez aussi son émetteur à la liste.',
    variants: {
      'bad-signature': {
        message:
          'isRootAuthority vaut true, mais la signature du certificat ne se vérifie pas avec sa propre clé : il n’est pas auto-signé.',
        fix: 'Définissez isRootAuthority sur false et ajoutez à la liste l’autorité de certification qui l’a réellement signé.',
      },
    },
  },
  'flag.self-signed-not-root': {
    message: 'isRootAuthority vaut false, mais {subject} est auto-signé : c’est une autorité racine.',
    fix: 'Définissez isRootAuthority sur true.',
  },
  'echo.issuer': {
    message: 'issuer "{given}" ne correspond pas au certificat (son émetteur est "{computed}").',
    fix: 'Retirez issuer : cette propriété est en lecture seule et le serveur la calcule.',
    variants: {
      match: {
        message: 'issuer correspond au certificat ; cette propriété est en lecture seule, le serveur la calcule.',
        fix: 'Retirez issuer de la demande ; au mieux, elle est ignorée.',
      },
      subject: {
        message:
          'issuer indique le sujet du certificat ("{subject}"), et non son émetteur ("{computed}") ; cette propriété est en lecture seule, le serveur la calcule.',
        fix: 'Retirez issuer de la demande.',
      },
    },
  },
  'echo.issuer-ski': {
    message: 'issuerSki "{given}" ne correspond pas au subjectKeyIdentifier {computed} du certificat.',
    fix: 'Retirez issuerSki : cette propriété est en lecture seule et le serveur la calcule.',
    variants: {
      match: {
        message: 'issuerSki correspond au certificat ; cette propriété est en lecture seule, le serveur la calcule.',
        fix: 'Retirez issuerSki de la demande ; au mieux, elle est ignorée.',
      },
    },
  },
  'crl.url-not-absolute': {
    message: '"{url}" n’est pas une URL absolue.',
    fix: 'Indiquez une URL http complète, par exemple "http://pki.example.com/ca.crl", ou null s’il n’y a pas de CRL.',
  },
  'crl.url-not-http': {
    message: '"{url}" utilise {scheme} ; Entra ne récupère les CRL qu’en http.',
    fix: 'Publiez la CRL à une URL http:// (les CRL sont signées, http ne pose donc pas de problème de sécurité) et utilisez cette URL.',
    variants: {
      https: {
        message:
          '"{url}" utilise https : la page la plus récente d’Entra sur les CRL (2025) accepte HTTP ou HTTPS mais recommande HTTP ; ses pages plus anciennes (FAQ, configuration) et MSIdentityTools de Microsoft n’autorisent que HTTP.',
        fix: 'Préférez une URL http:// (les CRL sont signées, http ne pose donc pas de problème de sécurité) ; ne gardez https que si vous avez vérifié que la révocation fonctionne avec.',
      },
    },
  },
  'crl.delta-without-base': {
    message: 'Une URL de CRL delta est définie sans URL de CRL de base (AADSTS500177 à la connexion).',
    fix: 'Définissez certificateRevocationListUrl sur la CRL complète, ou retirez l’URL delta.',
  },
  'crl.delta-equals-base': {
    message: 'L’URL de la CRL delta est identique à celle de la CRL de base ("{url}").',
    fix: 'Faites pointer deltaCertificateRevocationListUrl vers la CRL delta, ou définissez-la sur null.',
  },
  'crl.ca-lacks-crl-sign': {
    message:
      'Une URL de CRL est configurée, mais le keyUsage de l’autorité de certification ({bits}) n’inclut pas cRLSign : elle ne peut donc pas signer cette CRL.',
    fix: 'Utilisez l’URL de la CRL publiée par l’émetteur de cette autorité de certification, ou réémettez son certificat avec cRLSign.',
  },
  'crl.subordinate-cdp-mismatch': {
    message:
      'L’URL de CRL configurée "{url}" ne figure pas parmi les points de distribution de CRL de l’autorité subordonnée que cette autorité de certification a émise, en {subordinate} ({points}).',
    fix: 'Vérifiez que "{url}" est bien la CRL publiée par cette autorité de certification ; ses autorités subordonnées renvoient vers {points}.',
  },
  'list.duplicate-certificate': {
    message: 'Ce certificat figure déjà dans la liste en {first} (SHA-256 {thumbprint}).',
    fix: 'Retirez le doublon.',
  },
  'chain.issuer-missing': {
    message:
      'L’émetteur de cette autorité intermédiaire ({issuer}) ne figure pas dans la liste : les appareils émis sous elle ne peuvent pas se connecter (AADSTS50017).',
    fix: 'Ajoutez le certificat d’autorité de certification de {issuer} (et ceux de toutes les autorités jusqu’à sa racine).',
    variants: {
      'key-id-match': {
        message:
          'L’émetteur de cette autorité intermédiaire ({issuer}) ne figure pas dans la liste (AADSTS50017 à la connexion) ; {keyIdMatch} a l’identifiant de clé correspondant, mais un nom de sujet différent.',
        fix: 'Vérifiez les noms : le RFC 5280 construit les chaînes d’après les noms ; ajoutez le bon certificat d’émetteur.',
      },
    },
  },
  'chain.issuer-signature-invalid': {
    message:
      'L’autorité de certification {issuer} présente dans la liste ({candidates}) n’a pas signé ce certificat : la signature ne se vérifie pas avec sa clé.',
    fix: 'Ajoutez le certificat de l’autorité de certification dont la clé l’a réellement signé (une autorité renouvelée ou dont la clé a été changée a une nouvelle clé), ou retirez ce certificat.',
  },
  'chain.aki-mismatch': {
    message: 'authorityKeyIdentifier {aki} diffère du subjectKeyIdentifier {ski} de son émetteur en {issuer}.',
    fix: 'Réémettez le certificat avec le SKI de l’émetteur comme AKI.',
  },
  'chain.no-root': {
    message: 'Les émetteurs de cette autorité de certification forment une boucle ({loop}) sans atteindre d’autorité racine auto-signée.',
    fix: 'Ajoutez l’autorité racine auto-signée de cette hiérarchie.',
  },
  'chain.path-length-exceeded': {
    message: 'Cette autorité de certification se trouve {depth} niveau(x) sous {ancestor}, dont le pathLenConstraint vaut {limit}.',
    fix: 'Les certificats d’appareil émis sous cette autorité de certification échoueront à la validation : émettez-les depuis une autorité que la contrainte autorise.',
  },
  'update.removes-cas': {
    message: 'La mise à jour retire {count} autorité(s) de certification présente(s) dans la ressource actuelle : {list}.',
    fix: 'Rajoutez-les dans certificateAuthorities si elles doivent rester approuvées (le serveur supprime toute autorité absente de la liste).',
  },
  'update.adds-while-expired': {
    message:
      'La mise à jour ajoute des autorités de certification ({added}) tout en conservant {subject}, qui a expiré le {notAfter} ; Entra refuse tout ajout tant qu’une autorité de certification est expirée.',
    fix: 'Retirez ou remplacez l’autorité de certification expirée dans la même mise à jour.',
  },
  'body.odata-type-no-hash': {
    message: '@odata.type "{type}" n’a pas le "#" initial que prescrit le format JSON d’OData.',
    fix: 'Écrivez "#{type}", ou supprimez @odata.type.',
  },
  'certificate.not-strict-der': {
    message: 'Le certificat n’est pas en DER : {where} enfreint {clause} ({count} occurrence(s)).',
    fix: 'Réencodez le certificat en DER (par exemple `openssl x509 -in ca.cer -outform DER`) et envoyez celui-ci ; si l’autorité a signé ces octets, faites-le réémettre, car réencoder la partie signée casse la signature.',
    variants: {
      'indefinite-length': {
        message:
          'Le certificat n’est pas en DER : une longueur indéfinie dans {where} ({clause} ; {count} occurrence(s) dans le certificat).',
      },
      'length-not-minimal': {
        message:
          'Le certificat n’est pas en DER : une longueur dans {where} qui n’est pas écrite sous sa forme la plus courte ({clause} ; {count} occurrence(s) dans le certificat).',
      },
      'tag-form': {
        message:
          'Le certificat n’est pas en DER : un numéro d’étiquette dans {where} écrit sous la forme à plusieurs octets ({clause} ; {count} occurrence(s) dans le certificat).',
      },
      'constructed-string': {
        message:
          'Le certificat n’est pas en DER : {where} est une chaîne découpée en segments (la forme construite) ({clause} ; {count} occurrence(s) dans le certificat).',
      },
      'set-order': {
        message:
          'Le certificat n’est pas en DER : les valeurs de {where} ne sont pas rangées dans l’ordre croissant de leurs encodages ({clause} ; {count} occurrence(s) dans le certificat).',
      },
      'boolean-value': {
        message:
          'Le certificat n’est pas en DER : le BOOLEAN {where} vaut TRUE sans être écrit 0xFF ({clause} ; {count} occurrence(s) dans le certificat).',
      },
      'bits-padding': {
        message:
          'Le certificat n’est pas en DER : les bits inutilisés de la BIT STRING {where} ne sont pas nuls ({clause} ; {count} occurrence(s) dans le certificat).',
      },
      'bits-trailing-zero': {
        message:
          'Le certificat n’est pas en DER : {where} : bit nul en fin de liste ({clause} ; {count} occurrence(s) dans le certificat).',
      },
      'default-encoded': {
        message:
          'Le certificat n’est pas en DER : {where} contient sa valeur par défaut (DEFAULT), que le DER omet ({clause} ; {count} occurrence(s) dans le certificat).',
      },
      'time-no-seconds': {
        message: 'Le certificat n’est pas en DER : {where} n’a pas de secondes ({clause} ; {count} occurrence(s) dans le certificat).',
      },
      'time-offset': {
        message:
          'Le certificat n’est pas en DER : {where} a un décalage par rapport à UTC au lieu de « Z » ({clause} ; {count} occurrence(s) dans le certificat).',
      },
    },
  },
  'certificate.schema-violation': {
    message: '{where} n’est pas une valeur permise par les définitions X.509 ({clause} ; {count} occurrence(s)).',
    fix: 'Faites réémettre le certificat avec ce champ corrigé ; d’ici là, attendez-vous à ce que les vérificateurs stricts le lisent autrement ou le rejettent.',
    variants: {
      'empty-rdn': {
        message: '{where} est un RDN vide (un élément du nom sans attribut) ({clause} ; {count} occurrence(s) dans le certificat).',
      },
      'attribute-syntax': {
        message:
          '{where} n’est pas d’un type que son attribut permet (une DirectoryString, ou la PrintableString ou l’IA5String que l’attribut exige) ({clause} ; {count} occurrence(s) dans le certificat).',
      },
      'empty-sequence': {
        message: '{where} est une liste vide alors qu’il faut au moins un élément ({clause} ; {count} occurrence(s) dans le certificat).',
      },
      'alphabet-18': {
        message:
          '{where} est une NumericString qui contient autre chose que des chiffres et des espaces ({clause} ; {count} occurrence(s) dans le certificat).',
      },
      'alphabet-19': {
        message:
          '{where} est une PrintableString qui contient des caractères hors de son alphabet (comme « @ », « & » ou « * ») ({clause} ; {count} occurrence(s) dans le certificat).',
      },
      'alphabet-22': {
        message: '{where} est une IA5String qui contient des octets non ASCII ({clause} ; {count} occurrence(s) dans le certificat).',
      },
      'alphabet-26': {
        message:
          '{where} est une VisibleString qui contient des caractères de contrôle ou non ASCII ({clause} ; {count} occurrence(s) dans le certificat).',
      },
      'time-fraction': { message: '{where} a des fractions de seconde ({clause} ; {count} occurrence(s) dans le certificat).' },
      'time-generalized-for-utc': {
        message:
          '{where} est un GeneralizedTime pour une date de 1950 à 2049, qui doit être un UTCTime ({clause} ; {count} occurrence(s) dans le certificat).',
      },
      'no-bits': { message: '{where} n’a aucun bit positionné ({clause} ; {count} occurrence(s) dans le certificat).' },
      'duplicate-policy': {
        message: '{where} cite plusieurs fois la même politique ({clause} ; {count} occurrence(s) dans le certificat).',
      },
      'value-not-its-type': {
        message:
          'la valeur de {where} n’est pas du type que la RFC 5280 lui définit : les vérificateurs qui la décodent rejettent le certificat ({clause} ; {count} occurrence(s) dans le certificat).',
      },
      'value-not-ber': {
        message:
          'la valeur de {where} n’est pas du DER valide : aucun lecteur ne peut s’y fier ({clause} ; {count} occurrence(s) dans le certificat).',
      },
    },
  },
  'certificate.signature-algorithm-mismatch': {
    message: 'La partie signée indique l’algorithme de signature {inner}, le champ extérieur {outer}.',
    fix: 'Ne faites pas confiance à ce certificat : les deux identifiants d’algorithme d’un certificat authentique sont identiques.',
  },
  'certificate.unknown-critical-extension': {
    message: 'Le certificat porte une extension critique {oid} que les vérificateurs ne reconnaissent pas.',
    fix: 'Réémettez l’autorité de certification sans cette extension, ou avec l’extension marquée non critique.',
  },
  'certificate.aki-missing': {
    message: 'L’autorité intermédiaire n’a pas d’authorityKeyIdentifier.',
    fix: 'Réémettez-la avec un authorityKeyIdentifier contenant le subjectKeyIdentifier de son émetteur.',
    variants: {
      'no-key-id': { message: 'L’authorityKeyIdentifier de l’autorité intermédiaire n’a pas de keyIdentifier.' },
    },
  },
  'crl.not-der': {
    message: 'La CRL{delta} "{source}" n’est pas en DER. Entra ne peut pas la lire (AADSTS2205011 à la connexion).',
    fix: 'Publiez la CRL telle que l’autorité de certification l’a écrite, en DER (vérifiez-la avec `openssl crl -inform DER -in fichier.crl -noout -text`).',
    variants: {
      'tag-leading-zero': {
        message:
          'La CRL{delta} "{source}" est en BER et non en DER (un numéro d’étiquette avec un octet de tête nul à l’octet {offset}). Entra exige le DER (AADSTS2205011 à la connexion).',
        fix: 'Faites émettre la CRL en DER par l’autorité de certification : la réencoder casserait sa signature, qui porte sur les octets BER.',
      },
      indefinite: {
        message:
          'La CRL{delta} "{source}" est en BER et non en DER (une longueur indéfinie à l’octet {offset}). Entra exige le DER (AADSTS2205011 à la connexion).',
        fix: 'Faites émettre la CRL en DER par l’autorité de certification : la réencoder casserait sa signature, qui porte sur les octets BER.',
      },
      'length-leading-zero': {
        message:
          'La CRL{delta} "{source}" est en BER et non en DER (une longueur avec un octet de tête nul à l’octet {offset}). Entra exige le DER (AADSTS2205011 à la connexion).',
        fix: 'Faites émettre la CRL en DER par l’autorité de certification : la réencoder casserait sa signature, qui porte sur les octets BER.',
      },
      'long-form': {
        message:
          'La CRL{delta} "{source}" est en BER et non en DER (une longueur de forme longue pour une valeur courte à l’octet {offset}). Entra exige le DER (AADSTS2205011 à la connexion).',
        fix: 'Faites émettre la CRL en DER par l’autorité de certification : la réencoder casserait sa signature, qui porte sur les octets BER.',
      },
      'constructed-primitive': {
        message:
          'La CRL{delta} "{source}" est en BER et non en DER (un encodage construit d’un type primitif à l’octet {offset}). Entra exige le DER (AADSTS2205011 à la connexion).',
        fix: 'Faites émettre la CRL en DER par l’autorité de certification : la réencoder casserait sa signature, qui porte sur les octets BER.',
      },
      'cut-short': {
        message:
          'La CRL{delta} "{source}" n’est pas en DER : une valeur est tronquée à l’octet {offset}. Entra ne peut pas la lire (AADSTS2205011 à la connexion).',
      },
      'length-overflow': {
        message:
          'La CRL{delta} "{source}" n’est pas en DER : un champ de longueur déborde à l’octet {offset}. Entra ne peut pas la lire (AADSTS2205011 à la connexion).',
      },
      overrun: {
        message:
          'La CRL{delta} "{source}" n’est pas en DER : une longueur dépasse la fin de son conteneur à l’octet {offset}. Entra ne peut pas la lire (AADSTS2205011 à la connexion).',
      },
      empty: {
        message:
          'La CRL{delta} "{source}" n’est pas en DER : il n’y a aucun octet. Entra ne peut pas la lire (AADSTS2205011 à la connexion).',
      },
      'too-large': {
        message:
          'La CRL{delta} "{source}" n’est pas en DER : elle fait {size} octets, plus que les {limit} acceptés. Entra ne peut pas la lire (AADSTS2205011 à la connexion).',
      },
      trailing: {
        message:
          'La CRL{delta} "{source}" n’est pas en DER : {count} octet(s) suivent la CertificateList. Entra ne peut pas la lire (AADSTS2205011 à la connexion).',
      },
      'pem-unreadable': {
        message:
          'La CRL{delta} "{source}" n’est pas en DER : c’est du texte PEM sans bloc X509 CRL lisible. Entra ne peut pas la lire (AADSTS2205011 à la connexion).',
      },
    },
  },
  'crl.not-a-crl': {
    message:
      '"{source}" n’est pas une CRL : ce n’est pas une CertificateList (RFC 5280 §5.1). Entra ne peut pas l’utiliser (AADSTS500174 à la connexion).',
    fix: 'Indiquez (ou publiez à l’URL) le fichier de CRL de l’autorité de certification, une CertificateList DER, et non un certificat ou un autre type de fichier.',
    variants: {
      certificate: {
        message:
          '"{source}" n’est pas une CRL : c’est un certificat X.509 ({subject}). Entra ne peut pas l’utiliser (AADSTS500174 à la connexion).',
      },
      'pem-other': {
        message:
          '"{source}" n’est pas une CRL : c’est un PEM « {label} », et non un PEM « X509 CRL ». Entra ne peut pas l’utiliser (AADSTS500174 à la connexion).',
      },
      'pem-several': {
        message:
          '"{source}" contient {count} CRL PEM : donnez une CRL par fichier. Entra ne peut pas l’utiliser (AADSTS500174 à la connexion).',
      },
    },
  },
  'crl.pem-armour': {
    message: 'La CRL{delta} à "{source}" est servie en texte PEM ; Entra a besoin des octets DER (AADSTS2205011 à la connexion).',
    fix: 'Servez la forme DER à cette URL : `openssl crl -in crl.pem -outform DER -out crl.crl`.',
    variants: {
      file: {
        message:
          'Le fichier "{source}" contient la CRL{delta} en texte PEM ; elle a été lue, mais le point de distribution doit servir du DER (sinon AADSTS2205011).',
        fix: 'Assurez-vous que l’URL sert la forme DER (`openssl crl -in crl.pem -outform DER`).',
      },
    },
  },
  'crl.unmatched': {
    message: 'La CRL{delta} "{source}" (émetteur {issuer}, AKI {aki}) n’a été émise par aucune des autorités de certification de la liste.',
    fix: 'Indiquez la CRL d’une autorité de la liste, ou ajoutez l’autorité qui l’a émise (avec toutes les autorités jusqu’à sa racine).',
  },
  'crl.issuer-mismatch': {
    message: 'La CRL{delta} "{source}" indique l’émetteur {issuer}, mais l’autorité de certification {ca} est {subject}.',
    fix: 'Vérifiez qu’il s’agit bien de la CRL de l’autorité {ca} : la CRL d’une autorité indique le sujet de cette autorité comme émetteur (RFC 5280 §7.1).',
  },
  'crl.aki-mismatch': {
    message:
      'La CRL{delta} "{source}" a l’AuthorityKeyIdentifier {aki}, mais le SubjectKeyIdentifier (issuerSki) de l’autorité {ca} est {ski} : Entra la rejette (AADSTS2205015 à la connexion).',
    fix: 'Publiez la CRL signée par la clé actuelle de cette autorité, ou listez le certificat d’autorité dont le SKI est {aki}.',
    variants: {
      missing: {
        message:
          'La CRL{delta} "{source}" n’a pas d’AuthorityKeyIdentifier : Entra ne peut pas la rattacher à l’autorité {ca} (SKI {ski} ; AADSTS2205015 à la connexion).',
        fix: 'Faites émettre les CRL avec un authorityKeyIdentifier (Entra exige SKI et AKI quand les CRL sont utilisées).',
      },
      'ca-has-no-ski': {
        message:
          'L’autorité {ca} n’a pas de SubjectKeyIdentifier : Entra ne peut pas lui rattacher la CRL{delta} "{source}" (AKI {aki} ; AADSTS2205015 à la connexion).',
        fix: 'Réémettez le certificat d’autorité avec un subjectKeyIdentifier égal à {aki}.',
      },
    },
  },
  'crl.signature-invalid': {
    message:
      'La CRL{delta} "{source}" ne se vérifie pas avec la clé de l’autorité {ca} ({subject}) : elle a été signée par une autre clé ou modifiée (AADSTS2205015 à la connexion).',
    fix: 'Publiez la CRL signée par cette autorité ; si sa clé a changé, listez son certificat actuel.',
    variants: {
      'algorithm-mismatch': {
        message:
          'La CRL{delta} "{source}" indique des algorithmes de signature différents dans sa partie signée et en dehors (RFC 5280 §5.1.1.2).',
        fix: 'Ne faites pas confiance à cette CRL : une CRL authentique indique deux fois le même algorithme.',
      },
    },
  },
  'crl.signature-unverifiable': {
    message: 'La signature de la CRL{delta} "{source}" ({algorithm}) ne peut pas être vérifiée ici ; son origine est supposée.',
    fix: 'Vérifiez la CRL avec `openssl crl -verify -CAfile ca.pem`.',
  },
  'crl.expired': {
    message: 'La CRL{delta} "{source}" a expiré le {nextUpdate} (nextUpdate) : les connexions qui en ont besoin échouent (AADSTS500172).',
    fix: 'Faites publier une nouvelle CRL par l’autorité de certification, et planifiez la publication bien avant nextUpdate.',
  },
  'crl.not-yet-valid': {
    message: 'La CRL{delta} "{source}" n’est pas valide avant le {thisUpdate} (thisUpdate) (AADSTS500172 à la connexion).',
    fix: 'Vérifiez l’horloge de l’autorité de certification, et la date de vérification (--at).',
  },
  'crl.next-update-missing': {
    message: 'La CRL{delta} "{source}" n’a pas de nextUpdate.',
    fix: 'Faites écrire nextUpdate dans les CRL de l’autorité (la RFC 5280 l’exige).',
  },
  'crl.number-critical': {
    message:
      'La CRL{delta} "{source}" marque son numéro de CRL comme critique, ce que la RFC 5280 §5.2.3 interdit : les vérificateurs qui ne le traitent pas comme critique (OpenSSL) refusent toute la CRL.',
    fix: 'Faites écrire l’extension cRLNumber comme non critique par l’autorité.',
  },
  'crl.number-missing': {
    message: 'La CRL{delta} "{source}" n’a pas de numéro de CRL ; Entra ordonne les CRL successives selon ce numéro.',
    fix: 'Faites écrire l’extension cRLNumber par l’autorité, croissante à chaque CRL.',
  },
  'crl.unknown-critical-extension': {
    message:
      'La CRL{delta} "{source}" a des extensions critiques qui ne sont pas traitées ici ({extensions}) : elle ne peut donc pas décider de la révocation.',
    fix: 'Vérifiez la CRL avec l’autorité de certification ; une CRL destinée à Entra ne devrait porter que des extensions standard.',
  },
  'crl.delta-indicator': {
    message: 'L’URL de CRL delta sert "{source}", une CRL complète (sans deltaCRLIndicator).',
    fix: 'Faites pointer deltaCertificateRevocationListUrl vers la CRL delta (sur les autorités Windows, son fichier se termine souvent par « +.crl »).',
    variants: {
      'on-base': {
        message: 'L’URL de CRL de base sert "{source}", une CRL delta de la CRL de base numéro {base}.',
        fix: 'Faites pointer certificateRevocationListUrl vers la CRL complète, et l’URL delta vers celle-ci.',
      },
    },
  },
  'crl.delta-base-too-old': {
    message: 'La CRL delta "{source}" a besoin d’une CRL complète de numéro {wants} ou plus, mais "{baseSource}" porte le numéro {has}.',
    fix: 'Publiez (ou indiquez) la CRL complète actuelle avec la CRL delta.',
  },
  'crl.delta-without-base-crl': {
    message: 'La CRL delta "{source}" de l’autorité {ca} a été indiquée sans la CRL complète qu’elle met à jour.',
    fix: 'Indiquez aussi la CRL complète de l’autorité (--crl FICHIER ; dans la bibliothèque, l’option crls ; sur la page, déposez son fichier), ou utilisez --fetch-crls.',
  },
  'crl.revokes-listed-ca': {
    message:
      '{revoked} (numéro de série {serial}) est révoqué par "{source}" depuis le {date} ({reason}) : tous les certificats d’appareil émis sous cette autorité échouent (AADSTS500171).',
    fix: 'Retirez l’autorité révoquée de la liste et réémettez les appareils sous une autorité valide, ou, si la révocation est une erreur, faites publier une CRL corrigée par son émetteur.',
  },
  'crl.too-large': {
    message:
      'La CRL{delta} "{source}" fait {size} octets, au-delà de la limite de {limit} à la connexion : les premières connexions échouent pendant qu’Entra la télécharge (AADSTS2205014).',
    fix: 'Réduisez la CRL : retirez-en les certificats expirés, publiez des CRL delta, ou partitionnez l’autorité.',
    variants: {
      download: {
        message:
          'La CRL{delta} à "{source}" a dépassé la limite de {limit} à la connexion ; le téléchargement a été arrêté là (AADSTS2205014 à la connexion).',
        fix: 'Réduisez la CRL : retirez-en les certificats expirés, publiez des CRL delta, ou partitionnez l’autorité.',
      },
    },
  },
  'crl.download-failed': {
    message: 'La CRL{delta} à "{source}" n’a pas pu être téléchargée ({detail}) (AADSTS500173 à la connexion).',
    fix: 'Faites servir la CRL à l’URL, en http, à n’importe qui sur Internet.',
    variants: {
      status: {
        message: 'La CRL{delta} à "{source}" a répondu HTTP {detail} (AADSTS500173 à la connexion : « Invalid status code {detail} »).',
        fix: 'Faites répondre 200 avec la CRL à l’URL, depuis Internet et sans authentification (les pare-feu répondent souvent 403).',
      },
      redirects: { message: 'La CRL{delta} à "{source}" a redirigé {detail} fois sans atteindre la CRL (AADSTS500173 à la connexion).' },
      scheme: {
        message: 'La CRL{delta} à "{source}" mène à une URL {detail}, qui ne peut pas être téléchargée (AADSTS500173 à la connexion).',
      },
      network: { message: 'La CRL{delta} à "{source}" n’a pas pu être atteinte : {detail} (AADSTS500173 à la connexion).' },
    },
  },
  'crl.download-timeout': {
    message:
      'La CRL{delta} à "{source}" n’a pas été téléchargée en {seconds} secondes, le temps qu’Entra accorde (AADSTS2205012 à la connexion).',
    fix: 'Hébergez la CRL sur un serveur rapide et hautement disponible, ou un CDN, et gardez-la petite.',
  },
  'crl.checked': {
    message:
      'La CRL{delta} "{source}" de l’autorité {ca} ({subject}), numéro {number}, liste {count} certificat(s) révoqué(s) et est valide jusqu’au {nextUpdate} : elle expire dans {hours} heures.',
    variants: {
      'no-url': {
        message:
          'La CRL{delta} "{source}" appartient à l’autorité {ca} ({subject}), qui ne configure pas d’URL pour elle : Entra n’y vérifie donc pas la révocation.',
        fix: 'Définissez l’URL de CRL{delta} de l’autorité sur l’adresse où cette CRL est publiée, si les appareils doivent être vérifiés avec elle.',
      },
      'out-of-window': {
        message: 'La CRL{delta} "{source}" de l’autorité {ca} ({subject}), numéro {number}, liste {count} certificat(s) révoqué(s).',
      },
      'no-next-update': {
        message:
          'La CRL{delta} "{source}" de l’autorité {ca} ({subject}), numéro {number}, liste {count} certificat(s) révoqué(s) et n’a pas de fin de validité.',
      },
    },
  },
  'crl.not-checked': {
    message: 'Aucune CRL n’a été indiquée pour "{url}" ; Entra la télécharge à la connexion, et elle n’a pas été vérifiée ici.',
    fix: 'Indiquez cette CRL (--crl FICHIER ; dans la bibliothèque, l’option crls ; sur la page, déposez son fichier), ou téléchargez toutes les CRL configurées avec --fetch-crls.',
  },
  'certificate.expires-soon': {
    message: '{subject} expire le {notAfter}, dans {days} jours (horizon d’avertissement : {horizon} jours).',
    fix: 'Renouvelez l’autorité et remplacez-la dans la liste avant son expiration ; les appareils qu’elle a émis cessent alors de s’authentifier.',
    variants: {
      first: {
        message:
          '{subject} expire le {notAfter}, dans {days} jours (horizon d’avertissement : {horizon} jours) ; c’est la première autorité de la liste à expirer, et à partir de là et jusqu’à ce qu’elle soit retirée ou remplacée, les chargements de nouvelles autorités échouent.',
      },
    },
  },
} as const satisfies Catalogue;

/** Checked when compiling: a French text that lacks an English key, variant, fix or placeholder (or adds one) is named here. */
const overlaysEnglish: [OverlayMismatches<typeof en, typeof fr>] extends [never] ? true : OverlayMismatches<typeof en, typeof fr> = true;
void overlaysEnglish;
