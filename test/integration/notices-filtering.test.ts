import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { type MailSink, startMailSink } from '../helpers/mail-sink.ts';
import { type NoticeServer, startNoticeServer } from '../helpers/notice-server.ts';
import { createComponent, publishIncident, subscribeEmail } from '../helpers/subscribers.ts';

describe.each(testDatabases())('which subscribers a notice reaches on $name', (database) => {
  let sink: MailSink;
  let server: NoticeServer;
  const ids: Record<'payments' | 'api' | 'db' | 'cache' | 'infra', string> = {
    payments: '',
    api: '',
    db: '',
    cache: '',
    infra: '',
  };

  beforeAll(async () => {
    sink = await startMailSink();
    server = await startNoticeServer(database, { smtpUrl: sink.url });
    const group = await server.admin('POST', '/groups', { name: 'Infrastructure' });
    ids.infra = (await group.json()).group.id;
    ids.payments = await createComponent(server, { name: 'Payments' });
    ids.api = await createComponent(server, { name: 'API' });
    ids.db = await createComponent(server, { name: 'Database', group_id: ids.infra });
    await subscribeEmail(server, sink, 'all@example.com');
    await subscribeEmail(server, sink, 'payments@example.com', { components: [ids.payments] });
    await subscribeEmail(server, sink, 'infra@example.com', { groups: [ids.infra] });
    await subscribeEmail(server, sink, 'quiet@example.com', { maintenance: false });
    // Joins the group after infra@ subscribed to it.
    ids.cache = await createComponent(server, { name: 'Cache', group_id: ids.infra });
  });
  afterAll(async () => {
    await server.stop();
    await sink.stop();
  });

  /** Publishes, delivers, and answers who got a mail with this subject. */
  async function recipients(subject: string, publish: () => Promise<unknown>): Promise<string[]> {
    await publish();
    await server.worker.drain();
    return sink.messages
      .filter((m) => m.mail.subject?.includes(subject))
      .flatMap((m) => m.rcptTo)
      .sort();
  }

  it('sends a component incident to those subscribed to everything or to that component', async () => {
    const to = await recipients('Payments degraded', () =>
      publishIncident(server, {
        name: 'Payments degraded',
        components: { [ids.payments]: 'partial_outage' },
      }),
    );
    expect(to).toEqual(['all@example.com', 'payments@example.com', 'quiet@example.com']);
  });

  it('counts a component added to a group after the subscription as part of it', async () => {
    const to = await recipients('Cache misses', () =>
      publishIncident(server, { name: 'Cache misses', components: { [ids.cache]: 'degraded_performance' } }),
    );
    expect(to).toEqual(['all@example.com', 'infra@example.com', 'quiet@example.com']);
  });

  it('sends an incident naming no component only to those subscribed to everything', async () => {
    const to = await recipients('Something odd', () => publishIncident(server, { name: 'Something odd' }));
    expect(to).toEqual(['all@example.com', 'quiet@example.com']);
  });

  it('keeps every component an incident ever named in scope for its later updates', async () => {
    const id = await publishIncident(server, {
      name: 'API errors',
      components: { [ids.api]: 'partial_outage' },
    });
    const to = await recipients('[Identified] API errors', () =>
      server.admin('POST', `/incidents/${id}/updates`, {
        status: 'identified',
        message: 'The database behind the API is at fault.',
        components: { [ids.db]: 'degraded_performance' },
      }),
    );
    expect(to).toEqual(['all@example.com', 'infra@example.com', 'quiet@example.com']);
  });

  it('sends scheduled maintenance only to those who want maintenance notices', async () => {
    const hour = 3_600_000;
    const to = await recipients('Database upgrade', () =>
      server.admin('POST', '/maintenances', {
        name: 'Database upgrade',
        message: 'A short read-only window.',
        scheduled_for: new Date(Date.now() + hour).toISOString(),
        scheduled_until: new Date(Date.now() + 2 * hour).toISOString(),
        components: [ids.db],
      }),
    );
    expect(to).toEqual(['all@example.com', 'infra@example.com']);
    expect(sink.messages.find((m) => m.mail.subject?.includes('Database upgrade'))?.mail.subject).toBe(
      '[Scheduled] Database upgrade — Acme Status',
    );
  });

  it('keeps an incident name with line breaks on the subject line, adding no header or recipient', async () => {
    const to = await recipients('Split', () =>
      publishIncident(server, { name: 'Split\r\nBcc: eve@example.com\r\nX-Evil: 1' }),
    );
    expect(to).toEqual(['all@example.com', 'quiet@example.com']);
    const mail = sink.messages.find((m) => m.mail.subject?.includes('Split'))?.mail;
    expect(mail?.subject).toBe('[Investigating] Split Bcc: eve@example.com X-Evil: 1 — Acme Status');
    expect(mail?.headers.has('x-evil')).toBe(false);
    expect(mail?.bcc).toBeUndefined();
  });

  it('does not mail people about a component status change made outside an incident', async () => {
    const before = sink.messages.length;
    await server.admin('PATCH', `/components/${ids.api}`, { status: 'major_outage' });
    await server.worker.drain();
    expect(sink.messages.length).toBe(before);
  });
});

describe.skip.each(skippedDatabases())('which subscribers a notice reaches on %s', () => {
  it('needs PostgreSQL', () => {});
});
