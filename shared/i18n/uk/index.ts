import { consoleMessages } from './console.ts';
import { formMessages } from './form.ts';
import { mailMessages } from './mail.ts';
import { pageMessages } from './page.ts';

/** Ukrainian: exactly the English keys, surface by surface. */
export const uk = { page: pageMessages, mail: mailMessages, form: formMessages, console: consoleMessages };
