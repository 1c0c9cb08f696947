import type { FormKey } from '../../../shared/i18n/catalogue.ts';
import { formMessages as cs } from '../../../shared/i18n/cs/form.ts';
import { formMessages as en } from '../../../shared/i18n/en/form.ts';
import { formMessages as es } from '../../../shared/i18n/es/form.ts';
import { fill } from '../../../shared/i18n/message.ts';
import { formMessages as ro } from '../../../shared/i18n/ro/form.ts';
import { formMessages as ru } from '../../../shared/i18n/ru/form.ts';
import { formMessages as uk } from '../../../shared/i18n/uk/form.ts';
import type { UiLocale } from '../locale.ts';
import type { NotificationWords } from './rules.ts';

/**
 * A notification's words in the extension's language, for the background, which has no page and so
 * no `t` (the same form catalogues browser-names.ts already brings into its bundle).
 */
const FORM: Record<UiLocale, Record<FormKey, string>> = { en, cs, es, ro, ru, uk };

export function notificationWords(locale: UiLocale): NotificationWords {
  const messages = FORM[locale];
  return {
    title: (reference, state) =>
      fill(
        messages['requests.notify.title'],
        { reference, state: messages[`request.state.${state}`] },
        locale,
      ),
    comment: (comment) => fill(messages['requests.notify.comment'], { comment }, locale),
  };
}
