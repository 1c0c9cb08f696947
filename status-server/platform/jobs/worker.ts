import { hostname } from 'node:os';
import type { Store } from '../db.ts';
import { type JobHandler, NotYet, PermanentError } from './handler.ts';
import { claim, complete, fail, type Job, postpone, renewLeases } from './queue.ts';
import { Recorder } from './recorder.ts';

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
  /** Set by a wake-up that came while a round was under way: the next sleep is skipped. */
  private woken = false;
  private readonly o: Required<WorkerOptions>;
  /** Claimed jobs whose outcome is not yet stored: their leases are renewed until it is. */
  private readonly inHand = new Set<string>();

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
    if (this.wakeUp) this.wakeUp();
    // Mid round, the jobs queued now may have missed its claim: look again before sleeping.
    else this.woken = true;
  }

  /** Runs due jobs until none is left: for tests and benchmarks that need the queue empty. */
  async drain(): Promise<number> {
    let total = 0;
    for (;;) {
      const n = await this.work(true);
      total += n;
      if (n === 0) return total;
    }
  }

  private async run(): Promise<void> {
    while (this.running) {
      this.woken = false;
      try {
        await this.work(false);
      } catch (err) {
        console.error('delivery worker: claiming jobs failed:', (err as Error).message);
      }
      if (this.running && !this.woken) {
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

  /**
   * Claims and runs batches back to back until one comes back short. While a full batch runs, the
   * next is already being claimed, so the database's turn overlaps the sending instead of pausing
   * it. Leases of jobs in hand are renewed meanwhile, so only a dead worker's jobs are ever taken
   * over. Answers how many jobs it ran.
   */
  private async work(draining: boolean): Promise<number> {
    const renewal = setInterval(() => {
      renewLeases(this.store.db, [...this.inHand], this.id, this.o.leaseMs).catch((err) =>
        console.error('delivery worker: renewing leases failed:', (err as Error).message),
      );
    }, this.o.leaseMs / 3);
    let total = 0;
    try {
      let next = this.claimBatch();
      for (;;) {
        const jobs = await next;
        if (!jobs.length) return total;
        next =
          jobs.length === this.o.batch && (this.running || draining)
            ? this.claimBatch()
            : Promise.resolve([]);
        // A failed claim surfaces when awaited; until then it must not count as unhandled.
        next.catch(() => {});
        await this.runJobs(jobs);
        total += jobs.length;
      }
    } finally {
      clearInterval(renewal);
    }
  }

  private async claimBatch(): Promise<Job[]> {
    const jobs = await claim(this.store, {
      kinds: Object.keys(this.handlers),
      limit: this.o.batch,
      leaseMs: this.o.leaseMs,
      workerId: this.id,
    });
    for (const job of jobs) this.inHand.add(job.id);
    return jobs;
  }

  /** Batch handlers get their jobs in one call; the others run one by one with bounded concurrency. */
  private async runJobs(jobs: Job[]): Promise<void> {
    const recorder = new Recorder(this.store.db, this.handlers, (job) => this.inHand.delete(job.id));
    const batched = new Map<string, Job[]>();
    const single: Job[] = [];
    for (const job of jobs) {
      if (this.handlers[job.kind]?.runBatch) batched.set(job.kind, [...(batched.get(job.kind) ?? []), job]);
      else single.push(job);
    }
    let next = 0;
    const lane = async () => {
      while (next < single.length) {
        const job = single[next++] as Job;
        await this.runOne(job);
        this.inHand.delete(job.id);
      }
    };
    await Promise.all([
      ...[...batched].map(([kind, list]) => this.runBatch(kind, list, recorder)),
      ...Array.from({ length: Math.min(this.o.concurrency, single.length) }, lane),
    ]);
    await recorder.flush();
  }

  private async runBatch(kind: string, jobs: Job[], recorder: Recorder): Promise<void> {
    const handler = this.handlers[kind] as Required<Pick<JobHandler, 'runBatch'>>;
    const reported = new Set<string>();
    try {
      await handler.runBatch(jobs, (job, outcome) => {
        if (reported.has(job.id)) return;
        reported.add(job.id);
        recorder.add(job, outcome);
      });
    } catch (err) {
      const error = err instanceof Error ? err.message : String(err);
      for (const job of jobs) {
        if (!reported.has(job.id)) recorder.add(job, { ok: false, error, permanent: false });
      }
    }
  }

  private async runOne(job: Job): Promise<void> {
    const handler = this.handlers[job.kind] as JobHandler;
    try {
      const result = await handler.run(job);
      if (await complete(this.store.db, job, result)) await handler.settled?.(job, { state: 'done', result });
    } catch (err) {
      if (err instanceof NotYet) {
        await postpone(this.store.db, job, err.message, err.delayMs);
        return;
      }
      const error = err instanceof Error ? err.message : String(err);
      const state = await fail(this.store.db, job, error, !(err instanceof PermanentError));
      await handler
        .settled?.(job, { state, error })
        .catch((e) => console.error('job settle hook failed:', e));
    }
  }
}
