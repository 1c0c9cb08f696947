import { Webhook } from 'standardwebhooks';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { v2Component, v2Incident } from '../../shared/schemas/api-v2.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { type HookReceiver, startHookReceiver } from '../helpers/hook-receiver.ts';
import { type MailSink, startMailSink } from '../helpers/mail-sink.ts';
import { type NoticeServer, startNoticeServer } from '../helpers/notice-server.ts';
import { addVerifiedWebhook, createComponent, postForm, publishIncident } from '../helpers/subscribers.ts';

/** The body the widely used status-page product sends its webhook subscribers. */
const meta = z.object({ unsubscribe: z.url(), documentation: z.url() });
const page = z.object({ id: z.string(), status_indicator: z.string(), status_description: z.string() });
const incidentBody = z.strictObject({ meta, page, incident: v2Incident });
const componentBody = z.strictObject({
  meta,
  page,
  component_update: z.strictObject({
    created_at: z.iso.datetime(),
    new_status: z.string(),
    old_status: z.string(),
    id: z.string(),
    component_id: z.string(),
  }),
  component: v2Component,
});

describe.each(testDatabases())('webhook subscriptions on $name', (database) => {
  let sink: MailSink;
  let hooks: HookReceiver;
  let server: NoticeServer;
  let payments: string;

  beforeAll(async () => {
    sink = await startMailSink();
    hooks = await startHookReceiver();
    server = await startNoticeServer(database, { smtpUrl: sink.url });
    payments = await createComponent(server, { name: 'Payments' });
  });
  afterAll(async () => {
    await server.stop();
    await hooks.stop();
    await sink.stop();
  });

  const addHook = (path: string, body: Record<string, unknown> = {}) =>
    addVerifiedWebhook(server, hooks, path, body);
  /** The notices a path received, after its verification request. */
  const deliveredTo = (path: string) => hooks.deliveries.filter((d) => d.path === path && !d.verification);

  it('posts incidents in the status-page shape, signed so the Standard Webhooks verifier accepts them', async () => {
    const added = await addHook('/standard');
    expect(added.secret).toMatch(/^whsec_[A-Za-z0-9+/]+=*$/);
    const id = await publishIncident(server, {
      name: 'Payments degraded',
      message: 'Card payments fail.',
      components: { [payments]: 'partial_outage' },
    });
    await server.worker.drain();

    const [delivery] = deliveredTo('/standard');
    expect(delivery?.status).toBe(204);
    const body = incidentBody.parse(delivery?.verified);
    expect(body.incident).toMatchObject({
      id,
      name: 'Payments degraded',
      status: 'investigating',
      impact: 'minor',
    });
    expect(body.incident.incident_updates.map((u) => u.body)).toEqual(['Card payments fail.']);
    expect(body.incident.components.map((c) => c.name)).toEqual(['Payments']);
    expect(body.page).toMatchObject({
      status_indicator: 'major',
      status_description: 'Partial System Outage',
    });
    expect(delivery?.headers['webhook-id']).toMatch(/^msg_\w{12}_\w{12}$/);

    // The verification above is not vacuous: a changed body or another secret fails it.
    const verifier = new Webhook(added.secret);
    expect(() =>
      verifier.verify((delivery?.body ?? '').replace('fail', 'work'), delivery?.headers ?? {}),
    ).toThrow();
    expect(() =>
      new Webhook(`whsec_${Buffer.alloc(32, 7).toString('base64')}`).verify(
        delivery?.body ?? '',
        delivery?.headers ?? {},
      ),
    ).toThrow();

    // meta.unsubscribe is a working one-click address.
    expect((await postForm(server, body.meta.unsubscribe)).status).toBe(200);
    await server.admin('POST', `/incidents/${id}/resolve`, {});
    await server.worker.drain();
    expect(deliveredTo('/standard')).toHaveLength(1);
  });

  it('posts a component status change as component_update with the component', async () => {
    await addHook('/components');
    await server.admin('PATCH', `/components/${payments}`, { status: 'major_outage' });
    await server.worker.drain();
    const body = componentBody.parse(deliveredTo('/components')[0]?.verified);
    expect(body.component_update).toMatchObject({
      component_id: payments,
      old_status: 'operational',
      new_status: 'major_outage',
    });
    expect(body.component).toMatchObject({ id: payments, name: 'Payments', status: 'major_outage' });
  });

  it('posts Slack incoming-webhook text and blocks, escaping what Slack reads as markup', async () => {
    await addHook('/slack', { format: 'slack' });
    const id = await publishIncident(server, { name: 'Checkout <b> & co', message: 'Use 3 < 4 > 2.' });
    await server.worker.drain();
    const body = deliveredTo('/slack')[0]?.verified as {
      text: string;
      blocks: { type: string; text?: { type: string; text: string }; elements?: { text: string }[] }[];
    };
    expect(body.text).toBe(
      `[Investigating] Checkout &lt;b&gt; &amp; co — Acme Status\nUse 3 &lt; 4 &gt; 2.\nhttp://status.test/incidents/${id}?lang=en`,
    );
    expect(body.blocks[0]).toEqual({
      type: 'section',
      text: {
        type: 'mrkdwn',
        text: `*<http://status.test/incidents/${id}?lang=en|[Investigating] Checkout &lt;b&gt; &amp; co — Acme Status>*\nUse 3 &lt; 4 &gt; 2.`,
      },
    });
    expect(body.blocks[1]?.type).toBe('context');
    expect(body.blocks[1]?.elements?.at(-1)?.text).toMatch(
      /^<http:\/\/status\.test\/subscriptions\/unsubscribe\/\S+\|Unsubscribe>$/,
    );
  });

  it('retries a failing receiver with back-off, then delivers the same message once', async () => {
    await addHook('/flaky');
    hooks.state.answers.set('/flaky', [503]);
    const id = await publishIncident(server, { name: 'Flaky receiver' });
    const started = Date.now();
    await server.worker.drain();
    const drained = Date.now();
    const { db } = server.running.store;
    const job = () =>
      db
        .selectFrom('jobs')
        .selectAll()
        .where('kind', '=', 'notice')
        .where('ref_id', 'in', db.selectFrom('notices').select('id').where('incident_id', '=', id))
        .orderBy('created_at')
        .execute();
    const flaky = (await job()).filter((j) => j.last_error?.includes('/flaky'));
    expect(flaky).toHaveLength(1);
    expect(flaky[0]).toMatchObject({ state: 'pending', attempts: 1 });
    expect(flaky[0]?.last_error).toContain('answered 503');
    // The first retry waits 5 s, give or take the 20% jitter, from the failure within the drain.
    const runAt = Date.parse(flaky[0]?.run_at as string);
    expect(runAt).toBeGreaterThanOrEqual(started + 4_000);
    expect(runAt).toBeLessThanOrEqual(drained + 6_000);
    const status = await (await server.admin('GET', `/incidents/${id}/notices`)).json();
    expect(status.totals.pending).toBe(1);
    expect(status.notices[0].last_error).toContain('answered 503');

    // Time passes: the retry is due.
    await db
      .updateTable('jobs')
      .set({ run_at: new Date().toISOString() })
      .where('id', '=', flaky[0]?.id as string)
      .execute();
    await server.worker.drain();
    const attempts = deliveredTo('/flaky');
    expect(attempts.map((d) => d.status)).toEqual([503, 204]);
    expect(attempts[1]?.headers['webhook-id']).toBe(attempts[0]?.headers['webhook-id']);
    expect((await job()).find((j) => j.id === flaky[0]?.id)?.state).toBe('done');
  });

  it('gives up at once on a receiver that refuses the message, and shows it to admins', async () => {
    await addHook('/gone');
    hooks.state.answers.set('/gone', [410]);
    const id = await publishIncident(server, { name: 'Gone receiver' });
    await server.worker.drain();
    const status = await (await server.admin('GET', `/incidents/${id}/notices`)).json();
    expect(status.totals.failed).toBe(1);
    expect(status.notices[0].last_error).toMatch(/\/gone answered 410/);
    await server.worker.drain();
    expect(deliveredTo('/gone')).toHaveLength(1);
  });

  it('lets an admin add a webhook for a receiver', async () => {
    const res = await server.admin('POST', '/subscriptions', {
      webhook_url: `${hooks.url}/admin`,
      format: 'slack',
    });
    expect(res.status).toBe(201);
    const body = await res.json();
    expect(body.subscription).toMatchObject({ channel: 'slack', state: 'active' });
    expect(body.manage_url).toMatch(/^http:\/\/status\.test\/subscriptions\/manage\//);
    const anonymous = await server.request('/api/admin/subscriptions', { method: 'POST' });
    expect(anonymous.status).toBe(401);
  });
});

describe.skip.each(skippedDatabases())('webhook subscriptions on %s', () => {
  it('needs PostgreSQL', () => {});
});
