/**
 * bench/write-holds: how long a status write holds the server's event loop, where every reader of the
 * page waits (issue 13: a write must never stall readers). Runs the server in this process on the
 * page bench:status seeds, posts incident updates through the status service one at a time, and
 * watches the loop with a 1 ms timer: a gap between its ticks is a hold. Each write's window runs
 * from the write's start until its snapshot is built and 20 ms after; quiet windows of the same length,
 * with no write, show what the timer and the machine alone cost.
 *
 *   npm run bench:write-holds          (BENCH_WRITES=50 by default; SQLite, as bench:status)
 *
 * It reports; nothing here is a pass or a fail.
 */
import { join } from 'node:path';
import { setTimeout as sleep } from 'node:timers/promises';
import { z } from 'zod';
import { incidentUpdateCreate } from '../shared/schemas/status.ts';
import { loadConfig } from '../status-server/config.ts';
import { startServer } from '../status-server/server.ts';
import { ownedTempDir, runBench } from './lib/processes.ts';
import { labelledTable, loadNote, loadNow, median, percentile } from './lib/report.ts';
import { seedStatusPage } from './lib/status-page.ts';

const settings = z.object({
  BENCH_WRITES: z.coerce.number().int().min(5).max(1000).default(50),
});
/** A gap between the timer's ticks longer than this is counted as a hold (the timer's own gap is ~1 ms). */
const HOLD_MS = 2;
const AFTER_MS = 20;
const BUSY_LOAD_PER_CPU = 0.5;

/** The loop's gaps over a window: a 1 ms timer notes how long each tick came after the one before. */
function watchLoop() {
  const gaps: number[] = [];
  let last = performance.now();
  const timer = setInterval(() => {
    const now = performance.now();
    gaps.push(now - last);
    last = now;
  }, 1);
  return {
    window<T>(run: () => Promise<T>): Promise<{ longest: number; held: number }> {
      gaps.length = 0;
      last = performance.now();
      return run().then(() => ({
        longest: Math.max(0, ...gaps),
        held: gaps.filter((g) => g > HOLD_MS).reduce((a, b) => a + b, 0),
      }));
    },
    stop: () => clearInterval(timer),
  };
}

async function main(): Promise<void> {
  const parsed = settings.safeParse(process.env);
  if (!parsed.success) throw new Error('BENCH_WRITES must be a whole number from 5 to 1000');
  const { BENCH_WRITES: writes } = parsed.data;
  const loadBefore = loadNow();
  const tmp = await ownedTempDir('snapdesk-write-holds-');
  const dataDir = join(tmp, 'data');
  // An inherited DATABASE_URL would point the bench at someone's PostgreSQL.
  const config = loadConfig({ SNAPDESK_DATA_DIR: dataDir });
  console.log('seeding…');
  await seedStatusPage(dataDir);
  const running = await startServer(config, { startWorker: false });
  try {
    const open = await running.store.db
      .selectFrom('incidents')
      .select('id')
      .where('status', '!=', 'resolved')
      .executeTakeFirstOrThrow();
    const loop = watchLoop();
    const written: { longest: number; held: number }[] = [];
    const quiet: { longest: number; held: number }[] = [];
    for (let i = 0; i < writes; i++) {
      const started = performance.now();
      written.push(
        await loop.window(async () => {
          await running.status.addIncidentUpdate(
            open.id,
            incidentUpdateCreate.parse({
              status: i % 2 ? 'monitoring' : 'identified',
              message: `Update ${i + 1}: still working on it.`,
            }),
          );
          await sleep(AFTER_MS);
        }),
      );
      quiet.push(await loop.window(() => sleep(performance.now() - started)));
    }
    loop.stop();
    const row = (label: string, w: { longest: number; held: number }[]) => {
      const longest = w.map((x) => x.longest).sort((a, b) => a - b);
      const ms = (n: number) => `${n.toFixed(1)} ms`;
      return [
        label,
        ms(median(longest)),
        ms(percentile(longest, 90)),
        ms(longest[longest.length - 1] ?? 0),
        ms(median(w.map((x) => x.held))),
      ];
    };
    console.log(
      [
        '',
        `${writes} incident updates on SQLite, one at a time, each until its snapshot is built and ${AFTER_MS} ms after`,
        loadNote(loadBefore, BUSY_LOAD_PER_CPU),
        labelledTable([
          ['window', 'longest hold: median', 'p90', 'max', `time in holds over ${HOLD_MS} ms: median`],
          row('a write', written),
          row('quiet, as long', quiet),
        ]),
      ].join('\n'),
    );
  } finally {
    await running.close();
  }
}

await runBench(main);
