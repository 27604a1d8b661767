/**
 * The sign-in failures Entra documents for certificate-based authentication, with their codes and messages verbatim
 * (entra-docs `concept-certificate-based-authentication-certificate-revocation-list.md` "CRL error reference";
 * SupportArticles-docs `error-code-aadsts50017-certificate-based-authentication-failed.md`; docs/graph-api.md).
 * That device mTLS sign-in fails the same way is inferred: its flow is not publicly documented.
 */

export interface SignInFailure {
  /** The AADSTS code, e.g. "AADSTS2205015". */
  code: string;
  /** Entra's message, verbatim (placeholders as Entra writes them, e.g. {uri}). */
  message: string;
}

/** Entra's messages, verbatim: the CRL error reference, and the chain failures of the AADSTS50017 article. */
export const SIGN_IN = {
  notDer: {
    code: 'AADSTS2205011',
    message: "The downloaded Certificate Revocation List (CRL) isn't in a valid ASN.1 encoding format. Please contact your administrator.",
  },
  notCrl: { code: 'AADSTS500174', message: 'Unable to construct valid Certificate Revocation List (CRL) from response.' },
  signature: {
    code: 'AADSTS2205015',
    message:
      "The Certificate Revocation List (CRL) failed signature validation. The expected SubjectKeyIdentifier {expectedSKI} doesn't match CRL's AuthorityKeyIdentifier {crlAK}. Please contact your administrator.",
  },
  window: {
    code: 'AADSTS500172',
    message:
      "Certificate '{name}' issued by '{issuer}' is not valid. Current time: '{curTime}'. Certificate NotBefore: '{startTime}'. Certificate NotAfter: '{endTime}'.",
  },
  revoked: { code: 'AADSTS500171', message: 'Certificate has been revoked. Please contact your administrator.' },
  tooLarge: {
    code: 'AADSTS2205014',
    message:
      "The attempt to download the Certificate Revocation List (CRL) from '{uri}' during the interactive sign-in has exceeded the maximum allowed size ({size} bytes). The CRL is being provisioned with CRL's service download limit, please try again in a few minutes.",
  },
  download: {
    code: 'AADSTS500173',
    message:
      'Unable to download a Certificate Revocation List (CRL). Invalid status code {code} from CRL distribution point. Please contact your administrator.',
  },
  timeout: {
    code: 'AADSTS2205012',
    message:
      "The attempt to download the Certificate Revocation List (CRL) from '{uri}' during the interactive sign-in has timed out. We're trying to download again. Please try again in a few minutes.",
  },
  deltaWithoutBase: {
    code: 'AADSTS500177',
    message:
      'Certificate Revocation List (CRL) misconfigured. Delta CRL distribution point is configured without a corresponding base CRL distribution point. Please contact your administrator.',
  },
  issuerMissing: {
    code: 'AADSTS500176',
    message: "The certificate authority that issued your certificate hasn't been set up in the tenant. Please contact your administrator.",
  },
  chain: { code: 'AADSTS50017', message: 'Validation of given certificate for certificate based authentication failed.' },
} satisfies Record<string, SignInFailure>;
