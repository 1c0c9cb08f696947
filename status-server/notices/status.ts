import type { Kysely } from 'kysely';
import type { Database } from '../platform/schema.ts';
import { SKIPPED } from './deliver.ts';
import { NOTICE_JOB } from './fanout.ts';

interface DeliveryCounts {
  sent: number;
  /** Waiting for their turn or for a retry, or being sent now. */
  pending: number;
  /** Out of attempts, or refused for good by the receiver. */
  failed: number;
  /** The subscriber left before their turn, so nothing was sent. */
  skipped: number;
}

interface NoticeStatus extends DeliveryCounts {
  id: string;
  kind: Database['notices']['kind'];
  update_id: string | null;
  created_at: string;
  /** The newest error of a delivery not (yet) sent, for an admin to act on. */
  last_error: string | null;
}

const zero = (): DeliveryCounts => ({ sent: 0, pending: 0, failed: 0, skipped: 0 });

/** How the notices of one incident or maintenance fared: counts per notice and in all. */
export async function incidentNoticeStatus(
  db: Kysely<Database>,
  incidentId: string,
): Promise<{ totals: DeliveryCounts; notices: NoticeStatus[] }> {
  const notices = await db
    .selectFrom('notices')
    .select(['id', 'kind', 'update_id', 'created_at'])
    .where('incident_id', '=', incidentId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  const ids = notices.map((n) => n.id);
  const counts = ids.length
    ? await db
        .selectFrom('jobs')
        .select((eb) => ['ref_id', 'state', 'result', eb.fn.countAll<number>().as('n')])
        .where('kind', '=', NOTICE_JOB)
        .where('ref_id', 'in', ids)
        .groupBy(['ref_id', 'state', 'result'])
        .execute()
    : [];
  const skipped = JSON.stringify(SKIPPED);
  const totals = zero();
  const out: NoticeStatus[] = [];
  for (const n of notices) {
    const c = zero();
    for (const row of counts.filter((r) => r.ref_id === n.id)) {
      const k =
        row.state === 'done'
          ? row.result === skipped
            ? 'skipped'
            : 'sent'
          : row.state === 'failed'
            ? 'failed'
            : 'pending';
      c[k] += Number(row.n);
    }
    for (const k of Object.keys(c) as (keyof DeliveryCounts)[]) totals[k] += c[k];
    const error = await db
      .selectFrom('jobs')
      .select('last_error')
      .where('ref_id', '=', n.id)
      .where('kind', '=', NOTICE_JOB)
      .where('state', '!=', 'done')
      .where('last_error', 'is not', null)
      .orderBy('updated_at', 'desc')
      .limit(1)
      .executeTakeFirst();
    out.push({ ...n, ...c, last_error: error?.last_error ?? null });
  }
  return { totals, notices: out };
}
