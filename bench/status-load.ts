/**
 * Load test of the public status page: our server against nginx serving the very same bytes.
 *
 * Seeds a realistic page into a fresh SQLite database, starts the status server as its own process,
 * copies its `/` (in English and, asked with `Accept-Language: ru`, in Russian),
 * `/api/v2/summary.json`, `/api/v2/status.json` and the status badge `/badge.svg` into an nginx root, then drives both with wrk on loopback and prints requests
 * per second, p50 and p99 side by side. Each path is loaded BENCH_ROUNDS times (default 3), ours and
 * nginx in turn, and the medians are printed: on a shared machine a neighbour's burst then spoils one
 * round of one side, not the ratio.
 *
 * BENCH_WORKERS=N runs ours with SNAPDESK_WORKERS=N and nginx with N worker processes.
 *
 * Then the same load on our page and summary while an incident gets one update a second through the
 * admin API (issue 13: a write must never stall readers), with our p99 under that load; and the two
 * offered at a fixed rate, without and with the updates, where the p99 is what a write costs a
 * reader and not wrk's queue.
 *
 * It reports; missing a target is not a failure, but anything that fails to run is. Run with
 * `npm run bench:status`; BENCH_DURATION sets the seconds of each measured run (default 10).
 */
import { chmod, readFile } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { createToken } from '../status-server/auth/tokens.ts';
import { loadConfig } from '../status-server/config.ts';
import { openStore } from '../status-server/platform/db.ts';
import { childrenOf } from '../test/helpers/server-process.ts';
import { type FixedRateLoad, fixedRate } from './lib/fixed-rate.ts';
import { NGINX, startNginx } from './lib/nginx.ts';
import {
  cpuTimeUs,
  ownedTempDir,
  requireTool,
  run,
  runBench,
  startStatusServer,
  TASKSET,
} from './lib/processes.ts';
import { loadNote, loadNow, median, table } from './lib/report.ts';
import { seedStatusPage } from './lib/status-page.ts';
import { type Load, WRK, wrk } from './lib/wrk.ts';

/** What is loaded: our path with the request's headers, and the file nginx serves the same bytes from. */
interface Case {
  label: string;
  path: string;
  headers: string[];
  nginxPath: string;
}
const CASES: Case[] = [
  { label: '/', path: '/', headers: [], nginxPath: '/' },
  // The page in another language than the default: negotiated per request, kept apart in the snapshot.
  { label: '/ (Accept-Language: ru)', path: '/', headers: ['Accept-Language: ru'], nginxPath: '/ru.html' },
  {
    label: '/api/v2/summary.json',
    path: '/api/v2/summary.json',
    headers: [],
    nginxPath: '/api/v2/summary.json',
  },
  {
    label: '/api/v2/status.json',
    path: '/api/v2/status.json',
    headers: [],
    nginxPath: '/api/v2/status.json',
  },
  // The status badge embedded in READMEs: it must serve at least as fast as status.json.
  { label: '/badge.svg', path: '/badge.svg', headers: [], nginxPath: '/badge.svg' },
];
const CONNECTIONS = 64;
/** One wrk thread: on a 2-core machine a second one would take the core the server under test needs. */
const WRK_THREADS = 1;
/** Long enough for V8 to optimise the hot path and for keep-alive connections to be open. */
const WARM_UP_SECONDS = 2;
/** Above this 1-minute load per CPU before the start, other work competes and the figures say little. */
const BUSY_LOAD_PER_CPU = 0.5;
const TARGET_RATIO = 0.7;
const TARGET_P99_MS = 10;
const FETCH_TIMEOUT_MS = 10_000;

const settings = z.object({
  BENCH_DURATION: z.coerce.number().int().min(1).max(300).default(10),
  BENCH_ROUNDS: z.coerce.number().int().min(1).max(15).default(3),
  /** Processes on each side: SNAPDESK_WORKERS for ours, worker_processes for nginx. */
  BENCH_WORKERS: z.coerce.number().int().min(1).max(16).default(1),
});
/** The writes mode: one incident update this often, on the paths readers load during an outage. */
const WRITE_EVERY_MS = 1000;
const WRITE_PATHS = ['/', '/api/v2/summary.json'] as const;
/**
 * The same paths offered at a fixed rate (open loop, bench/lib/fixed-rate.ts), without and then with
 * the writes: at wrk's saturation a p99 is mostly wrk's own queue (64 connections wait 64 / rate
 * each), so this shows what a write costs a reader. The rates are an outage's readers for one instance,
 * as many as the loader (Node, on one core) offers on time: 1,000 pages of 74 KB a second, 2,000
 * summaries.
 */
const OPEN_LOOP_RATES: Record<(typeof WRITE_PATHS)[number], number> = {
  '/': 1000,
  '/api/v2/summary.json': 2000,
};
const OPEN_LOOP_CONNECTIONS = 64;
/**
 * The CPUs of the open-loop measurement: the loader on the second, the server with all its threads
 * (the snapshot build's too) on the first. Unpinned, the build's thread runs beside the loader, and
 * the loader's late sends count as the server's latency.
 */
const LOADER_CPU = '1';
const SERVER_CPU = '0';

async function fetchBody(url: string, headers: string[] = []): Promise<Uint8Array> {
  const response = await fetch(url, {
    headers: headers.map((h) => h.split(/:\s*/, 2) as [string, string]),
    signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
  });
  const body = new Uint8Array(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return body;
}

/** Both servers must answer 200 with the same body size, or the comparison means nothing. */
async function verifySameBodies(ours: string, nginx: string): Promise<void> {
  for (const c of CASES) {
    const [a, b] = await Promise.all([fetchBody(ours + c.path, c.headers), fetchBody(nginx + c.nginxPath)]);
    if (a.byteLength !== b.byteLength) {
      throw new Error(`${c.label}: our server sent ${a.byteLength} bytes, nginx ${b.byteLength}`);
    }
  }
}

/** A load's figures, and the server's CPU time per request over it (all its threads). */
interface Measured extends Load {
  cpuUsPerRequest: number;
}

/** Loads `url` after a warm-up; `during` runs alongside the measured part and is stopped after it. */
async function measure(
  url: string,
  pids: number[],
  seconds: number,
  headers: string[] = [],
  during?: () => { stop(): Promise<unknown> },
): Promise<Measured> {
  const o = { threads: WRK_THREADS, connections: CONNECTIONS, headers };
  await wrk(url, WARM_UP_SECONDS, o);
  const before = await treeCpuUs(pids);
  const alongside = during?.();
  const load = await wrk(url, seconds, o);
  const used = (await treeCpuUs(pids)) - before;
  await alongside?.stop();
  return { ...load, cpuUsPerRequest: used / (load.requestsPerSecond * seconds) };
}

/** A process and its children: with several workers, what serving costs is all of theirs. */
function processTree(pid: number): number[] {
  return [pid, ...childrenOf(pid)];
}

const treeCpuUs = async (pids: number[]) =>
  (await Promise.all(pids.map(cpuTimeUs))).reduce((a, b) => a + b, 0);

/** Each figure's median over the rounds. */
function medianLoad(loads: Measured[]): Measured {
  const m = (f: (l: Measured) => number) => median(loads.map(f));
  return {
    requestsPerSecond: m((l) => l.requestsPerSecond),
    p50Ms: m((l) => l.p50Ms),
    p99Ms: m((l) => l.p99Ms),
    cpuUsPerRequest: m((l) => l.cpuUsPerRequest),
    socketErrors: loads.find((l) => l.socketErrors)?.socketErrors,
  };
}

/** A token for the admin API and an incident still open, written into the seeded database. */
async function adminAccess(dataDir: string): Promise<{ token: string; incidentId: string }> {
  const store = openStore(loadConfig({ SNAPDESK_DATA_DIR: dataDir }));
  try {
    const { token } = await createToken(store.db, 'bench');
    const open = await store.db
      .selectFrom('incidents')
      .select('id')
      .where('status', '!=', 'resolved')
      .executeTakeFirstOrThrow();
    return { token, incidentId: open.id };
  } finally {
    await store.close();
  }
}

/**
 * Posts an incident update every WRITE_EVERY_MS until stopped, as support would during an outage
 * (far more often, in fact); each must be accepted. Resolves to the number of updates made.
 */
function writeEverySecond(origin: string, access: { token: string; incidentId: string }) {
  let stopped = false;
  let made = 0;
  const done = (async () => {
    const statuses = ['identified', 'monitoring'] as const;
    while (!stopped) {
      const started = Date.now();
      const res = await fetch(`${origin}/api/admin/incidents/${access.incidentId}/updates`, {
        method: 'POST',
        headers: { authorization: `Bearer ${access.token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          status: statuses[made % 2],
          message: `Update ${made + 1}: still working on it, next update in a minute.`,
        }),
        signal: AbortSignal.timeout(FETCH_TIMEOUT_MS),
      });
      if (res.status !== 201 && res.status !== 200) {
        throw new Error(`an incident update answered ${res.status}: ${await res.text()}`);
      }
      made++;
      await new Promise((r) => setTimeout(r, Math.max(0, WRITE_EVERY_MS - (Date.now() - started))));
    }
    return made;
  })();
  return {
    stop: () => {
      stopped = true;
      return done;
    },
  };
}

interface Row {
  path: string;
  bytes: number;
  ours: Measured;
  nginx: Measured;
}

function verdict(row: Row): string {
  const ratio = row.ours.requestsPerSecond / row.nginx.requestsPerSecond;
  const misses = [
    ...(ratio >= TARGET_RATIO ? [] : [`ratio < ${TARGET_RATIO}`]),
    ...(row.ours.p99Ms <= TARGET_P99_MS ? [] : [`p99 > ${TARGET_P99_MS} ms`]),
  ];
  return misses.length ? `no (${misses.join(', ')})` : 'yes';
}

function report(rows: Row[], seconds: number, rounds: number, workers: number, loadBefore: number): string {
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  const rps = (n: number) => n.toFixed(0);
  const lines = [
    [
      'path',
      'body B',
      'ours req/s',
      'p50',
      'p99',
      'nginx req/s',
      'p50',
      'p99',
      'ours/nginx',
      'targets met',
      'CPU/req ours',
      'nginx',
      'per core',
    ],
    ...rows.map((r) => [
      r.path,
      String(r.bytes),
      rps(r.ours.requestsPerSecond),
      ms(r.ours.p50Ms),
      ms(r.ours.p99Ms),
      rps(r.nginx.requestsPerSecond),
      ms(r.nginx.p50Ms),
      ms(r.nginx.p99Ms),
      (r.ours.requestsPerSecond / r.nginx.requestsPerSecond).toFixed(2),
      verdict(r),
      `${r.ours.cpuUsPerRequest.toFixed(1)} µs`,
      `${r.nginx.cpuUsPerRequest.toFixed(1)} µs`,
      (r.nginx.cpuUsPerRequest / r.ours.cpuUsPerRequest).toFixed(2),
    ]),
  ];
  const errors = rows.flatMap((r) =>
    (['ours', 'nginx'] as const).flatMap((who) =>
      r[who].socketErrors ? [`${r.path} (${who}): socket errors ${r[who].socketErrors}`] : [],
    ),
  );
  return [
    `wrk -t${WRK_THREADS} -c${CONNECTIONS} -d${seconds}s --latency (after a ${WARM_UP_SECONDS} s warm-up), loopback, ${availableParallelism()} CPUs, Node ${process.version}, ${workers === 1 ? 'one process each' : `SNAPDESK_WORKERS=${workers} and nginx worker_processes ${workers}`}`,
    `medians of ${rounds} rounds, ours and nginx loaded in turn`,
    'CPU/req: the server process’s CPU time (all threads) over the requests it served; "per core" is',
    'nginx’s over ours, the ratio of what each would serve on a core of its own (neighbours barely move it)',
    `targets: ours/nginx req/s >= ${TARGET_RATIO} and our p99 <= ${TARGET_P99_MS} ms at ${CONNECTIONS} connections`,
    loadNote(loadBefore, BUSY_LOAD_PER_CPU),
    '',
    table(lines),
    ...errors,
  ].join('\n');
}

/** The issue's bar for the badge: at least the rate of `/api/v2/status.json`, the smallest API answer. */
function badgeVersusStatus(rows: Row[]): string {
  const badge = rows.find((r) => r.path === '/badge.svg');
  const status = rows.find((r) => r.path === '/api/v2/status.json');
  if (!badge || !status) return '';
  const ratio = badge.ours.requestsPerSecond / status.ours.requestsPerSecond;
  return `/badge.svg ${badge.ours.requestsPerSecond.toFixed(0)} req/s vs /api/v2/status.json ${status.ours.requestsPerSecond.toFixed(0)} req/s: ${ratio.toFixed(2)}x (target >= 1: ${ratio >= 1 ? 'yes' : 'no'})`;
}

async function main(): Promise<void> {
  const parsed = settings.safeParse(process.env);
  if (!parsed.success) {
    throw new Error(
      'BENCH_DURATION must be a whole number of seconds from 1 to 300, BENCH_ROUNDS a whole number from 1 to 15',
    );
  }
  const { BENCH_DURATION: seconds, BENCH_ROUNDS: rounds, BENCH_WORKERS: workers } = parsed.data;
  requireTool(NGINX, 'nginx-light');
  requireTool(WRK, 'wrk');
  const loadBefore = loadNow();

  const tmp = await ownedTempDir('snapdesk-status-load-');
  // mkdtemp makes it private, but nginx started as root serves from workers running as `nobody`.
  await chmod(tmp, 0o711);
  console.log('seeding…');
  await seedStatusPage(join(tmp, 'data'));
  const access = await adminAccess(join(tmp, 'data'));
  const { origin: ours, service } = await startStatusServer({
    dataDir: join(tmp, 'data'),
    log: join(tmp, 'status-server.log'),
    env: { SNAPDESK_WORKERS: String(workers) },
  });
  const bodies = new Map<string, Uint8Array>();
  for (const c of CASES) bodies.set(c.nginxPath, await fetchBody(ours + c.path, c.headers));
  const russian = new TextDecoder().decode(bodies.get('/ru.html'));
  if (!russian.includes('<html lang="ru">'))
    throw new Error('Accept-Language: ru did not get the Russian page');
  const nginx = await startNginx(join(tmp, 'nginx'), bodies, workers);
  await verifySameBodies(ours, nginx);
  const oursPids = await processTree(service.child.pid as number);
  // With SNAPDESK_WORKERS the first worker answers before the others have started.
  while (workers > 1 && oursPids.length < workers + 1) {
    await new Promise((r) => setTimeout(r, 100));
    oursPids.splice(0, oursPids.length, ...(await processTree(service.child.pid as number)));
  }
  const nginxPids = await processTree(
    Number((await readFile(join(tmp, 'nginx', 'nginx.pid'), 'utf8')).trim()),
  );

  const rows: Row[] = [];
  for (const c of CASES) {
    console.log(`loading ${c.label}…`);
    const loads = { ours: [] as Measured[], nginx: [] as Measured[] };
    for (let round = 0; round < rounds; round++) {
      loads.ours.push(await measure(ours + c.path, oursPids, seconds, c.headers));
      loads.nginx.push(await measure(nginx + c.nginxPath, nginxPids, seconds));
    }
    rows.push({
      path: c.label,
      bytes: bodies.get(c.nginxPath)?.byteLength ?? 0,
      ours: medianLoad(loads.ours),
      nginx: medianLoad(loads.nginx),
    });
  }
  console.log(`\n${report(rows, seconds, rounds, workers, loadBefore)}`);
  console.log(badgeVersusStatus(rows));

  const writing: string[][] = [
    ['path, one incident update a second', 'updates', 'ours req/s', 'p50', 'p99', 'p99 <= 10 ms'],
  ];
  for (const path of WRITE_PATHS) {
    console.log(`loading ${path} while an incident is updated every second…`);
    const loads: Measured[] = [];
    let updates = 0;
    for (let round = 0; round < rounds; round++) {
      loads.push(
        await measure(ours + path, oursPids, seconds, [], () => {
          const writer = writeEverySecond(ours, access);
          return { stop: async () => (updates += await writer.stop()) };
        }),
      );
    }
    const load = medianLoad(loads);
    writing.push([
      path,
      String(updates),
      load.requestsPerSecond.toFixed(0),
      `${load.p50Ms.toFixed(2)} ms`,
      `${load.p99Ms.toFixed(2)} ms`,
      load.p99Ms <= TARGET_P99_MS ? 'yes' : 'no',
    ]);
  }
  console.log(`\n${table(writing)}`);

  const open: string[][] = [
    [
      'path, offered at a fixed rate',
      'offered',
      'served',
      'p50',
      'p99',
      'with writes: served',
      'p50',
      'p99',
      'updates',
      'p99 <= 10 ms',
    ],
  ];
  for (const pid of oursPids)
    await run(TASKSET, ['--all-tasks', '--cpu-list', '--pid', SERVER_CPU, String(pid)]);
  for (const path of WRITE_PATHS) {
    const rate = OPEN_LOOP_RATES[path];
    console.log(
      `offering ${rate} ${path} a second, then the same while an incident is updated every second…`,
    );
    const load = () =>
      fixedRate(tmp, {
        url: ours,
        rate,
        connections: OPEN_LOOP_CONNECTIONS,
        seconds,
        requests: [{ method: 'GET', path, headers: {} }],
        cpus: LOADER_CPU,
      });
    const quiet = await load();
    const writer = writeEverySecond(ours, access);
    const busy = await load();
    const updates = await writer.stop();
    const ok = (l: FixedRateLoad) => l.errors === 0 && l.p99Ms <= TARGET_P99_MS;
    open.push([
      path,
      `${rate}/s`,
      `${quiet.requestsPerSecond.toFixed(0)}/s`,
      `${quiet.p50Ms.toFixed(2)} ms`,
      `${quiet.p99Ms.toFixed(2)} ms`,
      `${busy.requestsPerSecond.toFixed(0)}/s`,
      `${busy.p50Ms.toFixed(2)} ms`,
      `${busy.p99Ms.toFixed(2)} ms`,
      String(updates),
      ok(busy) ? 'yes' : busy.errors ? `no (${busy.errors} errors)` : 'no',
    ]);
  }
  console.log(
    [
      '',
      `open loop: requests leave evenly spaced whatever the server does, latency from each one's due time, on ${OPEN_LOOP_CONNECTIONS} connections, the loader pinned to CPU ${LOADER_CPU} and our server (all its threads) to CPU ${SERVER_CPU}`,
      table(open),
    ].join('\n'),
  );
}

await runBench(main);
