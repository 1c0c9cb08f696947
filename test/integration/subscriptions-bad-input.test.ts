import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiError } from '../../shared/schemas/error.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { type MailSink, startMailSink } from '../helpers/mail-sink.ts';
import { type NoticeServer, startNoticeServer } from '../helpers/notice-server.ts';
import { countRows, createComponent, post, postForm } from '../helpers/subscribers.ts';

const unknownId = 'zzzzzzzzzzzz';

describe.each(testDatabases())('bad subscription input on $name', (database) => {
  let sink: MailSink;
  let server: NoticeServer;
  /** Refuses private webhook targets and allows 2 subscribe requests a minute per client. */
  let strict: NoticeServer;
  let payments: string;
  let clientNo = 0;

  beforeAll(async () => {
    sink = await startMailSink();
    server = await startNoticeServer(database, { smtpUrl: sink.url });
    strict = await startNoticeServer(database, {
      smtpUrl: sink.url,
      env: {
        SNAPDESK_WEBHOOK_ALLOW_PRIVATE: '',
        SNAPDESK_SUBSCRIBE_PER_MINUTE: '2',
        SNAPDESK_TRUST_PROXY: 'true',
      },
    });
    payments = await createComponent(server, { name: 'Payments' });
  });
  afterAll(async () => {
    await server.stop();
    await strict.stop();
    await sink.stop();
  });

  /** What a refused request must leave as it was. */
  const stored = async (s: NoticeServer = server) => {
    const { db } = s.running.store;
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
    expect(`${body.error.message} ${JSON.stringify(body.error.issues ?? [])}`).toContain(mentions);
  }

  const cases: [string, () => Promise<Response>, number, string, string][] = [
    [
      'a malformed address',
      () => post(server, '/api/subscriptions', { email: 'not-an-email' }),
      400,
      'invalid_request',
      'email',
    ],
    [
      'a header injection in the address',
      () => post(server, '/api/subscriptions', { email: 'ada@example.com\r\nBcc: eve@example.com' }),
      400,
      'invalid_request',
      'line breaks',
    ],
    [
      'a header injection in a webhook URL',
      () => post(server, '/api/subscriptions', { webhook_url: 'http://127.0.0.1/hook\r\nX-Injected: 1' }),
      400,
      'invalid_request',
      'line breaks',
    ],
    [
      'a webhook URL that is not well-formed Unicode',
      () => post(server, '/api/subscriptions', { webhook_url: 'http://127.0.0.1/hook\ud800' }),
      400,
      'invalid_request',
      'well-formed Unicode',
    ],
    [
      'a webhook URL that is not http(s)',
      () => post(server, '/api/subscriptions', { webhook_url: 'javascript:alert(1)' }),
      400,
      'invalid_request',
      'http:// or https://',
    ],
    [
      'an unknown component id',
      () =>
        post(server, '/api/subscriptions', { email: 'ada@example.com', components: [payments, unknownId] }),
      400,
      'invalid_request',
      `components.1: no component with id ${unknownId}`,
    ],
    [
      'an unknown group id',
      () => post(server, '/api/subscriptions', { email: 'ada@example.com', groups: [unknownId] }),
      400,
      'invalid_request',
      'groups.0',
    ],
    [
      'a malformed component id',
      () =>
        post(server, '/api/subscriptions', { email: 'ada@example.com', components: ["1'; drop table jobs"] }),
      400,
      'invalid_request',
      'components.0',
    ],
    [
      'both an address and a URL',
      () =>
        post(server, '/api/subscriptions', { email: 'ada@example.com', webhook_url: 'https://example.com/' }),
      400,
      'invalid_request',
      'not both',
    ],
    [
      'a language the page has no catalogue for',
      () => post(server, '/api/subscriptions', { email: 'ada@example.com', locale: 'fr' }),
      400,
      'invalid_request',
      'locale: must be one of en, cs, es, ro, ru, uk',
    ],
    [
      'a language given as something else than its tag',
      () => post(server, '/api/subscriptions', { email: 'ada@example.com', locale: 7 }),
      400,
      'invalid_request',
      'locale',
    ],
    [
      'an unknown field',
      () => post(server, '/api/subscriptions', { email: 'ada@example.com', admin: true }),
      400,
      'invalid_request',
      'admin',
    ],
    [
      'a huge body',
      () => post(server, '/api/subscriptions', { email: 'ada@example.com', note: 'x'.repeat(100_000) }),
      413,
      'payload_too_large',
      'at most 16 KB',
    ],
    [
      'malformed JSON',
      () => post(server, '/api/subscriptions', '{"email": '),
      400,
      'malformed_json',
      'not valid JSON',
    ],
    [
      'a body that is not JSON',
      () =>
        server.request('/api/subscriptions', {
          method: 'POST',
          body: 'email=ada@example.com',
          headers: { 'content-type': 'text/plain' },
        }),
      415,
      'unsupported_media_type',
      'JSON',
    ],
  ];

  it.each(cases)(
    'refuses %s with a clear 4xx and stores nothing',
    async (_what, send, status, code, mentions) => {
      const before = await stored();
      await refused(await send(), status, code, mentions);
      expect(await stored()).toEqual(before);
    },
  );

  it('refuses an injected header in the HTML form, showing the form again', async () => {
    const before = await stored();
    const res = await postForm(server, '/subscribe', [
      ['channel', 'email'],
      ['email', 'ada@example.com\r\nBcc: eve@example.com'],
    ]);
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('must not contain line breaks');
    expect(page).toContain('<form method="post" action="/subscribe">');
    expect(await stored()).toEqual(before);
  });

  it('refuses a form naming a language the page lacks, showing the form again', async () => {
    const before = await stored();
    const res = await postForm(server, '/subscribe', [
      ['channel', 'email'],
      ['locale', 'de'],
      ['email', 'ada@example.com'],
    ]);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('must be one of en, cs, es, ro, ru, uk');
    expect(await stored()).toEqual(before);
  });

  it('refuses a form limited to components that ticks none', async () => {
    const before = await stored();
    const res = await postForm(server, '/subscribe', [
      ['channel', 'email'],
      ['email', 'ada@example.com'],
      ['scope', 'some'],
    ]);
    expect(res.status).toBe(400);
    expect(await res.text()).toContain('tick at least one component');
    expect(await stored()).toEqual(before);
  });

  it('refuses webhook targets on loopback, private and link-local networks unless allowed', async () => {
    const before = await stored(strict);
    for (const url of [
      'http://127.0.0.1:9/hook',
      'http://localhost/hook',
      'http://10.1.2.3/hook',
      'http://192.168.1.1/hook',
      'http://[::1]/hook',
      'http://[::ffff:127.0.0.1]/hook',
      'http://[::127.0.0.1]:18999/',
      'http://[2002:7f00:1::]/',
      'http://[64:ff9b::a9fe:a9fe]/',
      'http://169.254.169.254/latest/meta-data',
    ]) {
      const res = await strict.request('/api/subscriptions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': `192.0.2.${++clientNo}` },
        body: JSON.stringify({ webhook_url: url }),
      });
      await refused(res, 400, 'invalid_request', 'loopback, private or reserved address');
    }
    await refused(
      await strict.admin('POST', '/subscriptions', { webhook_url: 'http://127.0.0.1:9/hook' }),
      400,
      'invalid_request',
      'webhook_url',
    );
    expect(await stored(strict)).toEqual(before);
  });

  it('accepts webhook targets on public addresses of both families', async () => {
    // Only added and removed: nothing is ever sent there, as this server's worker never runs.
    const before = await stored(strict);
    for (const url of [
      'http://8.8.8.8/hook',
      'https://[2001:4860:4860::8888]/hook',
      'http://[::ffff:1.1.1.1]/',
    ]) {
      const res = await strict.admin('POST', '/subscriptions', { webhook_url: url });
      expect(res.status, url).toBe(201);
      const added = await res.json();
      expect(added.subscription).toMatchObject({ url, state: 'active' });
      expect((await postForm(strict, added.unsubscribe_url)).status).toBe(200);
    }
    expect(await stored(strict)).toEqual(before);
  });

  it('limits subscribe requests per client address, with a clear message', async () => {
    const from = (ip: string, email: string) =>
      strict.request('/api/subscriptions', {
        method: 'POST',
        headers: { 'content-type': 'application/json', 'x-forwarded-for': ip },
        body: JSON.stringify({ email }),
      });
    expect((await from('203.0.113.5', 'a@example.com')).status).toBe(202);
    const limited = await from('203.0.113.5', 'b@example.com');
    await refused(limited, 429, 'rate_limited', 'try again in');
    expect(Number(limited.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await from('198.51.100.7', 'b@example.com')).status).toBe(202);
  });
});

describe.skip.each(skippedDatabases())('bad subscription input on %s', () => {
  it('needs PostgreSQL', () => {});
});
