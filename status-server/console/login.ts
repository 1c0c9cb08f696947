import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { DEVICE_COOKIE, DEVICE_TTL_S, deviceCookieAfterLogin, knownDevice } from '../auth/devices.ts';
import { LoginThrottle } from '../auth/login-throttle.ts';
import { checkLogin } from '../auth/passwords.ts';
import { endSession, randomToken, sameToken, startSession } from '../auth/sessions.ts';
import { clientAddress } from '../platform/http/client.ts';
import { renderLogin } from '../views/console/login.ts';
import { readForm } from './forms.ts';
import {
  type ConsoleDeps,
  type ConsoleEnv,
  clearSessionCookie,
  fromThisSite,
  problem,
  setSessionCookie,
  viewOf,
} from './guard.ts';

/**
 * Login CSRF guard: a random token in this cookie and in the login form must match, so another site
 * cannot post its own credentials and sign the victim into the attacker's account.
 */
const LOGIN_COOKIE = '__Host-snapdesk_login';

/** Keeps this browser known to the account it logged in to, so its logins are not throttled as its address's. */
function rememberDevice(c: Context, value: string): void {
  setCookie(c, DEVICE_COOKIE, value, {
    secure: true,
    httpOnly: true,
    sameSite: 'Strict',
    path: '/',
    maxAge: DEVICE_TTL_S,
  });
}

/** Where to go after logging in: only a console page, so the link cannot send anyone elsewhere. */
function safeNext(next: string | null | undefined): string {
  return next && /^\/console(?:[/?][^\\\s]*)?$/.test(next) ? next : '/console';
}

/**
 * The login form. `throttle` keeps the failed logins of this app (tests pass one with their own clock):
 * a client that keeps failing for an account waits longer each time, while the right password from
 * any client that has not been failing is let in at once.
 */
export function loginRoutes(deps: Pick<ConsoleDeps, 'store' | 'config'>, throttle = new LoginThrottle()) {
  const { store, config } = deps;

  const show = (
    c: Context<ConsoleEnv>,
    values: Record<string, string>,
    status: 200 | 401 | 429,
    problemText?: string,
  ) => {
    const token = getCookie(c, LOGIN_COOKIE) || randomToken();
    setCookie(c, LOGIN_COOKIE, token, {
      secure: true,
      httpOnly: true,
      sameSite: 'Lax',
      path: '/',
      maxAge: 3600,
    });
    const view = viewOf(c, config, token);
    return c.html(
      renderLogin({ values: new URLSearchParams(values), errors: {} }, problemText, view),
      status,
    );
  };

  return new Hono<ConsoleEnv>()
    .get('/login', (c) => {
      const next = safeNext(c.req.query('next'));
      if (c.get('session')) return c.redirect(next, 303);
      return show(c, { next }, 200);
    })
    .post('/login', async (c) => {
      const form = await readForm(c);
      if (
        !fromThisSite(c, config) ||
        !sameToken(form.get('_csrf') ?? undefined, getCookie(c, LOGIN_COOKIE))
      ) {
        return problem(c, config, 403, 'console.problem.csrfTitle', 'console.problem.loginCsrf');
      }
      const email = (form.get('email') ?? '').trim().toLowerCase().slice(0, 254);
      const next = safeNext(form.get('next'));
      const t = viewOf(c, config).t;
      // Who is trying: a browser that has logged in to this account before, else the client's address.
      const device = await knownDevice(store.db, email, getCookie(c, DEVICE_COOKIE));
      const client = device ? `device ${device}` : `address ${clientAddress(c, config.trustProxy)}`;
      const wait = throttle.waitFor(email, client);
      if (wait > 0) {
        const seconds = Math.ceil(wait / 1000);
        c.header('retry-after', String(seconds));
        return show(c, { email, next }, 429, t('console.login.throttled', { seconds }));
      }
      const user = await checkLogin(store.db, email, (form.get('password') ?? '').slice(0, 1024));
      if (!user) {
        throttle.fail(email, client);
        return show(c, { email, next }, 401, t('console.login.failed'));
      }
      throttle.succeed(email, client);
      rememberDevice(c, await deviceCookieAfterLogin(store.db, user.email, getCookie(c, DEVICE_COOKIE)));
      // A fresh id on every login, so a session id planted before login is worth nothing after it.
      const old = c.get('sessionId');
      if (old) await endSession(store.db, old);
      const session = await startSession(store.db, user.id);
      setSessionCookie(c, session.id);
      deleteCookie(c, LOGIN_COOKIE, { secure: true, path: '/' });
      return c.redirect(next, 303);
    });
}

/** Ends the session here and in the browser; behind the login and form-token checks like every post. */
export function logoutRoute({ store }: Pick<ConsoleDeps, 'store'>) {
  return new Hono<ConsoleEnv>().post('/logout', async (c) => {
    const id = c.get('sessionId');
    if (id) await endSession(store.db, id);
    clearSessionCookie(c);
    return c.redirect('/console/login', 303);
  });
}
