import { type Context, Hono } from 'hono';
import { createTranslator } from '../../shared/i18n/index.ts';
import { entityId } from '../../shared/schemas/status.ts';
import type { Config } from '../config.ts';
import type { Store } from '../platform/db.ts';
import { pagePath, requestLocale, requestTranslation } from '../platform/http/locale.ts';
import { makeEntry, respond } from '../snapshot/entries.ts';
import type { Snapshot, Snapshots } from '../snapshot/snapshots.ts';
import { loadHistory, loadIncident } from '../store/page-data.ts';
import { renderHistory } from '../views/history.ts';
import { renderIncident } from '../views/incident.ts';
import { renderNotFound } from '../views/not-found.ts';

const HTML = 'text/html; charset=utf-8';
/** History pages reach back this far; older pages would be empty anyway for most sites. */
const MAX_HISTORY_PAGE = 40;

/**
 * For search engines: the public pages, not the console, the admin API, or the pages behind each
 * subscriber's own links (confirm, manage, unsubscribe), whose addresses carry their tokens. No sitemap:
 * there is none to name.
 */
const ROBOTS = `User-agent: *
Allow: /
Disallow: /console
Disallow: /api/admin
Disallow: /subscriptions/
`;

/** The public status page: home, one page per incident, and history by quarter. */
export function statusPageRoutes({
  store,
  snapshots,
  config,
}: {
  store: Store;
  snapshots: Snapshots;
  config: Config;
}) {
  /** Pages kept in the snapshot are kept per language and path, and dated by the snapshot. */
  const view = (s: Snapshot, locale: string, path: string) => ({
    config,
    t: createTranslator(locale),
    locale,
    now: s.builtAt,
    path,
  });
  const localeOf = (c: Context) => requestLocale(c, config.defaultLocale);
  /** Built per request. */
  const notFoundPage = (c: Context) => {
    const page = renderNotFound({
      config,
      ...requestTranslation(c, config.defaultLocale),
      now: new Date(),
      path: pagePath(c.req.url),
    });
    return respond(makeEntry(page, HTML, new Date().toISOString(), 404), c.req);
  };
  const robots = makeEntry(ROBOTS, 'text/plain; charset=utf-8', new Date().toISOString());

  return new Hono()
    .get('/robots.txt', (c) => respond(robots, c.req))
    .get('/', (c) => respond(snapshots.home(localeOf(c)), c.req))
    .get('/incidents/:id', async (c) => {
      const id = c.req.param('id');
      if (!entityId.safeParse(id).success) return notFoundPage(c);
      const locale = localeOf(c);
      const path = `/incidents/${id}`;
      const entry = await snapshots.lazy(`${locale} ${path}`, async (s) => {
        const record =
          s.data.incidents.find((i) => i.id === id) ??
          s.data.maintenances.find((i) => i.id === id) ??
          (await loadIncident(store.db, id));
        if (!record) return undefined;
        return makeEntry(renderIncident(record, s.data, view(s, locale, path)), HTML, record.updated_at);
      });
      return entry ? respond(entry, c.req) : notFoundPage(c);
    })
    .get('/history', async (c) => {
      const raw = c.req.query('page') ?? '0';
      const page = /^\d{1,3}$/.test(raw) ? Number(raw) : Number.NaN;
      if (!(page >= 0 && page <= MAX_HISTORY_PAGE)) return notFoundPage(c);
      const locale = localeOf(c);
      const path = page === 0 ? '/history' : `/history?page=${page}`;
      const entry = await snapshots.lazy(`${locale} ${path}`, async (s) => {
        const { from, to } = historyRange(s.builtAt, page);
        const incidents = await loadHistory(store.db, from.toISOString(), to.toISOString());
        return makeEntry(
          renderHistory(incidents, { from, to, page }, s.data, view(s, locale, path)),
          HTML,
          s.data.updatedAt,
        );
      });
      if (!entry) return notFoundPage(c);
      return respond(entry, c.req);
    });
}

/** Page 0 is the current calendar month and the two before it (UTC); each next page goes back three. */
export function historyRange(now: Date, page: number): { from: Date; to: Date } {
  const to = new Date(Date.UTC(now.getUTCFullYear(), now.getUTCMonth() + 1 - 3 * page, 1));
  const from = new Date(Date.UTC(to.getUTCFullYear(), to.getUTCMonth() - 3, 1));
  return { from, to };
}
