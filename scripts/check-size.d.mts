/** Types for scripts/check-size.mjs (imported by tests). */
export interface SizeBudget {
  minified: number;
  gzip: number;
}
export interface SizeRow {
  file: string;
  minified: number;
  gzip: number;
  budget: SizeBudget | null;
  withinBudget: boolean;
}
export const BUDGET: SizeBudget;
export const MEASURED: { file: string; budget: SizeBudget | null }[];
export function gzipSize(bytes: Uint8Array): number;
export function measure(dir?: string): Promise<SizeRow[]>;
export function formatSizes(rows: SizeRow[]): string;
