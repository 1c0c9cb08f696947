import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import SQLite from 'better-sqlite3';
import { CompiledQuery, Kysely, PostgresDialect, type SqliteDatabase, SqliteDialect } from 'kysely';
import pg from 'pg';
import type { Database } from './schema.ts';

export type Dialect = 'sqlite' | 'postgres';
/** A read's SQL, built once (with kysely's builder, `.compile()`), and this run's parameters. */
export interface Read {
  sql: string;
  parameters: readonly unknown[];
}

export interface Store {
  db: Kysely<Database>;
  dialect: Dialect;
  /**
   * Runs a read straight on the driver, for the hottest one (the batched status call), where
   * kysely's work per query (a connection's lease, its mutex, the promise hops) cost about a tenth
   * of the call. It sees committed data only: PostgreSQL's pool runs it as a named prepared
   * statement; SQLite runs it on a read-only connection of its own (WAL lets it read beside the
   * writer), never inside a transaction kysely has open on the other.
   */
  read<R>(query: Read): Promise<R[]>;
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
    // Each SQL text gets a name of its own, so every connection parses and plans it once.
    const names = new Map<string, string>();
    return {
      db,
      dialect: 'postgres',
      async read<R>(query: Read) {
        let name = names.get(query.sql);
        if (name === undefined) {
          name = `read_${names.size}`;
          names.set(query.sql, name);
        }
        const result = await pool.query({ name, text: query.sql, values: [...query.parameters] });
        return result.rows as R[];
      },
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
  const db = new Kysely<Database>({ dialect: new SqliteDialect({ database: preparedOnce(sqlite) }) });
  // An in-memory database is that one connection's alone: its reads go through kysely.
  const reader = options.sqlitePath === ':memory:' ? undefined : readOnly(options.sqlitePath);
  return {
    db,
    dialect: 'sqlite',
    read: async <R>(query: Read) =>
      reader
        ? (reader.prepare(query.sql).all(query.parameters) as R[])
        : ((await db.executeQuery(CompiledQuery.raw(query.sql, [...query.parameters]))).rows as R[]),
    async close() {
      await db.destroy();
      reader?.close();
    },
  };
}

/** How much of the file the read-only connection maps: all of it, up to SQLite's own ceiling (2 GB by default). */
const READER_MMAP_BYTES = 2 ** 31;

/**
 * The read-only connection: it reads the file through a memory map, since every commit by the other
 * connection empties its page cache (WAL) and a lookup would then read each page with a system call.
 */
function readOnly(path: string) {
  const sqlite = new SQLite(path, { readonly: true, timeout: 5000 });
  sqlite.pragma(`mmap_size = ${READER_MMAP_BYTES}`);
  return preparedOnce(sqlite);
}

/** Statements kept prepared: the server's queries are a few hundred shapes (an `in` list per length). */
const PREPARED_STATEMENTS = 1_000;

/**
 * The database as kysely's driver sees it, with each SQL text prepared once: the driver prepares
 * every query anew, which cost the hot reads (the batched status call) about a tenth of their time.
 * A statement runs to completion before the next query starts (SQLite has one connection, under a
 * mutex), so reusing it is safe; SQLite prepares it again itself after a schema change.
 */
function preparedOnce(sqlite: SQLite.Database): SqliteDatabase & { prepare(sql: string): SQLite.Statement } {
  const statements = new Map<string, SQLite.Statement>();
  const prepare = (source: string) => {
    let stmt = statements.get(source);
    if (!stmt) {
      if (statements.size >= PREPARED_STATEMENTS) statements.delete(statements.keys().next().value as string);
      stmt = sqlite.prepare(source);
      statements.set(source, stmt);
    }
    return stmt;
  };
  return { prepare, close: () => sqlite.close() };
}
