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

/** Keys that come in `.one` and `.other` forms, chosen by the language's plural rules. */
type Counted = 'console.inbox.count' | 'console.incident.reportsCaption' | 'console.incident.allReports';

export function countText(ctx: Pick<ConsoleContext, 't' | 'locale'>, key: Counted, count: number): string {
  const form = new Intl.PluralRules(ctx.locale).select(count) === 'one' ? 'one' : 'other';
  return ctx.t(`${key}.${form}` as MessageKey, { count });
}
