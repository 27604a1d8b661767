/**
 * Would a device certificate validate against a CA list? RFC 5280 §6.1 path building and validation, restricted to
 * what the list decides: signatures, validity, CA-ness, keyCertSign, pathLenConstraint, critical and duplicate
 * extensions, and a maximum depth. Name constraints and policies are not evaluated (they are reported in `unchecked`
 * when a certificate on the accepted path carries them); revocation is the caller's, through `acceptPath`.
 *
 * Paths are built from the device up through the issuer index that chain linking uses too (issuer-index.ts: subject
 * name, then key identifiers; trust anchors first within a rank), and
 * every candidate path is tried depth-first with backtracking — not only the shortest one — so a valid path behind an
 * expired or badly signed candidate is still found. A certificate appears at most once on a path, so cycles end.
 */
import { parseCertificate, type ParsedCertificate } from '../certificate/parse.js';
import { verifySignature } from '../certificate/verify.js';
import { bytesEqual } from '../certificate/encoding.js';
import { isRecognisedExtension } from '../certificate/oids.js';
import { IssuerIndex } from './issuer-index.js';
import { mapWindowed } from '../concurrency.js';

export interface ValidatePathOptions {
  /** The validation time. */
  at: Date;
  crypto: Crypto;
  /** Most non-self-issued intermediates allowed between the device and its trust anchor (x509-limbo `max_chain_depth`). Default: no limit. */
  maxDepth?: number | null;
  /**
   * Default true: the trust anchors are the self-signed listed CAs (what `isRootAuthority: true` should mark).
   * false: every listed CA may end a path (a partial chain, as OpenSSL's -partial_chain). Ignored when `anchors` is given.
   */
  trustRootsOnly?: boolean;
  /** Indexes into the list of the trust anchors, e.g. the entries flagged `isRootAuthority: true`, or x509-limbo's `trusted_certs`. */
  anchors?: Iterable<number>;
  /**
   * Also reject certificates that break the RFC 5280 §4 profile rules that strict verifiers enforce (OpenSSL's
   * -x509_strict, x509-limbo's expectations): a CA without SKI, with a non-critical basicConstraints or an empty
   * subject; a critical AKI or SKI; an AKI that differs from its issuer's SKI; keyCertSign without cA;
   * pathLenConstraint without cA or keyCertSign; extensions in a certificate that is not version 3; an empty issuer
   * name; authorityInfoAccess or subjectInfoAccess marked critical, name or policy constraints or inhibitAnyPolicy not.
   * Below the trust anchor (which RFC 5280 §6.1 takes as an input) also: a missing AKI key identifier on a certificate
   * that is not self-signed; a serial number that is zero, negative or longer than 20 octets; and whatever the decoder
   * reports (BER that is not DER, values outside the X.509 definitions). Default false: Windows and most verifiers
   * accept these.
   */
  strict?: boolean;
  /**
   * A check of each complete path before it is accepted (indexes from the device's issuer up to the trust anchor):
   * reasons to refuse it, or none. A refused path is one more reason, and the search goes on to the next candidate —
   * so revocation (RFC 5280 §6.1.3 (a)(3): "the certificate was not revoked") can steer path building around a revoked
   * certificate, while the CRLs stay out of this module.
   */
  acceptPath?: (path: readonly number[]) => Promise<readonly string[]> | readonly string[];
}

export interface PathValidation {
  ok: boolean;
  /** Indexes into the list, from the device's issuer up to the trust anchor; null when no path validates. */
  path: number[] | null;
  /** Why no path validates (empty when ok). */
  reasons: string[];
  /** Constraints on the accepted path this validator does not evaluate (name constraints, policy constraints). */
  unchecked: string[];
}

/** Candidate extensions explored before the search gives up (the number of paths can grow exponentially with cross-signing). */
const MAX_STEPS = 10_000;
const MAX_REASONS = 20;

/** Understood extensions (certificate/oids.ts) that constrain a path without being evaluated here: reported in `unchecked`. */
const UNCHECKED_ON_CAS: Record<string, string> = {
  '2.5.29.30': 'name constraints',
  '2.5.29.33': 'policy mappings',
  '2.5.29.36': 'policy constraints',
  '2.5.29.54': 'inhibitAnyPolicy',
};

type Role = 'device' | 'intermediate' | 'anchor';

interface Node {
  /** Index in the list; -1 for the device. */
  index: number;
  cert: ParsedCertificate;
  label: string;
  /** Self-issued, and its signature verifies with its own key (or uses an algorithm that cannot be checked here). */
  selfSigned: boolean;
}

function labelOf(cert: ParsedCertificate, index: number): string {
  const name = cert.subject.rfc4514 || '(empty subject)';
  return index < 0 ? `the device "${name}"` : `#${index} "${name}"`;
}

function toParsed(input: ParsedCertificate | Uint8Array): ParsedCertificate {
  return input instanceof Uint8Array ? parseCertificate(input) : input;
}

const iso = (d: Date): string => d.toISOString().replace('.000Z', 'Z');

/** Problems that make a certificate unusable in `role`, whatever the rest of the path. */
function certificateProblems(node: Node, role: Role, options: ValidatePathOptions): string[] {
  const c = node.cert;
  const out: string[] = [];
  if (options.at < c.notBefore) out.push(`is not valid before ${iso(c.notBefore)}`);
  if (options.at > c.notAfter) out.push(`expired on ${iso(c.notAfter)}`);
  if (c.duplicateExtensions.length) out.push(`repeats extension ${[...new Set(c.duplicateExtensions)].join(', ')} (RFC 5280 §4.2)`);
  for (const e of c.extensions) {
    if (e.critical && !isRecognisedExtension(e.oid))
      out.push(`has an unrecognised critical extension ${e.oid} (RFC 5280 §4.2, §6.1.4 (o))`);
  }
  const bc = c.basicConstraints;
  if (role === 'intermediate') {
    if (c.version < 3) out.push(`is a version ${c.version} certificate, which cannot be a CA (RFC 5280 §6.1.4 (k))`);
    else if (!bc) out.push('has no basicConstraints, so it is not a CA (RFC 5280 §6.1.4 (k))');
    else if (!bc.cA) out.push('has basicConstraints cA=false, so it is not a CA (RFC 5280 §6.1.4 (k))');
  } else if (role === 'anchor' && c.version >= 3 && !bc?.cA) {
    out.push(`is a trust anchor whose ${bc ? 'basicConstraints has cA=false' : 'basicConstraints is missing'}, so it is not a CA`);
  }
  if (role !== 'device' && c.keyUsage && !c.keyUsage.bits.includes('keyCertSign')) {
    out.push('has a keyUsage without keyCertSign (RFC 5280 §6.1.4 (n))');
  }
  if (options.strict) out.push(...profileProblems(node, role));
  return out;
}

/** Extensions RFC 5280 requires to be marked critical, or non-critical, in conforming certificates (`strict`). */
const MUST_BE_CRITICAL: Record<string, [name: string, clause: string]> = {
  '2.5.29.30': ['nameConstraints', '§4.2.1.10'],
  '2.5.29.36': ['policyConstraints', '§4.2.1.11'],
  '2.5.29.54': ['inhibitAnyPolicy', '§4.2.1.14'],
};
const MUST_NOT_BE_CRITICAL: Record<string, [name: string, clause: string]> = {
  '1.3.6.1.5.5.7.1.1': ['authorityInfoAccess', '§4.2.2.1'],
  '1.3.6.1.5.5.7.1.11': ['subjectInfoAccess', '§4.2.2.2'],
};

/**
 * RFC 5280 §4 profile rules checked with `strict`. Every certificate of the path is held to the rules on its own form
 * as a certificate and as a CA — the ones OpenSSL's -x509_strict applies at every depth, trust anchor included. The
 * rules below are not applied to the trust anchor, which RFC 5280 §6.1.1 (d) takes as an input (its name, key and
 * constraints), not as a certificate of the path:
 * - the authorityKeyIdentifier it must carry to find its own issuer (§4.2.1.1: "to facilitate certification path
 *   construction"; the path ends at the anchor, and OpenSSL's check exempts the last certificate of the chain);
 * - its serial number (§4.1.2.2), which identifies it under its issuer, for revocation the anchor is not subject to
 *   (nine roots of the Mozilla store have serial number 0);
 * - what the decoder reports about its encoding (BER that is not DER, values outside the ASN.1 definitions): the
 *   anchor's name and key are read exactly or refused, and OpenSSL applies neither.
 */
function profileProblems(node: Node, role: Role): string[] {
  const c = node.cert;
  const out: string[] = [];
  const isCa = c.basicConstraints?.cA === true;
  if (c.extensions.length > 0 && c.version !== 3) out.push(`has extensions but is version ${c.version} (RFC 5280 §4.1.2.1)`);
  if (c.issuer.rdns.length === 0) out.push('has an empty issuer name (RFC 5280 §4.1.2.4)');
  if (c.aki?.critical) out.push('marks authorityKeyIdentifier critical (RFC 5280 §4.2.1.1)');
  if (c.ski?.critical) out.push('marks subjectKeyIdentifier critical (RFC 5280 §4.2.1.2)');
  for (const e of c.extensions) {
    const [name, clause] = (e.critical ? MUST_NOT_BE_CRITICAL : MUST_BE_CRITICAL)[e.oid] ?? [];
    if (name)
      out.push(`${e.critical ? 'marks' : 'does not mark'} ${name} critical (RFC 5280 ${clause}: it MUST${e.critical ? ' NOT' : ''} be)`);
  }
  if (node.selfSigned && c.aki?.keyIdentifier && c.ski && c.aki.keyIdentifier !== c.ski.value) {
    out.push('is self-signed but its authorityKeyIdentifier differs from its own subjectKeyIdentifier (RFC 5280 §4.2.1.2)');
  }
  if (c.keyUsage?.bits.includes('keyCertSign') && !isCa)
    out.push('asserts keyCertSign without basicConstraints cA=true (RFC 5280 §4.2.1.9)');
  if (
    c.basicConstraints &&
    c.basicConstraints.pathLenConstraint !== null &&
    (!isCa || (c.keyUsage && !c.keyUsage.bits.includes('keyCertSign')))
  ) {
    out.push('has a pathLenConstraint without cA=true and keyCertSign (RFC 5280 §4.2.1.9)');
  }
  if (isCa) {
    if (!c.ski) out.push('is a CA without subjectKeyIdentifier (RFC 5280 §4.2.1.2)');
    if (!c.basicConstraints!.critical) out.push('is a CA whose basicConstraints is not critical (RFC 5280 §4.2.1.9)');
    if (c.subject.rdns.length === 0) out.push('is a CA with an empty subject (RFC 5280 §4.1.2.6)');
  }
  if (role === 'anchor') return out;
  if (!node.selfSigned && !c.aki?.keyIdentifier) {
    out.push(
      c.version < 3
        ? `is a version ${c.version} certificate, so it lacks the authorityKeyIdentifier every certificate that is not self-signed must carry (RFC 5280 §4.2.1.1)`
        : 'is not self-signed and has no authorityKeyIdentifier keyIdentifier (RFC 5280 §4.2.1.1)',
    );
  }
  const serial = serialProblem(c.serialOctets);
  if (serial) out.push(`has ${serial}, where a conforming CA assigns a positive integer of at most 20 octets (RFC 5280 §4.1.2.2)`);
  for (const issue of c.encodingIssues) {
    out.push(
      issue.kind === 'der'
        ? `is not DER: ${issue.where} (${issue.code}, ${issue.clause}); RFC 5280 §4.1 signs the DER encoding`
        : `has a value the X.509 definitions do not allow: ${issue.where} (${issue.code}, ${issue.clause})`,
    );
  }
  return out;
}

/** What is wrong with a serial number's INTEGER content octets (two's complement), or null. */
function serialProblem(octets: Uint8Array): string | null {
  if (octets.every((b) => b === 0)) return 'serial number 0';
  if (octets[0]! & 0x80) return 'a negative serial number';
  if (octets.length > 20) return `a serial number of ${octets.length} octets`;
  return null;
}

/**
 * Validates `device` against the listed CAs at `options.at`. Resolves to the first path (device's issuer → trust anchor)
 * that passes every check, or to the reasons each candidate path failed. Throws only if `device` is not a certificate.
 */
export async function validateDevicePath(
  listedCas: readonly (ParsedCertificate | Uint8Array)[],
  device: ParsedCertificate | Uint8Array,
  options: ValidatePathOptions,
): Promise<PathValidation> {
  const { crypto } = options;
  const deviceCert = toParsed(device);
  const unreadable: string[] = [];
  const listed: (ParsedCertificate | null)[] = listedCas.map((entry, i) => {
    try {
      return toParsed(entry);
    } catch (e) {
      unreadable.push(`listed CA #${i} is not a certificate: ${(e as Error).message}`);
      return null;
    }
  });

  // Self-issued and not disproved by its own key: a root signed with an algorithm this platform cannot check stays a root.
  const selfSigned = async (cert: ParsedCertificate): Promise<boolean> =>
    cert.selfIssued && (await verifySignature(cert, cert.publicKey, crypto)).status !== 'invalid';
  // At most a window of self-signature checks in flight, as everywhere else a list is read (a list may hold thousands).
  const nodes: (Node | null)[] = await mapWindowed(listed, async (cert, index) =>
    cert ? { index, cert, label: labelOf(cert, index), selfSigned: await selfSigned(cert) } : null,
  );
  const deviceNode: Node = { index: -1, cert: deviceCert, label: labelOf(deviceCert, -1), selfSigned: await selfSigned(deviceCert) };

  const anchors = new Set<number>();
  if (options.anchors) for (const i of options.anchors) anchors.add(i);
  else for (const n of nodes) if (n && (options.trustRootsOnly === false || n.selfSigned)) anchors.add(n.index);

  const index = new IssuerIndex(listed);
  const isAnchor = (i: number) => anchors.has(i);

  const fail = (reasons: string[]): PathValidation => ({ ok: false, path: null, reasons: [...reasons, ...unreadable], unchecked: [] });
  const deviceProblems = certificateProblems(deviceNode, 'device', options);
  if (deviceProblems.length) return fail(deviceProblems.map((p) => `${deviceNode.label} ${p}`));

  // The device may itself be a listed certificate: never its own issuer, and a path of its own when it is an anchor.
  const sameAsDevice = nodes.filter((n): n is Node => !!n && bytesEqual(n.cert.der, deviceCert.der)).map((n) => n.index);
  const anchorItself = sameAsDevice.find((i) => anchors.has(i));
  if (anchorItself !== undefined) return accept([anchorItself]);

  const problemCache = new Map<number, string[]>();
  const problemsOf = (n: Node): string[] => {
    let p = problemCache.get(n.index);
    if (!p) {
      p = certificateProblems(n, anchors.has(n.index) ? 'anchor' : 'intermediate', options);
      problemCache.set(n.index, p);
    }
    return p;
  };
  const signatureCache = new Map<string, Promise<string | null>>();
  const signatureProblem = (child: Node, issuer: Node): Promise<string | null> => {
    const key = `${child.index}>${issuer.index}`;
    let p = signatureCache.get(key);
    if (!p) {
      p = verifySignature(child.cert, issuer.cert.publicKey, crypto).then((r) =>
        r.status === 'valid'
          ? null
          : r.status === 'unsupported'
            ? `its signature cannot be checked here: ${r.reason}`
            : `its key does not verify the signature${r.reason ? ` (${r.reason})` : ''}`,
      );
      signatureCache.set(key, p);
    }
    return p;
  };

  const reasons = new Set<string>();
  const note = (r: string): void => {
    if (reasons.size < MAX_REASONS) reasons.add(r);
  };
  const onPath = new Set<number>(sameAsDevice);
  const maxDepth = options.maxDepth ?? Infinity;
  let steps = 0;

  /** Extends the path whose top certificate is `top`; `intermediates` are the listed certificates already on it, device side first. */
  const extend = async (top: Node, intermediates: Node[]): Promise<number[] | null> => {
    const candidates = [...index.candidates(top.cert, isAnchor)].map((i) => nodes[i]!);
    if (candidates.length === 0) {
      note(`no listed CA has the subject "${top.cert.issuer.rfc4514 || '(empty)'}" that issued ${top.label}`);
      return null;
    }
    const belowCount = intermediates.filter((n) => !n.cert.selfIssued).length;
    for (const issuer of candidates) {
      if (issuer.index === top.index) {
        if (top.selfSigned) note(`${top.label} is self-signed but not a trust anchor of the list`);
        continue;
      }
      if (onPath.has(issuer.index)) {
        note(`${issuer.label} would issue ${top.label}, but it is already on the path (a cycle)`);
        continue;
      }
      if (++steps > MAX_STEPS) return null;
      const signature = await signatureProblem(top, issuer);
      if (signature) {
        note(`${issuer.label} as issuer of ${top.label}: ${signature}`);
        continue;
      }
      const problems = [...problemsOf(issuer)];
      const aki = top.cert.aki?.keyIdentifier;
      const ski = issuer.cert.ski?.value;
      if (options.strict && aki && ski && aki !== ski) {
        problems.push(`has the subjectKeyIdentifier ${ski}, not the authorityKeyIdentifier ${aki} of ${top.label} (RFC 5280 §4.2.1.2)`);
      }
      const pathLen = issuer.cert.basicConstraints?.pathLenConstraint ?? null;
      if (pathLen !== null && belowCount > pathLen) {
        problems.push(
          `has pathLenConstraint ${pathLen} but ${belowCount} CA certificate(s) below it on the path (RFC 5280 §6.1.4 (l)-(m))`,
        );
      }
      if (problems.length) {
        for (const p of problems) note(`${issuer.label} ${p}`);
        continue;
      }
      if (anchors.has(issuer.index)) {
        const found = [...intermediates.map((n) => n.index), issuer.index];
        const refused = options.acceptPath ? await options.acceptPath(found) : [];
        if (refused.length === 0) return found;
        for (const r of refused) note(r);
        continue;
      }
      const depth = belowCount + (issuer.cert.selfIssued ? 0 : 1);
      if (depth > maxDepth) {
        note(
          `${issuer.label} as issuer of ${top.label}: the path would have ${depth} intermediate(s), more than the maximum depth ${maxDepth}`,
        );
        continue;
      }
      onPath.add(issuer.index);
      const found = await extend(issuer, [...intermediates, issuer]);
      onPath.delete(issuer.index);
      if (found) return found;
      if (steps > MAX_STEPS) return null;
    }
    return null;
  };

  const path = await extend(deviceNode, []);
  if (path) return accept(path);
  const out = [...reasons];
  if (steps > MAX_STEPS) out.push(`the path search stopped after ${MAX_STEPS} candidate issuers`);
  if (out.length === 0) out.push(`no path from ${deviceNode.label} to a trust anchor of the list`);
  if (anchors.size === 0) out.push('the list has no trust anchor');
  return fail(out);

  function accept(path: number[]): PathValidation {
    const unchecked: string[] = [];
    for (const i of path) {
      const n = nodes[i]!;
      for (const e of n.cert.extensions) {
        const what = UNCHECKED_ON_CAS[e.oid];
        if (what) unchecked.push(`${n.label} carries ${what}, which this check does not evaluate`);
      }
    }
    return { ok: true, path, reasons: [], unchecked };
  }
}
