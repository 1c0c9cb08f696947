import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createToken } from '../../status-server/auth/tokens.ts';
import { type Config, loadConfig } from '../../status-server/config.ts';
import { type Running, startServer } from '../../status-server/server.ts';
import type { TestDatabase } from './databases.ts';

export interface TestServer extends Running {
  config: Config;
  token: string;
  /** A request to the app in-process, as a client would make it over HTTP. */
  request(path: string, init?: RequestInit): Promise<Response>;
  /** A JSON request to the admin API with the test's token. */
  admin(method: string, path: string, body?: unknown): Promise<Response>;
  stop(): Promise<void>;
}

export async function startTestServer(
  database: TestDatabase,
  env: Record<string, string> = {},
  options: Parameters<typeof startServer>[1] = {},
): Promise<TestServer> {
  const db = await database.create();
  // Mail written as files when no SMTP server is configured lands here, not in the project's data/.
  const dataDir = mkdtempSync(join(tmpdir(), 'snapdesk-data-'));
  const config = {
    ...loadConfig({
      SNAPDESK_PUBLIC_URL: 'http://status.test',
      SNAPDESK_PAGE_NAME: 'Acme Status',
      SNAPDESK_DATA_DIR: dataDir,
      ...env,
    }),
    databaseUrl: db.databaseUrl,
    sqlitePath: db.sqlitePath,
  };
  const running = await startServer(config, options);
  const { token } = await createToken(running.store.db, 'test');
  const request = async (path: string, init?: RequestInit) =>
    running.app.request(`http://status.test${path}`, init);
  return {
    ...running,
    config,
    token,
    request,
    admin: (method, path, body) =>
      request(`/api/admin${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: typeof body === 'string' ? body : JSON.stringify(body) }),
      }),
    async stop() {
      await running.close();
      await db.drop();
      rmSync(dataDir, { recursive: true, force: true });
    },
  };
}
