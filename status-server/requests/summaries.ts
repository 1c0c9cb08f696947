import { type Kysely, sql } from 'kysely';
import type {
  IncidentLink,
  RequestSummary,
  StatusBatchRequest,
  StatusBatchResponse,
} from '../../shared/schemas/report.ts';
import { effectiveState } from '../domain/request-lifecycle.ts';
import type { Database } from '../platform/schema.ts';
import type { Clock } from './store.ts';

/** The columns of a report the batched status call needs, its incident's beside them. */
export interface SummaryRow {
  id: string;
  reference: string;
  state: Database['reports']['state'];
  external_ref: string | null;
  request_state: Database['reports']['request_state'];
  state_changed_at: string | null;
  received_at: string;
  incident_id: string | null;
  incident_name: string | null;
  incident_status: string | null;
  incident_impact: string | null;
}

/** The reports with these references, each with its linked incident: one query. */
export function readSummaryRows(db: Kysely<Database>, references: string[]): Promise<SummaryRow[]> {
  return db
    .selectFrom('reports as r')
    .leftJoin('incidents as i', 'i.id', 'r.incident_id')
    .select([
      'r.id',
      'r.reference',
      'r.state',
      'r.external_ref',
      'r.request_state',
      'r.state_changed_at',
      'r.received_at',
      'r.incident_id',
      'i.name as incident_name',
      'i.status as incident_status',
      'i.impact as incident_impact',
    ])
    .where('r.reference', 'in', references)
    .execute();
}

interface Activity {
  events: number;
  latest: { at: string; body: string } | null;
}

/**
 * How many events each report's history holds and the newest comment support wrote for the customer
 * (newest by time, then id, as the history sorts them): one query for all of them.
 */
export async function readActivity(
  db: Kysely<Database>,
  reportIds: string[],
): Promise<Map<string, Activity>> {
  const found = new Map<string, Activity>();
  if (!reportIds.length) return found;
  const rows = await db
    .selectFrom(
      db
        .selectFrom('report_events')
        .select(['report_id', (eb) => eb.fn.countAll<number | string>().as('events')])
        .where('report_id', 'in', reportIds)
        .groupBy('report_id')
        .as('n'),
    )
    .leftJoin('report_events as c', (join) =>
      join.on(
        'c.id',
        '=',
        sql<string>`(select x.id from report_events x where x.report_id = n.report_id and x.kind = 'comment' order by x.at desc, x.id desc limit 1)`,
      ),
    )
    .select(['n.report_id', 'n.events', 'c.at', 'c.body'])
    .execute();
  for (const r of rows) {
    found.set(r.report_id, {
      // PostgreSQL's count is a bigint, which pg hands over as a string.
      events: Number(r.events),
      latest: r.at !== null && r.body !== null ? { at: r.at, body: r.body } : null,
    });
  }
  return found;
}

/**
 * One request as the batched status call tells it. A resolved request past its reopen window is
 * told as it will be once the sweep or a read has closed it: closed as of the window's end, with
 * that change counted, so the summary (and its ETag) does not change again when the close is written.
 */
export function summaryOf(
  row: SummaryRow,
  activity: Activity | undefined,
  clock: Clock,
  incidentUrl: (id: string) => string,
): RequestSummary {
  const changedAt = row.state_changed_at ?? row.received_at;
  const state = effectiveState({ state: row.request_state, changedAt, ...clock });
  const closedByWindow = state !== row.request_state;
  const incident: IncidentLink | null =
    row.incident_id && row.incident_name !== null
      ? {
          id: row.incident_id,
          name: row.incident_name,
          status: row.incident_status as IncidentLink['status'],
          impact: row.incident_impact as IncidentLink['impact'],
          url: incidentUrl(row.incident_id),
        }
      : null;
  return {
    reference: row.reference,
    state: row.state,
    external_reference: row.external_ref,
    incident,
    request: {
      state,
      state_changed_at: closedByWindow
        ? new Date(Date.parse(changedAt) + clock.reopenWindowMs).toISOString()
        : changedAt,
      latest_comment: activity?.latest ?? null,
      events: (activity?.events ?? 0) + (closedByWindow ? 1 : 0),
    },
  };
}

/**
 * The batched status read: each asked reference whose secret `opens` it, summarised, in the order
 * asked (each once); the others in `unknown`. Two queries however many are asked.
 */
export async function summarise(
  db: Kysely<Database>,
  asked: StatusBatchRequest['reports'],
  opens: (reference: string, secret: string) => boolean,
  clock: Clock,
  incidentUrl: (id: string) => string,
): Promise<StatusBatchResponse> {
  const opened = [...new Set(asked.filter((a) => opens(a.reference, a.secret)).map((a) => a.reference))];
  const rows = opened.length ? await readSummaryRows(db, opened) : [];
  const activity = await readActivity(
    db,
    rows.map((r) => r.id),
  );
  const byReference = new Map<string, RequestSummary>();
  for (const row of rows)
    byReference.set(row.reference, summaryOf(row, activity.get(row.id), clock, incidentUrl));
  const reports: RequestSummary[] = [];
  const unknown: string[] = [];
  for (const ref of new Set(asked.map((a) => a.reference))) {
    const summary = byReference.get(ref);
    if (summary) reports.push(summary);
    else unknown.push(ref);
  }
  return { reports, unknown };
}
