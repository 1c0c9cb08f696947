import type { Kysely } from 'kysely';
import type { Database } from '../schema.ts';
import type { JobHandler, Outcome } from './handler.ts';
import { completeMany, fail, type Job } from './queue.ts';

/**
 * Successes wait this long at most before being written: a worker killed in between sends those
 * again, so the window is kept short, but long enough to gather a few dozen into one write.
 */
const FLUSH_MS = 50;
/** Written at once when this many have gathered. */
const FLUSH_SIZE = 200;

/**
 * Records the outcomes a batch handler reports: successes together in one UPDATE per flush,
 * failures one by one (they are rare, and each gets its own back-off). Writes run one after the
 * other, so they never compete for the database's write lock among themselves.
 */
export class Recorder {
  private waiting: { job: Job; result: unknown }[] = [];
  private timer: NodeJS.Timeout | undefined;
  private writes: Promise<void> = Promise.resolve();

  constructor(
    private readonly db: Kysely<Database>,
    private readonly handlers: Record<string, JobHandler>,
    /**
     * Told when a job's outcome is written, or could not be: either way its lease must no longer be
     * renewed, so that a job whose outcome was lost runs again once the lease lapses.
     */
    private readonly onRecorded: (job: Job) => void,
  ) {}

  add(job: Job, outcome: Outcome): void {
    if (!outcome.ok) {
      this.chain([job], async () => {
        const state = await fail(this.db, job, outcome.error, !outcome.permanent);
        this.onRecorded(job);
        await this.handlers[job.kind]?.settled?.(job, { state, error: outcome.error });
      });
      return;
    }
    this.waiting.push({ job, result: outcome.result ?? null });
    if (this.waiting.length >= FLUSH_SIZE) void this.flush();
    else this.timer ??= setTimeout(() => void this.flush(), FLUSH_MS);
  }

  /** Writes what is waiting; resolves when every write so far has ended. */
  flush(): Promise<void> {
    clearTimeout(this.timer);
    this.timer = undefined;
    const taken = this.waiting.splice(0);
    if (taken.length) {
      this.chain(
        taken.map((t) => t.job),
        async () => {
          const recorded = await completeMany(this.db, taken);
          for (const { job, result } of taken) {
            this.onRecorded(job);
            if (recorded.has(job.id))
              await this.handlers[job.kind]?.settled?.(job, { state: 'done', result });
          }
        },
      );
    }
    return this.writes;
  }

  private chain(jobs: Job[], write: () => Promise<void>): void {
    this.writes = this.writes.then(write).catch((err) => {
      console.error('delivery worker: recording outcomes failed:', (err as Error).message);
      for (const job of jobs) this.onRecorded(job);
    });
  }
}
