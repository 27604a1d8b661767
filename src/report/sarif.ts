/** SARIF 2.1.0 for code-scanning tools: one result per finding, with a region in the checked file when known. */
import type { Report, RuleDescription, Severity } from '../types.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  /**
   * The checked file: a path relative to the repository root (either slash) or an absolute path. It is written as a URI
   * reference (see {@link artifactUri}).
   */
  uri: string;
  version: string;
  /** Where the tool is documented (SARIF `informationUri`): the project's home page. */
  informationUri: string;
  /** The rule table (`describeRules()`): SARIF's `tool.driver.rules`, which each result points into. */
  rules: readonly RuleDescription[];
}

/** Characters a URI path segment keeps as they are (RFC 3986 unreserved, sub-delims, ":" and "@"). */
const SEGMENT_SAFE = /[A-Za-z0-9\-._~!$&'()*+,;=:@]/;

function encodeSegment(segment: string): string {
  let out = '';
  for (const ch of segment) {
    if (SEGMENT_SAFE.test(ch)) out += ch;
    else for (const b of new TextEncoder().encode(ch)) out += `%${b.toString(16).toUpperCase().padStart(2, '0')}`;
  }
  return out;
}

/**
 * A file path as the URI reference SARIF's `artifactLocation.uri` holds (SARIF 2.1.0 §3.4.3): forward slashes, every
 * segment percent-encoded; a relative path stays relative (code-scanning tools resolve it against the repository root), an
 * absolute one becomes a `file:` URI (`C:\x\b.json` → `file:///C:/x/b.json`, `\\host\share\b.json` → `file://host/share/b.json`).
 */
export function artifactUri(path: string): string {
  const slashed = path.replace(/\\/g, '/');
  const encode = (p: string) => p.split('/').map(encodeSegment).join('/');
  const drive = /^([A-Za-z]):\/(.*)$/.exec(slashed);
  if (drive) return `file:///${drive[1]}:/${encode(drive[2]!)}`;
  if (slashed.startsWith('//')) return `file:${encode(slashed)}`;
  if (slashed.startsWith('/')) return `file://${encode(slashed)}`;
  // A relative segment with ":" first would read as a scheme: "./" keeps it a path.
  const rel = encode(slashed.replace(/^(\.\/)+/, ''));
  return /^[^/]*:/.test(rel) ? `./${rel}` : rel;
}

export function formatSarif(report: Report, options: SarifOptions): object {
  const { rules } = options;
  const index = new Map<string, number>(rules.map((r, i) => [r.id, i]));
  const uri = artifactUri(options.uri);
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ca-preflight',
            version: options.version,
            informationUri: options.informationUri,
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { basis: r.basis, citation: r.citation },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts: [{ location: { uri } }],
        results: report.findings.map((f) => {
          const physicalLocation: Record<string, unknown> = { artifactLocation: { uri, index: 0 } };
          if (f.line) physicalLocation.region = { startLine: f.line, startColumn: f.column };
          const result: Record<string, unknown> = {
            ruleId: f.rule,
            ruleIndex: index.get(f.rule),
            level: LEVEL[f.severity],
            message: { text: f.fix ? `${f.message} ${f.fix}` : f.message },
            locations: [{ physicalLocation, logicalLocations: [{ fullyQualifiedName: f.path, kind: 'member' }] }],
            properties: { path: f.path, basis: f.basis, severity: f.severity },
          };
          return result;
        }),
        properties: { graphError: report.graphError, firstExpiry: report.firstExpiry ?? null },
      },
    ],
  };
}
