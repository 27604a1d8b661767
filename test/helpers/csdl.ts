/**
 * A small reader for OData CSDL XML (the subset Microsoft's Graph metadata uses for types): entity, complex and enum
 * types with their properties, navigation properties and members; and a comparison of ca-preflight's model with it.
 * Attribute values are read as XML writes them (no entities beyond &quot; &amp; &lt; &gt; &apos;).
 */
import {
  ENTRY_MODEL,
  RELATED_TYPES,
  RESOURCE_MODEL,
  TLS_CLIENT_AUTH_PARAMETERS,
  TLS_CLIENT_REGISTRATION_METADATA,
} from '../../src/graph/model.js';

export interface CsdlProperty {
  name: string;
  type: string;
  nullable: boolean;
}

export interface CsdlType {
  kind: 'EntityType' | 'ComplexType' | 'EnumType';
  name: string;
  baseType: string | null;
  open: boolean;
  abstract: boolean;
  properties: CsdlProperty[];
  navigation: CsdlProperty[];
  members: string[];
}

const unescapeXml = (v: string): string =>
  v
    .replace(/&quot;/g, '"')
    .replace(/&apos;/g, "'")
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&amp;/g, '&');

function attributes(tag: string): Record<string, string> {
  const out: Record<string, string> = {};
  for (const m of tag.matchAll(/([A-Za-z:]+)="([^"]*)"/g)) out[m[1]!] = unescapeXml(m[2]!);
  return out;
}

/** `graph.x` (the alias Microsoft's files use) and `microsoft.graph.x` both as `microsoft.graph.x`; collections kept. */
export function qualify(type: string, namespace: string, alias: string | null): string {
  const one = (t: string) => (alias && t.startsWith(`${alias}.`) ? `${namespace}.${t.slice(alias.length + 1)}` : t);
  const m = /^Collection\((.*)\)$/.exec(type);
  return m ? `Collection(${one(m[1]!)})` : one(type);
}

export function readCsdl(xml: string): Map<string, CsdlType> {
  const text = xml.replace(/<!--[\s\S]*?-->/g, '');
  const types = new Map<string, CsdlType>();
  for (const schema of text.matchAll(/<Schema\b([^>]*)>([\s\S]*?)<\/Schema>/g)) {
    const sa = attributes(schema[1]!);
    const namespace = sa.Namespace ?? '';
    // Graph's files use the alias "graph" for microsoft.graph whether or not they declare it.
    const alias = sa.Alias ?? (namespace === 'microsoft.graph' ? 'graph' : null);
    const body = schema[2]!;
    for (const t of body.matchAll(/<(EntityType|ComplexType|EnumType)\b([^>]*?)(\/>|>([\s\S]*?)<\/\1>)/g)) {
      const a = attributes(t[2]!);
      const inner = t[4] ?? '';
      const props = (tag: string) =>
        [...inner.matchAll(new RegExp(`<${tag}\\b([^>]*?)/?>`, 'g'))].map((p) => {
          const pa = attributes(p[1]!);
          return { name: pa.Name!, type: qualify(pa.Type!, namespace, alias), nullable: pa.Nullable !== 'false' };
        });
      const name = `${namespace}.${a.Name}`;
      types.set(name, {
        kind: t[1] as CsdlType['kind'],
        name,
        baseType: a.BaseType ? qualify(a.BaseType, namespace, alias) : null,
        open: a.OpenType === 'true',
        abstract: a.Abstract === 'true',
        properties: t[1] === 'EnumType' ? [] : props('Property'),
        navigation: props('NavigationProperty'),
        members: t[1] === 'EnumType' ? [...inner.matchAll(/<Member\b([^>]*?)\/?>/g)].map((m) => attributes(m[1]!).Name!) : [],
      });
    }
  }
  return types;
}

/** Where ca-preflight's model and the metadata disagree; `notes` lists what the file does not hold (not a failure). */
export function compareModel(types: Map<string, CsdlType>): { differences: string[]; notes: string[] } {
  const differences: string[] = [];
  const notes: string[] = [];
  const resource = types.get(RESOURCE_MODEL.type);
  if (!resource) return { differences: [`${RESOURCE_MODEL.type} is not in the metadata`], notes };

  // The base type chain, and whether any level is open.
  const chain: CsdlType[] = [];
  for (let t: CsdlType | undefined = resource; t; t = t.baseType ? types.get(t.baseType) : undefined) {
    chain.push(t);
    if (t.baseType && !types.has(t.baseType)) notes.push(`${t.baseType} (base of ${t.name}) is not in the file`);
  }
  const bases = chain.slice(1).map((t) => t.name);
  const declaredBases = RESOURCE_MODEL.baseTypes.slice(0, bases.length);
  if (JSON.stringify(bases) !== JSON.stringify(declaredBases))
    differences.push(`base types: metadata ${bases.join(' → ')}, model ${declaredBases.join(' → ')}`);
  const open = chain.some((t) => t.open);
  if (open !== RESOURCE_MODEL.open)
    differences.push(`the resource is ${open ? '' : 'not '}open in the metadata, the model says ${RESOURCE_MODEL.open}`);

  const compareMembers = (declared: readonly { name: string; type: string; nullable: boolean; declaredOn: string }[]) => {
    for (const m of declared) {
      const owner = types.get(m.declaredOn);
      if (!owner) {
        notes.push(`${m.name}: ${m.declaredOn} is not in the file`);
        continue;
      }
      if (owner.properties.length === 0 && owner.navigation.length === 0) {
        // An excerpt names a type without its members (an empty element): nothing to compare.
        notes.push(`${m.name}: ${m.declaredOn} is in the file without its properties`);
        continue;
      }
      const p = owner.properties.find((x) => x.name === m.name);
      if (!p) differences.push(`${m.declaredOn} has no property ${m.name}`);
      else {
        if (p.type !== m.type) differences.push(`${m.declaredOn}.${m.name}: type ${p.type} in the metadata, ${m.type} in the model`);
        if (p.nullable !== m.nullable)
          differences.push(`${m.declaredOn}.${m.name}: Nullable="${p.nullable}" in the metadata, ${m.nullable} in the model`);
      }
    }
    // Properties the metadata declares that the model does not know.
    for (const owner of new Set(declared.map((m) => m.declaredOn))) {
      for (const p of types.get(owner)?.properties ?? [])
        if (!declared.some((m) => m.name === p.name)) differences.push(`${owner}.${p.name} is in the metadata but not in the model`);
    }
  };
  compareMembers(RESOURCE_MODEL.members);
  compareMembers(ENTRY_MODEL.members);

  const entry = types.get(ENTRY_MODEL.type);
  if (!entry) differences.push(`${ENTRY_MODEL.type} is not in the metadata`);
  else {
    if (entry.kind !== 'ComplexType') differences.push(`${ENTRY_MODEL.type} is a ${entry.kind}, the model expects a ComplexType`);
    if (entry.open !== ENTRY_MODEL.open) differences.push(`${ENTRY_MODEL.type} is ${entry.open ? '' : 'not '}open in the metadata`);
  }

  const en = types.get(TLS_CLIENT_REGISTRATION_METADATA);
  if (!en) differences.push(`${TLS_CLIENT_REGISTRATION_METADATA} is not in the metadata`);
  else if (JSON.stringify(en.members) !== JSON.stringify(TLS_CLIENT_AUTH_PARAMETERS))
    differences.push(
      `${TLS_CLIENT_REGISTRATION_METADATA}: metadata [${en.members.join(', ')}], model [${TLS_CLIENT_AUTH_PARAMETERS.join(', ')}]`,
    );

  // The collection exists where the requests go.
  const path = types.get('microsoft.graph.certificateAuthorityPath');
  if (!path) notes.push('microsoft.graph.certificateAuthorityPath is not in the file');
  else if (!path.navigation.some((n) => n.name === 'mutualTlsOauthConfigurations' && n.type === `Collection(${RESOURCE_MODEL.type})`))
    differences.push('certificateAuthorityPath has no mutualTlsOauthConfigurations collection');

  // Every other type in the file is one the rules know as real (so none is reported as "could not be resolved").
  for (const t of types.values()) {
    if (t.kind === 'EnumType' || t.name === RESOURCE_MODEL.type || t.name === ENTRY_MODEL.type) continue;
    if (!Object.hasOwn(RELATED_TYPES, t.name))
      differences.push(`${t.name} is a real type of the metadata that RELATED_TYPES does not list`);
  }
  return { differences, notes };
}
