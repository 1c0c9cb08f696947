import type { Kysely, Transaction } from 'kysely';
import { type Report, report as reportSchema } from '../../shared/schemas/report.ts';
import type { Database } from '../platform/schema.ts';

type Db = Kysely<Database> | Transaction<Database>;

export type ReportRow = Database['reports'];
export type AttachmentRow = Omit<Database['report_attachments'], 'data'> & {
  /** One part of a whole page cut for its height ("Whole page 2/3"), from the report as sent. */
  page_part?: { index: number; count: number };
};

export interface StoredReport {
  row: ReportRow;
  /** The report as the reporter sent it, validated again on the way out of storage. */
  report: Report;
  attachments: AttachmentRow[];
}

export async function loadReport(db: Db, id: string): Promise<StoredReport | undefined> {
  const row = await db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirst();
  return row && withDetails(db, row);
}

export async function loadReportByReference(db: Db, reference: string): Promise<StoredReport | undefined> {
  const row = await db
    .selectFrom('reports')
    .selectAll()
    .where('reference', '=', reference)
    .executeTakeFirst();
  return row && withDetails(db, row);
}

async function withDetails(db: Db, row: ReportRow): Promise<StoredReport> {
  const attachments = await db
    .selectFrom('report_attachments')
    .select([
      'id',
      'report_id',
      'position',
      'name',
      'kind',
      'method',
      'truncated',
      'content_type',
      'size',
      'width',
      'height',
    ])
    .where('report_id', '=', row.id)
    .orderBy('position')
    .execute();
  const report = reportSchema.parse(JSON.parse(row.body));
  // A stored file's position is its place among the report's described attachments.
  return {
    row,
    report,
    attachments: attachments.map((a) => {
      const part = report.attachments[a.position]?.page_part;
      return part ? { ...a, page_part: part } : a;
    }),
  };
}

/** One attachment's bytes, read only when someone needs them (a connector, the console). */
export async function loadAttachmentData(db: Db, reportId: string, position: number) {
  const row = await db
    .selectFrom('report_attachments')
    .select(['name', 'content_type', 'data'])
    .where('report_id', '=', reportId)
    .where('position', '=', position)
    .executeTakeFirst();
  return row && { name: row.name, contentType: row.content_type, data: new Uint8Array(row.data) };
}
