import type { Catalogue } from './catalogue.ts';
import { en } from './en/index.ts';

/**
 * Every locale, by BCP 47 tag. A locale is a folder beside this file (`page.ts`, `form.ts`,
 * `console.ts` and an `index.ts` joining them, as `en/`) and one line here; the status page, the
 * console and the extension then offer it.
 */
export const locales = { en } satisfies Record<string, Catalogue>;

export type Locale = keyof typeof locales;
