import type { Locale } from '../../shared/i18n/locales.ts';
import { negotiateLocale } from '../../shared/i18n/negotiate.ts';
import type { FormText } from '../../shared/schemas/form-config.ts';

/**
 * The locales the extension speaks: every locale of the project (a locale added to
 * shared/i18n/locales.ts and not here fails to compile), English, the default, first.
 */
const SPOKEN: Record<Locale, true> = { en: true, cs: true, es: true, ro: true, ru: true, uk: true };
export type UiLocale = Locale;
export const uiLocales = Object.keys(SPOKEN) as [UiLocale, ...UiLocale[]];

export function isUiLocale(tag: string | undefined): tag is UiLocale {
  return tag !== undefined && Object.hasOwn(SPOKEN, tag);
}

/** Each locale by its own name, as a language list offers them: the same words in every language. */
export const LOCALE_NAMES: Record<Locale, string> = {
  en: 'English',
  cs: 'Čeština',
  es: 'Español',
  ro: 'Română',
  ru: 'Русский',
  uk: 'Українська',
};

export interface LocaleInputs {
  /** The person's choice in the options page; absent (or unknown) means "the browser's language". */
  override?: string | undefined;
  /** `browser.i18n.getUILanguage()`: the language the browser's own menus speak, `ro` or `en-US`. */
  uiLanguage?: string | undefined;
  /** `navigator.languages`, read only where the extension API is missing (unit tests, plain pages). */
  navigatorLanguages?: readonly string[] | undefined;
}

/**
 * The one decision of the extension's language, which every page, the background and the
 * manifest's `_locales` agree on: the person's choice in the options, else the browser's UI
 * language (`ro-RO` taken as `ro`), else English. The browser's content languages
 * (`navigator.languages`) count only where the UI language cannot be asked; a UI language the
 * extension does not speak means English, as the browser itself does for the manifest's strings.
 */
export function decideLocale({ override, uiLanguage, navigatorLanguages }: LocaleInputs): Locale {
  if (isUiLocale(override)) return override;
  const wish = uiLanguage ?? navigatorLanguages?.join(',');
  return negotiateLocale({ acceptLanguage: wish }, uiLocales, 'en') as Locale;
}

/**
 * An organisation's own text in the form's language: a message key goes through the catalogue
 * (`byKey`); texts by language give the form's language, else English, else the first one given.
 */
export function textIn(text: FormText, locale: string, byKey: (key: string) => string): string {
  if (typeof text === 'string') return byKey(text);
  const base = locale.split('-')[0] ?? locale;
  const texts = text as Partial<Record<string, string>>;
  return texts[locale] ?? texts[base] ?? texts.en ?? Object.values(texts).find((v) => v !== undefined) ?? '';
}
