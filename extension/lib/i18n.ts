import { fill } from '../../shared/i18n/message.ts';
import { pseudoMessages } from '../../shared/i18n/pseudo.ts';
import type { FormText } from '../../shared/schemas/form-config.ts';
import { catalogues, type UiKey, type UiMessages } from './catalogue.ts';
import { browserLocale, chosenLocale } from './language.ts';
import { textIn, type UiLocale } from './locale.ts';

export type { UiKey } from './catalogue.ts';
export type Params = Record<string, string | number>;

/**
 * Defined by wxt.config.ts: true only in a build made with SNAPDESK_PSEUDO_LOCALE=1, which the
 * pseudo-locale test makes for itself. A production build defines it false, so the branch below and
 * pseudo.ts's code are dropped from the bundle; unit tests, which are not built, see it undefined.
 */
declare const __SNAPDESK_PSEUDO_LOCALE__: boolean | undefined;
const PSEUDO = typeof __SNAPDESK_PSEUDO_LOCALE__ === 'boolean' && __SNAPDESK_PSEUDO_LOCALE__;

/**
 * The language of the extension's pages, held in one place. Every page, component and check takes
 * `t`, `tKey`, `tText`, `uiLocale` and `formatTime` from here; each page's main.tsx calls `initLocale`,
 * which asks `chosenLocale` (language.ts: the options' choice, else the browser's UI language, else
 * English) before it draws. The background asks the same `chosenLocale` for its menu item. Until
 * `initLocale` answers, the browser's language holds.
 */
let locale: string = 'en';
let messages: UiMessages = catalogues.en;

function use(chosen: UiLocale): void {
  if (PSEUDO) {
    locale = 'en';
    messages = pseudoMessages(catalogues.en);
    return;
  }
  locale = chosen;
  messages = catalogues[chosen];
}

use(browserLocale());

/** Reads the options' choice and settles the language; call it before drawing anything. */
export async function initLocale(): Promise<string> {
  setLocale(await chosenLocale());
  return locale;
}

/** Switches the language at once (the options page reads the choice again when it is saved). */
export function setLocale(chosen: UiLocale): void {
  use(chosen);
}

/** The language the extension speaks now (a BCP 47 tag), for `<html lang>` and `Intl`. */
export function uiLocale(): string {
  return locale;
}

/** A message of the catalogue in the extension's language, its placeholders filled. */
export function t(key: UiKey, params?: Params): string {
  return fill(messages[key] ?? catalogues.en[key], params, locale);
}

/**
 * For keys that come from outside, such as a server's form configuration: a key the catalogue does
 * not know shows as words made from its last part ("report.field.orderNumber" → "Order number").
 */
export function tKey(key: string, params?: Params): string {
  const known = (messages as Record<string, string>)[key];
  if (known !== undefined) return fill(known, params, locale);
  const last = key.split('.').at(-1) ?? key;
  const words = last.replace(/([a-z0-9])([A-Z])/g, '$1 $2').toLowerCase();
  return words.charAt(0).toUpperCase() + words.slice(1);
}

/** A label or help of the form configuration: a message key, or the organisation's texts by language. */
export function tText(text: FormText): string {
  return textIn(text, locale, (key) => tKey(key));
}

/** Dates and times as the person reads them, with the zone when it is not obvious. */
export function formatTime(iso: string | number): string {
  return new Intl.DateTimeFormat(locale, { dateStyle: 'medium', timeStyle: 'short' }).format(new Date(iso));
}

/** The page speaks its language: `<html lang>` for screen readers and fonts, and the tab's title. */
export function showLocaleIn(doc: Document, title: string): void {
  doc.documentElement.lang = locale;
  doc.title = title;
}
