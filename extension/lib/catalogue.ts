import type { FormKey, PageKey } from '../../shared/i18n/catalogue.ts';
import { formMessages as csForm } from '../../shared/i18n/cs/form.ts';
import { pageMessages as csPage } from '../../shared/i18n/cs/page.ts';
import { formMessages as enForm } from '../../shared/i18n/en/form.ts';
import { pageMessages as enPage } from '../../shared/i18n/en/page.ts';
import { formMessages as esForm } from '../../shared/i18n/es/form.ts';
import { pageMessages as esPage } from '../../shared/i18n/es/page.ts';
import { formMessages as roForm } from '../../shared/i18n/ro/form.ts';
import { pageMessages as roPage } from '../../shared/i18n/ro/page.ts';
import { formMessages as ruForm } from '../../shared/i18n/ru/form.ts';
import { pageMessages as ruPage } from '../../shared/i18n/ru/page.ts';
import { formMessages as ukForm } from '../../shared/i18n/uk/form.ts';
import { pageMessages as ukPage } from '../../shared/i18n/uk/page.ts';
import type { UiLocale } from './locale.ts';

/**
 * The messages the extension shows: its own surface (`form`: report form, My reports, options, and
 * the names the browser shows) and the status page's words for incident states and impacts, which
 * the incident banner uses. Taken file by file rather than through `shared/i18n/index.ts`, so the
 * console's and the mails' messages, which only the server speaks, stay out of the extension.
 */
export type UiKey = FormKey | PageKey;
export type UiMessages = Record<UiKey, string>;

/** Every locale of the project (the type says so: a locale added to locales.ts and not here fails). */
export const catalogues: Record<UiLocale, UiMessages> = {
  en: { ...enForm, ...enPage },
  cs: { ...csForm, ...csPage },
  es: { ...esForm, ...esPage },
  ro: { ...roForm, ...roPage },
  ru: { ...ruForm, ...ruPage },
  uk: { ...ukForm, ...ukPage },
};
