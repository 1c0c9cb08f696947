import { describe, expect, it } from 'vitest';
import { createToken } from '../../status-server/auth/tokens.ts';
import { openStore } from '../../status-server/platform/db.ts';
import { testDatabases } from '../helpers/databases.ts';
import { startMailSink } from '../helpers/mail-sink.ts';
import { type ServerProcess, startServerProcess } from '../helpers/server-process.ts';
import { insertSubscribers } from '../helpers/subscribers.ts';
import {
  lastDone,
  leasedBy,
  noticeJobs,
  shownAfter,
  spreadIntake,
  storedReports,
  TAKEOVER_ALLOWANCE_MS,
  until,
} from '../helpers/two-instances.ts';

const SUBSCRIBERS = 300;
/** Mails accepted before the mail server stops answering, leaving the fan-out mid-way. */
const ACCEPTED_FIRST = 100;
/** Short, so the survivor takes over the killed instance's jobs within seconds. */
const LEASE_MS = 2_000;
/** Another instance's write shows on this one's pages within this. */
const VISIBLE_MS = 1_000;

const postgres = testDatabases().find((d) => d.name === 'postgres');
if (!postgres) {
  console.log('\n*** two instances on one PostgreSQL: SKIPPED, PostgreSQL is not reachable ***\n');
}

describe.runIf(postgres)('two server processes on one PostgreSQL, one killed mid fan-out', () => {
  it('loses no report and no notice, and the survivor finishes what the dead one held', async () => {
    const database = await (postgres as NonNullable<typeof postgres>).create();
    const databaseUrl = database.databaseUrl as string;
    const sink = await startMailSink();
    const env = {
      DATABASE_URL: databaseUrl,
      SNAPDESK_PUBLIC_URL: 'http://status.test',
      SNAPDESK_SMTP_URL: sink.url,
      SNAPDESK_JOB_LEASE_SECONDS: String(LEASE_MS / 1000),
      SNAPDESK_INTAKE_PER_MINUTE: '100000',
    };
    const instances: ServerProcess[] = [];
    const store = openStore({ databaseUrl, sqlitePath: ':memory:' });
    let intake: ReturnType<typeof spreadIntake> | undefined;
    try {
      // Started together: their migrations take turns on the shared database.
      await Promise.all([0, 1].map(async () => instances.push(await startServerProcess(env))));
      const [a, b] = instances as [ServerProcess, ServerProcess];
      const { db } = store;
      const { token } = await createToken(db, 'test');
      const admin = (instance: ServerProcess, path: string, body: unknown) =>
        fetch(`${instance.origin}/api/admin${path}`, {
          method: 'POST',
          headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json' },
          body: JSON.stringify(body),
        });
      const addresses = Array.from({ length: SUBSCRIBERS }, (_, i) => `reader${i}@example.com`);
      await insertSubscribers(db, addresses);

      intake = spreadIntake([a.origin, b.origin]);

      // A write on B shows on A's pages within a second…
      const added = await admin(b, '/components', { name: 'Checkout' });
      expect(added.status).toBe(201);
      const bToA = await shownAfter(
        a.origin,
        (s) => s.components.some((c) => c.name === 'Checkout'),
        performance.now(),
      );
      // …and the incident published on A, which starts the fan-out, on B's.
      sink.state.holdAfter = ACCEPTED_FIRST;
      const published = await admin(a, '/incidents', {
        name: 'Checkout down',
        status: 'investigating',
        impact: 'major',
        message: 'We are looking into it.',
      });
      expect(published.status).toBe(201);
      const aToB = await shownAfter(
        b.origin,
        (s) => s.incidents.some((i) => i.name === 'Checkout down'),
        performance.now(),
      );
      console.log(
        `a write shows on the other instance after ${bToA.toFixed(0)} ms (B→A), ${aToB.toFixed(0)} ms (A→B)`,
      );
      expect(bToA).toBeLessThan(VISIBLE_MS);
      expect(aToB).toBeLessThan(VISIBLE_MS);

      // The instance delivering is stuck waiting on the mail server, mid fan-out: kill it.
      await until('the fan-out waits on the mail server', () => sink.held() > 0);
      const { runningByPid } = await noticeJobs(db);
      const victim = [a, b].sort(
        (x, y) => (runningByPid.get(y.pid) ?? 0) - (runningByPid.get(x.pid) ?? 0),
      )[0];
      const survivor = victim === a ? b : a;
      const killedAt = Date.now();
      await (victim as ServerProcess).kill();
      const inFlight = await leasedBy(db, (victim as ServerProcess).pid);
      expect(inFlight.length).toBeGreaterThan(0);
      // Mails the dead instance was sending were never answered: the mail server drops them.
      await until('the mail server sees the connections close', () => sink.heldOpen() === 0);
      sink.release();

      // Its leases run out at most one lease time after the kill; the survivor takes them as they do.
      const victimPid = (victim as ServerProcess).pid;
      await until(
        'the survivor took over the dead one’s jobs',
        async () => (await leasedBy(db, victimPid)).length === 0,
      );
      const takenOver = Date.now() - killedAt;
      // Reports keep coming in on the survivor while it finishes the fan-out.
      await until('every notice job is done', async () => {
        const { byState } = await noticeJobs(db);
        return byState.get('done') === SUBSCRIBERS;
      });
      const tally = await intake.stop();
      const lastDelivered =
        ((await lastDone(
          db,
          inFlight.map((j) => j.id),
        )) as number) - killedAt;

      // Reports: every 201 is stored, and a report retried with its key is stored once.
      expect(tally.refused).toEqual([]);
      const stored = await storedReports(db, [...tally.stored.keys()]);
      expect(stored).toEqual(tally.stored);
      const count = await db
        .selectFrom('reports')
        .select((eb) => eb.fn.countAll().as('n'))
        .executeTakeFirstOrThrow();
      expect(Number(count.n)).toBe(tally.stored.size);

      // Notices: everyone got one; twice only a subscriber whose job the dead instance held leased.
      const perAddress = new Map<string, number>();
      for (const m of sink.messages) {
        for (const r of m.rcptTo) perAddress.set(r, (perAddress.get(r) ?? 0) + 1);
      }
      expect([...perAddress.keys()].filter((r) => r.startsWith('reader')).sort()).toEqual(
        [...addresses].sort(),
      );
      const twice = [...perAddress].filter(([, n]) => n > 1).map(([r]) => r);
      const heldAddresses = new Set(
        (
          await db
            .selectFrom('subscriptions')
            .select('address')
            .where(
              'id',
              'in',
              inFlight.map((j) => j.subscription),
            )
            .execute()
        ).map((r) => r.address),
      );
      expect(twice.filter((r) => !heldAddresses.has(r))).toEqual([]);
      console.log(
        `reports: ${tally.stored.size} stored, ${tally.retried} retried on the survivor; notices: ${SUBSCRIBERS} sent, ` +
          `${inFlight.length} leased by the killed instance, ${twice.length} sent twice; ` +
          `taken over ${takenOver} ms after the kill, the last of them delivered after ${lastDelivered} ms (lease ${LEASE_MS} ms)`,
      );
      // The survivor takes over expired leases within one lease time (issue 13).
      expect(takenOver).toBeLessThanOrEqual(LEASE_MS + TAKEOVER_ALLOWANCE_MS);
      // The survivor serves on.
      expect((await fetch(`${survivor.origin}/api/v2/summary.json`)).status).toBe(200);
    } catch (err) {
      console.error(err);
      // An instance's own errors (a 500's cause is logged there) say more than the answer.
      for (const [i, instance] of instances.entries()) {
        console.error(`instance ${i} printed:\n${instance.output().slice(-4_000)}`);
      }
      throw err;
    } finally {
      await intake?.stop();
      await Promise.all(instances.map((i) => i.stop()));
      await store.close();
      await sink.stop();
      await database.drop();
    }
    // Two Node processes compiling TypeScript take seconds each on a busy machine.
  }, 120_000);
});
