import { catalogues, type MessageKey, negotiateLocale } from '../../shared/i18n/index.ts';
import { type ReportMessageKey, reportEn } from '../../shared/i18n/report-en.ts';

export type UiKey = MessageKey | ReportMessageKey;
export type Params = Record<string, string | number>;

/** Report-form catalogues by language; English until the others are written. */
const reportCatalogues: Record<string, Record<ReportMessageKey, string>> = { en: reportEn };

const locale = negotiateLocale(typeof navigator === 'undefined' ? undefined : navigator.languages.join(','));
const messages: Record<string, string> = {
  ...catalogues.en,
  ...reportEn,
  ...catalogues[locale],
  ...reportCatalogues[locale],
};

function fill(text: string, params?: Params): string {
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
}

/** The extension's pages speak the browser's language where a catalogue exists, else English. */
export function t(key: UiKey, params?: Params): string {
  return fill(messages[key] ?? key, params);
}

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
