/**
 * English messages, keyed by rule id. `message` says what is wrong, `fix` how to mend it; a variant refines both
 * for one flavour of the problem. Graph's own messages are not here: they stay verbatim in the rules.
 */
import type { Catalogue } from './types.js';

export const en = {
  // Reported by the engine, not by a rule of its own (src/rules/run.ts).
  'internal.rule-failed': {
    message: 'The rule {rule} failed on this input ({error}), so what it checks is unknown here; every other rule ran.',
    fix: 'This is a defect in ca-preflight, not in the body: please report it with the body that caused it.',
  },
  'body.not-json': {
    message: 'The body is not valid JSON.',
    fix: 'Send a single JSON object; check quotes, commas (no trailing comma) and brackets around the position shown.',
    variants: {
      bom: {
        message: 'The body starts with a byte order mark (U+FEFF), which is not JSON.',
        fix: 'Save the file as UTF-8 without a byte order mark: in PowerShell 7, Set-Content -Encoding utf8NoBOM; in Windows PowerShell 5, [IO.File]::WriteAllText($path, $text); in Notepad, Save as with the encoding "UTF-8", not "UTF-8 with BOM".',
      },
      'too-deep': {
        message: 'The body nests deeper than {limit} levels (a trust list is three deep), so it is not read as JSON here.',
        fix: 'Send the trust list itself: {"displayName": "…", "certificateAuthorities": [ { … } ]}.',
      },
      InvalidSymbol: { message: 'The body is not valid JSON: unexpected character.' },
      InvalidNumberFormat: { message: 'The body is not valid JSON: invalid number.' },
      PropertyNameExpected: { message: 'The body is not valid JSON: a property name in double quotes was expected.' },
      ValueExpected: { message: 'The body is not valid JSON: a value was expected.' },
      ColonExpected: { message: 'The body is not valid JSON: a colon was expected.' },
      CommaExpected: { message: 'The body is not valid JSON: a comma was expected.' },
      CloseBraceExpected: { message: 'The body is not valid JSON: a closing brace was expected.' },
      CloseBracketExpected: { message: 'The body is not valid JSON: a closing bracket was expected.' },
      EndOfFileExpected: { message: 'The body is not valid JSON: the text goes on after the JSON value.' },
      InvalidCommentToken: { message: 'The body is not valid JSON: comments are not allowed in JSON.' },
      UnexpectedEndOfComment: { message: 'The body is not valid JSON: unterminated comment.' },
      UnexpectedEndOfString: { message: 'The body is not valid JSON: unterminated string.' },
      UnexpectedEndOfNumber: { message: 'The body is not valid JSON: unterminated number.' },
      InvalidUnicode: { message: 'The body is not valid JSON: invalid \\u escape.' },
      InvalidEscapeCharacter: { message: 'The body is not valid JSON: invalid escape character.' },
      InvalidCharacter: { message: 'The body is not valid JSON: invalid character in a string.' },
      cycle: {
        message: 'The body is not JSON data: the value contains a cycle.',
        fix: 'Pass JSON text, or a value made of plain objects, arrays, strings, numbers, booleans and null, with no object inside itself.',
      },
      'non-finite': {
        message: 'The body is not JSON data: the number {value} cannot be written in JSON.',
        fix: 'Pass JSON text, or a value made of plain objects, arrays, strings, finite numbers, booleans and null.',
      },
      undefined: {
        message: 'The body is not JSON data: an undefined value cannot be written in JSON.',
        fix: 'Pass JSON text, or a value made of plain objects, arrays, strings, numbers, booleans and null.',
      },
      function: {
        message: 'The body is not JSON data: a function cannot be written in JSON.',
        fix: 'Pass JSON text, or a value made of plain objects, arrays, strings, numbers, booleans and null.',
      },
      symbol: {
        message: 'The body is not JSON data: a symbol cannot be written in JSON.',
        fix: 'Pass JSON text, or a value made of plain objects, arrays, strings, numbers, booleans and null.',
      },
      bigint: {
        message: 'The body is not JSON data: a bigint cannot be written in JSON.',
        fix: 'Pass JSON text, or a value made of plain objects, arrays, strings, numbers, booleans and null.',
      },
      'prototype-literal': {
        message:
          'The body is not JSON data: an object whose prototype is another object (as a literal "__proto__: {…}" makes) cannot be written in JSON.',
        fix: 'Define a member named "__proto__" with JSON.parse or Object.defineProperty, or pass JSON text.',
      },
      'class-instance': {
        message: 'The body is not JSON data: a {name} object cannot be written in JSON.',
        fix: 'Pass JSON text, or a value made of plain objects, arrays, strings, numbers, booleans and null.',
      },
      unreadable: {
        message: 'The body could not be read: {error}.',
        fix: 'Pass JSON text, or a value whose getters do not throw.',
      },
    },
  },
  'body.too-large': {
    message:
      'The body is {size} characters long, more than the {limit} this checker reads, so it was not checked. This is a limit of ca-preflight, not one Graph documents.',
    fix: 'Check that the file is the request body; a full list of 250 CAs is well under 4 MiB.',
    variants: {
      bytes: {
        message:
          'The body is {size} bytes, more than this checker reads ({limit} characters at most), so it was not checked. This is a limit of ca-preflight, not one Graph documents.',
      },
    },
  },
  'body.not-utf8': {
    message:
      'The body is UTF-16 text ({encoding}): sent as it is, its bytes are not the UTF-8 JSON that Graph reads (RFC 8259 §8.1 requires UTF-8 between systems). It was checked as decoded.',
    fix: 'Save the file as UTF-8 without a byte order mark: in PowerShell 7, Set-Content -Encoding utf8NoBOM; Windows PowerShell 5 writes UTF-16 with Out-File and >, so use [IO.File]::WriteAllText($path, $text) instead.',
    variants: {
      'utf-16-bom': {
        message:
          'The body is UTF-16 text ({encoding}, with a byte order mark, as Windows PowerShell 5 writes with Out-File and >): sent as it is, its bytes are not the UTF-8 JSON that Graph reads (RFC 8259 §8.1 requires UTF-8 between systems). It was checked as decoded.',
      },
      invalid: {
        message: 'Byte {offset} of the body is not UTF-8 (RFC 8259 §8.1 requires UTF-8 JSON between systems); the check read it as U+FFFD.',
        fix: 'Save the file as UTF-8, or replace the character at that place.',
      },
    },
  },
  'body.not-object': {
    message: 'The body is a JSON {type}, not an object.',
    fix: 'Send an object such as {"displayName": "…", "certificateAuthorities": [ … ]}.',
  },
  'body.read-only-property': {
    message: '"{property}" is read-only and differs from the current resource: a PATCH cannot change it.',
    fix: 'Remove "{property}" from the body; only displayName and certificateAuthorities can be updated.',
    variants: {
      'no-current': {
        message:
          '"{property}" is read-only and cannot be changed by a PATCH; without the current resource it cannot be told whether the value is unchanged.',
        fix: 'Remove "{property}" from the body, or check with the current resource (--current get.json): an unchanged value may be ignored.',
      },
    },
  },
  'body.read-only-unchanged': {
    message:
      '"{property}" is read-only and sent unchanged: Microsoft\'s Graph guidelines say an unchanged read-only value is ignored, but directory resources have been seen to answer 400 "Property \'{property}\' is read-only and cannot be set."',
    fix: 'Remove "{property}" to be sure: the SDKs\' GET → modify → PATCH re-sends it; send only displayName and certificateAuthorities.',
  },
  'body.unknown-property': {
    message: 'The resource has no member "{property}".',
    fix: 'Remove "{property}"; updatable members are displayName and certificateAuthorities.',
    variants: {
      suggestion: {
        message: 'The resource has no member "{property}"; did you mean "{suggestion}"?',
        fix: 'Rename "{property}" to "{suggestion}" (the update page\'s table misspells it).',
      },
    },
  },
  'body.collection-response': {
    message:
      'The body is a collection response (GET …/mutualTlsOauthConfigurations); the configuration "{id}" it holds (value/{index}) is what is checked here. Sent as it is, the request would carry "value", which the resource does not have.',
    fix: "Send that configuration's writable members only: ca-preflight patch builds the request from the collection (with --id when it holds several).",
    variants: {
      choose: {
        message: 'The body is a collection response with {count} configurations ({ids}) and none was chosen, so no trust list was checked.',
        fix: 'Choose one: ca-preflight check --id ID (in the library, the id option; on the page, the configuration list).',
      },
      'not-found': {
        message: 'The body is a collection response without a configuration whose id is "{id}" (ids: {ids}), so no trust list was checked.',
        fix: "Give one of the ids listed, or check that configuration's own GET response.",
      },
      empty: {
        message: 'The body is a collection response that holds no configuration, so there is no trust list to check.',
        fix: 'Check the GET response of the configuration to update (GET …/mutualTlsOauthConfigurations/ID), or create one first.',
      },
    },
  },
  'body.odata-control-ignored': {
    message: '"{property}" is OData control information; the server ignores it in a request.',
    fix: 'Remove "{property}" (it comes from a GET response).',
  },
  'body.odata-type-invalid': {
    message: '@odata.type "{type}" is not the type of this object.',
    fix: 'Use "{expected}" or remove @odata.type.',
  },
  'body.odata-type-wrong': {
    message: '@odata.type "{type}" is {what}, not the type of this object ("{expected}").',
    fix: 'Use "{expected}" or remove @odata.type; this request is for a mutualTlsOauthConfiguration.',
  },
  'body.directory-extension': {
    message:
      '"{property}" is a directory extension of the application {appId}; directory extensions apply to users, groups, administrative units, applications, devices and the organization, not to this resource.',
    fix: 'Remove "{property}"; the trust list has no extension properties.',
  },
  'body.wrong-type': {
    message: '"{property}" has the wrong JSON type ({actual}).',
    fix: 'Give "{property}" the type the resource defines.',
    variants: {
      'string-or-null': {
        message: '"{property}" must be a string or null, not a JSON {actual}.',
        fix: 'Give "{property}" a string in quotes, or null.',
      },
      null: {
        message: '"{property}" is null, which the metadata does not allow (Nullable="false"): null does not clear the list.',
        fix: 'Send "{property}": [] to remove every CA, or leave "{property}" out to keep the list as it is.',
      },
      array: {
        message: '"{property}" must be an array, not a JSON {actual}.',
        fix: 'Give "{property}" an array of certificateAuthority objects: [ { … }, … ].',
      },
    },
  },
  'body.duplicate-key': {
    message: 'The member "{member}" is written more than once in the same object.',
    fix: 'Keep one occurrence of "{member}".',
  },
  'body.empty-list': {
    message: 'certificateAuthorities is empty: the update removes every trusted CA.',
    fix: 'List every CA that should stay trusted, or remove certificateAuthorities from the body to leave the list unchanged.',
  },
  'body.display-name-too-long': {
    message: 'displayName is {length} characters long; the trust store allows {max}.',
    fix: 'Shorten displayName to at most {max} characters.',
  },
  'body.too-many-cas': {
    message: 'The list has {count} CAs; the trust store allows {max}.',
    fix: 'Remove CAs that are no longer needed, or split devices across several configurations.',
  },
  'entry.not-object': {
    message: 'This element of certificateAuthorities is a JSON {actual}, not an object.',
    fix: 'Make each element an object with certificate and isRootAuthority.',
  },
  'entry.root-flag-invalid': {
    message: 'isRootAuthority must be true or false, not a JSON {actual}.',
    fix: 'Set isRootAuthority to true for a self-signed root and false for an intermediate (no quotes).',
    variants: {
      missing: {
        message: 'isRootAuthority is missing; it is required.',
        fix: 'Add "isRootAuthority": true for a self-signed root, false for an intermediate.',
      },
    },
  },
  'entry.url-wrong-type': {
    message: '"{property}" must be a string or null, not a JSON {actual}.',
    fix: 'Give "{property}" an http URL in quotes, or null.',
  },
  'entry.unknown-property': {
    message: 'certificateAuthority has no member "{property}".',
    fix: 'Remove "{property}"; an entry has certificate, isRootAuthority, certificateRevocationListUrl and deltaCertificateRevocationListUrl.',
    variants: {
      suggestion: {
        message: 'certificateAuthority has no member "{property}"; did you mean "{suggestion}"?',
        fix: 'Remove "{property}" ("{suggestion}" is the real name; if it is a read-only echo, the server computes it and it can be left out).',
      },
      sibling: {
        message: 'certificateAuthority has no member "{property}" (that is the spelling of {sibling}); this type has "{suggestion}".',
        fix: 'Remove "{property}" and say the same with "{suggestion}".',
      },
      'sibling-read-only': {
        message: 'certificateAuthority has no member "{property}" (that is the spelling of {sibling}); this type has "{suggestion}".',
        fix: 'Remove "{property}"; use "{suggestion}" if the value is needed ({suggestion} is read-only: the server computes it).',
      },
      'sibling-only': {
        message: 'certificateAuthority has no member "{property}": it belongs to {sibling}, another trust store.',
        fix: 'Remove "{property}"; an entry here has certificate, isRootAuthority and the two CRL URLs only.',
      },
    },
  },
  'entry.null-not-nullable': {
    message: '{property} is null, which the metadata does not allow (Nullable="false"); the server computes it from the certificate.',
    fix: 'Remove {property} from the entry.',
  },
  'certificate.missing': {
    message: 'The entry has no certificate.',
    fix: 'Add "certificate" with the base64 of the CA certificate\'s DER bytes.',
    variants: {
      null: { message: 'certificate is null.', fix: "Give the base64 of the CA certificate's DER bytes, or remove the entry." },
    },
  },
  'certificate.not-base64': {
    message: 'certificate is not base64.',
    fix: 'Encode the DER bytes as one line of base64 (for example `base64 -w0 ca.der`), with no spaces or line breaks.',
    variants: {
      type: {
        message: 'certificate must be a base64 string, not a JSON {actual}.',
        fix: "Give the base64 of the CA certificate's DER bytes, in quotes.",
      },
      empty: { message: 'certificate is not base64: the string is empty.' },
      whitespace: { message: 'certificate is not base64: it contains white space or a line break at character {index}.' },
      character: { message: 'certificate is not base64: character {index} ("{char}") is not a base64 character.' },
      'mixed-alphabets': { message: 'certificate is not base64: it mixes the base64 ("+", "/") and base64url ("-", "_") alphabets.' },
      padding: { message: 'certificate is not base64: its "=" padding is wrong.' },
      length: { message: 'certificate is not base64: its length is not possible for base64 (one character too many or too few).' },
    },
  },
  'certificate.pem-armour': {
    message: 'certificate holds PEM text (-----BEGIN CERTIFICATE-----), not base64.',
    fix: 'Drop the BEGIN/END lines and join the base64 lines into one string.',
  },
  'certificate.not-x509': {
    message: 'certificate is base64 but not a DER X.509 certificate.',
    fix: "Check that the bytes are the certificate itself (not a key, CSR or PKCS#7 bundle) and that nothing was cut or appended; ca-preflight inspect with this value gives the decoder's own account.",
    variants: {
      structure: { message: 'certificate is base64 but not a DER X.509 certificate: {where} does not have the form RFC 5280 gives it.' },
      truncated: {
        message:
          'certificate is base64 but not a DER X.509 certificate: the DER is cut short in {where}: a length field announces more than the {given} bytes given.',
      },
      overrun: {
        message:
          'certificate is base64 but not a DER X.509 certificate: a value in {where} runs past the end of the value that contains it (X.690 §8.1.1).',
      },
      'not-ber': { message: 'certificate is base64 but not a DER X.509 certificate: {where} is not encoded as X.690 allows.' },
      time: {
        message:
          'certificate is base64 but not a DER X.509 certificate: {where} is not a valid UTCTime or GeneralizedTime (RFC 5280 §4.1.2.5).',
      },
      'integer-range': {
        message: 'certificate is base64 but not a DER X.509 certificate: {where} holds a number outside the range its field allows.',
      },
      trailing: { message: 'certificate is base64 but not a DER X.509 certificate: {count} byte(s) follow its DER value.' },
      'too-large': {
        message: 'certificate is base64 but not a DER X.509 certificate: it is {size} bytes, more than the {limit} accepted.',
      },
      'text-too-long': {
        message:
          'certificate is not read: the text is {size} characters long, more than the {limit} accepted (certificates of up to {bytes} bytes).',
      },
      pooled: {
        message:
          "certificate decodes to exactly 8,192 bytes, the size of Node's Buffer pool: this is what the Kiota SDK sends when given buffer.buffer of a small Buffer — the whole pool, other memory of the process included.",
        fix: 'Give the SDK only the certificate: buf.buffer.slice(buf.byteOffset, buf.byteOffset + buf.byteLength), or new Uint8Array(buf).buffer; treat what was sent as a leak of process memory.',
      },
    },
  },
  'certificate.not-ca': {
    message: '{subject} is not a CA certificate: basicConstraints cA is false.',
    fix: 'List only CA certificates (basicConstraints cA=true); a device or server certificate does not belong in the trust list.',
    variants: {
      absent: {
        message: '{subject} is not a CA certificate: it has no basicConstraints extension.',
        fix: 'List only CA certificates (basicConstraints cA=true); reissue the CA with basicConstraints if it really is one.',
      },
    },
  },
  'certificate.key-cert-sign-missing': {
    message: 'keyUsage ({bits}) does not allow signing certificates (keyCertSign).',
    fix: 'Reissue the CA with keyUsage keyCertSign (and cRLSign if it publishes CRLs).',
  },
  'certificate.expired': {
    message: '{subject} expired on {notAfter}.',
    fix: 'Remove the expired CA or replace it with its renewed certificate.',
  },
  'certificate.not-yet-valid': {
    message: 'The certificate is not valid until {notBefore}.',
    fix: "Check the CA's notBefore and the clock (--at); devices cannot be validated against it before then.",
  },
  'certificate.ski-missing': {
    message: "The CA certificate has no subjectKeyIdentifier, so Graph's issuerSki has nothing to show.",
    fix: 'Reissue the CA with a subjectKeyIdentifier (SHA-1 of the public key, RFC 5280 method 1).',
  },
  'certificate.key-usage-missing': {
    message: 'This CA certificate has no keyUsage extension.',
    fix: 'Reissue the CA with a critical keyUsage asserting keyCertSign (and cRLSign if it signs CRLs).',
  },
  'certificate.key-usage-not-critical': {
    message: 'keyUsage is not marked critical in this CA certificate.',
    fix: 'Reissue the CA with keyUsage marked critical.',
  },
  'certificate.subject-empty': {
    message: 'This CA certificate has an empty subject.',
    fix: 'Reissue the CA with a distinguished name as its subject (for example CN=…, O=…, C=…).',
  },
  'certificate.issuer-empty': {
    message: "The certificate's issuer name is empty.",
    fix: 'Reissue the certificate from a CA with a non-empty subject name.',
  },
  'certificate.rsa-exponent-invalid': {
    message: 'The RSA public exponent {exponent} is not a valid exponent.',
    fix: 'The key cannot be genuine: replace the CA with one on a properly generated RSA key (exponent 65537).',
    variants: {
      even: { message: 'The RSA public exponent {exponent} is even, which no RSA key can have.' },
      'below-3': { message: 'The RSA public exponent {exponent} is below 3, which no RSA key can have.' },
    },
  },
  'certificate.rsa-modulus-size': {
    message: 'The RSA modulus is {bits} bits, not a multiple of 8.',
    fix: 'Reissue the CA on an RSA key of 2048, 3072 or 4096 bits.',
  },
  'certificate.rsa-parameters-not-null': {
    message: "An RSA AlgorithmIdentifier's parameters are not NULL.",
    fix: 'Reissue the certificate with NULL parameters, as RFC 3279 and RFC 4055 require.',
    variants: {
      key: { message: "The rsaEncryption key's AlgorithmIdentifier has parameters that are absent or not NULL." },
      signature: { message: "The {algorithm} signature algorithm's parameters are absent or not NULL." },
    },
  },
  'certificate.path-length-negative': {
    message: 'pathLenConstraint is {value}, a negative number.',
    fix: 'Reissue the CA with pathLenConstraint 0 or more, or without it for no limit.',
  },
  'certificate.path-length-without-key-cert-sign': {
    message: 'pathLenConstraint is set, but keyUsage does not allow signing certificates (keyCertSign).',
    fix: 'Reissue the certificate without pathLenConstraint, or as a CA whose keyUsage asserts keyCertSign.',
    variants: {
      'not-ca': { message: 'pathLenConstraint is set in a certificate whose basicConstraints says it is not a CA.' },
    },
  },
  'certificate.constraint-not-critical': {
    message: 'A constraint extension is not marked critical.',
    fix: 'Reissue the CA with the extension marked critical.',
    variants: {
      nameConstraints: { message: 'nameConstraints is not marked critical.' },
      policyConstraints: { message: 'policyConstraints is not marked critical.' },
      inhibitAnyPolicy: { message: 'inhibitAnyPolicy is not marked critical.' },
    },
  },
  'certificate.eku-excludes-client-auth': {
    message: "This CA's extendedKeyUsage ({purposes}) does not allow clientAuth.",
    fix: 'Reissue the CA without extendedKeyUsage, or with clientAuth (1.3.6.1.5.5.7.3.2) among its purposes, so devices under it can authenticate with TLS.',
    variants: {
      empty: { message: "This CA's extendedKeyUsage lists no purpose at all, so it allows no usage, clientAuth included." },
    },
  },
  'certificate.serial-invalid': {
    message: 'The serial number is not a positive integer of at most 20 octets.',
    fix: 'Reissue the certificate with a positive serial number of at most 20 octets (CAs use 16 random octets).',
    variants: {
      zero: { message: 'The serial number is zero.' },
      negative: { message: 'The serial number {serial} is negative.' },
      'too-long': { message: 'The serial number is {octets} octets long; RFC 5280 allows at most 20.' },
    },
  },
  'certificate.extensions-before-v3': {
    message: 'This version {version} certificate carries extensions, which exist only in version 3.',
    fix: 'Reissue the certificate as version 3.',
  },
  'certificate.unique-identifiers': {
    message: 'The certificate carries {fields}, fields conforming CAs no longer generate.',
    fix: 'Reissue the certificate without unique identifiers.',
    variants: {
      'version-1': { message: 'The certificate carries {fields}, which a version 1 certificate cannot have.' },
    },
  },
  'chain.policies-inconsistent': {
    message: 'This CA asserts certificate policies ({policies}) that its issuer at {issuer} neither asserts nor allows through anyPolicy.',
    fix: 'Make the certificate policies consistent along the chain: reissue the CA with policies its issuer asserts (or have the issuer assert anyPolicy).',
    variants: {
      missing: { message: 'This CA has no certificatePolicies extension, but its issuer at {issuer} has one.' },
      'issuer-missing': { message: 'This CA has a certificatePolicies extension, but its issuer at {issuer} has none.' },
    },
  },
  'certificate.key-invalid': {
    message: 'The public key is not a valid {algorithm} key.',
    fix: 'The certificate cannot verify anything: it was corrupted or built wrongly. Replace it with the CA’s genuine certificate.',
    variants: {
      'rsa-modulus': { message: 'The public key is not a valid {algorithm} key: the RSA modulus is not a positive integer.' },
      'rsa-exponent': { message: 'The public key is not a valid {algorithm} key: the RSA public exponent is not a positive integer.' },
      'rsa-unreadable': {
        message: 'The public key is not a valid {algorithm} key: its RSAPublicKey is not two DER INTEGERs (RFC 3279 §2.3.1).',
      },
      'ec-no-curve': {
        message: 'The public key is not a valid {algorithm} key: it names no curve (RFC 5480 §2.1.1: the parameters are required).',
      },
      'ec-params': {
        message:
          'The public key is not a valid {algorithm} key: its parameters are neither a named curve, implicit nor explicit (RFC 5480 §2.1.1).',
      },
      'ec-coordinates': {
        message: "The public key is not a valid {algorithm} key: the point's coordinates are not below the field prime of {curve}.",
      },
      'ec-off-curve': { message: 'The public key is not a valid {algorithm} key: the point is not on the curve {curve}.' },
      'ec-x-range': {
        message: "The public key is not a valid {algorithm} key: the point's x coordinate is not below the field prime of {curve}.",
      },
      'ec-no-point': { message: 'The public key is not a valid {algorithm} key: no point of {curve} has this x coordinate.' },
      'ec-infinity': {
        message: 'The public key is not a valid {algorithm} key: the point is the point at infinity, which is not a public key.',
      },
      'ec-length': {
        message:
          'The public key is not a valid {algorithm} key: a point of {curve} is {uncompressed} octets (uncompressed) or {compressed} (compressed); this one is {actual}.',
      },
      'eddsa-params': {
        message: 'The public key is not a valid {algorithm} key: its AlgorithmIdentifier has parameters; RFC 8410 §3 requires them absent.',
      },
      'eddsa-size': { message: 'The public key is not a valid {algorithm} key: such a key is {size} octets; this one is {actual}.' },
      'unused-bits': {
        message:
          'The public key is not a valid {algorithm} key: its BIT STRING has {count} unused bit(s); a key is a whole number of octets.',
      },
    },
  },
  'certificate.weak-key': {
    message: 'The {algorithm} key is only {size} bits.',
    fix: 'Replace the CA with one using RSA ≥ 2048 bits or ECDSA P-256 or stronger.',
  },
  'certificate.weak-signature': {
    message: 'The certificate is signed with {algorithm} ({hash} can be forged).',
    fix: 'Reissue the CA with a SHA-256 (or stronger) signature.',
  },
  'certificate.signature-unverifiable': {
    message: 'The signature ({algorithm}) could not be verified here.',
    variants: {
      algorithm: { message: 'The signature ({algorithm}) could not be verified: WebCrypto has no {algorithm}.' },
      'pss-params': { message: 'The signature ({algorithm}) could not be verified: its RSASSA-PSS parameters cannot be read.' },
      'pss-hashes': {
        message: 'The signature ({algorithm}) could not be verified: WebCrypto has no RSASSA-PSS with {hash} and MGF1 {mgf}.',
      },
      curve: { message: 'The signature ({algorithm}) could not be verified: WebCrypto has no ECDSA on the curve {curve}.' },
      'crypto-error': { message: 'The signature ({algorithm}) could not be verified: the WebCrypto implementation failed ({error}).' },
    },
    fix: 'Verify the chain with another tool (for example `openssl verify`); the findings assume it is valid.',
  },
  'certificate.basic-constraints-not-critical': {
    message: 'basicConstraints is not marked critical.',
    fix: 'Reissue the CA with basicConstraints critical; some verifiers reject it as is.',
  },
  'certificate.key-identifier-critical': {
    message: '{extension} is marked critical.',
    fix: 'Reissue the CA with {extension} non-critical.',
  },
  'certificate.duplicate-extension': {
    message: 'Extension {oid} appears more than once.',
    fix: 'Reissue the certificate with each extension once.',
  },
  'flag.root-not-self-signed': {
    message: 'isRootAuthority is true, but the certificate was issued by {issuer}: it is not a root.',
    fix: 'Set isRootAuthority to false and list its issuer too.',
    variants: {
      'bad-signature': {
        message: "isRootAuthority is true, but the certificate's signature does not verify with its own key: it is not self-signed.",
        fix: 'Set isRootAuthority to false and list the CA that really signed it.',
      },
    },
  },
  'flag.self-signed-not-root': {
    message: 'isRootAuthority is false, but {subject} is self-signed: it is a root.',
    fix: 'Set isRootAuthority to true.',
  },
  'echo.issuer': {
    message: 'issuer "{given}" does not match the certificate (its issuer is "{computed}").',
    fix: 'Remove issuer: it is read-only and the server computes it.',
    variants: {
      match: {
        message: 'issuer matches the certificate; it is read-only, the server computes it.',
        fix: 'Remove issuer from the request; it is ignored at best.',
      },
      subject: {
        message:
          'issuer names the certificate\'s subject ("{subject}"), not its issuer ("{computed}"); it is read-only, the server computes it.',
        fix: 'Remove issuer from the request.',
      },
    },
  },
  'echo.issuer-ski': {
    message: 'issuerSki "{given}" does not match the certificate\'s subjectKeyIdentifier {computed}.',
    fix: 'Remove issuerSki: it is read-only and the server computes it.',
    variants: {
      match: {
        message: 'issuerSki matches the certificate; it is read-only, the server computes it.',
        fix: 'Remove issuerSki from the request; it is ignored at best.',
      },
    },
  },
  'crl.url-not-absolute': {
    message: '"{url}" is not an absolute URL.',
    fix: 'Give a full http URL such as "http://pki.example.com/ca.crl", or null for no CRL.',
  },
  'crl.url-not-http': {
    message: '"{url}" uses {scheme}; Entra only fetches CRLs over http.',
    fix: 'Publish the CRL at an http:// URL (CRLs are signed, so http is safe) and use that.',
    variants: {
      https: {
        message:
          '"{url}" uses https: Entra\'s newest CRL page (2025) supports HTTP or HTTPS but recommends HTTP; its older FAQ and configuration pages, and Microsoft\'s MSIdentityTools, allow HTTP only.',
        fix: 'Prefer an http:// URL (CRLs are signed, so http is safe); keep https only if you have checked that revocation works with it.',
      },
    },
  },
  'crl.delta-without-base': {
    message: 'A delta CRL URL is set without a base CRL URL (AADSTS500177 at sign-in).',
    fix: 'Set certificateRevocationListUrl to the complete CRL, or remove the delta URL.',
  },
  'crl.delta-equals-base': {
    message: 'The delta CRL URL is the same as the base CRL URL ("{url}").',
    fix: 'Point deltaCertificateRevocationListUrl at the delta CRL, or set it to null.',
  },
  'crl.ca-lacks-crl-sign': {
    message: "A CRL URL is configured, but the CA's keyUsage ({bits}) does not include cRLSign, so it cannot sign that CRL.",
    fix: "Use the URL of the CRL this CA's issuer publishes, or reissue the CA with cRLSign.",
  },
  'crl.subordinate-cdp-mismatch': {
    message: 'The configured CRL URL "{url}" is not among the CRL distribution points of the CA it issued at {subordinate} ({points}).',
    fix: 'Check that "{url}" is the CRL this CA publishes; its subordinates point to {points}.',
  },
  'list.duplicate-certificate': {
    message: 'This certificate is already listed at {first} (SHA-256 {thumbprint}).',
    fix: 'Remove the second copy.',
  },
  'chain.issuer-missing': {
    message: 'The issuer of this intermediate ({issuer}) is not in the list: devices under it fail to sign in (AADSTS50017).',
    fix: 'Add the CA certificate of {issuer} (and every CA up to its root).',
    variants: {
      'key-id-match': {
        message:
          'The issuer of this intermediate ({issuer}) is not in the list (AADSTS50017 at sign-in); {keyIdMatch} has the matching key identifier but a different subject name.',
        fix: 'Check the names: RFC 5280 chains by name; add the right issuer certificate.',
      },
    },
  },
  'chain.issuer-signature-invalid': {
    message: 'The listed CA named {issuer} ({candidates}) did not sign this certificate: the signature does not verify with its key.',
    fix: 'Add the CA certificate whose key really signed it (a re-keyed or renewed CA has a new key), or remove this certificate.',
  },
  'chain.aki-mismatch': {
    message: 'authorityKeyIdentifier {aki} differs from the subjectKeyIdentifier {ski} of its issuer at {issuer}.',
    fix: "Reissue the certificate with the issuer's SKI as its AKI.",
  },
  'chain.no-root': {
    message: 'The issuers of this CA go round in a loop ({loop}) without reaching a self-signed root.',
    fix: 'Add the self-signed root of this hierarchy.',
  },
  'chain.path-length-exceeded': {
    message: 'This CA is {depth} level(s) below {ancestor}, whose pathLenConstraint is {limit}.',
    fix: 'Device certificates issued under this CA will fail validation: issue them from a CA allowed by the constraint.',
  },
  'update.removes-cas': {
    message: 'The update removes {count} CA(s) that the current resource has: {list}.',
    fix: 'Add them back to certificateAuthorities if they should stay trusted (the server deletes whatever the list leaves out).',
  },
  'update.adds-while-expired': {
    message:
      'The update adds CAs ({added}) while keeping {subject}, which expired on {notAfter}; Entra refuses uploads while a CA is expired.',
    fix: 'Remove or replace the expired CA in the same update.',
  },
  'body.odata-type-no-hash': {
    message: '@odata.type "{type}" lacks the leading "#" that OData JSON prescribes.',
    fix: 'Write "#{type}", or remove @odata.type.',
  },
  'certificate.not-strict-der': {
    message: 'The certificate is not DER: {where} breaks {clause} ({count} occurrence(s)).',
    fix: 'Re-encode the certificate as DER (for example `openssl x509 -in ca.cer -outform DER`) and send that; if the CA signed these bytes, have it reissued, since re-encoding the signed part breaks the signature.',
    variants: {
      'indefinite-length': {
        message: 'The certificate is not DER: an indefinite length in {where} ({clause}; {count} occurrence(s) in the certificate).',
      },
      'length-not-minimal': {
        message:
          'The certificate is not DER: a length in {where} not written in its shortest form ({clause}; {count} occurrence(s) in the certificate).',
      },
      'tag-form': {
        message:
          'The certificate is not DER: a tag number in {where} written in the multi-octet form ({clause}; {count} occurrence(s) in the certificate).',
      },
      'constructed-string': {
        message:
          'The certificate is not DER: {where} is a string split into segments (the constructed form) ({clause}; {count} occurrence(s) in the certificate).',
      },
      'set-order': {
        message:
          'The certificate is not DER: the values of {where} are not in ascending order of their encodings ({clause}; {count} occurrence(s) in the certificate).',
      },
      'boolean-value': {
        message:
          'The certificate is not DER: the BOOLEAN {where} is TRUE but not written 0xFF ({clause}; {count} occurrence(s) in the certificate).',
      },
      'bits-padding': {
        message:
          'The certificate is not DER: the unused bits of the BIT STRING {where} are not zero ({clause}; {count} occurrence(s) in the certificate).',
      },
      'bits-trailing-zero': {
        message: 'The certificate is not DER: {where}: trailing zero bit ({clause}; {count} occurrence(s) in the certificate).',
      },
      'default-encoded': {
        message:
          'The certificate is not DER: {where} holds its DEFAULT value, which DER leaves out ({clause}; {count} occurrence(s) in the certificate).',
      },
      'time-no-seconds': {
        message: 'The certificate is not DER: {where} has no seconds ({clause}; {count} occurrence(s) in the certificate).',
      },
      'time-offset': {
        message:
          'The certificate is not DER: {where} has an offset from UTC instead of "Z" ({clause}; {count} occurrence(s) in the certificate).',
      },
    },
  },
  'certificate.schema-violation': {
    message: '{where} is not a value the X.509 definitions allow ({clause}; {count} occurrence(s)).',
    fix: 'Have the CA reissue the certificate with the field corrected; until then expect strict verifiers to read it differently or reject it.',
    variants: {
      'empty-rdn': {
        message: '{where} is an empty RDN (a name component with no attribute) ({clause}; {count} occurrence(s) in the certificate).',
      },
      'attribute-syntax': {
        message:
          '{where} is not of a type its attribute allows (a DirectoryString, or the PrintableString or IA5String the attribute requires) ({clause}; {count} occurrence(s) in the certificate).',
      },
      'empty-sequence': {
        message: '{where} is an empty list where at least one item is required ({clause}; {count} occurrence(s) in the certificate).',
      },
      'alphabet-18': {
        message:
          '{where} is a NumericString holding characters other than digits and space ({clause}; {count} occurrence(s) in the certificate).',
      },
      'alphabet-19': {
        message:
          '{where} is a PrintableString holding characters outside its alphabet (such as "@", "&" or "*") ({clause}; {count} occurrence(s) in the certificate).',
      },
      'alphabet-22': { message: '{where} is an IA5String holding non-ASCII octets ({clause}; {count} occurrence(s) in the certificate).' },
      'alphabet-26': {
        message: '{where} is a VisibleString holding control or non-ASCII characters ({clause}; {count} occurrence(s) in the certificate).',
      },
      'time-fraction': { message: '{where} has fractional seconds ({clause}; {count} occurrence(s) in the certificate).' },
      'time-generalized-for-utc': {
        message:
          '{where} is a GeneralizedTime for a date from 1950 to 2049, which must be a UTCTime ({clause}; {count} occurrence(s) in the certificate).',
      },
      'no-bits': { message: '{where} has no bit set ({clause}; {count} occurrence(s) in the certificate).' },
      'duplicate-policy': { message: '{where} lists the same policy more than once ({clause}; {count} occurrence(s) in the certificate).' },
      'value-not-its-type': {
        message:
          'the value of {where} is not of the type RFC 5280 defines for it, so verifiers that decode it reject the certificate ({clause}; {count} occurrence(s) in the certificate).',
      },
      'value-not-ber': {
        message: 'the value of {where} is not valid DER, so no reader can rely on it ({clause}; {count} occurrence(s) in the certificate).',
      },
    },
  },
  'certificate.signature-algorithm-mismatch': {
    message: 'The signed part names signature algorithm {inner}, the outer field {outer}.',
    fix: 'Do not trust this certificate: the two algorithm identifiers of a genuine certificate are identical.',
  },
  'certificate.unknown-critical-extension': {
    message: 'The certificate has a critical extension {oid} that verifiers do not recognise.',
    fix: 'Reissue the CA without that extension, or with it marked non-critical.',
  },
  'certificate.aki-missing': {
    message: 'The intermediate has no authorityKeyIdentifier.',
    fix: "Reissue it with an authorityKeyIdentifier holding its issuer's subjectKeyIdentifier.",
    variants: {
      'no-key-id': { message: "The intermediate's authorityKeyIdentifier has no keyIdentifier." },
    },
  },
  'crl.not-der': {
    message: 'The{delta} CRL "{source}" is not DER. Entra cannot read it (AADSTS2205011 at sign-in).',
    fix: 'Publish the CRL exactly as the CA wrote it, in DER (check it with `openssl crl -inform DER -in file.crl -noout -text`).',
    variants: {
      'tag-leading-zero': {
        message:
          'The{delta} CRL "{source}" is BER, not DER (a tag number with a leading zero byte at offset {offset}). Entra requires DER (AADSTS2205011 at sign-in).',
        fix: 'Have the CA issue the CRL in DER: re-encoding it breaks its signature, which covers the BER bytes.',
      },
      indefinite: {
        message:
          'The{delta} CRL "{source}" is BER, not DER (an indefinite length at offset {offset}). Entra requires DER (AADSTS2205011 at sign-in).',
        fix: 'Have the CA issue the CRL in DER: re-encoding it breaks its signature, which covers the BER bytes.',
      },
      'length-leading-zero': {
        message:
          'The{delta} CRL "{source}" is BER, not DER (a length with a leading zero byte at offset {offset}). Entra requires DER (AADSTS2205011 at sign-in).',
        fix: 'Have the CA issue the CRL in DER: re-encoding it breaks its signature, which covers the BER bytes.',
      },
      'long-form': {
        message:
          'The{delta} CRL "{source}" is BER, not DER (a long-form length for a short value at offset {offset}). Entra requires DER (AADSTS2205011 at sign-in).',
        fix: 'Have the CA issue the CRL in DER: re-encoding it breaks its signature, which covers the BER bytes.',
      },
      'constructed-primitive': {
        message:
          'The{delta} CRL "{source}" is BER, not DER (a constructed encoding of a primitive type at offset {offset}). Entra requires DER (AADSTS2205011 at sign-in).',
        fix: 'Have the CA issue the CRL in DER: re-encoding it breaks its signature, which covers the BER bytes.',
      },
      'cut-short': {
        message:
          'The{delta} CRL "{source}" is not DER: a value is cut short at offset {offset}. Entra cannot read it (AADSTS2205011 at sign-in).',
      },
      'length-overflow': {
        message:
          'The{delta} CRL "{source}" is not DER: a length field does not fit at offset {offset}. Entra cannot read it (AADSTS2205011 at sign-in).',
      },
      overrun: {
        message:
          'The{delta} CRL "{source}" is not DER: a length runs past its container at offset {offset}. Entra cannot read it (AADSTS2205011 at sign-in).',
      },
      empty: { message: 'The{delta} CRL "{source}" is not DER: there are no bytes. Entra cannot read it (AADSTS2205011 at sign-in).' },
      'too-large': {
        message:
          'The{delta} CRL "{source}" is not DER: it is {size} bytes, more than the {limit} accepted. Entra cannot read it (AADSTS2205011 at sign-in).',
      },
      trailing: {
        message:
          'The{delta} CRL "{source}" is not DER: {count} byte(s) follow the CertificateList. Entra cannot read it (AADSTS2205011 at sign-in).',
      },
      'pem-unreadable': {
        message:
          'The{delta} CRL "{source}" is not DER: it is PEM text with no readable X509 CRL block. Entra cannot read it (AADSTS2205011 at sign-in).',
      },
    },
  },
  'crl.not-a-crl': {
    message: '"{source}" is not a CRL: it is not a CertificateList (RFC 5280 §5.1). Entra cannot use it (AADSTS500174 at sign-in).',
    fix: "Give (or publish at the URL) the CA's CRL file, a DER CertificateList, not a certificate or another kind of file.",
    variants: {
      certificate: {
        message: '"{source}" is not a CRL: it is an X.509 certificate ({subject}). Entra cannot use it (AADSTS500174 at sign-in).',
      },
      'pem-other': {
        message: '"{source}" is not a CRL: it is a PEM "{label}", not a PEM "X509 CRL". Entra cannot use it (AADSTS500174 at sign-in).',
      },
      'pem-several': {
        message: '"{source}" holds {count} PEM CRLs: give one CRL per file. Entra cannot use it (AADSTS500174 at sign-in).',
      },
    },
  },
  'crl.pem-armour': {
    message: 'The{delta} CRL at "{source}" is served as PEM text; Entra needs the DER bytes (AADSTS2205011 at sign-in).',
    fix: 'Serve the DER form at the URL: `openssl crl -in crl.pem -outform DER -out crl.crl`.',
    variants: {
      file: {
        message:
          'The file "{source}" holds the{delta} CRL as PEM text; it was read, but the distribution point must serve DER (AADSTS2205011 otherwise).',
        fix: 'Make sure the URL serves the DER form (`openssl crl -in crl.pem -outform DER`).',
      },
    },
  },
  'crl.unmatched': {
    message: 'The{delta} CRL "{source}" (issuer {issuer}, AKI {aki}) was issued by none of the listed CAs.',
    fix: 'Give the CRL of a listed CA, or add the CA that issued it (with every CA up to its root).',
  },
  'crl.issuer-mismatch': {
    message: 'The{delta} CRL "{source}" names its issuer {issuer}, but CA {ca} is {subject}.',
    fix: "Check that this is the CRL of CA {ca}; a CA's CRL names the CA's subject as its issuer (RFC 5280 §7.1).",
  },
  'crl.aki-mismatch': {
    message:
      'The{delta} CRL "{source}" has AuthorityKeyIdentifier {aki}, but CA {ca}\'s SubjectKeyIdentifier (issuerSki) is {ski}: Entra rejects it (AADSTS2205015 at sign-in).',
    fix: "Publish the CRL signed by this CA's current key, or list the CA certificate whose SKI is {aki}.",
    variants: {
      missing: {
        message:
          'The{delta} CRL "{source}" has no AuthorityKeyIdentifier, so Entra cannot match it to CA {ca} (SKI {ski}; AADSTS2205015 at sign-in).',
        fix: 'Have the CA issue CRLs with an authorityKeyIdentifier (Entra requires SKI and AKI when CRLs are used).',
      },
      'ca-has-no-ski': {
        message:
          'CA {ca} has no SubjectKeyIdentifier, so Entra cannot match the{delta} CRL "{source}" (AKI {aki}) to it (AADSTS2205015 at sign-in).',
        fix: 'Reissue the CA with a subjectKeyIdentifier equal to {aki}.',
      },
    },
  },
  'crl.signature-invalid': {
    message:
      'The{delta} CRL "{source}" does not verify with CA {ca}\'s key ({subject}): it was signed by another key or altered (AADSTS2205015 at sign-in).',
    fix: 'Publish the CRL this CA signed; if the CA was re-keyed, list its current certificate.',
    variants: {
      'algorithm-mismatch': {
        message: 'The{delta} CRL "{source}" names different signature algorithms inside and outside its signed part (RFC 5280 §5.1.1.2).',
        fix: 'Do not trust this CRL: a genuine CRL names the same algorithm twice.',
      },
    },
  },
  'crl.signature-unverifiable': {
    message: 'The signature of the{delta} CRL "{source}" ({algorithm}) cannot be verified here; its origin is assumed.',
    fix: 'Check the CRL with `openssl crl -verify -CAfile ca.pem`.',
  },
  'crl.expired': {
    message: 'The{delta} CRL "{source}" expired at {nextUpdate} (nextUpdate): sign-ins that need it fail (AADSTS500172).',
    fix: 'Have the CA publish a fresh CRL, and schedule publication well before nextUpdate.',
  },
  'crl.not-yet-valid': {
    message: 'The{delta} CRL "{source}" is not valid before {thisUpdate} (thisUpdate) (AADSTS500172 at sign-in).',
    fix: "Check the CA's clock, and the check time (--at).",
  },
  'crl.next-update-missing': {
    message: 'The{delta} CRL "{source}" has no nextUpdate.',
    fix: 'Have the CA write nextUpdate into its CRLs (RFC 5280 requires it).',
  },
  'crl.number-critical': {
    message:
      'The{delta} CRL "{source}" marks its CRL number critical, which RFC 5280 §5.2.3 forbids: verifiers that do not process it as critical (OpenSSL) refuse the whole CRL.',
    fix: 'Have the CA write the cRLNumber extension as non-critical.',
  },
  'crl.number-missing': {
    message: 'The{delta} CRL "{source}" has no CRL number; Entra orders successive CRLs by it.',
    fix: 'Have the CA write the cRLNumber extension, increasing with each CRL.',
  },
  'crl.unknown-critical-extension': {
    message:
      'The{delta} CRL "{source}" has critical extensions that are not processed here ({extensions}), so it cannot decide revocation.',
    fix: 'Check the CRL with the CA; a CRL meant for Entra should carry only standard extensions.',
  },
  'crl.delta-indicator': {
    message: 'The delta CRL URL serves "{source}", a complete CRL (no deltaCRLIndicator).',
    fix: 'Point deltaCertificateRevocationListUrl at the delta CRL (its file usually ends in "+.crl" on Windows CAs).',
    variants: {
      'on-base': {
        message: 'The base CRL URL serves "{source}", a delta CRL of base CRL number {base}.',
        fix: 'Point certificateRevocationListUrl at the complete CRL, and the delta URL at this one.',
      },
    },
  },
  'crl.delta-base-too-old': {
    message: 'The delta CRL "{source}" needs a complete CRL numbered {wants} or later, but "{baseSource}" is number {has}.',
    fix: 'Publish (or give) the current complete CRL together with the delta.',
  },
  'crl.delta-without-base-crl': {
    message: 'The delta CRL "{source}" of CA {ca} was given without the complete CRL it updates.',
    fix: "Give the CA's complete CRL too (--crl FILE; in the library, the crls option; on the page, drop its file), or use --fetch-crls.",
  },
  'crl.revokes-listed-ca': {
    message:
      '{revoked} (serial {serial}) is revoked by "{source}" since {date} ({reason}): every device certificate under it fails (AADSTS500171).',
    fix: 'Remove the revoked CA from the list and reissue the devices under a valid CA, or, if the revocation is a mistake, have its issuer publish a corrected CRL.',
  },
  'crl.too-large': {
    message:
      'The{delta} CRL "{source}" is {size} bytes, over the {limit} sign-in limit: the first sign-ins fail while Entra fetches it (AADSTS2205014).',
    fix: 'Shrink the CRL: remove expired certificates from it, publish delta CRLs, or partition the CA.',
    variants: {
      download: {
        message:
          'The{delta} CRL at "{source}" passed the {limit} sign-in limit; the download was stopped there (AADSTS2205014 at sign-in).',
        fix: 'Shrink the CRL: remove expired certificates from it, publish delta CRLs, or partition the CA.',
      },
    },
  },
  'crl.download-failed': {
    message: 'The{delta} CRL at "{source}" could not be downloaded ({detail}) (AADSTS500173 at sign-in).',
    fix: 'Make the URL serve the CRL to anyone on the internet over http.',
    variants: {
      status: {
        message: 'The{delta} CRL at "{source}" answered HTTP {detail} (AADSTS500173 at sign-in: "Invalid status code {detail}").',
        fix: 'Make the URL answer 200 with the CRL, from the internet and without authentication (firewalls often answer 403).',
      },
      redirects: { message: 'The{delta} CRL at "{source}" redirected {detail} times without reaching the CRL (AADSTS500173 at sign-in).' },
      scheme: { message: 'The{delta} CRL at "{source}" leads to a {detail} URL, which cannot be downloaded (AADSTS500173 at sign-in).' },
      network: { message: 'The{delta} CRL at "{source}" could not be reached: {detail} (AADSTS500173 at sign-in).' },
    },
  },
  'crl.download-timeout': {
    message: 'The{delta} CRL at "{source}" did not download within {seconds} seconds, the time Entra allows (AADSTS2205012 at sign-in).',
    fix: 'Host the CRL on a fast, highly available server or CDN, and keep it small.',
  },
  'crl.checked': {
    message:
      'The{delta} CRL "{source}" of CA {ca} ({subject}), number {number}, lists {count} revoked certificate(s) and is valid until {nextUpdate}: it expires in {hours} hours.',
    variants: {
      'no-url': {
        message:
          'The{delta} CRL "{source}" belongs to CA {ca} ({subject}), which configures no URL for it, so Entra does not check revocation there.',
        fix: "Set the CA's{delta} CRL URL to where this CRL is published, if devices should be checked against it.",
      },
      'out-of-window': {
        message: 'The{delta} CRL "{source}" of CA {ca} ({subject}), number {number}, lists {count} revoked certificate(s).',
      },
      'no-next-update': {
        message:
          'The{delta} CRL "{source}" of CA {ca} ({subject}), number {number}, lists {count} revoked certificate(s) and has no end of validity.',
      },
    },
  },
  'crl.not-checked': {
    message: 'No CRL was given for "{url}"; Entra downloads it at sign-in, and it was not checked here.',
    fix: 'Give that CRL (--crl FILE; in the library, the crls option; on the page, drop its file), or download every configured CRL with --fetch-crls.',
  },
  'certificate.expires-soon': {
    message: '{subject} expires on {notAfter}, in {days} days (warning horizon {horizon} days).',
    fix: 'Renew the CA and replace it in the list before it expires; devices it issued stop authenticating then.',
    variants: {
      first: {
        message:
          '{subject} expires on {notAfter}, in {days} days (warning horizon {horizon} days); it is the first listed CA to expire, and from then until it is removed or replaced, uploads of new CAs fail.',
      },
    },
  },
} as const satisfies Catalogue;
