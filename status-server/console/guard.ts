import type { Context } from 'hono';
import { deleteCookie, getCookie, setCookie } from 'hono/cookie';
import { createMiddleware } from 'hono/factory';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { availableLocales, createTranslator } from '../../shared/i18n/index.ts';
import {
  type ConsoleSession,
  readSession,
  SESSION_COOKIE,
  SESSION_TTL_MS,
  sameToken,
} from '../auth/sessions.ts';
import type { Config } from '../config.ts';
import type { Store } from '../platform/db.ts';
import { pagePath, requestTranslation } from '../platform/http/locale.ts';
import type { Snapshots } from '../snapshot/snapshots.ts';
import type { StatusService } from '../status/service.ts';
import type { ConsoleContext, ConsoleKey } from '../views/console/context.ts';
import { renderProblem } from '../views/console/problem.ts';
import { readForm } from './forms.ts';

/** Set by `loadSession`; undefined only on the login page, as `requireLogin` guards the rest. */
export type ConsoleEnv = {
  Variables: { session: ConsoleSession | undefined; sessionId: string | undefined };
};

export interface ConsoleDeps {
  store: Store;
  snapshots: Snapshots;
  status: StatusService;
  config: Config;
}

export function setSessionCookie(c: Context, id: string): void {
  setCookie(c, SESSION_COOKIE, id, {
    secure: true,
    httpOnly: true,
    sameSite: 'Lax',
    path: '/',
    maxAge: SESSION_TTL_MS / 1000,
  });
}

export function clearSessionCookie(c: Context): void {
  deleteCookie(c, SESSION_COOKIE, { secure: true, httpOnly: true, sameSite: 'Lax', path: '/' });
}

/** Reads the session cookie into `session`, sliding its expiry; an unknown or expired one is cleared. */
export function loadSession({ store }: Pick<ConsoleDeps, 'store'>) {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    const id = getCookie(c, SESSION_COOKIE);
    const session = id && id.length <= 100 ? await readSession(store.db, id) : undefined;
    if (id && !session) clearSessionCookie(c);
    if (id && session?.renewed) setSessionCookie(c, id);
    c.set('session', session);
    c.set('sessionId', session ? id : undefined);
    await next();
  });
}

/** Everything but the login page needs a session; without one the person is sent to log in and back. */
export const requireLogin = createMiddleware<ConsoleEnv>(async (c, next) => {
  if (c.get('session')) return next();
  const url = new URL(c.req.url);
  const back = c.req.method === 'GET' ? `${url.pathname}${url.search}` : '/console';
  return c.redirect(`/console/login?next=${encodeURIComponent(back)}`, 303);
});

/**
 * The view context of this request: the page's settings, the console's messages, who is signed in.
 * The language is the one the person chose (see console/language.ts), else their browser's.
 */
export function viewOf(c: Context<ConsoleEnv>, config: Config, csrf?: string): ConsoleContext {
  const session = c.get('session');
  const chosen = session?.user.locale;
  return {
    config,
    ...(chosen && availableLocales.includes(chosen)
      ? { locale: chosen, t: createTranslator(chosen) }
      : requestTranslation(c, config.defaultLocale)),
    now: new Date(),
    path: pagePath(c.req.url),
    user: session?.user,
    csrf: csrf ?? session?.csrfToken ?? '',
  };
}

export function problem(
  c: Context<ConsoleEnv>,
  config: Config,
  status: ContentfulStatusCode,
  title: ConsoleKey,
  message: ConsoleKey,
): Response {
  const view = viewOf(c, config);
  return c.html(renderProblem(view.t(title), view.t(message), view), status);
}

/**
 * A browser says where a form was sent from: `Sec-Fetch-Site` in current browsers, `Origin` in most.
 * Either naming another site refuses the post; clients that send neither still need the form token.
 */
export function fromThisSite(c: Context, config: Config): boolean {
  const site = c.req.header('sec-fetch-site');
  if (site && site !== 'same-origin' && site !== 'none') return false;
  const origin = c.req.header('origin');
  if (origin === undefined) return true;
  return origin === new URL(c.req.url).origin || origin === new URL(config.publicUrl).origin;
}

/** Every post must come from this site and carry the session's form token; otherwise 403 and nothing changes. */
export function checkCsrf(config: Config) {
  return createMiddleware<ConsoleEnv>(async (c, next) => {
    if (c.req.method !== 'POST') return next();
    const form = await readForm(c);
    if (!fromThisSite(c, config) || !sameToken(form.get('_csrf') ?? undefined, c.get('session')?.csrfToken)) {
      return problem(c, config, 403, 'console.problem.csrfTitle', 'console.problem.csrf');
    }
    return next();
  });
}
