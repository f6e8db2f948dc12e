/**
 * An open-loop load generator: request i is sent at t0 + i / rate, whatever the answers before it, and its latency is
 * counted from that scheduled moment (so a server or generator that falls behind shows as latency, never as fewer
 * requests: no coordinated omission). This is what "N requests per second" means for a service. autocannon's rate
 * limit, by contrast, lets each connection send its share of a second back to back and then wait, so it measures
 * bursts; the pool benchmark prints both.
 */
import http from 'node:http';
import { setTimeout as sleep } from 'node:timers/promises';

export interface PlannedRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface OpenLoopResult {
  sent: number;
  ok: number;
  refused: number;
  failed: number;
  /** Milliseconds from each request's scheduled moment to the end of its answer, in order of completion. */
  latencies: number[];
}

export async function openLoop(url: string, rate: number, seconds: number, plan: (i: number) => PlannedRequest): Promise<OpenLoopResult> {
  const base = new URL(url);
  const agent = new http.Agent({ keepAlive: true, maxSockets: 64 });
  const result: OpenLoopResult = { sent: 0, ok: 0, refused: 0, failed: 0, latencies: [] };
  const pending: Promise<void>[] = [];
  const interval = 1000 / rate;
  const t0 = performance.now() + 20;
  for (let i = 0; i < rate * seconds; i++) {
    const due = t0 + i * interval;
    const wait = due - performance.now();
    if (wait > 0.5) await sleep(wait);
    const r = plan(i);
    result.sent++;
    pending.push(
      new Promise<void>((resolve) => {
        const req = http.request({ host: base.hostname, port: base.port, method: r.method, path: r.path, headers: r.headers, agent }, (res) => {
          res.resume();
          res.on('end', () => {
            result.latencies.push(performance.now() - due);
            if ((res.statusCode ?? 500) < 300) result.ok++;
            else result.refused++;
            resolve();
          });
        });
        req.on('error', () => {
          result.failed++;
          resolve();
        });
        req.end(r.body);
      }),
    );
  }
  await Promise.all(pending);
  agent.destroy();
  return result;
}

/** The p-th percentile (nearest rank) of `xs`, in the same unit. */
export function percentile(xs: readonly number[], p: number): number {
  const sorted = [...xs].sort((a, b) => a - b);
  return sorted[Math.max(0, Math.min(sorted.length - 1, Math.ceil((p / 100) * sorted.length) - 1))] ?? NaN;
}
