import { Hono } from 'hono';
import { createTranslator, localeFor } from '../../shared/i18n/index.ts';
import { entityId } from '../../shared/schemas/status.ts';
import type { Config } from '../config.ts';
import type { Store } from '../platform/db.ts';
import { makeEntry, respond } from '../snapshot/entries.ts';
import type { Snapshots } from '../snapshot/snapshots.ts';
import { type Feed, loadFeedIncidents, renderAtom, renderRss } from '../subscriptions/feeds.ts';

const types = {
  rss: 'application/rss+xml; charset=utf-8',
  atom: 'application/atom+xml; charset=utf-8',
} as const;

/**
 * RSS 2.0 and Atom feeds of incidents and maintenance with their updates, for the whole page or
 * one component (`?component=<id>`), in the language `?lang=` names, else the page's default (a feed
 * reader's Accept-Language is nobody's choice, and a language we lack is no error). Built on first
 * request per snapshot and language, like the incident pages, and answered with ETag and
 * Last-Modified so readers polling every few minutes cost a 304.
 */
export function feedRoutes({
  store,
  snapshots,
  config,
}: {
  store: Store;
  snapshots: Snapshots;
  config: Config;
}) {
  const serve =
    (format: keyof typeof types) =>
    async (c: { req: { query(k: string): string | undefined; header(k: string): string | undefined } }) => {
      const component = c.req.query('component');
      const unknown = () =>
        new Response('no such component\n', {
          status: 404,
          headers: { 'content-type': 'text/plain; charset=utf-8' },
        });
      if (component !== undefined && !entityId.safeParse(component).success) return unknown();
      const wanted = c.req.query('lang');
      const locale = wanted ? localeFor({ query: wanted }, config.defaultLocale) : config.defaultLocale;
      const query = new URLSearchParams();
      if (component) query.set('component', component);
      if (locale !== config.defaultLocale) query.set('lang', locale);
      const path = `/history.${format}${query.size ? `?${query}` : ''}`;
      // Kept in the snapshot by language and path, like the pages.
      const entry = await snapshots.lazy(`${locale} ${path}`, async (s) => {
        const t = createTranslator(locale);
        const named = component ? s.data.components.find((x) => x.id === component) : undefined;
        if (component && !named) return undefined;
        const page = config.pageName;
        const feed: Feed = {
          locale,
          title: named
            ? t('feed.componentTitle', { page, component: named.name })
            : t('feed.title', { page }),
          description: t('feed.description', { page }),
          selfUrl: `${config.publicUrl}${path}`,
          siteUrl: `${config.publicUrl}/`,
          entries: await loadFeedIncidents(store.db, component),
          componentNames: new Map(s.data.components.map((x) => [x.id, x.name])),
        };
        const builtAt = s.data.updatedAt;
        const body =
          format === 'rss' ? renderRss(feed, config, t, builtAt) : renderAtom(feed, config, t, builtAt);
        return makeEntry(body, types[format], builtAt);
      });
      return entry ? respond(entry, c.req) : unknown();
    };
  return new Hono().get('/history.rss', serve('rss')).get('/history.atom', serve('atom'));
}
