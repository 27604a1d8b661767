/**
 * PKCS#7 / CMS certificate bundles (`.p7b`, `.p7c`: what Windows' certificate export and `openssl crl2pkcs7` write) read with
 * pkijs's ContentInfo and SignedData. Loaded only when an input is a bundle (`import()` from input.ts): pkijs is several times
 * the size of the rest of the library, and most inputs are single certificates.
 *
 * Bytes in, bytes out: the certificates come back as the exact DER they have inside the bundle (their thumbprints are of
 * those bytes), taken from the decoded tree pkijs read rather than re-encoded from its objects.
 */
import * as asn1js from 'asn1js';
import { Certificate, ContentInfo, SignedData } from 'pkijs';

export interface SignedDataContents {
  /** The X.509 certificates of the bundle's `certificates` set, in its order, as their own DER. */
  certificates: Uint8Array[];
  /** Members of the set that are not X.509 certificates (attribute certificates, other formats). */
  otherCertificates: number;
  /** CRLs carried beside the certificates. */
  crls: number;
}

export class Pkcs7Error extends Error {
  constructor(
    message: string,
    /** The content type when the message is CMS but not signed data (enveloped data, plain data …). */
    readonly contentType?: string,
  ) {
    super(message);
    this.name = 'Pkcs7Error';
  }
}

type Node = asn1js.AsnType & {
  idBlock: { tagClass: number; tagNumber: number };
  valueBlock: { value?: unknown };
  valueBeforeDecodeView: Uint8Array;
};

/** Reads a DER ContentInfo holding SignedData. Throws {@link Pkcs7Error} saying what it is instead. */
export function readSignedData(der: Uint8Array): SignedDataContents {
  const decoded = asn1js.fromBER(der);
  if (decoded.offset === -1) throw new Pkcs7Error(`not DER: ${decoded.result.error}`);
  let info: ContentInfo;
  try {
    info = new ContentInfo({ schema: decoded.result });
  } catch (e) {
    throw new Pkcs7Error(`not a PKCS#7 ContentInfo (${(e as Error).message})`);
  }
  if (info.contentType !== ContentInfo.SIGNED_DATA) throw new Pkcs7Error(`content type ${info.contentType}`, info.contentType);
  let signed: SignedData;
  try {
    signed = new SignedData({ schema: info.content });
  } catch (e) {
    throw new Pkcs7Error(`its SignedData does not read (${(e as Error).message})`);
  }
  const content = info.content as Node;
  const fields = Array.isArray(content.valueBlock.value) ? (content.valueBlock.value as Node[]) : [];
  // certificates [0] IMPLICIT CertificateSet (RFC 5652 §5.1): the members pkijs read, in the same order.
  const set = fields.find((f) => f.idBlock.tagClass === 3 && f.idBlock.tagNumber === 0);
  const members = set && Array.isArray(set.valueBlock.value) ? (set.valueBlock.value as Node[]) : [];
  const read = signed.certificates ?? [];
  const certificates: Uint8Array[] = [];
  let otherCertificates = 0;
  read.forEach((c, i) => {
    const node = members[i];
    if (c instanceof Certificate && node) certificates.push(node.valueBeforeDecodeView.slice());
    else otherCertificates++;
  });
  return { certificates, otherCertificates, crls: signed.crls?.length ?? 0 };
}
