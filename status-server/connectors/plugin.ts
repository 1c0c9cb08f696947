import { z } from 'zod';
import type { Mailer } from '../platform/mail.ts';
import type { AttachmentUrl, Deliver, DeliverRequestEvent } from './outgoing.ts';

/** An empty variable (`FOO=` in a compose file) means "not set", as it does for DATABASE_URL. */
export function unset<T extends z.ZodType>(schema: T) {
  return z.preprocess((v) => (v === '' ? undefined : v), schema.optional());
}

/** An http(s) base URL, without its trailing slashes. */
export const httpUrl = z
  .url({ protocol: /^https?$/, message: 'must be an http(s) URL' })
  .transform((u) => u.replace(/\/+$/, ''));

/** The variables of the server's one mail transport, which connectors may lean on. */
export const mailEnv = z.object({
  SNAPDESK_SMTP_URL: unset(z.url({ protocol: /^smtps?$/, message: 'must be an smtp:// or smtps:// URL' })),
  SNAPDESK_MAIL_FROM: z
    .string()
    .trim()
    .regex(
      /^(?:[^<>\r\n]*<[^<>\s@]+@[^<>\s@]+>|[^<>\s@]+@[^<>\s@]+)$/,
      'must be an address such as Snapdesk <snapdesk@example.com>',
    )
    .default('Snapdesk <snapdesk@localhost>'),
});
type MailVariable = keyof typeof mailEnv.shape;
export type MailEnv = z.infer<typeof mailEnv>;

/** Variables that only make sense together: setting one of `when` without all of `needed` is a mistake. */
export interface Together<K extends string> {
  needed: K[];
  when: K[];
}

/** What a connector's sender is handed besides its own settings. */
export interface ConnectorDeps {
  /** The server's mailer; the e-mail connector sends through it. */
  mailer: Mailer;
  /** Base of the linked incident's page in forwarded reports, and the domain of Message-IDs. */
  publicUrl: string;
  attachmentUrl: AttachmentUrl;
  /**
   * The language the help desk reads (SNAPDESK_HELPDESK_LOCALE): the labels of what is forwarded.
   * The reporter's own words are sent as written.
   */
  helpdeskLocale: string;
}

/**
 * One help-desk connector, a folder of one shape: its variables (`env`), the rules tying them
 * together, the settings it reads from them (undefined while it is off) and its sender. Adding a
 * connector is adding such a folder and its line in `registry.ts`.
 */
export interface ConnectorPlugin<Name extends string, Shape extends z.ZodRawShape, Settings> {
  name: Name;
  env: z.ZodObject<Shape>;
  together: Together<Extract<keyof Shape, string> | MailVariable>[];
  settings(e: z.infer<z.ZodObject<Shape>>, mail: MailEnv): Settings | undefined;
  sender(settings: Settings, deps: ConnectorDeps): Deliver;
  /**
   * Sends the reporter's answers, confirmations and reopenings to the ticket this connector made;
   * a connector without it only forwards new reports.
   */
  requestEvents?(settings: Settings, deps: ConnectorDeps): DeliverRequestEvent;
}

/** Checks a plug-in's parts against each other; answers it as given. */
export const connector = <const Name extends string, Shape extends z.ZodRawShape, Settings>(
  plugin: ConnectorPlugin<Name, Shape, Settings>,
) => plugin;
