import { consoleEn } from '../../../shared/i18n/console-en.ts';
import { catalogues, createTranslator, type MessageKey } from '../../../shared/i18n/index.ts';
import type { ConsoleUser } from '../../auth/passwords.ts';
import type { ViewContext } from '../context.ts';

export type ConsoleKey = MessageKey | keyof typeof consoleEn;
export type ConsoleTranslator = (key: ConsoleKey, params?: Record<string, string | number>) => string;

/**
 * The page translator plus the console's own messages. A catalogue that has the console's keys wins,
 * so once `consoleEn` is merged into the catalogues this only adds the type.
 */
export function consoleTranslator(locale: string): ConsoleTranslator {
  const page = createTranslator(locale);
  const messages: Partial<Record<string, string>> = catalogues[locale] ?? {};
  return (key, params) => {
    if (!(key in consoleEn)) return page(key as MessageKey, params);
    const text = messages[key] ?? consoleEn[key as keyof typeof consoleEn];
    return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
  };
}

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
  return ctx.t(`${key}.${form}`, { count });
}
