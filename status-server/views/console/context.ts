import type { MessageKey, Translator } from '../../../shared/i18n/index.ts';
import type { ConsoleUser } from '../../auth/passwords.ts';
import type { ViewContext } from '../context.ts';

/** The console shows its own messages and the page's words for statuses, impacts and incident fields. */
export type ConsoleKey = MessageKey;
export type ConsoleTranslator = Translator;

/** What every console view needs: the page context, the signed-in person and their form token. */
export interface ConsoleContext extends Omit<ViewContext, 't'> {
  t: ConsoleTranslator;
  /** Undefined on the login page. */
  user: ConsoleUser | undefined;
  /** Goes into the hidden field of every form. */
  csrf: string;
}
