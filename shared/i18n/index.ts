import { consoleEn } from './console-en.ts';
import { en } from './en.ts';
import { reportEn } from './report-en.ts';

/** Every English message: the status page, the report form and the support console. */
const english = { ...en, ...reportEn, ...consoleEn };

export type MessageKey = keyof typeof english;
export type Messages = Record<MessageKey, string>;
export type Translator = (key: MessageKey, params?: Record<string, string | number>) => string;

/** Catalogues by BCP 47 language; add one here and it is offered to every page and the extension. */
export const catalogues: Record<string, Messages> = { en: english };
export const defaultLocale = 'en';

/** Looks a message up and fills `{name}` placeholders; an unknown placeholder is left visible. */
export function createTranslator(locale: string): Translator {
  const messages = catalogues[locale] ?? english;
  return (key, params) => fill(messages[key] ?? english[key], params);
}

/** Puts `params` into a message's `{name}` placeholders. */
export function fill(text: string, params?: Record<string, string | number>): string {
  return params ? text.replace(/\{(\w+)\}/g, (m, name: string) => String(params[name] ?? m)) : text;
}

/** Picks the best supported language from an `Accept-Language` header. */
export function negotiateLocale(acceptLanguage: string | undefined | null): string {
  if (!acceptLanguage) return defaultLocale;
  const wanted = acceptLanguage
    .split(',')
    .map((part) => {
      const [tag = '', ...params] = part.trim().split(';');
      const q = params.find((p) => p.trim().startsWith('q='));
      return { tag: tag.toLowerCase(), q: q ? Number(q.trim().slice(2)) || 0 : 1 };
    })
    .filter((w) => w.tag && w.q > 0)
    .sort((a, b) => b.q - a.q);
  for (const { tag } of wanted) {
    if (catalogues[tag]) return tag;
    const base = tag.split('-')[0] ?? '';
    if (catalogues[base]) return base;
  }
  return defaultLocale;
}
