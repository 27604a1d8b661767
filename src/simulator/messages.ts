/**
 * What the simulator answers besides the server order of `preflight`: Graph's statuses, codes and messages for
 * paths, methods, query options, authentication and the faults, each with its basis and source
 * (docs/graph-api.md "What the simulator answers"). A test checks every message against that page, so none is
 * invented or drifts. `<x>` in a template is filled per request.
 */
import { NOT_JSON_MESSAGE } from '../graph/model.js';

export type AnswerBasis = 'documented' | 'observed' | 'inferred';

export interface SimulatorAnswer {
  status: number;
  code: string;
  /** The message, verbatim; `<name>` placeholders are filled by {@link fill}. */
  template: string;
  /** The source is in docs/graph-api.md's table (kept out of the bundle). */
  basis: AnswerBasis;
}

export const ANSWERS = {
  notJson: {
    status: 400,
    code: 'BadRequest',
    template: NOT_JSON_MESSAGE,
    basis: 'observed',
  },
  resourceNotFound: {
    status: 404,
    code: 'Request_ResourceNotFound',
    template: "Resource '<id>' does not exist or one of its queried reference-property objects are not present.",
    basis: 'observed',
  },
  methodNotAllowed: {
    status: 405,
    code: 'Request_BadRequest',
    template: 'Specified HTTP method is not allowed for the request target.',
    basis: 'observed',
  },
  segmentNotFound: {
    status: 400,
    code: 'BadRequest',
    template: "Resource not found for the segment '<segment>'.",
    basis: 'observed',
  },
  selectUnknown: {
    status: 400,
    code: 'BadRequest',
    template: "Parsing OData Select and Expand failed: Could not find a property named '<property>' on type '<type>'.",
    basis: 'observed',
  },
  filterProperty: {
    status: 400,
    code: 'Request_UnsupportedQuery',
    template: "Unsupported or invalid query filter clause specified for property '<property>' of resource '<resource>'.",
    basis: 'documented',
  },
  unsupportedQuery: {
    status: 400,
    code: 'Request_UnsupportedQuery',
    template: 'Unsupported Query.',
    basis: 'observed',
  },
  pageSize: {
    status: 400,
    code: 'Request_UnsupportedQuery',
    template: "Invalid page size specified: '<top>'. Must be between 1 and 999 inclusive.",
    basis: 'observed',
  },
  requiredMissing: {
    status: 400,
    code: 'Request_BadRequest',
    template: 'Property <property> value is required but is empty or missing.',
    basis: 'observed',
  },
  invalidValue: {
    status: 400,
    code: 'Request_BadRequest',
    template: "Invalid value specified for property '<property>' of resource '<resource>'.",
    basis: 'observed',
  },
  tokenEmpty: {
    status: 401,
    code: 'InvalidAuthenticationToken',
    template: 'Access token is empty.',
    basis: 'observed',
  },
  tokenExpired: {
    status: 401,
    code: 'InvalidAuthenticationToken',
    template: 'Access token has expired or is not yet valid.',
    basis: 'observed',
  },
  forbidden: {
    status: 403,
    code: 'Authorization_RequestDenied',
    template: 'Insufficient privileges to complete the operation.',
    basis: 'observed',
  },
  throttled: {
    status: 429,
    code: 'activityLimitReached',
    template: 'Client application has been throttled and should not attempt to repeat the request until an amount of time has elapsed.',
    basis: 'documented',
  },
  unavailable: {
    status: 503,
    code: 'serviceNotAvailable',
    template:
      'The service is temporarily unavailable for maintenance or is overloaded. You may repeat the request after a delay, the length of which may be specified in a Retry-After header.',
    basis: 'documented',
  },
  gatewayTimeout: {
    status: 504,
    code: 'generalException',
    template:
      'The server, while acting as a proxy, did not receive a timely response from the upstream server it needed to access in attempting to complete the request. May occur together with 503.',
    basis: 'documented',
  },
} as const satisfies Record<string, SimulatorAnswer>;

export type AnswerName = keyof typeof ANSWERS;

/** The template with each `<name>` replaced by `values[name]`. */
export function fill(template: string, values: Record<string, string> = {}): string {
  return template.replace(/<([a-z]+)>/g, (whole, name: string) => values[name] ?? whole);
}

/** Graph's media type for an OData response (an OData JSON format §3 form Graph lists, microsoft-graph-docs-contrib#7141). */
export const ODATA_JSON = 'application/json;odata.metadata=minimal;odata.streaming=true;IEEE754Compatible=false;charset=utf-8';
/** Errors come back as bare JSON (observed: ScEntra#13). */
export const ERROR_JSON = 'application/json';

/** The challenge Graph sends with a 401 (observed: microsofthackathons/tdi#24). */
export const WWW_AUTHENTICATE =
  'Bearer realm="", authorization_uri="https://login.microsoftonline.com/common/oauth2/authorize", client_id="00000003-0000-0000-c000-000000000000"';

/** The OData type name the directory uses in query errors. */
export const RESOURCE_QUALIFIED_TYPE = 'microsoft.graph.mutualTlsOauthConfiguration';
/** The resource name the directory uses in validation and filter messages for this type (inferred from the template). */
export const RESOURCE_VALIDATOR_NAME = 'MutualTlsOauthConfiguration';
