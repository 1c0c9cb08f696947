import { type Kysely, type Migration, type MigrationProvider, Migrator, PostgresAdapter, sql } from 'kysely';

/**
 * Versioned migrations, applied in name order on start. Never edit one that has shipped: add the next.
 * Column types are chosen to mean the same in SQLite and PostgreSQL. Migrations see the database as
 * `Kysely<any>` on purpose: they must not depend on the schema types of today's code.
 */
const migrations: Record<string, Migration> = {
  '0001_status_core': {
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('page_state')
        .addColumn('id', 'integer', (c) => c.primaryKey())
        .addColumn('revision', 'integer', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db
        .insertInto('page_state')
        .values({ id: 1, revision: 0, updated_at: new Date().toISOString() })
        .execute();

      await db.schema
        .createTable('component_groups')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('components')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('group_id', 'text', (c) => c.references('component_groups.id'))
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('description', 'text')
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('only_show_if_degraded', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('showcase', 'integer', (c) => c.notNull().defaultTo(1))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('component_hosts')
        .addColumn('component_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
        .addColumn('host', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('component_hosts_pk', ['component_id', 'host'])
        .execute();
      await db.schema.createIndex('component_hosts_host').on('component_hosts').column('host').execute();

      await db.schema
        .createTable('component_status_changes')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('component_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('component_status_changes_by_time')
        .on('component_status_changes')
        .columns(['component_id', 'at'])
        .execute();

      await db.schema
        .createTable('incidents')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('impact', 'text', (c) => c.notNull())
        .addColumn('started_at', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addColumn('monitoring_at', 'text')
        .addColumn('resolved_at', 'text')
        .addColumn('scheduled_for', 'text')
        .addColumn('scheduled_until', 'text')
        .execute();
      await db.schema
        .createIndex('incidents_by_start')
        .on('incidents')
        .columns(['kind', 'started_at'])
        .execute();

      await db.schema
        .createTable('incident_components')
        .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
        .addColumn('component_id', 'text', (c) => c.notNull().references('components.id').onDelete('cascade'))
        .addPrimaryKeyConstraint('incident_components_pk', ['incident_id', 'component_id'])
        .execute();

      await db.schema
        .createTable('incident_updates')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('incident_id', 'text', (c) => c.notNull().references('incidents.id').onDelete('cascade'))
        .addColumn('status', 'text', (c) => c.notNull())
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('affected_components', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('incident_updates_by_incident')
        .on('incident_updates')
        .columns(['incident_id', 'created_at'])
        .execute();

      await db.schema
        .createTable('admin_tokens')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('token_hash', 'text', (c) => c.notNull().unique())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_used_at', 'text')
        .addColumn('revoked_at', 'text')
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const table of [
        'admin_tokens',
        'incident_updates',
        'incident_components',
        'incidents',
        'component_status_changes',
        'component_hosts',
        'components',
        'component_groups',
        'page_state',
      ]) {
        await sql`drop table if exists ${sql.table(table)}`.execute(db);
      }
    },
  },
  '0002_reports_and_jobs': {
    async up(db: Kysely<any>) {
      const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';

      await db.schema
        .createTable('counters')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'integer', (c) => c.notNull())
        .execute();
      // References start at SD-1001: a short number that still looks like a ticket, not a test.
      await db.insertInto('counters').values({ name: 'report', value: 1000 }).execute();

      await db.schema
        .createTable('server_keys')
        .addColumn('name', 'text', (c) => c.primaryKey())
        .addColumn('value', 'text', (c) => c.notNull())
        .execute();

      await db.schema
        .createTable('reports')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('reference', 'text', (c) => c.notNull().unique())
        .addColumn('idempotency_key', 'text', (c) => c.notNull().unique())
        .addColumn('request_hash', 'text', (c) => c.notNull())
        .addColumn('type', 'text', (c) => c.notNull())
        .addColumn('title', 'text', (c) => c.notNull())
        .addColumn('priority', 'text')
        .addColumn('body', 'text', (c) => c.notNull())
        .addColumn('page_url', 'text', (c) => c.notNull())
        .addColumn('page_host', 'text', (c) => c.notNull())
        .addColumn('captured_at', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .addColumn('deadline_at', 'text')
        .addColumn('client_ip', 'text')
        .addColumn('client_id', 'text')
        .addColumn('incident_id', 'text', (c) => c.references('incidents.id').onDelete('set null'))
        .addColumn('incident_link', 'text')
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('external_ref', 'text')
        .execute();
      for (const column of ['received_at', 'deadline_at', 'page_host', 'incident_id', 'state', 'client_id']) {
        await db.schema.createIndex(`reports_by_${column}`).on('reports').column(column).execute();
      }

      await db.schema
        .createTable('report_attachments')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('method', 'text')
        .addColumn('truncated', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('width', 'integer')
        .addColumn('height', 'integer')
        .addColumn('data', binary, (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('report_attachments_by_report')
        .on('report_attachments')
        .column('report_id')
        .execute();

      // One durable queue for all outgoing work (forwarding reports, later notices): a job is claimed
      // with a lease, so a crashed worker's jobs return to the queue when the lease runs out.
      await db.schema
        .createTable('jobs')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('ref_id', 'text', (c) => c.notNull())
        .addColumn('payload', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('attempts', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('max_attempts', 'integer', (c) => c.notNull())
        .addColumn('run_at', 'text', (c) => c.notNull())
        .addColumn('locked_until', 'text')
        .addColumn('locked_by', 'text')
        .addColumn('last_error', 'text')
        .addColumn('result', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema.createIndex('jobs_due').on('jobs').columns(['state', 'run_at']).execute();
      await db.schema.createIndex('jobs_by_ref').on('jobs').columns(['ref_id', 'kind']).execute();

      await db.schema
        .createTable('console_users')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('email', 'text', (c) => c.notNull().unique())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('password_hash', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('last_login_at', 'text')
        .execute();
      await db.schema
        .createTable('console_sessions')
        .addColumn('id_hash', 'text', (c) => c.primaryKey())
        .addColumn('user_id', 'text', (c) => c.notNull().references('console_users.id').onDelete('cascade'))
        .addColumn('csrf_token', 'text', (c) => c.notNull())
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('expires_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const table of [
        'console_sessions',
        'console_users',
        'jobs',
        'report_attachments',
        'reports',
        'server_keys',
        'counters',
      ]) {
        await sql`drop table if exists ${sql.table(table)}`.execute(db);
      }
    },
  },
  '0003_subscriptions': {
    async up(db: Kysely<any>) {
      // E-mail and webhook subscribers. A pending e-mail row waits for its confirmation link; the nonce
      // makes that link single-use, and the counters limit the mails one address can be sent per hour.
      await db.schema
        .createTable('subscriptions')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('channel', 'text', (c) => c.notNull())
        .addColumn('address', 'text', (c) => c.notNull())
        .addColumn('state', 'text', (c) => c.notNull())
        .addColumn('all_components', 'integer', (c) => c.notNull())
        .addColumn('maintenance', 'integer', (c) => c.notNull())
        .addColumn('confirm_nonce', 'text')
        .addColumn('confirm_expires_at', 'text')
        .addColumn('secret', 'text')
        .addColumn('mail_window_at', 'text')
        .addColumn('mails_in_window', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('created_at', 'text', (c) => c.notNull())
        .addColumn('confirmed_at', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .addUniqueConstraint('subscriptions_channel_address', ['channel', 'address'])
        .execute();
      await db.schema.createIndex('subscriptions_by_state').on('subscriptions').column('state').execute();

      // A component or group id a subscription is limited to; none and `all_components` means everything.
      await db.schema
        .createTable('subscription_scopes')
        .addColumn('subscription_id', 'text', (c) =>
          c.notNull().references('subscriptions.id').onDelete('cascade'),
        )
        .addColumn('target_id', 'text', (c) => c.notNull())
        .addPrimaryKeyConstraint('subscription_scopes_pk', ['subscription_id', 'target_id'])
        .execute();
      await db.schema
        .createIndex('subscription_scopes_by_target')
        .on('subscription_scopes')
        .column('target_id')
        .execute();

      // One row per published event; its deliveries are the jobs whose ref_id is the notice's id.
      await db.schema
        .createTable('notices')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('incident_id', 'text', (c) => c.references('incidents.id').onDelete('cascade'))
        .addColumn('update_id', 'text')
        .addColumn('component_id', 'text', (c) => c.references('components.id').onDelete('cascade'))
        .addColumn('old_status', 'text')
        .addColumn('new_status', 'text')
        .addColumn('created_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('notices_by_incident')
        .on('notices')
        .columns(['incident_id', 'created_at'])
        .execute();
    },
    async down(db: Kysely<any>) {
      for (const table of ['notices', 'subscription_scopes', 'subscriptions']) {
        await sql`drop table if exists ${sql.table(table)}`.execute(db);
      }
    },
  },
  '0004_report_reference_sequence': {
    // On PostgreSQL a sequence hands out references without a row lock held to the commit, so
    // reports with large images are stored side by side; SQLite has one writer and keeps the counter.
    async up(db: Kysely<any>) {
      if (!(db.getExecutor().adapter instanceof PostgresAdapter)) return;
      const { value } = await db
        .selectFrom('counters')
        .select('value')
        .where('name', '=', 'report')
        .executeTakeFirstOrThrow();
      await sql`create sequence report_reference_seq start with ${sql.lit(Number(value) + 1)}`.execute(db);
    },
    async down(db: Kysely<any>) {
      await sql`drop sequence if exists report_reference_seq`.execute(db);
    },
  },
  '0005_webhook_verification': {
    // Public webhook subscriptions wait for their receiver to prove control (the pending state and
    // confirmation nonce they already had), are compared by the endpoint they name, and are counted
    // per host. Rows made before this keep null in both: they are neither compared nor counted.
    async up(db: Kysely<any>) {
      await db.schema.alterTable('subscriptions').addColumn('target_key', 'text').execute();
      await db.schema.alterTable('subscriptions').addColumn('target_host', 'text').execute();
      // Unique: two requests for one endpoint at once cannot both be stored. NULLs never collide.
      await db.schema
        .createIndex('subscriptions_by_target_key')
        .unique()
        .on('subscriptions')
        .column('target_key')
        .execute();
      await db.schema
        .createIndex('subscriptions_by_target_host')
        .on('subscriptions')
        .column('target_host')
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('subscriptions_by_target_host').ifExists().execute();
      await db.schema.dropIndex('subscriptions_by_target_key').ifExists().execute();
      await db.schema.alterTable('subscriptions').dropColumn('target_host').execute();
      await db.schema.alterTable('subscriptions').dropColumn('target_key').execute();
    },
  },
  '0006_languages': {
    // Subscribers read their mails, and support users the console, in a language of their own.
    async up(db: Kysely<any>) {
      await db.schema.alterTable('subscriptions').addColumn('locale', 'text').execute();
      await db.schema.alterTable('console_users').addColumn('locale', 'text').execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('console_users').dropColumn('locale').execute();
      await db.schema.alterTable('subscriptions').dropColumn('locale').execute();
    },
  },
  '0007_request_lifecycle': {
    // A request's progress at the help desk, beside whether it reached it (`state`), and its history:
    // changes of state and what support and the reporter wrote each other, in (at, id) order.
    // Reports already forwarded are open, as forwarding makes every new one; the others are received.
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('reports')
        .addColumn('request_state', 'text', (c) => c.notNull().defaultTo('received'))
        .execute();
      await db.schema.alterTable('reports').addColumn('state_changed_at', 'text').execute();
      await db
        .updateTable('reports')
        .set((eb) => ({
          request_state: sql<string>`case when ${eb.ref('state')} = 'forwarded' then 'open' else 'received' end`,
          state_changed_at: eb.ref('received_at'),
        }))
        .execute();
      await db.schema
        .createTable('report_events')
        .addColumn('id', 'text', (c) => c.primaryKey())
        .addColumn('report_id', 'text', (c) => c.notNull().references('reports.id').onDelete('cascade'))
        .addColumn('at', 'text', (c) => c.notNull())
        .addColumn('kind', 'text', (c) => c.notNull())
        .addColumn('from_state', 'text')
        .addColumn('to_state', 'text')
        .addColumn('body', 'text')
        .addColumn('author', 'text', (c) => c.notNull())
        .addColumn('source', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createIndex('report_events_by_report')
        .on('report_events')
        .columns(['report_id', 'at', 'id'])
        .execute();
      // The sweep that closes resolved requests past their window looks them up by state and time.
      await db.schema
        .createIndex('reports_by_request_state')
        .on('reports')
        .columns(['request_state', 'state_changed_at'])
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.dropIndex('reports_by_request_state').ifExists().execute();
      await sql`drop table if exists report_events`.execute(db);
      await db.schema.alterTable('reports').dropColumn('state_changed_at').execute();
      await db.schema.alterTable('reports').dropColumn('request_state').execute();
    },
  },
  '0008_request_event_files': {
    // The images a reporter sends with an answer, stored with the answer's event (same transaction),
    // and the help desk's callbacks already applied, by their `webhook-id`, so a repeat changes nothing.
    async up(db: Kysely<any>) {
      const binary = db.getExecutor().adapter instanceof PostgresAdapter ? 'bytea' : 'blob';
      await db.schema
        .createTable('report_event_files')
        .addColumn('event_id', 'text', (c) => c.notNull().references('report_events.id').onDelete('cascade'))
        .addColumn('position', 'integer', (c) => c.notNull())
        .addColumn('name', 'text', (c) => c.notNull())
        .addColumn('content_type', 'text', (c) => c.notNull())
        .addColumn('size', 'integer', (c) => c.notNull())
        .addColumn('data', binary, (c) => c.notNull())
        .addPrimaryKeyConstraint('report_event_files_pk', ['event_id', 'position'])
        .execute();
      await db.schema
        .createTable('helpdesk_callbacks')
        .addColumn('webhook_id', 'text', (c) => c.primaryKey())
        .addColumn('body_hash', 'text', (c) => c.notNull())
        .addColumn('received_at', 'text', (c) => c.notNull())
        .execute();
    },
    async down(db: Kysely<any>) {
      await sql`drop table if exists helpdesk_callbacks`.execute(db);
      await sql`drop table if exists report_event_files`.execute(db);
    },
  },
  '0009_redmine_sync': {
    // Polling the help desk: one row per connector holds the cursor (the help desk's time of the
    // newest change seen) and the lease that lets one server poll at a time, with its back-off.
    // Per report, the Redmine issue Snapdesk created and what the poller last saw of it, so a
    // restart neither applies a change twice nor misses one. Issues forwarded before this are taken
    // from their forwarding jobs' results.
    async up(db: Kysely<any>) {
      await db.schema
        .createTable('connector_cursors')
        .addColumn('connector', 'text', (c) => c.primaryKey())
        .addColumn('cursor', 'text')
        .addColumn('next_run_at', 'text', (c) => c.notNull())
        .addColumn('failures', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('last_error', 'text')
        .addColumn('leased_by', 'text')
        .addColumn('leased_until', 'text')
        .addColumn('updated_at', 'text', (c) => c.notNull())
        .execute();
      await db.schema
        .createTable('redmine_issues')
        .addColumn('report_id', 'text', (c) => c.primaryKey().references('reports.id').onDelete('cascade'))
        .addColumn('issue_id', 'integer', (c) => c.notNull())
        .addColumn('status_id', 'integer')
        .addColumn('journal_id', 'integer', (c) => c.notNull().defaultTo(0))
        .addColumn('updated_on', 'text')
        .execute();
      await db.schema
        .createIndex('redmine_issues_by_issue')
        .on('redmine_issues')
        .column('issue_id')
        .execute();
      const done = await db
        .selectFrom('jobs')
        .select(['ref_id', 'payload', 'result'])
        .where('kind', '=', 'forward')
        .where('state', '=', 'done')
        .execute();
      const rows = done.flatMap((j: { ref_id: string; payload: string; result: string | null }) => {
        const ref = /"external_ref":"redmine#(\d+)"/.exec(j.result ?? '');
        return j.payload.includes('"redmine"') && ref
          ? [{ report_id: j.ref_id, issue_id: Number(ref[1]) }]
          : [];
      });
      for (let i = 0; i < rows.length; i += 500) {
        await db
          .insertInto('redmine_issues')
          .values(rows.slice(i, i + 500))
          .execute();
      }
    },
    async down(db: Kysely<any>) {
      await sql`drop table if exists redmine_issues`.execute(db);
      await sql`drop table if exists connector_cursors`.execute(db);
    },
  },
  '0010_reporter_mail': {
    // Whether the reporter gets a mail when support changes their request or writes to them: asked on
    // the form (`notify_by_email`, kept in the stored body since it existed), turned off by the mail's
    // unsubscribe link. The body is JSON.stringify's output, in which a key is written exactly so and
    // a quote inside a text is escaped, so the match finds the field and nothing a person wrote.
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('reports')
        .addColumn('notify_by_email', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db
        .updateTable('reports')
        .set({ notify_by_email: 1 })
        .where('body', 'like', '%"notify_by_email":true%')
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('reports').dropColumn('notify_by_email').execute();
    },
  },
  '0011_request_summary': {
    // What the batched status call tells of a request's history, kept on its report so that call is
    // one lookup by reference: how many events it holds and support's newest comment for the
    // customer (newest by time, then id). Written with each event (requests/store.ts); filled here
    // from the histories already stored.
    async up(db: Kysely<any>) {
      await db.schema
        .alterTable('reports')
        .addColumn('event_count', 'integer', (c) => c.notNull().defaultTo(0))
        .execute();
      await db.schema.alterTable('reports').addColumn('latest_comment_at', 'text').execute();
      await db.schema.alterTable('reports').addColumn('latest_comment_body', 'text').execute();
      const latest = (column: 'at' | 'body') =>
        sql`(select c.${sql.ref(column)} from report_events c where c.report_id = reports.id and c.kind = 'comment' order by c.at desc, c.id desc limit 1)`;
      await db
        .updateTable('reports')
        .set({
          event_count: sql`(select count(*) from report_events e where e.report_id = reports.id)`,
          latest_comment_at: latest('at'),
          latest_comment_body: latest('body'),
        })
        .where(sql<boolean>`exists (select 1 from report_events e where e.report_id = reports.id)`)
        .execute();
    },
    async down(db: Kysely<any>) {
      await db.schema.alterTable('reports').dropColumn('latest_comment_body').execute();
      await db.schema.alterTable('reports').dropColumn('latest_comment_at').execute();
      await db.schema.alterTable('reports').dropColumn('event_count').execute();
    },
  },
};

const provider: MigrationProvider = { getMigrations: async () => migrations };

/** Brings the database to the newest version; throws with the failing migration's name. */
export async function migrateToLatest(db: Kysely<any>): Promise<string[]> {
  const { error, results = [] } = await new Migrator({ db, provider }).migrateToLatest();
  const failed = results.find((r) => r.status === 'Error');
  if (error) {
    throw new Error(`database migration ${failed?.migrationName ?? ''} failed: ${String(error)}`, {
      cause: error,
    });
  }
  return results.filter((r) => r.status === 'Success').map((r) => r.migrationName);
}

export const migrationNames = Object.keys(migrations).sort();

/** Brings the database to the named version and no further: for tests of a migration's data. */
export async function migrateUpTo(db: Kysely<any>, name: string): Promise<void> {
  const { error } = await new Migrator({ db, provider }).migrateTo(name);
  if (error) throw new Error(`database migration to ${name} failed: ${String(error)}`, { cause: error });
}
