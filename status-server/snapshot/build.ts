import { serialize } from 'node:v8';
import { createTranslator } from '../../shared/i18n/index.ts';
import type { Config } from '../config.ts';
import type { Store } from '../platform/db.ts';
import { loadPageData } from '../store/page-data.ts';
import { renderHome } from '../views/home.ts';
import { type Entry, HTML_TYPE, JSON_TYPE, makeEntry } from './entries.ts';
import { V2Mapper } from './v2.ts';

/** What a build hands the server: plain data, as it crosses from the build's thread by copy. */
export interface Built {
  revision: number;
  /** The build's clock, in ms: relative text on the pages (maintenance windows, today's bar) is as of it. */
  builtAt: number;
  /** The home page in each of these languages, and every API v2 answer in the first. */
  entries: [string, Entry][];
  /** The page's data as `node:v8` serialized it: read back only when something asks for it. */
  data: Uint8Array;
}

/** The home page's key in a snapshot's entries: the default language's is `/`. */
export const homeKey = (locale: string, defaultLocale: string) =>
  locale === defaultLocale ? '/' : `${locale} /`;

/**
 * Reads the page's data and builds the home page in `locales` (the default one first) and every
 * API v2 answer from it, compressed. Runs on the snapshot's own thread (build-worker.ts), so it
 * holds nothing the server's readers wait for.
 */
export async function buildSnapshot(store: Store, config: Config, locales: string[]): Promise<Built> {
  const now = new Date();
  const data = await loadPageData(store.db, now);
  const at = data.updatedAt;
  const entries: [string, Entry][] = locales.map((locale) => [
    homeKey(locale, config.defaultLocale),
    makeEntry(
      renderHome(data, { config, t: createTranslator(locale), locale, now, path: '/' }),
      HTML_TYPE,
      at,
    ),
  ]);
  const v2 = new V2Mapper(data, config, createTranslator(config.defaultLocale));
  const answers: [string, unknown][] = [
    ['/api/v2/summary.json', v2.summary()],
    ['/api/v2/status.json', { page: v2.page, status: v2.status() }],
    ['/api/v2/components.json', { page: v2.page, components: v2.componentList() }],
    ['/api/v2/incidents.json', { page: v2.page, incidents: v2.incidents() }],
    [
      '/api/v2/incidents/unresolved.json',
      { page: v2.page, incidents: v2.unresolved().map((i) => v2.incident(i)) },
    ],
    [
      '/api/v2/scheduled-maintenances.json',
      { page: v2.page, scheduled_maintenances: v2.maintenances('all') },
    ],
    [
      '/api/v2/scheduled-maintenances/upcoming.json',
      { page: v2.page, scheduled_maintenances: v2.maintenances('upcoming') },
    ],
    [
      '/api/v2/scheduled-maintenances/active.json',
      { page: v2.page, scheduled_maintenances: v2.maintenances('active') },
    ],
  ];
  for (const [key, answer] of answers) entries.push([key, makeEntry(JSON.stringify(answer), JSON_TYPE, at)]);
  return { revision: data.revision, builtAt: now.getTime(), entries, data: serialize(data) };
}
