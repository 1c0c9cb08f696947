import { type Kysely, sql } from 'kysely';
import type { ReportState } from '../../shared/schemas/report.ts';
import type { Database } from '../platform/schema.ts';

type Db = Kysely<Database>;

/** Reports per inbox page: a morning's worth on a busy day, still one quick query. */
export const INBOX_PAGE_SIZE = 50;
/** An incident page lists at most this many linked reports; the inbox filter shows the rest. */
const LINKED_LIMIT = 200;

export interface InboxFilter {
  state?: ReportState | undefined;
  /** An incident id, or `none` for reports linked to no incident. */
  incident?: string | undefined;
  host?: string | undefined;
}

export type InboxOrder = 'received' | 'deadline';

export interface InboxRow {
  reference: string;
  title: string;
  type: Database['reports']['type'];
  priority: Database['reports']['priority'];
  page_host: string;
  received_at: string;
  deadline_at: string | null;
  state: ReportState;
  incident_id: string | null;
  incident_name: string | null;
}

function inboxQuery(db: Db, filter: InboxFilter) {
  let q = db.selectFrom('reports as r').leftJoin('incidents as i', 'i.id', 'r.incident_id');
  if (filter.state) q = q.where('r.state', '=', filter.state);
  if (filter.host) q = q.where('r.page_host', '=', filter.host);
  if (filter.incident === 'none') q = q.where('r.incident_id', 'is', null);
  else if (filter.incident) q = q.where('r.incident_id', '=', filter.incident);
  return q;
}

const rowColumns = [
  'r.reference',
  'r.title',
  'r.type',
  'r.priority',
  'r.page_host',
  'r.received_at',
  'r.deadline_at',
  'r.state',
  'r.incident_id',
  'i.name as incident_name',
] as const;

/**
 * References are numbered in the order reports are stored, so they settle reports received in the
 * same millisecond. They share the `SD-` prefix: by length, then as text, is by number (`SD-999`
 * before `SD-1000`, which text alone would not give).
 */
const referenceLength = sql`length(r.reference)`;

function orderedRows(db: Db, filter: InboxFilter, order: InboxOrder) {
  const q = inboxQuery(db, filter).select(rowColumns);
  return order === 'deadline'
    ? // The nearest deadline first and reports without one last (the databases disagree on where
      // NULL sorts, so say it); ties go to the report that has waited longest.
      q
        .orderBy(sql`case when r.deadline_at is null then 1 else 0 end`)
        .orderBy('r.deadline_at', 'asc')
        .orderBy('r.received_at', 'asc')
        .orderBy(referenceLength, 'asc')
        .orderBy('r.reference', 'asc')
    : q.orderBy('r.received_at', 'desc').orderBy(referenceLength, 'desc').orderBy('r.reference', 'desc');
}

/** One page of the inbox, with the number of reports the filter matches in all. */
export async function listInbox(
  db: Db,
  options: { filter: InboxFilter; order: InboxOrder; page: number },
): Promise<{ rows: InboxRow[]; total: number }> {
  const [rows, count] = await Promise.all([
    orderedRows(db, options.filter, options.order)
      .limit(INBOX_PAGE_SIZE)
      .offset((options.page - 1) * INBOX_PAGE_SIZE)
      .execute(),
    inboxQuery(db, options.filter)
      .select((eb) => eb.fn.countAll().as('n'))
      .executeTakeFirstOrThrow(),
  ]);
  return { rows, total: Number(count.n) };
}

/** The reports linked to an incident, those with the nearest deadline first. */
export async function reportsOfIncident(db: Db, incidentId: string): Promise<InboxRow[]> {
  return orderedRows(db, { incident: incidentId }, 'deadline').limit(LINKED_LIMIT).execute();
}

/** What the inbox filters can choose from: hosts reports came from and incidents reports are linked to. */
export async function inboxChoices(
  db: Db,
): Promise<{ hosts: string[]; incidents: { id: string; name: string }[] }> {
  const [hosts, incidents] = await Promise.all([
    db.selectFrom('reports').select('page_host').distinct().orderBy('page_host').limit(500).execute(),
    db
      .selectFrom('incidents as i')
      .select(['i.id', 'i.name'])
      .where(
        'i.id',
        'in',
        db
          .selectFrom('reports')
          .select('incident_id')
          .where('incident_id', 'is not', null)
          .$narrowType<{ incident_id: string }>(),
      )
      .orderBy('i.started_at', 'desc')
      .orderBy('i.created_at', 'desc')
      .orderBy('i.id')
      .limit(200)
      .execute(),
  ]);
  return { hosts: hosts.map((h) => h.page_host), incidents };
}

/** How many reports each of these incidents has linked. */
export async function reportCounts(db: Db, incidentIds: string[]): Promise<Map<string, number>> {
  if (!incidentIds.length) return new Map();
  const rows = await db
    .selectFrom('reports')
    .select(['incident_id', (eb) => eb.fn.countAll().as('n')])
    .where('incident_id', 'in', incidentIds)
    .groupBy('incident_id')
    .execute();
  return new Map(rows.map((r) => [r.incident_id as string, Number(r.n)]));
}
