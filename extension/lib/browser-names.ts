import { formMessages as cs } from '../../shared/i18n/cs/form.ts';
import { formMessages as en } from '../../shared/i18n/en/form.ts';
import { formMessages as es } from '../../shared/i18n/es/form.ts';
import { formMessages as ro } from '../../shared/i18n/ro/form.ts';
import { formMessages as ru } from '../../shared/i18n/ru/form.ts';
import { formMessages as uk } from '../../shared/i18n/uk/form.ts';
import type { UiLocale } from './locale.ts';

/**
 * The two names the background gives the browser in the extension's language: the right-click menu
 * item and the toolbar button's tooltip. Read message by message (not through the whole catalogue,
 * as the pages do), so the background's bundle carries these few strings and not every message.
 */
const NAMES: Record<UiLocale, { menu: string; action: string }> = {
  en: { menu: en['extension.contextMenuTitle'], action: en['extension.actionTitle'] },
  cs: { menu: cs['extension.contextMenuTitle'], action: cs['extension.actionTitle'] },
  es: { menu: es['extension.contextMenuTitle'], action: es['extension.actionTitle'] },
  ro: { menu: ro['extension.contextMenuTitle'], action: ro['extension.actionTitle'] },
  ru: { menu: ru['extension.contextMenuTitle'], action: ru['extension.actionTitle'] },
  uk: { menu: uk['extension.contextMenuTitle'], action: uk['extension.actionTitle'] },
};

export function browserNames(locale: UiLocale): { menu: string; action: string } {
  return NAMES[locale];
}
