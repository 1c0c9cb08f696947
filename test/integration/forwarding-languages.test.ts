import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/i18n/index.ts';
import type { Store } from '../../status-server/platform/db.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { type HookReceiver, startHookReceiver } from '../helpers/hook-receiver.ts';
import { type MailSink, startMailSink } from '../helpers/mail-sink.ts';
import { forwardAll } from '../helpers/receivers.ts';
import { startRedmineReceiver } from '../helpers/redmine.ts';
import { insertReport, openTestStore } from '../helpers/reports.ts';

const apiKey = 'redmine-key-0123456789';
const secret = `whsec_${Buffer.alloc(32, 9).toString('base64')}`;
const ro = createTranslator('ro');

/** What the reporter wrote, in their own language; none of it is the help desk's to translate. */
const words = {
  title: 'Knopf „Jetzt bezahlen“ reagiert nicht',
  description: 'Beim Klick auf „Jetzt bezahlen“ dreht sich der Kreisel endlos.',
  steps: '1. Sofa in den Warenkorb\n2. Zur Kasse\n3. „Jetzt bezahlen“ klicken',
  expected: 'Die Bestellung wird aufgegeben',
  tried: 'Cache geleert, anderer Browser',
};

describe.each(testDatabases())('forwarding in the help desk’s language on $name', (database) => {
  let store: Store & { close(): Promise<void> };
  let smtp: MailSink;
  let hook: HookReceiver;
  let redmine: Awaited<ReturnType<typeof startRedmineReceiver>>;
  let sent: Awaited<ReturnType<typeof insertReport>>;

  beforeAll(async () => {
    store = await openTestStore(database);
    smtp = await startMailSink();
    hook = await startHookReceiver({ secret });
    redmine = await startRedmineReceiver(apiKey);
    sent = await insertReport(store, {
      connectors: ['email', 'redmine', 'webhook'],
      incident: { name: 'Plățile eșuează', status: 'identified' },
      title: words.title,
      report: {
        description: words.description,
        steps: words.steps,
        expected: words.expected,
        tried: words.tried,
      },
    });
    await forwardAll(store, {
      SNAPDESK_HELPDESK_LOCALE: 'ro',
      SNAPDESK_SMTP_URL: smtp.url,
      SNAPDESK_MAIL_FROM: 'Snapdesk <snapdesk@status.example.com>',
      SNAPDESK_FORWARD_EMAIL_TO: 'help@desk.example',
      SNAPDESK_REDMINE_URL: redmine.url,
      SNAPDESK_REDMINE_API_KEY: apiKey,
      SNAPDESK_REDMINE_PROJECT: 'support',
      SNAPDESK_FORWARD_WEBHOOK_URL: `${hook.url}/helpdesk`,
      SNAPDESK_FORWARD_WEBHOOK_SECRET: secret,
    });
  });
  afterAll(async () => {
    await redmine.stop();
    await hook.stop();
    await smtp.stop();
    await store.close();
  });

  /** The outline's Romanian lines, made from the catalogue, with the reporter's words as written. */
  const romanian = () => [
    `${ro('helpdesk.reference')}: ${sent.reference}`,
    `${ro('helpdesk.type')}: ${ro('report.type.broken')}`,
    `${ro('helpdesk.priority')}: ${ro('report.priority.high')}`,
    `${ro('helpdesk.account')}: Möbelhaus Nord GmbH`,
    `${ro('helpdesk.os')}: Windows 11`,
    `${ro('helpdesk.incident')}: Plățile eșuează`,
    `${ro('helpdesk.incidentStatus')}: ${ro('incident.status.identified')}`,
    `${ro('helpdesk.blocking')}: ${ro('report.blocking.ordering')}`,
    `${ro('helpdesk.description')}\n${words.description}`,
    `${ro('helpdesk.steps')}\n${words.steps}`,
    `${ro('helpdesk.expected')}\n${words.expected}`,
    `${ro('helpdesk.tried')}\n${words.tried}`,
    // The page's errors and the images' capture method in the form's words, not as enums.
    `UTC ${ro('report.console.kind.error')}: TypeError`,
    ro('helpdesk.captureMethod', { method: ro('report.series.method.stitched') }),
    // A few as a Romanian reader sees them.
    'Tip: Ceva nu funcționează',
    'Prioritate: Ridicată',
    'Pași pentru reproducere',
  ];
  const english = [
    'Reference:',
    'Priority:',
    'Steps to reproduce',
    'Already tried',
    'It stops',
    'Status:',
    'UTC error:',
    'stitched',
  ];

  it('labels the e-mail in Romanian and leaves the reporter’s words as they wrote them', () => {
    expect(smtp.messages).toHaveLength(1);
    const { mail } = smtp.messages[0] as (typeof smtp.messages)[number];
    expect(mail.subject).toBe(`[${sent.reference}] ${words.title}`);
    for (const line of romanian()) expect(mail.text).toContain(line);
    for (const label of english) expect(mail.text).not.toContain(label);
    expect(mail.text).toContain(ro('helpdesk.truncated'));
    const html = mail.html || '';
    expect(html).toContain('<html lang="ro">');
    expect(html).toContain(
      `<th align="left" valign="top" style="padding-right: 12px">${ro('helpdesk.account')}</th><td>Möbelhaus Nord GmbH</td>`,
    );
    expect(html).toContain(`<h1 style="font-size: 18px">Knopf „Jetzt bezahlen“ reagiert nicht</h1>`);
  });

  it('labels the Redmine issue in Romanian, with the reporter’s title and words unchanged', () => {
    expect(redmine.issues).toHaveLength(1);
    const issue = redmine.issues[0] as (typeof redmine.issues)[number];
    expect(issue.fields.subject).toBe(`[${sent.reference}] ${words.title}`);
    const description = issue.fields.description as string;
    for (const line of romanian()) expect(description).toContain(line);
    for (const label of english) expect(description).not.toContain(label);
  });

  it('keeps the webhook’s fields machine-readable and adds the Romanian summary', () => {
    expect(hook.deliveries).toHaveLength(1);
    const { data } = (hook.deliveries[0]?.verified ?? {}) as { data: Record<string, unknown> };
    // Enums stay enums, the reporter's words stay theirs.
    expect(data).toMatchObject({
      type: 'bug',
      priority: 'high',
      title: words.title,
      description: words.description,
      steps: words.steps,
      impact: { blocking: 'ordering' },
      incident: { name: 'Plățile eșuează', status: 'identified' },
    });
    const summary = data.summary as { locale: string; text: string };
    expect(summary.locale).toBe('ro');
    for (const line of romanian()) expect(summary.text).toContain(line);
    for (const label of english) expect(summary.text).not.toContain(label);
  });
});

describe.skip.each(skippedDatabases())('forwarding in the help desk’s language on %s', () => {
  it('needs PostgreSQL', () => {});
});
