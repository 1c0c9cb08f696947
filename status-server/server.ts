import { createApp } from './app.ts';
import type { Config } from './config.ts';
import { Snapshots } from './snapshot/snapshots.ts';
import { openStore, type Store } from './store/db.ts';
import { migrateToLatest } from './store/migrations.ts';

export interface Running {
  store: Store;
  snapshots: Snapshots;
  app: ReturnType<typeof createApp>;
  close(): Promise<void>;
}

/** Opens the store, migrates it and builds the first snapshot: everything but listening. */
export async function startServer(config: Config): Promise<Running> {
  const store = openStore(config);
  await migrateToLatest(store.db);
  const snapshots = new Snapshots(store, config);
  await snapshots.refresh();
  snapshots.start();
  const app = createApp({ config, store, snapshots, connectors: [] });
  return {
    store,
    snapshots,
    app,
    async close() {
      await snapshots.stop();
      await store.db.destroy();
    },
  };
}
