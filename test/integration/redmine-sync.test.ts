import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { parseForwarding } from '../../status-server/connectors/config.ts';
import type { OutgoingRequestEvent } from '../../status-server/connectors/outgoing.ts';
import type { RedmineConfig } from '../../status-server/connectors/redmine/config.ts';
import { redmineRequestEvents } from '../../status-server/connectors/redmine/events.ts';
import { redminePoller } from '../../status-server/connectors/redmine/poll.ts';
import { newId } from '../../status-server/domain/ids.ts';
import { openStore, type Store } from '../../status-server/platform/db.ts';
import { migrateToLatest } from '../../status-server/platform/migrations.ts';
import { reopenRequest } from '../../status-server/requests/service.ts';
import { readRequest } from '../../status-server/requests/store.ts';
import { skippedDatabases, type TestDatabase, testDatabases } from '../helpers/databases.ts';
import { makePng } from '../helpers/images.ts';
import { forwardAll } from '../helpers/receivers.ts';
import { API_USER, type RedmineReceiver, startRedmineReceiver } from '../helpers/redmine.ts';
import { insertReport } from '../helpers/reports.ts';
import { startTestServer } from '../helpers/server.ts';

const apiKey = 'redmine-key-0123456789';
const reopenWindowMs = 5 * 86_400_000;

describe.each(testDatabases())('Redmine, both ways, on $name', (database) => {
  let created: Awaited<ReturnType<TestDatabase['create']>>;
  let store: Store;
  let redmine: RedmineReceiver;
  // A database of its own per test: the stand-in numbers its issues from 100 each time.
  beforeEach(async () => {
    created = await database.create();
    store = openStore(created);
    await migrateToLatest(store.db);
  });
  afterEach(async () => {
    await redmine?.stop();
    await store.close();
    await created.drop();
  });

  const env = (extra: Record<string, string> = {}) => ({
    SNAPDESK_REDMINE_URL: redmine.url,
    SNAPDESK_REDMINE_API_KEY: apiKey,
    SNAPDESK_REDMINE_PROJECT: 'support',
    ...extra,
  });
  const settings = (extra: Record<string, string> = {}) =>
    parseForwarding(env(extra)).redmine as RedmineConfig;
  const poller = (options: { on?: Store; now?: () => Date; chunkSize?: number } = {}) =>
    redminePoller({
      store: options.on ?? store,
      cfg: settings(),
      reopenWindowMs,
      ...(options.now ? { now: options.now } : {}),
      ...(options.chunkSize ? { chunkSize: options.chunkSize } : {}),
    });

  /** Reports forwarded to the stand-in as the server forwards them; answers them with their issues. */
  async function forwarded(count = 1) {
    const reports = [];
    for (let i = 0; i < count; i++)
      reports.push(await insertReport(store, { connectors: ['redmine'], images: 0 }));
    await forwardAll(store, env());
    return reports.map((r) => {
      const issue = redmine.issues.find((x) => (x.fields.subject as string).startsWith(`[${r.reference}]`));
      if (!issue) throw new Error(`${r.reference} did not reach Redmine`);
      return { ...r, issueId: issue.id };
    });
  }

  const request = (reportId: string) => readRequest(store.db, reportId, { now: new Date(), reopenWindowMs });
  const comments = async (reportId: string) =>
    (await request(reportId)).events.filter((e) => e.kind === 'comment').map((e) => [e.source, e.body]);
  const cursor = () =>
    store.db
      .selectFrom('connector_cursors')
      .selectAll()
      .where('connector', '=', 'redmine')
      .executeTakeFirstOrThrow();

  it("applies support's status by the map and turns public notes into comments, each once", async () => {
    redmine = await startRedmineReceiver(apiKey);
    const [r] = await forwarded();
    if (!r) throw new Error('no report');
    const p = poller();
    expect(await p.tick({ force: true })).toBe('polled');
    expect((await request(r.id)).state).toBe('open');

    redmine.support(r.issueId, { status: 4, notes: 'Which browser do you use?' });
    expect(await p.tick({ force: true })).toBe('polled');
    const after = await request(r.id);
    expect(after.state).toBe('waiting_for_customer');
    expect(after.events.filter((e) => e.kind === 'state').at(-1)).toMatchObject({
      from_state: 'open',
      to_state: 'waiting_for_customer',
      source: 'redmine',
      author: 'support',
    });
    expect(await comments(r.id)).toEqual([['redmine', 'Which browser do you use?']]);

    // Polled again with nothing new: nothing is applied twice.
    const events = after.events.length;
    expect(await p.tick({ force: true })).toBe('polled');
    expect((await request(r.id)).events).toHaveLength(events);
  });

  it('never shows private notes, and skips the notes Snapdesk itself wrote', async () => {
    redmine = await startRedmineReceiver(apiKey);
    const [r] = await forwarded();
    if (!r) throw new Error('no report');
    const p = poller();
    await p.tick({ force: true });
    redmine.support(r.issueId, { notes: 'Customer is on the legacy plan, be careful', private: true });
    await redmineRequestEvents(settings(), 'en')(event(r, 'answer', 'Chrome 126 on Windows'));
    redmine.support(r.issueId, { notes: 'Thanks, we can reproduce it now.' });
    expect(redmine.issue(r.issueId).journals.map((j) => [j.user.id, j.private_notes])).toEqual([
      [5, true],
      [API_USER.id, false],
      [5, false],
    ]);

    await p.tick({ force: true });
    expect(await comments(r.id)).toEqual([['redmine', 'Thanks, we can reproduce it now.']]);
  });

  it('asks in batches, and reads the journals only of the issues that changed', async () => {
    redmine = await startRedmineReceiver(apiKey);
    const reports = await forwarded(5);
    const p = poller({ chunkSize: 2 });
    redmine.requests.length = 0;
    expect(await p.tick({ force: true })).toBe('polled');
    // Our API user once, then 3 chunks of at most 2 ids; new issues never updated need no read.
    expect(redmine.requests).toEqual([
      'GET /users/current.json',
      'GET /issues.json',
      'GET /issues.json',
      'GET /issues.json',
    ]);

    redmine.requests.length = 0;
    await p.tick({ force: true });
    expect(redmine.requests).toEqual(['GET /issues.json', 'GET /issues.json', 'GET /issues.json']);

    const changed = reports[3] as (typeof reports)[number];
    redmine.support(changed.issueId, { status: 2 });
    redmine.requests.length = 0;
    await p.tick({ force: true });
    expect(redmine.count('GET /issues/')).toBe(1);
    expect(redmine.requests).toContain(`GET /issues/${changed.issueId}.json`);
    expect(redmine.count('GET /issues.json')).toBe(3);
    expect((await request(changed.id)).state).toBe('in_progress');
    for (const other of reports.filter((x) => x !== changed))
      expect((await request(other.id)).state).toBe('open');
  });

  it('carries on after a restart where it stopped: nothing applied twice, nothing missed', async () => {
    redmine = await startRedmineReceiver(apiKey);
    const [r] = await forwarded();
    if (!r) throw new Error('no report');
    await poller().tick({ force: true });
    redmine.support(r.issueId, { status: 2, notes: 'Looking into it.' });
    await poller().tick({ force: true });
    const seen = await cursor();
    expect(seen.cursor).toBe(redmine.issue(r.issueId).updated_on);

    // A new store on the same database, as a restarted server opens it.
    const again = openStore(created);
    try {
      redmine.support(r.issueId, { notes: 'Found it: a cache rule.' });
      redmine.requests.length = 0;
      expect(await poller({ on: again }).tick({ force: true })).toBe('polled');
      expect(redmine.count('GET /issues/')).toBe(1);
    } finally {
      await again.close();
    }
    expect(await comments(r.id)).toEqual([
      ['redmine', 'Looking into it.'],
      ['redmine', 'Found it: a cache rule.'],
    ]);
    expect((await request(r.id)).state).toBe('in_progress');
  });

  it('retries a failed poll after a growing back-off, and loses nothing Redmine said meanwhile', async () => {
    redmine = await startRedmineReceiver(apiKey);
    const [r] = await forwarded();
    if (!r) throw new Error('no report');
    let now = Date.now();
    const p = poller({ now: () => new Date(now) });
    await p.tick({ force: true });
    await store.db
      .updateTable('connector_cursors')
      .set({ next_run_at: new Date(now).toISOString() })
      .execute();

    redmine.support(r.issueId, { status: 3, notes: 'Fixed in release 4.2.' });
    redmine.outage.push(503, 503);
    expect(await p.tick()).toBe('failed');
    const first = await cursor();
    expect(first).toMatchObject({ failures: 1, leased_by: null });
    expect(first.last_error).toMatch(/Redmine answered 503 to GET http:\/\/127\.0\.0\.1:\d+\/issues\.json/);
    const wait1 = Date.parse(first.next_run_at) - now;
    expect(wait1).toBeGreaterThanOrEqual(4_000);
    expect(wait1).toBeLessThanOrEqual(6_000);
    expect(await p.tick()).toBe('not-due');

    now += wait1;
    expect(await p.tick()).toBe('failed');
    const second = await cursor();
    expect(second.failures).toBe(2);
    expect(Date.parse(second.next_run_at) - now).toBeGreaterThanOrEqual(8_000);
    expect((await request(r.id)).state).toBe('open');

    now = Date.parse(second.next_run_at);
    expect(await p.tick()).toBe('polled');
    expect(await cursor()).toMatchObject({ failures: 0, last_error: null });
    expect((await request(r.id)).state).toBe('resolved');
    expect(await comments(r.id)).toEqual([['redmine', 'Fixed in release 4.2.']]);
  });

  it('reads again an issue read in the second of its last change, so a change in that second is not missed', async () => {
    const frozen = new Date();
    redmine = await startRedmineReceiver(apiKey, { now: () => frozen });
    const [r] = await forwarded();
    if (!r) throw new Error('no report');
    const p = poller();
    await p.tick({ force: true });
    // Same second as the creation and the first read: only the journal and the status tell.
    redmine.support(r.issueId, { status: 2, notes: 'Looking into it.' });
    expect(redmine.issue(r.issueId).updated_on).toBe(redmine.issue(r.issueId).created_on);
    await p.tick({ force: true });
    expect((await request(r.id)).state).toBe('in_progress');
    expect(await comments(r.id)).toEqual([['redmine', 'Looking into it.']]);
    const events = (await request(r.id)).events.length;
    await p.tick({ force: true });
    expect((await request(r.id)).events).toHaveLength(events);
  });

  it('lets one server poll at a time when two share the database', async () => {
    redmine = await startRedmineReceiver(apiKey);
    const [r] = await forwarded();
    if (!r) throw new Error('no report');
    redmine.support(r.issueId, { notes: 'One comment, whoever polls.' });
    const other = openStore(created);
    try {
      const outcomes = await Promise.all([poller().tick(), poller({ on: other }).tick()]);
      expect(outcomes.sort()).toEqual(['not-due', 'polled']);
      expect(await poller({ on: other }).tick({ force: true })).toBe('polled');
    } finally {
      await other.close();
    }
    expect(await comments(r.id)).toEqual([['redmine', 'One comment, whoever polls.']]);
  });

  it("sends the customer's answer as a note with both images uploaded", async () => {
    redmine = await startRedmineReceiver(apiKey);
    const [r] = await forwarded();
    if (!r) throw new Error('no report');
    const images = [makePng(3, 3, [200, 10, 10]), makePng(5, 2, [10, 200, 10])];
    redmine.requests.length = 0;
    await redmineRequestEvents(settings(), 'en')(event(r, 'answer', 'It happens in Firefox too.', images));

    expect(redmine.requests).toEqual([
      'POST /uploads.json',
      'POST /uploads.json',
      `PUT /issues/${r.issueId}.json`,
    ]);
    const issue = redmine.issue(r.issueId);
    const [journal] = issue.journals;
    expect(journal).toMatchObject({
      user: API_USER,
      private_notes: false,
      notes: `The customer answered in Snapdesk (${r.reference}):\n\nIt happens in Firefox too.`,
    });
    expect(journal?.details.map((d) => [d.property, d.new_value])).toEqual([
      ['attachment', 'shot-1.png'],
      ['attachment', 'shot-2.png'],
    ]);
    expect(issue.attachments.map((a) => [a.filename, a.content_type, a.data])).toEqual([
      ['shot-1.png', 'image/png', images[0]],
      ['shot-2.png', 'image/png', images[1]],
    ]);
    expect(issue.status_id).toBe(1);
  });

  it('closes the issue on a confirmation, and a reopening is not bounced back by the poll', async () => {
    redmine = await startRedmineReceiver(apiKey);
    const [confirmed, reopened] = await forwarded(2);
    if (!confirmed || !reopened) throw new Error('no reports');
    const send = redmineRequestEvents(settings(), 'en');
    await send(event(confirmed, 'confirm', null));
    expect(redmine.issue(confirmed.issueId).status_id).toBe(5);
    expect(redmine.issue(confirmed.issueId).journals[0]?.notes).toBe(
      `The customer confirmed in Snapdesk (${confirmed.reference}) that the problem is gone.`,
    );

    const p = poller();
    redmine.support(reopened.issueId, { status: 3, notes: 'Fixed.' });
    await p.tick({ force: true });
    expect((await request(reopened.id)).state).toBe('resolved');
    const deps = { db: store.db, config: { reopenWindowMs } };
    await reopenRequest(deps, reopened.id, 'Still broken on the checkout page.');
    await send(event(reopened, 'reopen', 'Still broken on the checkout page.'));
    expect(redmine.issue(reopened.issueId).status_id).toBe(2);

    await p.tick({ force: true });
    expect((await request(reopened.id)).state).toBe('reopened');
    // Support's next move is applied as usual.
    redmine.support(reopened.issueId, { status: 4, notes: 'Which page exactly?' });
    await p.tick({ force: true });
    expect((await request(reopened.id)).state).toBe('waiting_for_customer');
  });

  it('refuses a move for a report that has no Redmine issue, for good', async () => {
    redmine = await startRedmineReceiver(apiKey);
    const send = redmineRequestEvents(settings(), 'en');
    await expect(
      send({ ...event({ reference: 'SD-1', issueId: 1 }, 'confirm', null), externalRef: null }),
    ).rejects.toThrow(/SD-1 has no Redmine issue/);
    expect(redmine.requests).toEqual([]);
  });

  it('runs in the server when Redmine is configured', async () => {
    redmine = await startRedmineReceiver(apiKey);
    const server = await startTestServer(database, env({ SNAPDESK_REDMINE_POLL_SECONDS: '30' }), {
      startWorker: false,
    });
    try {
      const report = await insertReport(server.store, { connectors: ['redmine'], images: 0 });
      await forwardAll(server.store, env());
      const issue = redmine.issues.at(-1);
      if (!issue) throw new Error('not forwarded');
      redmine.support(issue.id, { status: 2, notes: 'On it.' });
      expect(await server.redminePoller?.tick()).toBe('polled');
      const row = await server.store.db
        .selectFrom('connector_cursors')
        .select('next_run_at')
        .executeTakeFirstOrThrow();
      expect(Date.parse(row.next_run_at) - Date.now()).toBeGreaterThan(25_000);
      expect(await server.redminePoller?.tick()).toBe('not-due');
      const state = await server.store.db
        .selectFrom('reports')
        .select('request_state')
        .where('id', '=', report.id)
        .executeTakeFirstOrThrow();
      expect(state.request_state).toBe('in_progress');
    } finally {
      await server.stop();
    }
  });
});

/** A customer's move, as the request-event job hands it to the connector. */
function event(
  r: { reference: string; issueId: number },
  kind: OutgoingRequestEvent['event']['kind'],
  body: string | null,
  images: Buffer[] = [],
): OutgoingRequestEvent {
  return {
    deliveryId: newId(),
    reference: r.reference,
    externalRef: `redmine#${r.issueId}`,
    event: { id: newId(), kind, at: new Date().toISOString(), body },
    files: images.map((data, i) => ({
      name: `shot-${i + 1}.png`,
      content_type: 'image/png',
      data: async () => new Uint8Array(data) as Uint8Array<ArrayBuffer>,
    })),
  };
}

describe.skip.each(skippedDatabases())('Redmine, both ways, on %s', () => {
  it('needs PostgreSQL', () => {});
});
