import type { Transaction } from 'kysely';
import type {
  IncidentCreate,
  IncidentUpdateCreate,
  MaintenanceCreate,
  MaintenanceUpdateCreate,
} from '../../shared/schemas/status.ts';
import { Invalid, NotFound } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import { type AffectedComponent, incidentTimes, maintenanceStatuses } from '../domain/lifecycle.ts';
import type { Database } from '../platform/schema.ts';
import { applyComponentStatuses } from './component-store.ts';

// Incidents and maintenance, written inside the caller's transaction at the caller's time `at`.
type Tx = Transaction<Database>;

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

/** The ids of the components an incident or maintenance names. */
export async function linkedComponents(trx: Tx, incidentId: string): Promise<string[]> {
  const rows = await trx
    .selectFrom('incident_components')
    .select('component_id')
    .where('incident_id', '=', incidentId)
    .execute();
  return rows.map((r) => r.component_id);
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

/** Answers the new incident's id and its first update's, which subscribers are told of. */
export async function createIncident(trx: Tx, input: IncidentCreate, at: string) {
  const id = newId();
  const none = { monitoring_at: null, resolved_at: null };
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
      ...none,
      ...incidentTimes(none, input.status, at),
      scheduled_for: null,
      scheduled_until: null,
    })
    .execute();
  const affected = await applyComponentStatuses(trx, input.components, at, 'components');
  await linkComponents(trx, id, Object.keys(input.components));
  const update = await insertUpdate(trx, id, input.status, input.message, affected, at);
  return { id, updateId: update.id };
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

export async function addIncidentUpdate(trx: Tx, id: string, input: IncidentUpdateCreate, at: string) {
  const incident = await requireIncident(trx, id, 'incident');
  const affected = await applyComponentStatuses(trx, input.components, at, 'components');
  await linkComponents(trx, id, Object.keys(input.components));
  await trx
    .updateTable('incidents')
    .set({
      status: input.status,
      updated_at: at,
      ...(input.impact ? { impact: input.impact } : {}),
      ...incidentTimes(incident, input.status, at),
    })
    .where('id', '=', id)
    .execute();
  return insertUpdate(trx, id, input.status, input.message, affected, at);
}

/** Answers the new maintenance's id and its first update's, which subscribers are told of. */
export async function createMaintenance(trx: Tx, input: MaintenanceCreate, at: string) {
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
  return { id, updateId: update.id };
}

/** The next step of a maintenance, with what it does to its components (see `maintenanceStatuses`). */
export async function addMaintenanceUpdate(trx: Tx, id: string, input: MaintenanceUpdateCreate, at: string) {
  await requireIncident(trx, id, 'maintenance');
  const linked = await trx
    .selectFrom('incident_components')
    .innerJoin('components', 'components.id', 'incident_components.component_id')
    .select(['components.id', 'components.status'])
    .where('incident_id', '=', id)
    .execute();
  const statuses = maintenanceStatuses(input.status, linked);
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
  return insertUpdate(trx, id, input.status, input.message, affected, at);
}
