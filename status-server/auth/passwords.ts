import { randomBytes, scrypt, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import { z } from 'zod';
import { wellFormed } from '../../shared/schemas/text.ts';
import { newId } from '../domain/ids.ts';
import type { Database } from '../platform/schema.ts';

type Db = Kysely<Database>;

/**
 * A console login name. Looser than `z.email()` on purpose: the first user is `admin@localhost`, and
 * the address is only an identifier here, never mailed.
 */
export const consoleEmail = wellFormed(z.string())
  .trim()
  .toLowerCase()
  .max(254)
  .regex(/^[^\s@]+@[^\s@]+$/, 'must be an e-mail address such as ana@example.com');

/**
 * scrypt cost: N = 2^15, r = 8 is 32 MiB and some tens of milliseconds per check, which a small host
 * can afford for a few logins at once. It is stored with every hash, so raising it later leaves the
 * old hashes verifiable.
 */
const COST = { N: 2 ** 15, r: 8, p: 1 } as const;
const KEY_BYTES = 32;
const SALT_BYTES = 16;
const FORMAT = /^scrypt\$(\d{1,8})\$(\d{1,3})\$(\d{1,3})\$([\w-]{16,})\$([\w-]{16,})$/;

function derive(password: string, salt: Buffer, cost: { N: number; r: number; p: number }): Promise<Buffer> {
  return new Promise((resolve, reject) => {
    // Unicode-normalised, so the same password typed on another keyboard layout still matches.
    scrypt(
      password.normalize('NFKC'),
      salt,
      KEY_BYTES,
      { ...cost, maxmem: 256 * cost.N * cost.r },
      (err, key) => (err ? reject(err) : resolve(key)),
    );
  });
}

/** `scrypt$N$r$p$salt$key`, salt and key in base64url. */
export async function hashPassword(password: string): Promise<string> {
  const salt = randomBytes(SALT_BYTES);
  const key = await derive(password, salt, COST);
  return `scrypt$${COST.N}$${COST.r}$${COST.p}$${salt.toString('base64url')}$${key.toString('base64url')}`;
}

export async function verifyPassword(password: string, stored: string): Promise<boolean> {
  const m = FORMAT.exec(stored);
  if (!m) return false;
  const cost = { N: Number(m[1]), r: Number(m[2]), p: Number(m[3]) };
  const expected = Buffer.from(m[5] as string, 'base64url');
  const actual = await derive(password, Buffer.from(m[4] as string, 'base64url'), cost);
  return actual.length === expected.length && timingSafeEqual(actual, expected);
}

/** 144 random bits: nobody types it twice, a password manager keeps it. */
export const generatePassword = () => randomBytes(18).toString('base64url');

/** Checked when an e-mail is unknown, so a wrong address costs as long as a wrong password. */
let decoy: Promise<string> | undefined;
const decoyHash = () => {
  decoy ??= hashPassword(generatePassword());
  return decoy;
};

export interface ConsoleUser {
  id: string;
  email: string;
  name: string;
  /** The console's language this person chose; null: from their browser. */
  locale: string | null;
}

/** The user whose e-mail and password these are, or undefined; records the login time on success. */
export async function checkLogin(db: Db, email: string, password: string): Promise<ConsoleUser | undefined> {
  const row = await db
    .selectFrom('console_users')
    .select(['id', 'email', 'name', 'password_hash', 'locale'])
    .where('email', '=', email.trim().toLowerCase())
    .executeTakeFirst();
  const ok = await verifyPassword(password, row?.password_hash ?? (await decoyHash()));
  if (!row || !ok) return undefined;
  await db
    .updateTable('console_users')
    .set({ last_login_at: new Date().toISOString() })
    .where('id', '=', row.id)
    .execute();
  return { id: row.id, email: row.email, name: row.name, locale: row.locale };
}

/** Keeps the console's language a person chose (null: follow their browser's). */
export async function setConsoleLocale(db: Db, userId: string, locale: string | null): Promise<void> {
  await db.updateTable('console_users').set({ locale }).where('id', '=', userId).execute();
}

/** Adds a user with a generated password, returned once; undefined when the e-mail is taken. */
export async function addConsoleUser(db: Db, email: string, name: string): Promise<string | undefined> {
  const taken = await db
    .selectFrom('console_users')
    .select('id')
    .where('email', '=', email)
    .executeTakeFirst();
  if (taken) return undefined;
  const password = generatePassword();
  // Two instances starting together on one database both find no user: the second insert yields.
  const added = await db
    .insertInto('console_users')
    .values({
      id: newId(),
      email,
      name,
      password_hash: await hashPassword(password),
      created_at: new Date().toISOString(),
      last_login_at: null,
      locale: null,
    })
    .onConflict((oc) => oc.column('email').doNothing())
    .executeTakeFirst();
  return Number(added.numInsertedOrUpdatedRows ?? 0) === 1 ? password : undefined;
}

/** Gives the user a new generated password and ends their sessions; undefined when unknown. */
export async function resetConsolePassword(db: Db, email: string): Promise<string | undefined> {
  const password = generatePassword();
  const hash = await hashPassword(password);
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .updateTable('console_users')
      .set({ password_hash: hash })
      .where('email', '=', email)
      .returning('id')
      .executeTakeFirst();
    if (!user) return undefined;
    await trx.deleteFrom('console_sessions').where('user_id', '=', user.id).execute();
    return password;
  });
}

/** Removes a user; their sessions go with them (the foreign key cascades, and we delete them anyway). */
export async function removeConsoleUser(db: Db, email: string): Promise<boolean> {
  return db.transaction().execute(async (trx) => {
    const user = await trx
      .selectFrom('console_users')
      .select('id')
      .where('email', '=', email)
      .executeTakeFirst();
    if (!user) return false;
    await trx.deleteFrom('console_sessions').where('user_id', '=', user.id).execute();
    await trx.deleteFrom('console_users').where('id', '=', user.id).execute();
    return true;
  });
}

export async function listConsoleUsers(db: Db) {
  return db
    .selectFrom('console_users')
    .select(['email', 'name', 'created_at', 'last_login_at'])
    .orderBy('email')
    .execute();
}

const FIRST_USER_EMAIL = 'admin@localhost';

/**
 * On a fresh install nobody could log in to the console, so the first start makes `admin@localhost`
 * with a random password for the operator to read once from the log.
 */
export async function ensureFirstConsoleUser(
  db: Db,
): Promise<{ email: string; password: string } | undefined> {
  const any = await db.selectFrom('console_users').select('id').limit(1).executeTakeFirst();
  if (any) return undefined;
  const password = await addConsoleUser(db, FIRST_USER_EMAIL, 'Administrator');
  return password ? { email: FIRST_USER_EMAIL, password } : undefined;
}
