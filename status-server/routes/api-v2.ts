import { Hono } from 'hono';
import { respond } from '../snapshot/entries.ts';
import type { Snapshots } from '../snapshot/snapshots.ts';

/** The API v2 paths, all answered from the snapshot (and the hot ones before routing: snapshot/fast-lane.ts). */
export const API_V2_PATHS = [
  '/summary.json',
  '/status.json',
  '/components.json',
  '/incidents.json',
  '/incidents/unresolved.json',
  '/scheduled-maintenances.json',
  '/scheduled-maintenances/upcoming.json',
  '/scheduled-maintenances/active.json',
];

export const API_V2 = '/api/v2';

/** The status-page API v2, answered from the snapshot: a map lookup and a buffer per request. */
export function apiV2Routes(snapshots: Snapshots) {
  const app = new Hono();
  for (const path of API_V2_PATHS) {
    const key = `${API_V2}${path}`;
    app.get(path, (c) => {
      const entry = snapshots.snapshot.entries.get(key);
      if (!entry) throw new Error(`snapshot has no ${key}`);
      return respond(entry, c.req);
    });
  }
  return app;
}
