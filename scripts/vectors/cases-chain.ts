/**
 * Rules over the list as a whole: root flags (flag.*), chains among the listed CAs (chain.*), duplicates (list.*).
 */
import { ca, entry, error, intermediate, list, root, warning, type VectorCase } from './framework.js';
import { dn, type Pki } from './pki.js';

export async function chainCases(pki: Pki): Promise<VectorCase[]> {
  const rootCa = await pki.root(dn('Chain Root CA'));
  const sub = await pki.issued(dn('Chain Intermediate CA 1'), rootCa);
  const sub2 = await pki.issued(dn('Chain Intermediate CA 2'), sub);

  // Self-issued (subject = issuer) but signed by another key: not self-signed.
  const fakeRoot = await pki.root(dn('Chain Fake Root CA'), { signWith: await pki.key() });
  // Right issuer name and AKI, signed by a key that is not the issuer's: a forgery.
  const forged = await pki.issued(dn('Chain Forged Intermediate CA'), rootCa, { signWith: await pki.key() });
  // Signed by the root's key, but naming another issuer: the AKI points at the root, the name does not.
  const misnamed = await pki.issued(dn('Chain Misnamed Intermediate CA'), rootCa, { issuerName: dn('Chain Renamed Root CA') });

  const pathLen0 = await pki.root(dn('Chain pathLen 0 Root CA'), { basicConstraints: { cA: true, pathLenConstraint: 0 } });
  const underPathLen0 = await pki.issued(dn('Chain Intermediate CA under pathLen 0'), pathLen0);
  const pathLen1 = await pki.root(dn('Chain pathLen 1 Root CA'), { basicConstraints: { cA: true, pathLenConstraint: 1 } });
  const underPathLen1 = await pki.issued(dn('Chain Intermediate CA under pathLen 1'), pathLen1);
  const underPathLen1Level2 = await pki.issued(dn('Chain Intermediate CA 2 under pathLen 1'), underPathLen1);

  // Two CAs that certify each other, and no self-signed certificate for either.
  const keyA = await pki.key();
  const keyB = await pki.key();
  const crossA = await pki.build({ subject: dn('Cross CA A'), key: keyA, issuer: { subject: dn('Cross CA B'), key: keyB } });
  const crossB = await pki.build({ subject: dn('Cross CA B'), key: keyB, issuer: { subject: dn('Cross CA A'), key: keyA } });
  const selfA = await pki.root(dn('Cross CA A'), { key: keyA });

  // The same CA name under two keys (a re-keyed CA): the intermediate verifies with the newer key only.
  const oldRoot = await pki.root(dn('Chain Re-keyed Root CA'));
  const newRoot = await pki.root(dn('Chain Re-keyed Root CA'));
  const underNewRoot = await pki.issued(dn('Chain Intermediate CA under the re-keyed root'), newRoot, { authorityKeyIdentifier: null });
  // RFC 5280 §7.1: names match after case folding and space folding, whatever the string types.
  const caseRoot = await pki.root('CN=Chain Case Root CA, O=Vectors Inc, C=US');
  const caseSub = await pki.issued(dn('Chain Intermediate CA naming its issuer in other case'), caseRoot, { issuerName: 'CN=chain  CASE root ca, O=VECTORS INC, C=us' });
  // A multi-valued RDN written in another order, and an O in PrintableString where the root has UTF8String.
  const multiRoot = await pki.root('CN=Chain Multi Root CA+O=Vectors, C=US');
  const multiSub = await pki.issued(dn('Chain Intermediate CA under a multi-valued name'), multiRoot, { issuerName: 'O=Vectors+CN=Chain Multi Root CA, C=US' });
  const printableSub = await pki.issued(dn('Chain Intermediate CA naming its issuer in PrintableString'), caseRoot, {
    issuerName: 'CN=Chain Case Root CA, O=#130b566563746f727320496e63, C=US',
  });
  // pathLenConstraint 0 on an intermediate: a CA under it is one too deep.
  const subPathLen0 = await pki.issued(dn('Chain Intermediate CA with pathLen 0'), rootCa, { basicConstraints: { cA: true, pathLenConstraint: 0 } });
  const underSubPathLen0 = await pki.issued(dn('Chain Intermediate CA under pathLen 0 intermediate'), subPathLen0);
  // A key rollover: the root's new key certified by its old key, same name (self-issued, not self-signed).
  const rollover = await pki.issued(dn('Chain pathLen 0 Root CA'), pathLen0, { key: await pki.key() });
  // Three CAs certifying each other in a ring.
  const keyC = await pki.key();
  const ringA = await pki.build({ subject: dn('Ring CA A'), key: keyA, issuer: { subject: dn('Ring CA C'), key: keyC } });
  const ringB = await pki.build({ subject: dn('Ring CA B'), key: keyB, issuer: { subject: dn('Ring CA A'), key: keyA } });
  const ringC = await pki.build({ subject: dn('Ring CA C'), key: keyC, issuer: { subject: dn('Ring CA B'), key: keyB } });

  const akiOther = await pki.issued(dn('Chain Intermediate CA with a foreign AKI'), rootCa, { authorityKeyIdentifier: new Uint8Array(20).fill(0xab) });
  const akiNone = await pki.issued(dn('Chain Intermediate CA without AKI'), rootCa, { authorityKeyIdentifier: null });
  const reissued = await pki.root(dn('Chain Root CA'), { key: rootCa.key });

  const flag = 'flag';
  const chain = 'chain';
  return [
    { group: flag, name: 'root-not-self-signed-intermediate', description: 'An intermediate (issued by the listed root) flagged isRootAuthority: true.',
      body: list(root(rootCa), root(sub)), expect: { findings: [error('flag.root-not-self-signed', ca(1, 'isRootAuthority'))] } },
    { group: flag, name: 'root-not-self-signed-bad-signature', description: 'A self-issued certificate (subject = issuer) whose signature does not verify with its own key, flagged as a root: not self-signed, and the key that signed it is not listed.',
      body: list(root(fakeRoot)), expect: { findings: [error('chain.issuer-missing', ca(0)), warning('certificate.aki-missing', ca(0, 'certificate')), error('flag.root-not-self-signed', ca(0, 'isRootAuthority'))] } },
    { group: flag, name: 'self-signed-not-root', description: 'A self-signed root flagged isRootAuthority: false.',
      body: list(intermediate(rootCa)), expect: { findings: [error('flag.self-signed-not-root', ca(0, 'isRootAuthority'))] } },
    { group: flag, name: 'flags-right', description: 'The root flagged true, its intermediates false.',
      body: list(root(rootCa), intermediate(sub), intermediate(sub2)),
      nearMissFor: ['flag.root-not-self-signed', 'flag.self-signed-not-root', 'chain.issuer-missing', 'chain.no-root'], expect: { findings: [] } },

    { group: chain, name: 'issuer-missing-alone', description: 'An intermediate listed without its root.',
      body: list(intermediate(sub)), expect: { findings: [error('chain.issuer-missing', ca(0))] } },
    { group: chain, name: 'issuer-missing-middle', description: 'A three-tier hierarchy without the middle CA: the lowest CA\'s issuer is missing.',
      body: list(root(rootCa), intermediate(sub2)), expect: { findings: [error('chain.issuer-missing', ca(1))] } },
    { group: chain, name: 'issuer-missing-name-mismatch', description: 'An intermediate signed by the listed root\'s key and carrying its SKI as AKI, but naming another issuer: name chaining fails, so its issuer is missing.',
      body: list(root(rootCa), intermediate(misnamed)), expect: { findings: [error('chain.issuer-missing', ca(1))] } },
    { group: chain, name: 'issuer-signature-invalid', description: 'An intermediate with the root\'s name and AKI, signed by another key (forged): the listed root does not verify it.',
      body: list(root(rootCa), intermediate(forged)), expect: { findings: [error('chain.issuer-signature-invalid', ca(1, 'certificate'))] } },
    { group: chain, name: 'issuer-signature-valid', description: 'The genuine intermediate under the same root.',
      body: list(root(rootCa), intermediate(sub)), nearMissFor: ['chain.issuer-signature-invalid', 'chain.aki-mismatch'], expect: { findings: [] } },
    { group: chain, name: 'issuer-re-keyed', description: 'Two roots with the same name and different keys (a re-keyed CA), and an intermediate signed by the newer one without AKI: the older root is tried and rejected silently, the newer one verifies.',
      body: list(root(oldRoot), root(newRoot), intermediate(underNewRoot)), nearMissFor: ['chain.issuer-signature-invalid', 'chain.issuer-missing'],
      expect: { findings: [warning('certificate.aki-missing', ca(2, 'certificate'))] } },
    { group: chain, name: 'issuer-name-case-and-space', description: 'An intermediate naming its issuer "CN=chain  CASE root ca, O=VECTORS INC, C=us": equal to the root\'s subject after RFC 5280 §7.1 case and space folding.',
      body: list(root(caseRoot), intermediate(caseSub)), nearMissFor: ['chain.issuer-missing'], expect: { findings: [] } },
    { group: chain, name: 'issuer-name-rdn-order-and-string-type', description: 'Issuer names that differ from the issuer\'s subject only in the order of a multi-valued RDN\'s attributes, or in string type (PrintableString for UTF8String): the same names under RFC 5280 §7.1.',
      body: list(root(multiRoot), intermediate(multiSub), root(caseRoot), intermediate(printableSub)), nearMissFor: ['chain.issuer-missing'], expect: { findings: [] } },
    { group: chain, name: 'path-length-exceeded-intermediate', description: 'An intermediate with pathLenConstraint 0 and a CA under it: the lower CA is one too deep.',
      body: list(root(rootCa), intermediate(subPathLen0), intermediate(underSubPathLen0)), expect: { findings: [warning('chain.path-length-exceeded', ca(2, 'certificate'))] } },
    { group: chain, name: 'path-length-exceeded', description: 'A root with pathLenConstraint 0 and a CA under it: devices issued by that CA fail path validation.',
      body: list(root(pathLen0), intermediate(underPathLen0)), expect: { findings: [warning('chain.path-length-exceeded', ca(1, 'certificate'))] } },
    { group: chain, name: 'path-length-exceeded-depth-2', description: 'A root with pathLenConstraint 1 and two CAs in a row under it: the lower one is one too deep.',
      body: list(root(pathLen1), intermediate(underPathLen1), intermediate(underPathLen1Level2)),
      expect: { findings: [warning('chain.path-length-exceeded', ca(2, 'certificate'))] } },
    { group: chain, name: 'path-length-self-issued-rollover', description: 'A root with pathLenConstraint 0 and its own key-rollover certificate (self-issued, signed by the old key): self-issued certificates do not count towards pathLenConstraint.',
      body: list(root(pathLen0), intermediate(rollover)), nearMissFor: ['chain.path-length-exceeded', 'chain.issuer-missing'], expect: { findings: [] } },
    { group: chain, name: 'path-length-within', description: 'A root with pathLenConstraint 1 and one CA under it.',
      body: list(root(pathLen1), intermediate(underPathLen1)), nearMissFor: ['chain.path-length-exceeded'], expect: { findings: [] } },
    { group: chain, name: 'no-root-cross-signed', description: 'Two CAs cross-signed (each issued by the other) and no self-signed root: following issuers loops.',
      body: list(intermediate(crossA), intermediate(crossB)), expect: { findings: [error('chain.no-root', ca(0)), error('chain.no-root', ca(1))] } },
    { group: chain, name: 'no-root-ring-of-three', description: 'Three CAs each issued by the next, in a ring: the search terminates and every one is reported.',
      body: list(intermediate(ringA), intermediate(ringB), intermediate(ringC)),
      expect: { findings: [error('chain.no-root', ca(0)), error('chain.no-root', ca(1)), error('chain.no-root', ca(2))] } },
    { group: chain, name: 'cross-signed-with-root', description: 'The same cross-signed pair with a self-signed root for one of them listed first: every chain ends at that root.',
      body: list(root(selfA), intermediate(crossB), intermediate(crossA)), nearMissFor: ['chain.no-root'], expect: { findings: [] } },
    { group: chain, name: 'aki-mismatch', description: 'An intermediate whose signature verifies with the listed root but whose AKI is not the root\'s SKI.',
      body: list(root(rootCa), intermediate(akiOther)), expect: { findings: [warning('chain.aki-mismatch', ca(1, 'certificate'))] } },
    { group: chain, name: 'aki-absent', description: 'An intermediate without AKI: nothing to mismatch, the chain is found by name and signature, but RFC 5280 wants the key id.',
      body: list(root(rootCa), intermediate(akiNone)), nearMissFor: ['chain.aki-mismatch', 'chain.issuer-missing'], expect: { findings: [warning('certificate.aki-missing', ca(1, 'certificate'))] } },

    { group: 'list', name: 'duplicate-certificate', description: 'The same root twice: an error at the later entry (the sibling PKI store answers "Duplicate Certificate exists").',
      body: list(root(rootCa), root(rootCa)), expect: { findings: [error('list.duplicate-certificate', ca(1, 'certificate'))] } },
    { group: 'list', name: 'duplicate-certificate-base64url', description: 'The same root twice, once in base64 and once in base64url: the same DER, so a duplicate.',
      body: list(root(rootCa), entry(rootCa.base64.replace(/\+/g, '-').replace(/\//g, '_').replace(/=+$/, ''), true)),
      expect: { findings: [error('list.duplicate-certificate', ca(1, 'certificate'))] } },
    { group: 'list', name: 'same-key-reissued', description: 'A root and its re-issue (same name and key, another serial number): two different certificates.',
      body: list(root(rootCa), root(reissued)), nearMissFor: ['list.duplicate-certificate'], expect: { findings: [] } },
  ];
}
