/** What the certificate-input reader can find instead of a certificate, and the shape of the words each language gives it. */

export type CertificateInputProblem =
  | { kind: 'empty' }
  | { kind: 'too-large'; bytes: number; limit: number }
  | { kind: 'private-key'; encrypted: boolean }
  | { kind: 'csr' }
  | { kind: 'pkcs12' }
  | { kind: 'crl' }
  | { kind: 'public-key' }
  | { kind: 'cms-other'; contentType: string }
  | { kind: 'pkcs7-unreadable'; reason: string }
  | { kind: 'pkcs7-empty'; crls: number }
  | { kind: 'pem-damaged'; label: string | null; line: number | null }
  | { kind: 'pem-other'; labels: string[] }
  | { kind: 'json' }
  | { kind: 'binary'; start: string }
  | { kind: 'not-certificate'; start: string }
  | { kind: 'nothing-usable'; parts: { what: CertificateInputProblem['kind']; where: string }[] }
  | { kind: 'several'; count: number }
  /** A certificate of the input that does not parse (`index` of `count`, `where` in the input). */
  | { kind: 'not-x509'; index: number; count: number; where: string; reason: string };

export type InputNote =
  | { kind: 'utf16'; encoding: 'utf-16le' | 'utf-16be'; bom: boolean }
  | { kind: 'private-key-ignored'; line: number }
  | { kind: 'pkcs7-crls-ignored'; count: number }
  | { kind: 'pkcs7-others-ignored'; count: number }
  | { kind: 'trust-settings-ignored' }
  | { kind: 'part-ignored'; what: CertificateInputProblem['kind']; where: string };

export type Words = {
  subject: string;
  problem: {
    [K in CertificateInputProblem['kind']]: (p: Extract<CertificateInputProblem, { kind: K }>, s: string, file: string) => string;
  };
  part: Partial<Record<CertificateInputProblem['kind'], string>>;
  note: { [K in InputNote['kind']]: (n: Extract<InputNote, { kind: K }>) => string };
};
