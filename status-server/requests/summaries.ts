import type {
  IncidentLink,
  RequestSummary,
  StatusBatchRequest,
  StatusBatchResponse,
} from '../../shared/schemas/report.ts';
import { effectiveState } from '../domain/request-lifecycle.ts';
import type { Store } from '../platform/db.ts';
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
  event_count: number;
  latest_comment_at: string | null;
  latest_comment_body: string | null;
}

/** Reads the summary rows of these references. */
export type SummaryReader = (references: string[]) => Promise<SummaryRow[]>;

/**
 * The reports with these references, each with its linked incident and what it keeps of its
 * history (requests/store.ts writes that with each event): one lookup by reference. The query is
 * built and compiled once per number of references and then only run, on the store's direct read
 * path: building it through the query builder on every call cost the status call about a tenth of
 * its time, and running it through kysely about as much again.
 */
export function summaryReader(store: Store): SummaryReader {
  const { db } = store;
  const compiled = new Map<number, string>();
  const sqlFor = (count: number) => {
    let text = compiled.get(count);
    if (text === undefined) {
      text = db
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
          'r.event_count',
          'r.latest_comment_at',
          'r.latest_comment_body',
        ])
        .where(
          'r.reference',
          'in',
          Array.from({ length: count }, () => ''),
        )
        .compile().sql;
      compiled.set(count, text);
    }
    return text;
  };
  return (references) => store.read<SummaryRow>({ sql: sqlFor(references.length), parameters: references });
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
        row.latest_comment_at !== null && row.latest_comment_body !== null
          ? { at: row.latest_comment_at, body: row.latest_comment_body }
          : null,
      events: row.event_count + (closedByWindow ? 1 : 0),
    },
  };
}

/**
 * The batched status read: each asked reference whose secret `opens` it, summarised, in the order
 * asked (each once); the others in `unknown`. One query however many are asked.
 */
export async function summarise(
  read: SummaryReader,
  asked: StatusBatchRequest['reports'],
  opens: (reference: string, secret: string) => boolean,
  clock: Clock,
  incidentUrl: (id: string) => string,
): Promise<StatusBatchResponse> {
  const opened = [...new Set(asked.filter((a) => opens(a.reference, a.secret)).map((a) => a.reference))];
  const rows = opened.length ? await read(opened) : [];
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
