/**
 * ca-preflight's resource model against Microsoft's beta metadata (CSDL): members, types, nullability, the enum's
 * values, open and closed types, and the types a wrong @odata.type may name. Microsoft's file is third-party data and
 * stays outside the repository: GRAPH_CSDL_FILE names it (CI passes ../shared/reference/graph-beta-csdl-excerpt.xml in
 * its conformance step). The comparison itself is tested here on a small CSDL document written for the test.
 */
import { describe, it, expect } from 'vitest';
import { readFileSync } from 'node:fs';
import { compareModel, readCsdl } from './helpers/csdl.js';

/** Written for this test in the CSDL vocabulary: the model as the project understands it, with one line to vary. */
function ownCsdl(issuerNullable = 'false', extraEnumMember = ''): string {
  return `<?xml version="1.0" encoding="utf-8"?>
<edmx:Edmx Version="4.0" xmlns:edmx="http://docs.oasis-open.org/odata/ns/edmx"><edmx:DataServices>
<Schema Namespace="microsoft.graph" Alias="graph" xmlns="http://docs.oasis-open.org/odata/ns/edm">
  <EntityType Name="entity" Abstract="true"><Key><PropertyRef Name="id" /></Key><Property Name="id" Type="Edm.String" Nullable="false" /></EntityType>
  <EntityType Name="directoryObject" BaseType="graph.entity" OpenType="true"><Property Name="deletedDateTime" Type="Edm.DateTimeOffset" /></EntityType>
  <EntityType Name="trustedCertificateAuthorityBase" BaseType="graph.directoryObject" Abstract="true">
    <Property Name="certificateAuthorities" Type="Collection(graph.certificateAuthority)" Nullable="false" />
  </EntityType>
  <EntityType Name="mutualTlsOauthConfiguration" BaseType="graph.trustedCertificateAuthorityBase">
    <Property Name="displayName" Type="Edm.String" />
    <Property Name="tlsClientAuthParameter" Type="graph.tlsClientRegistrationMetadata" Nullable="false" />
  </EntityType>
  <ComplexType Name="certificateAuthority">
    <Property Name="certificate" Type="Edm.Binary" Nullable="false" />
    <Property Name="certificateRevocationListUrl" Type="Edm.String" />
    <Property Name="deltaCertificateRevocationListUrl" Type="Edm.String" />
    <Property Name="isRootAuthority" Type="Edm.Boolean" Nullable="false" />
    <Property Name="issuer" Type="Edm.String" Nullable="${issuerNullable}" />
    <Property Name="issuerSki" Type="Edm.String" Nullable="false" />
  </ComplexType>
  <EntityType Name="certificateAuthorityPath" BaseType="graph.entity">
    <NavigationProperty Name="mutualTlsOauthConfigurations" Type="Collection(graph.mutualTlsOauthConfiguration)" ContainsTarget="true" />
  </EntityType>
  <EnumType Name="tlsClientRegistrationMetadata">
    <Member Name="tls_client_auth_subject_dn" Value="0" /><Member Name="tls_client_auth_san_dns" Value="1" />
    <Member Name="tls_client_auth_san_uri" Value="2" /><Member Name="tls_client_auth_san_ip" Value="3" />
    <Member Name="tls_client_auth_san_email" Value="4" />${extraEnumMember}<Member Name="unknownFutureValue" Value="5" />
  </EnumType>
</Schema></edmx:DataServices></edmx:Edmx>`;
}

describe('the comparison of the model with a CSDL document', () => {
  it('finds no difference where there is none, and each kind of difference where there is one', () => {
    expect(compareModel(readCsdl(ownCsdl()))).toEqual({ differences: [], notes: [] });
    expect(compareModel(readCsdl(ownCsdl('true'))).differences).toEqual([
      'microsoft.graph.certificateAuthority.issuer: Nullable="true" in the metadata, false in the model',
    ]);
    expect(compareModel(readCsdl(ownCsdl('false', '<Member Name="tls_client_auth_x" Value="9" />'))).differences[0]).toMatch(
      /^microsoft\.graph\.tlsClientRegistrationMetadata: metadata \[.*tls_client_auth_x/,
    );
    const closed = ownCsdl().replace('BaseType="graph.entity" OpenType="true"', 'BaseType="graph.entity"');
    expect(compareModel(readCsdl(closed)).differences).toEqual(['the resource is not open in the metadata, the model says true']);
    const renamed = ownCsdl().replace('Name="issuerSki"', 'Name="issuerSubjectKeyIdentifier"');
    expect(compareModel(readCsdl(renamed)).differences).toEqual([
      'microsoft.graph.certificateAuthority has no property issuerSki',
      'microsoft.graph.certificateAuthority.issuerSubjectKeyIdentifier is in the metadata but not in the model',
    ]);
    const unknownType = ownCsdl().replace('<EnumType', '<EntityType Name="someNewStore" BaseType="graph.entity" /><EnumType');
    expect(compareModel(readCsdl(unknownType)).differences).toEqual([
      'microsoft.graph.someNewStore is a real type of the metadata that RELATED_TYPES does not list',
    ]);
  });
});

const CSDL_FILE = process.env.GRAPH_CSDL_FILE;
if (!CSDL_FILE)
  process.stderr.write(
    "\nGraph metadata: none given, so the model was compared only with the test's own CSDL. To compare it with Microsoft's " +
      '(third-party data, not in this repository): GRAPH_CSDL_FILE=path/to/beta.csdl npx vitest run test/model-csdl.test.ts\n',
  );

describe.skipIf(!CSDL_FILE)(
  `the model against Microsoft's beta metadata (GRAPH_CSDL_FILE${CSDL_FILE ? ` = ${CSDL_FILE}` : ': not set, skipped'})`,
  () => {
    it('agrees on members, types, nullability, the enum, open types and the related types', () => {
      const types = readCsdl(readFileSync(CSDL_FILE!, 'utf8'));
      expect(types.size).toBeGreaterThan(3);
      const { differences, notes } = compareModel(types);
      if (notes.length) process.stderr.write(`\nGraph metadata: not in the file: ${notes.join('; ')}\n`);
      expect(differences).toEqual([]);
    });
  },
);
