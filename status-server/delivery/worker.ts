import { hostname } from 'node:os';
import type { Store } from '../store/db.ts';
import { claim, complete, fail, type Job } from './queue.ts';

/** Thrown by a handler when trying again cannot help (the receiver refused the content itself). */
export class PermanentError extends Error {}

export interface JobHandler {
  /** Does the work; what it returns is stored as the job's result. Throwing schedules a retry. */
  run(job: Job): Promise<unknown>;
  /** Told how each attempt ended, e.g. to keep a report's forwarding state current. */
  settled?(job: Job, outcome: { state: Job['state']; error?: string; result?: unknown }): Promise<void>;
}

export interface WorkerOptions {
  /** Jobs claimed per round trip to the database. */
  batch?: number;
  /** Jobs run at once by this worker. */
  concurrency?: number;
  /** How long a claimed job is ours; a crashed worker's jobs return to the queue after it. */
  leaseMs?: number;
  /** How long to sleep when nothing is due. */
  idleMs?: number;
}

/** Claims due jobs of the kinds it has handlers for and runs them, until stopped. */
export class Worker {
  readonly id = `${hostname()}:${process.pid}:${Math.random().toString(36).slice(2, 8)}`;
  private running = false;
  private loop: Promise<void> | undefined;
  private wakeUp: (() => void) | undefined;
  private readonly o: Required<WorkerOptions>;

  constructor(
    private readonly store: Store,
    private readonly handlers: Record<string, JobHandler>,
    options: WorkerOptions = {},
  ) {
    this.o = { batch: 50, concurrency: 8, leaseMs: 120_000, idleMs: 1_000, ...options };
  }

  start(): void {
    if (this.running) return;
    this.running = true;
    this.loop = this.run();
  }

  /** Finishes the jobs in hand, then stops; unclaimed jobs stay queued for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    await this.loop;
  }

  /** Looks for work now instead of after the idle sleep: called right after enqueueing. */
  wake(): void {
    this.wakeUp?.();
  }

  /** Runs due jobs until none is left: for tests and benchmarks that need the queue empty. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.round();
      total += n;
      if (n === 0) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      let n = 0;
      try {
        n = await this.round();
      } catch (err) {
        console.error('delivery worker: claiming jobs failed:', (err as Error).message);
      }
      if (n < this.o.batch && this.running) {
        await new Promise<void>((resolve) => {
          const timer = setTimeout(resolve, this.o.idleMs);
          this.wakeUp = () => {
            clearTimeout(timer);
            resolve();
          };
        });
        this.wakeUp = undefined;
      }
    }
  }

  /** Claims one batch and runs it with bounded concurrency; answers how many jobs it ran. */
  private async round(): Promise<number> {
    const jobs = await claim(this.store, {
      kinds: Object.keys(this.handlers),
      limit: this.o.batch,
      leaseMs: this.o.leaseMs,
      workerId: this.id,
    });
    let next = 0;
    const lane = async () => {
      while (next < jobs.length) await this.runOne(jobs[next++] as Job);
    };
    await Promise.all(Array.from({ length: Math.min(this.o.concurrency, jobs.length) }, lane));
    return jobs.length;
  }

  private async runOne(job: Job): Promise<void> {
    const handler = this.handlers[job.kind] as JobHandler;
    try {
      const result = await handler.run(job);
      if (await complete(this.store.db, job, result)) await handler.settled?.(job, { state: 'done', result });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      const state = await fail(this.store.db, job, error, !(err instanceof PermanentError));
      await handler
        .settled?.(job, { state, error })
        .catch((e) => console.error('job settle hook failed:', e));
    }
  }
}
