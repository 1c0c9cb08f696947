import * as dns from 'node:dns';
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { type MailSink, startMailSink } from '../helpers/mail-sink.ts';
import { type NoticeServer, startNoticeServer } from '../helpers/notice-server.ts';
import { countRows, post, publishIncident } from '../helpers/subscribers.ts';

/**
 * hooks.slack.com is answered here with 127.0.0.1, so no DNS server is asked about a public name;
 * every other name resolves as usual. Nothing is sent: this file's worker never runs.
 */
const answered = vi.hoisted(() => [] as string[]);
vi.mock('node:dns', async (importOriginal) => {
  const real = await importOriginal<typeof import('node:dns')>();
  const lookup = (hostname: string, options: dns.LookupAllOptions) => {
    if (hostname !== 'hooks.slack.com') return real.promises.lookup(hostname, options);
    answered.push(hostname);
    return Promise.resolve([{ address: '127.0.0.1', family: 4 }]);
  };
  const promises = { ...real.promises, lookup };
  return { ...real, promises, default: { ...real, promises }, slackAnsweredHere: true };
});

const slackUrl = (n: number) =>
  `https://hooks.slack.com/services/T0ACME${n}/B0STATUS${n}/abcdefghijklmnopqrstuvw${n}`;

describe.each(testDatabases())('Slack incoming webhooks on $name', (database) => {
  let sink: MailSink;
  let server: NoticeServer;

  beforeAll(async () => {
    // Stops here, before any request, should the stand-in above not be in place.
    expect((dns as unknown as { slackAnsweredHere?: boolean }).slackAnsweredHere).toBe(true);
    sink = await startMailSink();
    server = await startNoticeServer(database, {
      smtpUrl: sink.url,
      env: { SNAPDESK_WEBHOOKS_PER_HOST: '2' },
    });
  });
  afterAll(async () => {
    await server.stop();
    await sink.stop();
  });

  it('accepts a Slack incoming-webhook URL by its shape: active at once, with no verification request', async () => {
    const res = await post(server, '/api/subscriptions', { webhook_url: slackUrl(1), format: 'slack' });
    expect(res.status).toBe(201);
    const added = await res.json();
    expect(added.subscription).toMatchObject({ channel: 'slack', state: 'active' });
    expect(added).not.toHaveProperty('verification');
    // The server's check asked the stand-in, not DNS.
    expect(answered).toContain('hooks.slack.com');
    const { db } = server.running.store;
    expect(
      await db.selectFrom('jobs').select('id').where('ref_id', '=', added.subscription.id).execute(),
    ).toEqual([]);

    // The next notice is queued for it (and would be sent, were this server's worker running).
    await publishIncident(server, { name: 'Slack hears of it' });
    const queued = await db
      .selectFrom('jobs')
      .select('payload')
      .where('kind', '=', 'notice')
      .where('payload', 'like', `%${added.subscription.id}%`)
      .execute();
    expect(queued).toHaveLength(1);
    await db.deleteFrom('jobs').where('kind', '=', 'notice').execute();
  });

  it('does not count Slack webhooks against the per-host limit, but still refuses the same one twice', async () => {
    for (const n of [2, 3, 4]) {
      expect(
        (await post(server, '/api/subscriptions', { webhook_url: slackUrl(n), format: 'slack' })).status,
      ).toBe(201);
    }
    const jobs = await countRows(server.running.store.db, 'jobs');
    const again = await post(server, '/api/subscriptions', {
      webhook_url: `${slackUrl(2)}?x=1`,
      format: 'slack',
    });
    expect(again.status).toBe(409);
    expect((await again.json()).error.code).toBe('already_subscribed');
    expect(await countRows(server.running.store.db, 'jobs')).toBe(jobs);
  });

  it('asks for verification when the URL only looks like Slack', async () => {
    const res = await post(server, '/api/subscriptions', {
      webhook_url: `${slackUrl(5).replace('/services/', '/services/x/')}`,
      format: 'slack',
    });
    expect(res.status).toBe(202);
    expect((await res.json()).subscription.state).toBe('pending');
  });
});

describe.skip.each(skippedDatabases())('Slack incoming webhooks on %s', () => {
  it('needs PostgreSQL', () => {});
});
