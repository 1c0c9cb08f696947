import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/i18n/index.ts';
import { signedIn } from '../helpers/console.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

describe.each(testDatabases())('console language on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server.stop());

  it('follows the browser until the person chooses, then keeps their choice with them', async () => {
    const agent = await signedIn(server);
    const colleague = await signedIn(server);
    const ro = createTranslator('ro');
    const uk = createTranslator('uk');

    const first = await (await agent.get('/console', { 'accept-language': 'ro-RO,ro;q=0.9' })).text();
    expect(first).toContain('<html lang="ro">');
    expect(first).toContain(ro('console.nav.inbox'));

    const form = await (await agent.get('/console/language', { 'accept-language': 'ro' })).text();
    expect(form).toContain(ro('console.language.browser', { name: 'Română' }));
    const saved = await agent.post('/console/language', { locale: 'uk', next: '/console/incidents' });
    expect(saved.status).toBe(303);
    expect(saved.headers.get('location')).toBe('/console/incidents');

    // Stored with the user: any browser, any Accept-Language.
    const after = await (await agent.get('/console/incidents', { 'accept-language': 'ro' })).text();
    expect(after).toContain('<html lang="uk">');
    expect(after).toContain(uk('console.nav.incidents'));
    expect(after).toContain(uk('console.language.link', { name: 'Українська' }));
    const row = await server.store.db
      .selectFrom('console_users')
      .select('locale')
      .where('name', '=', 'Agent Smith')
      .where('locale', 'is not', null)
      .execute();
    expect(row).toEqual([{ locale: 'uk' }]);

    // Each person has their own.
    const theirs = await (await colleague.get('/console', { 'accept-language': 'es' })).text();
    expect(theirs).toContain('<html lang="es">');

    // Back to the browser's language.
    await agent.post('/console/language', { locale: '', next: '/console' });
    expect(await (await agent.get('/console', { 'accept-language': 'cs' })).text()).toContain(
      '<html lang="cs">',
    );
  });

  it('refuses a language it does not have with a message, and changes nothing', async () => {
    const agent = await signedIn(server);
    await agent.post('/console/language', { locale: 'ru', next: '/console' });
    const refused = await agent.post('/console/language', { locale: 'de', next: '/console' });
    expect(refused.status).toBe(400);
    const page = await refused.text();
    expect(page).toContain(createTranslator('ru')('console.language.invalid'));
    expect(page).toContain('aria-invalid="true"');
    expect(await (await agent.get('/console')).text()).toContain('<html lang="ru">');
    // An outside address in `next` is not followed.
    const elsewhere = await agent.post('/console/language', { locale: 'en', next: 'https://evil.example/' });
    expect(elsewhere.headers.get('location')).toBe('/console');
  });
});

describe.skip.each(skippedDatabases())('console language on %s', () => {
  it('needs PostgreSQL', () => {});
});
