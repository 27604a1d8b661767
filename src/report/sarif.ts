/** SARIF 2.1.0 for code-scanning tools: one result per finding, with a region in the checked file when known. */
import type { Report, Severity } from '../types.js';
import { rules } from '../rules/registry.js';

const LEVEL: Record<Severity, 'error' | 'warning' | 'note'> = { error: 'error', warning: 'warning', info: 'note' };

export interface SarifOptions {
  /** URI of the checked file, relative to the repository root when possible. */
  uri: string;
  version: string;
}

export function formatSarif(report: Report, options: SarifOptions): object {
  const index = new Map(rules.map((r, i) => [r.id, i]));
  return {
    $schema: 'https://json.schemastore.org/sarif-2.1.0.json',
    version: '2.1.0',
    runs: [
      {
        tool: {
          driver: {
            name: 'ca-preflight',
            version: options.version,
            informationUri: 'https://www.npmjs.com/package/ca-preflight',
            rules: rules.map((r) => ({
              id: r.id,
              shortDescription: { text: r.description },
              defaultConfiguration: { level: LEVEL[r.severity] },
              properties: { basis: r.basis, citation: r.citation },
            })),
          },
        },
        columnKind: 'utf16CodeUnits',
        artifacts: [{ location: { uri: options.uri } }],
        results: report.findings.map((f) => {
          const physicalLocation: Record<string, unknown> = { artifactLocation: { uri: options.uri, index: 0 } };
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
        properties: { graphError: report.graphError },
      },
    ],
  };
}
