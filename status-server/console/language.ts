import { Hono } from 'hono';
import { z } from 'zod';
import { availableLocales } from '../../shared/i18n/index.ts';
import { setConsoleLocale } from '../auth/passwords.ts';
import { requestLocale } from '../platform/http/locale.ts';
import { emptyForm } from '../views/console/form.ts';
import { renderLanguage } from '../views/console/language.ts';
import { readForm } from './forms.ts';
import { type ConsoleDeps, type ConsoleEnv, viewOf } from './guard.ts';

/** Empty: follow the browser's language again. */
const choice = z.union([z.literal(''), z.enum(availableLocales as [string, ...string[]])]);

/** Back to a console page only, as after login, so the form cannot send anyone elsewhere. */
const safeNext = (next: string | null) =>
  next && /^\/console(?:[/?][^\\\s]*)?$/.test(next) && !next.startsWith('/console/language')
    ? next
    : '/console';

/** Each support user's own console language, stored with the user. */
export function languageRoutes({ store, config }: Pick<ConsoleDeps, 'store' | 'config'>) {
  return new Hono<ConsoleEnv>()
    .get('/language', (c) => {
      const form = emptyForm({
        locale: c.get('session')?.user.locale ?? '',
        next: safeNext(c.req.header('referer') ? new URL(c.req.header('referer') as string).pathname : null),
      });
      return c.html(renderLanguage(form, requestLocale(c, config.defaultLocale), viewOf(c, config)));
    })
    .post('/language', async (c) => {
      const values = await readForm(c);
      const parsed = choice.safeParse(values.get('locale') ?? '');
      const session = c.get('session');
      if (!parsed.success || !session) {
        const view = viewOf(c, config);
        const form = { values, errors: { locale: [view.t('console.language.invalid')] } };
        return c.html(renderLanguage(form, requestLocale(c, config.defaultLocale), view), 400);
      }
      await setConsoleLocale(store.db, session.user.id, parsed.data || null);
      return c.redirect(safeNext(values.get('next')), 303);
    });
}
