import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createInterface } from 'node:readline';
import { freePort } from './net.ts';

const REPO = join(import.meta.dirname, '..', '..');
/** Starting Node with TypeScript takes seconds on a busy machine. */
const START_TIMEOUT_MS = 30_000;

export interface ServerProcess {
  origin: string;
  pid: number;
  child: ChildProcess;
  /** `kill -9`: no clean-up, no answers to requests under way; resolves once the process is gone. */
  kill(): Promise<void>;
  /** SIGTERM, as an operator stops it; resolves once it has exited. */
  stop(): Promise<void>;
  /** What it printed so far (its errors among it), for a failed test to show. */
  output(): string;
}

function exited(child: ChildProcess): Promise<void> {
  if (child.exitCode !== null || child.signalCode !== null) return Promise.resolve();
  return new Promise((resolve) => child.once('exit', () => resolve()));
}

/**
 * The real status server (`status-server/main.ts`) as a process of its own on a free port of
 * 127.0.0.1, with `env` added to the test's environment; ready once it says it listens. Its own
 * output is kept for `output()`, and shown on a failed start.
 */
export async function startServerProcess(env: Record<string, string>): Promise<ServerProcess> {
  const port = await freePort();
  const dataDir = mkdtempSync(join(tmpdir(), 'snapdesk-instance-'));
  const child = spawn(process.execPath, ['--import', 'tsx', 'status-server/main.ts'], {
    cwd: REPO,
    env: {
      ...process.env,
      PORT: String(port),
      HOST: '127.0.0.1',
      SNAPDESK_DATA_DIR: dataDir,
      NODE_ENV: 'production',
      ...env,
    },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  child.once('exit', () => rmSync(dataDir, { recursive: true, force: true }));
  let output = '';
  child.stderr?.on('data', (chunk: Buffer) => {
    output += chunk;
  });
  const lines = createInterface({ input: child.stdout as NodeJS.ReadableStream });
  try {
    await new Promise<void>((resolve, reject) => {
      const timer = setTimeout(() => reject(new Error('it did not start in time')), START_TIMEOUT_MS);
      lines.on('line', (line) => {
        output += `${line}\n`;
        if (line.startsWith('Status page:')) {
          clearTimeout(timer);
          resolve();
        }
      });
      child.once('exit', (code) => {
        clearTimeout(timer);
        reject(new Error(`it exited (${code})`));
      });
    });
  } catch (err) {
    child.kill('SIGKILL');
    throw new Error(`the status server process failed: ${(err as Error).message}\n${output}`);
  }
  return {
    origin: `http://127.0.0.1:${port}`,
    pid: child.pid as number,
    child,
    kill() {
      child.kill('SIGKILL');
      return exited(child);
    },
    stop() {
      child.kill('SIGTERM');
      return exited(child);
    },
    output: () => output,
  };
}

/** A process's children (Linux: its main thread's), e.g. a primary's cluster workers. */
export function childrenOf(pid: number): number[] {
  const children = readFileSync(`/proc/${pid}/task/${pid}/children`, 'utf8').trim();
  return children ? children.split(/\s+/).map(Number) : [];
}
