import type { Catalogue } from './catalogue.ts';
import { cs } from './cs/index.ts';
import { en } from './en/index.ts';
import { es } from './es/index.ts';
import { ro } from './ro/index.ts';
import { ru } from './ru/index.ts';
import { uk } from './uk/index.ts';

/**
 * Every locale, by BCP 47 tag. A locale is a folder beside this file (`page.ts`, `mail.ts`, `form.ts`,
 * `console.ts` and an `index.ts` joining them, as `en/`) and one line here; the status page, the
 * console and the extension then offer it.
 */
export const locales = { en, cs, es, ro, ru, uk } satisfies Record<string, Catalogue>;

export type Locale = keyof typeof locales;
