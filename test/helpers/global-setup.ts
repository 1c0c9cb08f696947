import pg from 'pg';
import type { TestProject } from 'vitest/node';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Admin URL of a reachable PostgreSQL server, or '' when none is reachable (only outside CI). */
    postgresUrl: string;
  }
}

const url = process.env.TEST_DATABASE_URL ?? 'postgres://postgres@127.0.0.1:5432/test';

/** Finds out once whether PostgreSQL is there; CI must have it, so there its absence fails the run. */
export default async function setup(project: TestProject) {
  const client = new pg.Client({ connectionString: url, connectionTimeoutMillis: 3000 });
  try {
    await client.connect();
    await client.query('select 1');
    project.provide('postgresUrl', url);
  } catch (err) {
    if (process.env.CI) {
      throw new Error(`CI needs PostgreSQL at ${url} for the database tests: ${(err as Error).message}`);
    }
    console.warn(
      `\n*** PostgreSQL not reachable at ${url}: PostgreSQL tests are SKIPPED (${(err as Error).message}) ***\n`,
    );
    project.provide('postgresUrl', '');
  } finally {
    await client.end().catch(() => {});
  }
}
