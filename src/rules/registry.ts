/** Every rule, in one list: drives preflight, `--list-rules` and the documentation. */
import type { Rule } from './rule.js';
import body_display_name_too_long from './body/display-name-too-long.js';
import body_duplicate_key from './body/duplicate-key.js';
import body_empty_list from './body/empty-list.js';
import body_not_json from './body/not-json.js';
import body_not_object from './body/not-object.js';
import body_odata_control_ignored from './body/odata-control-ignored.js';
import body_odata_type_invalid from './body/odata-type-invalid.js';
import body_odata_type_no_hash from './body/odata-type-no-hash.js';
import body_read_only_property from './body/read-only-property.js';
import body_too_many_cas from './body/too-many-cas.js';
import body_unknown_property from './body/unknown-property.js';
import body_wrong_type from './body/wrong-type.js';
import certificate_aki_missing from './certificate/aki-missing.js';
import certificate_basic_constraints_not_critical from './certificate/basic-constraints-not-critical.js';
import certificate_duplicate_extension from './certificate/duplicate-extension.js';
import certificate_expired from './certificate/expired.js';
import certificate_key_cert_sign_missing from './certificate/key-cert-sign-missing.js';
import certificate_key_identifier_critical from './certificate/key-identifier-critical.js';
import certificate_missing from './certificate/missing.js';
import certificate_not_base64 from './certificate/not-base64.js';
import certificate_not_ca from './certificate/not-ca.js';
import certificate_not_strict_der from './certificate/not-strict-der.js';
import certificate_not_x509 from './certificate/not-x509.js';
import certificate_not_yet_valid from './certificate/not-yet-valid.js';
import certificate_pem_armour from './certificate/pem-armour.js';
import certificate_signature_algorithm_mismatch from './certificate/signature-algorithm-mismatch.js';
import certificate_signature_unverifiable from './certificate/signature-unverifiable.js';
import certificate_ski_missing from './certificate/ski-missing.js';
import certificate_unknown_critical_extension from './certificate/unknown-critical-extension.js';
import certificate_weak_key from './certificate/weak-key.js';
import certificate_weak_signature from './certificate/weak-signature.js';
import chain_aki_mismatch from './chain/aki-mismatch.js';
import chain_issuer_missing from './chain/issuer-missing.js';
import chain_issuer_signature_invalid from './chain/issuer-signature-invalid.js';
import chain_no_root from './chain/no-root.js';
import chain_path_length_exceeded from './chain/path-length-exceeded.js';
import crl_ca_lacks_crl_sign from './crl/ca-lacks-crl-sign.js';
import crl_delta_equals_base from './crl/delta-equals-base.js';
import crl_delta_without_base from './crl/delta-without-base.js';
import crl_subordinate_cdp_mismatch from './crl/subordinate-cdp-mismatch.js';
import crl_url_not_absolute from './crl/url-not-absolute.js';
import crl_url_not_http from './crl/url-not-http.js';
import echo_issuer_ski from './echo/issuer-ski.js';
import echo_issuer from './echo/issuer.js';
import entry_not_object from './entry/not-object.js';
import entry_root_flag_invalid from './entry/root-flag-invalid.js';
import entry_unknown_property from './entry/unknown-property.js';
import entry_url_wrong_type from './entry/url-wrong-type.js';
import flag_root_not_self_signed from './flag/root-not-self-signed.js';
import flag_self_signed_not_root from './flag/self-signed-not-root.js';
import list_duplicate_certificate from './list/duplicate-certificate.js';
import update_adds_while_expired from './update/adds-while-expired.js';
import update_removes_cas from './update/removes-cas.js';

export const rules: readonly Rule[] = [
  body_display_name_too_long,
  body_duplicate_key,
  body_empty_list,
  body_not_json,
  body_not_object,
  body_odata_control_ignored,
  body_odata_type_invalid,
  body_odata_type_no_hash,
  body_read_only_property,
  body_too_many_cas,
  body_unknown_property,
  body_wrong_type,
  certificate_aki_missing,
  certificate_basic_constraints_not_critical,
  certificate_duplicate_extension,
  certificate_expired,
  certificate_key_cert_sign_missing,
  certificate_key_identifier_critical,
  certificate_missing,
  certificate_not_base64,
  certificate_not_ca,
  certificate_not_strict_der,
  certificate_not_x509,
  certificate_not_yet_valid,
  certificate_pem_armour,
  certificate_signature_algorithm_mismatch,
  certificate_signature_unverifiable,
  certificate_ski_missing,
  certificate_unknown_critical_extension,
  certificate_weak_key,
  certificate_weak_signature,
  chain_aki_mismatch,
  chain_issuer_missing,
  chain_issuer_signature_invalid,
  chain_no_root,
  chain_path_length_exceeded,
  crl_ca_lacks_crl_sign,
  crl_delta_equals_base,
  crl_delta_without_base,
  crl_subordinate_cdp_mismatch,
  crl_url_not_absolute,
  crl_url_not_http,
  echo_issuer_ski,
  echo_issuer,
  entry_not_object,
  entry_root_flag_invalid,
  entry_unknown_property,
  entry_url_wrong_type,
  flag_root_not_self_signed,
  flag_self_signed_not_root,
  list_duplicate_certificate,
  update_adds_while_expired,
  update_removes_cas,
].sort((a, b) => a.id.localeCompare(b.id));

const byId = new Map(rules.map((r) => [r.id, r]));

export function ruleById(id: string): Rule | undefined {
  return byId.get(id);
}

/** Rule metadata without the check functions: the registry as data (for `--list-rules --format json` and docs). */
export function describeRules() {
  return rules.map(({ id, severity, basis, citation, description, server }) => ({
    id,
    severity,
    basis,
    citation,
    description,
    server: server ? { step: server.step, status: server.status, code: server.code } : null,
  }));
}
