import { createHash, randomBytes } from 'node:crypto';
import type { Kysely } from 'kysely';
import { newId } from '../domain/ids.ts';
import type { Database } from '../platform/schema.ts';

type Db = Kysely<Database>;
const PREFIX = 'sdk_';

/**
 * Tokens are 32 random bytes, so a plain SHA-256 is enough to store them: there is nothing to
 * brute-force, unlike a password. Only the hash is kept; the token is shown once.
 */
export const hashToken = (token: string) => createHash('sha256').update(token).digest('hex');

export async function createToken(db: Db, name: string): Promise<{ id: string; token: string }> {
  const token = PREFIX + randomBytes(32).toString('base64url');
  const id = newId();
  await db
    .insertInto('admin_tokens')
    .values({
      id,
      name,
      token_hash: hashToken(token),
      created_at: new Date().toISOString(),
      last_used_at: null,
      revoked_at: null,
    })
    .execute();
  return { id, token };
}

/** Revokes by id; answers whether a live token was revoked. */
export async function revokeToken(db: Db, id: string): Promise<boolean> {
  const result = await db
    .updateTable('admin_tokens')
    .set({ revoked_at: new Date().toISOString() })
    .where('id', '=', id)
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  return Number(result.numUpdatedRows) > 0;
}

export async function listTokens(db: Db) {
  return db
    .selectFrom('admin_tokens')
    .select(['id', 'name', 'created_at', 'last_used_at', 'revoked_at'])
    .orderBy('created_at')
    .orderBy('id')
    .execute();
}

export async function hasLiveToken(db: Db): Promise<boolean> {
  return !!(await db
    .selectFrom('admin_tokens')
    .select('id')
    .where('revoked_at', 'is', null)
    .executeTakeFirst());
}

/** The live token's id, or undefined; records when it was last used (at most once a minute). */
export async function verifyToken(db: Db, token: string): Promise<string | undefined> {
  if (!token.startsWith(PREFIX) || token.length > 200) return undefined;
  const row = await db
    .selectFrom('admin_tokens')
    .select(['id', 'last_used_at'])
    .where('token_hash', '=', hashToken(token))
    .where('revoked_at', 'is', null)
    .executeTakeFirst();
  if (!row) return undefined;
  const now = new Date();
  if (!row.last_used_at || now.getTime() - Date.parse(row.last_used_at) > 60_000) {
    await db
      .updateTable('admin_tokens')
      .set({ last_used_at: now.toISOString() })
      .where('id', '=', row.id)
      .execute();
  }
  return row.id;
}
