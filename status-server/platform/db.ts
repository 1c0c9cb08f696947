import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { Kysely, PostgresDialect, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';
export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /** Closes every connection and resolves once each is really closed, not only asked to close. */
  close(): Promise<void>;
}

/** Opens SQLite at `sqlitePath` (the embedded default) or PostgreSQL when `databaseUrl` is given. */
export function openStore(options: { databaseUrl?: string; sqlitePath: string }): Store {
  if (options.databaseUrl) {
    const pool = new pg.Pool({ connectionString: options.databaseUrl, max: 10 });
    // An idle connection the server drops (restart, failover) must not crash the process; the pool
    // replaces it on next use.
    pool.on('error', (err) => console.error('PostgreSQL connection lost:', err.message));
    // `pool.end()` resolves when it has asked each connection to close, before the server has seen
    // them go; whoever drops or reuses the database next must not find them still there.
    const open = new Set<Promise<void>>();
    pool.on('connect', (client) => {
      const closed = new Promise<void>((resolve) => client.once('end', resolve));
      open.add(closed);
      void closed.then(() => open.delete(closed));
    });
    const db = new Kysely<Database>({ dialect: new PostgresDialect({ pool }) });
    return {
      db,
      dialect: 'postgres',
      async close() {
        await db.destroy();
        await Promise.all(open);
      },
    };
  }
  if (options.sqlitePath !== ':memory:') mkdirSync(dirname(options.sqlitePath), { recursive: true });
  const sqlite = new SQLite(options.sqlitePath);
  // WAL lets readers (page snapshots) run while a writer commits; foreign keys are off by default.
  sqlite.pragma('journal_mode = WAL');
  sqlite.pragma('foreign_keys = ON');
  sqlite.pragma('busy_timeout = 5000');
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: sqlite }) });
  return { db, dialect: 'sqlite', close: () => db.destroy() };
}
