/**
 * A notice worker in a process of its own, for the test that kills one hard mid fan-out. Reads
 * its settings from the environment (NOTICE_* below plus the usual SNAPDESK_* ones), starts, and
 * prints "ready". Run as: node --import tsx test/helpers/notice-worker-process.ts
 */
import { loadConfig } from '../../status-server/config.ts';
import { noticeHandlers } from '../../status-server/notices/deliver.ts';
import { openStore } from '../../status-server/platform/db.ts';
import { Worker } from '../../status-server/platform/jobs/worker.ts';
import { createMailer } from '../../status-server/platform/mail.ts';

const env = process.env;
const config = {
  ...loadConfig(env),
  databaseUrl: env.NOTICE_DATABASE_URL || undefined,
  sqlitePath: env.NOTICE_SQLITE_PATH ?? ':memory:',
};
const store = openStore(config);
const mailer = createMailer({
  smtp: config.forwarding.smtp,
  from: config.forwarding.mailFrom,
  dataDir: config.dataDir,
  maxConnections: 4,
});
const worker = new Worker(
  store,
  noticeHandlers({ store, config, subscriptions: config.subscriptions, mailer, concurrency: 8 }),
  { leaseMs: Number(env.NOTICE_LEASE_MS ?? 2_000), batch: 20, idleMs: 20 },
);
worker.start();
console.log('ready');
