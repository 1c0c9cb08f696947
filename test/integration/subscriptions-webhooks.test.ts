import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { z } from 'zod';
import { apiError } from '../../shared/schemas/error.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { type HookReceiver, startHookReceiver } from '../helpers/hook-receiver.ts';
import { type MailSink, startMailSink } from '../helpers/mail-sink.ts';
import { type NoticeServer, startNoticeServer } from '../helpers/notice-server.ts';
import {
  addVerifiedWebhook,
  countRows,
  formAction,
  post,
  postForm,
  publishIncident,
  subscriptionState,
  verifyLink,
} from '../helpers/subscribers.ts';

/** The verification request as the README documents it. */
const verifyRequest = z.strictObject({
  type: z.literal('subscription.verify'),
  timestamp: z.iso.datetime(),
  data: z.strictObject({
    challenge: z.string().min(20),
    confirm_url: z.url(),
    expires_at: z.iso.datetime(),
    page: z.strictObject({ name: z.literal('Acme Status'), url: z.literal('http://status.test') }),
    documentation: z.literal('http://status.test/subscribe#webhooks'),
  }),
});

/**
 * Webhooks added through the public form or API must prove their receiver wants our notices, are
 * compared by the endpoint they name, and are limited per host. Every receiver is on 127.0.0.1.
 */
describe.each(testDatabases())('public webhook verification on $name', (database) => {
  let sink: MailSink;
  let hooks: HookReceiver;
  let server: NoticeServer;

  beforeAll(async () => {
    sink = await startMailSink();
    hooks = await startHookReceiver();
    server = await startNoticeServer(database, { smtpUrl: sink.url });
  });
  afterAll(async () => {
    await server.stop();
    await hooks.stop();
    await sink.stop();
  });

  const requestsTo = (path: string) => hooks.deliveries.filter((d) => d.path === path && d.verification);
  const noticesTo = (path: string) => hooks.deliveries.filter((d) => d.path === path && !d.verification);
  /** Subscribes a path of the hook receiver; answers the API's answer once checked to be pending. */
  async function subscribe(path: string, body: Record<string, unknown> = {}) {
    const res = await post(server, '/api/subscriptions', { webhook_url: `${hooks.url}${path}`, ...body });
    expect(res.status).toBe(202);
    const added = await res.json();
    expect(added.subscription.state).toBe('pending');
    hooks.state.secrets.set(path, added.secret);
    return added as {
      subscription: { id: string };
      secret: string;
      unsubscribe_url: string;
      message: string;
    };
  }
  /** What a refused request must leave as it was. */
  const stored = async () => {
    const { db } = server.running.store;
    return {
      subscriptions: await db.selectFrom('subscriptions').selectAll().orderBy('id').execute(),
      scopes: await countRows(db, 'subscription_scopes'),
      jobs: await countRows(db, 'jobs'),
    };
  };
  async function refused(res: Response, status: number, code: string, mentions: string) {
    expect(res.status).toBe(status);
    const body = apiError.parse(await res.json());
    expect(body.error.code).toBe(code);
    expect(body.error.message).toContain(mentions);
  }

  it('sends nothing but a signed verification request until the receiver echoes its challenge', async () => {
    const added = await subscribe('/echo');
    expect(added.message).toMatch(/subscription\.verify.*challenge/);
    // Published before the receiver answered: the pending webhook is left out of the notice.
    await publishIncident(server, { name: 'Before verification' });
    expect(await subscriptionState(server, added.subscription.id)).toBe('pending');
    await server.worker.drain();

    const [request] = requestsTo('/echo');
    const body = verifyRequest.parse(request?.verified);
    expect(request?.headers['webhook-id']).toMatch(/^msg_\w{12}$/);
    expect(new Date(body.data.expires_at).getTime()).toBeGreaterThan(Date.now() + 23 * 3_600_000);
    expect(request?.status).toBe(200);
    expect(await subscriptionState(server, added.subscription.id)).toBe('active');
    expect(noticesTo('/echo')).toEqual([]);
    // Verified: the link has done its work and opens nothing any more.
    expect((await server.request(body.data.confirm_url, { method: 'POST' })).status).toBe(410);

    await publishIncident(server, { name: 'After verification' });
    await server.worker.drain();
    expect(
      noticesTo('/echo').map((d) => (d.verified as { incident: { name: string } }).incident.name),
    ).toEqual(['After verification']);
  });

  it('takes the challenge as JSON too, and retries a receiver that is briefly down', async () => {
    hooks.state.verify.set('/json', 'json');
    hooks.state.answers.set('/json', [503]);
    const added = await subscribe('/json');
    await server.worker.drain();
    expect(await subscriptionState(server, added.subscription.id)).toBe('pending');
    const { db } = server.running.store;
    const job = await db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'subscription.verify')
      .where('ref_id', '=', added.subscription.id)
      .executeTakeFirstOrThrow();
    expect(job).toMatchObject({ state: 'pending', attempts: 1 });
    expect(job.last_error).toContain('answered 503');

    // Time passes: the retry is due, and posts the very same request.
    await db.updateTable('jobs').set({ run_at: new Date().toISOString() }).where('id', '=', job.id).execute();
    await server.worker.drain();
    const [first, second] = requestsTo('/json');
    expect(second?.body).toBe(first?.body);
    expect(second?.headers['webhook-id']).toBe(first?.headers['webhook-id']);
    expect(await subscriptionState(server, added.subscription.id)).toBe('active');
  });

  it('keeps a receiver that does not answer the challenge pending, until its link is followed', async () => {
    hooks.state.verify.set('/quiet', 'ignore');
    const added = await subscribe('/quiet');
    await server.worker.drain();
    expect(requestsTo('/quiet').map((d) => d.status)).toEqual([204]);
    expect(await subscriptionState(server, added.subscription.id)).toBe('pending');
    const job = await server.running.store.db
      .selectFrom('jobs')
      .select(['state', 'result'])
      .where('ref_id', '=', added.subscription.id)
      .executeTakeFirstOrThrow();
    expect(job).toEqual({
      state: 'done',
      result: JSON.stringify({ verified: false, waiting_for: 'confirm_url' }),
    });

    await publishIncident(server, { name: 'While pending' });
    await server.worker.drain();
    expect(noticesTo('/quiet')).toEqual([]);

    // The owner reads the request and follows its link: opening it changes nothing, its button confirms.
    const link = verifyLink(requestsTo('/quiet')[0]?.body);
    // It opens the page in the subscriber's language: the page's default here.
    expect(link).toMatch(/\?lang=en$/);
    const page = await server.request(link);
    expect(page.status).toBe(200);
    expect(await page.text()).toContain(`${hooks.url}/quiet`);
    expect(await subscriptionState(server, added.subscription.id)).toBe('pending');
    expect(
      (await server.request(formAction(await (await server.request(link)).text()), { method: 'POST' }))
        .status,
    ).toBe(200);
    expect(await subscriptionState(server, added.subscription.id)).toBe('active');
    await publishIncident(server, { name: 'Once confirmed' });
    await server.worker.drain();
    expect(noticesTo('/quiet')).toHaveLength(1);
  });

  it('does not take a receiver that sends the request back for one that answered it', async () => {
    hooks.state.verify.set('/mirror', 'reflect');
    const added = await subscribe('/mirror');
    await server.worker.drain();
    const [request] = requestsTo('/mirror');
    expect(request?.status).toBe(200);
    expect(request?.body).toContain(verifyRequest.parse(request?.verified).data.challenge);
    expect(await subscriptionState(server, added.subscription.id)).toBe('pending');
  });

  it('posts a Slack-format receiver a message with the link, for a person in the channel to follow', async () => {
    const added = await subscribe('/chat', { format: 'slack' });
    expect(added.message).toMatch(/confirmation link/);
    await server.worker.drain();
    const [request] = requestsTo('/chat');
    const message = request?.verified as { text: string; blocks: { text: { text: string } }[] };
    expect(message.text).toContain('Someone, hopefully you, asked for status updates from Acme Status');
    expect(message.blocks[0]?.text.text).toMatch(
      /<http:\/\/status\.test\/subscriptions\/confirm\/\S+\|Confirm subscription>$/,
    );
    expect(JSON.stringify(message)).not.toContain('challenge');
    expect(await subscriptionState(server, added.subscription.id)).toBe('pending');
    await addVerifiedWebhook(server, hooks, '/chat-confirmed', { format: 'slack' });
  });

  it('expires an unverified webhook: it is never activated, and its URL can be subscribed again', async () => {
    const { db } = server.running.store;
    const added = await subscribe('/late');
    // The receiver would echo, but the day has passed before the request goes out.
    await db
      .updateTable('subscriptions')
      .set({ confirm_expires_at: new Date(Date.now() - 1_000).toISOString() })
      .where('id', '=', added.subscription.id)
      .execute();
    await server.worker.drain();
    expect(requestsTo('/late')).toEqual([]);
    expect(await subscriptionState(server, added.subscription.id)).toBe('pending');

    const again = await subscribe('/late');
    expect(await subscriptionState(server, added.subscription.id)).toBeUndefined();
    await server.worker.drain();
    expect(await subscriptionState(server, again.subscription.id)).toBe('active');
  });

  it('does not let a link be followed after its webhook expired', async () => {
    hooks.state.verify.set('/expired-link', 'ignore');
    const added = await subscribe('/expired-link');
    await server.worker.drain();
    await server.running.store.db
      .updateTable('subscriptions')
      .set({ confirm_expires_at: new Date(Date.now() - 1_000).toISOString() })
      .where('id', '=', added.subscription.id)
      .execute();
    const res = await server.request(verifyLink(requestsTo('/expired-link')[0]?.body), { method: 'POST' });
    expect(res.status).toBe(410);
    expect(await subscriptionState(server, added.subscription.id)).toBe('pending');
  });

  it('refuses a second subscription to the same endpoint, however its URL is spelled', async () => {
    hooks.state.verify.set('/dup?a=1', 'ignore');
    const first = await subscribe('/dup?a=1');
    const before = await stored();
    const port = new URL(hooks.url).port;
    for (const url of [
      `${hooks.url}/dup?a=2`,
      `${hooks.url}/dup`,
      `HTTP://127.0.0.1:${port}/dup/`,
      `http://127.0.0.1:${port}/x/../dup#top`,
    ]) {
      await refused(
        await post(server, '/api/subscriptions', { webhook_url: url }),
        409,
        'verification_pending',
        'waiting',
      );
    }
    await refused(
      await post(server, '/api/subscriptions', { webhook_url: `${hooks.url}/dup?a=1`, format: 'slack' }),
      409,
      'verification_pending',
      'waiting',
    );
    expect(await stored()).toEqual(before);

    await server.worker.drain();
    const link = verifyLink(requestsTo('/dup?a=1')[0]?.body);
    expect((await server.request(link, { method: 'POST' })).status).toBe(200);
    await refused(
      await post(server, '/api/subscriptions', { webhook_url: `${hooks.url}/dup?b=3` }),
      409,
      'already_subscribed',
      'already subscribed',
    );

    // Unsubscribed, the endpoint is free again.
    expect((await postForm(server, first.unsubscribe_url)).status).toBe(200);
    await subscribe('/dup?a=2');
  });

  it('refuses a webhook from the HTML form the same way, and explains the verification', async () => {
    const res = await postForm(server, '/subscribe', [
      ['channel', 'webhook'],
      ['webhook_url', `${hooks.url}/form`],
      ['format', 'standard'],
    ]);
    expect(res.status).toBe(202);
    const page = await res.text();
    expect(page).toContain('Webhook added');
    expect(page).toContain('A signed verification request (subscription.verify) is on its way to');
    expect(page).not.toContain('Notices will be posted to');
    expect(page).toMatch(/<code>whsec_[A-Za-z0-9+/]+=*<\/code>/);
    const again = await postForm(server, '/subscribe', [
      ['channel', 'webhook'],
      ['webhook_url', `${hooks.url}/form?again=1`],
    ]);
    expect(again.status).toBe(409);
    expect(await again.text()).toContain('waiting for its receiver');
  });

  it('lets an admin add a webhook without verification, even to an endpoint already subscribed', async () => {
    await addVerifiedWebhook(server, hooks, '/team');
    const res = await server.admin('POST', '/subscriptions', { webhook_url: `${hooks.url}/team?admin=1` });
    expect(res.status).toBe(201);
    const added = await res.json();
    expect(added.subscription.state).toBe('active');
    expect(added).not.toHaveProperty('verification');
    hooks.state.secrets.set('/team?admin=1', added.secret);
    await publishIncident(server, { name: 'For the team' });
    await server.worker.drain();
    expect(requestsTo('/team?admin=1')).toEqual([]);
    expect(noticesTo('/team?admin=1')).toHaveLength(1);
  });
});

describe.each(testDatabases())('webhooks per host on $name', (database) => {
  let sink: MailSink;
  /** Allows all of 127/8, so 127.0.0.2 and 127.0.0.3 are hosts of their own; its worker never runs. */
  let server: NoticeServer;

  beforeAll(async () => {
    sink = await startMailSink();
    server = await startNoticeServer(database, {
      smtpUrl: sink.url,
      env: { SNAPDESK_WEBHOOK_ALLOW_PRIVATE: '127.0.0.0/8', SNAPDESK_WEBHOOKS_PER_HOST: '2' },
    });
  });
  afterAll(async () => {
    await server.stop();
    await sink.stop();
  });

  const add = (url: string) => post(server, '/api/subscriptions', { webhook_url: url });

  it('accepts at most the configured number of public webhooks for one host, pending ones included', async () => {
    expect((await add('http://127.0.0.2:9/a')).status).toBe(202);
    expect((await add('http://127.0.0.2:10/b')).status).toBe(202);
    const jobs = await countRows(server.running.store.db, 'jobs');
    const res = await add('http://127.0.0.2./c');
    expect(res.status).toBe(409);
    const body = apiError.parse(await res.json());
    expect(body.error).toMatchObject({ code: 'too_many_for_host' });
    expect(body.error.message).toContain('2 webhook subscriptions already post to 127.0.0.2');
    expect(await countRows(server.running.store.db, 'jobs')).toBe(jobs);

    // Another host has its own count; an admin's webhooks are not counted.
    expect((await add('http://127.0.0.4/a')).status).toBe(202);
    expect(
      (await server.admin('POST', '/subscriptions', { webhook_url: 'http://127.0.0.2/admin' })).status,
    ).toBe(201);

    // One whose verification ran out no longer counts.
    await server.running.store.db
      .updateTable('subscriptions')
      .set({ confirm_expires_at: new Date(Date.now() - 1_000).toISOString() })
      .where('address', '=', 'http://127.0.0.2:9/a')
      .execute();
    expect((await add('http://127.0.0.2/c')).status).toBe(202);
  });

  it('holds the limit when many requests for one host arrive at once', async () => {
    const answers = await Promise.all(Array.from({ length: 8 }, (_, i) => add(`http://127.0.0.3/hook${i}`)));
    const statuses = answers.map((r) => r.status).sort();
    expect(statuses).toEqual([202, 202, 409, 409, 409, 409, 409, 409]);
    const stored = await server.running.store.db
      .selectFrom('subscriptions')
      .select('id')
      .where('target_host', '=', '127.0.0.3')
      .execute();
    expect(stored).toHaveLength(2);
  });

  it('stores one subscription when the same endpoint is asked for many times at once', async () => {
    const answers = await Promise.all(
      Array.from({ length: 6 }, (_, i) => add(`http://127.0.0.5/same?n=${i}`)),
    );
    expect(answers.map((r) => r.status).sort()).toEqual([202, 409, 409, 409, 409, 409]);
  });
});

describe.skip.each(skippedDatabases())('public webhook verification on %s', () => {
  it('needs PostgreSQL', () => {});
});
