import type { MessageKey, Messages } from './catalogue.ts';
import { type Locale, locales } from './locales.ts';

export type { ConsoleKey, FormKey, MessageKey, Messages, PageKey } from './catalogue.ts';
export type { Locale } from './locales.ts';
export type Translator = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Each locale's messages of every surface in one table, as translators read them. */
export const catalogues: Record<string, Messages> = Object.fromEntries(
  Object.entries(locales).map(([locale, c]) => [locale, { ...c.page, ...c.form, ...c.console }]),
);
/** The locales there are messages for. */
export const availableLocales: readonly string[] = Object.keys(locales);
export const defaultLocale: Locale = 'en';
const english = catalogues[defaultLocale] as Messages;

/** Looks a message up and fills `{name}` placeholders; an unknown placeholder is left visible. */
export function createTranslator(locale: string): Translator {
  const messages = catalogues[locale] ?? english;
  return (key, params) => fill(messages[key] ?? english[key], params);
}

/** Puts `params` into a message's `{name}` placeholders. */
export function fill(text: string, params?: Record<string, string | number>): string {
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
}

/** Picks the best supported language from an `Accept-Language` header. */
export function negotiateLocale(acceptLanguage: string | undefined | null): string {
  if (!acceptLanguage) return defaultLocale;
  const wanted = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((w) => w.tag && w.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    if (catalogues[tag]) return tag;
    const base = tag.split('-')[0] ?? '';
    if (catalogues[base]) return base;
  }
  return defaultLocale;
}
