/**
 * Load test of the public status page: our server against nginx serving the very same bytes.
 *
 * Seeds a realistic page into a fresh SQLite database, starts the status server as its own process,
 * copies its `/` and `/api/v2/summary.json` into an nginx root, then drives both with wrk on loopback
 * and prints requests per second, p50 and p99 side by side. It reports; missing a target is not a
 * failure, but anything that fails to run is. Run with `npm run bench:status`; BENCH_DURATION sets the
 * seconds of each measured run (default 10).
 */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { chmod, mkdir, mkdtemp, open, readFile, writeFile } from 'node:fs/promises';
import { createServer } from 'node:net';
import { availableParallelism, constants, loadavg, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { type Kysely, sql } from 'kysely';
import { z } from 'zod';
import type { ComponentStatus, IncidentImpact } from '../shared/schemas/status.ts';
import { loadConfig } from '../status-server/config.ts';
import {
  addIncidentUpdate,
  createComponent,
  createGroup,
  createIncident,
  createMaintenance,
  resolveIncident,
} from '../status-server/status/writes.ts';
import { openStore } from '../status-server/store/db.ts';
import { migrateToLatest } from '../status-server/store/migrations.ts';
import type { Database } from '../status-server/store/schema.ts';

type Db = Kysely<Database>;

const REPO = join(dirname(fileURLToPath(import.meta.url)), '..');
const NGINX = '/usr/sbin/nginx';
const WRK = '/usr/bin/wrk';
const PATHS = ['/', '/api/v2/summary.json'] as const;
const CONNECTIONS = 64;
/** One wrk thread: on a 2-core machine a second one would take the core the server under test needs. */
const WRK_THREADS = 1;
/** Long enough for V8 to optimise the hot path and for keep-alive connections to be open. */
const WARM_UP_SECONDS = 2;
/** Above this 1-minute load per CPU before the start, other work competes and the figures say little. */
const BUSY_LOAD_PER_CPU = 0.5;
const TARGET_RATIO = 0.7;
const TARGET_P99_MS = 10;
/** Generous for tsx compiling the server on a cold cache, short enough to notice a hang. */
const START_TIMEOUT_MS = 30_000;
/** A poll that hangs is a server not ready yet, not a reason to wait forever. */
const POLL_TIMEOUT_MS = 1_000;
const FETCH_TIMEOUT_MS = 10_000;
/** Enough of a failed service's log to see why, without a screen of repeated lines. */
const LOG_TAIL_LINES = 15;
const HOUR = 3_600_000;
const DAY = 24 * HOUR;
const PAST_INCIDENTS = 200;
const HISTORY_DAYS = 120;

const settings = z.object({
  BENCH_DURATION: z.coerce.number().int().min(1).max(300).default(10),
});

// ---------------------------------------------------------------- processes and clean-up

/** Everything the run starts or creates, so it is undone after success, an error or Ctrl-C. */
const owned = { children: new Set<ChildProcess>(), dirs: new Set<string>(), closing: false };

function spawnOwned(command: string, args: string[], options: SpawnOptions): ChildProcess {
  // After clean-up has begun, a new process would outlive the bench.
  if (owned.closing) throw new Error('interrupted');
  const child = spawn(command, args, options);
  owned.children.add(child);
  child.once('exit', () => owned.children.delete(child));
  return child;
}

function stop(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => {
    // A server that ignores SIGTERM must not outlive the bench.
    const force = setTimeout(() => child.kill('SIGKILL'), 3_000);
    child.once('exit', () => {
      clearTimeout(force);
      resolve();
    });
    child.kill('SIGTERM');
  });
}

async function stopChildren(): Promise<void> {
  owned.closing = true;
  await Promise.all([...owned.children].map(stop));
}

/** Synchronous, so that nothing still running can recreate a file before the process exits. */
function removeDirs(): void {
  for (const dir of owned.dirs) rmSync(dir, { recursive: true, force: true });
}

/** Runs a command to completion and returns its standard output; a non-zero exit is an error. */
function run(command: string, args: string[]): Promise<string> {
  const child = spawnOwned(command, args, { stdio: ['ignore', 'pipe', 'pipe'] });
  let out = '';
  let err = '';
  child.stdout?.on('data', (chunk: Buffer) => {
    out += chunk;
  });
  child.stderr?.on('data', (chunk: Buffer) => {
    err += chunk;
  });
  return new Promise((resolve, reject) => {
    child.once('error', reject);
    child.once('close', (code, signal) => {
      if (code === 0) resolve(out);
      else reject(new Error(`${command} ${args.join(' ')} failed (${signal ?? `exit ${code}`}):\n${err}`));
    });
  });
}

interface Service {
  name: string;
  child: ChildProcess;
  log: string;
  /** Set when the process could not be started at all. */
  failure?: Error;
}

/** A long-running service whose output goes to a log file, shown if it fails to come up. */
async function startService(
  name: string,
  command: string,
  args: string[],
  log: string,
  env = process.env,
): Promise<Service> {
  const file = await open(log, 'a');
  const child = spawnOwned(command, args, { cwd: REPO, env, stdio: ['ignore', file.fd, file.fd] });
  await file.close();
  const service: Service = { name, child, log };
  child.once('error', (err) => {
    service.failure = err;
  });
  return service;
}

async function freePort(): Promise<number> {
  const server = createServer();
  await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve));
  const address = server.address();
  await new Promise((resolve) => server.close(resolve));
  if (address === null || typeof address === 'string') throw new Error('could not pick a free port');
  return address.port;
}

/** Polls `url` until it answers 200; the service exiting or the deadline passing is an error. */
async function waitUntilAnswering(service: Service, url: string): Promise<void> {
  const deadline = Date.now() + START_TIMEOUT_MS;
  while (Date.now() < deadline && !service.failure && service.child.exitCode === null) {
    const status = await fetch(url, { signal: AbortSignal.timeout(POLL_TIMEOUT_MS) }).then(
      (r) => r.arrayBuffer().then(() => r.status),
      () => 0,
    );
    if (status === 200) return;
    await sleep(100);
  }
  const log = await readFile(service.log, 'utf8').catch(() => '');
  const tail = log.trimEnd().split('\n').slice(-LOG_TAIL_LINES).join('\n');
  const why = service.failure?.message ?? `exit code ${service.child.exitCode}`;
  throw new Error(`${service.name} did not answer ${url} (${why}):\n${tail}`);
}

// ---------------------------------------------------------------- seeding

/** Store writes stamp the wall clock; to seed a past, every column a write stamped is moved back. */
const STAMPED = [
  ['component_groups', 'created_at'],
  ['component_groups', 'updated_at'],
  ['components', 'created_at'],
  ['components', 'updated_at'],
  ['component_status_changes', 'at'],
  ['incidents', 'created_at'],
  ['incidents', 'updated_at'],
  ['incidents', 'monitoring_at'],
  ['incidents', 'resolved_at'],
  ['incident_updates', 'created_at'],
] as const;

/**
 * Runs a store write as if at `when` (in the past): rows it stamped at or after the mark are moved
 * back, and earlier writes are untouched because they were already moved before the mark.
 */
async function writtenAt<T>(db: Db, when: number, write: () => Promise<T>): Promise<T> {
  const mark = new Date().toISOString();
  const result = await write();
  const at = new Date(when).toISOString();
  for (const [table, column] of STAMPED) {
    const stamp = sql.ref(column);
    await sql`update ${sql.table(table)} set ${stamp} = ${at} where ${stamp} >= ${mark}`.execute(db);
  }
  return result;
}

/** A fixed-seed PRNG (mulberry32), so every run measures the same page. */
function random(seed: number): () => number {
  let a = seed;
  return () => {
    a = (a + 0x6d2b79f5) | 0;
    let t = Math.imul(a ^ (a >>> 15), 1 | a);
    t = (t + Math.imul(t ^ (t >>> 7), 61 | t)) ^ t;
    return ((t ^ (t >>> 14)) >>> 0) / 4_294_967_296;
  };
}

interface SeededComponent {
  id: string;
  name: string;
  host: string;
}

const CATALOGUE: Record<string, [name: string, host: string][]> = {
  Website: [
    ['Marketing site', 'www.example.com'],
    ['Dashboard', 'app.example.com'],
    ['Documentation', 'docs.example.com'],
  ],
  API: [
    ['REST API', 'api.example.com'],
    ['Webhooks', 'hooks.example.com'],
    ['Authentication', 'auth.example.com'],
    ['Realtime events', 'events.example.com'],
  ],
  Infrastructure: [
    ['CDN', 'cdn.example.com'],
    ['Email delivery', 'mail.example.com'],
    ['Database cluster', 'db.example.com'],
  ],
};

async function seedComponents(db: Db, at: number): Promise<SeededComponent[]> {
  const seeded: SeededComponent[] = [];
  for (const [group, members] of Object.entries(CATALOGUE)) {
    const { id: group_id } = await writtenAt(db, at, () => createGroup(db, { name: group }));
    for (const [name, host] of members) {
      const c = await writtenAt(db, at, () =>
        createComponent(db, { name, group_id, hosts: [host], description: `Serves ${host}.` }),
      );
      seeded.push({ id: c.id, name, host });
    }
  }
  return seeded;
}

const CAUSES = [
  'connection pool exhausted after a deploy',
  'certificate renewal that did not propagate to every edge node',
  'disk filling up on a replica',
  'misrouted traffic after a network change at our provider',
  'runaway background job saturating the queue',
];
const STATUS_BY_IMPACT: Record<IncidentImpact, ComponentStatus> = {
  none: 'operational',
  minor: 'degraded_performance',
  major: 'partial_outage',
  critical: 'major_outage',
};

/** One incident's story: what broke, how badly, and the messages a responder would post. */
function incidentStory(rand: () => number, components: SeededComponent[]) {
  const pick = () => components[Math.floor(rand() * components.length)] as SeededComponent;
  const hit = [...new Set([pick(), ...(rand() < 0.3 ? [pick()] : [])])];
  const impact = (['minor', 'minor', 'major', 'critical'] as const)[Math.floor(rand() * 4)] ?? 'minor';
  const statuses = Object.fromEntries(hit.map((c) => [c.id, STATUS_BY_IMPACT[impact]]));
  const names = hit.map((c) => `**${c.name}**`).join(' and ');
  const cause = CAUSES[Math.floor(rand() * CAUSES.length)] ?? 'an unknown cause';
  return {
    impact,
    statuses,
    name: `${impact === 'critical' ? 'Outage' : 'Errors'} on ${hit.map((c) => c.name).join(' and ')}`,
    investigating: `We are investigating elevated error rates on ${names}. Some requests to \`${hit[0]?.host}\` may fail or time out. Next update within 30 minutes.`,
    identified: `We have identified the cause: a ${cause}. A fix is being rolled out.\n\n- Affected: ${names}\n- Workaround: retry failed requests after a few seconds`,
    monitoring: 'The fix is deployed and error rates are back to normal. We are monitoring the results.',
    resolved:
      'This incident has been resolved. A post-incident review will follow on [our blog](https://blog.example.com/incidents).',
  };
}

type Story = ReturnType<typeof incidentStory>;

function openIncident(db: Db, story: Story, start: number): Promise<string> {
  return writtenAt(db, start, () =>
    createIncident(db, {
      name: story.name,
      status: 'investigating',
      impact: story.impact,
      message: story.investigating,
      components: story.statuses,
      started_at: new Date(start).toISOString(),
    }),
  );
}

/** A resolved incident: investigating, identified, sometimes monitoring, resolved; over 20 min to 4 h. */
async function seedPastIncident(db: Db, rand: () => number, components: SeededComponent[], start: number) {
  const story = incidentStory(rand, components);
  const length = (20 + rand() * 220) * 60_000;
  const id = await openIncident(db, story, start);
  await writtenAt(db, start + length * 0.3, () =>
    addIncidentUpdate(db, id, { status: 'identified', message: story.identified, components: {} }),
  );
  if (rand() < 0.5) {
    await writtenAt(db, start + length * 0.7, () =>
      addIncidentUpdate(db, id, { status: 'monitoring', message: story.monitoring, components: {} }),
    );
  }
  await writtenAt(db, start + length, () =>
    resolveIncident(db, id, { message: story.resolved, components: {} }),
  );
}

/** An incident still open, started `minutesAgo`, with `steps` posted at even intervals since. */
async function seedActiveIncident(
  db: Db,
  rand: () => number,
  components: SeededComponent[],
  minutesAgo: number,
  steps: ('identified' | 'monitoring')[],
) {
  const story = incidentStory(rand, components);
  const start = Date.now() - minutesAgo * 60_000;
  const id = await openIncident(db, story, start);
  for (const [i, status] of steps.entries()) {
    const message = status === 'identified' ? story.identified : story.monitoring;
    await writtenAt(db, start + ((i + 1) * minutesAgo * 60_000) / (steps.length + 1), () =>
      addIncidentUpdate(db, id, { status, message, components: {} }),
    );
  }
}

/** 10 components in 3 groups, 200 resolved incidents over 120 days, 3 active ones, 1 maintenance. */
async function seed(dataDir: string): Promise<void> {
  const store = openStore(loadConfig({ SNAPDESK_DATA_DIR: dataDir }));
  const db = store.db;
  try {
    await migrateToLatest(db);
    const rand = random(20_240_601);
    const now = Date.now();
    const components = await seedComponents(db, now - 200 * DAY);
    const spacing = (HISTORY_DAYS * DAY) / PAST_INCIDENTS;
    for (let i = 0; i < PAST_INCIDENTS; i++) {
      // Evenly spread with jitter, oldest first so status changes stay in time order.
      const start = now - HISTORY_DAYS * DAY + i * spacing + rand() * spacing * 0.5;
      await seedPastIncident(db, rand, components, start);
    }
    await seedActiveIncident(db, rand, components, 180, ['identified', 'monitoring']);
    await seedActiveIncident(db, rand, components, 60, ['identified']);
    await seedActiveIncident(db, rand, components, 25, ['identified']);
    const windowStart = now + 3 * DAY;
    await writtenAt(db, now - DAY, () =>
      createMaintenance(db, {
        name: 'Database cluster upgrade',
        message:
          'We will upgrade the database cluster to a new major version. Writes may pause for up to a minute.',
        scheduled_for: new Date(windowStart).toISOString(),
        scheduled_until: new Date(windowStart + 2 * HOUR).toISOString(),
        components: components.filter((c) => /^(db|api)\./.test(c.host)).map((c) => c.id),
      }),
    );
  } finally {
    await store.close();
  }
}

// ---------------------------------------------------------------- the two servers

async function startStatusServer(tmp: string): Promise<string> {
  const port = await freePort();
  const service = await startService(
    'status server',
    process.execPath,
    ['--import', 'tsx', 'status-server/main.ts'],
    join(tmp, 'status-server.log'),
    {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SNAPDESK_DATA_DIR: join(tmp, 'data'),
      NODE_ENV: 'production',
      // An inherited DATABASE_URL would point the bench at someone's PostgreSQL.
      DATABASE_URL: '',
    },
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(service, `${origin}/healthz`);
  return origin;
}

function nginxConfig(tmp: string, port: number): string {
  return `worker_processes 1;
daemon off;
error_log ${tmp}/error.log;
pid ${tmp}/nginx.pid;
events { worker_connections 1024; }
http {
  access_log off;
  keepalive_requests 100000;
  client_body_temp_path ${tmp}/client_body;
  proxy_temp_path ${tmp}/proxy;
  fastcgi_temp_path ${tmp}/fastcgi;
  uwsgi_temp_path ${tmp}/uwsgi;
  scgi_temp_path ${tmp}/scgi;
  server {
    listen 127.0.0.1:${port};
    root ${tmp}/root;
    location = / { default_type text/html; try_files /index.html =404; }
    location /api/ { default_type application/json; }
  }
}
`;
}

/** nginx serving `bodies` (path → bytes) as static files, one worker, as the baseline. */
async function startNginx(tmp: string, bodies: Map<string, Uint8Array>): Promise<string> {
  const dir = join(tmp, 'nginx');
  for (const [path, body] of bodies) {
    const file = join(dir, 'root', path === '/' ? 'index.html' : path);
    await mkdir(dirname(file), { recursive: true });
    await writeFile(file, body);
  }
  const port = await freePort();
  await writeFile(join(dir, 'nginx.conf'), nginxConfig(dir, port));
  // -e: nginx opens its default error log before reading the config, and that path may not exist.
  const service = await startService(
    'nginx',
    NGINX,
    ['-p', dir, '-c', join(dir, 'nginx.conf'), '-e', join(dir, 'error.log')],
    join(dir, 'error.log'),
  );
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(service, `${origin}/`);
  return origin;
}

async function fetchBody(url: string): Promise<Uint8Array> {
  const response = await fetch(url, { signal: AbortSignal.timeout(FETCH_TIMEOUT_MS) });
  const body = new Uint8Array(await response.arrayBuffer());
  if (response.status !== 200) throw new Error(`GET ${url} answered ${response.status}`);
  return body;
}

/** Both servers must answer 200 with the same body size, or the comparison means nothing. */
async function verifySameBodies(ours: string, nginx: string): Promise<void> {
  for (const path of PATHS) {
    const [a, b] = await Promise.all([fetchBody(ours + path), fetchBody(nginx + path)]);
    if (a.byteLength !== b.byteLength) {
      throw new Error(`${path}: our server sent ${a.byteLength} bytes, nginx ${b.byteLength}`);
    }
  }
}

// ---------------------------------------------------------------- load

interface Load {
  requestsPerSecond: number;
  p50Ms: number;
  p99Ms: number;
  /** wrk's socket error line (connect, read, write, timeout), when there was one. */
  socketErrors: string | undefined;
}

const UNIT_MS: Record<string, number> = { us: 0.001, ms: 1, s: 1000, m: 60_000 };

function percentileMs(output: string, percent: number): number {
  const match = output.match(new RegExp(`^\\s+${percent}%\\s+([\\d.]+)(us|ms|s|m)\\s*$`, 'm'));
  if (!match?.[1] || !match[2]) throw new Error(`wrk printed no ${percent}% latency:\n${output}`);
  return Number(match[1]) * (UNIT_MS[match[2]] ?? Number.NaN);
}

function parseWrk(output: string): Load {
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

async function wrk(url: string, seconds: number): Promise<Load> {
  const output = await run(WRK, [`-t${WRK_THREADS}`, `-c${CONNECTIONS}`, `-d${seconds}s`, '--latency', url]);
  return parseWrk(output);
}

async function measure(url: string, seconds: number): Promise<Load> {
  await wrk(url, WARM_UP_SECONDS);
  return wrk(url, seconds);
}

// ---------------------------------------------------------------- report

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

function table(rows: string[][]): string {
  const widths = rows[0]?.map((_, i) => Math.max(...rows.map((r) => r[i]?.length ?? 0))) ?? [];
  return rows.map((r) => r.map((cell, i) => cell.padStart(widths[i] ?? 0)).join('  ')).join('\n');
}

function loadNote(loadBefore: number): string {
  const cpus = availableParallelism();
  const note = `1-minute load average before the start: ${loadBefore.toFixed(2)}`;
  return loadBefore > BUSY_LOAD_PER_CPU * cpus
    ? `${note}: WARNING, the machine was busy with other work; these figures are unreliable`
    : note;
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
    loadNote(loadBefore),
    '',
    table(lines),
    ...errors,
  ].join('\n');
}

// ---------------------------------------------------------------- main

function requireTool(path: string, debianPackage: string): void {
  if (!existsSync(path)) {
    throw new Error(`${path} not found: install it with \`apt-get install ${debianPackage}\``);
  }
}

async function main(): Promise<void> {
  const parsed = settings.safeParse(process.env);
  if (!parsed.success) throw new Error('BENCH_DURATION must be a whole number of seconds from 1 to 300');
  const seconds = parsed.data.BENCH_DURATION;
  requireTool(NGINX, 'nginx-light');
  requireTool(WRK, 'wrk');
  const [loadBefore = 0] = loadavg();

  const tmp = await mkdtemp(join(tmpdir(), 'snapdesk-status-load-'));
  owned.dirs.add(tmp);
  // mkdtemp makes it private, but nginx started as root serves from workers running as `nobody`.
  await chmod(tmp, 0o711);
  console.log('seeding…');
  await seed(join(tmp, 'data'));
  const ours = await startStatusServer(tmp);
  const bodies = new Map<string, Uint8Array>();
  for (const path of PATHS) bodies.set(path, await fetchBody(ours + path));
  const nginx = await startNginx(tmp, bodies);
  await verifySameBodies(ours, nginx);

  const rows: Row[] = [];
  for (const path of PATHS) {
    console.log(`loading ${path}…`);
    rows.push({
      path,
      bytes: bodies.get(path)?.byteLength ?? 0,
      ours: await measure(ours + path, seconds),
      nginx: await measure(nginx + path, seconds),
    });
  }
  console.log(`\n${report(rows, seconds, loadBefore)}`);
}

for (const signal of ['SIGINT', 'SIGTERM'] as const) {
  process.once(signal, () => {
    void stopChildren().finally(() => {
      removeDirs();
      process.exit(128 + constants.signals[signal]);
    });
  });
}

try {
  await main();
} catch (err) {
  // Once a signal started clean-up, the failures it causes (a killed wrk) are not news.
  if (!owned.closing) console.error(`bench failed: ${err instanceof Error ? err.message : String(err)}`);
  process.exitCode = 1;
} finally {
  await stopChildren();
  removeDirs();
}
