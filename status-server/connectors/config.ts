import { z } from 'zod';
import { type Priority, priority } from '../../shared/schemas/report.ts';
import type { SmtpConfig } from '../mail/transport.ts';

export const connectorName = z.enum(['email', 'redmine', 'webhook']);
export type Connector = z.infer<typeof connectorName>;

/** The job kind of a report's forwarding to one connector, queued with the report. */
export const FORWARD_JOB = 'forward';
export interface RedmineConfig {
  url: string;
  apiKey: string;
  /** A numeric id or the project's identifier: Redmine's issue API takes either. */
  project: number | string;
  trackerId: number | undefined;
  priorityIds: Record<Priority, number>;
}
export interface WebhookConfig {
  url: string;
  /** A Standard Webhooks secret, `whsec_<base64>`. */
  secret: string;
}
export interface ForwardingConfig {
  smtp: SmtpConfig | undefined;
  /** The sender of the server's mail, also when it is written to files for want of an SMTP server. */
  mailFrom: string;
  email: { to: string[] } | undefined;
  redmine: RedmineConfig | undefined;
  webhook: WebhookConfig | undefined;
}

/** Redmine's default IssuePriority ids (Low, Normal, High, Urgent 4, Immediate); Snapdesk has no Urgent. */
const REDMINE_DEFAULT_PRIORITY_IDS: Record<Priority, number> = { low: 1, normal: 2, high: 3, immediate: 5 };

/** An empty variable (`FOO=` in a compose file) means "not set", as it does for DATABASE_URL. */
const unset = <T extends z.ZodType>(schema: T) =>
  z.preprocess((v) => (v === '' ? undefined : v), schema.optional());

const httpUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .transform((u) => u.replace(/\/+$/, ''));

const priorityIds = z.string().transform((value, ctx) => {
  const ids = { ...REDMINE_DEFAULT_PRIORITY_IDS };
  for (const part of value.split(',')) {
    const m = /^\s*(\w+)\s*=\s*(\d{1,9})\s*$/.exec(part);
    const name = priority.safeParse(m?.[1]);
    if (!m || !name.success) {
      ctx.addIssue({ code: 'custom', message: 'must be like low=1,normal=2,high=3,immediate=5' });
      return z.NEVER;
    }
    ids[name.data] = Number(m[2]);
  }
  return ids;
});

/** The 24–64 random bytes the Standard Webhooks specification asks of a secret. */
const webhookSecret = z
  .string()
  .regex(/^whsec_[A-Za-z0-9+/]+={0,2}$/, 'must be whsec_ followed by base64')
  .refine((s) => {
    const bytes = Buffer.from(s.slice('whsec_'.length), 'base64').length;
    return bytes >= 24 && bytes <= 64;
  }, 'must hold 24 to 64 bytes of key');

const mailbox = /^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/;

export const forwardingEnv = z.object({
  SNAPDESK_SMTP_URL: unset(z.url({ protocol: /^smtps?$/, message: 'must be an smtp:// or smtps:// URL' })),
  SNAPDESK_MAIL_FROM: z
    .string()
    .trim()
    .regex(mailbox, 'must be an address such as Snapdesk <snapdesk@example.com>')
    .default('Snapdesk <snapdesk@localhost>'),
  SNAPDESK_FORWARD_EMAIL_TO: unset(
    z
      .string()
      .transform((v) => v.split(',').map((a) => a.trim()))
      .pipe(z.array(z.email('must be e-mail addresses separated by commas')).min(1)),
  ),
  SNAPDESK_REDMINE_URL: unset(httpUrl),
  SNAPDESK_REDMINE_API_KEY: unset(z.string().trim().min(1)),
  SNAPDESK_REDMINE_PROJECT: unset(
    z
      .string()
      .trim()
      .regex(/^[a-z0-9_-]{1,100}$/, 'must be a project identifier or numeric id')
      .transform((p) => (/^\d+$/.test(p) ? Number(p) : p)),
  ),
  SNAPDESK_REDMINE_TRACKER_ID: unset(z.coerce.number().int().positive()),
  SNAPDESK_REDMINE_PRIORITY_IDS: unset(priorityIds),
  SNAPDESK_FORWARD_WEBHOOK_URL: unset(httpUrl),
  SNAPDESK_FORWARD_WEBHOOK_SECRET: unset(webhookSecret),
});

type Env = z.infer<typeof forwardingEnv>;

/** Variables that only make sense together: setting one without the others is a mistake to report. */
const together: { needed: (keyof Env)[]; when: (keyof Env)[] }[] = [
  { needed: ['SNAPDESK_SMTP_URL'], when: ['SNAPDESK_FORWARD_EMAIL_TO'] },
  {
    needed: ['SNAPDESK_REDMINE_URL', 'SNAPDESK_REDMINE_API_KEY', 'SNAPDESK_REDMINE_PROJECT'],
    when: [
      'SNAPDESK_REDMINE_URL',
      'SNAPDESK_REDMINE_API_KEY',
      'SNAPDESK_REDMINE_PROJECT',
      'SNAPDESK_REDMINE_TRACKER_ID',
      'SNAPDESK_REDMINE_PRIORITY_IDS',
    ],
  },
  {
    needed: ['SNAPDESK_FORWARD_WEBHOOK_URL', 'SNAPDESK_FORWARD_WEBHOOK_SECRET'],
    when: ['SNAPDESK_FORWARD_WEBHOOK_URL', 'SNAPDESK_FORWARD_WEBHOOK_SECRET'],
  },
];

/** Reads the connectors' variables; a wrong or missing one throws with the variable's name. */
export function parseForwarding(source: Record<string, string | undefined>): ForwardingConfig {
  const parsed = forwardingEnv.safeParse(source);
  const problems = parsed.success
    ? missing(parsed.data)
    : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  if (!parsed.success || problems.length) {
    throw new Error(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  const e = parsed.data;
  const smtp = e.SNAPDESK_SMTP_URL ? { url: e.SNAPDESK_SMTP_URL, from: e.SNAPDESK_MAIL_FROM } : undefined;
  return {
    smtp,
    mailFrom: e.SNAPDESK_MAIL_FROM,
    email: e.SNAPDESK_FORWARD_EMAIL_TO && { to: e.SNAPDESK_FORWARD_EMAIL_TO },
    redmine:
      e.SNAPDESK_REDMINE_URL && e.SNAPDESK_REDMINE_API_KEY && e.SNAPDESK_REDMINE_PROJECT !== undefined
        ? {
            url: e.SNAPDESK_REDMINE_URL,
            apiKey: e.SNAPDESK_REDMINE_API_KEY,
            project: e.SNAPDESK_REDMINE_PROJECT,
            trackerId: e.SNAPDESK_REDMINE_TRACKER_ID,
            priorityIds: e.SNAPDESK_REDMINE_PRIORITY_IDS ?? REDMINE_DEFAULT_PRIORITY_IDS,
          }
        : undefined,
    webhook:
      e.SNAPDESK_FORWARD_WEBHOOK_URL && e.SNAPDESK_FORWARD_WEBHOOK_SECRET
        ? { url: e.SNAPDESK_FORWARD_WEBHOOK_URL, secret: e.SNAPDESK_FORWARD_WEBHOOK_SECRET }
        : undefined,
  };
}

function missing(e: Env): string[] {
  const problems: string[] = [];
  for (const rule of together) {
    const given = rule.when.filter((k) => e[k] !== undefined);
    if (!given.length) continue;
    for (const k of rule.needed) {
      if (e[k] === undefined) problems.push(`${k}: is required when ${given.join(', ')} is set`);
    }
  }
  return problems;
}

/** The connectors a received report is forwarded to: one forwarding job each. */
export function enabledConnectors(cfg: ForwardingConfig): Connector[] {
  return connectorName.options.filter((c) => cfg[c] !== undefined);
}
