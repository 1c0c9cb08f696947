import { afterAll, afterEach, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import type { Store } from '../../status-server/platform/db.ts';
import { testDatabases } from '../helpers/databases.ts';
import { type HookReceiver, startHookReceiver } from '../helpers/hook-receiver.ts';
import { type MailSink, startMailSink } from '../helpers/mail-sink.ts';
import { forwardAll } from '../helpers/receivers.ts';
import { startRedmineReceiver } from '../helpers/redmine.ts';
import { insertReport, openTestStore } from '../helpers/reports.ts';

const apiKey = 'redmine-key';
const secret = `whsec_${Buffer.alloc(32, 5).toString('base64')}`;

/** A whole page cut in three parts, then the viewport: as the extension sends a very tall page. */
const attachments = [1, 2, 3]
  .map((index) => ({
    part: `file${index - 1}`,
    name: `full-page-${index}of3.png`,
    kind: 'capture' as const,
    method: 'stitched' as const,
    page_part: { index, count: 3 },
  }))
  .concat([{ part: 'file3', name: 'viewport.png', kind: 'capture', method: 'viewport' } as never]);

describe.each(testDatabases())('the parts of a whole page forwarded on $name', (database) => {
  let store: Store & { close(): Promise<void> };
  let smtp: MailSink;
  let redmine: Awaited<ReturnType<typeof startRedmineReceiver>>;
  let hook: HookReceiver;
  beforeAll(async () => {
    store = await openTestStore(database);
  });
  beforeEach(async () => {
    [smtp, redmine, hook] = await Promise.all([
      startMailSink(),
      startRedmineReceiver(apiKey),
      startHookReceiver({ secret }),
    ]);
  });
  afterEach(() => Promise.all([smtp.stop(), redmine.stop(), hook.stop()]));
  afterAll(() => store.close());

  it('reach every help desk in page order, each labelled "Whole page 2/3" in the help desk’s language', async () => {
    const sent = await insertReport(store, {
      connectors: ['email', 'redmine', 'webhook'],
      images: 4,
      report: { attachments },
    });
    await forwardAll(store, {
      SNAPDESK_SMTP_URL: smtp.url,
      SNAPDESK_FORWARD_EMAIL_TO: 'help@desk.example',
      SNAPDESK_REDMINE_URL: redmine.url,
      SNAPDESK_REDMINE_API_KEY: apiKey,
      SNAPDESK_REDMINE_PROJECT: 'support',
      SNAPDESK_FORWARD_WEBHOOK_URL: hook.url,
      SNAPDESK_FORWARD_WEBHOOK_SECRET: secret,
      SNAPDESK_HELPDESK_LOCALE: 'cs',
    });
    const names = ['full-page-1of3.png', 'full-page-2of3.png', 'full-page-3of3.png', 'viewport.png'];
    const labels = ['Celá stránka 1/3', 'Celá stránka 2/3', 'Celá stránka 3/3', 'Viditelná část'];

    const mail = smtp.messages[0]?.mail;
    expect(mail?.attachments.map((a) => a.filename)).toEqual(names);
    expect(mail?.attachments.map((a) => a.content)).toEqual(sent.images);
    for (const label of labels.slice(0, 3)) expect(mail?.text).toContain(`zachycení: ${label}`);
    expect(mail?.text?.indexOf('Celá stránka 1/3')).toBeLessThan(
      mail?.text?.indexOf('Celá stránka 2/3') ?? 0,
    );

    const issue = redmine.issues[0];
    expect(issue?.attachments.map((a) => [a.filename, (a as { description?: string }).description])).toEqual(
      names.map((n, i) => [n, labels[i]]),
    );

    const body = JSON.parse(hook.deliveries[0]?.body ?? '{}');
    expect(
      body.data.attachments.map((a: { name: string; page_part?: unknown; label?: string }) => [
        a.name,
        a.page_part,
        a.label,
      ]),
    ).toEqual([
      [names[0], { index: 1, count: 3 }, labels[0]],
      [names[1], { index: 2, count: 3 }, labels[1]],
      [names[2], { index: 3, count: 3 }, labels[2]],
      [names[3], undefined, labels[3]],
    ]);
  });
});
