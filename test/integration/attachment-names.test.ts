import { afterAll, afterEach, beforeAll, describe, expect, it } from 'vitest';
import { intakeResponse } from '../../shared/schemas/report.ts';
import type { Store } from '../../status-server/platform/db.ts';
import { attachmentUrlFor } from '../../status-server/routes/reports.ts';
import { type ConsoleClient, signedIn } from '../helpers/console.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { type HookReceiver, startHookReceiver } from '../helpers/hook-receiver.ts';
import { makePng } from '../helpers/images.ts';
import { postReport, sampleReport } from '../helpers/intake.ts';
import { type MailSink, startMailSink } from '../helpers/mail-sink.ts';
import { forwardAll } from '../helpers/receivers.ts';
import { startRedmineReceiver } from '../helpers/redmine.ts';
import { insertReport, openTestStore } from '../helpers/reports.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

/** The review's name: a path climbing out and a header break, decoding to an HTML file. */
const HOSTILE = '../../evil"\r\nContent-Type: text/html.html';
const RTL = 'invoice\u202egnp.exe';
const pdf = () =>
  Buffer.from('%PDF-1.4\n%\u00e2\u00e3\n1 0 obj <<>> endobj\ntrailer <<>>\n%%EOF\n', 'latin1');

/** Renames stored attachments as a version before safe names could have stored them. */
async function storeNames(store: Pick<Store, 'db'>, reportId: string, names: string[]) {
  for (const [position, name] of names.entries()) {
    await store.db
      .updateTable('report_attachments')
      .set({ name })
      .where('report_id', '=', reportId)
      .where('position', '=', position)
      .execute();
  }
}

describe.each(testDatabases())('attachment names served on $name', (database) => {
  let server: TestServer;
  let client: ConsoleClient;
  beforeAll(async () => {
    server = await startTestServer(database, { SNAPDESK_INTAKE_PER_MINUTE: '10000' });
    client = await signedIn(server);
  });
  afterAll(() => server.stop());

  it('are made safe and typed by their bytes when a report comes in', async () => {
    const report = sampleReport({
      attachments: [
        { part: 'file0', name: HOSTILE, kind: 'capture', method: 'stitched' },
        { part: 'file1', name: 'x.html', kind: 'file' },
        { part: 'file2', name: 'Captură ecran – coș.png', kind: 'file' },
        { part: 'file3', name: RTL, kind: 'file' },
      ],
    });
    const files = { file0: makePng(4, 4), file1: makePng(4, 4), file2: makePng(4, 4), file3: pdf() };
    const res = await postReport(server, { report, files });
    expect(res.status).toBe(201);
    const { reference } = intakeResponse.parse(await res.json());
    const rows = await server.store.db
      .selectFrom('report_attachments as a')
      .innerJoin('reports as r', 'r.id', 'a.report_id')
      .select(['a.name', 'a.content_type'])
      .where('r.reference', '=', reference)
      .orderBy('a.position')
      .execute();
    expect(rows).toEqual([
      { name: 'html.png', content_type: 'image/png' },
      { name: 'x.png', content_type: 'image/png' },
      { name: 'Captură ecran – coș.png', content_type: 'image/png' },
      { name: 'invoice_gnp.pdf', content_type: 'application/pdf' },
    ]);

    // The help desk's signed link offers the same names.
    const link = await attachmentUrlFor(server);
    const get = async (position: number) => {
      const url = new URL(link(reference, position));
      return server.request(url.pathname + url.search);
    };
    expect((await get(1)).headers.get('content-disposition')).toBe('inline; filename="x.png"');
    expect((await get(2)).headers.get('content-disposition')).toBe(
      `inline; filename="Captura ecran _ cos.png"; filename*=UTF-8''Captur%C4%83%20ecran%20%E2%80%93%20co%C8%99.png`,
    );
    const file = await get(3);
    expect(file.headers.get('content-type')).toBe('application/pdf');
    expect(file.headers.get('content-disposition')).toBe('attachment; filename="invoice_gnp.pdf"');
  });

  it('are safe in the console even when an older version stored them as sent', async () => {
    const row = await insertReport(server.store, { images: 3 });
    await storeNames(server.store, row.id, ['x.html', HOSTILE, RTL]);
    // The third is a PDF, stored under a name that claims HTML.
    await server.store.db
      .updateTable('report_attachments')
      .set({ data: pdf(), content_type: 'application/pdf', width: null, height: null })
      .where('report_id', '=', row.id)
      .where('position', '=', 2)
      .execute();

    const polyglot = await client.get(`/console/reports/${row.reference}/attachments/0`);
    expect(polyglot.status).toBe(200);
    expect(polyglot.headers.get('content-type')).toBe('image/png');
    expect(polyglot.headers.get('content-disposition')).toBe('inline; filename="x.png"');
    expect(polyglot.headers.get('x-content-type-options')).toBe('nosniff');
    expect(polyglot.headers.get('content-security-policy')).toBe('sandbox');

    const hostile = await client.get(`/console/reports/${row.reference}/attachments/1`);
    expect(hostile.headers.get('content-disposition')).toBe('inline; filename="html.png"');

    const document = await client.get(`/console/reports/${row.reference}/attachments/2`);
    expect(document.headers.get('content-type')).toBe('application/pdf');
    expect(document.headers.get('content-disposition')).toBe('attachment; filename="invoice_gnp.pdf"');

    const page = await (await client.get(`/console/reports/${row.reference}`)).text();
    expect(page).toContain('x.png · ');
    expect(page).toContain('>invoice_gnp.pdf</a>');
    expect(page).not.toContain('\u202e');
    expect(page).not.toContain('x.html');
  });
});

describe.each(testDatabases())('attachment names forwarded on $name', (database) => {
  const _publicUrl = 'https://status.example.com';
  const secret = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
  const apiKey = 'redmine-key-names-0123';
  let store: Store & { close(): Promise<void> };
  let receivers: {
    smtp: MailSink;
    redmine: Awaited<ReturnType<typeof startRedmineReceiver>>;
    hook: HookReceiver;
  };
  beforeAll(async () => {
    store = await openTestStore(database);
  });
  afterEach(async () => {
    await Promise.all(Object.values(receivers).map((r) => r.stop()));
  });
  afterAll(() => store.close());

  it('reach e-mail, Redmine and the webhook safe, also when stored as sent', async () => {
    receivers = {
      smtp: await startMailSink(),
      redmine: await startRedmineReceiver(apiKey),
      hook: await startHookReceiver({ secret }),
    };
    const sent = await insertReport(store, { connectors: ['email', 'redmine', 'webhook'], images: 3 });
    await storeNames(store, sent.id, [HOSTILE, 'x.html', RTL]);

    await forwardAll(store, {
      SNAPDESK_SMTP_URL: receivers.smtp.url,
      SNAPDESK_MAIL_FROM: 'Snapdesk <snapdesk@status.example.com>',
      SNAPDESK_FORWARD_EMAIL_TO: 'help@desk.example',
      SNAPDESK_REDMINE_URL: receivers.redmine.url,
      SNAPDESK_REDMINE_API_KEY: apiKey,
      SNAPDESK_REDMINE_PROJECT: 'support',
      SNAPDESK_FORWARD_WEBHOOK_URL: `${receivers.hook.url}/hooks`,
      SNAPDESK_FORWARD_WEBHOOK_SECRET: secret,
    });
    const expected = ['html.png', 'x.png', 'invoice_gnp.png'];

    const { mail } = receivers.smtp.messages[0] as (typeof receivers.smtp.messages)[number];
    expect(mail.attachments.map((a) => a.filename)).toEqual(expected);
    for (const name of expected) expect(mail.text).toContain(`${name} (image/png`);
    expect(mail.text).not.toContain('evil');
    expect(mail.text).not.toContain('\u202e');

    const issue = receivers.redmine.issues[0] as (typeof receivers.redmine.issues)[number];
    expect(issue.attachments.map((a) => a.filename)).toEqual(expected);
    expect(String(issue.fields.description)).not.toContain('x.html');

    const delivery = receivers.hook.deliveries[0] as (typeof receivers.hook.deliveries)[number];
    const payload = delivery.verified as { data: { attachments: { name: string }[] } };
    expect(payload.data.attachments.map((a) => a.name)).toEqual(expected);
  });
});

describe.skip.each(skippedDatabases())('attachment names on %s', () => {
  it('needs PostgreSQL', () => {});
});
