import { type Kysely, sql, type Transaction } from 'kysely';
import { byText } from '../../shared/order.ts';
import type { RequestSource, RequestState } from '../../shared/schemas/report.ts';
import { Conflict, NotFound } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import { decide, type RequestAction, windowEnded } from '../domain/request-lifecycle.ts';
import type { Database } from '../platform/schema.ts';
import { queueRequestEvents, type ReporterMove } from './events.ts';
import { queueReporterMail } from './reporter-mail.ts';

export type RequestEvent = Database['report_events'];
/** An answer's image without its bytes. */
export type RequestEventFile = Omit<Database['report_event_files'], 'data'>;

export interface Actor {
  author: RequestEvent['author'];
  source: RequestSource;
}

export interface Clock {
  now: Date;
  reopenWindowMs: number;
}

export interface RequestRecord {
  state: RequestState;
  state_changed_at: string;
  /** Oldest first, in (at, id) order. */
  events: RequestEvent[];
  /** The images of the answers among `events`, by event and position. */
  files: RequestEventFile[];
}

/**
 * A request's events in their total order, as SQL and JavaScript both sort them: time; at one time a
 * change of state before the comment written with it; then id.
 */
export const eventOrder = (a: RequestEvent, b: RequestEvent): number =>
  byText(a.at, b.at) || stateFirst(a) - stateFirst(b) || byText(a.id, b.id);

const stateFirst = (e: RequestEvent) => (e.kind === 'state' ? 0 : 1);

const system: Actor = { author: 'system', source: 'system' };

interface Locked {
  id: string;
  request_state: RequestState;
  state_changed_at: string;
}

/**
 * Runs `fn` in a transaction: the caller's when `db` is one (a poller that writes its own cursor with
 * the change, so both commit or neither does), else a new one.
 */
function inTransaction<T>(db: Kysely<Database>, fn: (trx: Transaction<Database>) => Promise<T>): Promise<T> {
  return db.isTransaction ? fn(db as Transaction<Database>) : db.transaction().execute(fn);
}

/**
 * Reads the report row after writing it, so the write takes its lock (SQLite has one writer anyway,
 * and kysely's `for update` is PostgreSQL's only): two changes of one request run one after another.
 */
async function lock(trx: Transaction<Database>, reportId: string): Promise<Locked> {
  await trx
    .updateTable('reports')
    .set((eb) => ({ request_state: eb.ref('request_state') }))
    .where('id', '=', reportId)
    .execute();
  const row = await trx
    .selectFrom('reports')
    .select(['id', 'request_state', 'state_changed_at', 'received_at'])
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!row) throw new NotFound('report', reportId);
  return { ...row, state_changed_at: row.state_changed_at ?? row.received_at };
}

async function moveTo(
  trx: Transaction<Database>,
  row: Locked,
  to: RequestState,
  at: string,
  actor: Actor,
  reason: string | null = null,
  id = newId(),
): Promise<Locked> {
  await trx
    .updateTable('reports')
    .set({ request_state: to, state_changed_at: at })
    .where('id', '=', row.id)
    .execute();
  await addEvent(trx, {
    id,
    report_id: row.id,
    at,
    kind: 'state',
    from_state: row.request_state,
    to_state: to,
    body: reason,
    ...actor,
  });
  return { ...row, request_state: to, state_changed_at: at };
}

/**
 * The one place a request's history grows: the event, and what the batched status call reads of the
 * history kept on the report in the same transaction (requests/summaries.ts), counted and chosen
 * from the history itself so the two cannot differ: its size and support's newest comment (by time,
 * then id).
 */
async function addEvent(trx: Transaction<Database>, event: RequestEvent): Promise<void> {
  await trx.insertInto('report_events').values(event).execute();
  const latest = (column: 'at' | 'body') =>
    sql<
      string | null
    >`(select c.${sql.ref(column)} from report_events c where c.report_id = ${event.report_id} and c.kind = 'comment' order by c.at desc, c.id desc limit 1)`;
  await trx
    .updateTable('reports')
    .set((eb) => ({
      event_count: eb('event_count', '+', 1),
      ...(event.kind === 'comment'
        ? { latest_comment_at: latest('at'), latest_comment_body: latest('body') }
        : {}),
    }))
    .where('id', '=', event.report_id)
    .execute();
}

/** Closes a resolved request whose window has ended, as of the window's end; the row as it is after. */
async function expireLocked(trx: Transaction<Database>, row: Locked, clock: Clock): Promise<Locked> {
  if (row.request_state !== 'resolved' || !windowEnded(row.state_changed_at, clock.now, clock.reopenWindowMs))
    return row;
  const closedAt = new Date(Date.parse(row.state_changed_at) + clock.reopenWindowMs).toISOString();
  return moveTo(trx, row, 'closed', closedAt, system);
}

export interface Change {
  /** A change of state, or none to only write a comment. */
  action?: RequestAction;
  /** A comment for the customer (support) or an answer (reporter), written with the change. */
  text?: string;
  /** The reporter's reason for reopening, kept on the change of state. */
  reason?: string;
  /** The images of the reporter's answer, stored with it; checked already (requests/answer-files.ts). */
  files?: { name: string; content_type: string; data: Uint8Array }[];
}

/** More writes that commit with a change or not at all, e.g. the record that a callback was applied. */
export type Alongside = (trx: Transaction<Database>) => Promise<void>;

/**
 * Applies one change to a request in one transaction (the caller's, if `db` is one): a resolved request past its window is closed
 * first (as of the window's end), then the action is decided on the state it is in; a refused action
 * throws `Conflict` and the transaction leaves everything as it was.
 */
export async function changeRequest(
  db: Kysely<Database>,
  reportId: string,
  change: Change,
  actor: Actor,
  clock: Clock,
  alongside?: Alongside,
): Promise<void> {
  await inTransaction(db, async (trx) => {
    let row = await expireLocked(trx, await lock(trx, reportId), clock);
    await alongside?.(trx);
    const before = row.request_state;
    const at = clock.now.toISOString();
    const [stateId, textId] = [newId(), newId()];
    if (change.action) {
      const decision = decide(
        { state: row.request_state, changedAt: row.state_changed_at, ...clock },
        change.action,
      );
      if (!decision.ok) throw new Conflict('request_state', decision.reason);
      if (decision.to !== row.request_state)
        row = await moveTo(trx, row, decision.to, at, actor, change.reason ?? null, stateId);
    }
    if (change.text !== undefined) {
      await addEvent(trx, {
        id: textId,
        report_id: row.id,
        at,
        kind: actor.author === 'reporter' ? 'answer' : 'comment',
        from_state: null,
        to_state: null,
        body: change.text,
        ...actor,
      });
      if (change.files?.length) {
        await trx
          .insertInto('report_event_files')
          .values(
            change.files.map((f, position) => ({
              event_id: textId,
              position,
              name: f.name,
              content_type: f.content_type,
              size: f.data.byteLength,
              data: f.data,
            })),
          )
          .execute();
      }
    }
    // The reporter's move goes on to the help desks that hold the ticket, committed with it.
    const move = reporterMove(change, actor, { stateId, textId });
    if (move) await queueRequestEvents(trx, row.id, move);
    const moved = row.request_state !== before ? row.request_state : undefined;
    await queueReporterMail(trx, row.id, { state: moved, comment: change.text }, actor.author);
  });
}

/** The event a help desk is told of: the answer (with its images), or the confirming or reopening change. */
function reporterMove(
  change: Change,
  actor: Actor,
  ids: { stateId: string; textId: string },
): { eventId: string; kind: ReporterMove } | undefined {
  if (actor.author !== 'reporter') return undefined;
  const kind = change.action?.kind;
  if (kind === 'answer' && change.text !== undefined) return { eventId: ids.textId, kind };
  if (kind === 'confirm' || kind === 'reopen') return { eventId: ids.stateId, kind };
  return undefined;
}

/**
 * A request's state and history. A resolved request past its window is closed here first, once
 * (the guarded write makes a second reader, on this server or another, find it closed already).
 */
export async function readRequest(
  db: Kysely<Database>,
  reportId: string,
  clock: Clock,
): Promise<RequestRecord> {
  const row = await db
    .selectFrom('reports')
    .select(['request_state', 'state_changed_at', 'received_at'])
    .where('id', '=', reportId)
    .executeTakeFirst();
  if (!row) throw new NotFound('report', reportId);
  const changedAt = row.state_changed_at ?? row.received_at;
  if (row.request_state === 'resolved' && windowEnded(changedAt, clock.now, clock.reopenWindowMs)) {
    await inTransaction(db, async (trx) => expireLocked(trx, await lock(trx, reportId), clock));
    return readRequest(db, reportId, clock);
  }
  const events = await db
    .selectFrom('report_events')
    .selectAll()
    .where('report_id', '=', reportId)
    .orderBy('at')
    // A change of state and the comment written with it share their time: the change reads first.
    .orderBy(sql`case when kind = 'state' then 0 else 1 end`)
    .orderBy('id')
    .execute();
  const files = events.some((e) => e.kind === 'answer')
    ? await db
        .selectFrom('report_event_files as f')
        .innerJoin('report_events as e', 'e.id', 'f.event_id')
        .select(['f.event_id', 'f.position', 'f.name', 'f.content_type', 'f.size'])
        .where('e.report_id', '=', reportId)
        .orderBy('f.event_id')
        .orderBy('f.position')
        .execute()
    : [];
  return { state: row.request_state, state_changed_at: changedAt, events, files };
}

/**
 * Closes every resolved request whose window has ended, a batch at a time; returns how many it
 * closed. Each runs in its own short transaction and is re-read under its lock, so two servers
 * sweeping at once close each request once and write one event for it.
 */
export async function closeExpired(db: Kysely<Database>, clock: Clock, batch = 200): Promise<number> {
  const cutoff = new Date(clock.now.getTime() - clock.reopenWindowMs).toISOString();
  let closed = 0;
  for (;;) {
    const due = await db
      .selectFrom('reports')
      .select('id')
      .where('request_state', '=', 'resolved')
      .where('state_changed_at', '<=', cutoff)
      .orderBy('state_changed_at')
      .orderBy('id')
      .limit(batch)
      .execute();
    for (const { id } of due) {
      const after = await db.transaction().execute(async (trx) => {
        const row = await lock(trx, id);
        return row.request_state === 'resolved' ? (await expireLocked(trx, row, clock)).request_state : null;
      });
      if (after === 'closed') closed += 1;
    }
    if (due.length < batch) return closed;
  }
}

/** Forwarding reached the help desk: a received request is open now. Runs in the caller's transaction. */
export async function markForwarded(trx: Transaction<Database>, reportId: string, at: Date): Promise<void> {
  const row = await lock(trx, reportId);
  if (row.request_state === 'received') await moveTo(trx, row, 'open', at.toISOString(), system);
}
