import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { pagePath, requestTranslation } from '../../status-server/platform/http/locale.ts';

// A fallback with no catalogue ('xx') shows when no source decided.
const app = new Hono().get('/', (c) => {
  const { locale, t } = requestTranslation(c, 'xx');
  return c.json({ locale, text: t('status.allOperational') });
});
const ask = async (path: string, headers: Record<string, string> = {}) =>
  (await app.request(path, { headers })).json();

describe('requestTranslation', () => {
  it('answers the fallback when the request names no language it has', async () => {
    expect(await ask('/')).toEqual({ locale: 'xx', text: 'All Systems Operational' });
    expect(await ask('/?lang=de', { cookie: 'lang=fr', 'accept-language': 'pt-BR, it;q=0.5' })).toMatchObject(
      {
        locale: 'xx',
      },
    );
  });

  it('takes ?lang= first, then the lang cookie, then Accept-Language by q-value', async () => {
    expect(await ask('/?lang=ro', { cookie: 'lang=es', 'accept-language': 'ru' })).toEqual({
      locale: 'ro',
      text: 'Toate sistemele sunt operaționale',
    });
    expect(await ask('/?lang=de', { cookie: 'other=1; lang=ES', 'accept-language': 'ru' })).toMatchObject({
      locale: 'es',
    });
    expect(await ask('/', { 'accept-language': 'de-CH, uk;q=0.4, cs;q=0.6' })).toMatchObject({
      locale: 'cs',
    });
    expect(await ask('/', { 'accept-language': 'uk-UA' })).toMatchObject({
      locale: 'uk',
      text: 'Усі системи працюють',
    });
  });

  it('gives the same answer for a header it has seen before (the negotiation is cached per header)', async () => {
    const header = { 'accept-language': 'ru-RU, ru;q=0.9, en;q=0.1' };
    expect(await ask('/', header)).toMatchObject({ locale: 'ru' });
    expect(await ask('/', header)).toMatchObject({ locale: 'ru' });
    expect(await ask('/?lang=en', header)).toMatchObject({ locale: 'en' });
  });
});

describe('pagePath', () => {
  it('keeps the path and the other parameters, without lang', () => {
    expect(pagePath('http://x.test/')).toBe('/');
    expect(pagePath('http://x.test/history?page=2&lang=ro')).toBe('/history?page=2');
    expect(pagePath('http://x.test/subscriptions/manage?lang=uk&token=abc')).toBe(
      '/subscriptions/manage?token=abc',
    );
  });
});
