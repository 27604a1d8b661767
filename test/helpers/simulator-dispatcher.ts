/**
 * An undici Dispatcher that answers every request of the global `fetch` with the simulator's fetch handler, so code
 * that calls `fetch` itself (an SDK's default HTTP client, a library, an application) meets the simulator unchanged:
 * `setGlobalDispatcher(simulatorDispatcher(createGraphHandler([get])))`.
 */
import { Dispatcher } from 'undici';
import type { GraphFetch } from '../../src/simulator/handler.js';

type Handler = Parameters<Dispatcher['dispatch']>[1];
type Options = Parameters<Dispatcher['dispatch']>[0];

function headersOf(raw: Options['headers']): Headers {
  const headers = new Headers();
  if (!raw) return headers;
  if (Array.isArray(raw)) {
    // Either [[name, value], …] or a flat [name, value, name, value, …].
    if (raw.length > 0 && Array.isArray(raw[0])) for (const [k, v] of raw as unknown as [string, string][]) headers.append(k, v);
    else for (let i = 0; i < raw.length; i += 2) headers.append(String(raw[i]), String(raw[i + 1]));
    return headers;
  }
  for (const [k, v] of Object.entries(raw as Record<string, string | string[] | undefined>)) {
    if (v === undefined) continue;
    for (const value of Array.isArray(v) ? v : [v]) headers.append(k, value);
  }
  return headers;
}

async function bodyOf(body: Options['body']): Promise<Uint8Array | undefined> {
  if (body === null || body === undefined) return undefined;
  if (typeof body === 'string') return new TextEncoder().encode(body);
  if (body instanceof Uint8Array) return body;
  const chunks: Uint8Array[] = [];
  for await (const chunk of body as AsyncIterable<Uint8Array | string>)
    chunks.push(typeof chunk === 'string' ? new TextEncoder().encode(chunk) : chunk);
  return Buffer.concat(chunks);
}

class SimulatorDispatcher extends Dispatcher {
  constructor(private readonly graph: GraphFetch) {
    super();
  }

  override dispatch(options: Options, handler: Handler): boolean {
    void (async () => {
      try {
        let aborted = false;
        handler.onConnect?.(() => {
          aborted = true;
        });
        const method = options.method ?? 'GET';
        const body = await bodyOf(options.body);
        const url = new URL(options.path, String(options.origin));
        const response = await this.graph(url, {
          method,
          headers: headersOf(options.headers),
          ...(body && method !== 'GET' && method !== 'HEAD' ? { body: body as unknown as BodyInit } : {}),
        });
        if (aborted) return;
        const raw: Buffer[] = [];
        for (const [key, value] of response.headers) raw.push(Buffer.from(key), Buffer.from(value));
        handler.onHeaders?.(response.status, raw, () => {}, response.statusText);
        const bytes = Buffer.from(await response.arrayBuffer());
        if (bytes.length > 0) handler.onData?.(bytes);
        handler.onComplete?.([]);
      } catch (e) {
        handler.onError?.(e as Error);
      }
    })();
    return true;
  }

  override async close(): Promise<void> {}
  override async destroy(): Promise<void> {}
}

export function simulatorDispatcher(graph: GraphFetch): Dispatcher {
  return new SimulatorDispatcher(graph);
}
