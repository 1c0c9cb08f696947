import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import pg from 'pg';
import { inject } from 'vitest';

export interface TestDatabase {
  name: 'sqlite' | 'postgres';
  /** A fresh, empty database: a new SQLite file or a new PostgreSQL database. */
  create(): Promise<{ databaseUrl?: string; sqlitePath: string; drop(): Promise<void> }>;
}

const sqlite: TestDatabase = {
  name: 'sqlite',
  async create() {
    const dir = mkdtempSync(join(tmpdir(), 'snapdesk-test-'));
    return {
      sqlitePath: join(dir, 'test.sqlite'),
      drop: async () => rmSync(dir, { recursive: true, force: true }),
    };
  },
};

const postgres = (adminUrl: string): TestDatabase => ({
  name: 'postgres',
  async create() {
    const name = `snapdesk_test_${process.pid}_${Math.random().toString(36).slice(2, 10)}`;
    const admin = new pg.Client({ connectionString: adminUrl });
    await admin.connect();
    await admin.query(`create database ${name}`);
    await admin.end();
    const url = new URL(adminUrl);
    url.pathname = `/${name}`;
    return {
      databaseUrl: url.toString(),
      sqlitePath: ':memory:',
      /**
       * Without `force`: every store on it must be closed by now. Forcing would kill connections a
       * still-running part of the test holds, whose errors then surface in whatever runs next; a
       * leak fails here instead, naming what was left open.
       */
      async drop() {
        const c = new pg.Client({ connectionString: adminUrl });
        await c.connect();
        try {
          await c.query(`drop database if exists ${name}`);
        } catch (err) {
          const { rows } = await c.query(
            'select state, query from pg_stat_activity where datname = $1 and pid <> pg_backend_pid()',
            [name],
          );
          throw new Error(`${(err as Error).message}; left open: ${JSON.stringify(rows)}`);
        } finally {
          await c.end();
        }
      },
    };
  },
});

/** SQLite always; PostgreSQL when reachable (global setup fails the run in CI when it is not). */
export function testDatabases(): TestDatabase[] {
  const url = inject('postgresUrl');
  return url ? [sqlite, postgres(url)] : [sqlite];
}

/** For `describe.each`: names the skipped database so the skip is visible in the report. */
export const skippedDatabases = (): string[] =>
  inject('postgresUrl') ? [] : ['postgres (not reachable: SKIPPED)'];
