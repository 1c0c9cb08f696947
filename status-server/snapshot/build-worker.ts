import { parentPort, workerData } from 'node:worker_threads';
import type { Config } from '../config.ts';
import { openStore } from '../platform/db.ts';
import { buildSnapshot } from './build.ts';
import type { BuildAnswer, BuildAsk } from './build-thread.ts';

// The body of the snapshot build's thread (see build-thread.ts): one build at a time, in the order asked.
const port = parentPort;
if (!port) throw new Error('build-worker.ts runs as a worker thread (build-thread.ts starts it)');
const { config } = workerData as { config: Config };
const store = openStore(config);
let queue = Promise.resolve();

port.on('message', (ask: BuildAsk | 'stop') => {
  queue = queue.then(async () => {
    if (ask === 'stop') {
      await store.close();
      port.close();
      return;
    }
    const answer: BuildAnswer = await buildSnapshot(store, config, ask.locales).then(
      (built) => ({ id: ask.id, built }),
      (err: unknown) => ({
        id: ask.id,
        error: err instanceof Error ? (err.stack ?? err.message) : String(err),
      }),
    );
    port.postMessage(answer);
  });
});
