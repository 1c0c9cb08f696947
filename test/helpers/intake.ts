import type { Report } from '../../shared/schemas/report.ts';
import { makePng } from './images.ts';
import type { TestServer } from './server.ts';

type ReportInput = Omit<Report, 'console' | 'attachments'> & Partial<Pick<Report, 'console' | 'attachments'>>;

/** A complete "Something is broken" report as the extension sends it. */
export function sampleReport(overrides: Partial<ReportInput> = {}): ReportInput {
  return {
    type: 'bug',
    title: 'Order 456 shows as invoiced but the invoice is missing',
    steps: '1. Open order 456\n2. Click "Invoice"',
    expected: 'The invoice PDF opens',
    actual: 'An empty page',
    priority: 'high',
    impact: { text: 'All orders of today', orders: 37, blocking: 'ordering' },
    account: 'Acme Shop',
    country: 'RO',
    contact_email: 'ana@example.com',
    environment: {
      url: 'https://shop.example.com/orders/456?token=secret',
      title: 'Order 456',
      captured_at: new Date(Date.now() - 60_000).toISOString(),
      time_zone: 'Europe/Bucharest',
      browser: 'Chrome',
      browser_version: '156.0',
      os: 'Linux',
      viewport: { width: 1280, height: 800 },
      screen: { width: 1920, height: 1080 },
      device_pixel_ratio: 1,
      language: 'ro-RO',
      extension_version: '0.1.0',
    },
    console: [
      {
        kind: 'network',
        message: 'GET failed',
        at: new Date().toISOString(),
        method: 'GET',
        source: 'https://shop.example.com/api/invoice',
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
