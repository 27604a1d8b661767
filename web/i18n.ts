/**
 * The page's own words. Findings, fixes and the predicted Graph response come from `preflight(…, { lang })`;
 * only the labels around them live here.
 */
import { CLOUD_NAMES, type Cloud, type Lang, type Severity, type Verdict } from '../src/index.js';
import { CLOUD_AVAILABILITY_TABLE, CLOUDS, isDocumentedCloud } from '../src/graph/clouds.js';

export interface Labels {
  title: string;
  intro: string;
  language: string;
  bodyLabel: string;
  bodyHelp: string;
  addFiles: string;
  addFilesHelp: string;
  fileInput: string;
  currentSummary: string;
  currentLabel: string;
  currentHelp: string;
  options: string;
  atLabel: string;
  atHelp: string;
  strictLabel: string;
  check: string;
  results: string;
  findings: string;
  graphResponse: string;
  request: string;
  requestHelpPlain: string;
  requestHelpDiff: string;
  diff: string;
  copy: string;
  copied: string;
  copyCurl: string;
  copiedCurl: string;
  copyFailed: string;
  notChecked: string;
  checking: string;
  noFindings: string;
  severity: Record<Severity, string>;
  /** `unchanged`: read-only members sent back unchanged, on which an accepted verdict rests (body.read-only-unchanged). */
  summary: (counts: Record<Severity, number>, verdict: Verdict, unchanged?: readonly string[]) => string;
  /** When the first listed CA expires, and what that means for uploads. */
  firstExpiry: (index: number, subject: string, notAfter: string, days: number) => string;
  /** Shown in place of a response when the server's answer to the errors is not documented. */
  answerUnknown: string;
  line: (line: number, column: number) => string;
  fixPrefix: string;
  wouldAccept: string;
  wouldRefuse: string;
  added: (n: number, names: string[]) => string;
  alreadyListed: (name: string) => string;
  fileNote: (file: string, note: string) => string;
  bodyNotJson: string;
  bodyNotObject: string;
  listNotArray: string;
  /** `where`: the line and column (from `line`) of the first problem, when known. */
  currentNotJson: (where: string | null) => string;
  root: string;
  intermediate: string;
  offline: string;
  cloud: string;
  noChange: string;
  absent: string;
  requestRefused: string;
  refusedRemoval: (names: string[]) => string;
  refusedFindings: (errors: number, where: string[]) => string;
  refusedCloud: (cloud: Cloud, source: string) => string;
  refusedInput: (message: string) => string;
  chooseConfiguration: (ids: string[]) => string;
  configurationNotFound: (id: string | null, ids: string[]) => string;
  removalsLegend: string;
  removalsHelp: string;
  cannotAllowRemoval: string;
  allowCloudLabel: string;
  allowCloudHelp: string;
  configIdLabel: string;
  configIdHelp: string;
  diffAdded: string;
  diffRemoved: string;
  diffChanged: string;
  diffUnchanged: (n: number) => string;
  crlsShown: (names: string[]) => string;
  clearCrls: string;
  deviceHeading: string;
  deviceHelp: string;
  deviceChoose: string;
  deviceFileInput: string;
  deviceParameterLabel: string;
  deviceParameterUnset: string;
  deviceNotChecked: string;
  deviceChecking: string;
  devicePath: string;
  deviceFindings: string;
  deviceFile: string;
  deviceIsCrl: (file: string) => string;
  deviceSubject: string;
  deviceIssuer: string;
  deviceValidity: string;
  deviceIdentity: (parameter: string) => string;
  deviceWindows: string;
  deviceNone: string;
  deviceItself: string;
  deviceNoPath: string;
  deviceRoot: string;
  deviceYes: string;
  deviceNo: (failures: number, codes: string[]) => string;
  deviceCodesBasis: string;
  deviceConfiguration: (message: string) => string;
  deviceNeedsBody: string;
  deviceBodyNotJson: string;
  deviceChooseConfiguration: (ids: string[]) => string;
  deviceConfigurationNotFound: (id: string | null, ids: string[]) => string;
  deviceSeveralFiles: (used: string, count: number) => string;
}

/** English counts 0 as plural ("0 errors"), French as singular ("0 erreur"). */
const plural = (n: number, one: string, many: string) => `${n} ${n === 1 ? one : many}`;
const pluriel = (n: number, un: string, plusieurs: string) => `${n} ${n < 2 ? un : plusieurs}`;

export const LABELS: Record<Lang, Labels> = {
  en: {
    title: 'CA trust-list preflight',
    intro:
      'Check a Microsoft Graph mutualTlsOauthConfiguration update before you send it. Everything runs in this page: no certificate leaves your computer.',
    language: 'Language',
    bodyLabel: 'Request body (PATCH) or GET response',
    bodyHelp: 'Paste JSON here; pasting checks it at once. Ctrl+Enter checks too.',
    addFiles: 'Add certificate or CRL files',
    addFilesHelp:
      'Drop .cer, .crt, .der or .pem files (a chain too), a .p7b bundle or .crl files here, or press to choose them. Each certificate is appended to the list above; each CRL is checked against the CA it belongs to.',
    fileInput: 'Certificate files',
    currentSummary: 'Current resource (optional)',
    currentLabel: 'Current resource: the GET response being replaced',
    currentHelp: 'With it, the check lists the CAs the update removes and the request shows only what changes.',
    options: 'Options',
    atLabel: 'Check as of (blank: now)',
    atHelp: 'Validity periods are judged at this local date and time.',
    strictLabel: 'Strict: warnings about inferred server behaviour become errors',
    check: 'Check',
    results: 'Results',
    findings: 'Findings',
    graphResponse: 'Predicted Graph response',
    request: 'Request',
    requestHelpPlain: 'The body checked above, as the PATCH request to send.',
    requestHelpDiff: 'Only what changes against the current resource, ready to send.',
    diff: 'Changes against the current resource',
    copy: 'Copy request body',
    copied: 'Request body copied to the clipboard.',
    copyCurl: 'Copy as curl command',
    copiedCurl: 'curl command copied to the clipboard.',
    copyFailed: 'Could not copy: select the text and copy it by hand.',
    notChecked: 'Not checked yet.',
    checking: 'Checking…',
    noFindings: 'No findings.',
    severity: { error: 'error', warning: 'warning', info: 'info' },
    summary: (c, verdict, unchanged = []) =>
      `${plural(c.error, 'error', 'errors')}, ${plural(c.warning, 'warning', 'warnings')}, ${plural(c.info, 'note', 'notes')}. ` +
      (verdict === 'accepted'
        ? unchanged.length
          ? `Graph would answer 200 OK if it ignores the unchanged read-only ${unchanged.join(', ')}, as its guidelines say; other directory resources have answered 400.`
          : 'Graph would answer 200 OK.'
        : verdict === 'rejected'
          ? 'Graph would answer 400 Bad Request.'
          : "Graph's answer is not known: nothing documents how it treats these errors."),
    answerUnknown: 'Not known: no documented answer of this endpoint for these errors (see the findings).',
    firstExpiry: (index, subject, notAfter, days) =>
      `First CA to expire: #${index} ${subject}, on ${notAfter} (in ${plural(days, 'day', 'days')}). From then until it is removed or replaced, uploads of new CAs fail.`,
    line: (l, c) => `line ${l}, column ${c}`,
    fixPrefix: 'Fix:',
    wouldAccept: 'Graph would accept this body.',
    wouldRefuse: 'Graph would refuse this body: fix the errors first.',
    added: (n, names) => `Added ${plural(n, 'certificate', 'certificates')}${names.length ? `: ${names.join('; ')}` : ''}.`,
    alreadyListed: (name) => `Already in the list, not added again: ${name}.`,
    fileNote: (file, note) => `${file}: ${note}`,
    bodyNotJson: 'The body is not JSON, so certificates cannot be added to it: fix it or clear it first.',
    bodyNotObject: 'The body is not a JSON object, so certificates cannot be added to it: clear it first.',
    listNotArray: 'certificateAuthorities is not an array, so certificates cannot be added to it.',
    currentNotJson: (where) => `The current resource is not JSON${where ? ` (at ${where})` : ''}: fix it or clear it.`,
    root: 'root',
    intermediate: 'intermediate',
    offline: 'Works offline: once loaded, this page makes no network requests.',
    cloud: 'Cloud (for the request URL)',
    noChange: 'No change: there is nothing to send.',
    absent: '(absent)',
    requestRefused: 'Refused: nothing may be sent until the reasons below are dealt with.',
    refusedRemoval: (names) =>
      `The update would remove ${plural(names.length, 'CA', 'CAs')} from the current list: ${names.join('; ')}. Graph deletes every CA the list leaves out: keep ${names.length === 1 ? 'it' : 'them'} in the body, or allow each removal below.`,
    refusedFindings: (n, where) =>
      `The request, as it would be sent, has ${plural(n, 'error', 'errors')}${where.length ? ` (${where.join('; ')})` : ''}: fix ${n === 1 ? 'it' : 'them'} first.`,
    refusedCloud: (cloud, source) =>
      `Microsoft does not document this API as available in ${CLOUD_NAMES[cloud]}: its availability table reads "${CLOUD_AVAILABILITY_TABLE}" (${source}). If you know it is available there now, tick "Build it anyway" in the options.`,
    refusedInput: (message) => `The request cannot be built: ${message}.`,
    chooseConfiguration: (ids) =>
      `The current resource is a collection response with ${ids.length} configurations (${ids.join(', ')}): choose one with the configuration id in the options.`,
    configurationNotFound: (id, ids) =>
      id === null
        ? 'The current resource is a collection response with no configuration in it.'
        : `The current resource is a collection response without a configuration whose id is "${id}" (ids: ${ids.join(', ') || 'none'}).`,
    removalsLegend: 'Allow these removals',
    removalsHelp:
      'Graph deletes every CA the list leaves out. Tick each CA that may go: the request is built only when every removal is allowed.',
    cannotAllowRemoval:
      'its certificate cannot be decoded, so it cannot be allowed by name: fix the current resource, or keep it in the body',
    allowCloudLabel: 'Build it anyway: I know this API is available in that cloud now',
    allowCloudHelp: 'Microsoft documents this API as available only in the global service.',
    configIdLabel: 'Configuration id (optional)',
    configIdHelp: 'Chooses the configuration of a collection GET that holds several, or names a current resource that has no id.',
    diffAdded: 'added',
    diffRemoved: 'removed',
    diffChanged: 'changed',
    diffUnchanged: (n) => `${plural(n, 'CA', 'CAs')} unchanged`,
    crlsShown: (names) => `CRLs checked against the list: ${names.join('; ')}.`,
    clearCrls: 'Remove the CRLs',
    deviceHeading: 'Test a device certificate',
    deviceHelp:
      'Will this device sign in with the configuration above? Choose or drop its certificate (.cer, .pem, a chain with the device first, or a .p7b): the path to a listed root, the certificate itself, revocation against the CRLs added, and the identity Entra reads from it.',
    deviceChoose: 'Choose or drop a device certificate',
    deviceFileInput: 'Device certificate file',
    deviceParameterLabel: 'Identity field, when the configuration does not say (a PATCH body)',
    deviceParameterUnset: 'As configured (else subject DN)',
    deviceNotChecked: 'No device certificate chosen yet.',
    deviceChecking: 'Checking the device…',
    devicePath: 'Path to the listed root',
    deviceFindings: 'Device findings',
    deviceFile: 'File',
    deviceIsCrl: (file) =>
      `${file} is a CRL, not a device certificate: add it with the certificate files above, and the device is checked against it.`,
    deviceSubject: 'Subject',
    deviceIssuer: 'Issuer',
    deviceValidity: 'Valid',
    deviceIdentity: (parameter) => `Identity (${parameter})`,
    deviceWindows: 'Windows form',
    deviceNone: '(none)',
    deviceItself: '(the device certificate)',
    deviceNoPath: 'No path to a listed root.',
    deviceRoot: 'root',
    deviceYes: 'The device would authenticate.',
    deviceNo: (n, codes) =>
      `The device would not authenticate: ${plural(n, 'failure', 'failures')}${codes.length ? ` (${codes.join(', ')})` : ''}.`,
    deviceCodesBasis: 'AADSTS codes as Entra documents them for certificate-based authentication; for device mTLS they are inferred.',
    deviceConfiguration: (message) => `The device cannot be checked against the configuration above: ${message}.`,
    deviceNeedsBody:
      'There is no configuration to check the device against yet: paste a body or a GET response above, or add its CA certificate files.',
    deviceBodyNotJson: 'The request body above is not JSON, so the device cannot be checked against it: its finding says where to fix it.',
    deviceChooseConfiguration: (ids) =>
      `The request body above is a collection response with ${ids.length} configurations (${ids.join(', ')}): choose the one to check the device against with the configuration id in the options.`,
    deviceConfigurationNotFound: (id, ids) =>
      id === null
        ? 'The request body above is a collection response with no configuration in it: there is nothing to check the device against.'
        : `The request body above is a collection response without a configuration whose id is "${id}" (ids: ${ids.join(', ') || 'none'}).`,
    deviceSeveralFiles: (used, count) => `${count} files were given; the device panel checks one: ${used}.`,
  },
  fr: {
    title: 'Vérification préalable de la liste d’autorités de certification',
    intro:
      'Vérifiez une mise à jour mutualTlsOauthConfiguration de Microsoft Graph avant de l’envoyer. Tout se passe dans cette page : aucun certificat ne quitte votre ordinateur.',
    language: 'Langue',
    bodyLabel: 'Corps de la requête (PATCH) ou réponse GET',
    bodyHelp: 'Collez le JSON ici ; le collage lance la vérification. Ctrl+Entrée aussi.',
    addFiles: 'Ajouter des fichiers de certificat ou de CRL',
    addFilesHelp:
      'Déposez ici des fichiers .cer, .crt, .der ou .pem (une chaîne aussi), un lot .p7b ou des fichiers .crl, ou appuyez pour les choisir. Chaque certificat est ajouté à la liste ci-dessus ; chaque CRL est vérifiée avec l’autorité dont elle dépend.',
    fileInput: 'Fichiers de certificat',
    currentSummary: 'Ressource actuelle (facultatif)',
    currentLabel: 'Ressource actuelle : la réponse GET que la mise à jour remplace',
    currentHelp: 'Avec elle, la vérification liste les autorités retirées et la requête ne montre que ce qui change.',
    options: 'Options',
    atLabel: 'Vérifier à la date du (vide : maintenant)',
    atHelp: 'Les périodes de validité sont jugées à cette date et heure locales.',
    strictLabel: 'Strict : les avertissements sur un comportement déduit du serveur deviennent des erreurs',
    check: 'Vérifier',
    results: 'Résultats',
    findings: 'Constats',
    graphResponse: 'Réponse prévue de Graph',
    request: 'Requête',
    requestHelpPlain: 'Le corps vérifié ci-dessus, sous forme de requête PATCH à envoyer.',
    requestHelpDiff: 'Seulement ce qui change par rapport à la ressource actuelle, prêt à envoyer.',
    diff: 'Changements par rapport à la ressource actuelle',
    copy: 'Copier le corps de la requête',
    copied: 'Corps de la requête copié dans le presse-papiers.',
    copyCurl: 'Copier en commande curl',
    copiedCurl: 'Commande curl copiée dans le presse-papiers.',
    copyFailed: 'Copie impossible : sélectionnez le texte et copiez-le à la main.',
    notChecked: 'Pas encore vérifié.',
    checking: 'Vérification…',
    noFindings: 'Aucun constat.',
    severity: { error: 'erreur', warning: 'avertissement', info: 'info' },
    summary: (c, verdict, unchanged = []) =>
      `${pluriel(c.error, 'erreur', 'erreurs')}, ${pluriel(c.warning, 'avertissement', 'avertissements')}, ${pluriel(c.info, 'remarque', 'remarques')}. ` +
      (verdict === 'accepted'
        ? unchanged.length
          ? `Graph répondrait 200 OK s’il ignore ${unchanged.join(', ')}, en lecture seule et renvoyé inchangé, comme le disent ses recommandations ; d’autres ressources de l’annuaire ont répondu 400.`
          : 'Graph répondrait 200 OK.'
        : verdict === 'rejected'
          ? 'Graph répondrait 400 Bad Request.'
          : 'La réponse de Graph n’est pas connue : rien ne documente comment il traite ces erreurs.'),
    answerUnknown: 'Inconnue : aucune réponse documentée de ce point de terminaison pour ces erreurs (voir les remarques).',
    firstExpiry: (index, subject, notAfter, days) =>
      `Première autorité à expirer : n° ${index} ${subject}, le ${notAfter} (dans ${pluriel(days, 'jour', 'jours')}). À partir de là et jusqu’à ce qu’elle soit retirée ou remplacée, les chargements de nouvelles autorités échouent.`,
    line: (l, c) => `ligne ${l}, colonne ${c}`,
    fixPrefix: 'Correction :',
    wouldAccept: 'Graph accepterait ce corps.',
    wouldRefuse: 'Graph refuserait ce corps : corrigez d’abord les erreurs.',
    added: (n, names) => `${pluriel(n, 'certificat ajouté', 'certificats ajoutés')}${names.length ? ` : ${names.join(' ; ')}` : ''}.`,
    alreadyListed: (name) => `Déjà dans la liste, non ajouté : ${name}.`,
    fileNote: (file, note) => `${file} : ${note}`,
    bodyNotJson: 'Le corps n’est pas du JSON : impossible d’y ajouter des certificats. Corrigez-le ou videz-le d’abord.',
    bodyNotObject: 'Le corps n’est pas un objet JSON : impossible d’y ajouter des certificats. Videz-le d’abord.',
    listNotArray: 'certificateAuthorities n’est pas un tableau : impossible d’y ajouter des certificats.',
    currentNotJson: (where) => `La ressource actuelle n’est pas du JSON${where ? ` (${where})` : ''} : corrigez-la ou videz-la.`,
    root: 'racine',
    intermediate: 'intermédiaire',
    offline: 'Fonctionne hors ligne : une fois chargée, cette page ne fait aucune requête réseau.',
    cloud: 'Cloud (pour l’URL de la requête)',
    noChange: 'Aucun changement : rien à envoyer.',
    absent: '(absent)',
    requestRefused: 'Refusé : rien ne peut être envoyé tant que les raisons ci-dessous demeurent.',
    refusedRemoval: (names) =>
      `La mise à jour retirerait ${pluriel(names.length, 'autorité', 'autorités')} de la liste actuelle : ${names.join(' ; ')}. Graph supprime toute autorité que la liste omet : ${names.length === 1 ? 'gardez-la' : 'gardez-les'} dans le corps, ou autorisez chaque retrait ci-dessous.`,
    refusedFindings: (n, where) =>
      `La requête, telle qu’elle serait envoyée, a ${pluriel(n, 'erreur', 'erreurs')}${where.length ? ` (${where.join(' ; ')})` : ''} : ${n === 1 ? 'corrigez-la' : 'corrigez-les'} d’abord.`,
    refusedCloud: (cloud, source) =>
      `Microsoft ne documente pas cette API comme disponible dans ${CLOUD_NAMES[cloud]} : son tableau de disponibilité indique ${CLOUDS.map((c) => `${CLOUD_NAMES[c]} : ${isDocumentedCloud(c) ? 'disponible' : 'non disponible'}`).join(', ')} (${source}). Si vous savez qu’elle y est disponible désormais, cochez « La construire quand même » dans les options.`,
    refusedInput: (message) => `La requête ne peut pas être construite : ${message}.`,
    chooseConfiguration: (ids) =>
      `La ressource actuelle est une réponse de collection de ${ids.length} configurations (${ids.join(', ')}) : choisissez-en une avec l’identifiant de configuration, dans les options.`,
    configurationNotFound: (id, ids) =>
      id === null
        ? 'La ressource actuelle est une réponse de collection qui ne contient aucune configuration.'
        : `La ressource actuelle est une réponse de collection sans configuration d’identifiant "${id}" (identifiants : ${ids.join(', ') || 'aucun'}).`,
    removalsLegend: 'Autoriser ces retraits',
    removalsHelp:
      'Graph supprime toute autorité que la liste omet. Cochez chaque autorité qui peut partir : la requête n’est construite que lorsque chaque retrait est autorisé.',
    cannotAllowRemoval:
      'son certificat ne se décode pas, elle ne peut donc pas être autorisée par son nom : corrigez la ressource actuelle, ou gardez-la dans le corps',
    allowCloudLabel: 'La construire quand même : je sais que cette API est disponible dans ce cloud désormais',
    allowCloudHelp: 'Microsoft ne documente cette API comme disponible que dans le service global.',
    configIdLabel: 'Identifiant de configuration (facultatif)',
    configIdHelp:
      'Choisit la configuration d’une réponse GET de collection qui en contient plusieurs, ou nomme une ressource actuelle sans identifiant.',
    diffAdded: 'ajoutée',
    diffRemoved: 'retirée',
    diffChanged: 'modifiée',
    diffUnchanged: (n) => `${pluriel(n, 'autorité inchangée', 'autorités inchangées')}`,
    crlsShown: (names) => `CRL vérifiées avec la liste : ${names.join(' ; ')}.`,
    clearCrls: 'Retirer les CRL',
    deviceHeading: 'Tester un certificat d’appareil',
    deviceHelp:
      'Cet appareil se connectera-t-il avec la configuration ci-dessus ? Choisissez ou déposez son certificat (.cer, .pem, une chaîne qui commence par l’appareil, ou un .p7b) : le chemin vers une racine de la liste, le certificat lui-même, la révocation selon les CRL ajoutées, et l’identité qu’Entra y lit.',
    deviceChoose: 'Choisir ou déposer un certificat d’appareil',
    deviceFileInput: 'Fichier du certificat d’appareil',
    deviceParameterLabel: 'Champ d’identité, quand la configuration ne le dit pas (un corps PATCH)',
    deviceParameterUnset: 'Configuré (sinon DN du sujet)',
    deviceNotChecked: 'Aucun certificat d’appareil choisi.',
    deviceChecking: 'Vérification de l’appareil…',
    devicePath: 'Chemin vers la racine de la liste',
    deviceFindings: 'Constats sur l’appareil',
    deviceFile: 'Fichier',
    deviceIsCrl: (file) =>
      `${file} est une CRL, pas un certificat d’appareil : ajoutez-la avec les fichiers de certificat ci-dessus, et l’appareil est vérifié avec elle.`,
    deviceSubject: 'Sujet',
    deviceIssuer: 'Émetteur',
    deviceValidity: 'Valide',
    deviceIdentity: (parameter) => `Identité (${parameter})`,
    deviceWindows: 'Forme Windows',
    deviceNone: '(aucune)',
    deviceItself: '(le certificat de l’appareil)',
    deviceNoPath: 'Aucun chemin vers une racine de la liste.',
    deviceRoot: 'racine',
    deviceYes: 'L’appareil s’authentifierait.',
    deviceNo: (n, codes) =>
      `L’appareil ne s’authentifierait pas : ${pluriel(n, 'échec', 'échecs')}${codes.length ? ` (${codes.join(', ')})` : ''}.`,
    deviceCodesBasis:
      'Codes AADSTS tels qu’Entra les documente pour l’authentification par certificat ; pour le mTLS des appareils, ils sont déduits.',
    deviceConfiguration: (message) => `L’appareil ne peut pas être vérifié avec la configuration ci-dessus : ${message}.`,
    deviceNeedsBody:
      'Il n’y a pas encore de configuration avec laquelle vérifier l’appareil : collez un corps ou une réponse GET ci-dessus, ou ajoutez les fichiers de certificat de ses autorités.',
    deviceBodyNotJson:
      'Le corps de la requête ci-dessus n’est pas du JSON : l’appareil ne peut pas être vérifié avec lui. Son constat dit où le corriger.',
    deviceChooseConfiguration: (ids) =>
      `Le corps de la requête ci-dessus est une réponse de collection de ${ids.length} configurations (${ids.join(', ')}) : choisissez celle avec laquelle vérifier l’appareil grâce à l’identifiant de configuration, dans les options.`,
    deviceConfigurationNotFound: (id, ids) =>
      id === null
        ? 'Le corps de la requête ci-dessus est une réponse de collection qui ne contient aucune configuration : rien avec quoi vérifier l’appareil.'
        : `Le corps de la requête ci-dessus est une réponse de collection sans configuration d’identifiant "${id}" (identifiants : ${ids.join(', ') || 'aucun'}).`,
    deviceSeveralFiles: (used, count) => `${count} fichiers ont été donnés ; le panneau de l’appareil en vérifie un : ${used}.`,
  },
};

/** Applies the labels to every element marked `data-i18n` (text), `data-i18n-aria-label` and `<html lang>`. */
export function applyLabels(root: Document, lang: Lang): Labels {
  const labels = LABELS[lang];
  root.documentElement.lang = lang;
  root.title = labels.title;
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n]')) {
    const value = labels[el.dataset.i18n as keyof Labels];
    if (typeof value === 'string') el.textContent = value;
  }
  for (const el of root.querySelectorAll<HTMLElement>('[data-i18n-aria-label]')) {
    const value = labels[el.dataset.i18nAriaLabel as keyof Labels];
    if (typeof value === 'string') el.setAttribute('aria-label', value);
  }
  return labels;
}
