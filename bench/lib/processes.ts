/**
 * The processes and folders a bench starts or creates, undone after success, an error or Ctrl-C;
 * and the status server as a process of its own, as it runs in production.
 */
import { type ChildProcess, type SpawnOptions, spawn } from 'node:child_process';
import { existsSync, rmSync } from 'node:fs';
import { mkdtemp, open, readdir, readFile } from 'node:fs/promises';
import { constants, tmpdir } from 'node:os';
import { dirname, join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { fileURLToPath } from 'node:url';
import { freePort } from '../../test/helpers/net.ts';

/** util-linux's CPU pinning, to measure on chosen cores. */
export const TASKSET = '/usr/bin/taskset';
export const REPO = join(dirname(fileURLToPath(import.meta.url)), '..', '..');
/** Generous for tsx compiling the server on a cold cache, short enough to notice a hang. */
const START_TIMEOUT_MS = 30_000;
/** A poll that hangs is a server not ready yet, not a reason to wait forever. */
const POLL_TIMEOUT_MS = 1_000;
/** Enough of a failed service's log to see why, without a screen of repeated lines. */
const LOG_TAIL_LINES = 15;

/** Everything the run starts or creates, so it is undone after success, an error or Ctrl-C. */
const owned = { children: new Set<ChildProcess>(), dirs: new Set<string>(), closing: false };

export function spawnOwned(command: string, args: string[], options: SpawnOptions): ChildProcess {
  // After clean-up has begun, a new process would outlive the bench.
  if (owned.closing) throw new Error('interrupted');
  const child = spawn(command, args, options);
  owned.children.add(child);
  child.once('exit', () => owned.children.delete(child));
  return child;
}

/** A new private folder under the system's temporary one, removed when the bench ends. */
export async function ownedTempDir(prefix: string): Promise<string> {
  const dir = await mkdtemp(join(tmpdir(), prefix));
  owned.dirs.add(dir);
  return dir;
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

/**
 * Runs a bench's main: on success, an error or Ctrl-C its processes are stopped and its folders
 * removed; an error is printed and sets exit code 1.
 */
export async function runBench(main: () => Promise<void>): Promise<void> {
  let stopping = false;
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    // `on`, not `once`: under `npx tsx` a Ctrl-C arrives twice, and a second signal with no
    // listener would kill the bench before its clean-up has removed the folders.
    process.on(signal, () => {
      if (stopping) return;
      stopping = true;
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
}

/** A tool the bench needs, from Debian: missing, it says which package to install. */
export function requireTool(path: string, debianPackage: string): void {
  if (!existsSync(path)) {
    throw new Error(`${path} not found: install it with \`apt-get install ${debianPackage}\``);
  }
}

/** Runs a command to completion and returns its standard output; a non-zero exit is an error. */
export function run(command: string, args: string[]): Promise<string> {
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

/** A process's CPU time so far (user + system), in µs; /proc counts in USER_HZ, 100 a second on Linux. */
export async function cpuTimeUs(pid: number): Promise<number> {
  const fields = (await readFile(`/proc/${pid}/stat`, 'utf8')).replace(/^.*\) /s, '').split(' ');
  // After the command name: utime and stime are the 12th and 13th fields.
  return (Number(fields[11]) + Number(fields[12])) * 10_000;
}

/**
 * CPU time (µs) of every process whose command is `comm` (Linux), e.g. all of PostgreSQL's: a
 * process that ends between two readings takes its share with it, so read around a steady load.
 */
export async function cpuTimeOfCommandUs(comm: string): Promise<number> {
  let total = 0;
  for (const entry of await readdir('/proc')) {
    if (!/^\d+$/.test(entry)) continue;
    const stat = await readFile(`/proc/${entry}/stat`, 'utf8').catch(() => '');
    if (stat.slice(stat.indexOf('(') + 1, stat.lastIndexOf(')')) === comm)
      total += await cpuTimeUs(Number(entry)).catch(() => 0);
  }
  return total;
}

export interface Service {
  name: string;
  child: ChildProcess;
  log: string;
  /** Set when the process could not be started at all. */
  failure?: Error;
}

/** A long-running service whose output goes to a log file, shown if it fails to come up. */
export async function startService(
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

/** Polls `url` until it answers 200; the service exiting or the deadline passing is an error. */
export async function waitUntilAnswering(service: Service, url: string): Promise<void> {
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

/**
 * The status server (`status-server/main.ts`) as its own process in production mode on 127.0.0.1,
 * its data in `dataDir`, its log in `log`; ready once it answers /healthz. `env` adds settings; a
 * DATABASE_URL inherited from the shell is ignored unless `env` passes one.
 */
export async function startStatusServer(o: {
  dataDir: string;
  log: string;
  env?: Record<string, string>;
  /** CPUs to pin the server to (`taskset -c`), so a load generator on the others does not compete. */
  cpus?: string;
}): Promise<{ origin: string; service: Service }> {
  const port = await freePort();
  // BENCH_SERVER_PROFILE=<folder>: the server writes a V8 CPU profile there when it stops.
  const profile = process.env.BENCH_SERVER_PROFILE;
  const node = [
    process.execPath,
    ...(profile ? ['--cpu-prof', `--cpu-prof-dir=${profile}`] : []),
    '--import',
    'tsx',
    'status-server/main.ts',
  ];
  const [command, ...args] = o.cpus ? [TASKSET, '-c', o.cpus, ...node] : node;
  const service = await startService('status server', command as string, args, o.log, {
    ...process.env,
    PORT: String(port),
    HOST: '127.0.0.1',
    SNAPDESK_DATA_DIR: o.dataDir,
    NODE_ENV: 'production',
    // An inherited DATABASE_URL would point the bench at someone's PostgreSQL.
    DATABASE_URL: '',
    ...o.env,
  });
  const origin = `http://127.0.0.1:${port}`;
  await waitUntilAnswering(service, `${origin}/healthz`);
  return { origin, service };
}
