import { Hono } from 'hono';
import { describe, expect, it } from 'vitest';
import { requestTranslation } from '../../status-server/platform/http/locale.ts';

// Only English exists, so a fallback with no catalogue ('xx') shows which source decided.
const app = new Hono().get('/', (c) => {
  const { locale, t } = requestTranslation(c, 'xx');
  return c.json({ locale, text: t('status.allOperational') });
});
const ask = async (path: string, headers: Record<string, string> = {}) =>
  (await app.request(path, { headers })).json();

describe('requestTranslation', () => {
  it('answers the fallback when the request names no language it has', async () => {
    expect(await ask('/')).toEqual({ locale: 'xx', text: 'All Systems Operational' });
    expect(await ask('/?lang=de', { cookie: 'lang=fr', 'accept-language': 'ru' })).toMatchObject({
      locale: 'xx',
    });
  });

  it('reads ?lang=, the lang cookie and Accept-Language', async () => {
    expect(await ask('/?lang=en')).toMatchObject({ locale: 'en' });
    expect(await ask('/', { cookie: 'other=1; lang=EN' })).toMatchObject({ locale: 'en' });
    expect(await ask('/', { 'accept-language': 'de-CH, en-GB;q=0.4' })).toMatchObject({ locale: 'en' });
  });
});
