/**
 * Two status server processes on one PostgreSQL, one killed: reports are sent to both (4 at a time,
 * each to the next instance; a request left unanswered goes again with its Idempotency-Key to the
 * other), an incident published on A fans out to BENCH_SUBSCRIBERS (default 20,000) confirmed e-mail
 * subscribers into a counting SMTP sink, and once half of them are sent, the instance holding the
 * most leased notice jobs is killed with SIGKILL. Prints reports lost, notices lost, duplicates
 * against the jobs the dead one held leased, how long the survivor took to take those over and
 * deliver them (past one lease time and TAKEOVER_ALLOWANCE_MS is a failure), and how long a write
 * on one instance takes to show on the other's summary.
 *
 * Needs PostgreSQL (DATABASE_URL, default postgres://postgres@127.0.0.1:5432/test; a temporary
 * database is created and dropped). Run with `npm run bench:two-instances`. Losing a report or a
 * notice, or a duplicate outside the dead one's leases, is a failure (exit code 1).
 */
import { loadavg } from 'node:os';
import { join } from 'node:path';
import { createToken } from '../status-server/auth/tokens.ts';
import { openStore } from '../status-server/platform/db.ts';
import { insertSubscribers } from '../test/helpers/subscribers.ts';
import {
  lastDone,
  leasedBy,
  noticeJobs,
  shownAfter,
  spreadIntake,
  storedReports,
  TAKEOVER_ALLOWANCE_MS,
  until,
} from '../test/helpers/two-instances.ts';
import { startCountingSink } from './lib/counting-sink.ts';
import { temporaryPostgres } from './lib/postgres.ts';
import { ownedTempDir, runBench, startStatusServer } from './lib/processes.ts';
import { labelledTable, percentile } from './lib/report.ts';

const N = Number(process.env.BENCH_SUBSCRIBERS ?? 20_000);
/** Short enough for a bench, long against a renewal's round trip: the server's default is 120 s. */
const LEASE_S = Number(process.env.BENCH_LEASE_S ?? 10);
const ADMIN_URL = process.env.DATABASE_URL || 'postgres://postgres@127.0.0.1:5432/test';

async function main(): Promise<void> {
  const sink = await startCountingSink();
  const postgres = await temporaryPostgres(ADMIN_URL, 'snapdesk_two');
  const store = openStore({ databaseUrl: postgres.url, sqlitePath: ':memory:' });
  try {
    console.log(
      `two-instances: ${N.toLocaleString('en')} notices, lease ${LEASE_S} s, load ${loadavg()
        .map((l) => l.toFixed(2))
        .join(' ')}`,
    );
    const env = {
      DATABASE_URL: postgres.url,
      SNAPDESK_PUBLIC_URL: 'http://status.test',
      SNAPDESK_SMTP_URL: sink.url,
      SNAPDESK_JOB_LEASE_SECONDS: String(LEASE_S),
      SNAPDESK_INTAKE_PER_MINUTE: '100000',
    };
    const start = async (name: string) => {
      const dir = await ownedTempDir(`snapdesk-${name}-`);
      return startStatusServer({ dataDir: dir, log: join(dir, 'server.log'), env });
    };
    const [a, b] = await Promise.all([start('a'), start('b')]);
    const { db } = store;
    const { token } = await createToken(db, 'bench');
    const admin = (origin: string, path: string, body: unknown) =>
      fetch(`${origin}/api/admin${path}`, {
        method: 'POST',
        headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
        body: JSON.stringify(body),
      });
    await insertSubscribers(
      db,
      Array.from({ length: N }, (_, i) => `reader${i}@example.com`),
    );

    const intake = spreadIntake([a.origin, b.origin]);
    if ((await admin(b.origin, '/components', { name: 'Checkout' })).status !== 201)
      throw new Error('no component');
    const bToA = await shownAfter(
      a.origin,
      (s) => s.components.some((c) => c.name === 'Checkout'),
      performance.now(),
    );
    const fanoutStarted = performance.now();
    const published = await admin(a.origin, '/incidents', {
      name: 'Checkout down',
      status: 'investigating',
      impact: 'major',
      message: 'We are looking into it.',
    });
    if (published.status !== 201) throw new Error(`publishing failed: ${published.status}`);
    const aToB = await shownAfter(
      b.origin,
      (s) => s.incidents.some((i) => i.name === 'Checkout down'),
      performance.now(),
    );

    await until(
      'half the notices are sent',
      async () => ((await noticeJobs(db)).byState.get('done') ?? 0) >= N / 2,
      120_000,
    );
    const { runningByPid, byState } = await noticeJobs(db);
    const [victim, survivor] = [a, b].sort(
      (x, y) =>
        (runningByPid.get(y.service.child.pid ?? 0) ?? 0) - (runningByPid.get(x.service.child.pid ?? 0) ?? 0),
    ) as [typeof a, typeof b];
    const victimPid = victim.service.child.pid ?? 0;
    const doneAtKill = byState.get('done') ?? 0;
    const killedAt = Date.now();
    const exited = new Promise((resolve) => victim.service.child.once('exit', resolve));
    victim.service.child.kill('SIGKILL');
    await exited;
    const inFlight = await leasedBy(db, victimPid);
    await until(
      'the survivor took over',
      async () => (await leasedBy(db, victimPid)).length === 0,
      4 * LEASE_S * 1000,
    );
    const takenOver = Date.now() - killedAt;
    const leaseMs = LEASE_S * 1000;
    const past = takenOver > leaseMs ? `, ${takenOver - leaseMs} ms past it` : ', within it';
    await until(
      'every notice is done',
      async () => (await noticeJobs(db)).byState.get('done') === N,
      300_000,
    );
    const fanoutMs = performance.now() - fanoutStarted;
    const lastDelivered =
      ((await lastDone(
        db,
        inFlight.map((j) => j.id),
      )) ?? Number.NaN) - killedAt;
    const tally = await intake.stop();
    const mails = await sink.stats();

    const stored = await storedReports(db, [...tally.stored.keys()]);
    const count = Number(
      (
        await db
          .selectFrom('reports')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );
    const reportsLost = [...tally.stored].filter(([k, ref]) => stored.get(k) !== ref).length;
    const held = new Set(
      inFlight.length
        ? (
            await db
              .selectFrom('subscriptions')
              .select('address')
              .where(
                'id',
                'in',
                inFlight.map((j) => j.subscription),
              )
              .execute()
          ).map((r) => r.address)
        : [],
    );
    const outside = mails.twice.filter((r) => !held.has(r)).length;
    const lat = [...tally.latencies].sort((x, y) => x - y);
    const victimName = victim === a ? 'A (published)' : 'B';
    console.log(
      labelledTable([
        ['figure', 'value'],
        ['reports answered 201 (or 200 on a retry)', String(tally.stored.size)],
        ['reports retried on the survivor', `${tally.retried} (${tally.replayed} already stored)`],
        ['reports refused', String(tally.refused.length)],
        ['reports lost', String(reportsLost + (count - tally.stored.size))],
        [
          'intake p50 / p99 (incl. retries)',
          `${percentile(lat, 50).toFixed(0)} / ${percentile(lat, 99).toFixed(0)} ms`,
        ],
        ['killed instance', `${victimName}, at ${doneAtKill} of ${N} notices done`],
        ['notices sent', `${mails.recipients} to ${N} subscribers`],
        ['notices lost', String(N - mails.recipients)],
        ['notice jobs the killed one held leased', String(inFlight.length)],
        ['duplicates (all among those)', `${mails.duplicates} (${outside} outside)`],
        ['kill → its leases taken over', `${takenOver} ms (lease ${leaseMs} ms${past})`],
        ['kill → last of them delivered', `${lastDelivered} ms`],
        ['whole fan-out', `${(fanoutMs / 1000).toFixed(1)} s`],
        ['write on B shows on A', `${bToA.toFixed(0)} ms`],
        ['write on A shows on B', `${aToB.toFixed(0)} ms`],
        ['survivor', survivor === a ? 'A' : 'B'],
      ]),
    );
    if (tally.refused.length) console.log(`refused: ${tally.refused.slice(0, 3).join('\n')}`);
    // The survivor must take the dead one's jobs over within one lease time (and the allowance).
    const late = takenOver > leaseMs + TAKEOVER_ALLOWANCE_MS;
    if (late) console.log(`taken over late: more than ${TAKEOVER_ALLOWANCE_MS} ms past the lease`);
    if (reportsLost || count !== tally.stored.size || mails.recipients !== N || outside || late)
      process.exitCode = 1;
  } finally {
    await store.close();
    sink.stop();
    await postgres.drop();
  }
}

await runBench(main);
