/**
 * The simulator's fetch handler on a node:http socket: each request becomes a WHATWG `Request`, each answer is
 * written back as it is; a dropped-connection fault destroys the socket, as a network failure would.
 */
import { createServer, type IncomingMessage, type Server, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';
import { createGraphHandler, SimulatedConnectionDrop, type GraphHandlerOptions } from '../simulator/handler.js';

/** Bodies past this are refused before they are read in full (preflight reads at most 16 MiB of text). */
const MAX_BODY_BYTES = 32 * 1024 * 1024;

export interface SimulatorServerOptions extends GraphHandlerOptions {
  host?: string;
  /** 0 (the default) takes a free port. */
  port?: number;
  /** GET responses (one configuration or a collection) to start from. */
  resources?: unknown[];
}

export interface SimulatorServer {
  /** `http://HOST:PORT`, the base URL that replaces `https://graph.microsoft.com`. */
  url: string;
  server: Server;
  /** Stops accepting, ends idle and open connections, and resolves when the socket is closed. */
  close(): Promise<void>;
}

function readBody(req: IncomingMessage): Promise<Buffer | null> {
  return new Promise((resolve, reject) => {
    const chunks: Buffer[] = [];
    let size = 0;
    req.on('data', (c: Buffer) => {
      size += c.length;
      if (size > MAX_BODY_BYTES) {
        resolve(null);
        req.destroy();
        return;
      }
      chunks.push(c);
    });
    req.on('end', () => resolve(Buffer.concat(chunks)));
    req.on('error', reject);
  });
}

function toRequest(req: IncomingMessage, body: Buffer, origin: string): Request {
  const headers = new Headers();
  for (const [k, v] of Object.entries(req.headers)) {
    if (v === undefined) continue;
    for (const value of Array.isArray(v) ? v : [v]) headers.append(k, value);
  }
  const method = (req.method ?? 'GET').toUpperCase();
  const hasBody = method !== 'GET' && method !== 'HEAD';
  return new Request(new URL(req.url ?? '/', origin), { method, headers, ...(hasBody ? { body: body as unknown as BodyInit } : {}) });
}

async function writeResponse(res: ServerResponse, response: Response): Promise<void> {
  const headers: Record<string, string> = {};
  response.headers.forEach((value, key) => {
    headers[key] = value;
  });
  const body = Buffer.from(await response.arrayBuffer());
  if (response.status !== 204) headers['content-length'] = String(body.length);
  res.writeHead(response.status, headers);
  res.end(response.status === 204 ? undefined : body);
}

export async function startSimulatorServer(options: SimulatorServerOptions = {}): Promise<SimulatorServer> {
  const { host = '127.0.0.1', port = 0, resources = [], ...handlerOptions } = options;
  const handler = createGraphHandler(resources, handlerOptions);
  const server = createServer((req, res) => {
    void (async () => {
      const body = await readBody(req);
      if (body === null) {
        res.writeHead(413, { 'content-type': 'text/plain' }).end(`the simulator reads bodies up to ${MAX_BODY_BYTES} bytes\n`);
        return;
      }
      const origin = `http://${req.headers.host ?? `${host}:${port}`}`;
      try {
        await writeResponse(res, await handler(toRequest(req, body, origin)));
      } catch (e) {
        if ((e as { cause?: unknown })?.cause instanceof SimulatedConnectionDrop) {
          req.socket.destroy();
          return;
        }
        res.writeHead(500, { 'content-type': 'text/plain' }).end(`the simulator failed: ${(e as Error)?.message ?? String(e)}\n`);
      }
    })();
  });
  await new Promise<void>((resolve, reject) => {
    server.once('error', reject);
    server.listen(port, host, () => {
      server.off('error', reject);
      resolve();
    });
  });
  const address = server.address() as AddressInfo;
  const shownHost = address.family === 'IPv6' ? `[${address.address}]` : address.address;
  return {
    url: `http://${shownHost}:${address.port}`,
    server,
    close: () =>
      new Promise<void>((resolve) => {
        server.close(() => resolve());
        server.closeAllConnections();
      }),
  };
}
