import type { Report } from '../../shared/schemas/report.ts';
import { makePng } from './images.ts';
import type { TestServer } from './server.ts';

export type ReportInput = Omit<Report, 'console' | 'attachments'> &
  Partial<Pick<Report, 'console' | 'attachments'>>;

/**
 * A "Something is broken" report with every field filled, as the extension sends it: the two
 * captures it describes are `sampleFiles()`. Times are fixed, so what is forwarded can be compared
 * word for word; not validated, so a test can send what the intake must refuse.
 */
export function sampleReport(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
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
    attachments: [
      { part: 'file0', name: 'page.png', kind: 'capture', method: 'stitched' },
      { part: 'file1', name: 'viewport.png', kind: 'capture', method: 'viewport' },
    ],
    ...overrides,
  };
}

export const sampleFiles = () => ({ file0: makePng(40, 120), file1: makePng(40, 30, [20, 20, 200]) });

/** Posts a report as multipart/form-data, the way the extension's outbox does. */
export async function postReport(
  server: Pick<TestServer, 'request'>,
  options: {
    report?: unknown;
    files?: Record<string, Uint8Array | Blob>;
    key?: string;
    headers?: Record<string, string>;
  } = {},
): Promise<Response> {
  const form = new FormData();
  form.set('report', JSON.stringify(options.report ?? sampleReport()));
  for (const [name, data] of Object.entries(options.files ?? sampleFiles())) {
    form.set(
      name,
      data instanceof Blob ? data : new Blob([new Uint8Array(data)], { type: 'image/png' }),
      `${name}.png`,
    );
  }
  return server.request('/api/reports', {
    method: 'POST',
    headers: { 'idempotency-key': options.key ?? crypto.randomUUID(), ...options.headers },
    body: form,
  });
}
