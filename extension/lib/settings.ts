import { browser } from 'wxt/browser';
import { z } from 'zod';
import { uiLocales } from './locale.ts';

export const incidentAlertModes = ['off', 'sites', 'components'] as const;
export type IncidentAlertMode = (typeof incidentAlertModes)[number];

/** What an organisation sets: in the options page, or by enterprise policy (managed storage). */
export const settingsSchema = z.object({
  serverUrl: z.url({ protocol: /^https?$/ }).transform((u) => u.replace(/\/+$/, '')),
  /** Pre-filled in every report; the person can still change them. */
  account: z.string().max(200).optional(),
  country: z
    .string()
    .regex(/^[A-Z]{2}$/)
    .optional(),
  contactEmail: z.email().optional(),
  /** The language of the extension's pages and menu item; absent means the browser's language. */
  language: z.enum(uiLocales).optional(),
  /**
   * Which incidents the badge and a notification tell of: none, those on the sites the person works
   * on (the pages in front of them and the sites they reported on), or those on chosen components.
   */
  incidentAlerts: z.enum(incidentAlertModes).optional(),
  /** The component ids (as in the server's `/api/v2/components.json`) for `incidentAlerts: components`. */
  incidentComponents: z
    .array(z.string().regex(/^[a-z0-9]{12}$/))
    .max(500)
    .optional(),
  /** How often the server's summary is asked for, in minutes. */
  incidentIntervalMinutes: z.number().int().min(1).max(1440).optional(),
});
export type Settings = z.infer<typeof settingsSchema>;
/** What an organisation's policy may set: everything but the person's own language. */
const policyKeys = [
  'serverUrl',
  'account',
  'country',
  'contactEmail',
  'incidentAlerts',
  'incidentComponents',
  'incidentIntervalMinutes',
] as const satisfies (keyof Settings)[];

/**
 * Incident alerts are on for the sites the person works on unless they or a policy say otherwise:
 * a check that finds nothing new costs one 304, and which site they look at never leaves the browser.
 */
export const DEFAULT_SETTINGS = {
  serverUrl: 'http://127.0.0.1:8787',
  incidentAlerts: 'sites',
  incidentIntervalMinutes: 2,
} as const satisfies Settings;

/** Policy wins over the person's own choice, which wins over the defaults; bad values are ignored. */
export async function loadSettings(): Promise<Settings & { managed: (keyof Settings)[] }> {
  const [local, managed] = await Promise.all([
    browser.storage.local.get('settings').then((r) => r.settings as unknown),
    browser.storage.managed?.get(null).catch(() => ({})) ?? Promise.resolve({}),
  ]);
  const policyValues = validValues(managed, policyKeys);
  return {
    ...DEFAULT_SETTINGS,
    ...validValues(local, Object.keys(settingsSchema.shape) as (keyof Settings)[]),
    ...policyValues,
    managed: Object.keys(policyValues) as (keyof Settings)[],
  };
}

/**
 * The person's own choice of language, or undefined for the browser's. Read from local storage
 * alone: a policy never sets it, and every page waits for this before it draws anything.
 */
export async function loadLanguage(): Promise<Settings['language']> {
  const local = await browser.storage.local.get('settings').then((r) => r.settings as unknown);
  return validValues(local, ['language']).language;
}

/**
 * The stored values that are valid, each on its own: one bad value (a language a newer version
 * stored, say) is dropped without taking the server address and the rest with it.
 */
function validValues(stored: unknown, keys: readonly (keyof Settings)[]): Partial<Settings> {
  if (typeof stored !== 'object' || stored === null) return {};
  const values: Record<string, unknown> = {};
  for (const key of keys) {
    const value = (stored as Record<string, unknown>)[key];
    if (value === undefined) continue;
    const parsed = settingsSchema.shape[key].safeParse(value);
    if (parsed.success && parsed.data !== undefined) values[key] = parsed.data;
  }
  return values as Partial<Settings>;
}

export async function saveSettings(settings: Partial<Settings>): Promise<void> {
  await browser.storage.local.set({ settings });
}
