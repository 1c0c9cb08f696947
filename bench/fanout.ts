/**
 * Fan-out benchmark: one notice to BENCH_SUBSCRIBERS (default 100,000) confirmed e-mail subscribers,
 * through the durable queue and the worker, into a local SMTP sink; and, in the same run, the same
 * number of mails straight from nodemailer into the same sink with no queue, for the ratio.
 *
 * The sink (bench/lib/counting-sink.ts) runs in its own process and counts mails per recipient and
 * Message-ID: lost and duplicate counts come from what it received.
 * SQLite in a temporary folder by default; with DATABASE_URL, a temporary database on that
 * PostgreSQL server (created and dropped by the run). Run with
 * `npx tsx bench/fanout.ts`. It reports; missing the target is not a failure, losing or
 * duplicating a mail is (exit code 1).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { createTransport } from 'nodemailer';
import { loadConfig } from '../status-server/config.ts';
import { noticeHandlers } from '../status-server/notices/deliver.ts';
import { openStore } from '../status-server/platform/db.ts';
import { Worker } from '../status-server/platform/jobs/worker.ts';
import { createMailer } from '../status-server/platform/mail.ts';
import { migrateToLatest } from '../status-server/platform/migrations.ts';
import { createIncident } from '../status-server/status/writes.ts';
import { insertSubscribers } from '../test/helpers/subscribers.ts';
import { startCountingSink } from './lib/counting-sink.ts';
import { temporaryPostgres } from './lib/postgres.ts';

const N = Number(process.env.BENCH_SUBSCRIBERS ?? 100_000);
/** The same pool for both runs: the number the server's mailer uses by default. */
const CONNECTIONS = 8;
/** The whole run must end within five minutes; BENCH_DEADLINE_S gives a slow or busy machine longer. */
const DEADLINE_MS = Number(process.env.BENCH_DEADLINE_S ?? 270) * 1000;
const TARGET_RATIO = 0.8;

/** A notice-shaped message: both parts, the unsubscribe headers, about the size of a real one. */
function sampleMail(i: number) {
  const link = `http://status.test/subscriptions/unsubscribe/${String(i).padStart(12, '0')}.${'x'.repeat(32)}`;
  return {
    from: 'Acme Status <status@acme.test>',
    to: `raw${i}@example.com`,
    subject: '[Investigating] Payments degraded — Acme Status',
    messageId: `<raw${i}@status.test>`,
    text: `Payments degraded\n\nCard payments fail for some customers.\n\nUnsubscribe: ${link}`,
    html: `<!doctype html><html><body><h1>Payments degraded</h1><p>Card payments fail for some customers.</p><p><a href="${link}">Unsubscribe</a></p></body></html>`,
    headers: { 'List-Unsubscribe': `<${link}>`, 'List-Unsubscribe-Post': 'List-Unsubscribe=One-Click' },
  };
}

async function rawRun(url: string): Promise<number> {
  const transport = createTransport({
    url,
    pool: true,
    maxConnections: CONNECTIONS,
    maxMessages: Number.POSITIVE_INFINITY,
  });
  const started = performance.now();
  let next = 0;
  const lane = async () => {
    while (next < N) await transport.sendMail(sampleMail(next++));
  };
  await Promise.all(Array.from({ length: 64 }, lane));
  const ms = performance.now() - started;
  transport.close();
  return ms;
}

async function queueRun(url: string, dir: string, databaseUrl: string) {
  const env = {
    SNAPDESK_PUBLIC_URL: 'http://status.test',
    SNAPDESK_PAGE_NAME: 'Acme Status',
    SNAPDESK_SMTP_URL: url,
    SNAPDESK_DATA_DIR: dir,
    DATABASE_URL: databaseUrl,
  };
  const config = loadConfig(env);
  const store = openStore(config);
  await migrateToLatest(store.db);
  await insertSubscribers(
    store.db,
    Array.from({ length: N }, (_, i) => `reader${i}@example.com`),
  );
  const mailer = createMailer({
    smtp: config.forwarding.smtp,
    from: config.forwarding.mailFrom,
    dataDir: dir,
    maxConnections: CONNECTIONS,
  });
  const handlers = noticeHandlers({
    store,
    config,
    subscriptions: config.subscriptions,
    mailer,
    concurrency: 64,
  });
  const worker = new Worker(store, handlers, { batch: 1_000, leaseMs: 60_000 });

  let started = performance.now();
  await createIncident(store.db, {
    name: 'Payments degraded',
    status: 'investigating',
    impact: 'major',
    message: 'Card payments fail for some customers.',
    components: {},
  });
  const enqueueMs = performance.now() - started;
  started = performance.now();
  await worker.drain();
  const deliveryMs = performance.now() - started;
  mailer.close();
  await store.close();
  return { enqueueMs, deliveryMs };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'snapdesk-fanout-'));
  const timer = setTimeout(() => {
    console.error(`fanout: gave up after ${DEADLINE_MS / 1000} s (a busy machine may need BENCH_DEADLINE_S)`);
    rmSync(dir, { recursive: true, force: true });
    process.exit(2);
  }, DEADLINE_MS);
  const sink = await startCountingSink();
  const postgres = process.env.DATABASE_URL
    ? await temporaryPostgres(process.env.DATABASE_URL, 'snapdesk_fanout')
    : undefined;
  try {
    const { url } = sink;
    console.log(
      `fanout: ${N.toLocaleString('en')} mails, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}, ${CONNECTIONS} SMTP connections`,
    );

    const rawMs = await rawRun(url);
    const raw = await sink.stats();
    await sink.reset();
    const q = await queueRun(url, dir, postgres?.url ?? '');
    const got = await sink.stats();

    const rawRate = N / (rawMs / 1000);
    const queueRate = N / (q.deliveryMs / 1000);
    const lost = N - got.recipients;
    const rows: [string, string, string, string][] = [
      [
        'raw nodemailer',
        `${(rawMs / 1000).toFixed(1)} s`,
        `${rawRate.toFixed(0)} mails/s`,
        `received ${raw.received}`,
      ],
      ['enqueue (publish + fan-out)', `${(q.enqueueMs / 1000).toFixed(2)} s`, '', ''],
      [
        'queue delivery',
        `${(q.deliveryMs / 1000).toFixed(1)} s`,
        `${queueRate.toFixed(0)} mails/s`,
        `received ${got.received}`,
      ],
    ];
    for (const r of rows)
      console.log(`  ${r[0].padEnd(28)} ${r[1].padStart(9)} ${r[2].padStart(14)}  ${r[3]}`);
    const ratio = queueRate / rawRate;
    console.log(
      `  ratio queue/raw: ${ratio.toFixed(2)} (target ≥ ${TARGET_RATIO}); lost ${lost}; duplicates ${got.duplicates}`,
    );
    process.exitCode = lost === 0 && got.duplicates === 0 ? 0 : 1;
  } finally {
    clearTimeout(timer);
    sink.stop();
    await postgres?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
