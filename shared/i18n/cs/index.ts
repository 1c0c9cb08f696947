import { consoleMessages } from './console.ts';
import { formMessages } from './form.ts';
import { mailMessages } from './mail.ts';
import { pageMessages } from './page.ts';

/** Czech: every key of the English reference locale, surface by surface. */
export const cs = { page: pageMessages, mail: mailMessages, form: formMessages, console: consoleMessages };
