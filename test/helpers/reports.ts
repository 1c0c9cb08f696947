import { report as reportSchema } from '../../shared/schemas/report.ts';
import { type Connector, FORWARD_JOB } from '../../status-server/connectors/config.ts';
import { newId } from '../../status-server/domain/ids.ts';
import { openStore, type Store } from '../../status-server/platform/db.ts';
import { enqueue } from '../../status-server/platform/jobs/queue.ts';
import { migrateToLatest } from '../../status-server/platform/migrations.ts';
import type { Database } from '../../status-server/platform/schema.ts';
import { nextReferenceNumber } from '../../status-server/reports/intake.ts';
import type { TestDatabase } from './databases.ts';
import { makePng } from './images.ts';
import { type ReportInput, sampleReport } from './intake.ts';

/** A migrated store on a fresh database, without a server around it. */
export async function openTestStore(database: TestDatabase): Promise<Store> {
  const created = await database.create();
  const store = openStore(created);
  await migrateToLatest(store.db);
  return {
    ...store,
    async close() {
      await store.close();
      await created.drop();
    },
  };
}

type ReportRow = Database['reports'];

/** Columns to write as given (the intake sets times, links and state itself), and what else to store. */
export interface InsertReportOptions extends Partial<ReportRow> {
  /** One `forward` job per connector, queued in the same transaction, as the intake queues them. */
  connectors?: Connector[];
  /** Changes to the sample report stored as the body (a `title` column changes its title too). */
  report?: Partial<ReportInput>;
  /** Capture images to store, `capture-1.png` … (the first cut at the capture limit); 2 by default. */
  images?: number;
  /** A new incident the report is linked to, as the intake links one by host and time. */
  incident?: { name: string; status: 'investigating' | 'identified' | 'monitoring' | 'resolved' };
}

export interface InsertedReport extends ReportRow {
  jobIds: string[];
  /** The images' bytes, by position. */
  images: Buffer[];
}

/**
 * Stores a report straight into the tables in one transaction: the row (numbered as the intake
 * numbers them unless `reference` is given, so reports from both never share one), its image rows
 * and its forwarding jobs; so the console and forwarding can be tested apart from the HTTP intake.
 * Its body is the sample report, validated as the intake would.
 */
export async function insertReport(store: Store, options: InsertReportOptions = {}): Promise<InsertedReport> {
  const { connectors = [], report: changes, images: count = 2, incident, ...columns } = options;
  const images = Array.from({ length: count }, (_, i) => makePng(4, 4, [40 * i, 120, 200]));
  const report = reportSchema.parse(
    sampleReport({
      attachments: images.map((_, i) => ({
        part: `file${i}`,
        name: `capture-${i + 1}.png`,
        kind: 'capture' as const,
        method: 'stitched' as const,
        ...(i === 0 ? { truncated: true } : {}),
      })),
      ...(columns.title === undefined ? {} : { title: columns.title }),
      ...changes,
    }),
  );
  const received = columns.received_at ?? new Date().toISOString();
  return store.db.transaction().execute(async (trx) => {
    let incidentId: string | null = null;
    if (incident) {
      incidentId = newId();
      await trx
        .insertInto('incidents')
        .values({
          id: incidentId,
          kind: 'incident',
          name: incident.name,
          status: incident.status,
          impact: 'major',
          started_at: received,
          created_at: received,
          updated_at: received,
          monitoring_at: null,
          resolved_at: null,
          scheduled_for: null,
          scheduled_until: null,
        })
        .execute();
    }
    const reference = columns.reference ?? `SD-${await nextReferenceNumber(trx, store.dialect)}`;
    const row: ReportRow = {
      id: newId(),
      reference,
      idempotency_key: newId(),
      request_hash: newId(),
      type: report.type,
      title: report.title,
      priority: report.priority ?? null,
      body: JSON.stringify(report),
      page_url: report.environment.url,
      page_host: new URL(report.environment.url).hostname,
      // As the intake: a clock ahead of ours cannot have captured the future.
      captured_at: new Date(
        Math.min(Date.parse(report.environment.captured_at), Date.parse(received)),
      ).toISOString(),
      received_at: received,
      deadline_at: new Date(Date.parse(received) + 4 * 3_600_000).toISOString(),
      client_ip: null,
      client_id: null,
      incident_id: incidentId,
      incident_link: incidentId ? 'match' : null,
      state: 'received',
      external_ref: null,
      request_state: 'received',
      state_changed_at: received,
      notify_by_email: report.notify_by_email ? 1 : 0,
      event_count: 0,
      latest_comment_at: null,
      latest_comment_body: null,
      ...columns,
    };
    await trx.insertInto('reports').values(row).execute();
    for (const [position, data] of images.entries()) {
      await trx
        .insertInto('report_attachments')
        .values({
          id: newId(),
          report_id: row.id,
          position,
          // As described in the report's body, as the intake stores them.
          name: report.attachments[position]?.name ?? `capture-${position + 1}.png`,
          kind: report.attachments[position]?.kind ?? 'capture',
          method: report.attachments[position]?.method ?? null,
          truncated: report.attachments[position]?.truncated ? 1 : 0,
          content_type: 'image/png',
          size: data.length,
          width: 4,
          height: 4,
          data,
        })
        .execute();
    }
    const jobIds = await enqueue(
      trx,
      connectors.map((connector) => ({ kind: FORWARD_JOB, ref_id: row.id, payload: { connector } })),
    );
    return { ...row, jobIds, images };
  });
}
