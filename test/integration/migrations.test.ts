import { sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../status-server/platform/db.ts';
import { migrateToLatest, migrationNames } from '../../status-server/platform/migrations.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';

const tables = [
  'admin_tokens',
  'component_groups',
  'component_hosts',
  'component_status_changes',
  'components',
  'console_sessions',
  'console_users',
  'counters',
  'incident_components',
  'incident_updates',
  'incidents',
  'jobs',
  'notices',
  'page_state',
  'report_attachments',
  'reports',
  'server_keys',
  'subscription_scopes',
  'subscriptions',
];

describe.each(testDatabases())('migrations on $name', (database) => {
  it('creates every table on an empty database, once, and record the version', async () => {
    const target = await database.create();
    const store = openStore(target);
    try {
      expect(await migrateToLatest(store.db)).toEqual(migrationNames);
      const names = (await store.db.introspection.getTables()).map((t) => t.name).sort();
      expect(names).toEqual(tables);
      // A second start finds nothing to do and keeps the data.
      await store.db
        .insertInto('component_groups')
        .values({
          id: 'aaaaaaaaaaaa',
          name: 'G',
          description: null,
          position: 0,
          created_at: 'x',
          updated_at: 'x',
        })
        .execute();
      expect(await migrateToLatest(store.db)).toEqual([]);
      const kept = await store.db.selectFrom('component_groups').select('name').execute();
      expect(kept).toEqual([{ name: 'G' }]);
      const recorded = await sql<{ name: string }>`select name from kysely_migration`.execute(store.db);
      expect(recorded.rows.map((r) => r.name)).toEqual(migrationNames);
    } finally {
      await store.close();
      await target.drop();
    }
  });

  // Several instances share one PostgreSQL database; the embedded SQLite file belongs to one server.
  if (database.name === 'postgres')
    it('lets two instances start on the same database at once', async () => {
      const target = await database.create();
      const a = openStore(target);
      const b = openStore(target);
      try {
        const [ra, rb] = await Promise.all([migrateToLatest(a.db), migrateToLatest(b.db)]);
        expect([...ra, ...rb]).toEqual(migrationNames);
      } finally {
        await a.close();
        await b.close();
        await target.drop();
      }
    });
});

describe.skip.each(skippedDatabases())('migrations on %s', () => {
  it('needs PostgreSQL', () => {});
});
