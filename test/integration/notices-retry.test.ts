import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { type MailSink, startMailSink } from '../helpers/mail-sink.ts';
import { type NoticeServer, startNoticeServer } from '../helpers/notice-server.ts';
import { publishIncident, subscribeEmail } from '../helpers/subscribers.ts';

describe.each(testDatabases())('notice mail against a failing mail server on $name', (database) => {
  let sink: MailSink;
  let server: NoticeServer;

  beforeAll(async () => {
    sink = await startMailSink();
    server = await startNoticeServer(database, { smtpUrl: sink.url });
  });
  afterAll(async () => {
    await server.stop();
    await sink.stop();
  });

  const jobOf = (incidentId: string) => {
    const { db } = server.running.store;
    return db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'notice')
      .where('ref_id', 'in', db.selectFrom('notices').select('id').where('incident_id', '=', incidentId))
      .executeTakeFirstOrThrow();
  };
  /** Time passes until the delivery's retry is due. */
  const makeDue = (jobId: string) =>
    server.running.store.db
      .updateTable('jobs')
      .set({ run_at: new Date().toISOString() })
      .where('id', '=', jobId)
      .execute();
  const status = async (incidentId: string) =>
    (await (await server.admin('GET', `/incidents/${incidentId}/notices`)).json()) as {
      totals: Record<'sent' | 'pending' | 'failed' | 'skipped', number>;
      notices: { last_error: string | null }[];
    };

  it('backs off while the server defers, then delivers exactly once when it takes mail again', async () => {
    await subscribeEmail(server, sink, 'ada@example.com');
    sink.state.refuse = { code: 451, message: '4.3.0 Mailbox busy, try later' };
    const incident = await publishIncident(server, { name: 'Deferred mail' });

    let started = Date.now();
    await server.worker.drain();
    // The wait counts from the failure, somewhere within the drain: 5 s ± 20% after it.
    const drained = Date.now();
    let job = await jobOf(incident);
    expect(job).toMatchObject({ state: 'pending', attempts: 1 });
    expect(job.last_error).toContain('451');
    expect(Date.parse(job.run_at)).toBeGreaterThanOrEqual(started + 4_000);
    expect(Date.parse(job.run_at)).toBeLessThanOrEqual(drained + 6_000);
    expect(await status(incident)).toMatchObject({ totals: { sent: 0, pending: 1, failed: 0 } });
    expect((await status(incident)).notices[0]?.last_error).toContain('Mailbox busy');

    // The second wait is twice the first (5 s, 10 s, 20 s …, with jitter).
    await makeDue(job.id);
    started = Date.now();
    await server.worker.drain();
    job = await jobOf(incident);
    expect(job).toMatchObject({ state: 'pending', attempts: 2 });
    expect(Date.parse(job.run_at) - started).toBeGreaterThan(7_900);

    sink.state.refuse = undefined;
    await makeDue(job.id);
    await server.worker.drain();
    expect(sink.to('ada@example.com').map((m) => m.subject)).toEqual([
      'Confirm your subscription to Acme Status',
      '[Investigating] Deferred mail — Acme Status',
    ]);
    expect((await jobOf(incident)).state).toBe('done');
    expect((await status(incident)).totals).toEqual({ sent: 1, pending: 0, failed: 0, skipped: 0 });
    await server.worker.drain();
    expect(sink.to('ada@example.com')).toHaveLength(2);
  });

  it('fails a delivery at once on a permanent refusal, and shows why to admins', async () => {
    sink.state.refuse = { code: 550, message: '5.1.1 No such mailbox' };
    const incident = await publishIncident(server, { name: 'Refused mail' });
    await server.worker.drain();
    expect(await jobOf(incident)).toMatchObject({ state: 'failed', attempts: 1 });
    const s = await status(incident);
    expect(s.totals).toEqual({ sent: 0, pending: 0, failed: 1, skipped: 0 });
    expect(s.notices[0]?.last_error).toContain('No such mailbox');
    sink.state.refuse = undefined;
  });

  it('fails a delivery that is still deferred at its last attempt', async () => {
    sink.state.refuse = { code: 421, message: '4.7.0 Too busy' };
    const incident = await publishIncident(server, { name: 'Never accepted' });
    const { id, max_attempts } = await jobOf(incident);
    await server.running.store.db
      .updateTable('jobs')
      .set({ attempts: max_attempts - 1 })
      .where('id', '=', id)
      .execute();
    await server.worker.drain();
    expect(await jobOf(incident)).toMatchObject({ state: 'failed', attempts: max_attempts });
    sink.state.refuse = undefined;
  });

  it('sends nothing to a subscriber who left while the notice waited its turn', async () => {
    await subscribeEmail(server, sink, 'grace@example.com');
    const before = sink.to('grace@example.com').length;
    const incident = await publishIncident(server, { name: 'Queued notice' });
    const left = (
      await server.running.store.db
        .selectFrom('subscriptions')
        .select('id')
        .where('address', '=', 'grace@example.com')
        .executeTakeFirstOrThrow()
    ).id;
    await server.running.store.db.deleteFrom('subscriptions').where('id', '=', left).execute();
    await server.worker.drain();
    expect(sink.to('grace@example.com')).toHaveLength(before);
    expect((await status(incident)).totals).toMatchObject({ skipped: 1, failed: 0, pending: 0 });
  });
});

describe.skip.each(skippedDatabases())('notice mail against a failing mail server on %s', () => {
  it('needs PostgreSQL', () => {});
});
