import { z } from 'zod';
import type { SmtpConfig } from '../platform/mail.ts';
import type { Deliver, DeliverRequestEvent } from './outgoing.ts';
import { type ConnectorDeps, mailEnv } from './plugin.ts';
import { connectors } from './registry.ts';

type Plugin = (typeof connectors)[number];
export type Connector = Plugin['name'];
export const connectorName = z.enum(connectors.map((c) => c.name) as [Connector, ...Connector[]]);

/** The job kind of a report's forwarding to one connector, queued with the report. */
export const FORWARD_JOB = 'forward';

type SettingsOf<N extends Connector> = Exclude<
  ReturnType<Extract<Plugin, { name: N }>['settings']>,
  undefined
>;

export type ForwardingConfig = {
  smtp: SmtpConfig | undefined;
  /** The sender of the server's mail, also when it is written to files for want of an SMTP server. */
  mailFrom: string;
} & { [N in Connector]: SettingsOf<N> | undefined };

/**
 * Reads the mail and connector variables in one pass: every variable is checked on its own, so a
 * wrong value in one connector does not hide a missing one in another, and the variables that only
 * make sense together are checked for every group whose own values were readable. Answers the
 * settings, or every problem as `VARIABLE: what is wrong`.
 */
export function readForwarding(
  source: Record<string, string | undefined>,
): { ok: true; config: ForwardingConfig } | { ok: false; problems: string[] } {
  const values: Record<string, unknown> = {};
  const wrong = new Set<string>();
  const problems: string[] = [];
  for (const env of [mailEnv, ...connectors.map((c) => c.env)]) {
    for (const [key, schema] of Object.entries(env.shape as Record<string, z.ZodType>)) {
      const parsed = schema.safeParse(source[key]);
      if (parsed.success) {
        values[key] = parsed.data;
      } else {
        wrong.add(key);
        problems.push(...parsed.error.issues.map((i) => `${[key, ...i.path].join('.')}: ${i.message}`));
      }
    }
  }
  for (const { together } of connectors) {
    for (const rule of together) {
      // A variable already reported as wrong is not reported again as missing.
      if ([...rule.needed, ...rule.when].some((k) => wrong.has(k))) continue;
      const given = rule.when.filter((k) => values[k] !== undefined);
      if (!given.length) continue;
      for (const k of rule.needed) {
        if (values[k] === undefined) problems.push(`${k}: is required when ${given.join(', ')} is set`);
      }
    }
  }
  if (problems.length) return { ok: false, problems };

  const mail = values as z.infer<typeof mailEnv>;
  const smtp = mail.SNAPDESK_SMTP_URL
    ? { url: mail.SNAPDESK_SMTP_URL, from: mail.SNAPDESK_MAIL_FROM }
    : undefined;
  const config: Record<string, unknown> = { smtp, mailFrom: mail.SNAPDESK_MAIL_FROM };
  for (const c of connectors) {
    // `values` holds every variable of the plug-in's own schema, parsed by it.
    config[c.name] = (c.settings as (e: unknown, m: typeof mail) => unknown)(values, mail) ?? undefined;
  }
  return { ok: true, config: config as ForwardingConfig };
}

/** Reads the connectors' variables; a wrong or missing one throws with the variable's name. */
export function parseForwarding(source: Record<string, string | undefined>): ForwardingConfig {
  const read = readForwarding(source);
  if (!read.ok) throw new Error(`invalid configuration:\n${read.problems.map((p) => `  ${p}`).join('\n')}`);
  return read.config;
}

/** The connectors a received report is forwarded to: one forwarding job each. */
export function enabledConnectors(cfg: ForwardingConfig): Connector[] {
  return connectors.map((c) => c.name).filter((c) => cfg[c] !== undefined);
}

/** The sender of each connector that is configured. */
export function senders(cfg: ForwardingConfig, deps: ConnectorDeps): Partial<Record<Connector, Deliver>> {
  const out: Partial<Record<Connector, Deliver>> = {};
  for (const c of connectors) {
    const settings = cfg[c.name];
    if (settings) out[c.name] = (c.sender as (s: unknown, d: ConnectorDeps) => Deliver)(settings, deps);
  }
  return out;
}

/** The connectors whose plug-in sends the reporter's answers, confirmations and reopenings on. */
export const eventConnectors: readonly Connector[] = connectors
  .filter((c) => 'requestEvents' in c && c.requestEvents)
  .map((c) => c.name);

/** The request-event sender of each configured connector that has one. */
export function eventSenders(
  cfg: ForwardingConfig,
  deps: ConnectorDeps,
): Partial<Record<Connector, DeliverRequestEvent>> {
  const out: Partial<Record<Connector, DeliverRequestEvent>> = {};
  for (const c of connectors) {
    const settings = cfg[c.name];
    const make = 'requestEvents' in c ? c.requestEvents : undefined;
    if (settings && make)
      out[c.name] = (make as (s: unknown, d: ConnectorDeps) => DeliverRequestEvent)(settings, deps);
  }
  return out;
}
