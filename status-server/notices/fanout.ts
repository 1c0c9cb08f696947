import { type Expression, type Kysely, type SqlBool, sql, type Transaction } from 'kysely';
import type { ComponentStatus } from '../../shared/schemas/status.ts';
import { newId } from '../domain/ids.ts';
import type { Database } from '../platform/schema.ts';
import { channels as registry } from './channels/registry.ts';

type Tx = Transaction<Database> | Kysely<Database>;

/** The job kind of one notice to one subscriber. */
export const NOTICE_JOB = 'notice';
/** Retries spread over about a day (see `backoffMs`), then the delivery is marked failed. */
const NOTICE_ATTEMPTS = 12;

type NewNotice =
  | { kind: 'incident' | 'maintenance'; incidentId: string; updateId: string }
  | { kind: 'component'; componentId: string; oldStatus: ComponentStatus; newStatus: ComponentStatus };

/**
 * Records a notice and queues one delivery per matching active subscriber, in the caller's
 * transaction, so the update and its deliveries commit together or not at all. One INSERT … SELECT
 * does the fan-out inside the database, however many subscribers there are; each job's id is
 * `<notice>:<subscription>`, so the same notice can never be queued twice for anyone.
 * Answers the notice's id.
 */
export async function enqueueNotice(trx: Tx, notice: NewNotice): Promise<string> {
  const id = newId();
  const now = new Date().toISOString();
  const componentIds =
    notice.kind === 'component'
      ? [notice.componentId]
      : (
          await trx
            .selectFrom('incident_components')
            .select('component_id')
            .where('incident_id', '=', notice.incidentId)
            .execute()
        ).map((r) => r.component_id);
  // A subscription to a group covers the group's members as they are now, added later ones too.
  const groupIds = componentIds.length
    ? (
        await trx
          .selectFrom('components')
          .select('group_id')
          .where('id', 'in', componentIds)
          .where('group_id', 'is not', null)
          .execute()
      ).map((r) => r.group_id as string)
    : [];
  const targets = [...new Set([...componentIds, ...groupIds])];
  // Component changes are machine events: webhooks get them, people's inboxes do not.
  const channels = Object.values(registry)
    .filter((c) => notice.kind !== 'component' || c.componentChanges)
    .map((c) => c.name);

  await trx
    .insertInto('notices')
    .values({
      id,
      kind: notice.kind,
      incident_id: notice.kind === 'component' ? null : notice.incidentId,
      update_id: notice.kind === 'component' ? null : notice.updateId,
      component_id: notice.kind === 'component' ? notice.componentId : null,
      old_status: notice.kind === 'component' ? notice.oldStatus : null,
      new_status: notice.kind === 'component' ? notice.newStatus : null,
      created_at: now,
    })
    .execute();

  const text = (value: string) => sql<string>`cast(${value} as text)`;
  const matching = trx
    .selectFrom('subscriptions as s')
    .select([
      sql<string>`${text(`${id}:`)} || s.id`.as('id'),
      text(NOTICE_JOB).as('kind'),
      text(id).as('ref_id'),
      // Ids are lower-case letters and digits, so they need no escaping inside the JSON.
      sql<string>`${text('{"subscription":"')} || s.id || ${text('"}')}`.as('payload'),
      text('pending').as('state'),
      sql.lit(0).as('attempts'),
      sql.lit(NOTICE_ATTEMPTS).as('max_attempts'),
      text(now).as('run_at'),
      text(now).as('created_at'),
      text(now).as('updated_at'),
    ])
    .where('s.state', '=', 'active')
    .where('s.channel', 'in', channels)
    .where((eb) => {
      const scoped: Expression<SqlBool>[] = [eb('s.all_components', '=', 1)];
      if (targets.length) {
        scoped.push(
          eb.exists(
            eb
              .selectFrom('subscription_scopes as sc')
              .select('sc.target_id')
              .whereRef('sc.subscription_id', '=', 's.id')
              .where('sc.target_id', 'in', targets),
          ),
        );
      }
      return eb.or(scoped);
    });
  await trx
    .insertInto('jobs')
    .columns([
      'id',
      'kind',
      'ref_id',
      'payload',
      'state',
      'attempts',
      'max_attempts',
      'run_at',
      'created_at',
      'updated_at',
    ])
    .expression(notice.kind === 'maintenance' ? matching.where('s.maintenance', '=', 1) : matching)
    .onConflict((oc) => oc.column('id').doNothing())
    .execute();
  return id;
}
