import type { ParsedMail } from 'mailparser';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { REPORTER_MAIL_JOB } from '../../status-server/requests/reporter-mail.ts';
import { answerRequest, supportUpdate } from '../../status-server/requests/service.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { postReport, sampleReport } from '../helpers/intake.ts';
import { type MailSink, startMailSink } from '../helpers/mail-sink.ts';
import { insertReport } from '../helpers/reports.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';
import { rawHeader } from '../helpers/subscribers.ts';

describe.each(testDatabases())('mails to the reporter on $name', (database) => {
  let server: TestServer;
  let sink: MailSink;
  beforeAll(async () => {
    sink = await startMailSink();
    server = await startTestServer(database, { SNAPDESK_SMTP_URL: sink.url });
  });
  afterAll(async () => {
    await server.stop();
    await sink.stop();
  });

  const deps = () => ({ db: server.store.db, config: server.config });
  const reporter = (address: string, o: { notify: boolean; language?: string }) =>
    insertReport(server.store, {
      images: 0,
      title: 'Košík nejde zaplatit',
      report: {
        contact_email: address,
        notify_by_email: o.notify,
        environment: { ...sampleReport().environment, language: o.language ?? 'en-GB' },
      },
    });
  const mailJobs = async (reportId: string) =>
    (
      await server.store.db
        .selectFrom('jobs')
        .select('id')
        .where('kind', '=', REPORTER_MAIL_JOB)
        .where('ref_id', '=', reportId)
        .execute()
    ).length;
  /** Waits for the mails to `address` to reach `count`. */
  const mailsTo = async (address: string, count: number) => {
    await sink.waitFor(sink.messages.length - sink.to(address).length + count);
    return sink.to(address);
  };

  it('mails an opted-in Czech reporter each change of state and each comment, in Czech, with a one-click unsubscribe', async () => {
    const r = await reporter('jana@example.cz', { notify: true, language: 'cs-CZ' });
    await supportUpdate(deps(), r.id, { state: 'waiting_for_customer', reply: 'Který prohlížeč používáte?' });
    await supportUpdate(deps(), r.id, { reply: 'Už to vidíme.' });
    await supportUpdate(deps(), r.id, { state: 'resolved' });
    const mails = await mailsTo('jana@example.cz', 3);
    expect(mails).toHaveLength(3);
    // The worker sends side by side: find each by what it says, not by arrival.
    const find = (words: string) => mails.find((m) => m.text?.includes(words));
    const asked = find('Čeká na vás');
    const commented = find('> Už to vidíme.');
    const resolved = find('Vyřešeno');
    expect(asked?.subject).toBe(`[${r.reference}] Košík nejde zaplatit`);
    expect(asked?.text).toContain(
      `Vaše hlášení ${r.reference} „Košík nejde zaplatit“ je nyní ve stavu: Čeká na vás.`,
    );
    expect(asked?.text).toContain('> Který prohlížeč používáte?');
    expect(asked?.html).toContain('<html lang="cs">');
    expect(commented?.text).toContain('Podpora napsala k vašemu hlášení');
    expect(commented?.text).toContain('> Už to vidíme.');
    expect(resolved?.text).toContain('je nyní ve stavu: Vyřešeno.');

    const unsubscribe = /^<(.+)>$/.exec(rawHeader(asked as ParsedMail, 'List-Unsubscribe') ?? '')?.[1] ?? '';
    expect(unsubscribe).toMatch(
      /^http:\/\/status\.test\/requests\/unsubscribe\/[a-z0-9]{12}\.[\w-]{32}\?lang=cs$/,
    );
    expect(rawHeader(asked as ParsedMail, 'List-Unsubscribe-Post')).toBe('List-Unsubscribe=One-Click');
    expect(asked?.text).toContain(`Nezasílat e-maily k tomuto hlášení: ${unsubscribe}`);
    expect(asked?.html).toContain(unsubscribe.replace('&', '&amp;'));
  });

  it('sends nothing to a reporter who did not opt in, and nothing for the reporter’s own actions', async () => {
    const quiet = await reporter('quiet@example.com', { notify: false });
    await supportUpdate(deps(), quiet.id, { state: 'in_progress', reply: 'On it.' });
    expect(await mailJobs(quiet.id)).toBe(0);

    const asking = await reporter('asking@example.com', { notify: true });
    await supportUpdate(deps(), asking.id, { state: 'waiting_for_customer', reply: 'Which browser?' });
    await answerRequest(deps(), asking.id, 'Firefox');
    // The answer moved the request back to in progress, but it was the reporter's own doing.
    expect(await mailJobs(asking.id)).toBe(1);
    await supportUpdate(deps(), asking.id, { reply: 'Thanks.' });
    const mails = await mailsTo('asking@example.com', 2);
    expect(mails.map((m) => m.text?.split('\n')[0]).sort()).toEqual([
      `Support wrote about your report ${asking.reference} “Košík nejde zaplatit”:`,
      `Your report ${asking.reference} “Košík nejde zaplatit” is now: Waiting for you.`,
    ]);
    expect(sink.to('quiet@example.com')).toEqual([]);
  });

  it('stops the mails about one report with the link: the page asks first, the button does it, and the next change sends nothing', async () => {
    const r = await reporter('leaving@example.cz', { notify: true, language: 'cs' });
    const other = await reporter('leaving@example.cz', { notify: true, language: 'cs' });
    await supportUpdate(deps(), r.id, { state: 'in_progress' });
    const [mail] = await mailsTo('leaving@example.cz', 1);
    const link = (
      /^<(.+)>$/.exec(rawHeader(mail as ParsedMail, 'List-Unsubscribe') ?? '')?.[1] ?? ''
    ).replace('http://status.test', '');
    const notify = async (id: string) =>
      (
        await server.store.db
          .selectFrom('reports')
          .select('notify_by_email')
          .where('id', '=', id)
          .executeTakeFirstOrThrow()
      ).notify_by_email;

    // A mail scanner following the link changes nothing.
    const ask = await server.request(link);
    expect(ask.status).toBe(200);
    const page = await ask.text();
    expect(page).toContain(`Přestat zasílat e-maily k vašemu hlášení ${r.reference}`);
    expect(page).toContain(`action="${link}"`);
    expect(await notify(r.id)).toBe(1);

    // The mail provider's one-click POST (RFC 8058).
    const done = await server.request(link, {
      method: 'POST',
      headers: { 'content-type': 'application/x-www-form-urlencoded' },
      body: 'List-Unsubscribe=One-Click',
    });
    expect(done.status).toBe(200);
    expect(await done.text()).toContain(`Žádné další e-maily k hlášení ${r.reference}`);
    expect(await notify(r.id)).toBe(0);
    expect(await notify(other.id)).toBe(1);

    await supportUpdate(deps(), r.id, { state: 'resolved', reply: 'Hotovo.' });
    expect(await mailJobs(r.id)).toBe(1);
    // Pressed again: the same answer, nothing else changes.
    expect((await server.request(link, { method: 'POST' })).status).toBe(200);
    expect(await notify(r.id)).toBe(0);
  });

  it('answers a link with a bad signature with a clear 404 page, changing nothing', async () => {
    const r = await reporter('tamper@example.com', { notify: true });
    const forged = `/requests/unsubscribe/${r.id}.${'A'.repeat(32)}`;
    for (const method of ['GET', 'POST']) {
      const res = await server.request(forged, { method });
      expect(res.status).toBe(404);
      expect(res.headers.get('content-type')).toContain('text/html');
      expect(await res.text()).toContain('this link is not one of ours');
    }
    expect((await server.request('/requests/unsubscribe/nonsense', { method: 'POST' })).status).toBe(404);
    const row = await server.store.db
      .selectFrom('reports')
      .select('notify_by_email')
      .where('id', '=', r.id)
      .executeTakeFirstOrThrow();
    expect(row.notify_by_email).toBe(1);
  });

  it('keeps the opt-in of a report sent with one, and refuses one without a contact e-mail, naming the field', async () => {
    const { contact_email: _, ...withoutAddress } = sampleReport();
    const refused = await postReport(server, { report: { ...withoutAddress, notify_by_email: true } });
    expect(refused.status).toBe(400);
    expect((await refused.json()).error.issues).toEqual([
      { path: 'notify_by_email', message: 'needs a contact e-mail to write to' },
    ]);

    const sent = await postReport(server, { report: sampleReport({ notify_by_email: true }) });
    expect(sent.status).toBe(201);
    const { reference } = await sent.json();
    const row = await server.store.db
      .selectFrom('reports')
      .select('notify_by_email')
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect(row.notify_by_email).toBe(1);
  });
});

describe.each(skippedDatabases())('mails to the reporter on %s', () => {
  it.skip('needs the database', () => {});
});
