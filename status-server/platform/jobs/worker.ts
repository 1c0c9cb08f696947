import { hostname } from 'node:os';
import type { Store } from '../db.ts';
import { type JobHandler, NotYet, PermanentError } from './handler.ts';
import { claim, complete, earliestLeaseEnd, fail, type Job, postpone, renewLeases } from './queue.ts';
import { Recorder } from './recorder.ts';

export interface WorkerOptions {
  /** Jobs claimed per round trip to the database. */
  batch?: number;
  /** Jobs run at once by this worker. */
  concurrency?: number;
  /**
   * How long a claimed job is ours. Renewed every third of it while the job is in hand, so a lease
   * runs out at most this long after its worker died; another worker takes the job over then.
   */
  leaseMs?: number;
  /** How long to sleep when nothing is due. */
  idleMs?: number;
}

/** The shortest sleep between two looks at other workers' leases, should one end without being taken. */
const MIN_WATCH_MS = 20;

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
  /** Renews the leases of the jobs in hand while there are any. */
  private heartbeat: NodeJS.Timeout | undefined;
  private renewing: Promise<void> | undefined;
  /** Takes over other workers' jobs as their leases run out (see `watchLeases`). */
  private watch: Promise<void> | undefined;
  private wakeWatch: (() => void) | undefined;
  /** Runs of jobs taken over by the watch, beside the main loop's. */
  private readonly takeovers = new Set<Promise<void>>();

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
    this.watch = this.watchLeases();
  }

  /** Finishes the jobs in hand, then stops; unclaimed jobs stay queued for the next start. */
  async stop(): Promise<void> {
    this.running = false;
    this.wake();
    this.wakeWatch?.();
    await this.loop;
    await this.watch;
    await Promise.all(this.takeovers);
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
    let total = 0;
    let next = this.claimBatch();
    for (;;) {
      const jobs = await next;
      if (!jobs.length) return total;
      next =
        jobs.length === this.o.batch && (this.running || draining) ? this.claimBatch() : Promise.resolve([]);
      // A failed claim surfaces when awaited; until then it must not count as unhandled.
      next.catch(() => {});
      await this.runJobs(jobs);
      total += jobs.length;
    }
  }

  /**
   * Takes a dead worker's jobs over as soon as its lease runs out, busy or not. The main loop claims
   * only between batches, and a batch of a fan-out runs for seconds, or it sleeps `idleMs`; so this
   * sleeps until the first lease another worker holds runs out, claims the jobs whose lease did, and
   * runs them beside its own. A live worker renews its leases meanwhile: then nothing has run out,
   * and it sleeps until the renewed end. With no lease held elsewhere it looks again after one lease
   * time, as a lease taken meanwhile cannot run out before that.
   */
  private async watchLeases(): Promise<void> {
    const kinds = Object.keys(this.handlers);
    while (this.running) {
      let wakeAt: number;
      try {
        const jobs = await this.claimBatch(true);
        if (jobs.length) {
          const run = this.runJobs(jobs).catch((err) =>
            console.error('delivery worker: running jobs taken over failed:', (err as Error).message),
          );
          this.takeovers.add(run);
          void run.finally(() => this.takeovers.delete(run));
          continue;
        }
        const end = await earliestLeaseEnd(this.store.db, kinds, this.id);
        wakeAt = Math.min(end ?? Number.POSITIVE_INFINITY, Date.now() + this.o.leaseMs);
      } catch (err) {
        console.error('delivery worker: looking for leases run out failed:', (err as Error).message);
        wakeAt = Date.now() + this.o.idleMs;
      }
      if (!this.running) return;
      // Just past the end: a lease is taken over once its end is behind (`locked_until < now`).
      const delay = Math.max(MIN_WATCH_MS, wakeAt + 1 - Date.now());
      await new Promise<void>((resolve) => {
        const timer = setTimeout(resolve, delay);
        this.wakeWatch = () => {
          clearTimeout(timer);
          resolve();
        };
      });
      this.wakeWatch = undefined;
    }
  }

  private async claimBatch(expiredOnly = false): Promise<Job[]> {
    const jobs = await claim(this.store, {
      kinds: Object.keys(this.handlers),
      limit: this.o.batch,
      leaseMs: this.o.leaseMs,
      workerId: this.id,
      expiredOnly,
    });
    this.hold(jobs);
    return jobs;
  }

  /**
   * Jobs in hand get their leases renewed every third of a lease time, by one renewal at a time,
   * until their outcome is stored: a lease runs out at most one lease time after its worker died.
   */
  private hold(jobs: Job[]): void {
    for (const job of jobs) this.inHand.add(job.id);
    if (!this.inHand.size || this.heartbeat) return;
    this.heartbeat = setInterval(() => {
      if (this.renewing) return;
      this.renewing = renewLeases(this.store.db, [...this.inHand], this.id, this.o.leaseMs)
        .catch((err) => console.error('delivery worker: renewing leases failed:', (err as Error).message))
        .finally(() => {
          this.renewing = undefined;
        });
    }, this.o.leaseMs / 3);
    this.heartbeat.unref();
  }

  private letGo(id: string): void {
    this.inHand.delete(id);
    if (this.inHand.size) return;
    clearInterval(this.heartbeat);
    this.heartbeat = undefined;
  }

  /** Batch handlers get their jobs in one call; the others run one by one with bounded concurrency. */
  private async runJobs(jobs: Job[]): Promise<void> {
    const recorder = new Recorder(this.store.db, this.handlers, (job) => this.letGo(job.id));
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
        try {
          await this.runOne(job);
        } finally {
          this.letGo(job.id);
        }
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
