import { type Report, report as reportSchema } from '../../shared/schemas/report.ts';
import type { Connector } from '../../status-server/connectors/config.ts';
import { enqueue } from '../../status-server/delivery/queue.ts';
import { newId } from '../../status-server/domain/ids.ts';
import { nextReferenceNumber } from '../../status-server/reports/intake.ts';
import { openStore, type Store } from '../../status-server/store/db.ts';
import { migrateToLatest } from '../../status-server/store/migrations.ts';
import type { TestDatabase } from './databases.ts';
import { makePng } from './images.ts';

/** A migrated store on a fresh database, without a server around it. */
export async function openTestStore(database: TestDatabase): Promise<Store> {
  const created = await database.create();
  const store = openStore(created);
  await migrateToLatest(store.db);
  return {
    ...store,
    async close() {
      await store.close();
      await created.drop();
    },
  };
}

/** A "something is broken" report with every field filled, as the extension sends it. */
export function sampleReport(overrides: Partial<Report> = {}): Report {
  return reportSchema.parse({
    type: 'bug',
    title: 'Checkout button does nothing',
    description: 'Clicking "Pay now" shows a spinner forever.',
    steps: '1. Add a sofa to the cart\n2. Open checkout\n3. Click "Pay now"',
    expected: 'The order is placed',
    actual: 'Spinner, no order',
    before: 'Worked yesterday at 17:00',
    impact: { text: 'All stores in the north', people: 12, orders: 340, branches: 4, blocking: 'ordering' },
    examples_working: 'Order 1001 with PayPal',
    examples_failing: 'Order 1002 with card',
    tried: 'Cleared the cache, other browser',
    priority: 'high',
    account: 'Möbelhaus Nord GmbH',
    share_with: 'Team Nord',
    country: 'DE',
    contact_email: 'anna@moebel-nord.example',
    environment: {
      url: 'https://shop.example.com/checkout?step=pay',
      title: 'Checkout – Shop',
      captured_at: '2025-03-04T10:15:30.000Z',
      time_zone: 'Europe/Berlin',
      browser: 'Chrome',
      browser_version: '134.0',
      os: 'Windows 11',
      viewport: { width: 1280, height: 720 },
      screen: { width: 1920, height: 1080 },
      device_pixel_ratio: 1.5,
      language: 'de-DE',
      extension_version: '1.4.2',
    },
    console: [
      {
        kind: 'error',
        message: 'TypeError: order is undefined',
        at: '2025-03-04T10:15:01.000Z',
        source: 'app.js:42',
      },
      {
        kind: 'network',
        message: 'Internal Server Error',
        at: '2025-03-04T10:15:02.000Z',
        source: 'https://api.example.com/orders',
        method: 'POST',
        status: 500,
      },
    ],
    ...overrides,
  });
}

interface InsertedReport {
  id: string;
  reference: string;
  jobIds: string[];
  /** The images' bytes, by position. */
  images: Buffer[];
  incidentId: string | null;
}

/**
 * Stores a report as the intake would (row, image rows, one `forward` job per connector) in one
 * transaction, so forwarding can be tested before and apart from the HTTP intake.
 */
export async function insertReport(
  store: Store,
  options: {
    connectors: Connector[];
    report?: Partial<Report>;
    images?: number;
    incident?: { name: string; status: 'investigating' | 'identified' | 'monitoring' | 'resolved' };
  },
): Promise<InsertedReport> {
  const images = Array.from({ length: options.images ?? 2 }, (_, i) => makePng(4, 4, [40 * i, 120, 200]));
  const report = sampleReport({
    attachments: images.map((_, i) => ({
      part: `file${i}`,
      name: `capture-${i + 1}.png`,
      kind: 'capture' as const,
      method: 'stitched' as const,
      ...(i === 0 ? { truncated: true } : {}),
    })),
    ...options.report,
  });
  const id = newId();
  const now = new Date().toISOString();
  return store.db.transaction().execute(async (trx) => {
    let incidentId: string | null = null;
    if (options.incident) {
      incidentId = newId();
      await trx
        .insertInto('incidents')
        .values({
          id: incidentId,
          kind: 'incident',
          name: options.incident.name,
          status: options.incident.status,
          impact: 'major',
          started_at: now,
          created_at: now,
          updated_at: now,
          monitoring_at: null,
          resolved_at: null,
          scheduled_for: null,
          scheduled_until: null,
        })
        .execute();
    }
    // Numbered as the intake numbers them, so reports from both never share a reference.
    const value = await nextReferenceNumber(trx, store.dialect);
    const reference = `SD-${value}`;
    await trx
      .insertInto('reports')
      .values({
        id,
        reference,
        idempotency_key: newId(),
        request_hash: newId(),
        type: report.type,
        title: report.title,
        priority: report.priority ?? null,
        body: JSON.stringify(report),
        page_url: report.environment.url,
        page_host: new URL(report.environment.url).hostname,
        captured_at: report.environment.captured_at,
        received_at: now,
        deadline_at: null,
        client_ip: '127.0.0.1',
        client_id: null,
        incident_id: incidentId,
        incident_link: incidentId ? 'match' : null,
        state: 'received',
        external_ref: null,
      })
      .execute();
    for (const [position, data] of images.entries()) {
      await trx
        .insertInto('report_attachments')
        .values({
          id: newId(),
          report_id: id,
          position,
          name: `capture-${position + 1}.png`,
          kind: 'capture',
          method: 'stitched',
          truncated: position === 0 ? 1 : 0,
          content_type: 'image/png',
          size: data.length,
          width: 4,
          height: 4,
          data,
        })
        .execute();
    }
    const jobIds = await enqueue(
      trx,
      options.connectors.map((connector) => ({ kind: 'forward', ref_id: id, payload: { connector } })),
    );
    return { id, reference, jobIds, images, incidentId };
  });
}
