import { consoleMessages } from './console.ts';
import { formMessages } from './form.ts';
import { mailMessages } from './mail.ts';
import { pageMessages } from './page.ts';

/** Russian: every surface, with exactly the English keys. */
export const ru = { page: pageMessages, mail: mailMessages, form: formMessages, console: consoleMessages };
