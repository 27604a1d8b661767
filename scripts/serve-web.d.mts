/** Types for scripts/serve-web.mjs (imported by tests). */
export interface RunningServer {
  url: string;
  port: number;
  close(): Promise<void>;
}
export function resolveUnder(root: string, urlPath: string): string | null;
export function startServer(options: { root: string; port?: number; host?: string }): Promise<RunningServer>;
