import Parser from 'rss-parser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/i18n/index.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { type MailSink, startMailSink } from '../helpers/mail-sink.ts';
import { type NoticeServer, startNoticeServer } from '../helpers/notice-server.ts';
import { createComponent, publishIncident } from '../helpers/subscribers.ts';

/** A common feed reader's parser: RSS 2.0 and Atom both, as readers see them. */
const parser = new Parser<Record<string, unknown>, { id?: string }>();

describe.each(testDatabases())('incident feeds on $name', (database) => {
  let sink: MailSink;
  let server: NoticeServer;
  let payments: string;
  let api: string;
  let older: string;
  let newer: string;

  beforeAll(async () => {
    sink = await startMailSink();
    server = await startNoticeServer(database, { smtpUrl: sink.url });
    payments = await createComponent(server, { name: 'Payments' });
    api = await createComponent(server, { name: 'API' });
    older = await publishIncident(server, {
      name: 'API errors & <timeouts>',
      message: 'Requests **time out**.',
      components: { [api]: 'partial_outage' },
    });
    await server.admin('POST', `/incidents/${older}/resolve`, { message: 'Fixed.' });
    newer = await publishIncident(server, {
      name: 'Payments degraded',
      message: 'Card payments fail.',
      components: { [payments]: 'degraded_performance' },
    });
  });
  afterAll(async () => {
    await server.stop();
    await sink.stop();
  });

  const read = async (path: string) => {
    const res = await server.request(path);
    expect(res.status).toBe(200);
    return { res, text: await res.text() };
  };

  it('serves RSS 2.0 with one item per incident, newest change first, every update in it', async () => {
    const { res, text } = await read('/history.rss');
    expect(res.headers.get('content-type')).toBe('application/rss+xml; charset=utf-8');
    expect(text).toMatch(/^<\?xml version="1\.0" encoding="UTF-8"\?>\n<rss version="2\.0"/);
    const feed = await parser.parseString(text);
    expect(feed.title).toBe('Acme Status: incident history');
    expect(feed.link).toBe('http://status.test/');
    expect(feed.description).toContain('Acme Status');
    expect(feed.items.map((i) => i.title)).toEqual(['Payments degraded', 'API errors & <timeouts>']);
    const [first, second] = feed.items;
    expect(first?.link).toBe(`http://status.test/incidents/${newer}`);
    expect(first?.guid).toBe(`http://status.test/incidents/${newer}`);
    expect(first?.categories).toEqual(['Payments']);
    expect(Date.parse(first?.isoDate ?? '')).toBeGreaterThan(Date.now() - 60_000);
    expect(second?.content).toContain('<strong>time out</strong>');
    expect(second?.content).toMatch(/Resolved<\/strong>[\s\S]*Fixed\.[\s\S]*Investigating<\/strong>/);
    // Every link an item names opens on the status page.
    expect((await server.request(first?.link as string)).status).toBe(200);
  });

  it('serves Atom with ids, published and updated times, and self and page links', async () => {
    const { res, text } = await read('/history.atom');
    expect(res.headers.get('content-type')).toBe('application/atom+xml; charset=utf-8');
    expect(text).toContain('<feed xmlns="http://www.w3.org/2005/Atom"');
    const feed = await parser.parseString(text);
    expect(feed.title).toBe('Acme Status: incident history');
    expect(feed.link).toBe('http://status.test/');
    expect(feed.feedUrl).toBe('http://status.test/history.atom');
    const entry = feed.items.find((i) => i.title === 'API errors & <timeouts>');
    expect(entry?.id).toBe(`http://status.test/incidents/${older}`);
    expect(entry?.link).toBe(`http://status.test/incidents/${older}`);
    expect(entry?.content).toContain('Fixed.');
    // <updated> must be RFC 3339 and move with each update; <published> stays the creation time.
    const updated = /<entry>[\s\S]*?<updated>([^<]+)<\/updated>/.exec(text)?.[1] as string;
    expect(updated).toMatch(/^\d{4}-\d\d-\d\dT\d\d:\d\d:\d\d\.\d{3}Z$/);
    expect(/<feed[\s\S]*?<updated>([^<]+)<\/updated>/.exec(text)?.[1]).toBe(updated);
    expect(text).toContain('<author><name>Acme Status</name></author>');
  });

  it('serves one component’s feeds with only the incidents naming it', async () => {
    for (const format of ['rss', 'atom']) {
      const feed = await parser.parseString((await read(`/history.${format}?component=${api}`)).text);
      expect(feed.title).toBe('Acme Status: API incident history');
      expect(feed.items.map((i) => i.title)).toEqual(['API errors & <timeouts>']);
    }
    expect((await server.request('/history.rss?component=zzzzzzzzzzzz')).status).toBe(404);
    expect((await server.request('/history.atom?component=..%2Fetc')).status).toBe(404);
  });

  it('speaks the language ?lang= names, with the feed’s language element; else the page’s default', async () => {
    const uk = createTranslator('uk');
    const rss = (await read('/history.rss?lang=uk')).text;
    expect(rss).toContain('<language>uk</language>');
    const feed = await parser.parseString(rss);
    expect(feed.title).toBe(uk('feed.title', { page: 'Acme Status' }));
    expect(feed.title).toContain('історія інцидентів');
    expect(feed.description).toBe(uk('feed.description', { page: 'Acme Status' }));
    // The statuses are Ukrainian; the incidents and updates stay as written.
    const older = feed.items.find((i) => i.title === 'API errors & <timeouts>');
    expect(older?.content).toContain(`<strong>${uk('incident.status.resolved')}</strong>`);
    expect(older?.content).toContain('Fixed.');
    expect(rss).toContain('<atom:link href="http://status.test/history.rss?lang=uk" rel="self"');

    const atom = (await read(`/history.atom?component=${api}&lang=uk`)).text;
    expect(atom).toContain('<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="uk">');
    expect((await parser.parseString(atom)).title).toBe(
      uk('feed.componentTitle', { page: 'Acme Status', component: 'API' }),
    );

    // Without it, or with a language the page lacks: the default, not an error. A browser's
    // Accept-Language is not a feed reader's choice.
    for (const path of ['/history.rss', '/history.rss?lang=fr', '/history.rss?lang=']) {
      const { text } = await read(path);
      expect(text).toContain('<language>en</language>');
      expect((await parser.parseString(text)).title).toBe('Acme Status: incident history');
    }
    const asked = await server.request('/history.atom', { headers: { 'accept-language': 'uk' } });
    expect(await asked.text()).toContain('xml:lang="en"');
  });

  it('keeps each language’s copy apart, so a poll in one is never answered with another', async () => {
    const en = await read('/history.atom');
    const uk = await read('/history.atom?lang=uk');
    const enTag = en.res.headers.get('etag') as string;
    const ukTag = uk.res.headers.get('etag') as string;
    expect(ukTag).not.toBe(enTag);
    expect(
      (await server.request('/history.atom?lang=uk', { headers: { 'if-none-match': ukTag } })).status,
    ).toBe(304);
    const other = await server.request('/history.atom', { headers: { 'if-none-match': ukTag } });
    expect(other.status).toBe(200);
    expect(await other.text()).toContain('xml:lang="en"');
    // A second reader of each language gets the copy kept for it.
    expect((await read('/history.atom?lang=uk')).text).toBe(uk.text);
    expect((await read('/history.atom')).text).toBe(en.text);
  });

  it('answers a reader that polls with what it has with 304, and a new update with a new feed', async () => {
    const { res } = await read('/history.atom');
    const etag = res.headers.get('etag') as string;
    expect((await server.request('/history.atom', { headers: { 'if-none-match': etag } })).status).toBe(304);
    await server.admin('POST', `/incidents/${newer}/updates`, {
      status: 'identified',
      message: 'A card network is down.',
    });
    const again = await server.request('/history.atom', { headers: { 'if-none-match': etag } });
    expect(again.status).toBe(200);
    expect(await again.text()).toContain('A card network is down.');
  });
});

describe.skip.each(skippedDatabases())('incident feeds on %s', () => {
  it('needs PostgreSQL', () => {});
});
