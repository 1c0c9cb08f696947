import { browser } from 'wxt/browser';
import { z } from 'zod';

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
});
export type Settings = z.infer<typeof settingsSchema>;

export const DEFAULT_SETTINGS: Settings = { serverUrl: 'http://127.0.0.1:8787' };

/** Policy wins over the person's own choice, which wins over the defaults; bad values are ignored. */
export async function loadSettings(): Promise<Settings & { managed: (keyof Settings)[] }> {
  const [local, managed] = await Promise.all([
    browser.storage.local.get('settings').then((r) => r.settings as unknown),
    browser.storage.managed?.get(null).catch(() => ({})) ?? Promise.resolve({}),
  ]);
  const own = settingsSchema.partial().safeParse(local ?? {});
  const policy = settingsSchema.partial().safeParse(managed ?? {});
  const policyValues = policy.success ? stripUndefined(policy.data) : {};
  return {
    ...DEFAULT_SETTINGS,
    ...(own.success ? stripUndefined(own.data) : {}),
    ...policyValues,
    managed: Object.keys(policyValues) as (keyof Settings)[],
  };
}

export async function saveSettings(settings: Partial<Settings>): Promise<void> {
  await browser.storage.local.set({ settings });
}

function stripUndefined<T extends object>(o: T): Partial<T> {
  return Object.fromEntries(Object.entries(o).filter(([, v]) => v !== undefined)) as Partial<T>;
}
