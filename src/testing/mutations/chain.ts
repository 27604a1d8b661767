/** Mutations of the list as a whole (chains, duplicates, cycles), of the read-only echoes and of the CRL URLs. */
import {
  anyEntry,
  entryPath,
  intermediateEntry,
  list,
  parentEntry,
  pick,
  plainEntry,
  rootEntry,
  useTwin,
  type MutationSpec,
} from './types.js';

/** Strings `new URL()` rejects: no scheme, relative, empty, a space in the host, a missing colon. */
const NOT_ABSOLUTE = [
  '',
  'crl.example.com/ca.crl',
  '/pki/ca.crl',
  'http//crl.example.com/ca.crl',
  'not a url',
  'http://exa mple.com/ca.crl',
  '://crl.example.com/ca.crl',
];
/** Absolute URLs whose scheme is not http. */
const NOT_HTTP = ['https:', 'ldap:', 'ftp:', 'file:'];

export const chainMutations = [
  {
    kind: 'issuer-missing',
    rule: 'chain.issuer-missing',
    severity: 'error',
    mayAlso: [],
    needsIntermediate: true,
    description: 'The issuer of an intermediate removed from the list; every CA it issued loses its issuer.',
    apply: (r, c) => {
      const child = intermediateEntry(r, c.a);
      const parent = parentEntry(r, child);
      list(r).splice(parent.index, 1);
      return { body: r.body, path: entryPath(child.index - (parent.index < child.index ? 1 : 0)) };
    },
  },
  {
    kind: 'issuer-signature-forged',
    rule: 'chain.issuer-signature-invalid',
    severity: 'error',
    mayAlso: [],
    needsIntermediate: true,
    description: "An intermediate re-issued with its issuer's name and its own key but signed by another key of the same type.",
    apply: (r, c) => {
      const e = intermediateEntry(r, c.a);
      useTwin(e, 'forgedSignature');
      return { body: r.body, path: entryPath(e.index, 'certificate') };
    },
  },
  {
    kind: 'root-signature-forged',
    rule: 'flag.root-not-self-signed',
    severity: 'error',
    mayAlso: ['chain.issuer-missing', 'certificate.aki-missing'],
    description:
      'A root re-issued (self-issued, same key) but signed by another key: not self-signed, so `isRootAuthority: true` is wrong, nothing in the list issued it, and as a non-self-signed certificate it lacks an authorityKeyIdentifier.',
    apply: (r, c) => {
      const e = rootEntry(r, c.a);
      useTwin(e, 'forgedSignature');
      return { body: r.body, path: entryPath(e.index, 'isRootAuthority') };
    },
  },
  {
    kind: 'duplicate-certificate',
    rule: 'list.duplicate-certificate',
    severity: 'error',
    mayAlso: [],
    description: 'A copy of an entry inserted later in the list (the finding is on the later one).',
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      const n = r.entries.length;
      const at = e.index + 1 + (c.b % (n - e.index));
      list(r).splice(at, 0, JSON.parse(JSON.stringify(e.object)));
      return { body: r.body, path: entryPath(at, 'certificate') };
    },
  },
  {
    kind: 'issuer-cycle',
    rule: 'chain.no-root',
    severity: 'error',
    mayAlso: [],
    description: 'Two CAs that issue each other (cross-certificates) and no root: following issuers loops (both entries are reported).',
    apply: (r, c, pool) => {
      const [a, b] = pool.crossPair;
      const at = c.b % (r.entries.length + 1);
      list(r).splice(at, 0, plainEntry(a, false), plainEntry(b, false));
      return { body: r.body, path: entryPath(at) };
    },
  },
  {
    kind: 'path-length-exceeded',
    rule: 'chain.path-length-exceeded',
    severity: 'warning',
    mayAlso: [],
    needsIntermediate: true,
    description: 'A CA re-issued with pathLenConstraint 0 while a CA it issued is listed (every listed CA further down is reported too).',
    apply: (r, c) => {
      const child = intermediateEntry(r, c.a);
      useTwin(parentEntry(r, child), 'pathLenZero');
      return { body: r.body, path: entryPath(child.index, 'certificate') };
    },
  },
  {
    kind: 'aki-mismatch',
    rule: 'chain.aki-mismatch',
    severity: 'warning',
    mayAlso: [],
    needsIntermediate: true,
    description: "An intermediate re-issued by its issuer with an authorityKeyIdentifier that is not the issuer's SKI.",
    apply: (r, c) => {
      const e = intermediateEntry(r, c.a);
      useTwin(e, 'wrongAki');
      return { body: r.body, path: entryPath(e.index, 'certificate') };
    },
  },
  {
    kind: 'issuer-ski-echo-mismatch',
    rule: 'echo.issuer-ski',
    severity: 'warning',
    mayAlso: [],
    description:
      "`issuerSki` that is not the certificate's SKI: another CA's, colon-separated, the SHA-1 thumbprint length of zeros, or not a string.",
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      const own = e.cert.ski!;
      const other = r.entries.map((x) => x.cert.ski).find((s) => s && s !== own);
      const values: unknown[] = [own.match(/../g)!.join(':'), '0'.repeat(40), own.slice(2) + own.slice(0, 2), 7];
      if (other) values.push(other);
      let value = pick(values, c.b);
      if (typeof value === 'string' && value.toUpperCase() === own) value = own.replace(/^./, (d) => (d === 'F' ? 'E' : 'F'));
      e.object.issuerSki = value;
      return { body: r.body, path: entryPath(e.index, 'issuerSki') };
    },
  },
  {
    kind: 'issuer-echo-mismatch',
    rule: 'echo.issuer',
    severity: 'warning',
    mayAlso: [],
    description:
      "`issuer` that names neither the certificate's issuer nor its subject (another hierarchy's CA, an unrelated name, text that is not a name).",
    apply: (r, c, pool) => {
      const e = anyEntry(r, c.a);
      const others = pool.hierarchies.filter((_, h) => h !== e.cert.hierarchy).map((h) => h[0]!.subjectWindows);
      e.object.issuer = pick(['CN=Someone Else, O=Elsewhere, C=ZZ', 'not a distinguished name', ...others], c.b);
      return { body: r.body, path: entryPath(e.index, 'issuer') };
    },
  },
  {
    kind: 'crl-url-not-absolute',
    rule: 'crl.url-not-absolute',
    severity: 'error',
    mayAlso: ['crl.delta-without-base', 'crl.subordinate-cdp-mismatch'],
    description: 'A CRL URL (base or delta) that is not an absolute URL: empty, a bare host, a path, a missing colon.',
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      const member = c.b % 2 === 0 ? 'certificateRevocationListUrl' : 'deltaCertificateRevocationListUrl';
      if (member === 'deltaCertificateRevocationListUrl') e.object.certificateRevocationListUrl = e.cert.crlUrl;
      e.object[member] = pick(NOT_ABSOLUTE, c.b >> 1);
      return { body: r.body, path: entryPath(e.index, member) };
    },
  },
  {
    kind: 'crl-url-not-http',
    rule: 'crl.url-not-http',
    severity: 'warning',
    mayAlso: ['crl.subordinate-cdp-mismatch'],
    description: 'A CRL URL (base or delta) with the https, ldap, ftp or file scheme.',
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      const member = c.b % 2 === 0 ? 'certificateRevocationListUrl' : 'deltaCertificateRevocationListUrl';
      const scheme = pick(NOT_HTTP, c.b >> 1);
      e.object.certificateRevocationListUrl = e.cert.crlUrl;
      const original = member === 'certificateRevocationListUrl' ? e.cert.crlUrl! : e.cert.deltaCrlUrl!;
      e.object[member] = original.replace(/^http:/, scheme);
      return { body: r.body, path: entryPath(e.index, member) };
    },
  },
  {
    kind: 'crl-url-wrong-type',
    rule: 'entry.url-wrong-type',
    severity: 'error',
    mayAlso: ['crl.delta-without-base'],
    description: 'A CRL URL that is a number, a boolean, an array or an object.',
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      const member = c.b % 2 === 0 ? 'certificateRevocationListUrl' : 'deltaCertificateRevocationListUrl';
      e.object[member] = pick<unknown>([c.a, false, [e.cert.crlUrl], { url: e.cert.crlUrl }], c.b >> 1);
      return { body: r.body, path: entryPath(e.index, member) };
    },
  },
  {
    kind: 'crl-delta-without-base',
    rule: 'crl.delta-without-base',
    severity: 'warning',
    mayAlso: [],
    description: 'A delta CRL URL while the base CRL URL is null or absent.',
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      if (c.b % 2 === 0) e.object.certificateRevocationListUrl = null;
      else delete e.object.certificateRevocationListUrl;
      e.object.deltaCertificateRevocationListUrl = e.cert.deltaCrlUrl;
      return { body: r.body, path: entryPath(e.index, 'deltaCertificateRevocationListUrl') };
    },
  },
  {
    kind: 'crl-delta-equals-base',
    rule: 'crl.delta-equals-base',
    severity: 'warning',
    mayAlso: [],
    description: 'The delta CRL URL equal to the base CRL URL (possibly in another letter case).',
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      const url = e.cert.crlUrl!;
      e.object.certificateRevocationListUrl = url;
      e.object.deltaCertificateRevocationListUrl = c.b % 2 === 0 ? url : url.toUpperCase();
      return { body: r.body, path: entryPath(e.index, 'deltaCertificateRevocationListUrl') };
    },
  },
  {
    kind: 'crl-ca-lacks-crl-sign',
    rule: 'crl.ca-lacks-crl-sign',
    severity: 'warning',
    mayAlso: [],
    description: 'A CRL URL configured for a CA re-issued with keyUsage keyCertSign only (no cRLSign).',
    apply: (r, c) => {
      const e = anyEntry(r, c.a);
      useTwin(e, 'noCrlSign');
      e.object.certificateRevocationListUrl = e.cert.crlUrl;
      return { body: r.body, path: entryPath(e.index, 'certificateRevocationListUrl') };
    },
  },
  {
    kind: 'crl-subordinate-cdp-mismatch',
    rule: 'crl.subordinate-cdp-mismatch',
    severity: 'warning',
    mayAlso: [],
    needsIntermediate: true,
    description: 'An issuer configured with an http CRL URL that the CRL distribution points of the CA it issued do not contain.',
    apply: (r, c) => {
      const child = intermediateEntry(r, c.a);
      const parent = parentEntry(r, child);
      parent.object.certificateRevocationListUrl = parent.cert.crlUrl!.replace(/\.crl$/, `-elsewhere-${c.b % 100}.crl`);
      return { body: r.body, path: entryPath(parent.index, 'certificateRevocationListUrl') };
    },
  },
] as const satisfies readonly MutationSpec[];
