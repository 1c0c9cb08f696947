import { createToken } from '../../status-server/auth/tokens.ts';
import { type Config, loadConfig } from '../../status-server/config.ts';
import { noticeHandlers } from '../../status-server/notices/deliver.ts';
import { Worker, type WorkerOptions } from '../../status-server/platform/jobs/worker.ts';
import { type Running, startServer } from '../../status-server/server.ts';
import type { TestDatabase } from './databases.ts';

export interface NoticeServer {
  running: Running;
  config: Config;
  /** The delivery worker, not started: tests run it with `drain()` when they want the queue worked. */
  worker: Worker;
  /** A request to the app in-process; a full `http://status.test/…` link from a mail works too. */
  request(pathOrUrl: string, init?: RequestInit): Promise<Response>;
  admin(method: string, path: string, body?: unknown): Promise<Response>;
  /** Where the database lives, for a worker in another process. */
  database: { databaseUrl?: string; sqlitePath: string };
  stop(): Promise<void>;
}

/**
 * The status server with the subscription routes, feeds and notice admin mounted beside its own
 * app, and a worker holding the notice handlers, mailing into `smtpUrl`. Webhooks to 127.0.0.1
 * are allowed unless `env` says otherwise.
 */
export async function startNoticeServer(
  database: TestDatabase,
  o: { smtpUrl: string; env?: Record<string, string>; worker?: WorkerOptions },
): Promise<NoticeServer> {
  const db = await database.create();
  const env = {
    SNAPDESK_PUBLIC_URL: 'http://status.test',
    SNAPDESK_PAGE_NAME: 'Acme Status',
    SNAPDESK_SMTP_URL: o.smtpUrl,
    SNAPDESK_MAIL_FROM: 'Acme Status <status@acme.test>',
    SNAPDESK_SUBSCRIBE_PER_MINUTE: '100000',
    SNAPDESK_WEBHOOK_ALLOW_PRIVATE: '127.0.0.1',
    ...o.env,
  };
  const config = { ...loadConfig(env), databaseUrl: db.databaseUrl, sqlitePath: db.sqlitePath };
  const { subscriptions } = config;
  const running = await startServer(config, { startWorker: false });
  const { store, mailer } = running;
  const worker = new Worker(store, noticeHandlers({ store, config, subscriptions, mailer }), {
    idleMs: 20,
    ...o.worker,
  });
  const { token } = await createToken(store.db, 'test');

  const app = running.app;

  const request = (pathOrUrl: string, init?: RequestInit) =>
    Promise.resolve(app.request(new URL(pathOrUrl, 'http://status.test').toString(), init));
  return {
    running,
    config,
    worker,
    database: db,
    request,
    admin: (method, path, body) =>
      request(`/api/admin${path}`, {
        method,
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      }),
    async stop() {
      await worker.stop();
      await running.close();
      await db.drop();
    },
  };
}
