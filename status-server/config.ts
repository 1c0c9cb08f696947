import { join, resolve } from 'node:path';
import { z } from 'zod';

const port = z.coerce.number().int().min(0).max(65_535);
const url = z.url({ protocol: /^https?$/, message: 'must be an http(s) URL' });

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
});

export interface Config {
  port: number;
  host: string;
  databaseUrl: string | undefined;
  dataDir: string;
  sqlitePath: string;
  publicUrl: string;
  pageName: string;
  timeZone: string;
}

/** Reads and validates the environment once; a wrong value stops start-up with the variable's name. */
export function loadConfig(source: Record<string, string | undefined> = process.env): Config {
  const parsed = env.safeParse(source);
  if (!parsed.success) {
    const lines = parsed.error.issues.map((i) => `  ${i.path.join('.')}: ${i.message}`);
    throw new Error(`invalid configuration:\n${lines.join('\n')}`);
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
  };
}
