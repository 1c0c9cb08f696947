import { z } from 'zod';
import { type Priority, priority } from '../../../shared/schemas/report.ts';
import { httpUrl, unset } from '../plugin.ts';

export interface RedmineConfig {
  url: string;
  apiKey: string;
  /** A numeric id or the project's identifier: Redmine's issue API takes either. */
  project: number | string;
  trackerId: number | undefined;
  priorityIds: Record<Priority, number>;
}

/** Redmine's default IssuePriority ids (Low, Normal, High, Urgent 4, Immediate); Snapdesk has no Urgent. */
export const REDMINE_DEFAULT_PRIORITY_IDS: Record<Priority, number> = {
  low: 1,
  normal: 2,
  high: 3,
  immediate: 5,
};

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

export const redmineEnv = z.object({
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
});

export function redmineSettings(e: z.infer<typeof redmineEnv>): RedmineConfig | undefined {
  return e.SNAPDESK_REDMINE_URL && e.SNAPDESK_REDMINE_API_KEY && e.SNAPDESK_REDMINE_PROJECT !== undefined
    ? {
        url: e.SNAPDESK_REDMINE_URL,
        apiKey: e.SNAPDESK_REDMINE_API_KEY,
        project: e.SNAPDESK_REDMINE_PROJECT,
        trackerId: e.SNAPDESK_REDMINE_TRACKER_ID,
        priorityIds: e.SNAPDESK_REDMINE_PRIORITY_IDS ?? REDMINE_DEFAULT_PRIORITY_IDS,
      }
    : undefined;
}
