import { Worker } from 'node:worker_threads';
import type { Config } from '../config.ts';
import type { Built } from './build.ts';

/** What the build's thread answers to a build asked with `id`. */
export type BuildAnswer = { id: number; built: Built } | { id: number; error: string };
/** What the server asks of the build's thread. */
export type BuildAsk = { id: number; locales: string[] };

/**
 * The thread snapshots are built on (build-worker.ts), with its own connection to the database:
 * loading the page's data, rendering the page and compressing it take tens of milliseconds a write,
 * which on the server's event loop every reader would wait for. Started on the first build; a
 * thread that fails or exits fails the builds it had and is started again for the next one.
 */
export class BuildThread {
  private worker: Worker | undefined;
  private nextId = 1;
  private readonly pending = new Map<number, { resolve: (b: Built) => void; reject: (e: Error) => void }>();

  constructor(private readonly config: Config) {}

  build(locales: string[]): Promise<Built> {
    const worker = this.started();
    const id = this.nextId++;
    // While a build is asked for, the thread keeps the process alive (a server starting has nothing else yet).
    worker.ref();
    return new Promise<Built>((resolve, reject) => {
      this.pending.set(id, { resolve, reject });
      worker.postMessage({ id, locales } satisfies BuildAsk);
    });
  }

  /** Ends the thread once its builds are answered, closing its database connection first. */
  async stop(): Promise<void> {
    const worker = this.worker;
    if (!worker) return;
    this.worker = undefined;
    const exited = new Promise((resolve) => worker.once('exit', resolve));
    worker.postMessage('stop');
    await exited;
  }

  private started(): Worker {
    if (this.worker) return this.worker;
    // Threads start without the TypeScript loader the server runs under: build-thread-entry.js
    // registers it for this one before loading the build.
    const worker = new Worker(new URL('./build-thread-entry.js', import.meta.url), {
      workerData: { config: this.config },
    });
    worker.on('message', (answer: BuildAnswer) => {
      const waiting = this.pending.get(answer.id);
      this.pending.delete(answer.id);
      // Idle, the thread must not keep the process alive: the server's listener and timers do.
      if (!this.pending.size) worker.unref();
      if ('built' in answer) waiting?.resolve(answer.built);
      else waiting?.reject(new Error(`snapshot build failed: ${answer.error}`));
    });
    const failAll = (why: Error) => {
      if (this.worker === worker) this.worker = undefined;
      for (const { reject } of this.pending.values()) reject(why);
      this.pending.clear();
    };
    worker.on('error', (err: Error) =>
      failAll(new Error(`snapshot build thread failed: ${err.message}`, { cause: err })),
    );
    worker.on('exit', (code) => failAll(new Error(`snapshot build thread exited (code ${code})`)));
    this.worker = worker;
    return worker;
  }
}
