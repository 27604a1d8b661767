/** The French words of terms-en.ts (loaded with the French catalogue). */
import type { Terms } from './terms-en.js';

export const frTerms: Terms = {
  'json.null': 'null',
  'json.array': 'tableau',
  'json.object': 'objet',
  'json.string': 'chaîne',
  'json.number': 'nombre',
  'json.boolean': 'booléen',
  none: '(aucun)',
  'no-ski': '(aucun : le certificat n’a pas de SKI)',
  'empty-name': '(nom vide)',
  'empty-subject': '(sujet vide)',
  'no-reason': 'sans motif indiqué',
  'cut-value': '… ({length} caractères)',
  'type.resource-on-entry': 'la ressource de liste de confiance (sur une entrée)',
  'type.entry-on-resource': 'le type des entrées (sur la ressource)',
  'type.app-store': 'le magasin de confiance des certificats d’application',
  'type.app-store-entry': 'l’entrée du magasin de confiance des certificats d’application',
  'type.pki-entry': 'l’entrée du magasin de confiance PKI',
  'type.pki-store': 'le magasin de confiance PKI',
  'type.classic-store': 'le magasin classique de l’authentification par certificat',
  'type.abstract-base': 'le type de base abstrait de cette ressource',
  'type.app-abstract-base': 'le type de base abstrait du magasin des certificats d’application',
  'type.path': 'le conteneur certificateAuthorities',
  'type.directory-object': 'le type de base de cette ressource',
  'type.entity': 'la racine de tous les types d’entité',
  'sibling.detail-and-entity': 'certificateAuthorityDetail, certificateAuthorityAsEntity',
  'sibling.update-page': 'les exemples de la page de mise à jour (une erreur de la documentation)',
  'sibling.pki-store': 'certificateAuthorityDetail (le magasin PKI)',
  'server.documented': 'les pages de mise à jour et de création',
  'server.template-other-member': 'le modèle documenté pour « certificate » (page de mise à jour), appliqué à une autre propriété',
  'server.not-json': 'microsoft-graph-docs-contrib#6337 (un corps qui n’est pas du JSON)',
  'server.not-object':
    'le message observé pour une charge illisible (microsoft-graph-docs-contrib#6337) ; pour une valeur JSON qui n’est pas un objet, une déduction',
  'server.odata-type-invalid': 'msgraph-sdk-dotnet#601',
  'server.odata-type-wrong':
    'le message de la bibliothèque OData pour un type non assignable (OData/WebApi) ; la formulation exacte de l’annuaire n’est pas documentée',
  'server.read-only':
    'sur d’autres ressources de l’annuaire (msgraph-beta-sdk-java#621, microsoft-graph-docs-contrib#6969) ; pour ce point de terminaison, le message est une déduction',
  'server.unknown-member': 'sur les objets de l’annuaire (msgraph-sdk-powershell#3230) ; pour ce point de terminaison, une déduction',
  'server.unknown-entry-member':
    'sur les objets de l’annuaire (msgraph-sdk-powershell#3230) ; pour une propriété d’un type complexe fermé, une déduction',
  'server.directory-extension': 'la réponse observée aux propriétés qu’un objet de l’annuaire n’a pas (msgraph-sdk-powershell#3230)',
  'server.collection-response':
    'la réponse aux propriétés qu’un objet de l’annuaire n’a pas (msgraph-sdk-powershell#3230) ; pour « value », une déduction',
};
