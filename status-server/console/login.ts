import { type Context, Hono } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { checkLogin } from '../auth/passwords.ts';
import { endSession, randomToken, sameToken, startSession } from '../auth/sessions.ts';
import { clientAddress } from '../http/client.ts';
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
/** Failed logins allowed per e-mail and client address before a pause. */
const MAX_FAILURES = 5;
const FAILURE_WINDOW_MS = 15 * 60_000;

/**
 * Failed logins per e-mail and address, in this process's memory: with several instances each
 * counts its own, which still slows guessing to a crawl; a restart forgets them.
 */
class FailedLogins {
  private readonly failures = new Map<string, number[]>();

  /** Milliseconds until `key` may try again; 0 when it may now. */
  waitFor(key: string, now = Date.now()): number {
    const recent = (this.failures.get(key) ?? []).filter((at) => now - at < FAILURE_WINDOW_MS);
    return recent.length < MAX_FAILURES ? 0 : (recent[0] as number) + FAILURE_WINDOW_MS - now;
  }

  fail(key: string, now = Date.now()): void {
    const recent = (this.failures.get(key) ?? []).filter((at) => now - at < FAILURE_WINDOW_MS);
    this.failures.set(key, [...recent, now].slice(-MAX_FAILURES));
    // Forget stale keys now and then so a guesser cycling addresses cannot grow the map for ever.
    if (this.failures.size > 10_000) {
      for (const [k, times] of this.failures)
        if (times.every((at) => now - at >= FAILURE_WINDOW_MS)) this.failures.delete(k);
    }
  }

  clear(key: string): void {
    this.failures.delete(key);
  }
}

/** Where to go after logging in: only a console page, so the link cannot send anyone elsewhere. */
function safeNext(next: string | null | undefined): string {
  return next && /^\/console(?:[/?][^\\\s]*)?$/.test(next) ? next : '/console';
}

export function loginRoutes(deps: ConsoleDeps) {
  const { store, config } = deps;
  const failed = new FailedLogins();

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
      const key = `${email}|${clientAddress(c, config.trustProxy)}`;
      const wait = failed.waitFor(key);
      if (wait > 0) {
        c.header('retry-after', String(Math.ceil(wait / 1000)));
        return show(
          c,
          { email, next },
          429,
          t('console.login.throttled', { minutes: Math.ceil(wait / 60_000) }),
        );
      }
      const user = await checkLogin(store.db, email, (form.get('password') ?? '').slice(0, 1024));
      if (!user) {
        failed.fail(key);
        return show(c, { email, next }, 401, t('console.login.failed'));
      }
      failed.clear(key);
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
export function logoutRoute({ store }: ConsoleDeps) {
  return new Hono<ConsoleEnv>().post('/logout', async (c) => {
    const id = c.get('sessionId');
    if (id) await endSession(store.db, id);
    clearSessionCookie(c);
    return c.redirect('/console/login', 303);
  });
}
