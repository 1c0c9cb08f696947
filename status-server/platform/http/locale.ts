import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import {
  availableLocales,
  createTranslator,
  localeFor,
  type Translator,
} from '../../../shared/i18n/index.ts';

/** The cookie that remembers a language chosen with `?lang=` (the switcher's links). */
export const LOCALE_COOKIE = 'lang';
const REMEMBER_SECONDS = 365 * 24 * 3600;

/** A language and its messages, as views take them. */
export interface Translation {
  locale: string;
  t: Translator;
}

// Browsers send a handful of distinct Accept-Language values; negotiating each once keeps the
// status page's hot path to a map lookup. Bounded, since the header is the client's to vary.
const negotiated = new Map<string, string>();
const MAX_NEGOTIATED = 1000;

/**
 * The one place a request's language is decided: `?lang=`, then the `lang` cookie, then
 * `Accept-Language` by its q-values, among the locales there are catalogues for; else `fallback`,
 * the page's configured default.
 */
export function requestLocale(c: Context, fallback: string): string {
  const query = c.req.url.includes('lang=') ? c.req.query('lang') : undefined;
  const cookie = c.req.header('cookie') ? getCookie(c, LOCALE_COOKIE) : undefined;
  if (query || cookie)
    return localeFor({ query, cookie, acceptLanguage: c.req.header('accept-language') }, fallback);
  return acceptedLocale(c.req.header('accept-language'), fallback);
}

/** The language of a request with neither `?lang=` nor the cookie: by `Accept-Language` alone. */
export function acceptedLocale(header: string | undefined, fallback: string): string {
  if (!header) return fallback;
  const key = `${fallback} ${header}`;
  let locale = negotiated.get(key);
  if (locale === undefined) {
    locale = localeFor({ acceptLanguage: header }, fallback);
    if (negotiated.size >= MAX_NEGOTIATED) negotiated.clear();
    negotiated.set(key, locale);
  }
  return locale;
}

export function requestTranslation(c: Context, fallback: string): Translation {
  const locale = requestLocale(c, fallback);
  return { locale, t: createTranslator(locale) };
}

/**
 * A page asked for with `?lang=` of a language we have remembers it, so the next page (and the next
 * visit) comes in it without the parameter. Only pages: the API and feeds take `?lang=` as it is.
 */
export function rememberLocale(url: string, res: Response): Response {
  if (!url.includes('lang=')) return res;
  const wanted = new URL(url).searchParams.get('lang');
  const locale = wanted ? localeFor({ query: wanted }, '') : '';
  if (!locale || !res.headers.get('content-type')?.startsWith('text/html')) return res;
  const secure = url.startsWith('https:') ? '; Secure' : '';
  const cookie = `${LOCALE_COOKIE}=${locale}; Path=/; Max-Age=${REMEMBER_SECONDS}; SameSite=Lax${secure}`;
  const copy = new Response(res.body, res);
  copy.headers.append('set-cookie', cookie);
  return copy;
}

/** The language switcher's choices: each locale by its own name ("Română", "Українська"). */
export const localeNames: ReadonlyArray<{ locale: string; name: string }> = availableLocales.map((locale) => {
  const name = new Intl.DisplayNames([locale], { type: 'language' }).of(locale) ?? locale;
  return { locale, name: name.charAt(0).toLocaleUpperCase(locale) + name.slice(1) };
});

/** A request's path and query without `lang`: the page the language switcher offers in each language. */
export function pagePath(url: string): string {
  const u = new URL(url);
  u.searchParams.delete('lang');
  return u.pathname + u.search;
}
