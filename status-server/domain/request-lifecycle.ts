import { type RequestState, requestState } from '../../shared/schemas/report.ts';

/**
 * A request's life after it reached us: what support and the reporter may do in which state. Pure:
 * the store asks `decide` inside the transaction that writes the change, with the row it just read.
 *
 * - Support (the console; later Redmine and the webhook callback) may move a request to any state it
 *   may choose but the one it is in, from any state, a closed one too (help desks reopen issues), and
 *   may write a comment for the customer in any state.
 * - The reporter may answer a request waiting for them, which goes back to `in_progress`: support had
 *   taken it up before asking, so it returns to their work rather than to the queue (`open`).
 * - The reporter may confirm a resolved request (→ `closed`) or reopen it with a reason
 *   (→ `reopened`) within the reopen window after it was resolved.
 * - After that window a resolved request closes itself (`expire`); until it is closed it is shown
 *   as closed already (`effectiveState`), so nothing acts on a request the window has ended.
 * - Forwarding moves a `received` request to `open` once the help desk has it.
 */
export const requestStates: readonly RequestState[] = requestState.options;

/** The states support may set (`received` is only where a request starts, `reopened` the reporter's). */
export const supportStates = [
  'open',
  'in_progress',
  'waiting_for_customer',
  'resolved',
  'closed',
] as const satisfies readonly RequestState[];
export type SupportState = (typeof supportStates)[number];

export type RequestAction =
  | { kind: 'set'; to: SupportState }
  | { kind: 'comment' }
  | { kind: 'answer' }
  | { kind: 'confirm' }
  | { kind: 'reopen' }
  | { kind: 'expire' }
  | { kind: 'forwarded' };

export interface RequestNow {
  state: RequestState;
  /** When the request entered its state (ISO 8601). */
  changedAt: string;
  now: Date;
  reopenWindowMs: number;
}

export type Decision =
  /** Allowed; `to` is the new state, or the same state for a comment. */
  | { ok: true; to: RequestState }
  /** Not in this state: `reason` names why, in words for an API client. */
  | { ok: false; reason: string };

const refuse = (reason: string): Decision => ({ ok: false, reason });

/** Whether a resolved request's window to confirm or reopen has ended. */
export function windowEnded(changedAt: string, now: Date, reopenWindowMs: number): boolean {
  return now.getTime() >= Date.parse(changedAt) + reopenWindowMs;
}

/** The state as the rules see it now: a resolved request past its window counts as closed. */
export function effectiveState(r: RequestNow): RequestState {
  return r.state === 'resolved' && windowEnded(r.changedAt, r.now, r.reopenWindowMs) ? 'closed' : r.state;
}

/** What `action` does to a request in its state now: the new state, or why it is refused. */
export function decide(r: RequestNow, action: RequestAction): Decision {
  const ended = r.state === 'resolved' && windowEnded(r.changedAt, r.now, r.reopenWindowMs);
  switch (action.kind) {
    case 'set':
      return action.to === r.state
        ? refuse(`the request is ${r.state} already`)
        : { ok: true, to: action.to };
    case 'comment':
      return { ok: true, to: r.state };
    case 'answer':
      return r.state === 'waiting_for_customer'
        ? { ok: true, to: 'in_progress' }
        : refuse(`only a request waiting for the customer can be answered; this one is ${effectiveState(r)}`);
    case 'confirm':
    case 'reopen':
      if (r.state !== 'resolved' || ended) {
        return refuse(
          `only a resolved request can be ${action.kind === 'confirm' ? 'confirmed' : 'reopened'}, within the reopen window; this one is ${effectiveState(r)}`,
        );
      }
      return { ok: true, to: action.kind === 'confirm' ? 'closed' : 'reopened' };
    case 'expire':
      return ended ? { ok: true, to: 'closed' } : refuse('the request is not resolved past its window');
    case 'forwarded':
      return r.state === 'received' ? { ok: true, to: 'open' } : refuse('the request is past received');
  }
}
