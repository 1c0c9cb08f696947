/**
 * Latency at a fixed offered rate, with autocannon: the requests go out at `rate` a second across
 * many connections whatever the server does, so the percentiles are what a caller waits at that
 * load, not the queue a closed loop builds at saturation (wrk with 64 connections answered at
 * 3,300 a second waits 64 / 3,300 ≈ 19 ms on average however fast each call is).
 *
 * Run as a script it loads the server and prints its figures as JSON: `fixedRate` runs it as its own
 * process, pinned away from the server's core as wrk is.
 */
import { writeFile } from 'node:fs/promises';
import { join } from 'node:path';
import { pathToFileURL } from 'node:url';
import autocannon from 'autocannon';
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

async function main(file: string): Promise<void> {
  const { readFile } = await import('node:fs/promises');
  const o = job.parse(JSON.parse(await readFile(file, 'utf8')));
  const result = await autocannon({
    url: o.url,
    connections: o.connections,
    duration: o.seconds,
    overallRate: o.rate,
    requests: o.requests,
  });
  const load: FixedRateLoad = {
    offered: o.rate,
    requestsPerSecond: result.requests.total / o.seconds,
    p50Ms: result.latency.p50,
    p99Ms: result.latency.p99,
    // A 304 is an answer like a 200 here (the idle poll's); 4xx and 5xx are not.
    errors: result['4xx'] + result['5xx'] + result.errors + result.timeouts,
  };
  process.stdout.write(JSON.stringify(load));
}

if (import.meta.url === pathToFileURL(process.argv[1] ?? '').href) await main(process.argv[2] ?? '');
