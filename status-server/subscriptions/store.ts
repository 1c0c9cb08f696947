import { randomBytes } from 'node:crypto';
import { type Kysely, sql, type Transaction } from 'kysely';
import { WEBHOOK_CHANNELS } from '../domain/channels.ts';
import { Conflict, Invalid, RateLimited } from '../domain/errors.ts';
import { newId } from '../domain/ids.ts';
import type { Store } from '../platform/db.ts';
import { enqueue } from '../platform/jobs/queue.ts';
import type { Database } from '../platform/schema.ts';
import type { ChoicesUpdate, Scope } from './input.ts';
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
/**
 * The job that asks a public webhook's receiver to prove it wants our notices: a signed
 * `subscription.verify` request with a challenge to echo and a confirmation link.
 */
export const SUBSCRIPTION_VERIFY_JOB = 'subscription.verify';
/**
 * How long a public webhook has to answer its verification request or have its link followed. A
 * machine answers within seconds; a person confirming from a chat channel does so the same day.
 * Until then the URL cannot be subscribed again, so the window is kept well short of the mail's.
 */
export const VERIFY_MS = 24 * HOUR_MS;
/** The verification request is retried for about ten minutes (see `backoffMs`), then given up. */
const VERIFY_ATTEMPTS = 8;

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
  if (issues.length) throw new Invalid(issues);
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
 * (with the scope and language asked for); a confirmed one gets a reminder with its manage link, in
 * its own language, and keeps its choices, since whoever asked may not own it. Either way the answer
 * is the same, so it reveals nothing about who is subscribed. At most `mailsPerHour` such mails go
 * to one address an hour.
 */
export async function requestEmail(
  store: Store,
  address: string,
  choices: Scope & { locale: string },
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
        locale: choices.locale,
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
      throw new RateLimited(
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
      await setScope(trx, row.id, choices, at);
      const expired = !row.confirm_nonce || Date.parse(row.confirm_expires_at ?? '') <= now.getTime();
      await trx
        .updateTable('subscriptions')
        .set({
          locale: choices.locale,
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

export interface NewWebhook {
  url: string;
  format: 'standard' | 'slack';
  scope: Scope;
  /** The language of its human-readable parts: Slack's messages, the JSON's status description. */
  locale: string;
  /**
   * For a request from the public form or API: the endpoint as compared for duplicates, and
   * whether it must still prove control (pending, with a verification request queued). The host it
   * counts against, or null when the per-host limit does not apply, and that limit.
   * Without it (an admin adding a receiver) the webhook is trusted: active at once, compared as written.
   */
  public?: { key: string; verify: boolean; host: string | null; perHost: number };
}

/**
 * Stores a webhook subscription with a fresh signing secret, answered here and nowhere else. A
 * trusted or already proven one is active at once; one still to verify stays pending, gets no
 * notices, and has its verification request queued in the same transaction.
 */
export async function createWebhook(
  store: Store,
  w: NewWebhook,
): Promise<{ id: string; secret: string; state: 'active' | 'pending'; expiresAt: string | null }> {
  const { db } = store;
  const now = new Date();
  const at = now.toISOString();
  const p = w.public;
  if (p) {
    // Subscribing is rare enough to sweep the public webhooks whose verification ran out.
    await db
      .deleteFrom('subscriptions')
      .where('state', '=', 'pending')
      .where('channel', 'in', WEBHOOK_CHANNELS)
      .where('confirm_expires_at', '<=', at)
      .execute();
  }
  const pending = p?.verify === true;
  const expiresAt = pending ? new Date(now.getTime() + VERIFY_MS).toISOString() : null;
  return db.transaction().execute(async (trx) => {
    if (p) await checkPublicWebhook(store, trx, p, at);
    const id = newId();
    const secret = `whsec_${randomBytes(32).toString('base64')}`;
    const inserted = await trx
      .insertInto('subscriptions')
      .values({
        id,
        channel: w.format === 'slack' ? 'slack' : 'webhook',
        address: w.url,
        state: pending ? 'pending' : 'active',
        all_components: 1,
        maintenance: 1,
        confirm_nonce: pending ? newNonce() : null,
        confirm_expires_at: expiresAt,
        secret,
        mail_window_at: null,
        mails_in_window: 0,
        created_at: at,
        confirmed_at: pending ? null : at,
        updated_at: at,
        target_key: p?.key ?? null,
        target_host: p?.host ?? null,
        locale: w.locale,
      })
      // Either unique rule: the URL as written per channel, or (public) the endpoint it names.
      .onConflict((oc) => oc.doNothing())
      .executeTakeFirst();
    if (!Number(inserted.numInsertedOrUpdatedRows)) {
      // Another request for the same endpoint committed first; the check above had not seen it.
      throw (p && (await endpointTaken(trx, p.key, at))) ?? alreadySubscribed();
    }
    await setScope(trx, id, w.scope, at);
    if (pending) {
      await enqueue(trx, [
        { kind: SUBSCRIPTION_VERIFY_JOB, ref_id: id, payload: {}, max_attempts: VERIFY_ATTEMPTS },
      ]);
    }
    return { id, secret, state: pending ? 'pending' : 'active', expiresAt };
  });
}

const alreadySubscribed = () =>
  new Conflict('already_subscribed', 'this URL is already subscribed; use its manage link to change it');

/**
 * Why a public request for this endpoint is refused, or undefined when no subscription holds it
 * (one whose verification ran out no longer does).
 */
async function endpointTaken(trx: Tx, key: string, at: string): Promise<Conflict | undefined> {
  const row = await trx
    .selectFrom('subscriptions')
    .select(['state', 'confirm_expires_at'])
    .where('target_key', '=', key)
    .executeTakeFirst();
  if (!row) return undefined;
  if (row.state === 'active') return alreadySubscribed();
  if ((row.confirm_expires_at ?? '') <= at) return undefined;
  return new Conflict(
    'verification_pending',
    `a subscription for this URL is waiting for its receiver to answer the verification request posted to it, or for the confirmation link in that request to be followed, until ${row.confirm_expires_at}; the URL can be subscribed again after that`,
  );
}

/**
 * A public webhook may not name an endpoint that already has a subscription (the query does not
 * count, see `webhookKey`), nor push its host over the limit; either is a 409 that stores nothing.
 */
async function checkPublicWebhook(
  store: Store,
  trx: Tx,
  p: NonNullable<NewWebhook['public']>,
  at: string,
): Promise<void> {
  const taken = await endpointTaken(trx, p.key, at);
  if (taken) throw taken;
  // One that expired in the moment since the sweep: its endpoint is free again.
  await trx
    .deleteFrom('subscriptions')
    .where('target_key', '=', p.key)
    .where('state', '=', 'pending')
    .where('confirm_expires_at', '<=', at)
    .execute();
  if (p.host === null) return;
  // Two requests for one host at once take turns here, so neither can pass the limit unseen;
  // SQLite's single writer already does.
  if (store.dialect === 'postgres') {
    await sql`select pg_advisory_xact_lock(hashtext(${`webhook-host:${p.host}`}))`.execute(trx);
  }
  const { n } = await trx
    .selectFrom('subscriptions')
    .select((eb) => eb.fn.countAll<number | string>().as('n'))
    .where('target_host', '=', p.host)
    .where((eb) => eb.or([eb('state', '=', 'active'), eb('confirm_expires_at', '>', at)]))
    .executeTakeFirstOrThrow();
  if (Number(n) >= p.perHost) {
    throw new Conflict(
      'too_many_for_host',
      `${p.perHost} webhook subscriptions already post to ${p.host}, the most this page accepts for one host; ask its administrators to add yours`,
    );
  }
}

/** The manage page's choices: the scope, and the language when one is given. */
export async function updateChoices(db: Db, id: string, choices: ChoicesUpdate): Promise<void> {
  await db.transaction().execute(async (trx) => {
    await setScope(trx, id, choices, new Date().toISOString());
    if (choices.locale !== undefined) {
      await trx.updateTable('subscriptions').set({ locale: choices.locale }).where('id', '=', id).execute();
    }
  });
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
