/** The CRL checks, as one module the rules' context loads on demand (a separate chunk in the browser build). */
export { analyseCrls, type AnalysedCrl, type CrlCheckOptions } from './analyse.js';
export { findRevoked, type CoveredCertificate, type RevocationHit } from './revocation.js';
