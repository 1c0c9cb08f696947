import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../status-server/platform/db.ts';
import { retryNow } from '../../status-server/platform/jobs/queue.ts';
import { forwardingStatus } from '../../status-server/reports/forwarding.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { type HookReceiver, startHookReceiver } from '../helpers/hook-receiver.ts';
import { type MailSink, startMailSink } from '../helpers/mail-sink.ts';
import { forwardAll } from '../helpers/receivers.ts';
import { startRedmineReceiver } from '../helpers/redmine.ts';
import { insertReport, openTestStore } from '../helpers/reports.ts';

const _publicUrl = 'https://status.example.com';
const apiKey = 'redmine-key';
const secret = `whsec_${Buffer.alloc(32, 3).toString('base64')}`;

describe.each(testDatabases())('forwarding to several help desks on $name', (database) => {
  let store: Store & { close(): Promise<void> };
  let smtp: MailSink;
  let redmine: Awaited<ReturnType<typeof startRedmineReceiver>>;
  let hook: HookReceiver;
  beforeAll(async () => {
    store = await openTestStore(database);
  });
  beforeEach(async () => {
    [smtp, redmine, hook] = await Promise.all([
      startMailSink(),
      startRedmineReceiver(apiKey),
      startHookReceiver({ secret }),
    ]);
  });
  afterEach(() => Promise.all([smtp.stop(), redmine.stop(), hook.stop()]));
  afterAll(() => store.close());

  const forward = (env: Record<string, string> = {}) =>
    forwardAll(store, {
      SNAPDESK_SMTP_URL: smtp.url,
      SNAPDESK_FORWARD_EMAIL_TO: 'help@desk.example',
      SNAPDESK_REDMINE_URL: redmine.url,
      SNAPDESK_REDMINE_API_KEY: apiKey,
      SNAPDESK_REDMINE_PROJECT: 'support',
      SNAPDESK_FORWARD_WEBHOOK_URL: hook.url,
      SNAPDESK_FORWARD_WEBHOOK_SECRET: secret,
      ...env,
    });
  const reportRow = (id: string) =>
    store.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();
  const all = ['email', 'redmine', 'webhook'] as const;

  it("reaches every help desk and takes Redmine's issue number as the external reference", async () => {
    const sent = await insertReport(store, { connectors: [...all] });
    await forward();

    expect([smtp.messages.length, redmine.issues.length, hook.deliveries.length]).toEqual([1, 1, 1]);
    const row = await reportRow(sent.id);
    expect(row).toMatchObject({ state: 'forwarded', external_ref: `redmine#${redmine.issues[0]?.id}` });
    // The help desk has it: the request is open, and its history says so once.
    expect(row.request_state).toBe('open');
    const events = await store.db
      .selectFrom('report_events')
      .select(['from_state', 'to_state', 'source'])
      .where('report_id', '=', sent.id)
      .execute();
    expect(events).toEqual([{ from_state: 'received', to_state: 'open', source: 'system' }]);
    const status = await forwardingStatus(store.db, sent.id);
    expect(status.map((s) => [s.connector, s.state, s.attempts]).sort()).toEqual([
      ['email', 'done', 1],
      ['redmine', 'done', 1],
      ['webhook', 'done', 1],
    ]);
  });

  it('keeps the report retrying while one help desk is down, without resending to the others', async () => {
    redmine.outage.push(503);
    const sent = await insertReport(store, { connectors: [...all], images: 1 });
    await forward();

    expect([smtp.messages.length, redmine.issues.length, hook.deliveries.length]).toEqual([1, 0, 1]);
    // Not every help desk has it yet: the request stays received.
    expect(await reportRow(sent.id)).toMatchObject({
      state: 'retrying',
      external_ref: null,
      request_state: 'received',
    });
    const waiting = (await forwardingStatus(store.db, sent.id)).find((s) => s.connector === 'redmine');
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1 });
    expect(waiting?.last_error).toMatch(/Redmine answered 503/);

    await retryNow(store.db, sent.jobIds);
    await forward();

    expect([smtp.messages.length, redmine.issues.length, hook.deliveries.length]).toEqual([1, 1, 1]);
    expect(await reportRow(sent.id)).toMatchObject({
      state: 'forwarded',
      external_ref: `redmine#${redmine.issues[0]?.id}`,
    });
  });

  it('marks the report failed when one help desk refuses it for good', async () => {
    hook.answers.push(410);
    const sent = await insertReport(store, { connectors: [...all] });
    await forward();

    expect([smtp.messages.length, redmine.issues.length]).toEqual([1, 1]);
    expect((await reportRow(sent.id)).state).toBe('failed');
    const failed = (await forwardingStatus(store.db, sent.id)).find((s) => s.state === 'failed');
    expect(failed).toMatchObject({ connector: 'webhook', attempts: 1 });
  });

  it('fails a job whose connector is no longer configured, saying so', async () => {
    const sent = await insertReport(store, { connectors: ['webhook'] });
    await forward({ SNAPDESK_FORWARD_WEBHOOK_URL: '', SNAPDESK_FORWARD_WEBHOOK_SECRET: '' });

    expect(hook.deliveries).toHaveLength(0);
    const [failed] = await forwardingStatus(store.db, sent.id);
    expect(failed).toMatchObject({
      connector: 'webhook',
      state: 'failed',
      last_error: 'the webhook connector is not configured on this server',
    });
    expect((await reportRow(sent.id)).state).toBe('failed');
  });

  it('forwards many reports side by side, each to every help desk once', async () => {
    const sent = await Promise.all(
      Array.from({ length: 12 }, () => insertReport(store, { connectors: [...all], images: 1 })),
    );
    await forward();

    expect([smtp.messages.length, redmine.issues.length, hook.deliveries.length]).toEqual([12, 12, 12]);
    const rows = await store.db
      .selectFrom('reports')
      .select(['state', 'external_ref'])
      .where(
        'id',
        'in',
        sent.map((s) => s.id),
      )
      .execute();
    expect(rows.map((r) => r.state)).toEqual(Array(12).fill('forwarded'));
    expect(new Set(rows.map((r) => r.external_ref)).size).toBe(12);
  });
});

describe.skip.each(skippedDatabases())('forwarding to several help desks on %s', () => {
  it('needs PostgreSQL', () => {});
});
