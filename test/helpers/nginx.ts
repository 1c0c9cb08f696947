/**
 * Debian's nginx as a foreground process of the test's (or bench's) own: every file it reads or
 * writes in one folder, one worker, no daemon. Shared by the nginx proxy test and the status bench's
 * baseline (benches import test helpers, never the other way round).
 */
import { type ChildProcess, spawn } from 'node:child_process';
import { chownSync, existsSync, readdirSync, readFileSync, statSync, writeFileSync } from 'node:fs';
import { join } from 'node:path';

export const NGINX = '/usr/sbin/nginx';
/** Starting is quick; a busy machine gets a few seconds. */
const START_TIMEOUT_MS = 10_000;

/**
 * nginx's main configuration around `http` (the body of its `http { }` block), every path in `dir`,
 * with `workers` worker processes.
 */
export function nginxMainConfig(dir: string, http: string, workers = 1): string {
  return `worker_processes ${workers};
daemon off;
error_log ${dir}/error.log;
pid ${dir}/nginx.pid;
events { worker_connections 1024; }
http {
  client_body_temp_path ${dir}/client_body;
  proxy_temp_path ${dir}/proxy;
  fastcgi_temp_path ${dir}/fastcgi;
  uwsgi_temp_path ${dir}/uwsgi;
  scgi_temp_path ${dir}/scgi;
${http}
}
`;
}

/** The `nobody` account's ids, for running nginx unprivileged when the test runs as root. */
function nobody(): { uid: number; gid: number } {
  const line = readFileSync('/etc/passwd', 'utf8')
    .split('\n')
    .find((l) => l.startsWith('nobody:'));
  const [, , uid, gid] = line?.split(':') ?? [];
  return { uid: Number(uid ?? 65534), gid: Number(gid ?? 65534) };
}

export interface NginxProcess {
  child: ChildProcess;
  /** nginx's error log so far, for a failure's message. */
  errors(): string;
  /** SIGQUIT, nginx's graceful stop; resolves once it has exited. */
  stop(): Promise<void>;
}

/**
 * Writes `config` (a whole main configuration, see `nginxMainConfig`) to `dir`/nginx.conf, checks it
 * with `nginx -t`, and runs nginx in the foreground as an unprivileged process: as the caller, or as
 * `nobody` when the caller is root (then `dir` and what is in it become nobody's). Resolves once
 * `ready` answers true.
 */
export async function runNginx(
  dir: string,
  config: string,
  ready: () => Promise<boolean>,
): Promise<NginxProcess> {
  const file = join(dir, 'nginx.conf');
  writeFileSync(file, config);
  const ids = process.getuid?.() === 0 ? nobody() : undefined;
  if (ids) {
    const own = (path: string) => {
      chownSync(path, ids.uid, ids.gid);
      if (statSync(path).isDirectory()) for (const name of readdirSync(path)) own(join(path, name));
    };
    own(dir);
  }
  const errorLog = join(dir, 'error.log');
  const errors = () => (existsSync(errorLog) ? readFileSync(errorLog, 'utf8') : '');
  // -e: nginx opens its default error log before reading the config, and that path may not exist.
  const args = ['-p', `${dir}/`, '-c', file, '-e', errorLog];
  const check = spawn(NGINX, ['-t', '-q', ...args], { ...ids, stdio: ['ignore', 'ignore', 'pipe'] });
  let checkOutput = '';
  check.stderr?.on('data', (c: Buffer) => {
    checkOutput += c;
  });
  const checked = await new Promise<number | null>((resolve) => check.once('exit', resolve));
  if (checked !== 0) throw new Error(`nginx -t refused the configuration:\n${checkOutput}${errors()}`);
  const child = spawn(NGINX, args, { ...ids, stdio: ['ignore', 'ignore', 'pipe'] });
  let output = '';
  child.stderr?.on('data', (c: Buffer) => {
    output += c;
  });
  const exited = new Promise<void>((resolve) => child.once('exit', () => resolve()));
  const end = Date.now() + START_TIMEOUT_MS;
  while (!(await ready().catch(() => false))) {
    if (child.exitCode !== null || Date.now() > end) {
      child.kill('SIGKILL');
      throw new Error(`nginx did not start (exit ${child.exitCode}):\n${output}${errors()}`);
    }
    await new Promise((r) => setTimeout(r, 50));
  }
  return {
    child,
    errors,
    stop() {
      if (child.exitCode === null && child.signalCode === null) child.kill('SIGQUIT');
      return exited;
    },
  };
}
