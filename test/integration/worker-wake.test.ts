import { describe, expect, it, vi } from 'vitest';
import type { Job } from '../../status-server/platform/jobs/queue.ts';
import { enqueue } from '../../status-server/platform/jobs/queue.ts';
import { Worker } from '../../status-server/platform/jobs/worker.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { openTestStore } from '../helpers/reports.ts';

/** Far longer than the test may run: whatever runs after the first job was fetched by a wake-up. */
const IDLE_MS = 10 * 60_000;

describe.each(testDatabases())('the job worker on $name', (database) => {
  it('runs a job queued while it was busy with another, without waiting for its idle poll', async () => {
    const store = await openTestStore(database);
    const ran: string[] = [];
    const worker: Worker = new Worker(
      store,
      {
        test: {
          async run(job: Job) {
            ran.push(job.ref_id);
            // Queued in the middle of a round, as an admin write does while notices are going out.
            if (job.ref_id === 'first') {
              await enqueue(store.db, [{ kind: 'test', ref_id: 'second', payload: {} }]);
              worker.wake();
            }
          },
        },
      },
      { idleMs: IDLE_MS },
    );
    try {
      await enqueue(store.db, [{ kind: 'test', ref_id: 'first', payload: {} }]);
      worker.start();
      await vi.waitFor(() => expect(ran).toEqual(['first', 'second']), { timeout: 20_000, interval: 20 });
    } finally {
      await worker.stop();
      await store.close();
    }
  });
});

describe.each(testDatabases())('the job worker on $name, beside a worker that died', (database) => {
  it('takes over a job whose lease ran out as it runs out, not after its idle sleep', async () => {
    const store = await openTestStore(database);
    const leaseMs = 1_000;
    const ran: { ref: string; at: number }[] = [];
    const worker = new Worker(
      store,
      {
        test: {
          async run(job: Job) {
            ran.push({ ref: job.ref_id, at: Date.now() });
          },
        },
      },
      { idleMs: IDLE_MS, leaseMs },
    );
    try {
      // A job another worker claimed before it died: its lease runs out in a lease time.
      const [id] = await enqueue(store.db, [{ kind: 'test', ref_id: 'orphan', payload: {} }]);
      const leaseEnds = Date.now() + leaseMs;
      await store.db
        .updateTable('jobs')
        .set({
          state: 'running',
          attempts: 1,
          locked_by: 'elsewhere:1:dead',
          locked_until: new Date(leaseEnds).toISOString(),
        })
        .where('id', '=', id as string)
        .execute();
      worker.start();
      await vi.waitFor(() => expect(ran.map((r) => r.ref)).toEqual(['orphan']), {
        timeout: 10_000,
        interval: 20,
      });
      // Not before the lease ran out; right after it, not after the worker's 10-minute idle sleep.
      const at = (ran[0] as { at: number }).at;
      expect(at).toBeGreaterThanOrEqual(leaseEnds);
      expect(at - leaseEnds).toBeLessThan(500);
    } finally {
      await worker.stop();
      await store.close();
    }
  });
});

describe.skip.each(skippedDatabases())('the job worker on %s', () => {
  it('needs PostgreSQL', () => {});
});
