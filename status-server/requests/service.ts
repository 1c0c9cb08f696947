import type { Kysely } from 'kysely';
import type { ReportStatusResponse } from '../../shared/schemas/report.ts';
import { Conflict, Invalid } from '../domain/errors.ts';
import type { SupportState } from '../domain/request-lifecycle.ts';
import type { Database } from '../platform/schema.ts';
import {
  type Alongside,
  type Change,
  type Clock,
  changeRequest,
  closeExpired,
  type RequestRecord,
  readRequest,
} from './store.ts';

export interface RequestDeps {
  db: Kysely<Database>;
  config: { reopenWindowMs: number };
  /** The time; tests pass their own. */
  now?: () => Date;
  /** Tells the delivery worker a reporter's move was queued for the help desk. */
  onQueued?: () => void;
}

const clockOf = (deps: RequestDeps): Clock => ({
  now: deps.now?.() ?? new Date(),
  reopenWindowMs: deps.config.reopenWindowMs,
});

export type RequestView = NonNullable<ReportStatusResponse['request']>;

/** The request as its reporter reads it: state, changes of state, and the comments between both sides. */
export function reporterView(r: RequestRecord): RequestView {
  return {
    state: r.state,
    state_changed_at: r.state_changed_at,
    history: r.events.flatMap((e) =>
      e.kind === 'state' && e.from_state && e.to_state
        ? [{ at: e.at, from: e.from_state, to: e.to_state, source: e.source, reason: e.body }]
        : [],
    ),
    comments: r.events.flatMap((e) => {
      if ((e.kind !== 'comment' && e.kind !== 'answer') || e.body === null) return [];
      const files = r.files.filter((f) => f.event_id === e.id);
      return [
        {
          at: e.at,
          author: e.kind === 'answer' ? ('reporter' as const) : ('support' as const),
          source: e.source,
          body: e.body,
          // Only on comments that have images, so answers without them read as before.
          ...(files.length
            ? {
                attachments: files.map((f) => ({ name: f.name, content_type: f.content_type, size: f.size })),
              }
            : {}),
        },
      ];
    }),
  };
}

export const loadRequest = (deps: RequestDeps, reportId: string) =>
  readRequest(deps.db, reportId, clockOf(deps));

/** A reporter's move; the help desks that hold the ticket are told of it (requests/events.ts). */
async function reporterChange(deps: RequestDeps, reportId: string, change: Change): Promise<void> {
  await changeRequest(deps.db, reportId, change, reporter, clockOf(deps));
  deps.onQueued?.();
}

/**
 * The reporter answers a request waiting for them, with images if they like (checked already:
 * requests/answer-files.ts); it goes back to support's work (in progress).
 */
export const answerRequest = (
  deps: RequestDeps,
  reportId: string,
  text: string,
  files: NonNullable<Change['files']> = [],
) => reporterChange(deps, reportId, { action: { kind: 'answer' }, text, files });

/** The reporter confirms a resolved request within the window: it is closed. */
export const confirmRequest = (deps: RequestDeps, reportId: string) =>
  reporterChange(deps, reportId, { action: { kind: 'confirm' } });

/** The reporter reopens a resolved request within the window, saying why. */
export const reopenRequest = (deps: RequestDeps, reportId: string, reason: string) =>
  reporterChange(deps, reportId, { action: { kind: 'reopen' }, reason });

/**
 * Support sets a request's state, writes a comment for the customer, or both, at once. A state the
 * request is in already is no change (the form shows the current state preselected); a reply alone
 * is a comment.
 */
export async function supportUpdate(
  deps: RequestDeps,
  reportId: string,
  input: { state?: SupportState; reply?: string },
  source: 'console' | 'redmine' | 'webhook' = 'console',
  alongside?: Alongside,
): Promise<void> {
  const clock = clockOf(deps);
  const current = await readRequest(deps.db, reportId, clock);
  const action =
    input.state && input.state !== current.state ? { kind: 'set' as const, to: input.state } : undefined;
  try {
    await changeRequest(
      deps.db,
      reportId,
      { ...(action ? { action } : {}), ...(input.reply ? { text: input.reply } : {}) },
      { author: 'support', source },
      clock,
      alongside,
    );
  } catch (err) {
    // Someone moved it to that state meanwhile: the form says so, next to the state.
    if (err instanceof Conflict) throw new Invalid([{ path: 'state', message: err.message }]);
    throw err;
  }
}

/** The periodic sweep: closes resolved requests past their window. */
export const sweepExpired = (deps: RequestDeps) => closeExpired(deps.db, clockOf(deps));

const reporter = { author: 'reporter', source: 'reporter' } as const;
