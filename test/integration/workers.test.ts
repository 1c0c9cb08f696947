import { mkdtempSync } from 'node:fs';
import { get } from 'node:http';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import { createToken } from '../../status-server/auth/tokens.ts';
import { loadConfig } from '../../status-server/config.ts';
import { openStore } from '../../status-server/platform/db.ts';
import { migrateToLatest } from '../../status-server/platform/migrations.ts';
import { testDatabases } from '../helpers/databases.ts';
import { childrenOf, startServerProcess } from '../helpers/server-process.ts';
import { until } from '../helpers/two-instances.ts';

/** The primary's child processes: its workers. */
const workersOf = childrenOf;

/**
 * summary.json over a connection of its own, so the cluster hands each request to a worker afresh
 * (a kept-alive connection stays with the worker that accepted it).
 */
function summary(origin: string): Promise<{ status: number; body: string }> {
  return new Promise((resolve, reject) => {
    get(`${origin}/api/v2/summary.json`, { agent: false }, (res) => {
      let body = '';
      res.setEncoding('utf8');
      res.on('data', (c: string) => {
        body += c;
      });
      res.on('end', () => resolve({ status: res.statusCode ?? 0, body }));
    }).on('error', reject);
  });
}

describe.each(testDatabases())('SNAPDESK_WORKERS=2 on $name', (database) => {
  it('serves from two worker processes that see each other’s writes, replaces one that dies, and stops with the primary', async () => {
    const db = await database.create();
    const dataDir = mkdtempSync(join(tmpdir(), 'snapdesk-workers-'));
    const config = {
      ...loadConfig({ SNAPDESK_DATA_DIR: dataDir }),
      databaseUrl: db.databaseUrl,
      ...(db.databaseUrl ? {} : { sqlitePath: join(dataDir, 'snapdesk.sqlite') }),
    };
    const store = openStore(config);
    await migrateToLatest(store.db);
    const { token } = await createToken(store.db, 'workers test');
    await store.close();

    const server = await startServerProcess({
      SNAPDESK_WORKERS: '2',
      SNAPDESK_DATA_DIR: dataDir,
      DATABASE_URL: db.databaseUrl ?? '',
    });
    try {
      await until('both workers run', () => workersOf(server.pid).length === 2);
      const [first] = workersOf(server.pid);

      // A write answered by one worker shows on every answer, whichever worker gives it.
      const res = await fetch(`${server.origin}/api/admin/incidents`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify({
          name: 'Checkout is failing',
          status: 'investigating',
          impact: 'major',
          message: 'Card payments are declined.',
        }),
      });
      expect(res.status).toBe(201);
      // The cluster hands new connections to its workers in turn: twenty answers come from both.
      const shown = (body: string) =>
        JSON.parse(body).incidents.some((i: { name: string }) => i.name === 'Checkout is failing');
      await until('every worker shows the write', async () => {
        const answers = await Promise.all(Array.from({ length: 20 }, () => summary(server.origin)));
        return answers.every((a) => a.status === 200 && shown(a.body));
      });

      // A worker killed outright is replaced, and the page is served throughout.
      process.kill(first as number, 'SIGKILL');
      await until(
        'the dead worker is replaced',
        () => workersOf(server.pid).length === 2 && !workersOf(server.pid).includes(first as number),
      );
      await until('the new worker answers', async () =>
        (await Promise.all(Array.from({ length: 6 }, () => summary(server.origin)))).every(
          (a) => a.status === 200,
        ),
      );

      const workers = workersOf(server.pid);
      await server.stop();
      for (const pid of workers) {
        await until(`worker ${pid} has exited`, () => {
          try {
            process.kill(pid, 0);
            return false;
          } catch {
            return true;
          }
        });
      }
    } finally {
      await server.kill();
      await db.drop();
    }
  }, 90_000);
});
