import { randomBytes } from 'node:crypto';
import type { Kysely, Transaction } from 'kysely';
import { enqueue } from '../delivery/queue.ts';
import { newId } from '../domain/ids.ts';
import { ApiFailure, invalid } from '../http/errors.ts';
import type { Store } from '../store/db.ts';
import type { Database } from '../store/schema.ts';
import type { Scope } from './input.ts';
import { newNonce } from './tokens.ts';

type Db = Kysely<Database>;
type Tx = Transaction<Database>;
export type SubscriptionRow = Database['subscriptions'];
export type SubscriptionView = SubscriptionRow & { targets: string[] };

/** The job that sends a subscription's own mails: the confirmation link, or a "manage" reminder. */
export const SUBSCRIPTION_MAIL_JOB = 'subscription.mail';
export type SubscriptionMail = 'confirm' | 'reminder';
/** A confirmation link older than this no longer works; subscribing again sends a new one. */
const CONFIRM_MS = 48 * 3_600_000;
const HOUR_MS = 3_600_000;

/** Every named component and group must exist; otherwise a 400 naming each unknown id. */
export async function checkScope(db: Db, scope: Scope): Promise<void> {
  const [components, groups] = await Promise.all([
    scope.components.length
      ? db.selectFrom('components').select('id').where('id', 'in', scope.components).execute()
      : [],
    scope.groups.length
      ? db.selectFrom('component_groups').select('id').where('id', 'in', scope.groups).execute()
      : [],
  ]);
  const issues = [
    ...scope.components.flatMap((id, i) =>
      components.some((c) => c.id === id)
        ? []
        : [{ path: `components.${i}`, message: `no component with id ${id}` }],
    ),
    ...scope.groups.flatMap((id, i) =>
      groups.some((g) => g.id === id)
        ? []
        : [{ path: `groups.${i}`, message: `no component group with id ${id}` }],
    ),
  ];
  if (issues.length) throw invalid(issues);
}

async function setScope(trx: Tx, id: string, scope: Scope, at: string): Promise<void> {
  const targets = [...new Set([...scope.components, ...scope.groups])];
  await trx
    .updateTable('subscriptions')
    .set({ all_components: targets.length ? 0 : 1, maintenance: scope.maintenance ? 1 : 0, updated_at: at })
    .where('id', '=', id)
    .execute();
  await trx.deleteFrom('subscription_scopes').where('subscription_id', '=', id).execute();
  if (targets.length) {
    await trx
      .insertInto('subscription_scopes')
      .values(targets.map((target_id) => ({ subscription_id: id, target_id })))
      .execute();
  }
}

/**
 * Handles "subscribe this address": a new or still pending address gets the confirmation link
 * (with the scope asked for); a confirmed one gets a reminder with its manage link and keeps its
 * scope, since whoever asked may not own it. Either way the answer is the same, so it reveals
 * nothing about who is subscribed. At most `mailsPerHour` such mails go to one address an hour.
 */
export async function requestEmail(
  store: Store,
  address: string,
  scope: Scope,
  mailsPerHour: number,
): Promise<void> {
  await store.db.transaction().execute(async (trx) => {
    const now = new Date();
    const at = now.toISOString();
    await trx
      .insertInto('subscriptions')
      .values({
        id: newId(),
        channel: 'email',
        address,
        state: 'pending',
        all_components: 1,
        maintenance: 1,
        confirm_nonce: newNonce(),
        confirm_expires_at: new Date(now.getTime() + CONFIRM_MS).toISOString(),
        secret: null,
        mail_window_at: null,
        mails_in_window: 0,
        created_at: at,
        confirmed_at: null,
        updated_at: at,
      })
      .onConflict((oc) => oc.columns(['channel', 'address']).doNothing())
      .execute();
    let query = trx
      .selectFrom('subscriptions')
      .selectAll()
      .where('channel', '=', 'email')
      .where('address', '=', address);
    // Two requests for one address at once take turns here; SQLite's single writer already does.
    if (store.dialect === 'postgres') query = query.forUpdate();
    const row = await query.executeTakeFirstOrThrow();

    const windowOpen = row.mail_window_at && now.getTime() - Date.parse(row.mail_window_at) < HOUR_MS;
    if (windowOpen && row.mails_in_window >= mailsPerHour) {
      const again = new Date(Date.parse(row.mail_window_at as string) + HOUR_MS);
      const minutes = Math.max(1, Math.ceil((again.getTime() - now.getTime()) / 60_000));
      throw new ApiFailure(
        429,
        'rate_limited',
        `${mailsPerHour} mails were already sent to ${address} in the last hour; check that inbox (and its spam folder), or try again in ${minutes} min`,
      );
    }
    await trx
      .updateTable('subscriptions')
      .set({
        mail_window_at: windowOpen ? row.mail_window_at : at,
        mails_in_window: windowOpen ? row.mails_in_window + 1 : 1,
        updated_at: at,
      })
      .where('id', '=', row.id)
      .execute();

    let mail: SubscriptionMail = 'reminder';
    if (row.state === 'pending') {
      mail = 'confirm';
      await setScope(trx, row.id, scope, at);
      const expired = !row.confirm_nonce || Date.parse(row.confirm_expires_at ?? '') <= now.getTime();
      await trx
        .updateTable('subscriptions')
        .set({
          // Links already mailed keep working until they expire; an expired one is replaced.
          confirm_nonce: expired ? newNonce() : row.confirm_nonce,
          confirm_expires_at: new Date(now.getTime() + CONFIRM_MS).toISOString(),
        })
        .where('id', '=', row.id)
        .execute();
    }
    await enqueue(trx, [{ kind: SUBSCRIPTION_MAIL_JOB, ref_id: row.id, payload: { mail }, max_attempts: 8 }]);
  });
}

/** Confirms a pending subscription once; answers false when the nonce was used or has expired. */
export async function confirmSubscription(db: Db, id: string, nonce: string): Promise<boolean> {
  const at = new Date().toISOString();
  const result = await db
    .updateTable('subscriptions')
    .set({ state: 'active', confirm_nonce: null, confirm_expires_at: null, confirmed_at: at, updated_at: at })
    .where('id', '=', id)
    .where('confirm_nonce', '=', nonce)
    .where('confirm_expires_at', '>', at)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) === 1;
}

/**
 * A webhook is active at once: there is no inbox to confirm, and its receiver proves itself by
 * verifying signatures made with the secret answered here (and nowhere else).
 */
export async function createWebhook(
  db: Db,
  url: string,
  format: 'standard' | 'slack',
  scope: Scope,
): Promise<{ id: string; secret: string }> {
  return db.transaction().execute(async (trx) => {
    const at = new Date().toISOString();
    const id = newId();
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const inserted = await trx
      .insertInto('subscriptions')
      .values({
        id,
        channel: format === 'slack' ? 'slack' : 'webhook',
        address: url,
        state: 'active',
        all_components: 1,
        maintenance: 1,
        confirm_nonce: null,
        confirm_expires_at: null,
        secret,
        mail_window_at: null,
        mails_in_window: 0,
        created_at: at,
        confirmed_at: at,
        updated_at: at,
      })
      .onConflict((oc) => oc.columns(['channel', 'address']).doNothing())
      .executeTakeFirst();
    if (!Number(inserted.numInsertedOrUpdatedRows)) {
      throw new ApiFailure(
        409,
        'already_subscribed',
        'this URL is already subscribed; use its manage link to change it',
      );
    }
    await setScope(trx, id, scope, at);
    return { id, secret };
  });
}

export async function updateScope(db: Db, id: string, scope: Scope): Promise<void> {
  await db.transaction().execute((trx) => setScope(trx, id, scope, new Date().toISOString()));
}

/** Forgets the subscriber (scopes go with it); deliveries already queued find it gone and send nothing. */
export async function removeSubscription(db: Db, id: string): Promise<boolean> {
  const result = await db.deleteFrom('subscriptions').where('id', '=', id).executeTakeFirst();
  return Number(result.numDeletedRows) === 1;
}

export async function loadSubscription(db: Db, id: string): Promise<SubscriptionView | undefined> {
  const row = await db.selectFrom('subscriptions').selectAll().where('id', '=', id).executeTakeFirst();
  if (!row) return undefined;
  const scopes = await db
    .selectFrom('subscription_scopes')
    .select('target_id')
    .where('subscription_id', '=', id)
    .execute();
  return { ...row, targets: scopes.map((s) => s.target_id) };
}

/** The active subscriptions among `ids`, read in one query for a batch of deliveries. */
export async function loadActive(db: Db, ids: string[]): Promise<Map<string, SubscriptionRow>> {
  if (!ids.length) return new Map();
  // By primary key only: a condition on `state` would tempt SQLite to walk the state index instead.
  const rows = await db.selectFrom('subscriptions').selectAll().where('id', 'in', ids).execute();
  return new Map(rows.filter((r) => r.state === 'active').map((r) => [r.id, r]));
}
