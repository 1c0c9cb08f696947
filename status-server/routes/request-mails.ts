import { type Context, Hono } from 'hono';
import { HTTPException } from 'hono/http-exception';
import type { ContentfulStatusCode } from 'hono/utils/http-status';
import { createTranslator } from '../../shared/i18n/index.ts';
import type { Config } from '../config.ts';
import type { Store } from '../platform/db.ts';
import { ApiFailure, failureOf } from '../platform/http/errors.ts';
import { pagePath, requestLocale } from '../platform/http/locale.ts';
import { RequestMailLinks, stopReporterMail } from '../requests/reporter-mail.ts';
import { inLanguage } from '../subscriptions/locale.ts';
import { renderProblem, renderReportMailsAsk, renderReportMailsStopped } from '../views/manage.ts';
import { privatePage } from './private-page.ts';

/**
 * The link in a reporter's mails: GET shows a button, POST (the button, or a mail provider's RFC
 * 8058 one-click `List-Unsubscribe=One-Click`) stops the mails about that one report. Mail scanners
 * follow links, so a GET changes nothing. No login: the link's signature is the proof.
 */
export function requestMailRoutes(deps: { config: Config; store: Store }) {
  const { config, store } = deps;
  let links: Promise<RequestMailLinks> | undefined;
  const view = (c: Context) => {
    const locale = requestLocale(c, config.defaultLocale);
    return { config, locale, t: createTranslator(locale), now: new Date(), path: pagePath(c.req.url) };
  };
  /** The report the link names, when the server signed it; a clear 404 page otherwise. */
  const reportOf = async (c: Context) => {
    links ??= RequestMailLinks.load(store.db, config.publicUrl);
    const id = (await links).reportOf(c.req.param('token') ?? '');
    const row = id
      ? await store.db
          .selectFrom('reports')
          .select(['id', 'reference', 'title'])
          .where('id', '=', id)
          .executeTakeFirst()
      : undefined;
    if (!row)
      throw new ApiFailure(404, 'not_found', 'this link is not one of ours, or it was changed on the way');
    return row;
  };

  const app = new Hono()
    .get('/requests/unsubscribe/:token', async (c) => {
      const row = await reportOf(c);
      const ctx = view(c);
      const path = `/requests/unsubscribe/${c.req.param('token')}`;
      // A page opened in a language by `?lang=` (the mail's link) posts in it too, so the answer speaks it.
      const action = c.req.url.includes('lang=') ? inLanguage(path, ctx.locale) : path;
      return privatePage(
        c,
        renderReportMailsAsk({ reference: row.reference, title: row.title, action }, ctx),
      );
    })
    .post('/requests/unsubscribe/:token', async (c) => {
      const row = await reportOf(c);
      // A second press finds them off already: the same answer, nothing more to do.
      await stopReporterMail(store.db, row.id);
      return privatePage(c, renderReportMailsStopped({ reference: row.reference }, view(c)));
    });

  app.onError((err, c) => {
    const refused = failureOf(err) ?? (err instanceof HTTPException ? err : undefined);
    if (!refused) throw err;
    return privatePage(c, renderProblem(refused.message, view(c)), refused.status as ContentfulStatusCode);
  });
  return app;
}
