import cluster from 'node:cluster';
import { ensureFirstConsoleUser } from './auth/passwords.ts';
import { createToken, hasLiveToken } from './auth/tokens.ts';
import { type Config, loadConfig } from './config.ts';
import { openStore, type Store } from './platform/db.ts';
import { migrateToLatest } from './platform/migrations.ts';
import { listen, startServer } from './server.ts';

/** A worker that dies is replaced after this pause, so one that cannot start does not spin. */
const RESTART_DELAY_MS = 1000;

let config: Config;
try {
  config = loadConfig();
} catch (err) {
  console.error((err as Error).message);
  process.exit(2);
}

const where = config.databaseUrl ? 'PostgreSQL (DATABASE_URL)' : config.sqlitePath;
const pageUrl = (port: number | string) => `${config.publicUrl}/ (listening on ${config.host}:${port})`;

/** What a first start creates and shows once: the first admin token and the first console user. */
async function firstStart(store: Store): Promise<void> {
  if (!(await hasLiveToken(store.db))) {
    const { token } = await createToken(store.db, 'first admin');
    console.log(
      `No admin token existed, so one was created. Keep it; it is shown only once:\n\n  ${token}\n`,
    );
    console.log('Use it as "Authorization: Bearer <token>"; manage tokens with `npm run admin -- help`.');
  }
  const firstUser = await ensureFirstConsoleUser(store.db);
  if (firstUser) {
    console.log(`No console user existed, so one was created. Keep the password; it is shown only once:\n`);
    console.log(
      `  ${config.publicUrl}/console   e-mail: ${firstUser.email}   password: ${firstUser.password}\n`,
    );
    console.log('Manage console users with `npm run admin -- help`.');
  }
}

/** One server: the store, the snapshot, the delivery worker and the HTTP listener. */
async function serveHere(): Promise<void> {
  const running = await startServer(config);
  // In a cluster the primary has migrated and made the first token and user.
  if (cluster.isPrimary) {
    console.log(`Snapdesk status server: database ${where}`);
    await firstStart(running.store);
    console.log(`Mail: ${running.mailer.target}`);
  }
  const server = listen(running, { port: config.port, hostname: config.host }, (info) => {
    if (cluster.isPrimary) console.log(`Status page: ${pageUrl(info.port)}`);
  });
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      server.close();
      void running.close().then(() => process.exit(0));
    });
  }
}

/**
 * SNAPDESK_WORKERS processes sharing the port: one process serves the hot public GETs from one core,
 * so a busy page on a bigger machine wants more than one. The primary migrates and makes the
 * first token and user, then only forks and replaces workers; each worker is a whole server with
 * its own snapshot, kept fresh by the revision poll as separate instances are, and its delivery
 * worker takes jobs under the same leases.
 */
async function runCluster(): Promise<void> {
  const store = openStore(config);
  try {
    await migrateToLatest(store.db);
    console.log(`Snapdesk status server: database ${where}, ${config.workers} worker processes`);
    await firstStart(store);
  } finally {
    await store.close();
  }
  let stopping = false;
  let listening = 0;
  cluster.on('listening', () => {
    listening++;
    if (listening === config.workers) console.log(`Status page: ${pageUrl(config.port)}`);
  });
  cluster.on('exit', (worker, code, signal) => {
    if (stopping) return;
    console.error(`worker ${worker.process.pid} exited (${signal ?? code}); starting another`);
    setTimeout(() => cluster.fork(), RESTART_DELAY_MS);
  });
  for (let i = 0; i < config.workers; i++) cluster.fork();
  for (const signal of ['SIGINT', 'SIGTERM'] as const) {
    process.once(signal, () => {
      stopping = true;
      const workers = Object.values(cluster.workers ?? {});
      let left = workers.length;
      if (left === 0) process.exit(0);
      for (const w of workers) {
        w?.once('exit', () => {
          if (--left === 0) process.exit(0);
        });
        w?.process.kill('SIGTERM');
      }
    });
  }
}

if (cluster.isPrimary && config.workers > 1) await runCluster();
else await serveHere();
