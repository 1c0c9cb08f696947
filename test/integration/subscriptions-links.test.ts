import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { type MailSink, startMailSink } from '../helpers/mail-sink.ts';
import { type NoticeServer, startNoticeServer } from '../helpers/notice-server.ts';
import {
  countRows,
  createComponent,
  formAction,
  linkIn,
  post,
  postForm,
  publishIncident,
  subscribeEmail,
} from '../helpers/subscribers.ts';

const unknownId = 'zzzzzzzzzzzz';
/** A link's token as its subscription id and signature. */
/** A link's token (the last step of its path; mail links also carry `?lang=`), as id and signature. */
const tokenParts = (link: string) =>
  (new URL(link).pathname.split('/').at(-1) ?? '').split('.') as [string, string];

describe.each(testDatabases())('subscription links on $name', (database) => {
  let sink: MailSink;
  let server: NoticeServer;
  let payments: string;

  beforeAll(async () => {
    sink = await startMailSink();
    server = await startNoticeServer(database, { smtpUrl: sink.url });
    payments = await createComponent(server, { name: 'Payments' });
  });
  afterAll(async () => {
    await server.stop();
    await sink.stop();
  });

  /** What a refused link must leave as it was. */
  const stored = async () => {
    const { db } = server.running.store;
    return {
      subscriptions: await db.selectFrom('subscriptions').selectAll().orderBy('id').execute(),
      scopes: await countRows(db, 'subscription_scopes'),
      jobs: await countRows(db, 'jobs'),
    };
  };

  it('refuses tampered, borrowed, replayed and expired confirmation links', async () => {
    await post(server, '/api/subscriptions', { email: 'one@example.com' });
    await post(server, '/api/subscriptions', { email: 'two@example.com' });
    await server.worker.drain();
    const one = linkIn(sink.to('one@example.com')[0]?.text, '/subscriptions/confirm/');
    const two = linkIn(sink.to('two@example.com')[0]?.text, '/subscriptions/confirm/');
    const [oneId, oneSig] = tokenParts(one);
    const [twoId] = tokenParts(two);
    const flipped = `${oneSig.slice(0, -1)}${oneSig.endsWith('A') ? 'B' : 'A'}`;

    const before = await stored();
    for (const token of [`${oneId}.${flipped}`, `${twoId}.${oneSig}`, 'abc', `${oneId}.${oneSig}x`]) {
      expect((await server.request(`/subscriptions/confirm/${token}`)).status).toBe(404);
      expect((await server.request(`/subscriptions/confirm/${token}`, { method: 'POST' })).status).toBe(404);
    }
    expect(await stored()).toEqual(before);

    expect((await server.request(one, { method: 'POST' })).status).toBe(200);
    const used = await server.request(one, { method: 'POST' });
    expect(used.status).toBe(410);
    expect(await used.text()).toContain('already used');

    await server.running.store.db
      .updateTable('subscriptions')
      .set({ confirm_expires_at: new Date(Date.now() - 1000).toISOString() })
      .where('id', '=', twoId)
      .execute();
    const expired = await server.request(two, { method: 'POST' });
    expect(expired.status).toBe(410);
    expect(await expired.text()).toContain('expired');
    expect(
      (
        await server.running.store.db
          .selectFrom('subscriptions')
          .select('state')
          .where('id', '=', twoId)
          .executeTakeFirst()
      )?.state,
    ).toBe('pending');
  });

  it('refuses tampered and borrowed manage links, and bad choices on the manage page', async () => {
    await subscribeEmail(server, sink, 'three@example.com');
    await subscribeEmail(server, sink, 'four@example.com');
    await publishIncident(server, { name: 'For the links' });
    await server.worker.drain();
    const three = linkIn(sink.to('three@example.com').at(-1)?.text, '/subscriptions/manage/');
    const four = linkIn(sink.to('four@example.com').at(-1)?.text, '/subscriptions/manage/');
    const [threeId, threeSig] = tokenParts(three);
    const [fourId] = tokenParts(four);

    const before = await stored();
    for (const token of [`${threeId}.${threeSig.toUpperCase()}`, `${fourId}.${threeSig}`]) {
      expect((await server.request(`/subscriptions/manage/${token}`)).status).toBe(404);
      expect((await postForm(server, `/subscriptions/unsubscribe/${token}`)).status).toBe(404);
      expect(
        (
          await postForm(server, `/subscriptions/manage/${token}`, [
            ['scope', 'some'],
            ['component', payments],
          ])
        ).status,
      ).toBe(404);
    }
    const action = formAction(await (await server.request(three)).text());
    const bad = await postForm(server, action, [
      ['scope', 'some'],
      ['component', unknownId],
    ]);
    expect(bad.status).toBe(400);
    expect(await bad.text()).toContain(`no component with id ${unknownId}`);
    expect(await stored()).toEqual(before);
  });
});

describe.skip.each(skippedDatabases())('subscription links on %s', () => {
  it('needs PostgreSQL', () => {});
});
