import { type Kysely, sql, type Transaction } from 'kysely';
import { byText } from '../../shared/order.ts';
import type { RequestSource, RequestState } from '../../shared/schemas/report.ts';
import { Conflict, NotFound } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import { decide, type RequestAction, windowEnded } from '../domain/request-lifecycle.ts';
import type { Database } from '../platform/schema.ts';
import { queueReporterMail } from './reporter-mail.ts';

export type RequestEvent = Database['report_events'];

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
): Promise<Locked> {
  await trx
    .updateTable('reports')
    .set({ request_state: to, state_changed_at: at })
    .where('id', '=', row.id)
    .execute();
  await trx
    .insertInto('report_events')
    .values({
      id: newId(),
      report_id: row.id,
      at,
      kind: 'state',
      from_state: row.request_state,
      to_state: to,
      body: reason,
      ...actor,
    })
    .execute();
  return { ...row, request_state: to, state_changed_at: at };
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
}

/**
 * Applies one change to a request in one transaction: a resolved request past its window is closed
 * first (as of the window's end), then the action is decided on the state it is in; a refused action
 * throws `Conflict` and the transaction leaves everything as it was.
 */
export async function changeRequest(
  db: Kysely<Database>,
  reportId: string,
  change: Change,
  actor: Actor,
  clock: Clock,
): Promise<void> {
  await db.transaction().execute(async (trx) => {
    let row = await expireLocked(trx, await lock(trx, reportId), clock);
    const before = row.request_state;
    const at = clock.now.toISOString();
    if (change.action) {
      const decision = decide(
        { state: row.request_state, changedAt: row.state_changed_at, ...clock },
        change.action,
      );
      if (!decision.ok) throw new Conflict('request_state', decision.reason);
      if (decision.to !== row.request_state)
        row = await moveTo(trx, row, decision.to, at, actor, change.reason ?? null);
    }
    if (change.text !== undefined) {
      await trx
        .insertInto('report_events')
        .values({
          id: newId(),
          report_id: row.id,
          at,
          kind: actor.author === 'reporter' ? 'answer' : 'comment',
          from_state: null,
          to_state: null,
          body: change.text,
          ...actor,
        })
        .execute();
    }
    const moved = row.request_state !== before ? row.request_state : undefined;
    await queueReporterMail(trx, row.id, { state: moved, comment: change.text }, actor.author);
  });
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
    await db.transaction().execute(async (trx) => expireLocked(trx, await lock(trx, reportId), clock));
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
  return { state: row.request_state, state_changed_at: changedAt, events };
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
