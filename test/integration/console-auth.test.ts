import { createHash } from 'node:crypto';
import { Hono } from 'hono';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../status-server/auth/login-throttle.ts';
import {
  addConsoleUser,
  ensureFirstConsoleUser,
  hashPassword,
  resetConsolePassword,
  verifyPassword,
} from '../../status-server/auth/passwords.ts';
import { type ConsoleEnv, loadSession } from '../../status-server/console/guard.ts';
import { loginRoutes } from '../../status-server/console/login.ts';
import { type ConsoleClient, consoleClient, csrfOf, logIn, signedIn } from '../helpers/console.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { insertReport } from '../helpers/reports.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const DEVICE_COOKIE = '__Host-snapdesk_device';
const SESSION_COOKIE = '__Host-snapdesk_session';

/**
 * The console's login form on the test server's database, with a login throttle on a clock the test
 * moves, so waits are checked without waiting. `trustProxy` makes each browser's X-Forwarded-For its
 * address; without it every browser has the same one, as behind a proxy the server does not trust.
 */
function loginForm(server: TestServer, options: { trustProxy?: boolean; accountCeiling?: number } = {}) {
  const clock = { now: Date.now() };
  const deps = {
    store: server.store,
    snapshots: server.snapshots,
    config: { ...server.config, trustProxy: options.trustProxy ?? false },
  };
  const throttle = new LoginThrottle({ now: () => clock.now, accountCeiling: options.accountCeiling });
  const app = new Hono().route(
    '/console',
    new Hono<ConsoleEnv>().use('*', loadSession(deps)).route('/', loginRoutes(deps, throttle)),
  );
  return {
    advance: (ms: number) => {
      clock.now += ms;
    },
    /** A new browser, at `address` when the server trusts the proxy's X-Forwarded-For. */
    browser: (address?: string): ConsoleClient =>
      consoleClient({
        request: async (path, init) =>
          app.request(`http://status.test${path}`, {
            ...init,
            headers: {
              ...(init?.headers as Record<string, string>),
              ...(address ? { 'x-forwarded-for': address } : {}),
            },
          }),
      }),
  };
}

/** Logs in through the form as the browser would: its login page first, then the post. */
async function attempt(browser: ConsoleClient, email: string, password: string) {
  // A browser that is logged in already is sent on from the login page; this one logs in afresh.
  browser.cookies.delete(SESSION_COOKIE);
  browser.csrf = csrfOf(await (await browser.get('/console/login')).text());
  const res = await browser.post('/console/login', { email, password });
  return { status: res.status, retryAfter: res.headers.get('retry-after'), text: await res.text() };
}

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

  /** A new console user, for a test of its own: its e-mail and password. */
  const newUser = async (name: string) => {
    const who = `${name}-${Math.random().toString(36).slice(2)}@example.com`;
    return { who, right: (await addConsoleUser(server.store.db, who, name)) as string };
  };

  it('makes a client that keeps failing wait, longer each time, and lets it in once it has waited', async () => {
    const form = loginForm(server);
    const { who, right } = await newUser('patient');
    const guesser = form.browser();
    for (let i = 0; i < 3; i++) expect((await attempt(guesser, who, 'guess')).status).toBe(401);
    // The failing client itself waits, even with the right password, and is told for how long.
    const held = await attempt(guesser, who, right);
    expect(held.status).toBe(429);
    expect(held.retryAfter).toBe('1');
    expect(held.text).toContain('Too many failed attempts for this e-mail from here. Try again in 1 s.');
    expect(guesser.cookies.has(SESSION_COOKIE)).toBe(false);
    for (const seconds of [1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300]) {
      expect((await attempt(guesser, who, 'guess')).retryAfter).toBe(String(seconds));
      form.advance(seconds * 1000 - 1);
      const almost = await attempt(guesser, who, 'guess');
      expect([almost.status, almost.retryAfter]).toEqual([429, '1']);
      form.advance(1);
      expect((await attempt(guesser, who, 'guess')).status).toBe(401);
    }
    form.advance(300_000);
    expect((await attempt(guesser, who, right)).status).toBe(303);
    expect(guesser.cookies.has(SESSION_COOKIE)).toBe(true);
  });

  it('never delays the right password from another address that has not been failing', async () => {
    const form = loginForm(server, { trustProxy: true });
    const { who, right } = await newUser('targeted');
    const guesser = form.browser('203.0.113.9');
    for (let i = 0; i < 4; i++) await attempt(guesser, who, 'guess');
    expect((await attempt(guesser, who, 'guess')).status).toBe(429);
    // Someone else mistyping is refused as usual, not made to wait for the guesser's failures.
    expect((await attempt(form.browser('198.51.100.8'), who, 'typo')).status).toBe(401);
    const owner = form.browser('198.51.100.7');
    expect((await attempt(owner, who, right)).status).toBe(303);
    expect(owner.cookies.has(SESSION_COOKIE)).toBe(true);
  });

  it('behind one proxy address, lets a browser that has logged in before in at once while a guesser there waits', async () => {
    const form = loginForm(server);
    const { who, right } = await newUser('proxied');
    const support = form.browser();
    const first = await support.get('/console/login');
    support.csrf = csrfOf(await first.text());
    const login = await support.post('/console/login', { email: who, password: right });
    expect(login.status).toBe(303);
    const cookie = login.headers.getSetCookie().find((c) => c.startsWith(`${DEVICE_COOKIE}=`));
    expect(cookie).toMatch(/; Max-Age=31536000; Path=\/; HttpOnly; Secure; SameSite=Strict$/);

    const guesser = form.browser();
    for (let i = 0; i < 3; i++) expect((await attempt(guesser, who, 'guess')).status).toBe(401);
    expect((await attempt(guesser, who, right)).status).toBe(429);
    // Support's browser, same address, same moment: its own count, so a typo is refused, then it gets in.
    expect((await attempt(support, who, 'typo')).status).toBe(401);
    expect((await attempt(support, who, right)).status).toBe(303);
    // A browser new to the account cannot be told from the guesser: it waits the guesser's wait.
    const fresh = form.browser();
    expect((await attempt(fresh, who, right)).status).toBe(429);
    form.advance(1000);
    expect((await attempt(fresh, who, right)).status).toBe(303);
  });

  it('trusts a device cookie only for the account it logged in to, only as signed, and not after a new password', async () => {
    const form = loginForm(server);
    const ana = await newUser('ana');
    const bo = await newUser('bo');
    const browser = form.browser();
    expect((await attempt(browser, ana.who, ana.right)).status).toBe(303);
    const device = browser.cookies.get(DEVICE_COOKIE) as string;
    expect(device).toMatch(/^[\w-]{22}\.[\w-]{22}$/);
    // Keep both accounts' shared address waiting.
    const guesser = form.browser();
    for (const { who } of [ana, bo]) for (let i = 0; i < 3; i++) await attempt(guesser, who, 'guess');

    // Another account: this browser has never logged in to it, so it is the address.
    expect((await attempt(browser, bo.who, bo.right)).status).toBe(429);
    // A forged or altered tag is no device at all.
    const [id, tag] = device.split('.') as [string, string];
    for (const forged of [
      `${id}.${'A'.repeat(22)}`,
      `${id}.${tag.startsWith('A') ? 'B' : 'A'}${tag.slice(1)}`,
      `${id}.${tag.slice(0, -1)}${tag.endsWith('A') ? 'B' : 'A'}`,
      id,
    ]) {
      browser.cookies.set(DEVICE_COOKIE, forged);
      expect((await attempt(browser, ana.who, ana.right)).status, forged).toBe(429);
    }
    browser.cookies.set(DEVICE_COOKIE, device);
    expect((await attempt(browser, ana.who, ana.right)).status).toBe(303);
    // One browser, two accounts: after logging in to both it is known to both, with the same id.
    form.advance(1000);
    expect((await attempt(browser, bo.who, bo.right)).status).toBe(303);
    const both = browser.cookies.get(DEVICE_COOKIE) as string;
    expect(both.split('.')).toHaveLength(3);
    expect(both.startsWith(`${id}.`)).toBe(true);
    for (let i = 0; i < 3; i++) await attempt(guesser, bo.who, 'guess');
    expect((await attempt(browser, ana.who, ana.right)).status).toBe(303);
    expect((await attempt(browser, bo.who, bo.right)).status).toBe(303);
    // A new password forgets the account's browsers.
    const renewed = (await resetConsolePassword(server.store.db, ana.who)) as string;
    for (let i = 0; i < 3; i++) await attempt(guesser, ana.who, 'guess');
    expect((await attempt(browser, ana.who, renewed)).status).toBe(429);
  });

  it('when one account is flooded from many addresses, makes each failing one wait from its first failure, not one that has not failed', async () => {
    const form = loginForm(server, { trustProxy: true, accountCeiling: 10 });
    const { who, right } = await newUser('flooded');
    for (let i = 0; i < 10; i++)
      expect((await attempt(form.browser(`203.0.113.${i}`), who, 'guess')).status).toBe(401);
    const bot = form.browser('203.0.113.200');
    expect((await attempt(bot, who, 'guess')).status).toBe(401);
    expect((await attempt(bot, who, 'guess')).retryAfter).toBe('2');
    expect((await attempt(form.browser('198.51.100.7'), who, right)).status).toBe(303);
  });

  it('sends people who are not logged in to the login page and back, for pages and images alike', async () => {
    const report = await insertReport(server.store, { images: 1 });
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
