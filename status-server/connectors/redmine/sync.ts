import { z } from 'zod';
import type { RequestState } from '../../../shared/schemas/report.ts';
import type { SupportState } from '../../domain/request-lifecycle.ts';
import type { MappedState, StatusMapping } from './config.ts';

/**
 * The pure half of the two-way sync with Redmine: the shape of its answers, how issues are asked for
 * in batches, and what of a changed issue becomes a change of the request. The poller (poll.ts) and
 * the sender of the reporter's moves (events.ts) do the calls and the writes.
 */

/** Redmine's times, as its API writes them (`2024-05-01T10:00:00Z`). */
const time = z.string().refine((t) => !Number.isNaN(Date.parse(t)), 'not a time');

export const listedIssue = z.object({
  id: z.number().int(),
  status: z.object({ id: z.number().int() }),
  created_on: time,
  updated_on: time,
});
export type ListedIssue = z.infer<typeof listedIssue>;

export const issueList = z.object({
  issues: z.array(listedIssue),
  total_count: z.number().int(),
  offset: z.number().int().optional(),
  limit: z.number().int().optional(),
});

const journal = z.object({
  id: z.number().int(),
  user: z.object({ id: z.number().int() }).optional(),
  notes: z.string().nullish(),
  private_notes: z.boolean().optional(),
  details: z
    .array(z.object({ property: z.string(), name: z.string(), new_value: z.string().nullish() }))
    .default([]),
});
export type Journal = z.infer<typeof journal>;

export const issueDetail = z.object({
  issue: listedIssue.extend({ journals: z.array(journal).default([]) }),
});
export type DetailedIssue = z.infer<typeof issueDetail>['issue'];

export const currentUser = z.object({ user: z.object({ id: z.number().int() }) });

/** Redmine caps a page at 100 issues. */
export const PAGE_LIMIT = 100;

/** `ids` in chunks of at most `size`, in the order given. */
export function chunks<T>(ids: readonly T[], size: number): T[][] {
  const out: T[][] = [];
  for (let i = 0; i < ids.length; i += size) out.push(ids.slice(i, i + size));
  return out;
}

/** Redmine's filters take a time to the second, without milliseconds. */
export const redmineTime = (d: Date) => d.toISOString().replace(/\.\d{3}Z$/, 'Z');

/**
 * One page of `GET /issues.json` for these issues in any status (`status_id=*`; the default lists
 * only open ones), changed at or after `since` when given, oldest id first so pages do not shift.
 */
export function listPath(ids: readonly number[], since: Date | undefined, offset: number): string {
  const q = [
    `issue_id=${ids.join(',')}`,
    'status_id=*',
    ...(since ? [`updated_on=${encodeURIComponent(`>=${redmineTime(since)}`)}`] : []),
    'sort=id',
    `limit=${PAGE_LIMIT}`,
    `offset=${offset}`,
  ];
  return `/issues.json?${q.join('&')}`;
}

/** What the poller last saw of one issue. */
export interface Seen {
  status_id: number | null;
  journal_id: number;
}

export interface IssueChanges {
  /** The Redmine status to apply, when it changed since last seen and not by our own hand. */
  status: number | undefined;
  /** Support's public notes for the customer, oldest first. */
  comments: { journalId: number; notes: string }[];
  /** What to remember as seen after applying these. */
  seen: Seen;
}

const isStatusChange = (j: Journal) => j.details.some((d) => d.property === 'attr' && d.name === 'status_id');

/**
 * What of an issue is new since `seen`: its status if it moved, and the journals after the newest
 * read that carry public notes written by someone other than our API user (whose notes are the
 * reporter's answers we posted). A status our own update set (the newest status change is in our
 * journal) is taken as seen, so a reporter's reopening is not undone by the status we sent for it.
 */
export function issueChanges(issue: DetailedIssue, seen: Seen, apiUserId: number): IssueChanges {
  const fresh = issue.journals.filter((j) => j.id > seen.journal_id).sort((a, b) => a.id - b.id);
  const lastStatusChange = fresh.filter(isStatusChange).at(-1);
  const ours = lastStatusChange?.user?.id === apiUserId;
  const moved = issue.status.id !== seen.status_id;
  return {
    status: moved && !ours ? issue.status.id : undefined,
    comments: fresh.flatMap((j) =>
      j.notes?.trim() && j.private_notes !== true && j.user?.id !== apiUserId
        ? [{ journalId: j.id, notes: j.notes }]
        : [],
    ),
    seen: { status_id: issue.status.id, journal_id: Math.max(seen.journal_id, ...fresh.map((j) => j.id)) },
  };
}

/**
 * The request state a Redmine status asks for, given the request's state now; undefined when there
 * is nothing to do (an unmapped status, or a reopened status on a request reopened already). A status
 * for reopened issues, set by support, puts the request back in support's queue (`open`): `reopened`
 * is the reporter's own move.
 */
export function inboundState(
  map: readonly StatusMapping[],
  statusId: number,
  current: RequestState,
): SupportState | undefined {
  const mapped = map.find((s) => s.id === statusId)?.state;
  if (mapped !== 'reopened') return mapped;
  return current === 'reopened' ? undefined : 'open';
}

/** The Redmine status to set for a state: the first mapped to it, or to the first fallback mapped. */
export function outboundStatus(map: readonly StatusMapping[], ...states: MappedState[]): number | undefined {
  for (const state of states) {
    const found = map.find((s) => s.state === state);
    if (found) return found.id;
  }
  return undefined;
}
