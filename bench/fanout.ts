/**
 * Fan-out benchmark: one notice to BENCH_SUBSCRIBERS (default 100,000) confirmed e-mail subscribers,
 * through the durable queue and the worker, into a local SMTP sink; and, in the same run, the same
 * number of mails straight from nodemailer into the same sink with no queue, for the ratio.
 *
 * The sink runs in its own process (so its parsing does not take the sender's CPU) and counts
 * mails per recipient and Message-ID: lost and duplicate counts come from what it received.
 * SQLite in a temporary folder by default; with DATABASE_URL, a temporary database on that
 * PostgreSQL server (created and dropped by the run). Run with
 * `npx tsx bench/fanout.ts`. It reports; missing the target is not a failure, losing or
 * duplicating a mail is (exit code 1).
 */
import { type ChildProcess, fork } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import type { AddressInfo } from 'node:net';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { createTransport } from 'nodemailer';
import pg from 'pg';
import { SMTPServer } from 'smtp-server';
import { loadConfig } from '../status-server/config.ts';
import { noticeHandlers } from '../status-server/delivery/notices.ts';
import { Worker } from '../status-server/delivery/worker.ts';
import { createMailer } from '../status-server/mail/transport.ts';
import { createIncident } from '../status-server/status/writes.ts';
import { openStore } from '../status-server/store/db.ts';
import { migrateToLatest } from '../status-server/store/migrations.ts';
import { insertSubscribers } from '../test/helpers/subscribers.ts';

const N = Number(process.env.BENCH_SUBSCRIBERS ?? 100_000);
/** The same pool for both runs: the number the server's mailer uses by default. */
const CONNECTIONS = 8;
/** The whole run must end within five minutes; BENCH_DEADLINE_S gives a slow or busy machine longer. */
const DEADLINE_MS = Number(process.env.BENCH_DEADLINE_S ?? 270) * 1000;
const TARGET_RATIO = 0.8;

interface SinkStats {
  received: number;
  recipients: number;
  duplicates: number;
}

/** The sink process: accepts everything, counts recipients and Message-IDs, answers `stats` over IPC. */
async function runSink(): Promise<void> {
  const perRecipient = new Map<string, number>();
  const ids = new Set<string>();
  let received = 0;
  let duplicates = 0;
  const server = new SMTPServer({
    authOptional: true,
    disabledCommands: ['STARTTLS'],
    logger: false,
    maxClients: 64,
    onData(stream, session, callback) {
      let head = '';
      stream.on('data', (chunk: Buffer) => {
        if (head.length < 4096) head += chunk.toString('latin1');
      });
      stream.on('end', () => {
        received++;
        const id = /^message-id:\s*(\S+)/im.exec(head)?.[1] ?? `none-${received}`;
        for (const r of session.envelope.rcptTo) {
          const seen = perRecipient.get(r.address) ?? 0;
          perRecipient.set(r.address, seen + 1);
          if (seen > 0 || ids.has(`${id} ${r.address}`)) duplicates++;
          ids.add(`${id} ${r.address}`);
        }
        callback();
      });
    },
  });
  // A sender that hangs up mid-session is the sender's business, not a reason for the sink to stop.
  server.on('error', () => {});
  // The benchmark gone (finished or killed), the sink goes too.
  process.on('disconnect', () => process.exit(0));
  server.listen(0, '127.0.0.1', () =>
    process.send?.({ port: (server.server.address() as AddressInfo).port }),
  );
  process.on('message', (m: string) => {
    if (m === 'stats')
      process.send?.({ received, recipients: perRecipient.size, duplicates } satisfies SinkStats);
    if (m === 'reset') {
      perRecipient.clear();
      ids.clear();
      received = 0;
      duplicates = 0;
      process.send?.({ reset: true });
    }
  });
}

function ask<T>(
  sink: ChildProcess,
  message: string,
  pick: (m: Record<string, unknown>) => boolean,
): Promise<T> {
  return new Promise((resolve) => {
    const listener = (m: Record<string, unknown>) => {
      if (!pick(m)) return;
      sink.off('message', listener);
      resolve(m as T);
    };
    sink.on('message', listener);
    sink.send(message);
  });
}

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

/** A fresh database on the DATABASE_URL server, so runs never meet each other's subscribers. */
async function temporaryPostgres(adminUrl: string): Promise<{ url: string; drop(): Promise<void> }> {
  const name = `snapdesk_fanout_${process.pid}`;
  const admin = async (statement: string) => {
    const client = new pg.Client({ connectionString: adminUrl });
    await client.connect();
    await client.query(statement);
    await client.end();
  };
  await admin(`create database ${name}`);
  const url = new URL(adminUrl);
  url.pathname = `/${name}`;
  return { url: url.toString(), drop: () => admin(`drop database if exists ${name} with (force)`) };
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
  const sink = fork(fileURLToPath(import.meta.url), ['sink'], { execArgv: ['--import', 'tsx'] });
  const postgres = process.env.DATABASE_URL ? await temporaryPostgres(process.env.DATABASE_URL) : undefined;
  try {
    const { port } = await ask<{ port: number }>(sink, 'hello', (m) => typeof m.port === 'number');
    const url = `smtp://127.0.0.1:${port}`;
    console.log(
      `fanout: ${N.toLocaleString('en')} mails, ${process.env.DATABASE_URL ? 'PostgreSQL' : 'SQLite'}, ${CONNECTIONS} SMTP connections`,
    );

    const rawMs = await rawRun(url);
    const raw = await ask<SinkStats>(sink, 'stats', (m) => 'received' in m);
    await ask(sink, 'reset', (m) => 'reset' in m);
    const q = await queueRun(url, dir, postgres?.url ?? '');
    const got = await ask<SinkStats>(sink, 'stats', (m) => 'received' in m);

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
    sink.kill();
    await postgres?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (process.argv[2] === 'sink') await runSink();
else await main();
