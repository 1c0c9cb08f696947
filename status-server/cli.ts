import type { Kysely } from 'kysely';
import { z } from 'zod';
import {
  addConsoleUser,
  consoleEmail,
  listConsoleUsers,
  removeConsoleUser,
  resetConsolePassword,
} from './auth/passwords.ts';
import { createToken, listTokens, revokeToken } from './auth/tokens.ts';
import { loadConfig } from './config.ts';
import { openStore } from './platform/db.ts';
import { migrateToLatest } from './platform/migrations.ts';
import type { Database } from './platform/schema.ts';

const usage = `Usage: npm run admin -- <command>
  create <name>              create an admin API token (shown once)
  list                       list tokens (never their secret)
  revoke <id>                revoke a token by id
  user add <email> [name]    add a support console user with a generated password (shown once)
  user list                  list console users
  user remove <email>        remove a console user and end their sessions
  user password <email>      give a console user a new generated password (shown once)`;

const name = z.string().trim().min(1).max(100);
type Db = Kysely<Database>;

/** Each command answers its exit code: 0 done, 1 nothing to do it on, 2 used wrongly. */
const tokenCommands: Record<string, (db: Db, arg: string | undefined) => Promise<number>> = {
  async create(db, arg) {
    const parsed = name.safeParse(arg);
    if (!parsed.success) {
      console.error('create needs a name for the token, e.g. `npm run admin -- create ci-bot`');
      return 2;
    }
    const { id, token } = await createToken(db, parsed.data);
    console.log(`Created token ${id} (${parsed.data}):\n\n  ${token}\n\nIt is shown only this once.`);
    return 0;
  },
  async list(db) {
    for (const t of await listTokens(db)) {
      const state = t.revoked_at ? `revoked ${t.revoked_at}` : `last used ${t.last_used_at ?? 'never'}`;
      console.log(`${t.id}  ${t.name.padEnd(24)} created ${t.created_at}  ${state}`);
    }
    return 0;
  },
  async revoke(db, arg) {
    if (!arg) {
      console.error('revoke needs a token id (see `npm run admin -- list`)');
      return 2;
    }
    const revoked = await revokeToken(db, arg);
    console.log(revoked ? `Revoked ${arg}.` : `No live token with id ${arg}.`);
    return revoked ? 0 : 1;
  },
};

const userCommands: Record<string, (db: Db, email: string, rest: string[]) => Promise<number>> = {
  async add(db, email, rest) {
    const display = name.safeParse(rest.join(' ') || email.split('@')[0]);
    if (!display.success) {
      console.error('the name must be 1–100 characters');
      return 2;
    }
    const password = await addConsoleUser(db, email, display.data);
    if (!password) {
      console.error(
        `${email} is a console user already; \`user password ${email}\` gives them a new password.`,
      );
      return 1;
    }
    console.log(
      `Added ${email} (${display.data}). Password:\n\n  ${password}\n\nIt is shown only this once.`,
    );
    return 0;
  },
  async remove(db, email) {
    const removed = await removeConsoleUser(db, email);
    console.log(removed ? `Removed ${email}.` : `No console user ${email}.`);
    return removed ? 0 : 1;
  },
  async password(db, email) {
    const password = await resetConsolePassword(db, email);
    if (!password) {
      console.error(`No console user ${email}.`);
      return 1;
    }
    console.log(
      `New password for ${email} (their sessions were ended):\n\n  ${password}\n\nIt is shown only this once.`,
    );
    return 0;
  },
};

async function userCommand(db: Db, args: string[]): Promise<number> {
  const [sub, address, ...rest] = args;
  if (sub === 'list') {
    for (const u of await listConsoleUsers(db)) {
      console.log(
        `${u.email.padEnd(32)} ${u.name.padEnd(24)} created ${u.created_at}  last login ${u.last_login_at ?? 'never'}`,
      );
    }
    return 0;
  }
  const run = sub && Object.hasOwn(userCommands, sub) ? userCommands[sub] : undefined;
  const email = consoleEmail.safeParse(address);
  if (!run || !email.success) {
    console.error(run ? `user ${sub} needs an e-mail address, e.g. ana@example.com` : usage);
    return 2;
  }
  return run(db, email.data, rest);
}

async function main(args: string[]): Promise<number> {
  const [command, ...rest] = args;
  const known = command === 'user' || (command !== undefined && Object.hasOwn(tokenCommands, command));
  if (!known) {
    console.log(usage);
    return command && command !== 'help' ? 2 : 0;
  }
  const store = openStore(loadConfig());
  try {
    await migrateToLatest(store.db);
    return command === 'user'
      ? await userCommand(store.db, rest)
      : await (tokenCommands[command] as (typeof tokenCommands)[string])(store.db, rest[0]);
  } finally {
    await store.close();
  }
}

process.exitCode = await main(process.argv.slice(2)).catch((err: Error) => {
  console.error(err.message);
  return 1;
});
