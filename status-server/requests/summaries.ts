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

/** The columns of a report the batched status call needs: its incident's, its history's size and newest comment. */
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
  /** PostgreSQL's count is a bigint, which pg hands over as a string. */
  events: number | string;
  comment_at: string | null;
  comment_body: string | null;
}

/**
 * The reports with these references, each with its linked incident, how many events its history
 * holds and the newest comment support wrote for the customer (newest by time, then id, as the
 * history sorts them): one query, each subquery a walk of the (report_id, at, id) index.
 */
export function readSummaryRows(db: Kysely<Database>, references: string[]): Promise<SummaryRow[]> {
  const latest = (column: 'at' | 'body') =>
    sql<
      string | null
    >`(select c.${sql.ref(column)} from report_events c where c.report_id = r.id and c.kind = 'comment' order by c.at desc, c.id desc limit 1)`;
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
      sql<number | string>`(select count(*) from report_events e where e.report_id = r.id)`.as('events'),
      latest('at').as('comment_at'),
      latest('body').as('comment_body'),
    ])
    .where('r.reference', 'in', references)
    .execute();
}

/**
 * One request as the batched status call tells it. A resolved request past its reopen window is
 * told as it will be once the sweep or a read has closed it: closed as of the window's end, with
 * that change counted, so the summary (and its ETag) does not change again when the close is written.
 */
export function summaryOf(
  row: SummaryRow,
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
      latest_comment:
        row.comment_at !== null && row.comment_body !== null
          ? { at: row.comment_at, body: row.comment_body }
          : null,
      events: Number(row.events) + (closedByWindow ? 1 : 0),
    },
  };
}

/**
 * The batched status read: each asked reference whose secret `opens` it, summarised, in the order
 * asked (each once); the others in `unknown`. One query however many are asked.
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
  const byReference = new Map<string, RequestSummary>();
  for (const row of rows) byReference.set(row.reference, summaryOf(row, clock, incidentUrl));
  const reports: RequestSummary[] = [];
  const unknown: string[] = [];
  for (const ref of new Set(asked.map((a) => a.reference))) {
    const summary = byReference.get(ref);
    if (summary) reports.push(summary);
    else unknown.push(ref);
  }
  return { reports, unknown };
}
