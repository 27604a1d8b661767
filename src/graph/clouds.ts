/**
 * The national clouds the update page lists, their Graph base URLs, and the URLs of the trust-list resource
 * (docs/graph-api.md "The call").
 */

export const CLOUD_BASE_URLS = {
  global: 'https://graph.microsoft.com',
  usgov: 'https://graph.microsoft.us',
  dod: 'https://dod-graph.microsoft.us',
  china: 'https://microsoftgraph.chinacloudapi.cn',
} as const;

export type Cloud = keyof typeof CLOUD_BASE_URLS;

export const CLOUDS = Object.keys(CLOUD_BASE_URLS) as Cloud[];

/** Each cloud as the API pages' availability table names it. */
export const CLOUD_NAMES: Record<Cloud, string> = {
  global: 'Global service',
  usgov: 'US Government L4',
  dod: 'US Government L5 (DOD)',
  china: 'China operated by 21Vianet',
};

/**
 * Where Microsoft documents this API as available: only the global service. The update, create, get and list pages'
 * tables ("This API is available in the following national cloud deployments") mark the three national clouds ❌, and
 * their beta metadata has no mutualTlsOauthConfigurations (docs/graph-api.md "The call").
 */
export const DOCUMENTED_CLOUDS: ReadonlySet<Cloud> = new Set<Cloud>(['global']);

/** The page that documents it. */
export const CLOUD_AVAILABILITY_SOURCE = 'https://learn.microsoft.com/graph/api/mutualtlsoauthconfiguration-update?view=graph-rest-beta';

/** The availability table as the update page shows it (its ✅ and ❌ in words), for messages that quote their source. */
export const CLOUD_AVAILABILITY_TABLE = CLOUDS.map(
  (c) => `${CLOUD_NAMES[c]}: ${DOCUMENTED_CLOUDS.has(c) ? 'available' : 'not available'}`,
).join(', ');

export function isDocumentedCloud(cloud: Cloud): boolean {
  return DOCUMENTED_CLOUDS.has(cloud);
}

/** The collection, relative to a cloud's base URL (beta only). */
export const CONFIGURATIONS_PATH = '/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations';

/** The permission the update needs (delegated work or school account, or application); least privileged, no higher one exists. */
export const PATCH_PERMISSION = 'MutualTlsOauthConfiguration.ReadWrite.All';

export function isCloud(value: unknown): value is Cloud {
  return typeof value === 'string' && Object.hasOwn(CLOUD_BASE_URLS, value);
}

/** `<base>/beta/directory/certificateAuthorities/mutualTlsOauthConfigurations/<id>`, the id percent-encoded as a path segment. */
export function configurationUrl(id: string, cloud: Cloud = 'global'): string {
  return `${CLOUD_BASE_URLS[cloud]}${CONFIGURATIONS_PATH}/${encodeURIComponent(id)}`;
}

/** The cloud whose base URL starts `url`, or null. */
export function cloudOfUrl(url: string): Cloud | null {
  let origin: string;
  try {
    origin = new URL(url).origin;
  } catch {
    return null;
  }
  return CLOUDS.find((c) => CLOUD_BASE_URLS[c] === origin) ?? null;
}

/** The `@odata.context` of a single resource, as on the update page's responses, with the cloud's base. */
export function entityContextUrl(cloud: Cloud = 'global'): string {
  return `${CLOUD_BASE_URLS[cloud]}/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations/$entity`;
}

/** The `@odata.context` of the collection (OData JSON §10: the entity set without `/$entity`). */
export function collectionContextUrl(cloud: Cloud = 'global'): string {
  return `${CLOUD_BASE_URLS[cloud]}/beta/$metadata#directory/certificateAuthorities/mutualTlsOauthConfigurations`;
}
