import type { Kysely, Transaction } from 'kysely';
import type {
  ComponentCreate,
  ComponentStatus,
  ComponentUpdate,
  GroupCreate,
  GroupUpdate,
  IncidentCreate,
  IncidentResolve,
  IncidentUpdateCreate,
  MaintenanceCreate,
  MaintenanceUpdateCreate,
} from '../../shared/schemas/status.ts';
import { enqueueNotice } from '../delivery/notice-fanout.ts';
import { Invalid, NotFound } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { Database } from './schema.ts';

type Db = Kysely<Database>;
type Tx = Transaction<Database>;

export interface AffectedComponent {
  code: string;
  name: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
}

const now = () => new Date().toISOString();
const flag = (b: boolean | undefined, fallback: boolean) => ((b ?? fallback) ? 1 : 0);

/** Every write ends here, in the same transaction: page instances poll the revision to rebuild. */
async function touchPage(trx: Tx, at: string): Promise<void> {
  await trx
    .updateTable('page_state')
    .set((eb) => ({ revision: eb('revision', '+', 1), updated_at: at }))
    .where('id', '=', 1)
    .execute();
}

export async function pageRevision(db: Db): Promise<number> {
  const row = await db
    .selectFrom('page_state')
    .select('revision')
    .where('id', '=', 1)
    .executeTakeFirstOrThrow();
  return Number(row.revision);
}

async function requireGroup(trx: Tx, id: string, field: string): Promise<void> {
  const found = await trx.selectFrom('component_groups').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new Invalid([{ path: field, message: `no component group with id ${id}` }]);
}

export async function createGroup(db: Db, input: GroupCreate) {
  return db.transaction().execute(async (trx) => {
    const at = now();
    const position =
      input.position ??
      Number(
        (
          await trx
            .selectFrom('component_groups')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const row = {
      id: newId(),
      name: input.name,
      description: input.description ?? null,
      position,
      created_at: at,
      updated_at: at,
    };
    await trx.insertInto('component_groups').values(row).execute();
    await touchPage(trx, at);
    return row;
  });
}

export async function updateGroup(db: Db, id: string, input: GroupUpdate) {
  return db.transaction().execute(async (trx) => {
    const at = now();
    const result = await trx
      .updateTable('component_groups')
      .set({ ...input, updated_at: at })
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirst();
    if (!result) throw new NotFound('component group', id);
    await touchPage(trx, at);
    return result;
  });
}

async function recordStatus(trx: Tx, componentId: string, status: ComponentStatus, at: string) {
  await trx
    .insertInto('component_status_changes')
    .values({ id: newId(), component_id: componentId, status, at })
    .execute();
}

export async function createComponent(db: Db, input: ComponentCreate) {
  return db.transaction().execute(async (trx) => {
    const at = now();
    if (input.group_id) await requireGroup(trx, input.group_id, 'group_id');
    const position =
      input.position ??
      Number(
        (
          await trx
            .selectFrom('components')
            .select((eb) => eb.fn.countAll().as('n'))
            .executeTakeFirstOrThrow()
        ).n,
      );
    const row = {
      id: newId(),
      group_id: input.group_id ?? null,
      name: input.name,
      description: input.description ?? null,
      status: input.status ?? 'operational',
      position,
      only_show_if_degraded: flag(input.only_show_if_degraded, false),
      showcase: flag(input.showcase, true),
      created_at: at,
      updated_at: at,
    } as const;
    await trx.insertInto('components').values(row).execute();
    await setHosts(trx, row.id, input.hosts ?? []);
    await recordStatus(trx, row.id, row.status, at);
    await touchPage(trx, at);
    return { ...row, hosts: [...new Set(input.hosts ?? [])] };
  });
}

async function setHosts(trx: Tx, componentId: string, hosts: string[]) {
  await trx.deleteFrom('component_hosts').where('component_id', '=', componentId).execute();
  const unique = [...new Set(hosts)];
  if (unique.length) {
    await trx
      .insertInto('component_hosts')
      .values(unique.map((host) => ({ component_id: componentId, host })))
      .execute();
  }
}

export async function updateComponent(db: Db, id: string, input: ComponentUpdate) {
  return db.transaction().execute(async (trx) => {
    const at = now();
    const current = await trx.selectFrom('components').selectAll().where('id', '=', id).executeTakeFirst();
    if (!current) throw new NotFound('component', id);
    if (input.group_id) await requireGroup(trx, input.group_id, 'group_id');
    const { hosts, only_show_if_degraded, showcase, ...plain } = input;
    const changes = {
      ...plain,
      ...(only_show_if_degraded === undefined
        ? {}
        : { only_show_if_degraded: flag(only_show_if_degraded, false) }),
      ...(showcase === undefined ? {} : { showcase: flag(showcase, true) }),
      updated_at: at,
    };
    const row = await trx
      .updateTable('components')
      .set(changes)
      .where('id', '=', id)
      .returningAll()
      .executeTakeFirstOrThrow();
    if (hosts) await setHosts(trx, id, hosts);
    if (input.status && input.status !== current.status) {
      await recordStatus(trx, id, input.status, at);
      await enqueueNotice(trx, {
        kind: 'component',
        componentId: id,
        oldStatus: current.status,
        newStatus: input.status,
      });
    }
    await touchPage(trx, at);
    return row;
  });
}

/**
 * Applies `{ componentId: status }` and returns what changed, in the status-page API's
 * `affected_components` form. Unknown ids are a client error naming the field.
 */
async function applyComponentStatuses(
  trx: Tx,
  statuses: Record<string, ComponentStatus>,
  at: string,
  field: string,
): Promise<AffectedComponent[]> {
  const ids = Object.keys(statuses);
  if (!ids.length) return [];
  const rows = await trx
    .selectFrom('components')
    .select(['id', 'name', 'status'])
    .where('id', 'in', ids)
    .execute();
  const missing = ids.filter((id) => !rows.some((r) => r.id === id));
  if (missing.length) {
    throw new Invalid(
      missing.map((id) => ({ path: `${field}.${id}`, message: `no component with id ${id}` })),
    );
  }
  const affected: AffectedComponent[] = [];
  for (const row of rows) {
    const next = statuses[row.id] as ComponentStatus;
    affected.push({ code: row.id, name: row.name, old_status: row.status, new_status: next });
    if (next === row.status) continue;
    await trx
      .updateTable('components')
      .set({ status: next, updated_at: at })
      .where('id', '=', row.id)
      .execute();
    await recordStatus(trx, row.id, next, at);
  }
  return affected;
}

async function linkComponents(trx: Tx, incidentId: string, componentIds: string[]) {
  if (!componentIds.length) return;
  const existing = await trx
    .selectFrom('incident_components')
    .select('component_id')
    .where('incident_id', '=', incidentId)
    .execute();
  const fresh = componentIds.filter((id) => !existing.some((e) => e.component_id === id));
  if (fresh.length) {
    await trx
      .insertInto('incident_components')
      .values(fresh.map((component_id) => ({ incident_id: incidentId, component_id })))
      .execute();
  }
}

async function insertUpdate(
  trx: Tx,
  incidentId: string,
  status: Database['incident_updates']['status'],
  body: string,
  affected: AffectedComponent[],
  at: string,
) {
  const row = {
    id: newId(),
    incident_id: incidentId,
    status,
    body,
    affected_components: affected.length ? JSON.stringify(affected) : null,
    created_at: at,
  };
  await trx.insertInto('incident_updates').values(row).execute();
  return row;
}

export async function createIncident(db: Db, input: IncidentCreate) {
  return db.transaction().execute(async (trx) => {
    const at = now();
    const id = newId();
    await trx
      .insertInto('incidents')
      .values({
        id,
        kind: 'incident',
        name: input.name,
        status: input.status,
        impact: input.impact,
        started_at: input.started_at ? new Date(input.started_at).toISOString() : at,
        created_at: at,
        updated_at: at,
        monitoring_at: input.status === 'monitoring' ? at : null,
        resolved_at: null,
        scheduled_for: null,
        scheduled_until: null,
      })
      .execute();
    const affected = await applyComponentStatuses(trx, input.components, at, 'components');
    await linkComponents(trx, id, Object.keys(input.components));
    const update = await insertUpdate(trx, id, input.status, input.message, affected, at);
    await enqueueNotice(trx, { kind: 'incident', incidentId: id, updateId: update.id });
    await touchPage(trx, at);
    return id;
  });
}

async function requireIncident(trx: Tx, id: string, kind: 'incident' | 'maintenance') {
  const row = await trx
    .selectFrom('incidents')
    .selectAll()
    .where('id', '=', id)
    .where('kind', '=', kind)
    .executeTakeFirst();
  if (!row) throw new NotFound(kind === 'incident' ? 'incident' : 'scheduled maintenance', id);
  return row;
}

export async function addIncidentUpdate(db: Db, id: string, input: IncidentUpdateCreate) {
  return db.transaction().execute(async (trx) => {
    const at = now();
    const incident = await requireIncident(trx, id, 'incident');
    const affected = await applyComponentStatuses(trx, input.components, at, 'components');
    await linkComponents(trx, id, Object.keys(input.components));
    await trx
      .updateTable('incidents')
      .set({
        status: input.status,
        updated_at: at,
        ...(input.impact ? { impact: input.impact } : {}),
        ...(input.status === 'monitoring' && !incident.monitoring_at ? { monitoring_at: at } : {}),
        ...(input.status === 'resolved' && !incident.resolved_at ? { resolved_at: at } : {}),
        // Reopening an incident clears its resolution so it shows as active again.
        ...(input.status !== 'resolved' && input.status !== 'postmortem' ? { resolved_at: null } : {}),
      })
      .where('id', '=', id)
      .execute();
    const update = await insertUpdate(trx, id, input.status, input.message, affected, at);
    await enqueueNotice(trx, { kind: 'incident', incidentId: id, updateId: update.id });
    await touchPage(trx, at);
    return update;
  });
}

/** Resolves an incident: its components go back to operational unless the input says otherwise. */
export async function resolveIncident(db: Db, id: string, input: IncidentResolve) {
  const linked = await db
    .selectFrom('incident_components')
    .select('component_id')
    .where('incident_id', '=', id)
    .execute();
  const components: Record<string, ComponentStatus> = Object.fromEntries(
    linked.map((l) => [l.component_id, 'operational' as ComponentStatus]),
  );
  return addIncidentUpdate(db, id, {
    status: 'resolved',
    message: input.message,
    components: { ...components, ...input.components },
  });
}

export async function createMaintenance(db: Db, input: MaintenanceCreate) {
  return db.transaction().execute(async (trx) => {
    const at = now();
    const ids = [...new Set(input.components)];
    if (ids.length) {
      const rows = await trx.selectFrom('components').select('id').where('id', 'in', ids).execute();
      const missing = ids.filter((cid) => !rows.some((r) => r.id === cid));
      if (missing.length) {
        throw new Invalid(
          missing.map((cid) => ({ path: 'components', message: `no component with id ${cid}` })),
        );
      }
    }
    const id = newId();
    const scheduledFor = new Date(input.scheduled_for).toISOString();
    await trx
      .insertInto('incidents')
      .values({
        id,
        kind: 'maintenance',
        name: input.name,
        status: 'scheduled',
        impact: 'maintenance',
        started_at: scheduledFor,
        created_at: at,
        updated_at: at,
        monitoring_at: null,
        resolved_at: null,
        scheduled_for: scheduledFor,
        scheduled_until: new Date(input.scheduled_until).toISOString(),
      })
      .execute();
    await linkComponents(trx, id, ids);
    const update = await insertUpdate(trx, id, 'scheduled', input.message, [], at);
    await enqueueNotice(trx, { kind: 'maintenance', incidentId: id, updateId: update.id });
    await touchPage(trx, at);
    return id;
  });
}

/**
 * Moves maintenance along scheduled → in_progress → verifying → completed. Starting it puts its
 * components under maintenance; completing it returns those still under maintenance to operational.
 */
export async function addMaintenanceUpdate(db: Db, id: string, input: MaintenanceUpdateCreate) {
  return db.transaction().execute(async (trx) => {
    const at = now();
    await requireIncident(trx, id, 'maintenance');
    const linked = await trx
      .selectFrom('incident_components')
      .innerJoin('components', 'components.id', 'incident_components.component_id')
      .select(['components.id', 'components.status'])
      .where('incident_id', '=', id)
      .execute();
    let statuses: Record<string, ComponentStatus> = {};
    if (input.status === 'in_progress') {
      statuses = Object.fromEntries(linked.map((c) => [c.id, 'under_maintenance' as ComponentStatus]));
    } else if (input.status === 'completed') {
      statuses = Object.fromEntries(
        linked
          .filter((c) => c.status === 'under_maintenance')
          .map((c) => [c.id, 'operational' as ComponentStatus]),
      );
    }
    const affected = await applyComponentStatuses(trx, statuses, at, 'components');
    await trx
      .updateTable('incidents')
      .set({
        status: input.status,
        updated_at: at,
        ...(input.status === 'completed' ? { resolved_at: at } : {}),
      })
      .where('id', '=', id)
      .execute();
    const update = await insertUpdate(trx, id, input.status, input.message, affected, at);
    await enqueueNotice(trx, { kind: 'maintenance', incidentId: id, updateId: update.id });
    await touchPage(trx, at);
    return update;
  });
}
