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
  rawHeader,
  subscribeEmail,
} from '../helpers/subscribers.ts';

describe.each(testDatabases())('e-mail subscriptions on $name', (database) => {
  let sink: MailSink;
  let server: NoticeServer;
  let payments: string;
  let api: string;

  beforeAll(async () => {
    sink = await startMailSink();
    server = await startNoticeServer(database, {
      smtpUrl: sink.url,
      env: { SNAPDESK_SUBSCRIBE_MAILS_PER_HOUR: '3' },
    });
    payments = await createComponent(server, { name: 'Payments' });
    api = await createComponent(server, { name: 'API' });
  });
  afterAll(async () => {
    await server.stop();
    await sink.stop();
  });

  const subscription = (address: string) =>
    server.running.store.db
      .selectFrom('subscriptions')
      .selectAll()
      .where('address', '=', address)
      .executeTakeFirst();

  it('confirms by the mailed link, delivers a notice with working links, and leaves with one click', async () => {
    const res = await post(server, '/api/subscriptions', { email: 'Ada@Example.com' });
    expect(res.status).toBe(202);
    expect((await res.json()).subscription).toEqual({
      channel: 'email',
      address: 'ada@example.com',
      state: 'pending',
      locale: 'en',
    });
    await server.worker.drain();
    const [confirmation] = sink.to('ada@example.com');
    expect(confirmation?.subject).toBe('Confirm your subscription to Acme Status');
    expect(confirmation?.html).toContain('/subscriptions/confirm/');

    // Nothing but that one mail reaches an address that has not confirmed.
    await publishIncident(server, {
      name: 'Early trouble',
      components: { [payments]: 'degraded_performance' },
    });
    await server.worker.drain();
    expect(sink.to('ada@example.com')).toHaveLength(1);

    // Opening the link changes nothing (mail scanners open links too); its button confirms.
    const page = await server.request(linkIn(confirmation?.text, '/subscriptions/confirm/'));
    expect(page.status).toBe(200);
    expect((await subscription('ada@example.com'))?.state).toBe('pending');
    const confirmed = await server.request(formAction(await page.text()), { method: 'POST' });
    expect(confirmed.status).toBe(200);
    expect(await confirmed.text()).toContain('Subscription confirmed');
    expect((await subscription('ada@example.com'))?.state).toBe('active');

    const incident = await publishIncident(server, {
      name: 'Payments degraded',
      message: 'Card payments **fail** for some customers.',
      components: { [payments]: 'partial_outage' },
    });
    await server.worker.drain();
    const notice = sink.to('ada@example.com')[1];
    expect(notice?.subject).toBe('[Investigating] Payments degraded — Acme Status');
    expect(notice?.text).toContain('Card payments **fail** for some customers.');
    expect(notice?.text).toContain('Affected components: Payments (Partial outage)');
    expect(notice?.html).toContain('<strong>fail</strong>');
    expect(notice?.from?.value).toEqual([{ name: 'Acme Status', address: 'status@acme.test' }]);
    expect(notice?.messageId).toMatch(/^<\w{12}\.\w{12}@status\.test>$/);
    const view = await server.request(linkIn(notice?.text, '/incidents/'));
    expect(view.status).toBe(200);
    // It opens the page in the mail's language.
    expect(linkIn(notice?.text, '/incidents/')).toBe(`http://status.test/incidents/${incident}?lang=en`);
    expect(await view.text()).toContain('Payments degraded');

    // RFC 8058: the header's address takes a POST with no cookie or login.
    expect(rawHeader(notice, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    const unsubscribe = /^<(https?:\/\/[^>]+)>$/.exec(rawHeader(notice, 'List-Unsubscribe') ?? '')?.[1];
    expect(unsubscribe).toBe(linkIn(notice?.text, '/subscriptions/unsubscribe/'));
    const left = await postForm(server, unsubscribe as string, [['List-Unsubscribe', 'One-Click']]);
    expect(left.status).toBe(200);
    expect(await subscription('ada@example.com')).toBeUndefined();

    await server.admin('POST', `/incidents/${incident}/updates`, {
      status: 'identified',
      message: 'Found it.',
    });
    await server.worker.drain();
    expect(sink.to('ada@example.com')).toHaveLength(2);
    expect((await postForm(server, unsubscribe as string)).status).toBe(410);
  });

  it('subscribes through the plain HTML form, limited to ticked components', async () => {
    const form = await server.request('/subscribe');
    expect(form.status).toBe(200);
    const page = await form.text();
    expect(page).toContain('<form method="post" action="/subscribe">');
    expect(page).toContain(`name="component" value="${payments}"`);
    expect(form.headers.get('content-security-policy')).toContain("form-action 'self'");

    const res = await postForm(server, '/subscribe', [
      ['channel', 'email'],
      ['email', 'grace@example.com'],
      ['scope', 'some'],
      ['component', api],
    ]);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain('Check your inbox');
    const row = await subscription('grace@example.com');
    expect(row).toMatchObject({ state: 'pending', all_components: 0, maintenance: 0 });
    const scopes = await server.running.store.db
      .selectFrom('subscription_scopes')
      .select('target_id')
      .where('subscription_id', '=', row?.id as string)
      .execute();
    expect(scopes).toEqual([{ target_id: api }]);
  });

  it('lets the manage page narrow a subscription, and the next notice follows it', async () => {
    await subscribeEmail(server, sink, 'linus@example.com');
    await publishIncident(server, { name: 'API slow', components: { [api]: 'degraded_performance' } });
    await server.worker.drain();
    const first = sink.to('linus@example.com').at(-1);
    expect(first?.subject).toBe('[Investigating] API slow — Acme Status');

    const manage = linkIn(first?.text, '/subscriptions/manage/');
    const page = await server.request(manage);
    expect(page.status).toBe(200);
    expect(page.headers.get('cache-control')).toBe('no-store');
    expect(page.headers.get('referrer-policy')).toBe('no-referrer');
    const saved = await postForm(server, formAction(await page.text()), [
      ['scope', 'some'],
      ['component', payments],
      ['maintenance', '1'],
    ]);
    expect(saved.status).toBe(200);
    expect(await saved.text()).toContain('Your changes are saved.');

    const before = sink.to('linus@example.com').length;
    await publishIncident(server, { name: 'API down', components: { [api]: 'major_outage' } });
    await publishIncident(server, { name: 'Payments down', components: { [payments]: 'major_outage' } });
    await server.worker.drain();
    expect(
      sink
        .to('linus@example.com')
        .slice(before)
        .map((m) => m.subject),
    ).toEqual(['[Investigating] Payments down — Acme Status']);
  });

  it('answers a confirmed address with a reminder, keeps its choices, and stops mailing after the hourly limit', async () => {
    await subscribeEmail(server, sink, 'joan@example.com', { components: [payments] });
    const mails = () => sink.to('joan@example.com').length;
    const before = mails();
    const again = await post(server, '/api/subscriptions', { email: 'joan@example.com' });
    expect(again.status).toBe(202);
    await server.worker.drain();
    expect(sink.to('joan@example.com').at(-1)?.subject).toBe('Your subscription to Acme Status');
    expect(mails()).toBe(before + 1);
    expect((await subscription('joan@example.com'))?.all_components).toBe(0);

    // Three mails this hour (the confirmation, the reminder, one more); the fourth request is refused.
    expect((await post(server, '/api/subscriptions', { email: 'joan@example.com' })).status).toBe(202);
    const jobs = await countRows(server.running.store.db, 'jobs');
    const refused = await post(server, '/api/subscriptions', { email: 'joan@example.com' });
    expect(refused.status).toBe(429);
    expect((await refused.json()).error.message).toMatch(
      /3 mails were already sent to joan@example\.com.*try again in \d+ min/,
    );
    expect(await countRows(server.running.store.db, 'jobs')).toBe(jobs);
  });
});

describe.skip.each(skippedDatabases())('e-mail subscriptions on %s', () => {
  it('needs PostgreSQL', () => {});
});
