import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import type { Store } from '../../status-server/platform/db.ts';
import { retryNow } from '../../status-server/platform/jobs/queue.ts';
import { forwardingStatus } from '../../status-server/reports/forwarding.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { sampleReport } from '../helpers/intake.ts';
import { type MailSink, startMailSink } from '../helpers/mail-sink.ts';
import { freePort } from '../helpers/net.ts';
import { forwardAll, FORWARD_PUBLIC_URL as publicUrl } from '../helpers/receivers.ts';
import { insertReport, openTestStore } from '../helpers/reports.ts';

describe.each(testDatabases())('forwarding by e-mail on $name', (database) => {
  let store: Store & { close(): Promise<void> };
  let smtp: MailSink | undefined;
  beforeAll(async () => {
    store = await openTestStore(database);
  });
  afterEach(async () => {
    await smtp?.stop();
    smtp = undefined;
  });
  afterAll(() => store.close());

  const forward = (smtpUrl: string) =>
    forwardAll(store, {
      SNAPDESK_SMTP_URL: smtpUrl,
      SNAPDESK_MAIL_FROM: 'Snapdesk <snapdesk@status.example.com>',
      SNAPDESK_FORWARD_EMAIL_TO: 'help@desk.example',
    });
  const reportRow = (id: string) =>
    store.db.selectFrom('reports').selectAll().where('id', '=', id).executeTakeFirstOrThrow();

  it('sends a report as one mail with its fields, images and the reporter as Reply-To', async () => {
    smtp = await startMailSink();
    const sent = await insertReport(store, {
      connectors: ['email'],
      incident: { name: 'Payments failing', status: 'identified' },
    });
    await forward(smtp.url);

    expect(smtp.messages).toHaveLength(1);
    const { mail, rcptTo } = smtp.messages[0] as (typeof smtp.messages)[number];
    expect(rcptTo).toEqual(['help@desk.example']);
    expect(mail.subject).toBe(`[${sent.reference}] Checkout button does nothing`);
    expect(mail.from?.value[0]?.address).toBe('snapdesk@status.example.com');
    expect(mail.replyTo?.value[0]?.address).toBe('anna@moebel-nord.example');
    expect(mail.headers.get('x-snapdesk-reference')).toBe(sent.reference);
    expect(mail.messageId).toBe(`<${sent.jobIds[0]}.${sent.reference.toLowerCase()}@status.example.com>`);

    const incidentUrl = `${publicUrl}/incidents/${sent.incident_id}`;
    for (const expected of [
      `Reference: ${sent.reference}`,
      'Type: Something is broken',
      'Priority: High',
      'Account: Möbelhaus Nord GmbH',
      'Share with: Team Nord',
      'Country: DE',
      'Contact e-mail: anna@moebel-nord.example',
      'URL: https://shop.example.com/checkout?step=pay',
      'Captured: 2025-03-04 10:15:30 UTC',
      'Browser: Chrome 134.0',
      'Operating system: Windows 11',
      'Viewport: 1280 × 720',
      'Screen: 1920 × 1080',
      'Device pixel ratio: 1.5',
      'Language: de-DE',
      'Time zone: Europe/Berlin',
      'Extension version: 1.4.2',
      'Steps to reproduce\n1. Add a sofa to the cart\n2. Open checkout',
      'Expected\nThe order is placed',
      'Actual\nSpinner, no order',
      'Before (when it last worked)\nWorked yesterday at 17:00',
      'People affected: 12',
      'Orders affected: 340',
      'Branches affected: 4',
      'It stops: Customers cannot complete an order or pay',
      'Examples that work\nOrder 1001 with PayPal',
      'Examples that fail\nOrder 1002 with card',
      'Already tried\nCleared the cache, other browser',
      'Incident: Payments failing',
      'Status: Identified',
      `Link: ${incidentUrl}`,
      '2025-03-04 10:15:01 UTC Error: TypeError: order is undefined (app.js:42)',
      '2025-03-04 10:15:02 UTC Request failed 500: POST Internal Server Error (https://api.example.com/orders)',
      'capture-1.png (image/png, 4 × 4',
    ]) {
      expect(mail.text).toContain(expected);
    }

    const html = mail.html || '';
    expect(html).toContain(
      '<th align="left" valign="top" style="padding-right: 12px">Account</th><td>Möbelhaus Nord GmbH</td>',
    );
    expect(html).toContain(`<a href="${incidentUrl}">${incidentUrl}</a>`);
    expect(html).toContain('Clicking &quot;Pay now&quot; shows a spinner forever.');
    expect(html).toContain(
      '<li>2025-03-04 10:15:01 UTC Error: TypeError: order is undefined (app.js:42)</li>',
    );

    expect(mail.attachments.map((a) => [a.filename, a.contentType])).toEqual([
      ['capture-1.png', 'image/png'],
      ['capture-2.png', 'image/png'],
    ]);
    expect(mail.attachments.map((a) => a.content)).toEqual(sent.images);

    const row = await reportRow(sent.id);
    expect(row.state).toBe('forwarded');
    expect(row.external_ref).toBeNull();
  });

  it('keeps line breaks out of the headers and markup out of the HTML', async () => {
    smtp = await startMailSink();
    const sent = await insertReport(store, {
      connectors: ['email'],
      report: {
        title: 'Broken\r\nBcc: victim@evil.example\r\nX-Injected: yes',
        description: '<script>alert(1)</script><img src=x onerror=alert(2)>',
        environment: {
          ...sampleReport().environment,
          url: 'javascript:alert(3)',
        },
      },
    });
    await forward(smtp.url);

    const { mail, rcptTo } = smtp.messages[0] as (typeof smtp.messages)[number];
    expect(rcptTo).toEqual(['help@desk.example']);
    expect(mail.subject).toBe(`[${sent.reference}] Broken Bcc: victim@evil.example X-Injected: yes`);
    expect(mail.headers.has('x-injected')).toBe(false);
    expect(mail.headers.has('bcc')).toBe(false);
    const html = mail.html || '';
    expect(html).not.toContain('<script>');
    expect(html).not.toContain('<img');
    expect(html).toContain('&lt;script&gt;alert(1)&lt;/script&gt;');
    expect(html).not.toContain('href="javascript:');
    expect(mail.text).toContain('<script>alert(1)</script>');
  });

  it('delivers a report sent while the mail server is down exactly once when it is back', async () => {
    const port = await freePort();
    const sent = await insertReport(store, { connectors: ['email'] });
    await forward(`smtp://127.0.0.1:${port}`);

    expect((await reportRow(sent.id)).state).toBe('retrying');
    const [waiting] = await forwardingStatus(store.db, sent.id);
    expect(waiting).toMatchObject({ connector: 'email', state: 'pending', attempts: 1 });
    expect(waiting?.last_error).toMatch(/ECONNREFUSED/);
    expect(Date.parse(waiting?.next_try_at ?? '')).toBeGreaterThan(Date.now());

    smtp = await startMailSink({ port });
    await forward(smtp.url);
    expect(smtp.messages).toHaveLength(0); // not due yet: the back-off holds it
    await retryNow(store.db, sent.jobIds);
    await forward(smtp.url);
    await forward(smtp.url);

    expect(smtp.messages).toHaveLength(1);
    expect(smtp.messages[0]?.mail.subject).toContain(sent.reference);
    expect((await reportRow(sent.id)).state).toBe('forwarded');
    const [done] = await forwardingStatus(store.db, sent.id);
    expect(done).toMatchObject({ state: 'done', attempts: 2, next_try_at: null });
  });

  it('fails a report for good when the mail server refuses the address, and says why', async () => {
    smtp = await startMailSink({ refuse: { code: 550, message: 'No such mailbox' } });
    const sent = await insertReport(store, { connectors: ['email'] });
    await forward(smtp.url);

    expect(smtp.messages).toHaveLength(0);
    expect((await reportRow(sent.id)).state).toBe('failed');
    const [failed] = await forwardingStatus(store.db, sent.id);
    expect(failed).toMatchObject({ connector: 'email', state: 'failed', attempts: 1, next_try_at: null });
    expect(failed?.last_error).toMatch(/550.*No such mailbox/);
  });
});

describe.skip.each(skippedDatabases())('forwarding by e-mail on %s', () => {
  it('needs PostgreSQL', () => {});
});
