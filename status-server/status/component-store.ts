import type { Transaction } from 'kysely';
import type {
  ComponentCreate,
  ComponentStatus,
  ComponentUpdate,
  GroupCreate,
  GroupUpdate,
} from '../../shared/schemas/status.ts';
import { Invalid, NotFound } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { AffectedComponent } from '../domain/lifecycle.ts';
import type { Database } from '../platform/schema.ts';

// Components and their groups, written inside the caller's transaction at the caller's time `at`.
type Tx = Transaction<Database>;

const flag = (b: boolean | undefined, fallback: boolean) => ((b ?? fallback) ? 1 : 0);

async function requireGroup(trx: Tx, id: string, field: string): Promise<void> {
  const found = await trx.selectFrom('component_groups').select('id').where('id', '=', id).executeTakeFirst();
  if (!found) throw new Invalid([{ path: field, message: `no component group with id ${id}` }]);
}

/** Where a new row goes when no position is given: after every row already in `table`. */
async function nextPosition(trx: Tx, table: 'component_groups' | 'components'): Promise<number> {
  const { n } = await trx
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(n);
}

export async function createGroup(trx: Tx, input: GroupCreate, at: string) {
  const row = {
    id: newId(),
    name: input.name,
    description: input.description ?? null,
    position: input.position ?? (await nextPosition(trx, 'component_groups')),
    created_at: at,
    updated_at: at,
  };
  await trx.insertInto('component_groups').values(row).execute();
  return row;
}

export async function updateGroup(trx: Tx, id: string, input: GroupUpdate, at: string) {
  const result = await trx
    .updateTable('component_groups')
    .set({ ...input, updated_at: at })
    .where('id', '=', id)
    .returningAll()
    .executeTakeFirst();
  if (!result) throw new NotFound('component group', id);
  return result;
}

async function recordStatus(trx: Tx, componentId: string, status: ComponentStatus, at: string) {
  await trx
    .insertInto('component_status_changes')
    .values({ id: newId(), component_id: componentId, status, at })
    .execute();
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

export async function createComponent(trx: Tx, input: ComponentCreate, at: string) {
  if (input.group_id) await requireGroup(trx, input.group_id, 'group_id');
  const row = {
    id: newId(),
    group_id: input.group_id ?? null,
    name: input.name,
    description: input.description ?? null,
    status: input.status ?? 'operational',
    position: input.position ?? (await nextPosition(trx, 'components')),
    only_show_if_degraded: flag(input.only_show_if_degraded, false),
    showcase: flag(input.showcase, true),
    created_at: at,
    updated_at: at,
  } as const;
  await trx.insertInto('components').values(row).execute();
  await setHosts(trx, row.id, input.hosts ?? []);
  await recordStatus(trx, row.id, row.status, at);
  return { ...row, hosts: [...new Set(input.hosts ?? [])] };
}

/** Answers the updated row and the status it had before, so the caller can tell subscribers of a change. */
export async function updateComponent(trx: Tx, id: string, input: ComponentUpdate, at: string) {
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
  if (input.status && input.status !== current.status) await recordStatus(trx, id, input.status, at);
  return { row, previous: current.status };
}

/**
 * Applies `{ componentId: status }` and returns what changed, in the status-page API's
 * `affected_components` form. Unknown ids are a client error naming the field.
 */
export async function applyComponentStatuses(
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
