import type { Kysely } from 'kysely';
import { z } from 'zod';
import type { ReportState } from '../../shared/schemas/report.ts';
import {
  type Connector,
  connectorName,
  FORWARD_JOB,
  type ForwardingConfig,
  senders,
} from '../connectors/config.ts';
import type { OutgoingReport } from '../connectors/outgoing.ts';
import type { ConnectorDeps } from '../connectors/plugin.ts';
import { followIssue } from '../connectors/redmine/issues.ts';
import type { Store } from '../platform/db.ts';
import { type JobHandler, PermanentError } from '../platform/jobs/handler.ts';
import type { Job } from '../platform/jobs/queue.ts';
import type { Database } from '../platform/schema.ts';
import { markForwarded } from '../requests/store.ts';
import { loadAttachmentData, loadReport } from '../store/reports.ts';

const forwardPayload = z.object({ connector: connectorName });
const forwardResult = z.object({ external_ref: z.string().optional() });

/**
 * The connectors' senders get the mailer, the public URL, the attachment links and the help desk's
 * language from here.
 */
interface ForwardingDeps extends ConnectorDeps {
  store: Store;
  forwarding: ForwardingConfig;
}

/**
 * Runs `forward` jobs: one job per report and connector, so a help desk that is down delays only its
 * own copy. After every attempt the report's state is brought up to date from all of its jobs.
 */
export function forwardingHandler(deps: ForwardingDeps): JobHandler {
  const { db } = deps.store;
  const connectors = senders(deps.forwarding, deps);

  return {
    async run(job) {
      const payload = forwardPayload.safeParse(parseJson(job.payload));
      if (!payload.success) throw new PermanentError(`not a forwarding job: ${job.payload}`);
      const { connector } = payload.data;
      const deliver = connectors[connector];
      // Queued while the connector was configured, then its configuration was removed.
      if (!deliver) throw new PermanentError(`the ${connector} connector is not configured on this server`);
      const stored = await loadReport(db, job.ref_id);
      if (!stored) throw new PermanentError(`report ${job.ref_id} no longer exists`);
      const out: OutgoingReport = {
        deliveryId: job.id,
        stored,
        incident: await incidentOf(db, stored.row.incident_id, deps.publicUrl),
        async file(a) {
          const found = await loadAttachmentData(db, stored.row.id, a.position);
          if (!found) throw new PermanentError(`attachment ${a.position} of ${stored.row.reference} is gone`);
          // loadAttachmentData copies the bytes into a fresh ArrayBuffer, never a shared one.
          return found.data as Uint8Array<ArrayBuffer>;
        },
      };
      return deliver(out);
    },
    async settled(job) {
      // The worker reads a throw here as a failed delivery and would send again; a state that lags
      // is the lesser harm, and the next attempt of any of the report's jobs corrects it.
      await updateReportState(db, job.ref_id).catch((err) =>
        console.error(`forwarding: updating the state of report ${job.ref_id} failed:`, err),
      );
    },
  };
}

async function incidentOf(
  db: Kysely<Database>,
  id: string | null,
  publicUrl: string,
): Promise<OutgoingReport['incident']> {
  if (!id) return null;
  const row = await db
    .selectFrom('incidents')
    .select(['id', 'name', 'status'])
    .where('id', '=', id)
    .executeTakeFirst();
  return row ? { ...row, url: `${publicUrl}/incidents/${row.id}` } : null;
}

async function updateReportState(db: Kysely<Database>, reportId: string): Promise<void> {
  await db.transaction().execute(async (trx) => {
    // Writing the report row first takes its lock, so the settles of one report's jobs run one after
    // another and the last one reads every job's final state, whichever finished first.
    await trx
      .updateTable('reports')
      .set((eb) => ({ state: eb.ref('state') }))
      .where('id', '=', reportId)
      .execute();
    const jobs = await trx
      .selectFrom('jobs')
      .select(['payload', 'state', 'last_error', 'result'])
      .where('kind', '=', FORWARD_JOB)
      .where('ref_id', '=', reportId)
      .execute();
    // Redmine's issue is followed from now on, whatever the other connectors' fate.
    const redmine = jobs.find((j) => connectorOf(j) === 'redmine' && j.state === 'done');
    if (redmine) await followIssue(trx, reportId, resultOf(redmine).external_ref);
    const next = reportState(jobs);
    if (next) await trx.updateTable('reports').set(next).where('id', '=', reportId).execute();
    // The help desk has it: the request is open there (a request support moved on already stays).
    if (next?.state === 'forwarded') await markForwarded(trx, reportId, new Date());
  });
}

type JobSummary = Pick<Job, 'payload' | 'state' | 'last_error' | 'result'>;

/**
 * A report is forwarded once every connector has it, failed as soon as one gave up, and retrying while
 * one has erred and will try again; until then it stays received. Redmine's issue number is the
 * external reference support quotes, so it wins over any other connector's.
 */
function reportState(jobs: JobSummary[]): { state: ReportState; external_ref?: string } | undefined {
  if (!jobs.length) return undefined;
  if (jobs.every((j) => j.state === 'done')) {
    const refs = jobs.map((j) => ({ connector: connectorOf(j), ref: resultOf(j).external_ref }));
    const ref = (refs.find((r) => r.connector === 'redmine' && r.ref) ?? refs.find((r) => r.ref))?.ref;
    return { state: 'forwarded', ...(ref ? { external_ref: ref } : {}) };
  }
  if (jobs.some((j) => j.state === 'failed')) return { state: 'failed' };
  if (jobs.some((j) => j.last_error !== null)) return { state: 'retrying' };
  return undefined;
}

export interface ForwardingStatus {
  job_id: string;
  connector: Connector | undefined;
  state: Job['state'];
  attempts: number;
  max_attempts: number;
  last_error: string | null;
  /** When the next try is due; null while one runs, once delivered, or given up. */
  next_try_at: string | null;
  external_ref: string | null;
  updated_at: string;
}

/** Each connector's delivery of one report, for the console's report page. */
export async function forwardingStatus(db: Kysely<Database>, reportId: string): Promise<ForwardingStatus[]> {
  const jobs = await db
    .selectFrom('jobs')
    .selectAll()
    .where('kind', '=', FORWARD_JOB)
    .where('ref_id', '=', reportId)
    .orderBy('created_at')
    .orderBy('id')
    .execute();
  return jobs.map((j) => ({
    job_id: j.id,
    connector: connectorOf(j),
    state: j.state,
    attempts: j.attempts,
    max_attempts: j.max_attempts,
    last_error: j.last_error,
    next_try_at: j.state === 'pending' ? j.run_at : null,
    external_ref: resultOf(j).external_ref ?? null,
    updated_at: j.updated_at,
  }));
}

function connectorOf(job: Pick<Job, 'payload'>): Connector | undefined {
  return forwardPayload.safeParse(parseJson(job.payload)).data?.connector;
}

function resultOf(job: Pick<Job, 'result'>): z.infer<typeof forwardResult> {
  return forwardResult.safeParse(parseJson(job.result)).data ?? {};
}

function parseJson(text: string | null): unknown {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
