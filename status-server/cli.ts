import { z } from 'zod';
import { createToken, listTokens, revokeToken } from './auth/tokens.ts';
import { loadConfig } from './config.ts';
import { openStore } from './store/db.ts';
import { migrateToLatest } from './store/migrations.ts';

const usage = `Usage: npm run token -- <command>
  create <name>   create an admin API token (shown once)
  list            list tokens (never their secret)
  revoke <id>     revoke a token by id`;

const [command, arg] = process.argv.slice(2);
const name = z.string().trim().min(1).max(100);

async function main(): Promise<number> {
  if (!command || command === 'help' || !['create', 'list', 'revoke'].includes(command)) {
    console.log(usage);
    return command && command !== 'help' ? 2 : 0;
  }
  const store = openStore(loadConfig());
  try {
    await migrateToLatest(store.db);
    if (command === 'create') {
      const parsed = name.safeParse(arg);
      if (!parsed.success) {
        console.error('create needs a name for the token, e.g. `npm run token -- create ci-bot`');
        return 2;
      }
      const { id, token } = await createToken(store.db, parsed.data);
      console.log(`Created token ${id} (${parsed.data}):\n\n  ${token}\n\nIt is shown only this once.`);
    } else if (command === 'list') {
      for (const t of await listTokens(store.db)) {
        const state = t.revoked_at ? `revoked ${t.revoked_at}` : `last used ${t.last_used_at ?? 'never'}`;
        console.log(`${t.id}  ${t.name.padEnd(24)} created ${t.created_at}  ${state}`);
      }
    } else {
      if (!arg) {
        console.error('revoke needs a token id (see `npm run token -- list`)');
        return 2;
      }
      const revoked = await revokeToken(store.db, arg);
      console.log(revoked ? `Revoked ${arg}.` : `No live token with id ${arg}.`);
      return revoked ? 0 : 1;
    }
    return 0;
  } finally {
    await store.db.destroy();
  }
}

process.exitCode = await main().catch((err: Error) => {
  console.error(err.message);
  return 1;
});
