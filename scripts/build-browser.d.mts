/** Types for scripts/build-browser.mjs (imported by tests). */
export const projectRoot: string;
export const defaultOutdir: string;
export const BROWSER_EXTERNALS: string[];
export interface BrowserBuild {
  outdir: string;
  /** Absolute path of ca-preflight.js. */
  library: string;
  /** Absolute path of web.js. */
  page: string;
  /** Bytes each input file contributes to the library bundle. */
  inputs: Record<string, number>;
  /** The chunks the library loads on demand, relative to outdir (chunks/…js). */
  chunks: string[];
}
/** esbuild plugin: any node: or node built-in import fails the build, naming the importer. */
export const refuseNodeImports: import('esbuild').Plugin;
export function buildBrowser(options?: { outdir?: string }): Promise<BrowserBuild>;
