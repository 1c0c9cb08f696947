import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { openStore, type Store } from '../../status-server/platform/db.ts';
import { migrateToLatest } from '../../status-server/platform/migrations.ts';
import { serverKey } from '../../status-server/reports/keys.ts';
import { type TestDatabase, testDatabases } from '../helpers/databases.ts';

describe.each(testDatabases())('server keys on $name', (database: TestDatabase) => {
  let made: Awaited<ReturnType<TestDatabase['create']>>;
  let first: Store;
  let second: Store;
  beforeAll(async () => {
    made = await database.create();
    first = openStore(made);
    await migrateToLatest(first.db);
    second = openStore(made);
  });
  afterAll(async () => {
    await first.close();
    await second.close();
    await made.drop();
  });

  it('are made once and agree across instances sharing the database, each read once a process', async () => {
    const [a, b] = await Promise.all([
      serverKey(first.db, 'report-status'),
      serverKey(second.db, 'report-status'),
    ]);
    expect(a.length).toBe(32);
    expect(b.equals(a)).toBe(true);
    expect((await serverKey(first.db, 'attachment-links')).equals(a)).toBe(false);

    // Once read, a key is not read again: the database is not asked, even if its row is gone.
    await first.db.deleteFrom('server_keys').execute();
    expect((await serverKey(first.db, 'report-status')).equals(a)).toBe(true);
    // A process that had not read it makes a new one: the row was gone (which nothing but this test does).
    const fresh = openStore(made);
    try {
      expect((await serverKey(fresh.db, 'report-status')).equals(a)).toBe(false);
    } finally {
      await fresh.close();
    }
  });
});
