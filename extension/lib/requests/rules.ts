import type { RequestState, RequestSummary, StatusBatchResponse } from '../../../shared/schemas/report.ts';
import type { RequestView } from '../api/client.ts';
import type { Notified, RequestProgress, SentReport } from '../store.ts';

/**
 * The watcher's decisions, without a browser: which requests to ask about, what changed, whom to
 * tell, and what the badge counts. watch.ts does the asking and telling.
 */

/** The batched status call takes at most this many references (statusBatchRequest). */
export const MAX_BATCH = 200;
/** How often an open request is asked about: a change reaches the person within a minute. */
export const WATCH_PERIOD_MINUTES = 1;
/** A comment in a notification is cut here: the notification is a pointer, My reports has the rest. */
const COMMENT_CHARS = 180;

/**
 * A closed request is still asked about this long after it closed, in the calls made for open ones:
 * help desks reopen issues, and the person should hear of it.
 */
export const FOLLOW_CLOSED_DAYS = 14;
const DAY_MS = 86_400_000;

/** Followed until it is closed, unless the server no longer knows it. */
export function isWatched(report: SentReport): boolean {
  return !report.forgotten && report.request?.state !== 'closed';
}

/** Closed within the last `FOLLOW_CLOSED_DAYS`. */
export function isRecentlyClosed(report: SentReport, now: Date): boolean {
  return (
    !report.forgotten &&
    report.request?.state === 'closed' &&
    now.getTime() - Date.parse(report.request.stateChangedAt) < FOLLOW_CLOSED_DAYS * DAY_MS
  );
}

const newestFirst = (a: SentReport, b: SentReport) =>
  a.sentAt < b.sentAt ? 1 : a.sentAt > b.sentAt ? -1 : 0;

/**
 * The references (with their secrets) of the next batched call: the open requests, newest first,
 * then those closed lately, which ride along but never make a call of their own. None means no call.
 */
export function watchedReferences(
  sent: readonly SentReport[],
  now: Date,
): { reference: string; secret: string }[] {
  const open = sent.filter(isWatched);
  if (open.length === 0) return [];
  const closed = sent.filter((r) => isRecentlyClosed(r, now));
  return [...open.sort(newestFirst), ...closed.sort(newestFirst)]
    .slice(0, MAX_BATCH)
    .map(({ reference, secret }) => ({ reference, secret }));
}

/** The ETag is only worth sending for the same list of references it was given for. */
export function batchKey(references: readonly { reference: string }[]): string {
  return references.map((r) => r.reference).join(',');
}

export function progressOfSummary(summary: RequestSummary['request']): RequestProgress {
  return {
    state: summary.state,
    stateChangedAt: summary.state_changed_at,
    latestComment: summary.latest_comment,
    events: summary.events,
  };
}

/** The same summary from a request's whole history (the single status call). */
export function progressOfView(view: RequestView): RequestProgress {
  const latest = view.comments.filter((c) => c.author === 'support').at(-1);
  return {
    state: view.state,
    stateChangedAt: view.state_changed_at,
    latestComment: latest ? { at: latest.at, body: latest.body } : null,
    events: view.history.length + view.comments.length,
  };
}

/** What the person knows of a request: what they were told, else what was last read, else its start. */
export function knownOf(report: SentReport): Notified {
  return (
    report.notified ?? {
      state: report.request?.state ?? 'received',
      commentAt: report.request?.latestComment?.at ?? null,
    }
  );
}

/** What the person is told of now: its state and newest support comment. */
export function notifiedOf(progress: RequestProgress): Notified {
  return { state: progress.state, commentAt: progress.latestComment?.at ?? null };
}

/** A change worth a notification: another state, or a support comment newer than the one told. */
export function isNews(known: Notified, progress: RequestProgress): boolean {
  return (
    known.state !== progress.state ||
    (progress.latestComment !== null && progress.latestComment.at !== known.commentAt)
  );
}

export interface Change {
  reference: string;
  title: string;
  state: RequestState;
  /** Set when support wrote something new. */
  comment: string | null;
}

/**
 * Applies one batched answer to the stored reports. Every request it names is updated and marked
 * as told, muted or not (unmuting later does not bring back old news); the changes of those not
 * muted are returned to be told. References the server does not know are no longer asked about.
 */
export function applyBatch(
  sent: readonly SentReport[],
  answer: StatusBatchResponse,
  now: string,
): { updated: SentReport[]; changes: Change[] } {
  const byReference = new Map(sent.map((r) => [r.reference, r]));
  const updated: SentReport[] = [];
  const changes: Change[] = [];
  for (const summary of answer.reports) {
    const report = byReference.get(summary.reference);
    if (!report) continue;
    const progress = progressOfSummary(summary.request);
    const known = knownOf(report);
    if (!report.muted && isNews(known, progress)) {
      const newComment = progress.latestComment && progress.latestComment.at !== known.commentAt;
      changes.push({
        reference: report.reference,
        title: report.title,
        state: progress.state,
        comment: newComment ? (progress.latestComment?.body ?? null) : null,
      });
    }
    updated.push({
      ...report,
      state: summary.state,
      incident: summary.incident,
      checkedAt: now,
      request: progress,
      notified: notifiedOf(progress),
    });
  }
  for (const reference of answer.unknown) {
    const report = byReference.get(reference);
    if (report && !report.forgotten) updated.push({ ...report, forgotten: true, checkedAt: now });
  }
  return { updated, changes };
}

/** The badge's count: requests waiting for the person's answer. */
export function waitingCount(sent: readonly SentReport[]): number {
  return sent.filter((r) => !r.forgotten && r.request?.state === 'waiting_for_customer').length;
}

/** The words a notification needs, in the person's language. */
export interface NotificationWords {
  title(reference: string, state: RequestState): string;
  comment(body: string): string;
}

export function notificationOf(change: Change, words: NotificationWords): { title: string; message: string } {
  const comment = change.comment?.replace(/\s+/g, ' ').trim();
  return {
    title: words.title(change.reference, change.state),
    message: comment
      ? words.comment(comment.length > COMMENT_CHARS ? `${comment.slice(0, COMMENT_CHARS - 1)}…` : comment)
      : change.title,
  };
}

const NOTIFICATION_PREFIX = 'request:';

/** One notification per request: a newer change replaces the older one instead of piling up. */
export function notificationId(reference: string): string {
  return `${NOTIFICATION_PREFIX}${reference}`;
}

/** The request a clicked notification is about, or undefined when it is another watcher's. */
export function referenceOfNotification(id: string): string | undefined {
  return id.startsWith(NOTIFICATION_PREFIX) ? id.slice(NOTIFICATION_PREFIX.length) : undefined;
}

/** My reports, opened at one request. */
export function reportsPagePath(reference: string): `/reports.html#${string}` {
  return `/reports.html#${encodeURIComponent(reference)}`;
}
