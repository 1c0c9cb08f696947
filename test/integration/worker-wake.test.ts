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

describe.skip.each(skippedDatabases())('the job worker on %s', () => {
  it('needs PostgreSQL', () => {});
});
