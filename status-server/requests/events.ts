import type { Kysely, Transaction } from 'kysely';
import { z } from 'zod';
import {
  type Connector,
  connectorName,
  eventConnectors,
  eventSenders,
  FORWARD_JOB,
  type ForwardingConfig,
} from '../connectors/config.ts';
import type { OutgoingRequestEvent } from '../connectors/outgoing.ts';
import type { ConnectorDeps } from '../connectors/plugin.ts';
import type { Store } from '../platform/db.ts';
import { type JobHandler, NotYet, PermanentError } from '../platform/jobs/handler.ts';
import { enqueue, type Job } from '../platform/jobs/queue.ts';
import type { Database } from '../platform/schema.ts';
import { serverKey, sign, verify } from '../reports/keys.ts';

/** The job kind of one reporter's move sent on to one connector's ticket. */
export const REQUEST_EVENT_JOB = 'request-event';

export type ReporterMove = OutgoingRequestEvent['event']['kind'];

const eventPayload = z.object({
  connector: connectorName,
  event_id: z.string(),
  kind: z.enum(['answer', 'confirm', 'reopen']),
  /** The move's place among the report's moves: a connector gets them in this order. */
  seq: z.number().int().min(0),
});
const forwardPayload = z.object({ connector: connectorName });
const forwardResult = z.object({ external_ref: z.string().optional() });

/** A job waiting for a job that is being sent looks again after this. */
const RUNNING_WAIT_MS = 5_000;
/** …and never sleeps longer than the queue's longest back-off, whatever the other job's time says. */
const MAX_WAIT_MS = 3_600_000;

/**
 * Queues the reporter's move (an answer with its images, a confirmation, a reopening) for every
 * connector the report was forwarded with whose plug-in sends such events, in the caller's
 * transaction: the move and its jobs are stored together or not at all. Answers how many it queued.
 */
export async function queueRequestEvents(
  trx: Transaction<Database>,
  reportId: string,
  move: { eventId: string; kind: ReporterMove },
): Promise<number> {
  const forwards = await trx
    .selectFrom('jobs')
    .select('payload')
    .where('kind', '=', FORWARD_JOB)
    .where('ref_id', '=', reportId)
    .execute();
  const targets = [
    ...new Set(forwards.flatMap((f) => forwardPayload.safeParse(parseJson(f.payload)).data?.connector ?? [])),
  ].filter((c) => eventConnectors.includes(c));
  if (!targets.length) return 0;
  // Counted under the report's lock (changeRequest holds it), so two moves never share a number.
  const { n } = await trx
    .selectFrom('jobs')
    .select((eb) => eb.fn.countAll<string | number>().as('n'))
    .where('kind', '=', REQUEST_EVENT_JOB)
    .where('ref_id', '=', reportId)
    .executeTakeFirstOrThrow();
  await enqueue(
    trx,
    targets.map((connector) => ({
      kind: REQUEST_EVENT_JOB,
      ref_id: reportId,
      payload: { connector, event_id: move.eventId, kind: move.kind, seq: Number(n) },
    })),
  );
  return targets.length;
}

/** Builds the link to one image of an answer; the link carries its own signature. */
export type EventFileUrl = (reference: string, eventId: string, position: number) => string;

const LINK_KEY = 'attachment-links';

/** Where a help desk fetches an answer's image: unguessable without the server's key, never expiring. */
export async function eventFileUrlFor(db: Kysely<Database>, publicUrl: string): Promise<EventFileUrl> {
  const key = await serverKey(db, LINK_KEY);
  return (ref, eventId, position) =>
    `${publicUrl}/api/reports/${ref}/events/${eventId}/files/${position}?sig=${sign(key, 'event-file', ref, eventId, position)}`;
}

export async function eventFileSigned(
  db: Kysely<Database>,
  sig: string,
  ref: string,
  eventId: string,
  position: number,
): Promise<boolean> {
  return verify(await serverKey(db, LINK_KEY), sig, 'event-file', ref, eventId, position);
}

/** One image of one answer of this report, with its bytes; undefined if there is none. */
export async function loadEventFile(
  db: Kysely<Database>,
  reportId: string,
  eventId: string,
  position: number,
) {
  const row = await db
    .selectFrom('report_event_files as f')
    .innerJoin('report_events as e', 'e.id', 'f.event_id')
    .select(['f.name', 'f.content_type', 'f.data'])
    .where('e.report_id', '=', reportId)
    .where('f.event_id', '=', eventId)
    .where('f.position', '=', position)
    .executeTakeFirst();
  return row && { name: row.name, contentType: row.content_type, data: new Uint8Array(row.data) };
}

interface RequestEventDeps extends ConnectorDeps {
  store: Store;
  forwarding: ForwardingConfig;
  eventFileUrl: EventFileUrl;
}

/**
 * Runs `request-event` jobs: one reporter's move for one connector's ticket. It waits, without
 * using up its tries, while the report's forwarding to that connector is not done (an answer must
 * not reach the help desk before its ticket) and while an earlier move for that connector is still
 * to be sent; then it sends, retried with the queue's back-off like forwarding.
 */
export function requestEventHandler(deps: RequestEventDeps): JobHandler {
  const { db } = deps.store;
  const senders = eventSenders(deps.forwarding, deps);

  return {
    async run(job) {
      const payload = eventPayload.safeParse(parseJson(job.payload));
      if (!payload.success) throw new PermanentError(`not a request-event job: ${job.payload}`);
      const { connector, event_id: eventId, kind, seq } = payload.data;
      const deliver = senders[connector];
      if (!deliver)
        throw new PermanentError(
          `the ${connector} connector is not configured on this server to send events`,
        );
      const report = await db
        .selectFrom('reports')
        .select(['id', 'reference', 'title'])
        .where('id', '=', job.ref_id)
        .executeTakeFirst();
      if (!report) throw new PermanentError(`report ${job.ref_id} no longer exists`);

      const forward = await forwardOf(db, job.ref_id, connector);
      if (!forward)
        throw new PermanentError(`report ${report.reference} was never forwarded to ${connector}`);
      if (forward.state === 'failed') {
        // Counts as a try: the ticket may never come, but "Retry now" on the report may still bring it.
        throw new Error(`the report's forwarding to ${connector} failed; this waits for it`);
      }
      if (forward.state !== 'done') {
        throw new NotYet(`waits for the report's forwarding to ${connector}`, waitFor([forward]));
      }
      const earlier = (await movesOf(db, job.ref_id, connector)).filter(
        (m) => m.job.id !== job.id && m.seq < seq && (m.job.state === 'pending' || m.job.state === 'running'),
      );
      if (earlier.length) {
        throw new NotYet(`waits for an earlier event to ${connector}`, waitFor(earlier.map((m) => m.job)));
      }

      const event = await db
        .selectFrom('report_events')
        .select(['id', 'at', 'body'])
        .where('id', '=', eventId)
        .where('report_id', '=', job.ref_id)
        .executeTakeFirst();
      if (!event) throw new PermanentError(`event ${eventId} of ${report.reference} no longer exists`);
      const files = await db
        .selectFrom('report_event_files')
        .select(['position', 'name', 'content_type', 'size'])
        .where('event_id', '=', eventId)
        .orderBy('position')
        .execute();
      const out: OutgoingRequestEvent = {
        deliveryId: job.id,
        reference: report.reference,
        externalRef: forwardResult.safeParse(parseJson(forward.result)).data?.external_ref ?? null,
        event: { id: event.id, kind, at: event.at, body: kind === 'confirm' ? null : event.body },
        title: report.title,
        forwardDeliveryId: forward.id,
        files: files.map((f) => ({
          name: f.name,
          content_type: f.content_type,
          size: f.size,
          url: deps.eventFileUrl(report.reference, eventId, f.position),
          async data() {
            const found = await loadEventFile(db, job.ref_id, eventId, f.position);
            if (!found) throw new PermanentError(`image ${f.position} of event ${eventId} is gone`);
            return found.data as Uint8Array<ArrayBuffer>;
          },
        })),
      };
      await deliver(out);
      return {};
    },
  };
}

/** This connector's forwarding job of the report; the one delivered, if several were ever queued. */
async function forwardOf(db: Kysely<Database>, reportId: string, connector: Connector) {
  const jobs = await db
    .selectFrom('jobs')
    .selectAll()
    .where('kind', '=', FORWARD_JOB)
    .where('ref_id', '=', reportId)
    .execute();
  const mine = jobs.filter(
    (j) => forwardPayload.safeParse(parseJson(j.payload)).data?.connector === connector,
  );
  return mine.find((j) => j.state === 'done') ?? mine[0];
}

async function movesOf(db: Kysely<Database>, reportId: string, connector: Connector) {
  const jobs = await db
    .selectFrom('jobs')
    .selectAll()
    .where('kind', '=', REQUEST_EVENT_JOB)
    .where('ref_id', '=', reportId)
    .execute();
  return jobs.flatMap((job) => {
    const p = eventPayload.safeParse(parseJson(job.payload)).data;
    return p && p.connector === connector ? [{ job, seq: p.seq }] : [];
  });
}

/** Until just after the soonest of the jobs waited for is due again (or a while, if one is running). */
function waitFor(jobs: Job[]): number {
  const now = Date.now();
  const due = jobs.map((j) => (j.state === 'pending' ? Date.parse(j.run_at) - now + 1_000 : RUNNING_WAIT_MS));
  return Math.min(MAX_WAIT_MS, Math.max(1_000, Math.min(...due)));
}

function parseJson(text: string | null): unknown {
  try {
    return text === null ? null : JSON.parse(text);
  } catch {
    return null;
  }
}
