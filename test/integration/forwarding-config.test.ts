import { describe, expect, it } from 'vitest';
import { enabledConnectors, parseForwarding } from '../../status-server/connectors/config.ts';

const secret = `whsec_${Buffer.alloc(32, 1).toString('base64')}`;

describe('forwarding configuration', () => {
  it('forwards nowhere when nothing is configured, and treats empty variables as unset', () => {
    for (const env of [
      {},
      { SNAPDESK_REDMINE_URL: '', SNAPDESK_FORWARD_EMAIL_TO: '', SNAPDESK_SMTP_URL: '' },
    ]) {
      const cfg = parseForwarding(env);
      expect(enabledConnectors(cfg)).toEqual([]);
      expect(cfg.smtp).toBeUndefined();
      expect(cfg.mailFrom).toBe('Snapdesk <snapdesk@localhost>');
    }
  });

  it('turns on every connector whose variables are given, several at once', () => {
    const cfg = parseForwarding({
      SNAPDESK_SMTP_URL: 'smtps://user:pass@mail.example.com:465',
      SNAPDESK_FORWARD_EMAIL_TO: 'help@desk.example, triage@desk.example',
      SNAPDESK_REDMINE_URL: 'https://redmine.example.com/tracker/',
      SNAPDESK_REDMINE_API_KEY: 'k',
      SNAPDESK_REDMINE_PROJECT: '12',
      SNAPDESK_REDMINE_TRACKER_ID: '3',
      SNAPDESK_REDMINE_PRIORITY_IDS: 'immediate=4',
      SNAPDESK_FORWARD_WEBHOOK_URL: 'https://hooks.example.com/in',
      SNAPDESK_FORWARD_WEBHOOK_SECRET: secret,
    });
    expect(enabledConnectors(cfg)).toEqual(['email', 'redmine', 'webhook']);
    expect(cfg.smtp).toEqual({
      url: 'smtps://user:pass@mail.example.com:465',
      from: 'Snapdesk <snapdesk@localhost>',
    });
    expect(cfg.email?.to).toEqual(['help@desk.example', 'triage@desk.example']);
    expect(cfg.redmine).toEqual({
      url: 'https://redmine.example.com/tracker',
      apiKey: 'k',
      project: 12,
      trackerId: 3,
      priorityIds: { low: 1, normal: 2, high: 3, immediate: 4 },
      // Redmine's default statuses, polled every minute, when the variables are not set.
      statusMap: [
        { id: 1, state: 'open' },
        { id: 2, state: 'in_progress' },
        { id: 3, state: 'resolved' },
        { id: 4, state: 'waiting_for_customer' },
        { id: 5, state: 'closed' },
        { id: 6, state: 'closed' },
      ],
      pollSeconds: 60,
    });
    expect(cfg.webhook).toEqual({ url: 'https://hooks.example.com/in', secret });
  });

  it('keeps the mail server without forwarding by e-mail, for other mail', () => {
    const cfg = parseForwarding({
      SNAPDESK_SMTP_URL: 'smtp://127.0.0.1:25',
      SNAPDESK_MAIL_FROM: 'ops@example.com',
    });
    expect(cfg.smtp).toEqual({ url: 'smtp://127.0.0.1:25', from: 'ops@example.com' });
    expect(cfg.mailFrom).toBe('ops@example.com');
    expect(enabledConnectors(cfg)).toEqual([]);
  });

  it.each([
    [
      { SNAPDESK_FORWARD_EMAIL_TO: 'help@desk.example' },
      /SNAPDESK_SMTP_URL: is required when SNAPDESK_FORWARD_EMAIL_TO/,
    ],
    [
      { SNAPDESK_SMTP_URL: 'http://mail.example.com' },
      /SNAPDESK_SMTP_URL: must be an smtp:\/\/ or smtps:\/\/ URL/,
    ],
    [{ SNAPDESK_MAIL_FROM: 'a@b.example\r\nBcc: c@d.example' }, /SNAPDESK_MAIL_FROM: must be an address/],
    [{ SNAPDESK_SMTP_URL: 'smtp://m', SNAPDESK_FORWARD_EMAIL_TO: 'help, desk' }, /SNAPDESK_FORWARD_EMAIL_TO/],
    [
      { SNAPDESK_REDMINE_URL: 'https://redmine.example.com' },
      /SNAPDESK_REDMINE_API_KEY: is required[^\n]*\n\s+SNAPDESK_REDMINE_PROJECT: is required/,
    ],
    [{ SNAPDESK_REDMINE_PRIORITY_IDS: 'urgent=4' }, /SNAPDESK_REDMINE_PRIORITY_IDS: must be like low=1/],
    [{ SNAPDESK_REDMINE_TRACKER_ID: 'bug' }, /SNAPDESK_REDMINE_TRACKER_ID/],
    [
      { SNAPDESK_FORWARD_WEBHOOK_URL: 'https://hooks.example.com' },
      /SNAPDESK_FORWARD_WEBHOOK_SECRET: is required/,
    ],
    [{ SNAPDESK_FORWARD_WEBHOOK_SECRET: 'hunter2' }, /SNAPDESK_FORWARD_WEBHOOK_SECRET: must be whsec_/],
    [
      { SNAPDESK_FORWARD_WEBHOOK_SECRET: 'whsec_c2hvcnQ=' },
      /SNAPDESK_FORWARD_WEBHOOK_SECRET: must hold 24 to 64 bytes/,
    ],
  ])('refuses %o, naming the variable', (env, message) => {
    expect(() => parseForwarding(env)).toThrow(message);
  });

  it('reports the problems of several connectors at once, a wrong value beside a missing one', () => {
    const problems = (() => {
      try {
        parseForwarding({
          SNAPDESK_REDMINE_URL: 'https://redmine.example.com',
          SNAPDESK_REDMINE_API_KEY: 'k',
          SNAPDESK_REDMINE_PROJECT: '12',
          SNAPDESK_REDMINE_TRACKER_ID: 'bug',
          SNAPDESK_FORWARD_WEBHOOK_URL: 'https://hooks.example.com',
          SNAPDESK_FORWARD_EMAIL_TO: 'help@desk.example',
        });
      } catch (err) {
        return (err as Error).message;
      }
      return 'no error';
    })();
    expect(problems).toMatch(/SNAPDESK_REDMINE_TRACKER_ID: /);
    expect(problems).toMatch(/SNAPDESK_FORWARD_WEBHOOK_SECRET: is required/);
    expect(problems).toMatch(/SNAPDESK_SMTP_URL: is required when SNAPDESK_FORWARD_EMAIL_TO/);
  });
});
