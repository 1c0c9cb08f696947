import { createHash, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/schema.ts';
import type { ConsoleUser } from './passwords.ts';

type Db = Kysely<Database>;

/** `__Host-`: the browser only keeps it when Secure, on Path=/ and without Domain, so no subdomain can plant one. */
export const SESSION_COOKIE = '__Host-snapdesk_session';
/** A session ends after this long without use. */
export const SESSION_TTL_MS = 12 * 3_600_000;
/** A session's expiry moves forward at most this often, so reading pages does not write on every request. */
const SLIDE_EVERY_MS = 5 * 60_000;

export interface ConsoleSession {
  user: ConsoleUser;
  /** Must come back in the hidden field of every form the session posts. */
  csrfToken: string;
  expiresAt: Date;
}

/** A random token for cookies and forms: 256 bits, URL-safe. */
export const randomToken = () => randomBytes(32).toString('base64url');

/** Only the hash is stored, so a leaked database row cannot be replayed as a cookie. */
const hashId = (id: string) => createHash('sha256').update(id).digest('hex');

/** Constant-time comparison of two tokens, false when either is missing. */
export function sameToken(a: string | undefined, b: string | undefined): boolean {
  if (!a || !b) return false;
  const x = Buffer.from(a);
  const y = Buffer.from(b);
  return x.length === y.length && timingSafeEqual(x, y);
}

/** Starts a session; the returned id goes into the cookie and nowhere else. */
export async function startSession(db: Db, userId: string): Promise<{ id: string; expiresAt: Date }> {
  const id = randomToken();
  const now = new Date();
  const expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
  // Logging in is rare enough to sweep sessions that expired, so the table does not grow forever.
  await db.deleteFrom('console_sessions').where('expires_at', '<', now.toISOString()).execute();
  await db
    .insertInto('console_sessions')
    .values({
      id_hash: hashId(id),
      user_id: userId,
      csrf_token: randomToken(),
      created_at: now.toISOString(),
      expires_at: expiresAt.toISOString(),
    })
    .execute();
  return { id, expiresAt };
}

/**
 * The live session for a cookie value, its expiry pushed forward when due (`renewed` tells the caller
 * to send the cookie again with the new lifetime).
 */
export async function readSession(
  db: Db,
  id: string,
  now = new Date(),
): Promise<(ConsoleSession & { renewed: boolean }) | undefined> {
  const row = await db
    .selectFrom('console_sessions as s')
    .innerJoin('console_users as u', 'u.id', 's.user_id')
    .select(['s.id_hash', 's.csrf_token', 's.expires_at', 'u.id', 'u.email', 'u.name', 'u.locale'])
    .where('s.id_hash', '=', hashId(id))
    .executeTakeFirst();
  if (!row || Date.parse(row.expires_at) <= now.getTime()) return undefined;
  const user = { id: row.id, email: row.email, name: row.name, locale: row.locale };
  let expiresAt = new Date(row.expires_at);
  const renewed = expiresAt.getTime() - now.getTime() < SESSION_TTL_MS - SLIDE_EVERY_MS;
  if (renewed) {
    expiresAt = new Date(now.getTime() + SESSION_TTL_MS);
    await db
      .updateTable('console_sessions')
      .set({ expires_at: expiresAt.toISOString() })
      .where('id_hash', '=', row.id_hash)
      .execute();
  }
  return { user, csrfToken: row.csrf_token, expiresAt, renewed };
}

export async function endSession(db: Db, id: string): Promise<void> {
  await db.deleteFrom('console_sessions').where('id_hash', '=', hashId(id)).execute();
}
