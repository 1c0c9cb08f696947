import type { Job } from './queue.ts';

/** Thrown by a handler when trying again cannot help (the receiver refused the content itself). */
export class PermanentError extends Error {}

/**
 * Thrown by a handler when its job must wait for another (a help desk's answer before its ticket):
 * tried again after `delayMs`, without using up an attempt, with `message` shown as why it waits.
 * Only `run` may throw it; a batch handler reports such a job as a retryable failure instead.
 */
export class NotYet extends Error {
  constructor(
    message: string,
    readonly delayMs: number,
  ) {
    super(message);
  }
}

/** How one job of a batch ended, as a batch handler reports it. */
export type Outcome = { ok: true; result?: unknown } | { ok: false; error: string; permanent: boolean };

export interface JobHandler {
  /** Does the work; what it returns is stored as the job's result. Throwing schedules a retry. */
  run(job: Job): Promise<unknown>;
  /**
   * Optional, for kinds sent by the thousand: runs a claimed batch at once (one read for all of it,
   * the handler's own concurrency) and reports each job as it ends; successes are then recorded a
   * few dozen at a time instead of one write each. A job left unreported is retried.
   */
  runBatch?(jobs: Job[], report: (job: Job, outcome: Outcome) => void): Promise<void>;
  /** Told how each attempt ended, e.g. to keep a report's forwarding state current. */
  settled?(job: Job, outcome: { state: Job['state']; error?: string; result?: unknown }): Promise<void>;
}
