import { z } from 'zod';
import { type Priority, priority, type RequestState } from '../../../shared/schemas/report.ts';
import { supportStates } from '../../domain/request-lifecycle.ts';
import { httpUrl, unset } from '../plugin.ts';

/**
 * The request states a Redmine status may stand for: those support sets, and `reopened` for a status
 * the team keeps for reopened issues (the reporter's reopening is sent to Redmine as that status).
 */
const mappedStates = [...supportStates, 'reopened'] as const satisfies readonly RequestState[];
export type MappedState = (typeof mappedStates)[number];

/** A Redmine status id and the request state it stands for, in the order the map was written. */
export interface StatusMapping {
  id: number;
  state: MappedState;
}

export interface RedmineConfig {
  url: string;
  apiKey: string;
  /** A numeric id or the project's identifier: Redmine's issue API takes either. */
  project: number | string;
  trackerId: number | undefined;
  priorityIds: Record<Priority, number>;
  /** Redmine's status ids → request states; the first status given for a state is the one we set. */
  statusMap: StatusMapping[];
  /** Seconds between two polls of the issues Snapdesk created. */
  pollSeconds: number;
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

/** Redmine's default statuses: New, In Progress, Resolved, Feedback, Closed, Rejected. */
export const REDMINE_DEFAULT_STATUS_MAP =
  '1=open,2=in_progress,3=resolved,4=waiting_for_customer,5=closed,6=closed';

const STATUS_MAP_SHAPE = `must be like ${REDMINE_DEFAULT_STATUS_MAP} (Redmine status id = one of ${mappedStates.join(', ')})`;

/**
 * `1=open,2=in_progress,…` → the mappings in order. Every status at most once; one status must stand
 * for `closed` (a confirmation sets it) and one for `reopened` or `in_progress` (a reopening sets it).
 */
export const statusMap = z.string().transform((value, ctx): StatusMapping[] => {
  const out: StatusMapping[] = [];
  for (const part of value.split(',')) {
    const m = /^\s*(\d{1,9})\s*=\s*(\w+)\s*$/.exec(part);
    const state = z.enum(mappedStates).safeParse(m?.[2]);
    if (!m || !state.success) {
      ctx.addIssue({ code: 'custom', message: `${STATUS_MAP_SHAPE}; "${part.trim()}" is not` });
      return z.NEVER;
    }
    const id = Number(m[1]);
    if (out.some((s) => s.id === id)) {
      ctx.addIssue({ code: 'custom', message: `names Redmine status ${id} twice` });
      return z.NEVER;
    }
    out.push({ id, state: state.data });
  }
  if (!out.some((s) => s.state === 'closed')) {
    ctx.addIssue({ code: 'custom', message: 'must map a Redmine status to closed (a confirmation sets it)' });
  }
  if (!out.some((s) => s.state === 'reopened' || s.state === 'in_progress')) {
    ctx.addIssue({
      code: 'custom',
      message: 'must map a Redmine status to reopened or in_progress (a reopening sets it)',
    });
  }
  return out;
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
  SNAPDESK_REDMINE_STATUS_MAP: unset(statusMap),
  SNAPDESK_REDMINE_POLL_SECONDS: unset(
    z.coerce
      .number()
      .int()
      .min(10, 'must be at least 10 (seconds)')
      .max(86_400, 'must be at most 86400 (a day)'),
  ),
});

export function redmineSettings(e: z.infer<typeof redmineEnv>): RedmineConfig | undefined {
  return e.SNAPDESK_REDMINE_URL && e.SNAPDESK_REDMINE_API_KEY && e.SNAPDESK_REDMINE_PROJECT !== undefined
    ? {
        url: e.SNAPDESK_REDMINE_URL,
        apiKey: e.SNAPDESK_REDMINE_API_KEY,
        project: e.SNAPDESK_REDMINE_PROJECT,
        trackerId: e.SNAPDESK_REDMINE_TRACKER_ID,
        priorityIds: e.SNAPDESK_REDMINE_PRIORITY_IDS ?? REDMINE_DEFAULT_PRIORITY_IDS,
        statusMap: e.SNAPDESK_REDMINE_STATUS_MAP ?? statusMap.parse(REDMINE_DEFAULT_STATUS_MAP),
        pollSeconds: e.SNAPDESK_REDMINE_POLL_SECONDS ?? 60,
      }
    : undefined;
}
