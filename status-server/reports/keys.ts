import { createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/schema.ts';

/**
 * A secret the server makes on first use and keeps in the database, so every instance sharing the
 * database signs and checks alike. Two instances racing to make it keep whichever was stored first.
 * A key never changes once stored, so each process reads it once per database (a failed read is
 * tried again next time): every report's answer and every reporter's call signs or checks with one.
 */
export function serverKey(db: Kysely<Database>, name: string): Promise<Buffer> {
  let keys = known.get(db);
  if (!keys) {
    keys = new Map();
    known.set(db, keys);
  }
  let key = keys.get(name);
  if (!key) {
    const kept = keys;
    key = readOrMake(db, name);
    kept.set(name, key);
    key.catch(() => kept.delete(name));
  }
  return key;
}

const known = new WeakMap<Kysely<Database>, Map<string, Promise<Buffer>>>();

async function readOrMake(db: Kysely<Database>, name: string): Promise<Buffer> {
  const read = () => db.selectFrom('server_keys').select('value').where('name', '=', name).executeTakeFirst();
  let row = await read();
  if (!row) {
    await db
      .insertInto('server_keys')
      .values({ name, value: randomBytes(32).toString('base64url') })
      .onConflict((oc) => oc.column('name').doNothing())
      .execute();
    row = await read();
  }
  return Buffer.from((row as { value: string }).value, 'base64url');
}

/** Signs `parts` for use in a URL or as a bearer secret: HMAC-SHA256, base64url, 32 characters. */
export function sign(key: Buffer, ...parts: (string | number)[]): string {
  return createHmac('sha256', key).update(parts.join('\n')).digest('base64url').slice(0, 32);
}

export function verify(key: Buffer, given: string, ...parts: (string | number)[]): boolean {
  const expected = Buffer.from(sign(key, ...parts));
  const actual = Buffer.from(given);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/**
 * `verify` with one key, remembering the last `size` signatures it found good: browsers show the
 * same secrets with every poll, and an HMAC costs more than the lookup (about a twentieth of the
 * batched status call). Only good ones are kept, so wrong guesses cannot push them out.
 */
export function rememberingVerifier(key: Buffer, size: number) {
  const good = new Set<string>();
  return (given: string, ...parts: (string | number)[]): boolean => {
    const entry = `${parts.join('\n')}\n${given}`;
    if (good.has(entry)) return true;
    if (!verify(key, given, ...parts)) return false;
    if (good.size >= size) good.delete(good.values().next().value as string);
    good.add(entry);
    return true;
  };
}

/** `<id>.<signature>`: the token of a link about one row, which cannot be turned into another row's. */
const linkTokenForm = /^([a-z0-9]{12})\.([A-Za-z0-9_-]{32})$/;

/** The token of a link for `purpose` about the row `id`: the id, and the server's signature of both. */
export const linkToken = (key: Buffer, purpose: string, id: string): string =>
  `${id}.${sign(key, purpose, id)}`;

/** Reads a link token's parts; undefined when it is not of the form any link of ours has. */
export function parseLinkToken(token: string): { id: string; signature: string } | undefined {
  const m = linkTokenForm.exec(token);
  return m ? { id: m[1] as string, signature: m[2] as string } : undefined;
}
