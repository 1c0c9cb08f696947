/**
 * What the two-instance test and bench share: report intake spread over several server processes
 * with retries against the others, the leases a killed instance left behind, and how long a write on
 * one instance takes to show on another's page.
 */
import type { Kysely } from 'kysely';
import { NOTICE_JOB } from '../../status-server/notices/fanout.ts';
import type { Database } from '../../status-server/platform/schema.ts';
import { postReport } from './intake.ts';

/**
 * How long past one lease time the survivor may take a dead instance's jobs over. A lease runs out
 * at most one lease time after its holder died (it is renewed to now + the lease every third of
 * that, so the last renewal came before the kill), and the survivor's worker sleeps until the first
 * lease end it knows of, waking 1 ms past it to claim the jobs in one UPDATE. What is left is how
 * late a timer fires on the survivor's busy event loop (it serves intake and sends mail meanwhile),
 * the claim's round trip, and the test's or bench's own look (`until`: a query every 20 ms): tens of
 * milliseconds, a few hundred on a loaded machine.
 */
export const TAKEOVER_ALLOWANCE_MS = 500;
/** An answer slower than this counts as none: the request is sent again elsewhere with its key. */
const REQUEST_TIMEOUT_MS = 15_000;
/** How often a page is read while waiting for a write to show on it. */
const POLL_MS = 10;

export interface IntakeTally {
  /** Idempotency-Key → the reference it got in the end (201, or 200 for a retry already stored). */
  stored: Map<string, string>;
  /** Requests that got no answer (the instance died under them) and were sent again elsewhere. */
  retried: number;
  /** Retries answered 200: the dead instance had stored the report before it could answer. */
  replayed: number;
  /** Answers other than 201 or a replay's 200, as `status body`: none is expected. */
  refused: string[];
  /** Milliseconds from sending to the 201, per report (including retries). */
  latencies: number[];
}

/**
 * Sends reports `lanes` at a time, each to the next origin in turn, until `stop()`; a request that
 * gets no answer is sent again with the same Idempotency-Key to the next origin, until one answers.
 * `stop()` waits for the reports under way.
 */
export function spreadIntake(origins: string[], lanes = 4) {
  const tally: IntakeTally = { stored: new Map(), retried: 0, replayed: 0, refused: [], latencies: [] };
  let running = true;
  let turn = 0;
  // As a proxy does, an instance that left a request unanswered gets no more.
  const down = new Set<string>();
  const sendOne = async () => {
    const key = crypto.randomUUID();
    const started = performance.now();
    for (let attempt = 0; ; attempt++) {
      const live = origins.filter((o) => !down.has(o));
      if (!live.length) {
        // Every instance died: counted as refused, where a loop of retries would never end.
        tally.refused.push('no instance left to answer');
        running = false;
        return;
      }
      const origin = live[turn++ % live.length] as string;
      const res = await postReport(
        {
          request: (path, init) =>
            fetch(new URL(path, origin), { ...init, signal: AbortSignal.timeout(REQUEST_TIMEOUT_MS) }),
        },
        { key },
      ).catch(() => undefined);
      if (!res) {
        down.add(origin);
        tally.retried++;
        continue;
      }
      if (res.status === 201 || (res.status === 200 && attempt > 0)) {
        if (res.status === 200) tally.replayed++;
        tally.stored.set(key, (await res.json()).reference);
        tally.latencies.push(performance.now() - started);
      } else {
        tally.refused.push(`${res.status} ${await res.text()}`);
      }
      return;
    }
  };
  const lane = async () => {
    while (running) await sendOne();
  };
  const all = Promise.all(Array.from({ length: lanes }, lane));
  return {
    tally,
    async stop(): Promise<IntakeTally> {
      running = false;
      await all;
      return tally;
    },
  };
}

/** How many reports with these keys are stored, each key once at most (the column is unique). */
export async function storedReports(db: Kysely<Database>, keys: string[]): Promise<Map<string, string>> {
  const found = new Map<string, string>();
  for (let i = 0; i < keys.length; i += 1_000) {
    const rows = await db
      .selectFrom('reports')
      .select(['idempotency_key', 'reference'])
      .where('idempotency_key', 'in', keys.slice(i, i + 1_000))
      .execute();
    for (const r of rows) found.set(r.idempotency_key, r.reference);
  }
  return found;
}

/** Notice jobs held leased by the worker of process `pid`: what it had in flight when killed. */
export async function leasedBy(
  db: Kysely<Database>,
  pid: number,
): Promise<{ id: string; subscription: string }[]> {
  const rows = await db
    .selectFrom('jobs')
    .select(['id', 'payload'])
    .where('kind', '=', NOTICE_JOB)
    .where('state', '=', 'running')
    .where('locked_by', 'like', `%:${pid}:%`)
    .execute();
  return rows.map((r) => ({ id: r.id, subscription: JSON.parse(r.payload).subscription as string }));
}

/** Notice jobs by state, and the worker process ids holding the running ones. */
export async function noticeJobs(db: Kysely<Database>) {
  const rows = await db
    .selectFrom('jobs')
    .select(['state', 'locked_by', (eb) => eb.fn.countAll().as('n')])
    .where('kind', '=', NOTICE_JOB)
    .groupBy(['state', 'locked_by'])
    .execute();
  const byState = new Map<string, number>();
  const runningByPid = new Map<number, number>();
  for (const r of rows) {
    byState.set(r.state, (byState.get(r.state) ?? 0) + Number(r.n));
    const pid = Number(r.locked_by?.split(':')[1]);
    if (r.state === 'running') runningByPid.set(pid, (runningByPid.get(pid) ?? 0) + Number(r.n));
  }
  return { byState, runningByPid };
}

/** When the last of these jobs was recorded done (ms since the epoch), or undefined if one is not. */
export async function lastDone(db: Kysely<Database>, ids: string[]): Promise<number | undefined> {
  let last = 0;
  for (let i = 0; i < ids.length; i += 1_000) {
    const rows = await db
      .selectFrom('jobs')
      .select(['state', 'updated_at'])
      .where('id', 'in', ids.slice(i, i + 1_000))
      .execute();
    for (const r of rows) {
      if (r.state !== 'done') return undefined;
      last = Math.max(last, Date.parse(r.updated_at));
    }
  }
  return last;
}

/**
 * Reads `origin`'s /api/v2/summary.json until `seen` holds for it; answers the milliseconds since
 * `since` (a `performance.now()` taken when the write was answered). Gives up after `timeoutMs`.
 */
export async function shownAfter(
  origin: string,
  seen: (summary: { components: { name: string }[]; incidents: { name: string }[] }) => boolean,
  since: number,
  timeoutMs = 10_000,
): Promise<number> {
  for (;;) {
    const res = await fetch(`${origin}/api/v2/summary.json`);
    if (res.status === 200 && seen(await res.json())) return performance.now() - since;
    if (performance.now() - since > timeoutMs) throw new Error(`${origin} did not show the write`);
    await new Promise((r) => setTimeout(r, POLL_MS));
  }
}

/** Polls `check` until it holds; `what` names it in the error after `timeoutMs`. */
export async function until(what: string, check: () => boolean | Promise<boolean>, timeoutMs = 30_000) {
  const end = Date.now() + timeoutMs;
  while (!(await check())) {
    if (Date.now() > end) throw new Error(`timed out waiting until ${what}`);
    await new Promise((r) => setTimeout(r, 20));
  }
}
