import type { Kysely, Transaction } from 'kysely';
import type {
  ComponentCreate,
  ComponentUpdate,
  GroupCreate,
  GroupUpdate,
  IncidentCreate,
  IncidentResolve,
  IncidentUpdateCreate,
  MaintenanceCreate,
  MaintenanceUpdateCreate,
} from '../../shared/schemas/status.ts';
import { resolutionStatuses } from '../domain/lifecycle.ts';
import { enqueueNotice } from '../notices/fanout.ts';
import type { Database } from '../platform/schema.ts';
import { touchPage } from '../store/page-state.ts';
import * as components from './component-store.ts';
import * as incidents from './incident-store.ts';

type Db = Kysely<Database>;
type Tx = Transaction<Database>;

/**
 * One status write: one transaction, one time, and the page revision bumped in it. The notices a
 * write queues commit with it or not at all. What follows the commit is the service's job.
 */
function write<T>(db: Db, change: (trx: Tx, at: string) => Promise<T>): Promise<T> {
  return db.transaction().execute(async (trx) => {
    const at = new Date().toISOString();
    const result = await change(trx, at);
    await touchPage(trx, at);
    return result;
  });
}

export const createGroup = (db: Db, input: GroupCreate) =>
  write(db, (trx, at) => components.createGroup(trx, input, at));

export const updateGroup = (db: Db, id: string, input: GroupUpdate) =>
  write(db, (trx, at) => components.updateGroup(trx, id, input, at));

export const createComponent = (db: Db, input: ComponentCreate) =>
  write(db, (trx, at) => components.createComponent(trx, input, at));

/** Subscribers hear of a component only when its status changes. */
export const updateComponent = (db: Db, id: string, input: ComponentUpdate) =>
  write(db, async (trx, at) => {
    const { row, previous } = await components.updateComponent(trx, id, input, at);
    if (input.status && input.status !== previous) {
      await enqueueNotice(trx, {
        kind: 'component',
        componentId: id,
        oldStatus: previous,
        newStatus: input.status,
      });
    }
    return row;
  });

/** Answers the new incident's id. */
export const createIncident = (db: Db, input: IncidentCreate) =>
  write(db, async (trx, at) => {
    const { id, updateId } = await incidents.createIncident(trx, input, at);
    await enqueueNotice(trx, { kind: 'incident', incidentId: id, updateId });
    return id;
  });

async function incidentUpdate(trx: Tx, id: string, input: IncidentUpdateCreate, at: string) {
  const update = await incidents.addIncidentUpdate(trx, id, input, at);
  await enqueueNotice(trx, { kind: 'incident', incidentId: id, updateId: update.id });
  return update;
}

export const addIncidentUpdate = (db: Db, id: string, input: IncidentUpdateCreate) =>
  write(db, (trx, at) => incidentUpdate(trx, id, input, at));

/** Resolves an incident: its components go back to operational unless the input says otherwise. */
export const resolveIncident = (db: Db, id: string, input: IncidentResolve & { message: string }) =>
  write(db, async (trx, at) => {
    const statuses = resolutionStatuses(await incidents.linkedComponents(trx, id), input.components);
    return incidentUpdate(trx, id, { status: 'resolved', message: input.message, components: statuses }, at);
  });

/** Answers the new maintenance's id. */
export const createMaintenance = (db: Db, input: MaintenanceCreate) =>
  write(db, async (trx, at) => {
    const { id, updateId } = await incidents.createMaintenance(trx, input, at);
    await enqueueNotice(trx, { kind: 'maintenance', incidentId: id, updateId });
    return id;
  });

export const addMaintenanceUpdate = (db: Db, id: string, input: MaintenanceUpdateCreate) =>
  write(db, async (trx, at) => {
    const update = await incidents.addMaintenanceUpdate(trx, id, input, at);
    await enqueueNotice(trx, { kind: 'maintenance', incidentId: id, updateId: update.id });
    return update;
  });
