import type { Kysely, Transaction } from 'kysely';
import { newId } from '../../domain/ids.ts';
import type { Store } from '../db.ts';
import type { Database } from '../schema.ts';

export type Job = Database['jobs'];
type Db = Kysely<Database> | Transaction<Database>;

export interface NewJob {
  kind: string;
  ref_id: string;
  payload: unknown;
  run_at?: Date;
  max_attempts?: number;
}

/** Retries spread out to a day: 5 s, 10 s, 20 s … capped at an hour, 12 tries in all by default. */
const BASE_DELAY_MS = 5_000;
const MAX_DELAY_MS = 3_600_000;
const DEFAULT_MAX_ATTEMPTS = 12;

/** The wait before retry number `attempt` (1-based), with ±20% jitter so retries do not march in step. */
export function backoffMs(attempt: number, random = Math.random()): number {
  const plain = Math.min(MAX_DELAY_MS, BASE_DELAY_MS * 2 ** Math.max(0, attempt - 1));
  return Math.round(plain * (0.8 + 0.4 * random));
}

/**
 * Adds jobs; pass the transaction that writes what they are about, so both commit or neither does.
 * Inserts in chunks to stay under the databases' bound-parameter limits.
 */
export async function enqueue(db: Db, jobs: NewJob[]): Promise<string[]> {
  const now = new Date().toISOString();
  const rows = jobs.map((j) => ({
    id: newId(),
    kind: j.kind,
    ref_id: j.ref_id,
    payload: JSON.stringify(j.payload),
    state: 'pending' as const,
    attempts: 0,
    max_attempts: j.max_attempts ?? DEFAULT_MAX_ATTEMPTS,
    run_at: (j.run_at ?? new Date()).toISOString(),
    locked_until: null,
    locked_by: null,
    last_error: null,
    result: null,
    created_at: now,
    updated_at: now,
  }));
  for (let i = 0; i < rows.length; i += 2_000) {
    await db
      .insertInto('jobs')
      .values(rows.slice(i, i + 2_000))
      .execute();
  }
  return rows.map((r) => r.id);
}

export interface ClaimOptions {
  kinds: string[];
  limit: number;
  leaseMs: number;
  workerId: string;
  /** Only jobs whose worker's lease ran out, none that are merely due: the takeover at a lease's end. */
  expiredOnly?: boolean;
}

/**
 * Takes up to `limit` due jobs (or jobs whose worker's lease ran out) for this worker. On PostgreSQL
 * `FOR UPDATE SKIP LOCKED` lets several processes claim side by side without waiting or overlapping;
 * SQLite runs each statement under its one writer lock, which gives the same guarantee. Expired
 * leases and due jobs are taken by separate statements, so the common one walks the
 * `(state, run_at)` index in order instead of sorting every waiting job.
 */
export async function claim(store: Store, o: ClaimOptions): Promise<Job[]> {
  const now = new Date();
  const nowIso = now.toISOString();
  const take = async (state: 'pending' | 'running', limit: number): Promise<Job[]> => {
    let due = store.db
      .selectFrom('jobs')
      .select('id')
      .where('kind', 'in', o.kinds)
      .where('state', '=', state);
    due =
      state === 'pending'
        ? due.where('run_at', '<=', nowIso).orderBy('run_at')
        : due.where('locked_until', '<', nowIso);
    due = due.limit(limit);
    if (store.dialect === 'postgres') due = due.forUpdate().skipLocked();
    return store.db
      .updateTable('jobs')
      .set((eb) => ({
        state: 'running',
        attempts: eb('attempts', '+', 1),
        locked_by: o.workerId,
        locked_until: new Date(now.getTime() + o.leaseMs).toISOString(),
        updated_at: nowIso,
      }))
      .where('id', 'in', due)
      .returningAll()
      .execute();
  };
  const expired = await take('running', o.limit);
  return expired.length < o.limit && !o.expiredOnly
    ? [...expired, ...(await take('pending', o.limit - expired.length))]
    : expired;
}

/**
 * When the first lease held by another worker on jobs of these kinds runs out (ms since the epoch),
 * or undefined while none is held: a worker sleeps until then to take over a dead one's jobs.
 */
export async function earliestLeaseEnd(
  db: Db,
  kinds: string[],
  workerId: string,
): Promise<number | undefined> {
  const row = await db
    .selectFrom('jobs')
    .select((eb) => eb.fn.min('locked_until').as('until'))
    .where('kind', 'in', kinds)
    .where('state', '=', 'running')
    .where('locked_by', '<>', workerId)
    .executeTakeFirst();
  return row?.until ? Date.parse(row.until) : undefined;
}

/** Records success; only the worker holding the lease may, so a job reclaimed elsewhere is not touched. */
export async function complete(db: Db, job: Job, result: unknown = null): Promise<boolean> {
  const r = await db
    .updateTable('jobs')
    .set({
      state: 'done',
      result: JSON.stringify(result),
      locked_until: null,
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', job.locked_by)
    .where('state', '=', 'running')
    .executeTakeFirst();
  return Number(r.numUpdatedRows) === 1;
}

/** Ids per statement when a write names many jobs, well under both databases' parameter limits. */
const IDS_PER_STATEMENT = 1_000;

function chunks<T>(items: T[]): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < items.length; i += IDS_PER_STATEMENT) out.push(items.slice(i, i + IDS_PER_STATEMENT));
  return out;
}

/**
 * Records many successes with one UPDATE per distinct result (high-volume jobs mostly share one),
 * under the same lease rule as `complete`; answers the ids it recorded.
 */
export async function completeMany(db: Db, done: { job: Job; result: unknown }[]): Promise<Set<string>> {
  const groups = new Map<string, Map<string | null, string[]>>();
  for (const { job, result } of done) {
    const json = JSON.stringify(result ?? null);
    const byWorker = groups.get(json) ?? new Map<string | null, string[]>();
    byWorker.set(job.locked_by, [...(byWorker.get(job.locked_by) ?? []), job.id]);
    groups.set(json, byWorker);
  }
  const recorded = new Set<string>();
  const now = new Date().toISOString();
  for (const [result, byWorker] of groups) {
    for (const [lockedBy, ids] of byWorker) {
      for (const part of chunks(ids)) {
        const rows = await db
          .updateTable('jobs')
          .set({ state: 'done', result, locked_until: null, updated_at: now })
          .where('id', 'in', part)
          .where('locked_by', lockedBy === null ? 'is' : '=', lockedBy)
          .where('state', '=', 'running')
          .returning('id')
          .execute();
        for (const r of rows) recorded.add(r.id);
      }
    }
  }
  return recorded;
}

/** Extends this worker's lease on jobs still in hand, so a long batch is not taken over mid-way. */
export async function renewLeases(db: Db, ids: string[], workerId: string, leaseMs: number): Promise<void> {
  const until = new Date(Date.now() + leaseMs).toISOString();
  for (const part of chunks(ids)) {
    await db
      .updateTable('jobs')
      .set({ locked_until: until })
      .where('id', 'in', part)
      .where('locked_by', '=', workerId)
      .where('state', '=', 'running')
      .execute();
  }
}

/**
 * Records a failure: retried after a back-off, or failed for good when out of attempts or not
 * retryable. Like `complete`, only while this worker still holds the job: a job already recorded as
 * done (or reclaimed by another worker) is never put back in line, so it is never sent twice.
 */
export async function fail(db: Db, job: Job, error: string, retryable = true): Promise<Job['state']> {
  const final = !retryable || job.attempts >= job.max_attempts;
  const state = final ? 'failed' : 'pending';
  await db
    .updateTable('jobs')
    .set({
      state,
      last_error: error.slice(0, 2000),
      locked_until: null,
      run_at: new Date(Date.now() + (final ? 0 : backoffMs(job.attempts))).toISOString(),
      updated_at: new Date().toISOString(),
    })
    .where('id', '=', job.id)
    .where('locked_by', '=', job.locked_by)
    .where('state', '=', 'running')
    .execute();
  return state;
}

/**
 * Puts a job that cannot run yet back in line for `delayMs`, giving back the attempt its claim
 * counted: waiting for another job is not a failure. Only while this worker holds it, as `fail`.
 */
export async function postpone(db: Db, job: Job, why: string, delayMs: number): Promise<void> {
  await db
    .updateTable('jobs')
    .set((eb) => ({
      state: 'pending',
      attempts: eb('attempts', '-', 1),
      last_error: why.slice(0, 2000),
      locked_until: null,
      run_at: new Date(Date.now() + delayMs).toISOString(),
      updated_at: new Date().toISOString(),
    }))
    .where('id', '=', job.id)
    .where('locked_by', '=', job.locked_by)
    .where('state', '=', 'running')
    .execute();
}

/** Makes failed or waiting jobs due now ("retry now" in the console); a failed job gets three more tries. */
export async function retryNow(db: Db, ids: string[]): Promise<void> {
  if (!ids.length) return;
  const now = new Date().toISOString();
  await db
    .updateTable('jobs')
    .set((eb) => ({ state: 'pending', run_at: now, updated_at: now, max_attempts: eb('attempts', '+', 3) }))
    .where('id', 'in', ids)
    .where('state', '=', 'failed')
    .execute();
  await db
    .updateTable('jobs')
    .set({ run_at: now, updated_at: now })
    .where('id', 'in', ids)
    .where('state', '=', 'pending')
    .execute();
}
