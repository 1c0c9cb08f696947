import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportStatusResponse } from '../../shared/schemas/report.ts';
import { newId } from '../../status-server/domain/ids.ts';
import { serverKey, sign } from '../../status-server/reports/keys.ts';
import {
  changeRequest,
  closeExpired,
  eventOrder,
  markForwarded,
  readRequest,
} from '../../status-server/requests/store.ts';
import { type ConsoleClient, signedIn } from '../helpers/console.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { insertReport } from '../helpers/reports.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const day = 86_400_000;

describe.each(testDatabases())('a request’s life on $name', (database) => {
  let server: TestServer;
  let client: ConsoleClient;
  beforeAll(async () => {
    // The reporter's actions are rate-limited per address, and every call here comes from one.
    server = await startTestServer(database, { SNAPDESK_INTAKE_PER_MINUTE: '1000' });
    client = await signedIn(server);
  });
  afterAll(() => server.stop());

  const secretOf = async (reference: string) =>
    sign(await serverKey(server.store.db, 'report-status'), reference);

  /** A stored report and its reporter's calls, made with the report's secret unless told otherwise. */
  const reporter = async () => {
    const report = await insertReport(server.store, { images: 0 });
    const secret = await secretOf(report.reference);
    const call = (method: string, action: string, body?: unknown, auth = secret) =>
      server.request(`/api/reports/${report.reference}/${action}`, {
        method,
        headers: {
          authorization: `Bearer ${auth}`,
          ...(body === undefined ? {} : { 'content-type': 'application/json' }),
        },
        ...(body === undefined ? {} : { body: JSON.stringify(body) }),
      });
    const status = async () => {
      const res = await call('GET', 'status');
      expect(res.status).toBe(200);
      return reportStatusResponse.parse(await res.json());
    };
    const support = (fields: Record<string, string>) =>
      client.post(`/console/reports/${report.reference}/request`, fields);
    /** Everything a refused call must leave as it was. */
    const snapshot = async () => ({
      row: await server.store.db
        .selectFrom('reports')
        .select(['request_state', 'state_changed_at'])
        .where('id', '=', report.id)
        .executeTakeFirstOrThrow(),
      events: await server.store.db
        .selectFrom('report_events')
        .selectAll()
        .where('report_id', '=', report.id)
        .orderBy('at')
        .orderBy('id')
        .execute(),
    });
    return { report, secret, call, status, support, snapshot };
  };

  it('goes from a question to the customer, through their answer, to resolved and confirmed closed', async () => {
    const r = await reporter();
    const before = await r.status();
    expect(before.request).toMatchObject({ state: 'received', history: [], comments: [] });

    expect(
      (await r.support({ state: 'waiting_for_customer', reply: 'Which browser do you use?' })).status,
    ).toBe(303);
    const asked = await r.status();
    // The fields the extension reads today are all still there, unchanged.
    expect(asked).toMatchObject({
      reference: r.report.reference,
      state: 'received',
      received_at: r.report.received_at,
      external_reference: null,
      incident: null,
    });
    expect(asked.request?.state).toBe('waiting_for_customer');
    expect(asked.request?.comments).toEqual([
      { at: expect.any(String), author: 'support', source: 'console', body: 'Which browser do you use?' },
    ]);

    const answered = await r.call('POST', 'answer', { text: '  Firefox 128 on Windows  ' });
    expect(answered.status).toBe(200);
    expect((await answered.json()).request.state).toBe('in_progress');

    expect((await r.support({ state: 'resolved', reply: 'Fixed in today’s release.' })).status).toBe(303);
    expect((await r.call('POST', 'confirm')).status).toBe(200);

    const done = await r.status();
    expect(done.request?.state).toBe('closed');
    expect(done.request?.history.map((h) => [h.from, h.to, h.source])).toEqual([
      ['received', 'waiting_for_customer', 'console'],
      ['waiting_for_customer', 'in_progress', 'reporter'],
      ['in_progress', 'resolved', 'console'],
      ['resolved', 'closed', 'reporter'],
    ]);
    expect(done.request?.comments.map((c) => [c.author, c.body])).toEqual([
      ['support', 'Which browser do you use?'],
      ['reporter', 'Firefox 128 on Windows'],
      ['support', 'Fixed in today’s release.'],
    ]);

    // The console shows the same history.
    const page = await (await client.get(`/console/reports/${r.report.reference}`)).text();
    expect(page).toContain('Firefox 128 on Windows');
    expect(page).toContain('Waiting for the customer → In progress');
  });

  it('reopens a resolved request with a reason within the window, and refuses it after', async () => {
    const r = await reporter();
    await r.support({ state: 'resolved' });
    expect((await r.call('POST', 'reopen', { reason: '' })).status).toBe(400);
    const reopened = await r.call('POST', 'reopen', { reason: 'It happens again after a reload.' });
    expect(reopened.status).toBe(200);
    const body = await reopened.json();
    expect(body.request.state).toBe('reopened');
    expect(body.request.history.at(-1)).toMatchObject({
      from: 'resolved',
      to: 'reopened',
      reason: 'It happens again after a reload.',
    });

    // Resolved again, six days ago (and all that came before it): the five-day window has ended.
    await r.support({ state: 'resolved' });
    const resolvedAt = new Date(Date.now() - 6 * day).toISOString();
    await server.store.db
      .updateTable('reports')
      .set({ state_changed_at: resolvedAt })
      .where('id', '=', r.report.id)
      .execute();
    await server.store.db
      .updateTable('report_events')
      .set({ at: resolvedAt })
      .where('report_id', '=', r.report.id)
      .execute();
    const refused = await r.call('POST', 'reopen', { reason: 'Still broken.' });
    expect(refused.status).toBe(409);
    expect(await refused.json()).toEqual({
      error: { code: 'request_state', message: expect.stringContaining('closed') },
    });
    expect((await r.call('POST', 'confirm')).status).toBe(409);
    // Reading it closes it, as of the window's end.
    const read = await r.status();
    expect(read.request?.state).toBe('closed');
    expect(read.request?.history.at(-1)).toMatchObject({
      from: 'resolved',
      to: 'closed',
      source: 'system',
      at: new Date(Date.parse(resolvedAt) + 5 * day).toISOString(),
    });
  });

  it('closes resolved requests past the window in a sweep, once, however many servers sweep', async () => {
    const r = await reporter();
    await r.support({ state: 'resolved' });
    const clock = { now: new Date(Date.now() + 4 * day), reopenWindowMs: 5 * day };
    expect(await closeExpired(server.store.db, clock)).toBe(0);
    const later = { ...clock, now: new Date(Date.now() + 5 * day + 60_000) };
    const closed = await Promise.all([
      closeExpired(server.store.db, later),
      closeExpired(server.store.db, later),
    ]);
    // Other tests' resolved requests may close too; this one closes exactly once.
    expect(closed[0] + closed[1]).toBeGreaterThanOrEqual(1);
    const after = await r.snapshot();
    expect(after.row.request_state).toBe('closed');
    expect(after.events.filter((e) => e.to_state === 'closed')).toHaveLength(1);
    expect(await closeExpired(server.store.db, later)).toBe(0);
  });

  it('refuses a wrong secret, an unknown reference and an action the state does not allow, changing nothing', async () => {
    const r = await reporter();
    await r.support({ state: 'in_progress', reply: 'Looking into it.' });
    const before = await r.snapshot();

    const wrong = await r.call('POST', 'answer', { text: 'hello' }, 'not-the-secret');
    expect(wrong.status).toBe(404);
    const wrongBody = await wrong.json();
    expect(wrongBody.error.code).toBe('not_found');
    expect((await r.call('GET', 'status', undefined, 'not-the-secret')).status).toBe(404);

    const unknown = await server.request('/api/reports/SD-999999999/confirm', {
      method: 'POST',
      headers: { authorization: `Bearer ${await secretOf('SD-999999999')}` },
    });
    expect(unknown.status).toBe(404);
    expect((await unknown.json()).error.code).toBe('not_found');

    for (const [action, body] of [
      ['answer', { text: 'An answer nobody asked for' }],
      ['confirm', undefined],
      ['reopen', { reason: 'Why not' }],
    ] as const) {
      const res = await r.call('POST', action, body);
      expect(res.status, action).toBe(409);
      expect((await res.json()).error.code).toBe('request_state');
    }
    // Bodies that are not what the action takes.
    expect((await r.call('POST', 'answer', { text: 'x'.repeat(10_001) })).status).toBe(400);
    expect((await r.call('POST', 'answer', { text: 'ok', extra: 1 })).status).toBe(400);
    const lone = await r.call('POST', 'answer', undefined);
    expect(lone.status).toBe(415);
    const surrogate = await server.request(`/api/reports/${r.report.reference}/answer`, {
      method: 'POST',
      headers: { authorization: `Bearer ${r.secret}`, 'content-type': 'application/json' },
      body: '{"text":"broken \\ud800 text"}',
    });
    expect(surrogate.status).toBe(400);

    expect(await r.snapshot()).toEqual(before);
  });

  it('shows the console form again with its errors, and changes nothing', async () => {
    const r = await reporter();
    const before = await r.snapshot();
    const nothing = await r.support({ state: '', reply: '   ' });
    expect(nothing.status).toBe(400);
    expect(await nothing.text()).toContain('aria-invalid="true"');
    const empty = await r.support({ state: '', reply: '' });
    expect(empty.status).toBe(400);
    expect(await empty.text()).toContain('Choose another state or write a reply.');
    const unknownState = await r.support({ state: 'reopened', reply: 'Hi' });
    expect(unknownState.status).toBe(400);
    const page = await unknownState.text();
    expect(page).toContain('id="f-state"');
    expect(page).toContain('>Hi</textarea>');
    const noToken = await client.post(
      `/console/reports/${r.report.reference}/request`,
      { state: 'open' },
      { csrf: null },
    );
    expect(noToken.status).toBe(403);
    expect(await r.snapshot()).toEqual(before);
    expect((await client.post('/console/reports/SD-999999999/request', { state: 'open' })).status).toBe(404);
  });

  it('orders the history by time and then id, the same on every read and in SQL and JavaScript', async () => {
    const r = await reporter();
    const at = '2026-05-01T10:00:00.000Z';
    const ids = Array.from({ length: 6 }, () => newId());
    await server.store.db
      .insertInto('report_events')
      .values(
        ids.map((id, i) => ({
          id,
          report_id: r.report.id,
          at,
          kind: 'comment' as const,
          from_state: null,
          to_state: null,
          body: `comment ${i}`,
          author: 'support' as const,
          source: 'console' as const,
        })),
      )
      .execute();
    const clock = { now: new Date(), reopenWindowMs: 5 * day };
    const first = await readRequest(server.store.db, r.report.id, clock);
    const second = await readRequest(server.store.db, r.report.id, clock);
    expect(first.events.map((e) => e.id)).toEqual([...ids].sort());
    expect(second.events).toEqual(first.events);
    expect([...first.events].reverse().sort(eventOrder)).toEqual(first.events);
    expect((await r.status()).request?.comments.map((c) => c.body)).toEqual(
      [...ids].sort().map((id) => `comment ${ids.indexOf(id)}`),
    );
  });

  it('lists a change of state before the comment written with it, whatever their ids', async () => {
    const r = await reporter();
    const at = '2026-05-02T10:00:00.000Z';
    const event = (id: string, kind: 'state' | 'comment') => ({
      id,
      report_id: r.report.id,
      at,
      kind,
      from_state: kind === 'state' ? ('open' as const) : null,
      to_state: kind === 'state' ? ('waiting_for_customer' as const) : null,
      body: kind === 'state' ? null : 'Which browser?',
      author: 'support' as const,
      source: 'console' as const,
    });
    // The comment's id sorts first: the order must still put the change of state before it.
    await server.store.db
      .insertInto('report_events')
      .values([event('zzzzzzzzzzzz', 'state'), event('000000000000', 'comment')])
      .execute();
    const read = await readRequest(server.store.db, r.report.id, {
      now: new Date(),
      reopenWindowMs: 5 * day,
    });
    const mine = read.events.filter((e) => e.at === at);
    expect(mine.map((e) => e.kind)).toEqual(['state', 'comment']);
    expect([...mine].reverse().sort(eventOrder)).toEqual(mine);
  });

  it('keeps on the report what the status call reads of its history, equal to the history after every kind of change', async () => {
    const { db } = server.store;
    const r = await reporter();
    const support = { author: 'support' as const, source: 'console' as const };
    const customer = { author: 'reporter' as const, source: 'reporter' as const };
    const start = Date.parse('2026-06-01T10:00:00.000Z');
    const at = (minutes: number) => ({ now: new Date(start + minutes * 60_000), reopenWindowMs: day });
    /** The kept summary, and the same figures counted and chosen from the history itself. */
    const compare = async (clock: { now: Date; reopenWindowMs: number }) => {
      const kept = await db
        .selectFrom('reports')
        .select(['event_count', 'latest_comment_at', 'latest_comment_body'])
        .where('id', '=', r.report.id)
        .executeTakeFirstOrThrow();
      const { events } = await readRequest(db, r.report.id, clock);
      const comments = events
        .filter((e) => e.kind === 'comment')
        .sort((a, b) => (a.at === b.at ? (a.id < b.id ? -1 : 1) : a.at < b.at ? -1 : 1));
      const latest = comments.at(-1);
      expect(kept).toEqual({
        event_count: events.length,
        latest_comment_at: latest?.at ?? null,
        latest_comment_body: latest?.body ?? null,
      });
      return kept;
    };
    expect(await compare(at(0))).toEqual({
      event_count: 0,
      latest_comment_at: null,
      latest_comment_body: null,
    });
    await db.transaction().execute((trx) => markForwarded(trx, r.report.id, at(1).now));
    await compare(at(1));
    await changeRequest(
      db,
      r.report.id,
      { action: { kind: 'set', to: 'waiting_for_customer' }, text: 'Which browser?' },
      support,
      at(2),
    );
    await compare(at(2));
    // Two comments written at one time: the newer is the one whose id sorts last.
    await changeRequest(
      db,
      r.report.id,
      { action: { kind: 'comment' }, text: 'And which version?' },
      support,
      at(3),
    );
    await changeRequest(
      db,
      r.report.id,
      { action: { kind: 'comment' }, text: 'Or a screenshot.' },
      support,
      at(3),
    );
    expect((await compare(at(3))).latest_comment_at).toBe(at(3).now.toISOString());
    await changeRequest(
      db,
      r.report.id,
      { action: { kind: 'answer' }, text: 'Firefox 140' },
      customer,
      at(4),
    );
    // The answer moves the request on and is counted, but it is not support's comment.
    expect((await compare(at(4))).event_count).toBe(7);
    await changeRequest(db, r.report.id, { action: { kind: 'set', to: 'resolved' } }, support, at(5));
    await compare(at(5));
    await changeRequest(
      db,
      r.report.id,
      { action: { kind: 'reopen' }, reason: 'Still broken' },
      customer,
      at(6),
    );
    await compare(at(6));
    await changeRequest(
      db,
      r.report.id,
      { action: { kind: 'set', to: 'resolved' }, text: 'Fixed now.' },
      support,
      at(7),
    );
    expect((await compare(at(7))).latest_comment_body).toBe('Fixed now.');
    // Past the window: the sweep closes it, with the closing change counted.
    const later = at(7 + 2 * 24 * 60);
    expect(await closeExpired(db, later)).toBeGreaterThanOrEqual(1);
    expect((await compare(later)).event_count).toBe(12);
  });

  it('opens a received request when forwarding reaches the help desk, and leaves one support moved on', async () => {
    const fresh = await reporter();
    await server.store.db.transaction().execute((trx) => markForwarded(trx, fresh.report.id, new Date()));
    expect((await fresh.status()).request?.history.map((h) => [h.from, h.to, h.source])).toEqual([
      ['received', 'open', 'system'],
    ]);
    const moved = await reporter();
    await moved.support({ state: 'in_progress' });
    await server.store.db.transaction().execute((trx) => markForwarded(trx, moved.report.id, new Date()));
    expect((await moved.status()).request?.state).toBe('in_progress');
  });
});

describe.each(skippedDatabases())('a request’s life on %s', () => {
  it.skip('needs the database', () => {});
});
