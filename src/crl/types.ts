/**
 * What the CRL checks take in: CRL bytes from files or downloads, and the listed CAs they are checked against.
 * Plain data (no node: imports): files and downloads are read by the CLI, the page reads dropped files.
 */
import type { ParsedCertificate } from '../certificate/parse.js';

/** The two CRL members of a certificateAuthority entry. */
export type CrlMember = 'certificateRevocationListUrl' | 'deltaCertificateRevocationListUrl';

/** Why a download of a configured CRL URL gave no CRL. */
export type CrlFetchFailure =
  /** An HTTP status other than 200 (after following redirects). */
  | { kind: 'status'; status: number }
  /** The whole download took longer than the limit. */
  | { kind: 'timeout'; seconds: number }
  /** The body passed the cloud's size limit; the download was stopped there. */
  | { kind: 'too-large'; limit: number }
  | { kind: 'redirects'; count: number }
  /** DNS, connection, TLS or protocol trouble, in the platform's words. */
  | { kind: 'network'; message: string }
  /** A URL (or a redirect to one) that is not http or https. */
  | { kind: 'scheme'; scheme: string };

export interface CrlInput {
  /** Where it came from, for messages: a file name or the URL downloaded. */
  source: string;
  /** The bytes read or downloaded; absent when a download failed. */
  bytes?: Uint8Array;
  /** Set when it was downloaded from a configured URL of the list: which entry and member named it. */
  from?: { index: number; member: CrlMember; url: string };
  /** Why the download gave no CRL. */
  failure?: CrlFetchFailure;
  /** How long the download took, in milliseconds. */
  elapsedMs?: number;
}

/** A listed CA as the CRL checks see it. */
export interface ListedCa {
  /** Index in `certificateAuthorities`. */
  index: number;
  parsed: ParsedCertificate;
  /** The configured URLs (non-empty strings), or null. */
  baseUrl: string | null;
  deltaUrl: string | null;
}
