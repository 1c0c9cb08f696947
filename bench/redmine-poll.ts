/**
 * Redmine poll benchmark: BENCH_ISSUES (default 10,000) open reports forwarded to the Redmine stand-in
 * (test/helpers/redmine.ts), then BENCH_MINUTES (default 5) simulated minutes in which
 * BENCH_CHANGE_PERCENT (default 1.5) % of the issues change (a status, a public note, a private note)
 * and one poll runs. Prints the Redmine requests each poll made (target ≤ 200 a minute) and the time a
 * poll takes. Redmine's clock is simulated, so a "minute" takes as long as its poll.
 *
 * The reports and their issues (created over the past week) are written in bulk, as forwarding leaves them (a report row, its
 * `redmine_issues` row, the issue in the stand-in): forwarding 10,000 reports one by one measures
 * forwarding, not the poll. SQLite in a temporary folder by default; with DATABASE_URL, a temporary
 * database on that PostgreSQL server. Run with `npm run bench:redmine-poll`. It reports; missing
 * the target is not a failure, a change not applied is (exit code 1).
 */
import { mkdtempSync, rmSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { report as reportSchema } from '../shared/schemas/report.ts';
import { parseForwarding } from '../status-server/connectors/config.ts';
import type { RedmineConfig } from '../status-server/connectors/redmine/config.ts';
import { redminePoller } from '../status-server/connectors/redmine/poll.ts';
import { newId } from '../status-server/domain/ids.ts';
import { openStore } from '../status-server/platform/db.ts';
import { migrateToLatest } from '../status-server/platform/migrations.ts';
import type { Database } from '../status-server/platform/schema.ts';
import { sampleReport } from '../test/helpers/intake.ts';
import { startRedmineReceiver } from '../test/helpers/redmine.ts';
import { temporaryPostgres } from './lib/postgres.ts';
import { labelledTable, loadNote, loadNow, median } from './lib/report.ts';

const N = Number(process.env.BENCH_ISSUES ?? 10_000);
const MINUTES = Number(process.env.BENCH_MINUTES ?? 5);
const PERCENT = Number(process.env.BENCH_CHANGE_PERCENT ?? 1.5);
const TARGET_PER_MINUTE = 200;
const API_KEY = 'bench-key';

/** A fixed random sequence, so two runs change the same issues. */
function random(seed: number) {
  let s = seed;
  return () => {
    s = (s * 1_103_515_245 + 12_345) % 2 ** 31;
    return s / 2 ** 31;
  };
}

async function main(): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'snapdesk-redmine-poll-'));
  const postgres = process.env.DATABASE_URL
    ? await temporaryPostgres(process.env.DATABASE_URL, 'snapdesk_redmine_poll')
    : undefined;
  const start = Date.parse('2024-05-01T08:00:00Z');
  let clock = start;
  const redmine = await startRedmineReceiver(API_KEY, { now: () => new Date(clock) });
  const store = openStore({ databaseUrl: postgres?.url, sqlitePath: join(dir, 'bench.sqlite') });
  try {
    await migrateToLatest(store.db);
    const loadBefore = loadNow();
    console.log(
      `redmine-poll: ${N.toLocaleString('en')} open issues, ${PERCENT} % changing a minute, ${MINUTES} minutes, ${postgres ? 'PostgreSQL' : 'SQLite'}`,
    );

    const body = JSON.stringify(reportSchema.parse(sampleReport({ attachments: [] })));
    const at = new Date(clock).toISOString();
    const reports: Database['reports'][] = [];
    const issues: Database['redmine_issues'][] = [];
    for (let i = 0; i < N; i++) {
      const id = newId();
      const reference = `SD-${i + 1}`;
      // Open issues built up over the past week, one a minute, as a help desk's backlog is.
      clock = start - (N - i) * 60_000;
      const issue = redmine.seed({ subject: `[${reference}] Checkout button does nothing` });
      reports.push({
        id,
        reference,
        idempotency_key: newId(),
        request_hash: newId(),
        type: 'bug',
        title: 'Checkout button does nothing',
        priority: 'normal',
        body,
        page_url: 'https://shop.example.com/checkout',
        page_host: 'shop.example.com',
        captured_at: at,
        received_at: at,
        deadline_at: null,
        client_ip: null,
        client_id: null,
        incident_id: null,
        incident_link: null,
        state: 'forwarded',
        external_ref: `redmine#${issue.id}`,
        request_state: 'open',
        notify_by_email: 0,
        event_count: 0,
        latest_comment_at: null,
        latest_comment_body: null,
        state_changed_at: at,
      });
      issues.push({ report_id: id, issue_id: issue.id, status_id: null, journal_id: 0, updated_on: null });
    }
    for (let i = 0; i < N; i += 500) {
      await store.db
        .insertInto('reports')
        .values(reports.slice(i, i + 500))
        .execute();
      await store.db
        .insertInto('redmine_issues')
        .values(issues.slice(i, i + 500))
        .execute();
    }

    const cfg = parseForwarding({
      SNAPDESK_REDMINE_URL: redmine.url,
      SNAPDESK_REDMINE_API_KEY: API_KEY,
      SNAPDESK_REDMINE_PROJECT: 'support',
    }).redmine as RedmineConfig;
    const poller = redminePoller({ store, cfg, reopenWindowMs: 5 * 86_400_000, now: () => new Date(clock) });

    const poll = async () => {
      const before = {
        all: redmine.count(),
        list: redmine.count('GET /issues.json'),
        read: redmine.count('GET /issues/'),
      };
      const t = performance.now();
      const outcome = await poller.tick({ force: true });
      if (outcome !== 'polled') throw new Error(`the poll ${outcome}`);
      return {
        ms: performance.now() - t,
        all: redmine.count() - before.all,
        list: redmine.count('GET /issues.json') - before.list,
        read: redmine.count('GET /issues/') - before.read,
      };
    };

    clock += 30_000;
    const first = await poll();
    const rows: string[][] = [
      ['poll', 'changed', 'list calls', 'issue reads', 'requests', 'time'],
      ['first (all new)', '—', `${first.list}`, `${first.read}`, `${first.all}`, `${first.ms.toFixed(0)} ms`],
    ];
    const next = random(42);
    const perMinute = Math.round((N * PERCENT) / 100);
    const results: Awaited<ReturnType<typeof poll>>[] = [];
    let expectedComments = 0;
    for (let m = 1; m <= MINUTES; m++) {
      const minute = start + m * 60_000;
      const changed = new Set<number>();
      while (changed.size < perMinute) changed.add(Math.floor(next() * N));
      let k = 0;
      for (const i of changed) {
        clock = minute + Math.floor((k++ / perMinute) * 50_000);
        const issueId = issues[i]?.issue_id as number;
        const roll = next();
        // A third move the issue (among the open statuses), a third answer publicly, a third write internally.
        if (roll < 1 / 3) redmine.support(issueId, { status: 1 + Math.floor(next() * 4) });
        else if (roll < 2 / 3) {
          redmine.support(issueId, { notes: `Update ${m}.${k}` });
          expectedComments += 1;
        } else redmine.support(issueId, { notes: 'internal', private: true });
      }
      clock = minute + 59_000;
      const r = await poll();
      results.push(r);
      rows.push([
        `minute ${m}`,
        `${changed.size}`,
        `${r.list}`,
        `${r.read}`,
        `${r.all}`,
        `${r.ms.toFixed(0)} ms`,
      ]);
    }
    const comments = await store.db
      .selectFrom('report_events')
      .select((eb) => eb.fn.countAll<number>().as('n'))
      .where('kind', '=', 'comment')
      .executeTakeFirstOrThrow();

    console.log(labelledTable(rows));
    const worst = Math.max(...results.map((r) => r.all));
    console.log(
      `  Redmine requests a minute: median ${median(results.map((r) => r.all))}, worst ${worst} (target ≤ ${TARGET_PER_MINUTE}: ${worst <= TARGET_PER_MINUTE ? 'met' : 'MISSED'})`,
    );
    console.log(`  poll time: median ${median(results.map((r) => r.ms)).toFixed(0)} ms`);
    console.log(`  public notes written ${expectedComments}, comments applied ${Number(comments.n)}`);
    console.log(`  ${loadNote(loadBefore, 1)}`);
    if (Number(comments.n) !== expectedComments) process.exitCode = 1;
  } finally {
    await store.close();
    await redmine.stop();
    await postgres?.drop();
    rmSync(dir, { recursive: true, force: true });
  }
}

await main();
