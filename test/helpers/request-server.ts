import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { loadConfig } from '../../status-server/config.ts';
import { serverKey, sign } from '../../status-server/reports/keys.ts';
import { type Running, startServer } from '../../status-server/server.ts';
import type { TestDatabase } from './databases.ts';

/**
 * The status server with its worker not started, so a test works the queue with `drain()` when it
 * wants to; `restart()` stops it and starts a new one on the same database, as after a crash or a
 * deploy. The reporter's actions are not rate-limited to speak of.
 */
export async function startRequestServer(database: TestDatabase, env: Record<string, string>) {
  const db = await database.create();
  const dataDir = mkdtempSync(join(tmpdir(), 'snapdesk-data-'));
  const config = {
    ...loadConfig({
      SNAPDESK_PUBLIC_URL: 'http://status.test',
      SNAPDESK_DATA_DIR: dataDir,
      SNAPDESK_INTAKE_PER_MINUTE: '10000',
      ...env,
    }),
    databaseUrl: db.databaseUrl,
    sqlitePath: db.sqlitePath,
  };
  let running: Running = await startServer(config, { startWorker: false });
  return {
    config,
    get store() {
      return running.store;
    },
    /** A request to the app in-process; a full `http://status.test/…` link works too. */
    request: async (pathOrUrl: string, init?: RequestInit) =>
      running.app.request(new URL(pathOrUrl, 'http://status.test').toString(), init),
    drain: () => running.worker.drain(),
    /** The secret the intake gave the reporter of this reference. */
    secretOf: async (reference: string) =>
      sign(await serverKey(running.store.db, 'report-status'), reference),
    async restart() {
      await running.close();
      running = await startServer(config, { startWorker: false });
    },
    async stop() {
      await running.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}

export type RequestServer = Awaited<ReturnType<typeof startRequestServer>>;
