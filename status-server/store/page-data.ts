import type { Kysely } from 'kysely';
import type { ComponentStatus } from '../../shared/schemas/status.ts';
import type { AffectedComponent } from '../domain/lifecycle.ts';
import { latestStartFirst } from '../domain/order.ts';
import type { StatusChange } from '../domain/uptime.ts';
import type { Database } from '../platform/schema.ts';

type Db = Kysely<Database>;

export type GroupRecord = Database['component_groups'];
export type ComponentRecord = Database['components'] & { hosts: string[] };
export type UpdateRecord = Omit<Database['incident_updates'], 'affected_components'> & {
  affected_components: AffectedComponent[] | null;
};
export type IncidentRecord = Database['incidents'] & { updates: UpdateRecord[]; component_ids: string[] };

/** Everything the public page and API v2 show, read in one go for a snapshot. */
export interface PageData {
  revision: number;
  updatedAt: string;
  groups: GroupRecord[];
  components: ComponentRecord[];
  /** Unresolved incidents, and every incident started within the uptime window, newest first. */
  incidents: IncidentRecord[];
  /** Maintenance not completed, and any within the window, soonest first. */
  maintenances: IncidentRecord[];
  /** Per component id, status changes from the last one before the window on, oldest first. */
  statusChanges: Map<string, StatusChange[]>;
}

export const UPTIME_DAYS = 90;
/** How many of each kind `incidents.json` and `scheduled-maintenances.json` list, as the hosted API does. */
export const API_LIST_LIMIT = 50;

type IncidentQuery = ReturnType<typeof baseIncidentQuery>;

/** `latestStartFirst` in SQL, for lists cut by a limit. */
export const latestStart = (q: IncidentQuery): IncidentQuery =>
  q.orderBy('started_at', 'desc').orderBy('created_at', 'desc').orderBy('id');

/** `earliestStartFirst` in SQL. */
const earliestStart = (q: IncidentQuery): IncidentQuery =>
  q.orderBy('started_at').orderBy('created_at').orderBy('id');

export async function loadIncidents(
  db: Db,
  filter: (q: IncidentQuery) => IncidentQuery,
  between: Between = noPause,
): Promise<IncidentRecord[]> {
  const rows = await filter(baseIncidentQuery(db)).execute();
  if (!rows.length) return [];
  await between();
  const ids = rows.map((r) => r.id);
  const [updates, links] = await Promise.all([
    db
      .selectFrom('incident_updates')
      .selectAll()
      .where('incident_id', 'in', ids)
      .orderBy('created_at', 'desc')
      .orderBy('id')
      .execute(),
    db.selectFrom('incident_components').selectAll().where('incident_id', 'in', ids).execute(),
  ]);
  // Grouped by incident in one pass each: a page holds hundreds of incidents and their updates.
  const updatesOf = groupBy(updates, (u) => u.incident_id);
  const componentsOf = groupBy(links, (l) => l.incident_id);
  return rows.map((row) => ({
    ...row,
    updates: (updatesOf.get(row.id) ?? []).map((u) => ({
      ...u,
      affected_components: u.affected_components
        ? (JSON.parse(u.affected_components) as AffectedComponent[])
        : null,
    })),
    component_ids: (componentsOf.get(row.id) ?? []).map((l) => l.component_id),
  }));
}

/** The items by key, each group in the items' order. */
function groupBy<T>(items: readonly T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const group = groups.get(k);
    if (group) group.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

function baseIncidentQuery(db: Db) {
  return db.selectFrom('incidents').selectAll();
}

export async function loadIncident(db: Db, id: string): Promise<IncidentRecord | undefined> {
  return (await loadIncidents(db, (q) => q.where('id', '=', id)))[0];
}

/** Incidents and maintenance that started in [from, to), newest first: the history page's months. */
export async function loadHistory(db: Db, from: string, to: string): Promise<IncidentRecord[]> {
  return loadIncidents(db, (q) =>
    latestStart(q.where('started_at', '>=', from).where('started_at', '<', to)),
  );
}

/** Runs between a load's reads: the snapshot build lets the requests waiting meanwhile be served there. */
type Between = () => Promise<void>;
const noPause: Between = () => Promise.resolve();

/**
 * Everything the public page and API v2 show. On SQLite each read holds the event loop, so the load
 * calls `between` after each batch of reads (and each of its incidents' lists) rather than holding
 * it for the whole load.
 */
export async function loadPageData(db: Db, now: Date, between: Between = noPause): Promise<PageData> {
  const windowStart = new Date(
    Math.floor(now.getTime() / 86_400_000) * 86_400_000 - (UPTIME_DAYS - 1) * 86_400_000,
  ).toISOString();

  const [state, groups, components, hosts] = await Promise.all([
    db.selectFrom('page_state').selectAll().where('id', '=', 1).executeTakeFirstOrThrow(),
    db.selectFrom('component_groups').selectAll().orderBy('position').orderBy('name').orderBy('id').execute(),
    db.selectFrom('components').selectAll().orderBy('position').orderBy('name').orderBy('id').execute(),
    db.selectFrom('component_hosts').selectAll().orderBy('host').execute(),
  ]);
  await between();

  // One list of incidents at a time, readers served between: lists loaded together would also resume
  // together after each pause (on SQLite every read runs at once), one long hold instead of short ones.
  const recent = await loadIncidents(
    db,
    (q) =>
      q
        .where('kind', '=', 'incident')
        .where((eb) => eb.or([eb('resolved_at', 'is', null), eb('started_at', '>=', windowStart)])),
    between,
  );
  await between();
  const latest = await loadIncidents(
    db,
    (q) => latestStart(q.where('kind', '=', 'incident')).limit(API_LIST_LIMIT),
    between,
  );
  await between();
  // A maintenance window starts when it is scheduled for, so this is soonest first.
  const maintenances = await loadIncidents(
    db,
    (q) =>
      earliestStart(
        q
          .where('kind', '=', 'maintenance')
          .where((eb) => eb.or([eb('status', '!=', 'completed'), eb('started_at', '>=', windowStart)])),
      ),
    between,
  );
  await between();
  const [changes, before] = await Promise.all([
    db
      .selectFrom('component_status_changes')
      .select(['component_id', 'status', 'at'])
      .where('at', '>=', windowStart)
      .orderBy('at')
      .orderBy('id')
      .execute(),
    // The status each component was in when the window opened.
    db
      .selectFrom('component_status_changes as c')
      .select(['c.component_id', 'c.status', 'c.at'])
      .where('c.at', '<', windowStart)
      .where(({ eb, selectFrom }) =>
        eb(
          'c.at',
          '=',
          selectFrom('component_status_changes as d')
            .select((e) => e.fn.max('d.at').as('at'))
            .whereRef('d.component_id', '=', 'c.component_id')
            .where('d.at', '<', windowStart),
        ),
      )
      .execute(),
  ]);
  await between();

  const statusChanges = new Map<string, StatusChange[]>();
  for (const c of [...before, ...changes]) {
    const list = statusChanges.get(c.component_id) ?? [];
    list.push({ status: c.status as ComponentStatus, at: c.at });
    statusChanges.set(c.component_id, list);
  }

  const hostsOf = groupBy(hosts, (h) => h.component_id);
  const byId = new Map(recent.map((i) => [i.id, i]));
  for (const i of latest) byId.set(i.id, i);
  const incidents = [...byId.values()].sort(latestStartFirst);

  return {
    revision: Number(state.revision),
    updatedAt: state.updated_at,
    groups,
    components: components.map((c) => ({
      ...c,
      hosts: (hostsOf.get(c.id) ?? []).map((h) => h.host),
    })),
    incidents,
    maintenances,
    statusChanges,
  };
}
