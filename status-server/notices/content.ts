import type { Kysely } from 'kysely';
import { createTranslator, type Translator } from '../../shared/i18n/index.ts';
import type { Config } from '../config.ts';
import { PermanentError } from '../platform/jobs/handler.ts';
import type { Database } from '../platform/schema.ts';
import { V2Mapper } from '../snapshot/v2.ts';
import { type IncidentRecord, loadIncident, loadPageData, type PageData } from '../store/page-data.ts';
import { inLanguage } from '../subscriptions/locale.ts';
import { componentStatusLabel, progressLabel } from '../views/labels.ts';

/**
 * Stand-ins for each subscriber's own links, replaced per message: the text is built once per
 * notice and language, however many receive it. Random per process, so no update text can contain them.
 */
export const MANAGE_LINK = `manage-${crypto.randomUUID()}`;
export const UNSUBSCRIBE_LINK = `unsubscribe-${crypto.randomUUID()}`;

type NoticeRow = Database['notices'];
type IncidentUpdate = IncidentRecord['updates'][number];

/**
 * What a notice is about, read once from the database however many languages it is then written in:
 * the incident as of the notice's update, or the component whose status changed.
 */
export interface NoticeSource {
  notice: NoticeRow;
  data: PageData;
  about:
    | { kind: 'incident'; incident: IncidentRecord; update: IncidentUpdate }
    | { kind: 'component'; component: PageData['components'][number] };
}

/** One notice in one language, readied for every channel; the links are still the stand-ins above. */
export interface NoticeContent {
  notice: NoticeRow;
  /** The incident as of the notice's update, or undefined for a component change. */
  incident: IncidentRecord | undefined;
  data: PageData;
  v2: V2Mapper;
  /** The language it is written in: the subscribers' who receive this copy. */
  locale: string;
  t: Translator;
  /** One line naming what happened, e.g. "[Investigating] Payments degraded — Acme Status". */
  subject: string;
  /** The update itself, in Markdown as written. */
  body: string;
  /** "Payments (Partial outage)" for each affected component. */
  components: string[];
  /** The incident's page (or the status page), opening in this language. */
  url: string;
  /** The stand-ins of the subscriber's own pages, opening in this language. */
  manageLink: string;
  unsubscribeLink: string;
}

/** Names may hold line breaks; a subject with one would start a new mail header. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

// A date format is costly to build and each is used for many times: one per language and time zone.
const timeFormats = new Map<string, Intl.DateTimeFormat>();

/** A moment in the page's time zone, written the way `locale` writes it: plain text for mails and feeds. */
export function plainTime(iso: string, config: Config, locale: string): string {
  const key = `${locale} ${config.timeZone}`;
  let format = timeFormats.get(key);
  if (!format) {
    format = new Intl.DateTimeFormat(locale, {
      timeZone: config.timeZone,
      year: 'numeric',
      month: 'short',
      day: 'numeric',
      hour: 'numeric',
      minute: '2-digit',
      timeZoneName: 'short',
    });
    timeFormats.set(key, format);
  }
  return format.format(new Date(iso));
}

/** Reads what a notice is about as it was when published: later updates are left out. */
export async function loadNoticeSource(db: Kysely<Database>, id: string): Promise<NoticeSource> {
  const notice = await db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
  if (!notice) throw new PermanentError(`notice ${id} no longer exists`);
  const data = await loadPageData(db, new Date());

  if (notice.kind === 'component') {
    const component = data.components.find((c) => c.id === notice.component_id);
    if (!component || !notice.new_status || !notice.old_status) {
      throw new PermanentError(`component of notice ${id} no longer exists`);
    }
    return { notice, data, about: { kind: 'component', component } };
  }

  const record = notice.incident_id ? await loadIncident(db, notice.incident_id) : undefined;
  const update = record?.updates.find((u) => u.id === notice.update_id);
  if (!record || !update) throw new PermanentError(`the incident update of notice ${id} no longer exists`);
  const incident: IncidentRecord = {
    ...record,
    status: update.status,
    updated_at: update.created_at,
    updates: record.updates.filter((u) => u.created_at <= update.created_at),
  };
  return { notice, data, about: { kind: 'incident', incident, update } };
}

/** Writes a notice in one language; its words, dates and links in that language, times in the page's zone. */
export function noticeContent(source: NoticeSource, config: Config, locale: string): NoticeContent {
  const { notice, data, about } = source;
  const t = createTranslator(locale);
  const v2 = new V2Mapper(data, config, t);
  const page = config.pageName;
  const links = {
    manageLink: inLanguage(MANAGE_LINK, locale),
    unsubscribeLink: inLanguage(UNSUBSCRIBE_LINK, locale),
  };

  if (about.kind === 'component') {
    const { component } = about;
    const status = componentStatusLabel(t, notice.new_status as NonNullable<NoticeRow['new_status']>);
    const body = t('notice.componentChange', {
      component: component.name,
      status,
      old: componentStatusLabel(t, notice.old_status as NonNullable<NoticeRow['old_status']>),
    });
    return {
      notice,
      incident: undefined,
      data,
      v2,
      locale,
      t,
      subject: oneLine(t('notice.subject', { status, name: component.name, page })),
      body,
      components: [component.name],
      url: inLanguage(`${config.publicUrl}/`, locale),
      ...links,
    };
  }

  const { incident, update } = about;
  const names = new Map(data.components.map((c) => [c.id, c.name]));
  const components = update.affected_components?.length
    ? update.affected_components.map((a) => `${a.name} (${componentStatusLabel(t, a.new_status)})`)
    : incident.component_ids.flatMap((cid) => names.get(cid) ?? []);
  const window =
    incident.kind === 'maintenance' && incident.scheduled_for && incident.scheduled_until
      ? `\n\n${t('maintenance.window', {
          window: `${plainTime(incident.scheduled_for, config, locale)} – ${plainTime(incident.scheduled_until, config, locale)}`,
        })}`
      : '';
  return {
    notice,
    incident,
    data,
    v2,
    locale,
    t,
    subject: oneLine(
      t('notice.subject', { status: progressLabel(t, update.status), name: incident.name, page }),
    ),
    body: `${update.body}${window}`,
    components,
    url: inLanguage(`${config.publicUrl}/incidents/${incident.id}`, locale),
    ...links,
  };
}
