import type { Kysely } from 'kysely';
import { createTranslator } from '../../shared/i18n/index.ts';
import type { IncidentResolve } from '../../shared/schemas/status.ts';
import type { Store } from '../platform/db.ts';
import type { Database } from '../platform/schema.ts';
import type { Snapshots } from '../snapshot/snapshots.ts';
import * as writes from './writes.ts';

export interface StatusServiceDeps {
  store: Store;
  snapshots: Snapshots;
  /** Wakes the delivery worker, so a write's notices leave at once instead of at its next idle poll. */
  wake: () => void;
  /** The page's default language: the words of a resolution posted without a message. */
  locale: string;
}

/**
 * The status page's writes, for the admin API and the console alike. Each commits in one
 * transaction with the notices it queues (see `writes.ts`); then the worker is woken for those
 * notices and the snapshot rebuilt, so the page shows the write by the time the caller answers.
 * A write that queued nothing costs the worker one empty look at the queue.
 */
export function statusService({ store, snapshots, wake, locale }: StatusServiceDeps) {
  const resolvedMessage = createTranslator(locale)('incident.resolvedMessage');
  const committed =
    <A extends unknown[], T>(write: (db: Kysely<Database>, ...args: A) => Promise<T>) =>
    async (...args: A): Promise<T> => {
      const result = await write(store.db, ...args);
      wake();
      await snapshots.refresh();
      return result;
    };
  return {
    createGroup: committed(writes.createGroup),
    updateGroup: committed(writes.updateGroup),
    createComponent: committed(writes.createComponent),
    updateComponent: committed(writes.updateComponent),
    createIncident: committed(writes.createIncident),
    addIncidentUpdate: committed(writes.addIncidentUpdate),
    resolveIncident: committed((db, id: string, input: IncidentResolve) =>
      writes.resolveIncident(db, id, { ...input, message: input.message ?? resolvedMessage }),
    ),
    createMaintenance: committed(writes.createMaintenance),
    addMaintenanceUpdate: committed(writes.addMaintenanceUpdate),
  };
}

export type StatusService = ReturnType<typeof statusService>;
