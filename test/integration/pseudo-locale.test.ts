import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { localeNames } from '../../status-server/platform/http/locale.ts';
import { type ConsoleClient, consoleClient, signedIn } from '../helpers/console.ts';
import { testDatabases } from '../helpers/databases.ts';
import { sampleReport } from '../helpers/intake.ts';
import { type MailSink, startMailSink } from '../helpers/mail-sink.ts';
import { type NoticeServer, startNoticeServer } from '../helpers/notice-server.ts';
import { data, PSEUDO, registerPseudoLocale, untranslated } from '../helpers/pseudo-locale.ts';
import { insertReport } from '../helpers/reports.ts';
import { formAction, linkIn, post } from '../helpers/subscribers.ts';

/** Which words a page shows is decided above the database: SQLite is enough. */
const [sqlite] = testDatabases();
const asReader = { 'accept-language': PSEUDO };

describe('every page and mail speaks through the catalogue', () => {
  let server: NoticeServer;
  let sink: MailSink;
  let client: ConsoleClient;
  let incidentId: string;
  let maintenanceId: string;
  let reference: string;

  beforeAll(async () => {
    registerPseudoLocale();
    sink = await startMailSink();
    server = await startNoticeServer(sqlite as NonNullable<typeof sqlite>, {
      smtpUrl: sink.url,
      env: { SNAPDESK_PAGE_NAME: data('Acme') },
    });
    const json = async (res: Promise<Response>) => (await res).json();
    const group = (await json(server.admin('POST', '/groups', { name: data('Storefront') }))).group;
    const component = (
      await json(server.admin('POST', '/components', { name: data('Checkout'), group_id: group.id }))
    ).component;
    incidentId = (
      await json(
        server.admin('POST', '/incidents', {
          name: data('Slow checkout'),
          status: 'identified',
          impact: 'major',
          message: data('We found the cause'),
          components: { [component.id]: 'partial_outage' },
        }),
      )
    ).incident.id;
    const soon = Date.now() + 86_400_000;
    maintenanceId = (
      await json(
        server.admin('POST', '/maintenances', {
          name: data('Database upgrade'),
          message: data('Short pause'),
          scheduled_for: new Date(soon).toISOString(),
          scheduled_until: new Date(soon + 3_600_000).toISOString(),
          components: [component.id],
        }),
      )
    ).scheduled_maintenance?.id;
    // The reporter's own words, as the extension sends them.
    const base = sampleReport();
    const stored = await insertReport(server.running.store, {
      report: {
        title: data('Checkout button does nothing'),
        description: data('Clicking Pay now shows a spinner forever.'),
        steps: data('1. Add a sofa to the cart'),
        expected: data('The order is placed'),
        actual: data('Spinner, no order'),
        before: data('Worked yesterday'),
        impact: { ...base.impact, text: data('All stores in the north') },
        examples_working: data('Order 1001 with PayPal'),
        examples_failing: data('Order 1002 with card'),
        tried: data('Cleared the cache'),
        account: data('Möbelhaus Nord GmbH'),
        share_with: data('Team Nord'),
        environment: {
          ...base.environment,
          title: data('Checkout – Shop'),
          browser: data('Chrome'),
          os: data('Windows'),
        },
        console: base.console?.map((entry) => ({ ...entry, message: data(entry.message) })),
      },
    });
    reference = stored.reference;
    client = await signedIn({ request: server.request, store: server.running.store });
  });
  afterAll(async () => {
    await server?.stop();
    await sink?.stop();
  });

  const page = async (path: string, init: RequestInit = {}) => {
    const res = await server.request(path, { ...init, headers: { ...asReader, ...init.headers } });
    return { status: res.status, html: await res.text() };
  };

  it('the public pages: home, incident, maintenance, history, subscribe and the 404', async () => {
    for (const path of [
      '/',
      `/incidents/${incidentId}`,
      `/incidents/${maintenanceId}`,
      '/history',
      '/subscribe',
    ]) {
      const { status, html } = await page(path);
      expect(status, path).toBe(200);
      expect(html, path).toContain(`<html lang="${PSEUDO}">`);
      expect(untranslated(html, formats), path).toEqual([]);
    }
    const missing = await page('/no-such-page');
    expect(missing.status).toBe(404);
    expect(untranslated(missing.html)).toEqual([]);
  });

  it('the subscription pages and the mails they send', async () => {
    const subscribed = await page('/subscribe', {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: new URLSearchParams({ email: 'reader@example.com', scope: 'all' }).toString(),
    });
    expect(untranslated(subscribed.html)).toEqual([]);
    await server.worker.drain();
    const mail = sink.to('reader@example.com').at(-1);
    expect(mail).toBeDefined();
    const confirm = await page(linkIn(mail?.text, '/subscriptions/confirm/'));
    expect(confirm.status).toBe(200);
    expect(untranslated(confirm.html)).toEqual([]);
    const done = await page(formAction(confirm.html), { method: 'POST' });
    expect(untranslated(done.html)).toEqual([]);
    const manageLink = /href="(http:\/\/status\.test\/subscriptions\/manage\/[^"]+)"/.exec(done.html)?.[1];
    expect(manageLink).toBeDefined();
    const manage = await page(manageLink as string);
    expect(manage.status).toBe(200);
    // Its language choice names each language in itself, as the switcher does.
    expect(untranslated(manage.html, [languageNames])).toEqual([]);
    const unsubscribe = await page(
      manageLink?.replace('/subscriptions/manage/', '/subscriptions/unsubscribe/') ?? '',
    );
    expect(unsubscribe.status).toBe(200);
    expect(unsubscribe.html).toContain(`<html lang="${PSEUDO}">`);
    expect(untranslated(unsubscribe.html)).toEqual([]);
    const refused = await post(server, '/api/subscriptions', { email: 'not an address' });
    expect(refused.status).toBe(400);

    // The reader subscribed in the pseudo-locale, so their mails are in it: the confirmation,
    // then a notice of an incident update, subjects included.
    const update = await server.admin('POST', `/incidents/${incidentId}/updates`, {
      status: 'monitoring',
      message: data('A fix is out'),
    });
    expect(update.status).toBe(201);
    await server.worker.drain();
    const mails = sink.to('reader@example.com');
    expect(mails.length).toBeGreaterThanOrEqual(2);
    for (const m of mails) {
      const parts = [m.subject ?? '', m.text ?? '', typeof m.html === 'string' ? m.html : ''];
      expect(untranslated(parts.join('\n'), mailData), m.subject).toEqual([]);
    }
  });

  it('the console: login, inbox, a report, incidents, components, maintenance, language', async () => {
    const login = await consoleClient(server).get('/console/login', asReader);
    expect(untranslated(await login.text())).toEqual([]);
    for (const path of [
      '/console',
      `/console/reports/${reference}`,
      '/console/incidents',
      `/console/incidents/${incidentId}`,
      '/console/incidents/new',
      '/console/components',
      '/console/maintenance',
      '/console/language',
    ]) {
      const res = await client.get(path, asReader);
      expect(res.status, path).toBe(200);
      const html = await res.text();
      expect(html, path).toContain(`<html lang="${PSEUDO}">`);
      expect(untranslated(html, consoleData), path).toEqual([]);
    }
  });
});

/** The languages, each named in its own language: a language choice shows them as they are. */
const languageNames = new RegExp(localeNames.map((l) => l.name).join('|'), 'g');

/**
 * What a stored report shows as it came from the reporter's browser besides their words: addresses
 * and host names, codes (country, language, time zone, HTTP method), the reference number, file
 * names, and the signed-in agent's name.
 */
/** What a mail shows besides our words: its links and addresses. */
const mailData = [/https?:\/\/\S+/g, /[\w.+-]+@[\w.-]+/g];

/** Names of formats, written the same in every language. */
const formats = [/\bRSS 2\.0\b/g, /\bAtom\b/g, /\bhttps:\/\//g];

const consoleData = [
  /https?:\/\/\S+/g,
  /\bSD-\d+\b/g,
  /\b[A-Z]{2}\b|\b[a-z]{2}-[A-Z]{2}\b|\([A-Z][a-z]+\/[A-Za-z_]+\)|\b(GET|POST|PUT|DELETE|PATCH)\b/g,
  /[\w.+-]+@[\w.-]+/g,
  /\b[\w-]+(\.[\w-]+)+\b/g,
  /Agent Smith/g,
  // The language choices, each named in its own language.
  new RegExp(localeNames.map((l) => l.name).join('|'), 'g'),
  /\S+\.(png|jpe?g|webp|txt|log|json)\b/g,
];
