import { availableLocales } from '../../shared/i18n/index.ts';

/**
 * The language a subscriber's mails and messages are written in: the one stored with them, else
 * (a subscriber from before languages, or a language no longer offered) the page's default.
 */
export function localeOf(sub: { locale: string | null }, fallback: string): string {
  return sub.locale && availableLocales.includes(sub.locale) ? sub.locale : fallback;
}

/**
 * A link to one of the page's pages that opens it in `locale` (`?lang=`), so a page reached from a
 * mail speaks the mail's language whatever the browser's. Works on the stand-ins notices are
 * rendered with too, since they are replaced by whole links without a query.
 */
export function inLanguage(url: string, locale: string): string {
  return `${url}${url.includes('?') ? '&' : '?'}lang=${encodeURIComponent(locale)}`;
}
