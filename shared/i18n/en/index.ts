import { consoleMessages } from './console.ts';
import { formMessages } from './form.ts';
import { mailMessages } from './mail.ts';
import { pageMessages } from './page.ts';

/** English, the reference locale: every other locale has exactly its keys, surface by surface. */
export const en = { page: pageMessages, mail: mailMessages, form: formMessages, console: consoleMessages };
