import type { Kysely } from 'kysely';
import { createTranslator, type Translator } from '../../shared/i18n/index.ts';
import type { Config } from '../config.ts';
import { PermanentError } from '../platform/jobs/handler.ts';
import type { Database } from '../platform/schema.ts';
import { V2Mapper } from '../snapshot/v2.ts';
import { type IncidentRecord, loadIncident, loadPageData, type PageData } from '../store/page-data.ts';
import { componentStatusLabel, progressLabel } from '../views/labels.ts';

/**
 * Stand-ins for each subscriber's own links, replaced per message: the text is built once per
 * notice, however many receive it. Random per process, so no update text can contain them.
 */
export const MANAGE_LINK = `manage-${crypto.randomUUID()}`;
export const UNSUBSCRIBE_LINK = `unsubscribe-${crypto.randomUUID()}`;

type NoticeRow = Database['notices'];

/** One notice, readied for every channel; the links are still the stand-ins above. */
export interface NoticeContent {
  notice: NoticeRow;
  /** The incident as of the notice's update, or undefined for a component change. */
  incident: IncidentRecord | undefined;
  data: PageData;
  v2: V2Mapper;
  t: Translator;
  /** One line naming what happened, e.g. "[Investigating] Payments degraded — Acme Status". */
  subject: string;
  /** The update itself, in Markdown as written. */
  body: string;
  /** "Payments (Partial outage)" for each affected component. */
  components: string[];
  /** The incident's page. */
  url: string;
}

/** Names may hold line breaks; a subject with one would start a new mail header. */
const oneLine = (s: string) => s.replace(/\s+/g, ' ').trim();

/** A moment in the page's time zone, as plain text for mails and feeds. */
export function plainTime(iso: string, config: Config): string {
  return new Intl.DateTimeFormat(config.defaultLocale, {
    timeZone: config.timeZone,
    year: 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
    timeZoneName: 'short',
  }).format(new Date(iso));
}

/** Reads what a notice is about as it was when published: later updates are left out. */
export async function loadNoticeContent(
  db: Kysely<Database>,
  config: Config,
  id: string,
): Promise<NoticeContent> {
  const notice = await db.selectFrom('notices').selectAll().where('id', '=', id).executeTakeFirst();
  if (!notice) throw new PermanentError(`notice ${id} no longer exists`);
  const t = createTranslator(config.defaultLocale);
  const data = await loadPageData(db, new Date());
  const v2 = new V2Mapper(data, config, t);
  const page = config.pageName;

  if (notice.kind === 'component') {
    const component = data.components.find((c) => c.id === notice.component_id);
    if (!component || !notice.new_status || !notice.old_status) {
      throw new PermanentError(`component of notice ${id} no longer exists`);
    }
    const status = componentStatusLabel(t, notice.new_status);
    const body = t('notice.componentChange', {
      component: component.name,
      status,
      old: componentStatusLabel(t, notice.old_status),
    });
    const subject = oneLine(t('notice.subject', { status, name: component.name, page }));
    return {
      notice,
      incident: undefined,
      data,
      v2,
      t,
      subject,
      body,
      components: [component.name],
      url: config.publicUrl,
    };
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
  const names = new Map(data.components.map((c) => [c.id, c.name]));
  const components = update.affected_components?.length
    ? update.affected_components.map((a) => `${a.name} (${componentStatusLabel(t, a.new_status)})`)
    : incident.component_ids.flatMap((cid) => names.get(cid) ?? []);
  const window =
    incident.kind === 'maintenance' && incident.scheduled_for && incident.scheduled_until
      ? `\n\n${t('maintenance.window', {
          window: `${plainTime(incident.scheduled_for, config)} – ${plainTime(incident.scheduled_until, config)}`,
        })}`
      : '';
  return {
    notice,
    incident,
    data,
    v2,
    t,
    subject: oneLine(
      t('notice.subject', { status: progressLabel(t, update.status), name: incident.name, page }),
    ),
    body: `${update.body}${window}`,
    components,
    url: `${config.publicUrl}/incidents/${incident.id}`,
  };
}
