import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../status-server/platform/db.ts';
import { retryNow } from '../../status-server/platform/jobs/queue.ts';
import { forwardingStatus } from '../../status-server/reports/forwarding.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { forwardAll, FORWARD_PUBLIC_URL as publicUrl } from '../helpers/receivers.ts';
import { startRedmineReceiver } from '../helpers/redmine.ts';
import { insertReport, openTestStore } from '../helpers/reports.ts';

const apiKey = 'redmine-key-0123456789';

describe.each(testDatabases())('forwarding to Redmine on $name', (database) => {
  let store: Store & { close(): Promise<void> };
  let redmine: Awaited<ReturnType<typeof startRedmineReceiver>>;
  beforeAll(async () => {
    store = await openTestStore(database);
  });
  afterEach(() => redmine.stop());
  afterAll(() => store.close());

  const forward = (env: Record<string, string> = {}) =>
    forwardAll(store, {
      SNAPDESK_REDMINE_URL: `${redmine.url}/`,
      SNAPDESK_REDMINE_API_KEY: apiKey,
      SNAPDESK_REDMINE_PROJECT: 'support',
      ...env,
    });
  const reportRow = (id: string) =>
    store.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('creates an issue in the project with the mapped priority and the images attached', async () => {
    redmine = await startRedmineReceiver(apiKey);
    const sent = await insertReport(store, {
      connectors: ['redmine'],
      incident: { name: 'Payments failing', status: 'investigating' },
    });
    await forward({
      SNAPDESK_REDMINE_TRACKER_ID: '2',
      SNAPDESK_REDMINE_PRIORITY_IDS: 'high=7, immediate=9',
    });

    expect(redmine.requests).toEqual(['POST /uploads.json', 'POST /uploads.json', 'POST /issues.json']);
    expect(redmine.issues).toHaveLength(1);
    const issue = redmine.issues[0] as (typeof redmine.issues)[number];
    expect(issue.fields).toMatchObject({
      project_id: 'support',
      tracker_id: 2,
      priority_id: 7,
      subject: `[${sent.reference}] Checkout button does nothing`,
    });
    const description = issue.fields.description as string;
    for (const expected of [
      `Reference: ${sent.reference}`,
      'Priority: High',
      'URL: https://shop.example.com/checkout?step=pay',
      'Viewport: 1280 × 720',
      'Steps to reproduce\n1. Add a sofa to the cart',
      'Incident: Payments failing',
      `Link: ${publicUrl}/incidents/${sent.incident_id}`,
      'Request failed 500: POST Internal Server Error',
    ]) {
      expect(description).toContain(expected);
    }
    // Markup-neutral: no line of ours would turn into a heading, list, table or code block.
    expect(description.split('\n').filter((l) => /^(#|\*|-|\||h\d\.| {4})/.test(l))).toEqual([]);

    expect(issue.attachments.map((a) => [a.filename, a.content_type])).toEqual([
      ['capture-1.png', 'image/png'],
      ['capture-2.png', 'image/png'],
    ]);
    expect(issue.attachments.map((a) => a.data)).toEqual(sent.images);

    const row = await reportRow(sent.id);
    expect(row).toMatchObject({ state: 'forwarded', external_ref: `redmine#${issue.id}` });
    const [status] = await forwardingStatus(store.db, sent.id);
    expect(status).toMatchObject({
      connector: 'redmine',
      state: 'done',
      external_ref: `redmine#${issue.id}`,
    });
  });

  it("leaves a question's priority to Redmine's default and keeps its subject on one line", async () => {
    redmine = await startRedmineReceiver(apiKey);
    const sent = await insertReport(store, {
      connectors: ['redmine'],
      images: 0,
      report: { type: 'question', priority: undefined, title: 'How do I\r\nexport invoices?' },
    });
    await forward({ SNAPDESK_REDMINE_PROJECT: '7' });

    expect(redmine.requests).toEqual(['POST /issues.json']);
    expect(redmine.issues[0]?.fields).toMatchObject({
      project_id: 7,
      subject: `[${sent.reference}] How do I export invoices?`,
      uploads: [],
    });
    expect(redmine.issues[0]?.fields).not.toHaveProperty('priority_id');
    expect(redmine.issues[0]?.fields).not.toHaveProperty('tracker_id');
  });

  it('retries while Redmine answers 503 and creates the issue once when it recovers', async () => {
    redmine = await startRedmineReceiver(apiKey);
    redmine.outage.push(503);
    const sent = await insertReport(store, { connectors: ['redmine'] });
    await forward();

    expect(redmine.issues).toHaveLength(0);
    expect((await reportRow(sent.id)).state).toBe('retrying');
    const [waiting] = await forwardingStatus(store.db, sent.id);
    expect(waiting).toMatchObject({ state: 'pending', attempts: 1 });
    expect(waiting?.last_error).toMatch(
      /Redmine answered 503 to POST http:\/\/127\.0\.0\.1:\d+\/uploads\.json/,
    );

    await retryNow(store.db, sent.jobIds);
    await forward();
    await forward();

    expect(redmine.issues).toHaveLength(1);
    expect(redmine.issues[0]?.attachments.map((a) => a.data)).toEqual(sent.images);
    const row = await reportRow(sent.id);
    expect(row).toMatchObject({ state: 'forwarded', external_ref: `redmine#${redmine.issues[0]?.id}` });
  });

  it("fails for good on a 422 and shows Redmine's reason", async () => {
    redmine = await startRedmineReceiver(apiKey);
    const sent = await insertReport(store, { connectors: ['redmine'] });
    await forward({ SNAPDESK_REDMINE_TRACKER_ID: '99' });

    expect(redmine.issues).toHaveLength(0);
    expect((await reportRow(sent.id)).state).toBe('failed');
    const [failed] = await forwardingStatus(store.db, sent.id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 1, next_try_at: null, external_ref: null });
    expect(failed?.last_error).toMatch(
      /Redmine answered 422 to POST .*\/issues\.json: Tracker is not included in the list/,
    );
  });

  it('fails for good when Redmine refuses the API key', async () => {
    redmine = await startRedmineReceiver('another-key');
    const sent = await insertReport(store, { connectors: ['redmine'], images: 1 });
    await forward();

    expect(redmine.requests).toEqual(['POST /uploads.json']);
    const [failed] = await forwardingStatus(store.db, sent.id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
    expect(failed?.last_error).toMatch(/Redmine answered 401/);
    expect(failed?.last_error).not.toContain(apiKey);
  });
});

describe.skip.each(skippedDatabases())('forwarding to Redmine on %s', () => {
  it('needs PostgreSQL', () => {});
});
