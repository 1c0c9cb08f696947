import { consoleMessages } from './console.ts';
import { formMessages } from './form.ts';
import { mailMessages } from './mail.ts';
import { pageMessages } from './page.ts';

/** Spanish: every key of the English reference, surface by surface. */
export const es = { page: pageMessages, mail: mailMessages, form: formMessages, console: consoleMessages };
