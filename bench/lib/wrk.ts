/** wrk, the HTTP load generator from Debian, and what its `--latency` output says. */
import { run, TASKSET } from './processes.ts';

export const WRK = '/usr/bin/wrk';

export interface Load {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** wrk's socket error line (connect, read, write, timeout), when there was one. */
  socketErrors: string | undefined;
}

export interface WrkOptions {
  threads: number;
  connections: number;
  /** Request headers, as `Name: value`. */
  headers?: string[];
  /** A Lua script that makes the requests (method, headers, body), for loads that vary per request. */
  script?: string;
  /** CPUs to pin wrk to (`taskset -c`), away from the server under test. */
  cpus?: string;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function percentileMs(output: string, percent: number): number {
  const match = output.match(new RegExp(`^\\s+${percent}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm'));
  if (!match?.[1] || !match[2]) throw new Error(`wrk printed no ${percent}% latency:\n${output}`);
  return Number(match[1]) * (UNIT_MS[match[2]] ?? Number.NaN);
}

/** Reads wrk's `--latency` output; any non-2xx/3xx answer is an error, the figures would lie. */
export function parseWrk(output: string): Load {
  const rate = output.match(/^Requests\/sec:\s+([\d.]+)/m)?.[1];
  if (!rate) throw new Error(`wrk printed no Requests/sec:\n${output}`);
  const non2xx = output.match(/Non-2xx or 3xx responses:\s+(\d+)/)?.[1];
  if (non2xx) throw new Error(`wrk got ${non2xx} non-2xx/3xx responses:\n${output}`);
  return {
    requestsPerSecond: Number(rate),
    p50Ms: percentileMs(output, 50),
    p99Ms: percentileMs(output, 99),
    socketErrors: output.match(/Socket errors: (.*)/)?.[1],
  };
}

export async function wrk(url: string, seconds: number, o: WrkOptions): Promise<Load> {
  const headers = (o.headers ?? []).flatMap((h) => ['-H', h]);
  const args = [
    `-t${o.threads}`,
    `-c${o.connections}`,
    `-d${seconds}s`,
    '--latency',
    ...headers,
    ...(o.script ? ['-s', o.script] : []),
    url,
  ];
  const output = o.cpus ? await run(TASKSET, ['-c', o.cpus, WRK, ...args]) : await run(WRK, args);
  return parseWrk(output);
}
