/**
 * The page's own words. Findings, fixes and the predicted Graph response come from `preflight(…, { lang })`;
 * only the labels around them live here.
 */
import type { Lang, Severity } from '../src/index.js';

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
  summary: (counts: Record<Severity, number>, accepted: boolean) => string;
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
  currentNotJson: (reason: string) => string;
  root: string;
  intermediate: string;
  offline: string;
  cloud: string;
  noChange: string;
  absent: string;
  diffAdded: string;
  diffRemoved: string;
  diffChanged: string;
  diffUnchanged: (n: number) => string;
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
    addFiles: 'Add certificate files',
    addFilesHelp:
      'Drop .cer, .crt, .der or .pem files (a chain too) or a .p7b bundle here, or press to choose them. Each certificate is appended to the list above.',
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
    summary: (c, accepted) =>
      `${plural(c.error, 'error', 'errors')}, ${plural(c.warning, 'warning', 'warnings')}, ${plural(c.info, 'note', 'notes')}. ` +
      (accepted ? 'Graph would answer 200 OK.' : 'Graph would answer 400 Bad Request.'),
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
    currentNotJson: (reason) => `The current resource is not JSON (${reason}): fix it or clear it.`,
    root: 'root',
    intermediate: 'intermediate',
    offline: 'Works offline: once loaded, this page makes no network requests.',
    cloud: 'Cloud (for the request URL)',
    noChange: 'No change: there is nothing to send.',
    absent: '(absent)',
    diffAdded: 'added',
    diffRemoved: 'removed',
    diffChanged: 'changed',
    diffUnchanged: (n) => `${plural(n, 'CA', 'CAs')} unchanged`,
  },
  fr: {
    title: 'Vérification préalable de la liste d’autorités de certification',
    intro:
      'Vérifiez une mise à jour mutualTlsOauthConfiguration de Microsoft Graph avant de l’envoyer. Tout se passe dans cette page : aucun certificat ne quitte votre ordinateur.',
    language: 'Langue',
    bodyLabel: 'Corps de la requête (PATCH) ou réponse GET',
    bodyHelp: 'Collez le JSON ici ; le collage lance la vérification. Ctrl+Entrée aussi.',
    addFiles: 'Ajouter des fichiers de certificat',
    addFilesHelp:
      'Déposez ici des fichiers .cer, .crt, .der ou .pem (une chaîne aussi) ou un lot .p7b, ou appuyez pour les choisir. Chaque certificat est ajouté à la liste ci-dessus.',
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
    summary: (c, accepted) =>
      `${pluriel(c.error, 'erreur', 'erreurs')}, ${pluriel(c.warning, 'avertissement', 'avertissements')}, ${pluriel(c.info, 'remarque', 'remarques')}. ` +
      (accepted ? 'Graph répondrait 200 OK.' : 'Graph répondrait 400 Bad Request.'),
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
    currentNotJson: (reason) => `La ressource actuelle n’est pas du JSON (${reason}) : corrigez-la ou videz-la.`,
    root: 'racine',
    intermediate: 'intermédiaire',
    offline: 'Fonctionne hors ligne : une fois chargée, cette page ne fait aucune requête réseau.',
    cloud: 'Cloud (pour l’URL de la requête)',
    noChange: 'Aucun changement : rien à envoyer.',
    absent: '(absent)',
    diffAdded: 'ajoutée',
    diffRemoved: 'retirée',
    diffChanged: 'modifiée',
    diffUnchanged: (n) => `${pluriel(n, 'autorité inchangée', 'autorités inchangées')}`,
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
