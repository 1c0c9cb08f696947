import { createHash } from 'node:crypto';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  addConsoleUser,
  ensureFirstConsoleUser,
  hashPassword,
  resetConsolePassword,
  verifyPassword,
} from '../../status-server/auth/passwords.ts';
import { consoleClient, csrfOf, insertReport, logIn, signedIn } from '../helpers/console.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

describe.each(testDatabases())('console login and sessions on $name', (database) => {
  let server: TestServer;
  let email: string;
  let password: string;
  beforeAll(async () => {
    server = await startTestServer(database);
    const first = await ensureFirstConsoleUser(server.store.db);
    if (!first) throw new Error('a fresh database must get a first console user');
    ({ email, password } = first);
  });
  afterAll(() => server.stop());

  const incidentCount = async () =>
    Number(
      (
        await server.store.db
          .selectFrom('incidents')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('creates admin@localhost once, with a strong password stored only as a salted scrypt hash', async () => {
    expect(email).toBe('admin@localhost');
    expect(password.length).toBeGreaterThanOrEqual(20);
    expect(await ensureFirstConsoleUser(server.store.db)).toBeUndefined();
    const row = await server.store.db
      .selectFrom('console_users')
      .select('password_hash')
      .where('email', '=', email)
      .executeTakeFirstOrThrow();
    expect(row.password_hash).toMatch(/^scrypt\$32768\$8\$1\$[\w-]+\$[\w-]+$/);
    expect(row.password_hash).not.toContain(password);
    expect(await verifyPassword(password, row.password_hash)).toBe(true);
    expect(await verifyPassword(`${password}x`, row.password_hash)).toBe(false);
    // Salted: the same password never hashes the same twice, and both hashes still verify.
    const [a, b] = await Promise.all([hashPassword(password), hashPassword(password)]);
    expect(a).not.toBe(b);
    expect(await verifyPassword(password, b)).toBe(true);
    // An e-mail is one account.
    expect(await addConsoleUser(server.store.db, email, 'Again')).toBeUndefined();
  });

  it('logs in with the right password and sets a __Host- session cookie that only its hash is stored of', async () => {
    const { client, response } = await logIn(server, 'Admin@Localhost ', password);
    expect(response.status).toBe(303);
    expect(response.headers.get('location')).toBe('/console');
    const cookie = response.headers.getSetCookie().find((c) => c.startsWith('__Host-snapdesk_session='));
    expect(cookie).toBeDefined();
    expect(cookie).toMatch(/; Secure/);
    expect(cookie).toMatch(/; HttpOnly/);
    expect(cookie).toMatch(/; SameSite=Lax/);
    expect(cookie).toMatch(/; Path=\//);
    expect(cookie).not.toMatch(/Domain=/i);
    const id = client.cookies.get('__Host-snapdesk_session') as string;
    const stored = await server.store.db.selectFrom('console_sessions').select('id_hash').execute();
    expect(stored.map((s) => s.id_hash)).toContain(createHash('sha256').update(id).digest('hex'));
    expect(stored.map((s) => s.id_hash)).not.toContain(id);
    const inbox = await client.get('/console');
    expect(inbox.status).toBe(200);
    expect(await inbox.text()).toContain('Signed in as Administrator (admin@localhost)');
    // A page with customers' reports and a form token is neither cached nor framed.
    expect(inbox.headers.get('cache-control')).toBe('no-store');
    expect(inbox.headers.get('content-security-policy')).toContain("frame-ancestors 'none'");
    expect(inbox.headers.get('content-security-policy')).toContain("form-action 'self'");
  });

  it('refuses a wrong password or unknown e-mail with the same message and no session', async () => {
    for (const [who, pass] of [
      [email, 'wrong-password'],
      ['nobody@example.com', password],
    ] as const) {
      const { client, response } = await logIn(server, who, pass);
      expect(response.status).toBe(401);
      expect(await response.text()).toContain('That e-mail and password do not match an account');
      expect(client.cookies.has('__Host-snapdesk_session')).toBe(false);
    }
  });

  it('pauses logins for an e-mail and address after five failures, even with the right password', async () => {
    const target = 'throttled@example.com';
    const right = (await addConsoleUser(server.store.db, target, 'Throttled')) as string;
    for (let i = 0; i < 5; i++) expect((await logIn(server, target, 'guess')).response.status).toBe(401);
    const blocked = await logIn(server, target, right);
    expect(blocked.response.status).toBe(429);
    expect(blocked.response.headers.get('retry-after')).toMatch(/^\d+$/);
    expect(await blocked.response.text()).toContain('Too many failed attempts');
    // Another account from the same address is not affected.
    expect((await logIn(server, email, password)).response.status).toBe(303);
  });

  it('sends people who are not logged in to the login page and back, for pages and images alike', async () => {
    const report = await insertReport(server, { images: 1 });
    const anonymous = consoleClient(server);
    for (const path of [
      '/console',
      '/console?sort=deadline',
      `/console/reports/${report.reference}`,
      `/console/reports/${report.reference}/attachments/0`,
      '/console/incidents',
      '/console/components',
      '/console/maintenance/new',
    ]) {
      const res = await anonymous.get(path);
      expect(res.status, path).toBe(303);
      expect(res.headers.get('location'), path).toBe(`/console/login?next=${encodeURIComponent(path)}`);
      expect(res.headers.get('content-type') ?? '', path).not.toMatch(/image/);
    }
    const before = await incidentCount();
    const post = await anonymous.post('/console/incidents', { name: 'Sneaky', message: 'x' }, { csrf: null });
    expect(post.status).toBe(303);
    expect(await incidentCount()).toBe(before);

    // After logging in from such a link, the person lands where they were going, never off-site.
    const { response } = await (async () => {
      const c = consoleClient(server);
      c.csrf = csrfOf(await (await c.get('/console/login')).text());
      return { response: await c.post('/console/login', { email, password, next: '/console/incidents' }) };
    })();
    expect(response.headers.get('location')).toBe('/console/incidents');
    const c = consoleClient(server);
    c.csrf = csrfOf(await (await c.get('/console/login')).text());
    const offsite = await c.post('/console/login', { email, password, next: '//evil.example/console' });
    expect(offsite.headers.get('location')).toBe('/console');
  });

  it('refuses a login form that lacks the login cookie’s token (login CSRF)', async () => {
    const client = consoleClient(server);
    const page = await (await client.get('/console/login')).text();
    expect(csrfOf(page)).toMatch(/^[\w-]{40,}$/);
    const forged = await client.post('/console/login', { email, password }, { csrf: 'made-up' });
    expect(forged.status).toBe(403);
    expect(await forged.text()).toContain('The login form had expired or came from another site');
    const noCookie = consoleClient(server);
    const res = await noCookie.post('/console/login', { email, password }, { csrf: csrfOf(page) });
    expect(res.status).toBe(403);
    expect(noCookie.cookies.has('__Host-snapdesk_session')).toBe(false);
  });

  it('refuses posts without the form token, with a wrong one, or from another site, and changes nothing', async () => {
    const client = await signedIn(server);
    const before = await incidentCount();
    const fields = { name: 'Forged incident', message: 'forged', impact: 'major', status: 'investigating' };
    for (const options of [{ csrf: null }, { csrf: 'wrong-token' }, { origin: 'https://evil.example' }]) {
      const res = await client.post('/console/incidents', fields, options);
      expect(res.status, JSON.stringify(options)).toBe(403);
      const text = await res.text();
      expect(text).toContain('This form could not be accepted');
      expect(text).toContain('Nothing was changed');
    }
    expect(await incidentCount()).toBe(before);
    // The same form with the token from the session's pages goes through.
    expect((await client.post('/console/incidents', fields)).status).toBe(303);
    expect(await incidentCount()).toBe(before + 1);
  });

  it('puts the session’s token in every form of a page', async () => {
    const client = await signedIn(server);
    const page = await (await client.get('/console/incidents/new')).text();
    const forms = page.match(/<form[^>]*method="post"[\s\S]*?<\/form>/g) ?? [];
    expect(forms.length).toBeGreaterThanOrEqual(2); // the incident form and the logout button
    for (const form of forms) expect(form).toContain(`name="_csrf" value="${client.csrf}"`);
  });

  it('logs out: the session ends on the server and its cookie is cleared', async () => {
    const client = await signedIn(server);
    const id = client.cookies.get('__Host-snapdesk_session') as string;
    expect((await client.post('/console/logout', {}, { csrf: 'wrong' })).status).toBe(403);
    const res = await client.post('/console/logout', {});
    expect(res.status).toBe(303);
    expect(res.headers.get('location')).toBe('/console/login');
    expect(res.headers.getSetCookie().some((c) => /^__Host-snapdesk_session=;.*Max-Age=0/.test(c))).toBe(
      true,
    );
    const hash = createHash('sha256').update(id).digest('hex');
    expect(
      await server.store.db
        .selectFrom('console_sessions')
        .select('id_hash')
        .where('id_hash', '=', hash)
        .execute(),
    ).toEqual([]);
    // Replaying the old cookie gets nowhere.
    const replay = await server.request('/console', { headers: { cookie: `__Host-snapdesk_session=${id}` } });
    expect(replay.status).toBe(303);
  });

  it('slides a session’s expiry forward while it is used, and ends it after 12 hours idle', async () => {
    const client = await signedIn(server);
    const hash = createHash('sha256')
      .update(client.cookies.get('__Host-snapdesk_session') as string)
      .digest('hex');
    const setExpiry = (at: Date) =>
      server.store.db
        .updateTable('console_sessions')
        .set({ expires_at: at.toISOString() })
        .where('id_hash', '=', hash)
        .execute();

    await setExpiry(new Date(Date.now() + 3_600_000));
    const used = await client.get('/console');
    expect(used.status).toBe(200);
    expect(used.headers.getSetCookie().some((c) => c.startsWith('__Host-snapdesk_session='))).toBe(true);
    const row = await server.store.db
      .selectFrom('console_sessions')
      .select('expires_at')
      .where('id_hash', '=', hash)
      .executeTakeFirstOrThrow();
    expect(Date.parse(row.expires_at) - Date.now()).toBeGreaterThan(11.9 * 3_600_000);

    await setExpiry(new Date(Date.now() - 1000));
    const expired = await client.get('/console');
    expect(expired.status).toBe(303);
    expect(expired.headers.get('location')).toContain('/console/login');
  });

  it('a new password ends the user’s sessions', async () => {
    const target = 'reset@example.com';
    const first = (await addConsoleUser(server.store.db, target, 'Reset')) as string;
    const { client } = await logIn(server, target, first);
    expect((await client.get('/console')).status).toBe(200);
    const second = await resetConsolePassword(server.store.db, target);
    expect(second).toBeDefined();
    expect((await client.get('/console')).status).toBe(303);
    expect((await logIn(server, target, first)).response.status).toBe(401);
    expect((await logIn(server, target, second as string)).response.status).toBe(303);
  });
});

describe.skip.each(skippedDatabases())('console login and sessions on %s', () => {
  it('needs PostgreSQL', () => {});
});
