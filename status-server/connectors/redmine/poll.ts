import { hostname } from 'node:os';
import type { Store } from '../../platform/db.ts';
import { backoffMs } from '../../platform/jobs/queue.ts';
import { supportUpdate } from '../../requests/service.ts';
import { redmineClient } from './client.ts';
import type { RedmineConfig } from './config.ts';
import {
  chunks,
  currentUser,
  type DetailedIssue,
  inboundState,
  issueChanges,
  issueDetail,
  issueList,
  type ListedIssue,
  listPath,
  PAGE_LIMIT,
} from './sync.ts';

const CONNECTOR = 'redmine';
/** A poll's hold on the cursor; renewed while it runs, so only a dead server's poll is taken over. */
const LEASE_MS = 5 * 60_000;
/** How often each server looks whether a poll is due; the lease lets one of them run it. */
const TICK_MS = 5_000;
/**
 * Each poll lists again what changed this long before the newest change it saw: Redmine stamps an
 * issue before its transaction commits, so a change stamped earlier may become visible later. An
 * issue listed again unchanged costs no further call.
 */
const OVERLAP_MS = 2 * 60_000;
/**
 * Issue ids per list call. The `updated_on` filter leaves only the issues that changed, so a page of
 * 100 (Redmine's cap) holds a chunk's changes at once; 500 ids make a URL of about 4 KB, half the
 * request line nginx and Puma accept by default. At 10,000 issues that is 20 list calls a poll.
 */
const DEFAULT_CHUNK = 500;
/** A poll that keeps failing is tried again at this interval at most. */
const MAX_BACKOFF_MS = 15 * 60_000;

export interface PollerDeps {
  store: Store;
  cfg: RedmineConfig;
  reopenWindowMs: number;
  /** The time; tests pass their own. */
  now?: () => Date;
  /** Issue ids per list call (tests use small chunks to see the batching). */
  chunkSize?: number;
}

export type TickOutcome = 'polled' | 'failed' | 'not-due';

/**
 * Follows the Redmine issues Snapdesk created whose request is not closed: lists them by id in
 * chunks, only those changed since the cursor, and reads the journals of those that changed. A
 * status that moved becomes the mapped request state, support's public notes become comments, each
 * once: every issue's changes are written in one transaction with what was seen of it.
 *
 * One server polls at a time: the `connector_cursors` row is a lease taken with one guarded UPDATE
 * (due, and not held by a live server), which also holds the cursor and the back-off of failed
 * polls, so a restart or a second server carries on where the last poll stopped.
 */
export function redminePoller(deps: PollerDeps) {
  const { db } = deps.store;
  const redmine = redmineClient(deps.cfg);
  const clock = deps.now ?? (() => new Date());
  const chunkSize = deps.chunkSize ?? DEFAULT_CHUNK;
  const holder = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  let apiUserId: number | undefined;
  let created = false;
  let timer: ReturnType<typeof setInterval> | undefined;
  let running: Promise<unknown> | undefined;

  async function take(force: boolean) {
    const now = clock().toISOString();
    if (!created) {
      await db
        .insertInto('connector_cursors')
        .values({
          connector: CONNECTOR,
          cursor: null,
          next_run_at: now,
          failures: 0,
          last_error: null,
          leased_by: null,
          leased_until: null,
          updated_at: now,
        })
        .onConflict((oc) => oc.column('connector').doNothing())
        .execute();
      created = true;
    }
    let q = db
      .updateTable('connector_cursors')
      .set({ leased_by: holder, leased_until: new Date(Date.parse(now) + LEASE_MS).toISOString() })
      .where('connector', '=', CONNECTOR)
      .where((eb) => eb.or([eb('leased_until', 'is', null), eb('leased_until', '<', now)]));
    if (!force) q = q.where('next_run_at', '<=', now);
    return q.returning(['cursor', 'failures']).executeTakeFirst();
  }

  /** Ends this server's hold, with the cursor and when the next poll is due. */
  async function release(
    set: { cursor?: string | null; failures: number; last_error: string | null },
    next: number,
  ) {
    await db
      .updateTable('connector_cursors')
      .set({
        ...set,
        next_run_at: new Date(next).toISOString(),
        leased_by: null,
        leased_until: null,
        updated_at: clock().toISOString(),
      })
      .where('connector', '=', CONNECTOR)
      .where('leased_by', '=', holder)
      .execute();
  }

  let renewedAt = 0;
  /** Keeps the lease through a long poll; a lease lost meanwhile stops this poll. */
  async function keepLease() {
    const now = clock().getTime();
    if (now - renewedAt < LEASE_MS / 3) return;
    const r = await db
      .updateTable('connector_cursors')
      .set({ leased_until: new Date(now + LEASE_MS).toISOString() })
      .where('connector', '=', CONNECTOR)
      .where('leased_by', '=', holder)
      .executeTakeFirst();
    if (Number(r.numUpdatedRows) !== 1) throw new Error('another server took over the Redmine poll');
    renewedAt = now;
  }

  /** Writes what is new of one issue and what was seen of it, in one transaction. */
  async function apply(seen: Tracked, { issue, at }: Read, userId: number) {
    const changes = issueChanges(issue, seen, userId);
    // Redmine stamps changes to the second: read in the second of its last change, the issue may
    // change again with the same stamp, so it is read once more next time (its journals by id and
    // its status by id keep that from applying anything twice).
    const settled = Math.floor(at / 1000) > Math.floor(Date.parse(issue.updated_on) / 1000);
    await db.transaction().execute(async (trx) => {
      // Guarded by what was read: if another poll wrote this issue meanwhile, this one writes nothing.
      let guard = trx
        .updateTable('redmine_issues')
        .set({ ...changes.seen, updated_on: settled ? issue.updated_on : null })
        .where('report_id', '=', seen.report_id)
        .where('journal_id', '=', seen.journal_id);
      guard =
        seen.status_id === null
          ? guard.where('status_id', 'is', null)
          : guard.where('status_id', '=', seen.status_id);
      guard =
        seen.updated_on === null
          ? guard.where('updated_on', 'is', null)
          : guard.where('updated_on', '=', seen.updated_on);
      if (Number((await guard.executeTakeFirst()).numUpdatedRows) !== 1) return;
      const base = clock().getTime();
      let step = 0;
      // One millisecond apart, so the history keeps Redmine's order: the change of state, then the notes.
      const request = () => ({ db: trx, config: deps, now: () => new Date(base + step++) });
      if (changes.status !== undefined) {
        const { request_state } = await trx
          .selectFrom('reports')
          .select('request_state')
          .where('id', '=', seen.report_id)
          .executeTakeFirstOrThrow();
        const state = inboundState(deps.cfg.statusMap, changes.status, request_state);
        if (state) await supportUpdate(request(), seen.report_id, { state }, 'redmine');
      }
      for (const c of changes.comments) {
        await supportUpdate(request(), seen.report_id, { reply: c.notes }, 'redmine');
      }
    });
  }

  /** One poll; answers the new cursor. Throws, leaving the cursor as it was, if anything failed. */
  async function poll(since: string | null): Promise<string | null> {
    apiUserId ??= (await redmine.get('/users/current.json', currentUser)).value.user.id;
    const userId = apiUserId;
    const tracked = await db
      .selectFrom('redmine_issues as i')
      .innerJoin('reports as r', 'r.id', 'i.report_id')
      .select(['i.report_id', 'i.issue_id', 'i.status_id', 'i.journal_id', 'i.updated_on'])
      .where('r.request_state', '<>', 'closed')
      .orderBy('i.issue_id')
      .execute();
    const byIssue = new Map(tracked.map((t) => [t.issue_id, t]));
    const after = since ? new Date(Date.parse(since) - OVERLAP_MS) : undefined;
    // Issues never seen are listed whatever their time: they may have changed before the cursor.
    const groups: [number[], Date | undefined][] = [
      [tracked.filter((t) => t.status_id === null).map((t) => t.issue_id), undefined],
      [tracked.filter((t) => t.status_id !== null).map((t) => t.issue_id), after],
    ];
    let newest = since;
    const problems: string[] = [];
    for (const [ids, from] of groups) {
      for (const chunk of chunks(ids, chunkSize)) {
        for (let offset = 0; ; offset += PAGE_LIMIT) {
          const { value: page, date } = await redmine.get(listPath(chunk, from, offset), issueList);
          for (const listed of page.issues) {
            if (!newest || Date.parse(listed.updated_on) > Date.parse(newest)) newest = listed.updated_on;
            const seen = byIssue.get(listed.id);
            if (!seen || seen.updated_on === listed.updated_on) continue;
            const read = await details(listed, seen, date);
            try {
              await apply(seen, read, userId);
            } catch (err) {
              problems.push(`#${listed.id}: ${(err as Error).message}`);
            }
          }
          await keepLease();
          if (!page.issues.length || offset + page.issues.length >= page.total_count) break;
        }
      }
    }
    if (problems.length) {
      throw new Error(
        `${problems.length} Redmine issue(s) could not be applied: ${problems.slice(0, 3).join('; ')}`,
      );
    }
    return newest;
  }

  /** A new issue never updated has no journals yet: its listing says all there is. */
  async function details(listed: ListedIssue, seen: Tracked, listedAt: number): Promise<Read> {
    if (seen.status_id === null && listed.updated_on === listed.created_on) {
      return { issue: { ...listed, journals: [] }, at: listedAt };
    }
    const { value, date } = await redmine.get(`/issues/${listed.id}.json?include=journals`, issueDetail);
    return { issue: value.issue, at: date };
  }

  /**
   * Polls if a poll is due (`force`: now, as the tests ask) and no other server is polling; on a
   * failure the next poll is due after a back-off that grows with each failure in a row.
   */
  async function tick(options: { force?: boolean } = {}): Promise<TickOutcome> {
    const lease = await take(options.force ?? false);
    if (!lease) return 'not-due';
    const started = clock().getTime();
    renewedAt = started;
    try {
      const cursor = await poll(lease.cursor);
      await release({ cursor, failures: 0, last_error: null }, started + deps.cfg.pollSeconds * 1000);
      return 'polled';
    } catch (err) {
      const failures = lease.failures + 1;
      const message = (err as Error).message;
      console.error(`polling Redmine failed (${failures} in a row): ${message}`);
      await release(
        { failures, last_error: message.slice(0, 2000) },
        clock().getTime() + Math.min(MAX_BACKOFF_MS, backoffMs(failures)),
      );
      return 'failed';
    }
  }

  return {
    tick,
    /** Looks every few seconds whether a poll is due. */
    start() {
      timer ??= setInterval(() => {
        running ??= tick()
          .catch((err) => console.error('polling Redmine failed:', err))
          .finally(() => {
            running = undefined;
          });
      }, TICK_MS);
    },
    /** Stops looking and waits for a poll under way. */
    async stop() {
      clearInterval(timer);
      timer = undefined;
      await running;
    },
  };
}

export type RedminePoller = ReturnType<typeof redminePoller>;

/** An issue as read, and when Redmine answered. */
interface Read {
  issue: DetailedIssue;
  at: number;
}

interface Tracked {
  report_id: string;
  issue_id: number;
  status_id: number | null;
  journal_id: number;
  updated_on: string | null;
}
