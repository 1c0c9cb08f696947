import type { MessageKey, Messages } from './catalogue.ts';
import { type Locale, locales } from './locales.ts';
import { fill } from './message.ts';
import { type LocaleWish, negotiateLocale } from './negotiate.ts';

export type { ConsoleKey, FormKey, MailKey, MessageKey, Messages, PageKey } from './catalogue.ts';
export type { Locale } from './locales.ts';
export type { LocaleWish } from './negotiate.ts';
export type Translator = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Each locale's messages of every surface in one table, as translators read them. */
export const catalogues: Record<string, Messages> = Object.fromEntries(
  Object.entries(locales).map(([locale, c]) => [locale, { ...c.page, ...c.mail, ...c.form, ...c.console }]),
);
/** The locales there are messages for, as `negotiateLocale` chooses among them. */
export const availableLocales: readonly string[] = Object.keys(locales);
export const defaultLocale: Locale = 'en';
const english = catalogues[defaultLocale] as Messages;

/** Looks a message up and fills its placeholders (see `fill`); an unknown placeholder is left visible. */
export function createTranslator(locale: string): Translator {
  const own = Object.hasOwn(catalogues, locale) ? locale : defaultLocale;
  const messages = catalogues[own] ?? english;
  return (key, params) => fill(messages[key] ?? english[key], params, own);
}

export { fill };

/** The best available locale for a request or a browser (see `negotiateLocale`), else `fallback`. */
export function localeFor(wish: LocaleWish, fallback: string = defaultLocale): string {
  return negotiateLocale(wish, availableLocales, fallback);
}
