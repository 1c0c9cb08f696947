import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { statusBatchResponse } from '../../shared/schemas/report.ts';
import { serverKey, sign } from '../../status-server/reports/keys.ts';
import { answerRequest, supportUpdate, sweepExpired } from '../../status-server/requests/service.ts';
import { changeRequest } from '../../status-server/requests/store.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { insertReport } from '../helpers/reports.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const day = 86_400_000;
const EXTENSION = 'chrome-extension://abcdefghijklmnopabcdefghijklmnop';

describe.each(testDatabases())('the batched status call on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server.stop());

  const deps = () => ({ db: server.store.db, config: server.config });
  const secretOf = async (reference: string) =>
    sign(await serverKey(server.store.db, 'report-status'), reference);
  const post = (body: unknown, headers: Record<string, string> = {}) =>
    server.request('/api/reports/status', {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: typeof body === 'string' ? body : JSON.stringify(body),
    });
  const asked = async (...reports: { reference: string }[]) => ({
    reports: await Promise.all(
      reports.map(async (r) => ({ reference: r.reference, secret: await secretOf(r.reference) })),
    ),
  });

  it('answers each request’s summary, with unknown references and wrong secrets alike in unknown', async () => {
    const waiting = await insertReport(server.store, {
      images: 0,
      state: 'forwarded',
      external_ref: '#4711',
      incident: { name: 'Checkout errors', status: 'identified' },
    });
    const quiet = await insertReport(server.store, { images: 0 });
    await supportUpdate(deps(), waiting.id, { state: 'waiting_for_customer', reply: 'Which browser?' });
    await answerRequest(deps(), waiting.id, 'Firefox');
    await supportUpdate(deps(), waiting.id, { reply: 'Thanks, we can see it now.' });

    const body = await asked(waiting, quiet);
    const res = await post({
      reports: [
        ...body.reports,
        { reference: 'SD-999999999', secret: await secretOf('SD-999999999') },
        { reference: quiet.reference, secret: 'not-the-secret' },
        // Asked twice: told once.
        body.reports[0],
      ],
    });
    expect(res.status).toBe(200);
    expect(res.headers.get('etag')).toMatch(/^"[\w-]{22}"$/);
    const answer = statusBatchResponse.parse(await res.json());
    expect(answer.unknown).toEqual(['SD-999999999']);
    expect(answer.reports).toEqual([
      {
        reference: waiting.reference,
        state: 'forwarded',
        external_reference: '#4711',
        incident: {
          id: waiting.incident_id,
          name: 'Checkout errors',
          status: 'identified',
          impact: 'major',
          url: `http://status.test/incidents/${waiting.incident_id}`,
        },
        request: {
          state: 'in_progress',
          state_changed_at: expect.any(String),
          // Support's newest comment, not the reporter's answer.
          latest_comment: { at: expect.any(String), body: 'Thanks, we can see it now.' },
          // Two changes of state, two comments and the answer.
          events: 5,
        },
      },
      {
        reference: quiet.reference,
        state: 'received',
        external_reference: null,
        incident: null,
        request: {
          state: 'received',
          state_changed_at: quiet.received_at,
          latest_comment: null,
          events: 0,
        },
      },
    ]);

    // A wrong secret for a reference that exists is as unknown as one that does not exist.
    const wrong = await post({ reports: [{ reference: quiet.reference, secret: 'not-the-secret' }] });
    expect(await wrong.json()).toEqual({ reports: [], unknown: [quiet.reference] });
  });

  it('tells committed changes only: not one still in its transaction, nor one rolled back', async () => {
    const r = await insertReport(server.store, { images: 0 });
    const body = await asked(r);
    const before = await (await post(body)).text();
    let during = '';
    await expect(
      server.store.db.transaction().execute(async (trx) => {
        await changeRequest(
          trx,
          r.id,
          { action: { kind: 'set', to: 'in_progress' }, text: 'On it' },
          { author: 'support', source: 'console' },
          { now: new Date(), reopenWindowMs: day },
        );
        during = await (await post(body)).text();
        throw new Error('rolled back');
      }),
    ).rejects.toThrow('rolled back');
    expect(JSON.parse(during).reports[0].request.state).toBe('received');
    expect(during).toBe(before);
    expect(await (await post(body)).text()).toBe(before);
  });

  it('answers 304 with no body while nothing changed, and 200 with a new ETag once something did', async () => {
    const r = await insertReport(server.store, { images: 0 });
    const body = await asked(r);
    const first = await post(body);
    const etag = first.headers.get('etag') as string;

    const same = await post(body, { 'if-none-match': etag });
    expect(same.status).toBe(304);
    expect(await same.text()).toBe('');
    expect(same.headers.get('etag')).toBe(etag);
    expect((await post(body, { 'if-none-match': `"other", W/${etag}` })).status).toBe(304);

    await supportUpdate(deps(), r.id, { reply: 'We are on it.' });
    const changed = await post(body, { 'if-none-match': etag });
    expect(changed.status).toBe(200);
    expect(changed.headers.get('etag')).not.toBe(etag);
    expect((await changed.json()).reports[0].request.latest_comment.body).toBe('We are on it.');
  });

  it('shows a resolved request past its reopen window as closed, the same before and after the sweep closes it', async () => {
    const r = await insertReport(server.store, { images: 0 });
    await supportUpdate(deps(), r.id, { state: 'resolved' });
    const resolvedAt = new Date(Date.now() - 6 * day).toISOString();
    await server.store.db
      .updateTable('reports')
      .set({ state_changed_at: resolvedAt })
      .where('id', '=', r.id)
      .execute();
    await server.store.db
      .updateTable('report_events')
      .set({ at: resolvedAt })
      .where('report_id', '=', r.id)
      .execute();
    const body = await asked(r);
    const before = await post(body);
    const summary = (await before.json()).reports[0].request;
    expect(summary).toEqual({
      state: 'closed',
      state_changed_at: new Date(Date.parse(resolvedAt) + 5 * day).toISOString(),
      latest_comment: null,
      events: 2,
    });
    // Reading does not write: the row is still resolved until the sweep or a full read closes it.
    const row = await server.store.db
      .selectFrom('reports')
      .select('request_state')
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(row.request_state).toBe('resolved');

    await sweepExpired(deps());
    const after = await post(body, { 'if-none-match': before.headers.get('etag') as string });
    expect(after.status).toBe(304);
  });

  it('refuses a wrong body with the path of what is wrong, and more than 200 references', async () => {
    const bad = await post({
      reports: [
        { reference: 'SD-1', secret: 'x' },
        { reference: '1042', secret: 'x' },
      ],
    });
    expect(bad.status).toBe(400);
    expect((await bad.json()).error.issues).toEqual([
      { path: 'reports.1.reference', message: 'must be a reference such as SD-1042' },
    ]);
    const extra = await post({ reports: [{ reference: 'SD-1', secret: 'x', token: 'y' }] });
    expect((await extra.json()).error.issues).toEqual([
      { path: 'reports.0.token', message: 'is not a known field' },
    ]);
    expect((await post({ reports: [] })).status).toBe(400);
    expect((await post('{"reports": [')).status).toBe(400);
    const many = await post({
      reports: Array.from({ length: 201 }, (_, i) => ({ reference: `SD-${i + 1}`, secret: 'x' })),
    });
    expect(many.status).toBe(400);
    expect((await many.json()).error.issues[0].path).toBe('reports');
    const notJson = await server.request('/api/reports/status', { method: 'POST', body: 'reports' });
    expect(notJson.status).toBe(415);
  });

  it('lets extension pages call it cross-origin with If-None-Match and read the ETag, and web pages not', async () => {
    const preflight = (origin: string) =>
      server.request('/api/reports/status', {
        method: 'OPTIONS',
        headers: {
          origin,
          'access-control-request-method': 'POST',
          'access-control-request-headers': 'content-type, if-none-match',
        },
      });
    const allowed = await preflight(EXTENSION);
    expect(allowed.headers.get('access-control-allow-origin')).toBe(EXTENSION);
    expect(allowed.headers.get('access-control-allow-headers')?.toLowerCase()).toContain('if-none-match');
    expect((await preflight('https://evil.example')).headers.get('access-control-allow-origin')).toBeNull();

    const r = await insertReport(server.store, { images: 0 });
    const res = await post(await asked(r), { origin: EXTENSION });
    expect(res.headers.get('access-control-expose-headers')?.toLowerCase()).toContain('etag');
  });
});

describe.each(skippedDatabases())('the batched status call on %s', () => {
  it.skip('needs the database', () => {});
});
