/**
 * A local HTTP server that replays recorded responses, step by step per path: a 503 then the body, a slow answer,
 * a body cut off mid-way. The client under test talks real HTTP to it; nothing of ours is mocked.
 */
import { createServer, type IncomingMessage, type ServerResponse } from 'node:http';
import type { AddressInfo } from 'node:net';

export interface Step {
  status?: number;
  body?: string | Buffer;
  headers?: Record<string, string>;
  /** Wait this long before answering (for timeouts). */
  delayMs?: number;
  /** Announce the full length, send only the first half, then drop the connection. */
  truncate?: boolean;
  /** Send the first half with no length announced and end cleanly (a body that is merely short). */
  shortChunked?: boolean;
}

export interface ReplayServer {
  url: string;
  /** Scripts by path (without the query); the last step repeats. */
  routes: Map<string, Step[]>;
  hits: Map<string, number>;
  /** Every request's path and query, in order. */
  log: string[];
  close(): Promise<void>;
}

export async function replayServer(routes: Record<string, Step[]> = {}): Promise<ReplayServer> {
  const scripts = new Map(Object.entries(routes));
  const hits = new Map<string, number>();
  const log: string[] = [];
  const server = createServer((req: IncomingMessage, res: ServerResponse) => {
    const url = new URL(req.url ?? '/', 'http://x');
    log.push(`${url.pathname}${url.search}`);
    const n = hits.get(url.pathname) ?? 0;
    hits.set(url.pathname, n + 1);
    const script = scripts.get(url.pathname);
    if (!script?.length) {
      res.writeHead(404, { 'content-type': 'application/json' }).end(JSON.stringify({ error: [{ status: 404, label: `no recording for ${url.pathname}` }] }));
      return;
    }
    const step = script[Math.min(n, script.length - 1)]!;
    const send = () => {
      const body = typeof step.body === 'string' ? Buffer.from(step.body) : (step.body ?? Buffer.alloc(0));
      if (step.truncate) {
        res.writeHead(step.status ?? 200, { ...step.headers, 'content-length': String(body.length) });
        res.write(body.subarray(0, Math.floor(body.length / 2)), () => res.destroy());
        return;
      }
      if (step.shortChunked) {
        res.writeHead(step.status ?? 200, { ...step.headers });
        res.end(body.subarray(0, Math.floor(body.length / 2)));
        return;
      }
      res.writeHead(step.status ?? 200, { 'content-length': String(body.length), ...step.headers });
      res.end(body);
    };
    if (step.delayMs) {
      const t = setTimeout(send, step.delayMs);
      res.on('close', () => clearTimeout(t));
    } else send();
  });
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const { port } = server.address() as AddressInfo;
  return {
    url: `http://127.0.0.1:${port}`,
    routes: scripts,
    hits,
    log,
    close: () =>
      new Promise<void>((resolve) => {
        server.closeAllConnections();
        server.close(() => resolve());
      }),
  };
}
