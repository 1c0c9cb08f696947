import { readFileSync } from 'node:fs';
import { join, resolve } from 'node:path';
import { z } from 'zod';
import { availableLocales, defaultLocale } from '../shared/i18n/index.ts';
import { defaultFormConfig, type FormConfig, parseFormConfig } from '../shared/schemas/form-config.ts';
import { type Priority, priority } from '../shared/schemas/report.ts';
import { type ForwardingConfig, readForwarding } from './connectors/config.ts';
import { type SubscriptionConfig, subscriptionEnv, subscriptionSettings } from './subscriptions/config.ts';

const port = z.coerce.number().int().min(0).max(65_535);
const url = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

/** One of the languages there is a catalogue for, named as its BCP 47 tag. */
const locale = z
  .string()
  .trim()
  .refine((l) => availableLocales.includes(l), `must be one of ${availableLocales.join(', ')}`);

const env = z.object({
  PORT: port.default(8787),
  HOST: z.string().min(1).default('127.0.0.1'),
  DATABASE_URL: z
    .url({ protocol: /^postgres(ql)?$/, message: 'must be a postgres:// URL' })
    .optional()
    .or(z.literal('').transform(() => undefined)),
  SNAPDESK_DATA_DIR: z.string().min(1).default('data'),
  SNAPDESK_PUBLIC_URL: url.optional(),
  SNAPDESK_PAGE_NAME: z.string().trim().min(1).max(100).default('Snapdesk Status'),
  SNAPDESK_TIME_ZONE: z
    .string()
    .default('Etc/UTC')
    .refine(
      (tz) => Intl.supportedValuesOf('timeZone').includes(tz) || tz === 'Etc/UTC',
      'must be an IANA time zone',
    ),
  SNAPDESK_DEFAULT_LOCALE: locale.default(defaultLocale),
  SNAPDESK_HELPDESK_LOCALE: locale.optional(),
  SNAPDESK_TRUST_PROXY: z
    .enum(['true', 'false', '1', '0', ''])
    .default('false')
    .transform((v) => v === 'true' || v === '1'),
  SNAPDESK_RESPONSE_TARGETS: z
    .string()
    .default('immediate=1h,high=4h,normal=1d,low=3d')
    .transform((v, ctx) => {
      const targets = parseTargets(v);
      if (!targets) {
        ctx.addIssue({
          code: 'custom',
          message: 'must be like immediate=1h,high=4h,normal=1d,low=3d (units m, h, d)',
        });
        return z.NEVER;
      }
      return targets;
    }),
  SNAPDESK_INCIDENT_WINDOW_MINUTES: z.coerce.number().int().min(0).max(1440).default(30),
  SNAPDESK_REOPEN_DAYS: z.coerce.number().int().min(0).max(365).default(5),
  SNAPDESK_INTAKE_PER_MINUTE: z.coerce.number().int().min(1).max(100_000).default(20),
  SNAPDESK_JOB_LEASE_SECONDS: z.coerce.number().min(1).max(3600).default(120),
  SNAPDESK_WORKERS: z.coerce.number().int().min(1).max(64).default(1),
  SNAPDESK_FORM_CONFIG: z.string().optional(),
  ...subscriptionEnv.shape,
});

/** The organisation's own report form, if it has one: a JSON file checked against the shared schema. */
function readFormConfig(path: string | undefined): FormConfig {
  if (!path) return defaultFormConfig;
  let raw: unknown;
  try {
    raw = JSON.parse(readFileSync(path, 'utf8'));
  } catch (err) {
    throw new Error(
      `invalid configuration:\n  SNAPDESK_FORM_CONFIG: cannot read ${path} as JSON (${(err as Error).message})`,
    );
  }
  const parsed = parseFormConfig(raw);
  if (!parsed.ok) {
    const lines = parsed.issues.map((i) => `  SNAPDESK_FORM_CONFIG ${i.path}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
  }
  return parsed.config;
}

export type ResponseTargets = Record<Priority, number>;

/** `immediate=1h,high=4h,normal=1d,low=3d` → milliseconds per priority; every priority must be given. */
function parseTargets(value: string): ResponseTargets | undefined {
  const unit = { m: 60_000, h: 3_600_000, d: 86_400_000 } as const;
  const out: Partial<ResponseTargets> = {};
  for (const part of value.split(',')) {
    const m = /^\s*(low|normal|high|immediate)\s*=\s*(\d{1,4})\s*([mhd])\s*$/.exec(part);
    if (!m) return undefined;
    out[m[1] as Priority] = Number(m[2]) * unit[m[3] as keyof typeof unit];
  }
  return priority.options.every((p) => out[p] !== undefined) ? (out as ResponseTargets) : undefined;
}

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sqlitePath: string;
  publicUrl: string;
  pageName: string;
  timeZone: string;
  /**
   * The page's language for a request that names none we have (see platform/http/locale.ts), and for
   * work done with no request or person to ask: the API's words, a subscriber from before languages.
   */
  defaultLocale: string;
  /** The language the help desk reads: the labels of forwarded reports (the reporter's words stay theirs). */
  helpdeskLocale: string;
  trustProxy: boolean;
  /** How long support has to answer, by priority: the report inbox's deadlines. */
  responseTargets: ResponseTargets;
  /** Reports this long before an incident's start or after its end still count as part of it. */
  incidentWindowMs: number;
  /** Reports one client address may send a minute (half of it at once). */
  intakePerMinute: number;
  /** How long after it was resolved the reporter may confirm or reopen a request; then it closes itself. */
  reopenWindowMs: number;
  /** How long a claimed job stays an instance's: a killed instance's deliveries go to another after it. */
  jobLeaseMs: number;
  /** Server processes sharing the port (node:cluster), each with its own snapshot; 1 runs no cluster. */
  workers: number;
  /** The report form served to the extension. */
  formConfig: FormConfig;
  /** Where received reports are forwarded: e-mail, Redmine, a webhook; any or none. */
  forwarding: ForwardingConfig;
  /** Subscriptions: rate limits, and the private networks webhook targets may be on. */
  subscriptions: SubscriptionConfig;
}

/** Reads and validates the environment once; a wrong value stops start-up with the variable's name. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = env.safeParse(source);
  // The help-desk connectors' variables are read apart, once, and their problems listed with the others.
  const forwarding = readForwarding(source);
  if (!parsed.success || !forwarding.ok) {
    const problems = [
      ...(parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`)),
      ...(forwarding.ok ? [] : forwarding.problems),
    ];
    throw new Error(`invalid configuration:\n${problems.map((p) => `  ${p}`).join('\n')}`);
  }
  const e = parsed.data;
  const dataDir = resolve(e.SNAPDESK_DATA_DIR);
  const shownHost = e.HOST === '0.0.0.0' || e.HOST === '::' ? 'localhost' : e.HOST;
  return {
    port: e.PORT,
    host: e.HOST,
    databaseUrl: e.DATABASE_URL,
    dataDir,
    sqlitePath: join(dataDir, 'snapdesk.sqlite'),
    publicUrl: (e.SNAPDESK_PUBLIC_URL ?? `http://${shownHost}:${e.PORT}`).replace(/\/+$/, ''),
    pageName: e.SNAPDESK_PAGE_NAME,
    timeZone: e.SNAPDESK_TIME_ZONE,
    defaultLocale: e.SNAPDESK_DEFAULT_LOCALE,
    helpdeskLocale: e.SNAPDESK_HELPDESK_LOCALE ?? e.SNAPDESK_DEFAULT_LOCALE,
    trustProxy: e.SNAPDESK_TRUST_PROXY,
    responseTargets: e.SNAPDESK_RESPONSE_TARGETS,
    incidentWindowMs: e.SNAPDESK_INCIDENT_WINDOW_MINUTES * 60_000,
    intakePerMinute: e.SNAPDESK_INTAKE_PER_MINUTE,
    reopenWindowMs: e.SNAPDESK_REOPEN_DAYS * 86_400_000,
    jobLeaseMs: e.SNAPDESK_JOB_LEASE_SECONDS * 1000,
    workers: e.SNAPDESK_WORKERS,
    formConfig: readFormConfig(e.SNAPDESK_FORM_CONFIG),
    forwarding: forwarding.config,
    subscriptions: subscriptionSettings(e),
  };
}
