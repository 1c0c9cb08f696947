import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/i18n/index.ts';
import { apiError } from '../../shared/schemas/error.ts';
import { indicatorDescriptionKey } from '../../status-server/domain/overall.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { type HookReceiver, startHookReceiver } from '../helpers/hook-receiver.ts';
import { type MailSink, startMailSink } from '../helpers/mail-sink.ts';
import { type NoticeServer, startNoticeServer } from '../helpers/notice-server.ts';
import {
  confirmByMail,
  countRows,
  createComponent,
  formAction,
  linkIn,
  post,
  postForm,
  publishIncident,
  rawHeader,
} from '../helpers/subscribers.ts';

const page = 'Acme Status';
const cs = createTranslator('cs');
const en = createTranslator('en');
const uk = createTranslator('uk');
const ru = createTranslator('ru');

/** The subject a notice of a new incident has in a language. */
const investigating = (t: typeof en, name: string) =>
  t('notice.subject', { status: t('incident.status.investigating'), name, page });

describe.each(testDatabases())('subscribers’ languages on $name', (database) => {
  let sink: MailSink;
  let hooks: HookReceiver;
  let server: NoticeServer;
  let payments: string;

  beforeAll(async () => {
    sink = await startMailSink();
    hooks = await startHookReceiver();
    server = await startNoticeServer(database, {
      smtpUrl: sink.url,
      env: { SNAPDESK_TIME_ZONE: 'Europe/Prague' },
    });
    payments = await createComponent(server, { name: 'Payments' });
  });
  afterAll(async () => {
    await server.stop();
    await hooks.stop();
    await sink.stop();
  });

  const row = (address: string) =>
    server.running.store.db
      .selectFrom('subscriptions')
      .selectAll()
      .where('address', '=', address)
      .executeTakeFirstOrThrow();

  const confirm = (address: string) => confirmByMail(server, sink, address);

  it('mails a Czech subscriber in Czech and an English one in English: one notice, two languages', async () => {
    const czech = await post(server, '/api/subscriptions', { email: 'jana@example.cz' });
    expect(czech.status).toBe(202);
    const asked = await server.request('/api/subscriptions', {
      method: 'POST',
      headers: { 'content-type': 'application/json', 'accept-language': 'cs-CZ, cs;q=0.9, en;q=0.5' },
      body: JSON.stringify({ email: 'petr@example.cz' }),
    });
    expect(asked.status).toBe(202);
    expect((await asked.json()).subscription.locale).toBe('cs');
    expect((await czech.json()).subscription.locale).toBe('en');
    await server.worker.drain();
    expect((await row('petr@example.cz')).locale).toBe('cs');
    expect((await row('jana@example.cz')).locale).toBe('en');

    const confirmation = sink.to('petr@example.cz')[0];
    expect(confirmation?.subject).toBe(cs('mail.confirmSubject', { page }));
    expect(confirmation?.subject).toContain('Potvrďte odběr');
    expect(confirmation?.text).toContain(cs('mail.confirmIntro', { page }));
    expect(confirmation?.html).toContain('<html lang="cs">');
    expect(sink.to('jana@example.cz')[0]?.subject).toBe(en('mail.confirmSubject', { page }));

    // Its link opens the confirmation in Czech, whatever the browser asks for.
    expect(linkIn(confirmation?.text, '/subscriptions/confirm/')).toMatch(/\?lang=cs$/);
    expect(await confirm('petr@example.cz')).toContain(cs('confirm.doneTitle'));
    expect(await confirm('jana@example.cz')).toContain(en('confirm.doneTitle'));

    await publishIncident(server, {
      name: 'Platby selhávají',
      message: 'Platby kartou **selhávají** u části zákazníků.',
      components: { [payments]: 'partial_outage' },
    });
    await server.worker.drain();
    const inCzech = sink.to('petr@example.cz').at(-1);
    const inEnglish = sink.to('jana@example.cz').at(-1);
    expect(inCzech?.subject).toBe(investigating(cs, 'Platby selhávají'));
    expect(inCzech?.subject).toBe('[Šetření] Platby selhávají — Acme Status');
    expect(inEnglish?.subject).toBe(investigating(en, 'Platby selhávají'));
    expect(inEnglish?.subject).toBe('[Investigating] Platby selhávají — Acme Status');
    // The update stays as written; everything around it is in the subscriber's language.
    for (const mail of [inCzech, inEnglish]) {
      expect(mail?.text).toContain('Platby kartou **selhávají** u části zákazníků.');
    }
    const affected = (t: typeof en) =>
      t('notice.affected', { components: `Payments (${t('component.status.partial_outage')})` });
    expect(inCzech?.text).toContain(affected(cs));
    expect(inCzech?.text).toContain('Částečný výpadek');
    expect(inCzech?.text).toContain(cs('notice.why', { page }));
    expect(inCzech?.html).toContain(`>${cs('notice.unsubscribe')}</a>`);
    expect(inEnglish?.text).toContain(affected(en));
    expect(inEnglish?.text).toContain(en('notice.why', { page }));
    // One notice: both copies have its id in their Message-ID.
    const noticeOf = (id: string | undefined) => /^<(\w+)\./.exec(id ?? '')?.[1];
    expect(noticeOf(inCzech?.messageId)).toBeDefined();
    expect(noticeOf(inCzech?.messageId)).toBe(noticeOf(inEnglish?.messageId));

    // Its pages open in Czech too, the one-click address included.
    expect(linkIn(inCzech?.text, '/incidents/')).toMatch(/\?lang=cs$/);
    const unsubscribe = /^<(https?:\/\/[^>]+)>$/.exec(rawHeader(inCzech, 'List-Unsubscribe') ?? '')?.[1];
    expect(unsubscribe).toBe(linkIn(inCzech?.text, '/subscriptions/unsubscribe/'));
    const ask = await server.request(unsubscribe as string);
    expect(await ask.text()).toContain(cs('unsubscribe.title'));
  });

  it('takes the language of the page a form was sent from', async () => {
    const form = await server.request('/subscribe?lang=cs');
    const html = await form.text();
    expect(html).toContain('<input type="hidden" name="locale" value="cs">');
    expect(html).toContain('href="/history.rss?lang=cs"');
    const res = await postForm(server, '/subscribe', [
      ['channel', 'email'],
      ['locale', 'cs'],
      ['email', 'eva@example.cz'],
      ['scope', 'all'],
    ]);
    expect(res.status).toBe(200);
    expect(await res.text()).toContain(cs('subscribe.checkInboxTitle'));
    expect((await row('eva@example.cz')).locale).toBe('cs');
    await server.worker.drain();
    expect(sink.to('eva@example.cz')[0]?.subject).toBe(cs('mail.confirmSubject', { page }));
  });

  it('changes the language on the manage page, confirms in it, and the next notice comes in it', async () => {
    await post(server, '/api/subscriptions?lang=cs', { email: 'olena@example.ua' });
    await server.worker.drain();
    await confirm('olena@example.ua');
    await publishIncident(server, { name: 'Pomalé API' });
    await server.worker.drain();
    const before = sink.to('olena@example.ua').at(-1);
    expect(before?.subject).toBe(investigating(cs, 'Pomalé API'));

    const manage = linkIn(before?.text, '/subscriptions/manage/');
    expect(manage).toMatch(/\?lang=cs$/);
    const page = await server.request(manage);
    const html = await page.text();
    expect(html).toContain('<html lang="cs">');
    expect(html).toContain(cs('manage.language'));
    expect(html).toContain('<option value="cs" lang="cs" selected>Čeština</option>');

    const saved = await postForm(server, formAction(html), [
      ['scope', 'all'],
      ['maintenance', '1'],
      ['locale', 'uk'],
    ]);
    expect(saved.status).toBe(200);
    const answer = await saved.text();
    expect(answer).toContain('<html lang="uk">');
    expect(answer).toContain(uk('manage.saved'));
    expect(answer).toContain('<option value="uk" lang="uk" selected>Українська</option>');
    expect((await row('olena@example.ua')).locale).toBe('uk');
    // Opened later without ?lang= (a typed or shared link), from a browser asking for English, the
    // page is the subscriber's own, in their language; a ?lang= of the request still wins.
    const bare = manage.replace(/\?lang=cs$/, '');
    const later = await (await server.request(bare, { headers: { 'accept-language': 'en' } })).text();
    expect(later).toContain('<html lang="uk">');
    expect(await (await server.request(`${bare}?lang=ro`)).text()).toContain('<html lang="ro">');

    await publishIncident(server, { name: 'API знову повільне' });
    await server.worker.drain();
    const after = sink.to('olena@example.ua').at(-1);
    expect(after?.subject).toBe(investigating(uk, 'API знову повільне'));
    expect(after?.subject).toContain('[Розслідування]');
    expect(after?.text).toContain(uk('notice.manage'));
  });

  it('answers a confirmed address asked for again in its own language, which a stranger cannot change', async () => {
    await post(server, '/api/subscriptions?lang=ru', { email: 'ivan@example.ru' });
    await server.worker.drain();
    await confirm('ivan@example.ru');
    const again = await post(server, '/api/subscriptions?lang=es', { email: 'ivan@example.ru' });
    expect(again.status).toBe(202);
    await server.worker.drain();
    expect(sink.to('ivan@example.ru').at(-1)?.subject).toBe(ru('mail.reminderSubject', { page }));
    expect((await row('ivan@example.ru')).locale).toBe('ru');
  });

  it('writes maintenance times in the subscriber’s language, in the page’s time zone', async () => {
    await post(server, '/api/subscriptions?lang=cs', { email: 'karel@example.cz' });
    await server.worker.drain();
    await confirm('karel@example.cz');
    const from = '2031-06-01T22:00:00.000Z';
    const until = '2031-06-02T01:30:00.000Z';
    const res = await server.admin('POST', '/maintenances', {
      name: 'Výměna databáze',
      message: 'Plánovaná výměna.',
      scheduled_for: from,
      scheduled_until: until,
    });
    expect(res.status).toBe(201);
    await server.worker.drain();
    const mail = sink.to('karel@example.cz').at(-1);
    const time = (iso: string) =>
      new Intl.DateTimeFormat('cs', {
        timeZone: 'Europe/Prague',
        year: 'numeric',
        month: 'short',
        day: 'numeric',
        hour: 'numeric',
        minute: '2-digit',
        timeZoneName: 'short',
      }).format(new Date(iso));
    expect(mail?.subject).toContain(`[${cs('maintenance.status.scheduled')}]`);
    expect(mail?.text).toContain(cs('maintenance.window', { window: `${time(from)} – ${time(until)}` }));
    // Midnight in Prague on 2 June, as Czech writes it, summer time named in Czech.
    expect(mail?.text).toContain('2. 6. 2031 0:00 SELČ');
  });

  it('posts Slack messages and the webhook’s one sentence in the subscription’s language, enums as they are', async () => {
    const add = async (path: string, body: Record<string, unknown>) => {
      const res = await server.admin('POST', '/subscriptions', {
        webhook_url: `${hooks.url}${path}`,
        ...body,
      });
      expect(res.status).toBe(201);
      const added = await res.json();
      hooks.state.secrets.set(path, added.secret);
      return added.subscription.locale;
    };
    expect(await add('/slack-ru', { format: 'slack', locale: 'ru' })).toBe('ru');
    expect(await add('/json-uk', { locale: 'uk' })).toBe('uk');
    // An admin's webhook without a language gets the page's default.
    expect(await add('/json-default', {})).toBe('en');

    await publishIncident(server, {
      name: 'Сбой платежей',
      impact: 'minor',
      components: { [payments]: 'partial_outage' },
    });
    await server.worker.drain();
    const last = (path: string) => hooks.deliveries.filter((d) => d.path === path).at(-1)?.verified as never;

    const message = last('/slack-ru') as { text: string; blocks: { elements?: { text: string }[] }[] };
    expect(message.text).toContain(investigating(ru, 'Сбой платежей'));
    expect(message.text).toContain('[Расследование]');
    expect(message.blocks[1]?.elements?.map((e) => e.text).join(' ')).toContain(ru('notice.unsubscribe'));

    type Standard = {
      page: { status_indicator: string; status_description: string };
      incident: { status: string; impact: string };
    };
    const json = last('/json-uk') as Standard;
    // The indicator stays the API's enum; the sentence that describes it is Ukrainian.
    const indicator = json.page.status_indicator as keyof typeof indicatorDescriptionKey;
    expect(Object.keys(indicatorDescriptionKey)).toContain(indicator);
    expect(json.page.status_description).toBe(uk(indicatorDescriptionKey[indicator]));
    expect(json.page.status_description).not.toBe(en(indicatorDescriptionKey[indicator]));
    expect(json.incident).toMatchObject({ status: 'investigating', impact: 'minor' });
    expect((last('/json-default') as Standard).page.status_description).toBe(
      en(indicatorDescriptionKey[indicator]),
    );
  });

  it('refuses a language it does not have, naming those it has, and keeps what is stored', async () => {
    const before = {
      subscriptions: await countRows(server.running.store.db, 'subscriptions'),
      jobs: await countRows(server.running.store.db, 'jobs'),
    };
    const res = await post(server, '/api/subscriptions', { email: 'marie@example.fr', locale: 'fr' });
    expect(res.status).toBe(400);
    const body = apiError.parse(await res.json());
    expect(body.error.code).toBe('invalid_request');
    expect(body.error.issues).toEqual([{ path: 'locale', message: 'must be one of en, cs, es, ro, ru, uk' }]);
    const admin = await server.admin('POST', '/subscriptions', {
      webhook_url: `${hooks.url}/fr`,
      locale: 'fr',
    });
    expect(admin.status).toBe(400);
    expect(JSON.stringify(await admin.json())).toContain('must be one of en, cs, es, ro, ru, uk');
    expect({
      subscriptions: await countRows(server.running.store.db, 'subscriptions'),
      jobs: await countRows(server.running.store.db, 'jobs'),
    }).toEqual(before);

    // The manage form: a refusal page naming the languages; the language and the scope stay.
    const mail = sink.to('olena@example.ua').at(-1);
    const manage = linkIn(mail?.text, '/subscriptions/manage/');
    const stored = await row('olena@example.ua');
    const page = await server.request(manage);
    const refused = await postForm(server, formAction(await page.text()), [
      ['scope', 'some'],
      ['component', payments],
      ['locale', 'xx'],
    ]);
    expect(refused.status).toBe(400);
    expect(await refused.text()).toContain('must be one of en, cs, es, ro, ru, uk');
    expect(await row('olena@example.ua')).toEqual(stored);
    const scopes = await server.running.store.db
      .selectFrom('subscription_scopes')
      .select('target_id')
      .where('subscription_id', '=', stored.id)
      .execute();
    expect(scopes).toEqual([]);
  });
});

describe.skip.each(skippedDatabases())('subscribers’ languages on %s', () => {
  it('needs PostgreSQL', () => {});
});
