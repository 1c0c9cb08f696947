import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import type { Kysely } from 'kysely';
import type { Database } from '../platform/schema.ts';

type Db = Kysely<Database>;

/**
 * A browser that has logged in to an account before: a random id for the browser, and for each
 * account it logged in to (the latest `MAX_ACCOUNTS`) a tag only the server can make. The login
 * throttle counts failures per such browser instead of per address, so a guesser behind the same proxy
 * as support does not slow support down.
 */
export const DEVICE_COOKIE = '__Host-snapdesk_device';
/** Kept for a year (browsers cap a cookie's life at 400 days); each login renews it. */
export const DEVICE_TTL_S = 365 * 86_400;
const MAX_ACCOUNTS = 5;
const FORMAT = /^[\w-]{22}(?:\.[\w-]{22}){1,5}$/;

/**
 * The tag of a browser for an account. Its key comes from the account's stored password hash: secret,
 * the same on every instance and after restarts, and a new password forgets every browser.
 */
function tagOf(deviceId: string, passwordHash: string): Buffer {
  const key = createHash('sha256').update(`snapdesk device\n${passwordHash}`).digest();
  return createHmac('sha256', key).update(deviceId).digest().subarray(0, 16);
}

async function passwordHashOf(db: Db, email: string): Promise<string | undefined> {
  const row = await db
    .selectFrom('console_users')
    .select('password_hash')
    .where('email', '=', email)
    .executeTakeFirst();
  return row?.password_hash;
}

function parse(cookie: string | undefined): { id: string; tags: string[] } | undefined {
  if (!cookie || !FORMAT.test(cookie)) return undefined;
  const [id = '', ...tags] = cookie.split('.');
  return { id, tags };
}

/** The browser's id when its cookie shows it has logged in to this account before; otherwise undefined. */
export async function knownDevice(
  db: Db,
  email: string,
  cookie: string | undefined,
): Promise<string | undefined> {
  const device = parse(cookie);
  if (!device) return undefined;
  const hash = await passwordHashOf(db, email);
  if (!hash) return undefined;
  // Compared as text: base64url's last character has spare bits, so another spelling decodes alike.
  const expected = Buffer.from(tagOf(device.id, hash).toString('base64url'));
  const known = device.tags.some((tag) => {
    const given = Buffer.from(tag);
    return given.length === expected.length && timingSafeEqual(given, expected);
  });
  return known ? device.id : undefined;
}

/** The cookie's value after logging in to this account: the same browser id, this account's tag first. */
export async function deviceCookieAfterLogin(
  db: Db,
  email: string,
  cookie: string | undefined,
): Promise<string> {
  const device = parse(cookie) ?? { id: randomBytes(16).toString('base64url'), tags: [] };
  const hash = await passwordHashOf(db, email);
  if (!hash) throw new Error(`no console user ${email}`);
  const tag = tagOf(device.id, hash).toString('base64url');
  const tags = [tag, ...device.tags.filter((t) => t !== tag)].slice(0, MAX_ACCOUNTS);
  return [device.id, ...tags].join('.');
}
