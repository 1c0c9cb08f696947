import type { Kysely } from 'kysely';
import type { Translator } from '../../shared/i18n/index.ts';
import type { Config } from '../config.ts';
import { newestUpdateFirst } from '../domain/order.ts';
import { plainTime } from '../notices/content.ts';
import type { Database } from '../platform/schema.ts';
import { API_LIST_LIMIT, type IncidentRecord, loadIncidents } from '../store/page-data.ts';
import { progressLabel } from '../views/labels.ts';
import { renderMarkdown } from '../views/markdown.ts';

export interface Feed {
  /** The language of its titles, labels and dates (`<language>`, `xml:lang`); the updates stay as written. */
  locale: string;
  title: string;
  description: string;
  /** The feed's own address, which is also its id. */
  selfUrl: string;
  /** The page the feed is about. */
  siteUrl: string;
  entries: IncidentRecord[];
  /** Component names by id, for each entry's categories. */
  componentNames: Map<string, string>;
}

/** The newest incidents and maintenance by last change, optionally only those naming a component. */
export function loadFeedIncidents(db: Kysely<Database>, componentId?: string): Promise<IncidentRecord[]> {
  return loadIncidents(db, (q) => {
    const scoped = componentId
      ? q.where(
          'id',
          'in',
          db.selectFrom('incident_components').select('incident_id').where('component_id', '=', componentId),
        )
      : q;
    return scoped.orderBy('updated_at', 'desc').orderBy('id').limit(API_LIST_LIMIT);
  });
}

const escapeXml = (s: string) =>
  s
    .replace(/&/g, '&amp;')
    .replace(/</g, '&lt;')
    .replace(/>/g, '&gt;')
    .replace(/"/g, '&quot;')
    .replace(/[\ufffe\uffff]/g, '')
    // Control characters XML 1.0 forbids outright would make the whole feed unreadable.
    .split('')
    .filter((ch) => ch >= ' ' || ch === '\t' || ch === '\n' || ch === '\r')
    .join('');

const rfc822 = (iso: string) => new Date(iso).toUTCString();
const rfc3339 = (iso: string) => new Date(iso).toISOString();

/** An entry's body: every update, newest first, with its status and time, as HTML. */
function entryHtml(incident: IncidentRecord, config: Config, t: Translator, locale: string): string {
  return [...incident.updates]
    .sort(newestUpdateFirst)
    .map(
      (u) =>
        `<p><strong>${escapeXml(progressLabel(t, u.status))}</strong> — ${escapeXml(plainTime(u.created_at, config, locale))}</p>\n${renderMarkdown(u.body)}`,
    )
    .join('\n');
}

const entryUrl = (feed: Feed, i: IncidentRecord) => `${feed.siteUrl}incidents/${i.id}`;
const categories = (feed: Feed, i: IncidentRecord) =>
  i.component_ids.flatMap((id) => feed.componentNames.get(id) ?? []);
const lastChange = (feed: Feed, fallback: string) => feed.entries[0]?.updated_at ?? fallback;

/** RSS 2.0: one item per incident, its guid the incident's permanent page. */
export function renderRss(feed: Feed, config: Config, t: Translator, builtAt: string): string {
  const items = feed.entries.map((i) => {
    const url = escapeXml(entryUrl(feed, i));
    return `<item>
<title>${escapeXml(i.name)}</title>
<link>${url}</link>
<guid isPermaLink="true">${url}</guid>
<pubDate>${rfc822(i.created_at)}</pubDate>
<description>${escapeXml(entryHtml(i, config, t, feed.locale))}</description>
${categories(feed, i)
  .map((c) => `<category>${escapeXml(c)}</category>`)
  .join('\n')}
</item>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<rss version="2.0" xmlns:atom="http://www.w3.org/2005/Atom">
<channel>
<title>${escapeXml(feed.title)}</title>
<link>${escapeXml(feed.siteUrl)}</link>
<description>${escapeXml(feed.description)}</description>
<language>${escapeXml(feed.locale)}</language>
<lastBuildDate>${rfc822(lastChange(feed, builtAt))}</lastBuildDate>
<atom:link href="${escapeXml(feed.selfUrl)}" rel="self" type="application/rss+xml"/>
${items.join('\n')}
</channel>
</rss>
`;
}

/** Atom (RFC 4287): one entry per incident, updated whenever the incident gets an update. */
export function renderAtom(feed: Feed, config: Config, t: Translator, builtAt: string): string {
  const entries = feed.entries.map((i) => {
    const url = escapeXml(entryUrl(feed, i));
    return `<entry>
<id>${url}</id>
<title>${escapeXml(i.name)}</title>
<published>${rfc3339(i.created_at)}</published>
<updated>${rfc3339(i.updated_at)}</updated>
<link rel="alternate" type="text/html" href="${url}"/>
${categories(feed, i)
  .map((c) => `<category term="${escapeXml(c)}"/>`)
  .join('\n')}
<content type="html">${escapeXml(entryHtml(i, config, t, feed.locale))}</content>
</entry>`;
  });
  return `<?xml version="1.0" encoding="UTF-8"?>
<feed xmlns="http://www.w3.org/2005/Atom" xml:lang="${escapeXml(feed.locale)}">
<id>${escapeXml(feed.selfUrl)}</id>
<title>${escapeXml(feed.title)}</title>
<subtitle>${escapeXml(feed.description)}</subtitle>
<updated>${rfc3339(lastChange(feed, builtAt))}</updated>
<link rel="self" type="application/atom+xml" href="${escapeXml(feed.selfUrl)}"/>
<link rel="alternate" type="text/html" href="${escapeXml(feed.siteUrl)}"/>
<author><name>${escapeXml(config.pageName)}</name></author>
${entries.join('\n')}
</feed>
`;
}
