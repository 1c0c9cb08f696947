/**
 * Latency at a fixed offered rate: requests leave evenly spaced, `rate` a second, whatever the
 * server does (an open loop), over a pool of keep-alive connections, and each one's latency is
 * counted from the moment it was due to leave, so a server (or a loader) that falls behind shows it
 * in the percentiles instead of hiding it (coordinated omission). A closed loop such as wrk's cannot
 * show this: at saturation its latency is its own queue (64 connections answered 3,300 times a
 * second wait 64 / 3,300 ≈ 19 ms on average however fast each call is).
 *
 * Not autocannon: its rate limit lets each connection send its share of a second back to back and
 * then pause until the second is over, so the load arrives in bursts once a second, and it builds
 * every distinct request for every connection up front (2,000 bodies on 200 connections kept its
 * own p99 at 8 s against a server that answers in a millisecond).
 *
 * Run as a script it loads the server and prints its figures as JSON: `fixedRate` runs it as its own
 * process, pinned away from the server's core as wrk is.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import { Pool } from 'undici';
import { z } from 'zod';
import { REPO, run, TASKSET } from './processes.ts';

export interface FixedRateRequest {
  method: 'GET' | 'POST';
  path: string;
  headers: Record<string, string>;
  body?: string;
}

export interface FixedRateLoad {
  /** The rate asked for and the one served: below it, the server could not keep up. */
  offered: number;
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** 4xx and 5xx answers, and requests that failed or timed out. */
  errors: number;
}

const job = z.object({
  url: z.string(),
  rate: z.number().int().positive(),
  connections: z.number().int().positive(),
  seconds: z.number().int().positive(),
  requests: z.array(
    z.object({
      method: z.enum(['GET', 'POST']),
      path: z.string(),
      headers: z.record(z.string(), z.string()),
      body: z.string().optional(),
    }),
  ),
});

/** Loads `url` with `requests` in turn (each connection cycles through them) at `rate` a second. */
export async function fixedRate(
  dir: string,
  o: {
    url: string;
    rate: number;
    connections: number;
    seconds: number;
    requests: FixedRateRequest[];
    cpus: string;
  },
): Promise<FixedRateLoad> {
  const { cpus, ...rest } = o;
  const file = join(dir, `fixed-rate-${Date.now()}.json`);
  await writeFile(file, JSON.stringify(job.parse(rest)));
  const script = join(REPO, 'bench', 'lib', 'fixed-rate.ts');
  const out = await run(TASKSET, ['-c', cpus, process.execPath, '--import', 'tsx', script, file]);
  return JSON.parse(out) as FixedRateLoad;
}

/** How often the pacer wakes to send what has come due: fine enough that a 1 ms tick spreads the load evenly. */
const TICK_MS = 1;
/** Seconds of load before the measured ones, not counted. */
const WARM_UP_SECONDS = 2;
/** A request not answered in this long counts as an error (and its latency as this long). */
const TIMEOUT_MS = 10_000;

async function main(file: string): Promise<void> {
  const { readFile } = await import('node:fs/promises');
  const o = job.parse(JSON.parse(await readFile(file, 'utf8')));
  // undici's pool: node:http's client costs several times more per request, and a loader that
  // cannot keep up with the rate it offers shows its own lag as the server's latency.
  const pool = new Pool(o.url, {
    connections: o.connections,
    headersTimeout: TIMEOUT_MS,
    bodyTimeout: TIMEOUT_MS,
  });
  const requests = o.requests.map((r) => ({
    ...r,
    body: r.body === undefined ? undefined : Buffer.from(r.body),
  }));
  const latencies: number[] = [];
  let errors = 0;
  let next = 0;
  const send = async (dueAt: number, measured: boolean) => {
    const r = requests[next++ % requests.length] as (typeof requests)[number];
    let ok = false;
    try {
      const res = await pool.request({ method: r.method, path: r.path, headers: r.headers, body: r.body });
      await res.body.dump();
      // A 304 is an answer like a 200 here (the idle poll's); 4xx and 5xx are not.
      ok = res.statusCode < 400;
    } catch {
      ok = false;
    }
    if (!measured) return;
    latencies.push(performance.now() - dueAt);
    if (!ok) errors++;
  };

  const interval = 1000 / o.rate;
  const started = performance.now();
  // The same load first for a while unmeasured: connections opened, code compiled on both sides.
  const warmUp = o.rate * WARM_UP_SECONDS;
  const total = warmUp + o.rate * o.seconds;
  const inFlight: Promise<void>[] = [];
  let sent = 0;
  await new Promise<void>((resolve) => {
    const tick = () => {
      const now = performance.now();
      // Everything due by now leaves now, each timed from its own due moment.
      while (sent < total && started + sent * interval <= now) {
        inFlight.push(send(started + sent * interval, sent >= warmUp));
        sent++;
      }
      if (sent < total) setTimeout(tick, TICK_MS);
      else resolve();
    };
    tick();
  });
  await Promise.all(inFlight);
  const elapsed = (performance.now() - started) / 1000 - WARM_UP_SECONDS;
  await pool.close();
  latencies.sort((a, b) => a - b);
  const at = (p: number) =>
    latencies[Math.min(latencies.length - 1, Math.floor((p / 100) * latencies.length))] ?? 0;
  const load: FixedRateLoad = {
    offered: o.rate,
    requestsPerSecond: (latencies.length - errors) / elapsed,
    p50Ms: at(50),
    p99Ms: at(99),
    errors,
  };
  process.stdout.write(JSON.stringify(load));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv[2] ?? '');
