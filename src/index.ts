/** ca-preflight: check a Microsoft Graph certificate-authority trust list before it is sent. */
export type { Report, Finding, Severity, Basis, Lang, GraphError, GraphErrorBody, CertificateFacts, DistinguishedName, NameAttribute, KeyInfo, SignatureAlgorithmInfo, SkiMethod } from './types.js';
export { preflight, type PreflightOptions } from './preflight.js';
export { inspectCertificate, readCertificateInput } from './certificate/facts.js';
export { rules, describeRules, ruleById } from './rules/registry.js';
export type { Rule, RuleMeta, ServerBehaviour } from './rules/rule.js';
