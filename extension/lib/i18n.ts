import { catalogues, createTranslator, fill, localeFor, type MessageKey } from '../../shared/i18n/index.ts';

export type UiKey = MessageKey;
export type Params = Record<string, string | number>;

/**
 * The one place the extension's language is decided: the browser's languages in their order, the
 * first with a catalogue, else the default. Every page, component and check takes `t`, `tKey`,
 * `uiLocale` and `formatTime` from here.
 */
const locale = localeFor({
  acceptLanguage: typeof navigator === 'undefined' ? undefined : navigator.languages.join(','),
});
const messages: Record<string, string> = catalogues[locale] ?? {};

/** The extension's pages speak the browser's language where a catalogue exists, else English. */
export const t = createTranslator(locale);

/**
 * For keys that come from outside, such as a server's form configuration: a key the catalogue does
 * not know shows as words made from its last part ("report.field.orderNumber" → "Order number").
 */
export function tKey(key: string, params?: Params): string {
  const known = messages[key];
  if (known !== undefined) return fill(known, params);
  const last = key.split('.').at(-1) ?? key;
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

export const uiLocale = locale;

/** Dates and times as the person reads them, with the zone when it is not obvious. */
export function formatTime(iso: string | number): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}
