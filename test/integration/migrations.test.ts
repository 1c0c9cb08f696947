import { type Kysely, sql } from 'kysely';
import { describe, expect, it } from 'vitest';
import { openStore } from '../../status-server/platform/db.ts';
import { migrateToLatest, migrateUpTo, migrationNames } from '../../status-server/platform/migrations.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';

const tables = [
  'admin_tokens',
  'component_groups',
  'component_hosts',
  'component_status_changes',
  'components',
  'connector_cursors',
  'console_sessions',
  'console_users',
  'counters',
  'helpdesk_callbacks',
  'incident_components',
  'incident_updates',
  'incidents',
  'jobs',
  'notices',
  'page_state',
  'redmine_issues',
  'report_attachments',
  'report_event_files',
  'report_events',
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

  it('starts reports made before requests had a state: forwarded ones open, the others received', async () => {
    const target = await database.create();
    const store = openStore(target);
    try {
      await migrateUpTo(store.db, '0006_languages');
      const row = (id: string, reference: string, state: string) => ({
        id,
        reference,
        idempotency_key: id,
        request_hash: id,
        type: 'bug',
        title: 'Old',
        body: '{}',
        page_url: 'https://shop.test/',
        page_host: 'shop.test',
        captured_at: '2026-01-01T10:00:00.000Z',
        received_at: '2026-01-01T10:00:01.000Z',
        state,
      });
      // biome-ignore lint/suspicious/noExplicitAny: the table as it was before 0007, not as today's types say
      await (store.db as Kysely<any>)
        .insertInto('reports')
        .values([row('a', 'SD-1', 'forwarded'), row('b', 'SD-2', 'failed')])
        .execute();
      await migrateToLatest(store.db);
      const rows = await store.db
        .selectFrom('reports')
        .select(['id', 'request_state', 'state_changed_at'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        { id: 'a', request_state: 'open', state_changed_at: '2026-01-01T10:00:01.000Z' },
        { id: 'b', request_state: 'received', state_changed_at: '2026-01-01T10:00:01.000Z' },
      ]);
    } finally {
      await store.close();
      await target.drop();
    }
  });

  it('fills each report’s kept summary from the history stored before it: the count and the newest comment', async () => {
    const target = await database.create();
    const store = openStore(target);
    try {
      await migrateUpTo(store.db, '0010_reporter_mail');
      // biome-ignore lint/suspicious/noExplicitAny: the tables as they were before 0011, not as today's types say
      const old = store.db as Kysely<any>;
      const report = (id: string) => ({
        id,
        reference: `SD-${id}`,
        idempotency_key: id,
        request_hash: id,
        type: 'bug',
        title: 'Old',
        body: '{}',
        page_url: 'https://shop.test/',
        page_host: 'shop.test',
        captured_at: '2026-01-01T10:00:00.000Z',
        received_at: '2026-01-01T10:00:01.000Z',
        state: 'forwarded',
      });
      await old
        .insertInto('reports')
        .values([report('1'), report('2')])
        .execute();
      const event = (id: string, kind: string, at: string, body: string | null) => ({
        id,
        report_id: '1',
        at,
        kind,
        from_state: null,
        to_state: null,
        body,
        author: 'support',
        source: 'console',
      });
      await old
        .insertInto('report_events')
        .values([
          event('e1', 'comment', '2026-01-02T10:00:00.000Z', 'first'),
          // Same time: the id that sorts last is the newer.
          event('e3', 'comment', '2026-01-03T10:00:00.000Z', 'newest'),
          event('e2', 'comment', '2026-01-03T10:00:00.000Z', 'second'),
          event('e4', 'answer', '2026-01-04T10:00:00.000Z', 'the reporter’s, not a comment'),
          event('e5', 'state', '2026-01-05T10:00:00.000Z', null),
        ])
        .execute();
      await migrateToLatest(store.db);
      const rows = await store.db
        .selectFrom('reports')
        .select(['id', 'event_count', 'latest_comment_at', 'latest_comment_body'])
        .orderBy('id')
        .execute();
      expect(rows).toEqual([
        {
          id: '1',
          event_count: 5,
          latest_comment_at: '2026-01-03T10:00:00.000Z',
          latest_comment_body: 'newest',
        },
        { id: '2', event_count: 0, latest_comment_at: null, latest_comment_body: null },
      ]);
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
