import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/i18n/index.ts';
import { testDatabases } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

/** Language is decided above the database: SQLite is enough to show it. */
const [sqlite] = testDatabases();

const visibleText = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/\s+/g, ' ');

describe('the status page in the reader’s language', () => {
  let server: TestServer;
  let incidentId: string;

  beforeAll(async () => {
    server = await startTestServer(sqlite as NonNullable<typeof sqlite>);
    const component = (await (await server.admin('POST', '/components', { name: 'Checkout' })).json())
      .component;
    incidentId = (
      await (
        await server.admin('POST', '/incidents', {
          name: 'Slow checkout',
          status: 'investigating',
          impact: 'minor',
          message: 'We are looking into it.',
          components: { [component.id]: 'degraded_performance' },
        })
      ).json()
    ).incident.id;
  });
  afterAll(() => server.stop());

  const get = async (path: string, headers: Record<string, string> = {}) => {
    const res = await server.request(path, { headers });
    return { res, html: await res.text() };
  };

  it('answers Accept-Language: uk in Ukrainian, with <html lang> and the switcher marking it', async () => {
    const { res, html } = await get('/', { 'accept-language': 'uk-UA,uk;q=0.9,en;q=0.5' });
    expect(html).toContain('<html lang="uk">');
    const text = visibleText(html);
    const uk = createTranslator('uk');
    expect(text).toContain(uk('page.activeIncidents'));
    expect(text).toContain(uk('component.status.degraded_performance'));
    expect(text).toContain('Slow checkout'); // the incident's own words stay as support wrote them
    expect(text).not.toContain('Active incidents');
    expect(html).toMatch(/<a href="\/\?lang=uk" hreflang="uk" lang="uk" aria-current="true">Українська<\/a>/);
    expect(res.headers.get('vary')).toBe('Accept-Language, Cookie, Accept-Encoding');
  });

  it('keeps each language’s page apart: its own body and validator, and a 304 only for its own', async () => {
    const en = await get('/');
    const ru = await get('/', { 'accept-language': 'ru' });
    expect(en.html).toContain('<html lang="en">');
    expect(ru.html).toContain('<html lang="ru">');
    expect(ru.res.headers.get('etag')).not.toBe(en.res.headers.get('etag'));
    const again = await server.request('/', {
      headers: { 'accept-language': 'ru', 'if-none-match': ru.res.headers.get('etag') as string },
    });
    expect(again.status).toBe(304);
    const other = await server.request('/', {
      headers: { 'accept-language': 'cs', 'if-none-match': ru.res.headers.get('etag') as string },
    });
    expect(other.status).toBe(200);
    expect(await other.text()).toContain('<html lang="cs">');
  });

  it('switches with ?lang= (no script), remembers it in a cookie and lets the cookie outrank Accept-Language', async () => {
    const chosen = await get('/?lang=ro', { 'accept-language': 'ru' });
    expect(chosen.html).toContain('<html lang="ro">');
    expect(chosen.html).toContain('href="/history.atom?lang=ro" type="application/atom+xml"');
    const cookie = chosen.res.headers.get('set-cookie') as string;
    expect(cookie).toMatch(/^lang=ro; Path=\/; Max-Age=31536000; SameSite=Lax$/);
    const next = await get(`/incidents/${incidentId}`, { cookie: 'lang=ro', 'accept-language': 'ru' });
    expect(next.html).toContain('<html lang="ro">');
    expect(next.res.headers.get('set-cookie')).toBeNull();
    // A language we do not have changes nothing and sets no cookie.
    const unknown = await get('/?lang=de', { 'accept-language': 'es' });
    expect(unknown.html).toContain('<html lang="es">');
    expect(unknown.res.headers.get('set-cookie')).toBeNull();
  });

  it('links every language of the same page, for the switcher and for search engines', async () => {
    const { html } = await get('/history?page=1&lang=cs');
    expect(html).toContain('<html lang="cs">');
    for (const l of ['en', 'cs', 'es', 'ro', 'ru', 'uk']) {
      expect(html).toContain(
        `<link rel="alternate" hreflang="${l}" href="http://status.test/history?page=1&amp;lang=${l}">`,
      );
      expect(html).toContain(`<a href="/history?page=1&amp;lang=${l}" hreflang="${l}" lang="${l}"`);
    }
    expect(html).toContain(
      '<link rel="alternate" hreflang="x-default" href="http://status.test/history?page=1">',
    );
  });

  it('writes dates and counts the reader’s way', async () => {
    const { html } = await get(`/incidents/${incidentId}`, { 'accept-language': 'ru' });
    const text = visibleText(html);
    // Russian months, abbreviated after the day ("27 нояб."), never English ones.
    expect(text).toMatch(/\d{1,2} (янв|февр|мар|апр|мая|июн|июл|авг|сент|окт|нояб|дек)/);
    expect(text).not.toMatch(/\b(Jan|Feb|Mar|Apr|May|Jun|Jul|Aug|Sep|Oct|Nov|Dec)\b/);
    // The uptime bar's label counts its 90 days with the Russian plural form.
    const home = await get('/', { 'accept-language': 'ru' });
    expect(home.html).toMatch(/90 дней/);
  });

  it('answers the pages built per request (subscribe, 404) in the request’s language too', async () => {
    const subscribe = await get('/subscribe', { 'accept-language': 'es' });
    expect(subscribe.html).toContain('<html lang="es">');
    expect(subscribe.res.headers.get('vary')).toMatch(/^Accept-Language, Cookie\b/);
    const missing = await server.request('/no-such-page', { headers: { 'accept-language': 'uk' } });
    expect(missing.status).toBe(404);
    expect(await missing.text()).toContain('<html lang="uk">');
    expect(missing.headers.get('vary')).toMatch(/^Accept-Language, Cookie\b/);
  });

  it('leaves the API as it is: its words do not follow Accept-Language', async () => {
    const plain = await (await server.request('/api/v2/summary.json')).text();
    const russian = await server.request('/api/v2/summary.json', { headers: { 'accept-language': 'ru' } });
    expect(await russian.text()).toBe(plain);
    expect(russian.headers.get('set-cookie')).toBeNull();
  });
});

describe('SNAPDESK_DEFAULT_LOCALE', () => {
  it('is the language of a request that names none we have', async () => {
    const server = await startTestServer(sqlite as NonNullable<typeof sqlite>, {
      SNAPDESK_DEFAULT_LOCALE: 'cs',
    });
    try {
      const html = await (await server.request('/', { headers: { 'accept-language': 'de' } })).text();
      expect(html).toContain('<html lang="cs">');
      expect(visibleText(html)).toContain('Všechny systémy jsou funkční');
      // An incident resolved without a message gets the page's words for it, in its language.
      const created = await server.admin('POST', '/incidents', { name: 'Login fails', message: 'Looking.' });
      const { incident } = await created.json();
      expect((await server.admin('POST', `/incidents/${incident.id}/resolve`, {})).status).toBe(200);
      const page = await (
        await server.request(`/incidents/${incident.id}`, { headers: { 'accept-language': 'en' } })
      ).text();
      expect(page).toContain('Tento incident byl vyřešen.');
    } finally {
      await server.stop();
    }
  });
});
