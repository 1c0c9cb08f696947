import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { reportStatusResponse } from '../../shared/schemas/report.ts';
import { newId } from '../../status-server/domain/ids.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { insertReport } from '../helpers/reports.ts';
import { type RequestServer, startRequestServer } from '../helpers/request-server.ts';

const secret = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;
const otherSecret = `whsec_${Buffer.alloc(32, 4).toString('base64')}`;

describe.each(testDatabases())('the help desk’s signed callback on $name', (database) => {
  let server: RequestServer;
  beforeAll(async () => {
    server = await startRequestServer(database, {
      SNAPDESK_FORWARD_WEBHOOK_URL: 'http://127.0.0.1:9/desk',
      SNAPDESK_FORWARD_WEBHOOK_SECRET: secret,
    });
  });
  afterAll(() => server.stop());

  /** Posts `body` signed as a help desk would, or as told: another key, another time, another id. */
  const callback = (body: unknown, o: { id?: string; key?: string; at?: Date } = {}) => {
    const text = typeof body === 'string' ? body : JSON.stringify(body);
    const id = o.id ?? `msg_${newId()}`;
    const at = o.at ?? new Date();
    return server.request('/api/helpdesk/events', {
      method: 'POST',
      headers: {
        'content-type': 'application/json',
        'webhook-id': id,
        'webhook-timestamp': String(Math.floor(at.getTime() / 1000)),
        'webhook-signature': new Webhook(o.key ?? secret).sign(id, at, text),
      },
      body: text,
    });
  };
  const report = async () => {
    const r = await insertReport(server.store, { images: 0 });
    const secretOf = await server.secretOf(r.reference);
    const status = async () => {
      const res = await server.request(`/api/reports/${r.reference}/status`, {
        headers: { authorization: `Bearer ${secretOf}` },
      });
      return reportStatusResponse.parse(await res.json()).request;
    };
    /** Everything a refused callback must leave as it was. */
    const snapshot = async () => ({
      row: await server.store.db
        .selectFrom('reports')
        .select(['request_state', 'state_changed_at'])
        .where('id', '=', r.id)
        .executeTakeFirstOrThrow(),
      events: await server.store.db
        .selectFrom('report_events')
        .selectAll()
        .where('report_id', '=', r.id)
        .orderBy('at')
        .orderBy('id')
        .execute(),
    });
    return { ...r, status, snapshot };
  };
  const stateChange = (reference: string, state: string, comment?: string) => ({
    type: 'request.state_changed',
    timestamp: new Date().toISOString(),
    data: { reference, state, ...(comment ? { comment } : {}) },
  });

  it('applies a state change with a comment, and a comment alone, as the webhook’s', async () => {
    const r = await report();
    const asked = await callback(stateChange(r.reference, 'waiting_for_customer', 'Which browser?'));
    expect(asked.status).toBe(204);
    const commented = await callback({
      type: 'request.commented',
      data: { reference: r.reference, comment: 'We can reproduce it now.' },
    });
    expect(commented.status).toBe(204);

    const request = await r.status();
    expect(request?.state).toBe('waiting_for_customer');
    expect(request?.history.map((h) => [h.from, h.to, h.source])).toEqual([
      ['received', 'waiting_for_customer', 'webhook'],
    ]);
    expect(request?.comments.map((c) => [c.author, c.source, c.body])).toEqual([
      ['support', 'webhook', 'Which browser?'],
      ['support', 'webhook', 'We can reproduce it now.'],
    ]);
  });

  it('applies a message once: a repeat with the same webhook-id changes nothing', async () => {
    const r = await report();
    const id = `msg_${newId()}`;
    const body = stateChange(r.reference, 'resolved', 'Fixed in 4.2.');
    expect((await callback(body, { id })).status).toBe(204);
    const after = await r.snapshot();
    expect(after.events).toHaveLength(2);
    const repeat = await callback(body, { id });
    expect(repeat.status).toBe(204);
    expect(await r.snapshot()).toEqual(after);
  });

  describe('refuses what it must, in the API’s error shape, and changes nothing', () => {
    const cases: [
      string,
      (ref: string) => { body: unknown; id?: string; key?: string; at?: Date },
      number,
      string,
    ][] = [
      [
        'a signature made with another secret',
        (ref) => ({ body: stateChange(ref, 'open'), key: otherSecret }),
        401,
        'invalid_signature',
      ],
      [
        'a timestamp ten minutes old',
        (ref) => ({ body: stateChange(ref, 'open'), at: new Date(Date.now() - 10 * 60_000) }),
        401,
        'stale_timestamp',
      ],
      ['an unknown reference', () => ({ body: stateChange('SD-999999', 'open') }), 404, 'not_found'],
      [
        'a state a help desk may not set',
        (ref) => ({ body: stateChange(ref, 'reopened') }),
        409,
        'request_state',
      ],
      ['malformed JSON', () => ({ body: '{"type": "request.commented",' }), 400, 'malformed_json'],
      [
        'an unknown type',
        (ref) => ({ body: { type: 'request.deleted', data: { reference: ref } } }),
        400,
        'invalid_request',
      ],
      [
        'a comment that is empty',
        (ref) => ({ body: { type: 'request.commented', data: { reference: ref, comment: ' ' } } }),
        400,
        'invalid_request',
      ],
    ];
    it.each(cases)('%s', async (_, make, status, code) => {
      const r = await report();
      const before = await r.snapshot();
      const { body, ...o } = make(r.reference);
      const res = await callback(body, o);
      expect(res.status).toBe(status);
      expect(await res.json()).toEqual({
        error: expect.objectContaining({ code, message: expect.any(String) }),
      });
      expect(await r.snapshot()).toEqual(before);
    });

    it('a replayed webhook-id carrying another message', async () => {
      const r = await report();
      const id = `msg_${newId()}`;
      expect((await callback(stateChange(r.reference, 'in_progress'), { id })).status).toBe(204);
      const before = await r.snapshot();
      const replay = await callback(stateChange(r.reference, 'closed', 'Closing it.'), { id });
      expect(replay.status).toBe(422);
      expect((await replay.json()).error.code).toBe('webhook_id_reused');
      expect(await r.snapshot()).toEqual(before);
    });

    it('a body without the signature headers', async () => {
      const r = await report();
      const res = await server.request('/api/helpdesk/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: JSON.stringify(stateChange(r.reference, 'open')),
      });
      expect(res.status).toBe(401);
      expect((await res.json()).error.code).toBe('invalid_signature');
    });
  });
});

describe.each(testDatabases())('without the webhook connector on $name', (database) => {
  it('has no callback endpoint', async () => {
    const server = await startRequestServer(database, {});
    try {
      const res = await server.request('/api/helpdesk/events', {
        method: 'POST',
        headers: { 'content-type': 'application/json' },
        body: '{}',
      });
      expect(res.status).toBe(404);
      expect((await res.json()).error.code).toBe('not_found');
    } finally {
      await server.stop();
    }
  });
});

describe.skip.each(skippedDatabases())('the help desk’s signed callback on %s', () => {
  it('runs on PostgreSQL', () => {});
});
