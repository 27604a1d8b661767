/** ca-preflight: check a Microsoft Graph certificate-authority trust list before it is sent. */
export type { WebCrypto } from './platform-types.js';
export type {
  Report,
  ExpiryForecast,
  Finding,
  Severity,
  Basis,
  Lang,
  GraphError,
  GraphErrorBody,
  PredictedGraphError,
  PredictionBasis,
  Verdict,
  CertificateFacts,
  DistinguishedName,
  NameAttribute,
  KeyInfo,
  SignatureAlgorithmInfo,
  SkiMethod,
} from './types.js';
export { preflight, type PreflightOptions } from './preflight.js';
export { certificateAuthorityEntry } from './certificate/facts.js';
export {
  readCertificateValue,
  readCertificateValues,
  type CertificateValue,
  type CertificateState,
  type Decoding,
} from './certificate/reader.js';
export { inspectCertificate, inspectCertificates, inspectInput, type InspectedInput } from './certificate/inspect.js';
export {
  readCertificates,
  CertificateInputError,
  certificateInputMessage,
  inputNoteMessage,
  loadInputMessages,
  type InputMessages,
  MAX_CERTIFICATE_INPUT_BYTES,
  type CertificateInputs,
  type CertificateSource,
  type CertificateInputFormat,
  type CertificateInputProblem,
  type InputNote,
} from './certificate/input.js';
export { rules, describeRules, ruleById } from './rules/registry.js';
export type { Rule, RuleMeta, ServerBehaviour } from './rules/rule.js';
export {
  diffConfigurations,
  isUnchanged,
  type ConfigurationDiff,
  type DiffEntry,
  type ChangedEntry,
  type MemberChange,
  type DiffOptions,
} from './diff/diff.js';
export {
  buildPatchRequest,
  cloudRefusal,
  findingsRefusal,
  type PatchOptions,
  type PatchRequest,
  type PatchBody,
  type PatchResult,
  type Refusal,
  type RefusalReason,
} from './diff/request.js';
export { parseThumbprint, type PatchOperation, type AddOperation, type RemoveOperation, type RenameOperation } from './diff/operations.js';
export { formatHttpRequest, formatCurlCommand } from './diff/http.js';
export { simulatePatch, type SimulatedRequest, type SimulatedResponse, type SimulateOptions } from './simulator/simulator.js';
export {
  CLOUD_BASE_URLS,
  CLOUD_NAMES,
  CLOUD_AVAILABILITY_SOURCE,
  DOCUMENTED_CLOUDS,
  isDocumentedCloud,
  PATCH_PERMISSION,
  configurationUrl,
  type Cloud,
} from './graph/clouds.js';
export { chooseConfiguration, choiceProblem, isCollectionResponse, type ConfigurationChoice } from './graph/collection.js';
export { validateDevicePath, type ValidatePathOptions, type PathValidation } from './chain/validate-path.js';
export { checkDevice } from './device/lazy.js';
export type { DeviceCheckOptions, DeviceResult, DevicePathEntry, DeviceFailure } from './device/check.js';
export type { TlsClientAuthParameter } from './device/identity.js';
export type { CrlInput, CrlFetchFailure, CrlMember } from './crl/types.js';
export type { SimulatedFailure } from './simulator/simulator.js';
