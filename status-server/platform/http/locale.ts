import type { Context } from 'hono';
import { getCookie } from 'hono/cookie';
import { createTranslator, localeFor, type Translator } from '../../../shared/i18n/index.ts';

/** The cookie that remembers a chosen language. Read here; nothing sets it yet. */
export const LOCALE_COOKIE = 'lang';

/** A language and its messages, as views take them. */
export interface Translation {
  locale: string;
  t: Translator;
}

/**
 * The one place a request's language is decided, for the pages answered per request (the console,
 * the subscription pages, the 404s): `?lang=`, then the `lang` cookie, then `Accept-Language`,
 * among the locales there are catalogues for; else `fallback`, the page's configured default.
 * Pages kept in the snapshot take the snapshot's language instead.
 */
export function requestTranslation(c: Context, fallback: string): Translation {
  const locale = localeFor(
    {
      query: c.req.query('lang'),
      cookie: getCookie(c, LOCALE_COOKIE),
      acceptLanguage: c.req.header('accept-language'),
    },
    fallback,
  );
  return { locale, t: createTranslator(locale) };
}
