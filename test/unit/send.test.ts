import { describe, expect, it } from 'vitest';
import { attachmentParts, outgoingOf } from '../../extension/lib/report/attachments.ts';
import { parseCount, prefilledForm, reportFields, reportInput } from '../../extension/lib/report/fields.ts';
import { outboxItem } from '../../extension/lib/report/send.ts';
import { checkReport } from '../../extension/lib/report/validation.ts';
import type { Capture, Draft } from '../../extension/lib/store.ts';
import { defaultFormConfig, parseFormConfig } from '../../shared/schemas/form-config.ts';
import { report } from '../../shared/schemas/report.ts';

const png = (bytes = 10) => new Blob([new Uint8Array(bytes)], { type: 'image/png' });

function capture(name: string, extra: Partial<Capture> = {}): Capture {
  return {
    id: crypto.randomUUID(),
    name,
    original: png(),
    annotations: [],
    method: 'viewport',
    width: 1280,
    height: 800,
    truncated: false,
    capturedAt: '2026-11-23T14:05:09.000+02:00',
    ...extra,
  };
}

function draft(extra: Partial<Draft> = {}): Draft {
  return {
    id: 'draft-1',
    createdAt: '2026-11-23T12:05:09.000Z',
    updatedAt: '2026-11-23T12:05:09.000Z',
    tabId: 7,
    environment: {
      url: 'https://shop.example.com/checkout/pay',
      title: 'Checkout',
      captured_at: '2026-11-23T14:05:09.000+02:00',
      time_zone: 'Europe/Bucharest',
      browser: 'Chrome',
      browser_version: '131.0',
      os: 'Linux',
      viewport: { width: 1280, height: 800 },
      screen: { width: 1920, height: 1080 },
      device_pixel_ratio: 1,
      language: 'ro-RO',
      extension_version: '0.1.0',
    },
    console: [
      {
        kind: 'error',
        message: 'TypeError: total is undefined',
        at: '2026-11-23T14:05:01.000+02:00',
        source: 'https://shop.example.com/app.js:10:5',
      },
      {
        kind: 'network',
        message: 'Failed request',
        at: '2026-11-23T14:05:02.000+02:00',
        method: 'POST',
        status: 500,
        source: 'https://shop.example.com/api/pay',
      },
    ],
    captures: [capture('full-page.webp', { method: 'stitched', truncated: true }), capture('viewport.png')],
    requestType: 'bug',
    form: {
      title: 'Paying by card fails with error 500 at checkout',
      description: 'After entering the card the page shows an error.',
      stepsToReproduce: '1. Add a product\n2. Pay by card',
      expected: 'The order is paid',
      actual: 'Error 500',
      blocking: 'ordering',
      priority: 'immediate',
      impactOrders: '1 200',
      contactEmail: 'ana@example.com',
      country: 'RO',
      goal: 'This belongs to feature ideas only',
    },
    ...extra,
  };
}

const config = defaultFormConfig;
const metaOf = (d: Draft) => attachmentParts(outgoingOf(d)).meta;

describe('turning a draft into a report', () => {
  it('maps the form onto the report the server validates', () => {
    const d = draft();
    const checked = checkReport(d, config, metaOf(d), '0b7c4a1e-8f5d-4c3b-9a2e-1d6f7a8b9c0d');
    expect(checked.fieldErrors).toEqual({});
    expect(checked.general).toEqual([]);
    expect(checked.report).toMatchObject({
      type: 'bug',
      title: 'Paying by card fails with error 500 at checkout',
      steps: '1. Add a product\n2. Pay by card',
      expected: 'The order is paid',
      actual: 'Error 500',
      priority: 'immediate',
      impact: { blocking: 'ordering', orders: 1200 },
      contact_email: 'ana@example.com',
      country: 'RO',
      client_id: '0b7c4a1e-8f5d-4c3b-9a2e-1d6f7a8b9c0d',
    });
    // A feature idea's question is not part of a bug report.
    expect(checked.report?.description).toBe('After entering the card the page shows an error.');
  });

  it('describes every image and file: part, name, kind, how it was captured, whether it was cut', () => {
    const d = draft({
      files: [{ id: 'f1', name: 'invoice.pdf', blob: new Blob(['%PDF-1.4'], { type: 'application/pdf' }) }],
    });
    const { meta, parts } = attachmentParts(outgoingOf(d));
    expect(meta).toEqual([
      { part: 'file0', name: 'full-page.webp', kind: 'capture', method: 'stitched', truncated: true },
      { part: 'file1', name: 'viewport.png', kind: 'capture', method: 'viewport' },
      { part: 'file2', name: 'invoice.pdf', kind: 'file' },
    ]);
    expect(parts.map((p) => p.part)).toEqual(['file0', 'file1', 'file2']);
    expect(parts[2]?.blob.type).toBe('application/pdf');
    expect(report.safeParse(reportInput(d, config, meta)).success).toBe(true);
  });

  it('sends the series in the order the person put it in', () => {
    const d = draft();
    const reordered = { ...d, captures: [d.captures[1], d.captures[0]] as Capture[] };
    expect(metaOf(reordered).map((m) => m.name)).toEqual(['viewport.png', 'full-page.webp']);
  });

  it('gives files with the same name distinct names, and cleans names a help desk would choke on', () => {
    const { meta } = attachmentParts([
      { name: 'step.png', blob: png(), kind: 'capture', method: 'viewport' },
      { name: 'step.png', blob: png(), kind: 'capture', method: 'viewport' },
      { name: 'a/b:c.pdf', blob: png(), kind: 'file' },
      { name: '   ', blob: png(), kind: 'file' },
    ]);
    expect(meta.map((m) => m.name)).toEqual(['step.png', 'step (2).png', 'a_b_c.pdf', 'file-4']);
  });

  it('leaves out console entries the person removed', () => {
    const d = draft();
    const kept = { ...d, console: d.console.filter((_, i) => i !== 0) };
    const checked = checkReport(kept, config, metaOf(kept));
    expect(checked.report?.console).toHaveLength(1);
    expect(checked.report?.console[0]?.kind).toBe('network');
    expect(JSON.stringify(checked.report)).not.toContain('total is undefined');
  });

  it('drops the priority and the bug questions when the request is a question or an idea', () => {
    for (const requestType of ['question', 'feature']) {
      const d = draft({ requestType });
      const checked = checkReport(d, config, metaOf(d));
      expect(checked.fieldErrors, requestType).toEqual({});
      expect(checked.report?.type).toBe(requestType);
      expect(checked.report?.priority).toBeUndefined();
      expect(checked.report?.steps).toBeUndefined();
      expect(checked.report?.impact).toBeUndefined();
    }
  });

  it('adds answers the report has no field for to the description, under their label', () => {
    const fields = reportFields(config, 'feature', {
      title: 'x',
      description: 'Banner',
      goal: 'Change it weekly',
    });
    expect(fields.description).toBe('Banner\n\nWhat do you want to achieve?:\nChange it weekly');
  });

  it('keeps a server form’s own fields, and files its own request types as questions', () => {
    const parsed = parseFormConfig({
      version: 1,
      requestTypes: [{ id: 'access', label: 'report.type.access' }],
      fields: [
        { id: 'title', kind: 'title', label: 'report.field.title', required: true, types: ['access'] },
        { id: 'orderNumber', kind: 'text', label: 'report.field.orderNumber', types: ['access'] },
        { id: 'priority', kind: 'priority', label: 'report.field.priority', types: ['access'] },
      ],
    });
    if (!parsed.ok) throw new Error(JSON.stringify(parsed.issues));
    const fields = reportFields(parsed.config, 'access', {
      title: 'Cannot log in to the shop',
      orderNumber: '456',
      priority: 'high',
    });
    expect(fields).toMatchObject({ type: 'question', description: 'Order number:\n456' });
    expect(fields.priority).toBeUndefined();
  });

  it('links the report to the incident the person chose', () => {
    const d = draft({ incidentId: 'abc123def456' });
    expect(checkReport(d, config, metaOf(d)).report?.incident_id).toBe('abc123def456');
  });

  it('names what is missing or wrong next to each field', () => {
    const d = draft({
      form: {
        title: 'CHECKOUT IS BROKEN',
        priority: '',
        impactPeople: 'many',
        contactEmail: 'not-an-address',
      },
    });
    const checked = checkReport(d, config, metaOf(d));
    expect(checked.report).toBeUndefined();
    expect(Object.keys(checked.fieldErrors).sort()).toEqual(
      ['contactEmail', 'description', 'impactPeople', 'priority', 'stepsToReproduce', 'title'].sort(),
    );
    expect(checked.fieldErrors.title).toMatch(/capitals/);
    expect(checked.fieldErrors.impactPeople).toMatch(/whole number/);
  });

  it('only an empty or all-capitals title blocks; a vague one only gets hints', () => {
    const vague = draft({ form: { ...draft().form, title: 'Checkout does not work' } });
    expect(checkReport(vague, config, metaOf(vague)).fieldErrors.title).toBeUndefined();
    const empty = draft({ form: { ...draft().form, title: '   ' } });
    expect(checkReport(empty, config, metaOf(empty)).fieldErrors.title).toBeDefined();
  });

  it('asks for the page address when there is no capture to take it from', () => {
    const d = draft({ environment: { ...draft().environment, url: '' }, captures: [] });
    expect(checkReport(d, config, metaOf(d)).fieldErrors.pageUrl).toBeDefined();
  });

  it('refuses more files than the server takes', () => {
    const d = draft({ captures: Array.from({ length: 11 }, (_, i) => capture(`step-${i}.png`)) });
    expect(checkReport(d, config, metaOf(d)).general.join()).toMatch(/at most 10/);
  });

  it('builds an outbox entry whose id is a fresh idempotency key, due at once', () => {
    const d = draft();
    const checked = checkReport(d, config, metaOf(d));
    if (!checked.report) throw new Error('report expected');
    const { parts } = attachmentParts(outgoingOf(d));
    const now = new Date('2026-11-23T12:06:00.000Z');
    const item = outboxItem(d.id, checked.report, parts, now);
    expect(item.id).toMatch(/^[0-9a-f-]{36}$/);
    expect(outboxItem(d.id, checked.report, parts, now).id).not.toBe(item.id);
    expect(item).toMatchObject({ draftId: 'draft-1', attempts: 0, nextAttemptAt: now.getTime() });
    expect(item.files.map((f) => f.name)).toEqual(['full-page.webp', 'viewport.png']);
  });

  it('prefills account, country and contact e-mail from the settings', () => {
    expect(
      prefilledForm(config, { account: 'Shop SRL', country: 'RO', contactEmail: 'ana@example.com' }),
    ).toEqual({
      account: 'Shop SRL',
      country: 'RO',
      contactEmail: 'ana@example.com',
    });
  });

  it('reads counts as people type them', () => {
    expect(parseCount('1 200')).toBe(1200);
    expect(parseCount('1,200')).toBe(1200);
    expect(parseCount('about 5')).toBeNaN();
  });
});
