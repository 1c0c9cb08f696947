import { type ChildProcess, spawn } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { afterAll, describe, expect, it } from 'vitest';

const dataDir = mkdtempSync(join(tmpdir(), 'snapdesk-main-'));
afterAll(() => rmSync(dataDir, { recursive: true, force: true }));

/** Starts the server as `npm start` does, and collects what it prints until it listens or exits. */
function start(env: Record<string, string>) {
  const child = spawn(process.execPath, ['--import', 'tsx', 'status-server/main.ts'], {
    env: { ...process.env, PORT: '0', SNAPDESK_DATA_DIR: dataDir, ...env },
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let output = '';
  const ready = new Promise<{ output: string; port?: number; code?: number | null }>((resolve) => {
    const onData = (chunk: Buffer) => {
      output += chunk.toString();
      const m = /listening on [\d.]+:(\d+)/.exec(output);
      if (m) resolve({ output, port: Number(m[1]) });
    };
    child.stdout.on('data', onData);
    child.stderr.on('data', onData);
    child.on('exit', (code) => resolve({ output, code }));
  });
  return { child, ready };
}

const stop = (child: ChildProcess) =>
  new Promise<number | null>((resolve) => {
    child.on('exit', (code) => resolve(code));
    child.kill('SIGTERM');
  });

describe('the server as started from the command line', () => {
  it('creates the database, prints a first admin token once, serves the page and stops cleanly', async () => {
    const first = start({});
    const { output, port } = await first.ready;
    expect(output).toContain(join(dataDir, 'snapdesk.sqlite'));
    const token = /\b(sdk_[\w-]{43})\b/.exec(output)?.[1];
    expect(token).toBeDefined();
    expect((await fetch(`http://127.0.0.1:${port}/`)).status).toBe(200);
    const admin = await fetch(`http://127.0.0.1:${port}/api/admin/components`, {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(admin.status).toBe(200);
    expect(await stop(first.child)).toBe(0);

    const second = start({});
    const again = await second.ready;
    expect(again.port).toBeGreaterThan(0);
    expect(again.output).not.toMatch(/sdk_/);
    expect(await stop(second.child)).toBe(0);
  });

  it('refuses a wrong configuration with the variable named, before touching anything', async () => {
    const { ready } = start({ PORT: 'eighty', DATABASE_URL: 'mysql://nope' });
    const { output, code } = await ready;
    expect(code).toBe(2);
    expect(output).toContain('PORT');
    expect(output).toContain('DATABASE_URL');
  });
});
