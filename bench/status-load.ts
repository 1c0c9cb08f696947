/**
 * Load test of the public status page: our server against nginx serving the very same bytes.
 *
 * Seeds a realistic page into a fresh SQLite database, starts the status server as its own process,
 * copies its `/` (in English and, asked with `Accept-Language: ru`, in Russian),
 * `/api/v2/summary.json`, `/api/v2/status.json` and the status badge `/badge.svg` into an nginx root, then drives both with wrk on loopback and prints requests
 * per second, p50 and p99 side by side. It reports; missing a target is not a
 * failure, but anything that fails to run is. Run with `npm run bench:status`; BENCH_DURATION sets the
 * seconds of each measured run (default 10).
 */
import { chmod } from 'node:fs/promises';
import { availableParallelism } from 'node:os';
import { join } from 'node:path';
import { z } from 'zod';
import { NGINX, startNginx } from './lib/nginx.ts';
import { ownedTempDir, requireTool, runBench, startStatusServer } from './lib/processes.ts';
import { loadNote, loadNow, table } from './lib/report.ts';
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
});

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

async function measure(url: string, seconds: number, headers: string[] = []): Promise<Load> {
  const o = { threads: WRK_THREADS, connections: CONNECTIONS, headers };
  await wrk(url, WARM_UP_SECONDS, o);
  return wrk(url, seconds, o);
}

interface Row {
  path: string;
  bytes: number;
  ours: Load;
  nginx: Load;
}

function verdict(row: Row): string {
  const ratio = row.ours.requestsPerSecond / row.nginx.requestsPerSecond;
  const misses = [
    ...(ratio >= TARGET_RATIO ? [] : [`ratio < ${TARGET_RATIO}`]),
    ...(row.ours.p99Ms <= TARGET_P99_MS ? [] : [`p99 > ${TARGET_P99_MS} ms`]),
  ];
  return misses.length ? `no (${misses.join(', ')})` : 'yes';
}

function report(rows: Row[], seconds: number, loadBefore: number): string {
  const ms = (n: number) => `${n.toFixed(2)} ms`;
  const rps = (n: number) => n.toFixed(0);
  const lines = [
    ['path', 'body B', 'ours req/s', 'p50', 'p99', 'nginx req/s', 'p50', 'p99', 'ours/nginx', 'targets met'],
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
    ]),
  ];
  const errors = rows.flatMap((r) =>
    (['ours', 'nginx'] as const).flatMap((who) =>
      r[who].socketErrors ? [`${r.path} (${who}): socket errors ${r[who].socketErrors}`] : [],
    ),
  );
  return [
    `wrk -t${WRK_THREADS} -c${CONNECTIONS} -d${seconds}s --latency (after a ${WARM_UP_SECONDS} s warm-up), loopback, ${availableParallelism()} CPUs, Node ${process.version}, nginx 1 worker`,
    `targets: ours/nginx req/s >= ${TARGET_RATIO} and our p99 <= ${TARGET_P99_MS} ms at ${CONNECTIONS} connections`,
    loadNote(loadBefore, BUSY_LOAD_PER_CPU),
    '',
    table(lines),
    ...errors,
  ].join('\n');
}

/** The bar for the badge: at least the rate of `/api/v2/status.json`, the smallest API answer. */
function badgeVersusStatus(rows: Row[]): string {
  const badge = rows.find((r) => r.path === '/badge.svg');
  const status = rows.find((r) => r.path === '/api/v2/status.json');
  if (!badge || !status) return '';
  const ratio = badge.ours.requestsPerSecond / status.ours.requestsPerSecond;
  return `/badge.svg ${badge.ours.requestsPerSecond.toFixed(0)} req/s vs /api/v2/status.json ${status.ours.requestsPerSecond.toFixed(0)} req/s: ${ratio.toFixed(2)}x (target >= 1: ${ratio >= 1 ? 'yes' : 'no'})`;
}

async function main(): Promise<void> {
  const parsed = settings.safeParse(process.env);
  if (!parsed.success) throw new Error('BENCH_DURATION must be a whole number of seconds from 1 to 300');
  const seconds = parsed.data.BENCH_DURATION;
  requireTool(NGINX, 'nginx-light');
  requireTool(WRK, 'wrk');
  const loadBefore = loadNow();

  const tmp = await ownedTempDir('snapdesk-status-load-');
  // mkdtemp makes it private, but nginx started as root serves from workers running as `nobody`.
  await chmod(tmp, 0o711);
  console.log('seeding…');
  await seedStatusPage(join(tmp, 'data'));
  const { origin: ours } = await startStatusServer({
    dataDir: join(tmp, 'data'),
    log: join(tmp, 'status-server.log'),
  });
  const bodies = new Map<string, Uint8Array>();
  for (const c of CASES) bodies.set(c.nginxPath, await fetchBody(ours + c.path, c.headers));
  const russian = new TextDecoder().decode(bodies.get('/ru.html'));
  if (!russian.includes('<html lang="ru">'))
    throw new Error('Accept-Language: ru did not get the Russian page');
  const nginx = await startNginx(join(tmp, 'nginx'), bodies);
  await verifySameBodies(ours, nginx);

  const rows: Row[] = [];
  for (const c of CASES) {
    console.log(`loading ${c.label}…`);
    rows.push({
      path: c.label,
      bytes: bodies.get(c.nginxPath)?.byteLength ?? 0,
      ours: await measure(ours + c.path, seconds, c.headers),
      nginx: await measure(nginx + c.nginxPath, seconds),
    });
  }
  console.log(`\n${report(rows, seconds, loadBefore)}`);
  console.log(badgeVersusStatus(rows));
}

await runBench(main);
