import { Hono } from 'hono';
import { respond, type Snapshots } from '../snapshot/snapshots.ts';

const paths = [
  '/summary.json',
  '/status.json',
  '/components.json',
  '/incidents.json',
  '/incidents/unresolved.json',
  '/scheduled-maintenances.json',
  '/scheduled-maintenances/upcoming.json',
  '/scheduled-maintenances/active.json',
];

/** The status-page API v2, answered from the snapshot: a map lookup and a buffer per request. */
export function apiV2Routes(snapshots: Snapshots) {
  const app = new Hono();
  for (const path of paths) {
    const key = `/api/v2${path}`;
    app.get(path, (c) => {
      const entry = snapshots.snapshot.entries.get(key);
      if (!entry) throw new Error(`snapshot has no ${key}`);
      return respond(entry, c.req);
    });
  }
  return app;
}
