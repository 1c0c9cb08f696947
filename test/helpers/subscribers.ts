import type { Kysely } from 'kysely';
import type { ParsedMail } from 'mailparser';
import { expect } from 'vitest';
import { newId } from '../../status-server/domain/ids.ts';
import type { Database } from '../../status-server/platform/schema.ts';
import type { HookReceiver } from './hook-receiver.ts';
import type { MailSink } from './mail-sink.ts';
import type { NoticeServer } from './notice-server.ts';

/** The first link in a mail's text whose path starts with `prefix`. */
export function linkIn(text: string | undefined, prefix: string): string {
  const found = (text ?? '').match(/https?:\/\/\S+/g)?.find((u) => new URL(u).pathname.startsWith(prefix));
  if (!found) throw new Error(`no ${prefix} link in:\n${text}`);
  return found;
}

/** A raw header line of a parsed mail, e.g. `List-Unsubscribe: <…>` → `<…>`. */
export function rawHeader(
  mail: Pick<ParsedMail, 'headerLines'> | undefined,
  name: string,
): string | undefined {
  const line = mail?.headerLines.find((h) => h.key === name.toLowerCase())?.line;
  return line?.slice(line.indexOf(':') + 1).trim();
}

/** The action of the page's only (or first) POST form, as a path. */
export function formAction(page: string): string {
  const action = /<form method="post" action="([^"]+)"/.exec(page)?.[1];
  if (!action) throw new Error(`no form on the page:\n${page}`);
  return action.replace(/&amp;/g, '&');
}

export const post = (server: NoticeServer, path: string, body: unknown) =>
  server.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: typeof body === 'string' ? body : JSON.stringify(body),
  });

export const postForm = (server: NoticeServer, path: string, fields: [string, string][] = []) =>
  server.request(path, {
    method: 'POST',
    headers: { 'content-type': 'application/x-www-form-urlencoded' },
    body: new URLSearchParams(fields).toString(),
  });

/**
 * Subscribes an address the way a person does: the API request, the confirmation mail, its link,
 * and the button on the page it opens.
 */
export async function subscribeEmail(
  server: NoticeServer,
  sink: MailSink,
  email: string,
  scope: Record<string, unknown> = {},
): Promise<void> {
  const res = await post(server, '/api/subscriptions', { email, ...scope });
  expect(res.status).toBe(202);
  await server.worker.drain();
  await confirmByMail(server, sink, email);
}

/** Follows the last confirmation mail's link and presses its button; answers the confirmed page. */
export async function confirmByMail(server: NoticeServer, sink: MailSink, email: string): Promise<string> {
  const mail = sink.to(email).at(-1);
  const page = await server.request(linkIn(mail?.text, '/subscriptions/confirm/'));
  expect(page.status).toBe(200);
  const done = await server.request(formAction(await page.text()), { method: 'POST' });
  expect(done.status).toBe(200);
  return done.text();
}

/** The confirmation link a verification request carries: `data.confirm_url`, or Slack's `<url|…>`. */
export function verifyLink(body: string | undefined): string {
  const json = JSON.parse(body ?? '{}');
  const link: unknown =
    json.data?.confirm_url ?? /<(https?:\/\/[^|>]+)\|/.exec(json.blocks?.[0]?.text?.text ?? '')?.[1];
  if (typeof link !== 'string') throw new Error(`no confirmation link in:\n${body}`);
  return link;
}

export async function subscriptionState(server: NoticeServer, id: string) {
  const row = await server.running.store.db
    .selectFrom('subscriptions')
    .select('state')
    .where('id', '=', id)
    .executeTakeFirst();
  return row?.state;
}

/**
 * Adds a webhook on the hook receiver the way its owner does: the public request, then the
 * verification request, which the receiver answers with its challenge (unless told otherwise), or
 * whose link is opened and confirmed, as a person in a chat channel would. Answers the API's answer.
 */
export async function addVerifiedWebhook(
  server: NoticeServer,
  hooks: HookReceiver,
  path: string,
  body: Record<string, unknown> = {},
) {
  const res = await post(server, '/api/subscriptions', { webhook_url: `${hooks.url}${path}`, ...body });
  expect(res.status).toBe(202);
  const added = (await res.json()) as {
    subscription: { id: string; state: string };
    secret: string;
    manage_url: string;
    unsubscribe_url: string;
  };
  expect(added.subscription.state).toBe('pending');
  hooks.state.secrets.set(path, added.secret);
  await server.worker.drain();
  if ((await subscriptionState(server, added.subscription.id)) === 'pending') {
    const request = hooks.deliveries.filter((d) => d.path === path && d.verification).at(-1);
    const page = await server.request(verifyLink(request?.body));
    expect(page.status).toBe(200);
    expect((await server.request(formAction(await page.text()), { method: 'POST' })).status).toBe(200);
  }
  expect(await subscriptionState(server, added.subscription.id)).toBe('active');
  return added;
}

/** Publishes an incident through the admin API; answers its id. */
export async function publishIncident(server: NoticeServer, body: Record<string, unknown>): Promise<string> {
  const res = await server.admin('POST', '/incidents', { message: 'We are looking into it.', ...body });
  expect(res.status).toBe(201);
  return (await res.json()).incident.id;
}

export async function createComponent(server: NoticeServer, body: Record<string, unknown>): Promise<string> {
  const res = await server.admin('POST', '/components', body);
  expect(res.status).toBe(201);
  return (await res.json()).component.id;
}

/** Confirmed e-mail subscribers to everything, inserted directly: for fan-outs of many. */
export async function insertSubscribers(db: Kysely<Database>, addresses: string[]): Promise<void> {
  const at = new Date().toISOString();
  for (let i = 0; i < addresses.length; i += 2_000) {
    await db
      .insertInto('subscriptions')
      .values(
        addresses.slice(i, i + 2_000).map((address) => ({
          id: newId(),
          channel: 'email' as const,
          address,
          state: 'active' as const,
          all_components: 1,
          maintenance: 1,
          confirm_nonce: null,
          confirm_expires_at: null,
          secret: null,
          mail_window_at: null,
          mails_in_window: 0,
          created_at: at,
          confirmed_at: at,
          updated_at: at,
        })),
      )
      .execute();
  }
}

export async function countRows(
  db: Kysely<Database>,
  table: 'subscriptions' | 'jobs' | 'subscription_scopes',
) {
  const row = await db
    .selectFrom(table)
    .select((eb) => eb.fn.countAll().as('n'))
    .executeTakeFirstOrThrow();
  return Number(row.n);
}
