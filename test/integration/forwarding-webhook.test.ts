import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../status-server/platform/db.ts';
import { retryNow } from '../../status-server/platform/jobs/queue.ts';
import { forwardingStatus } from '../../status-server/reports/forwarding.ts';
import { loadAttachmentData, loadReportByReference } from '../../status-server/store/reports.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { type HookReceiver, startHookReceiver } from '../helpers/hook-receiver.ts';
import { freePort } from '../helpers/net.ts';
import { forwardAll, FORWARD_PUBLIC_URL as publicUrl, startFileServer } from '../helpers/receivers.ts';
import { insertReport, openTestStore } from '../helpers/reports.ts';

const secret = `whsec_${Buffer.alloc(32, 7).toString('base64')}`;

describe.each(testDatabases())('forwarding to a webhook on $name', (database) => {
  let store: Store & { close(): Promise<void> };
  let files: Awaited<ReturnType<typeof startFileServer>>;
  let hook: HookReceiver | undefined;
  beforeAll(async () => {
    store = await openTestStore(database);
    // Stands in for the signed attachment route: serves the stored bytes by reference and position.
    files = await startFileServer(async (path) => {
      const [, reference = '', position = ''] = path.split('/');
      const stored = await loadReportByReference(store.db, reference);
      const file = stored && (await loadAttachmentData(store.db, stored.row.id, Number(position)));
      return file ? Buffer.from(file.data) : undefined;
    });
  });
  afterEach(async () => {
    await hook?.stop();
    hook = undefined;
  });
  afterAll(async () => {
    await files.stop();
    await store.close();
  });

  const forward = (url: string, withSecret = secret) =>
    forwardAll(
      store,
      { SNAPDESK_FORWARD_WEBHOOK_URL: url, SNAPDESK_FORWARD_WEBHOOK_SECRET: withSecret },
      (ref, position) => `${files.url}/${ref}/${position}`,
    );
  const reportRow = (id: string) =>
    store.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('posts the report as signed JSON whose image links serve the images', async () => {
    hook = await startHookReceiver({ secret });
    const sent = await insertReport(store, {
      connectors: ['webhook'],
      incident: { name: 'Payments failing', status: 'monitoring' },
    });
    await forward(`${hook.url}/hooks/snapdesk`);

    expect(hook.deliveries).toHaveLength(1);
    const delivery = hook.deliveries[0] as (typeof hook.deliveries)[number];
    expect(delivery.id).toBe(sent.jobIds[0]);
    expect(delivery.status).toBe(204);
    expect(delivery.verified).toMatchObject({
      type: 'report.received',
      data: {
        reference: sent.reference,
        captured_at: '2025-03-04T10:15:30.000Z',
        type: 'bug',
        title: 'Checkout button does nothing',
        priority: 'high',
        steps: '1. Add a sofa to the cart\n2. Open checkout\n3. Click "Pay now"',
        impact: { people: 12, orders: 340, branches: 4, blocking: 'ordering' },
        account: 'Möbelhaus Nord GmbH',
        contact_email: 'anna@moebel-nord.example',
        environment: {
          url: 'https://shop.example.com/checkout?step=pay',
          viewport: { width: 1280, height: 720 },
        },
        console: [
          { kind: 'error', source: 'app.js:42' },
          { kind: 'network', status: 500, method: 'POST' },
        ],
        incident: {
          id: sent.incident_id,
          name: 'Payments failing',
          status: 'monitoring',
          url: `${publicUrl}/incidents/${sent.incident_id}`,
        },
      },
    });

    const attachments = (delivery.verified as { data: { attachments: { name: string; url: string }[] } }).data
      .attachments;
    expect(attachments.map((a) => [a.name, a.url])).toEqual([
      ['capture-1.png', `${files.url}/${sent.reference}/0`],
      ['capture-2.png', `${files.url}/${sent.reference}/1`],
    ]);
    const fetched = await Promise.all(
      attachments.map(async (a) => Buffer.from(await (await fetch(a.url)).arrayBuffer())),
    );
    expect(fetched).toEqual(sent.images);
    expect((await reportRow(sent.id)).state).toBe('forwarded');
  });

  it('is refused by a receiver holding a different secret', async () => {
    hook = await startHookReceiver({ secret });
    const sent = await insertReport(store, { connectors: ['webhook'] });
    await forward(hook.url, `whsec_${Buffer.alloc(32, 9).toString('base64')}`);

    expect(hook.deliveries.map((d) => [d.status, d.verified])).toEqual([[401, undefined]]);
    const [failed] = await forwardingStatus(store.db, sent.id);
    expect(failed).toMatchObject({ state: 'failed', attempts: 1 });
    expect(failed?.last_error).toMatch(/answered 401/);
  });

  it('resends with the same webhook-id after a 503 and arrives once', async () => {
    hook = await startHookReceiver({ secret });
    hook.answers.push(503);
    const sent = await insertReport(store, { connectors: ['webhook'] });
    await forward(hook.url);
    expect((await reportRow(sent.id)).state).toBe('retrying');

    await retryNow(store.db, sent.jobIds);
    await forward(hook.url);
    await forward(hook.url);

    expect(hook.deliveries.map((d) => [d.id, d.status])).toEqual([
      [sent.jobIds[0], 503],
      [sent.jobIds[0], 204],
    ]);
    expect((await reportRow(sent.id)).state).toBe('forwarded');
  });

  it('delivers a report sent while the receiver is down once it is back', async () => {
    const port = await freePort();
    const sent = await insertReport(store, { connectors: ['webhook'] });
    await forward(`http://127.0.0.1:${port}/hook`);
    const [waiting] = await forwardingStatus(store.db, sent.id);
    expect(waiting?.last_error).toMatch(/POST http:\/\/127\.0\.0\.1:\d+\/hook failed: .*ECONNREFUSED/);
    expect((await reportRow(sent.id)).state).toBe('retrying');

    hook = await startHookReceiver({ secret, port });
    await retryNow(store.db, sent.jobIds);
    await forward(`http://127.0.0.1:${port}/hook`);

    expect(hook.deliveries.map((d) => d.status)).toEqual([204]);
    expect((await reportRow(sent.id)).state).toBe('forwarded');
  });

  it.each([
    [410, 'failed'],
    [400, 'failed'],
    [408, 'pending'],
    [429, 'pending'],
    [500, 'pending'],
  ] as const)('treats an answer of %i as %s', async (status, state) => {
    hook = await startHookReceiver({ secret });
    hook.answers.push(status);
    const sent = await insertReport(store, { connectors: ['webhook'] });
    await forward(hook.url);

    const [job] = await forwardingStatus(store.db, sent.id);
    expect(job).toMatchObject({ state, attempts: 1 });
    expect(job?.last_error).toContain(`answered ${status}`);
    expect((await reportRow(sent.id)).state).toBe(state === 'failed' ? 'failed' : 'retrying');
  });
});

describe.skip.each(skippedDatabases())('forwarding to a webhook on %s', () => {
  it('needs PostgreSQL', () => {});
});
