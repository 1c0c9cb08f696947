import type { Context } from 'hono';
import type { z } from 'zod';
import { type ApiIssue, issuesFromZod } from '../../shared/schemas/error.ts';
import type { ComponentStatus } from '../../shared/schemas/status.ts';
import { Invalid } from '../domain/errors.ts';
import type { FieldErrors } from '../views/console/form.ts';

/** A posted form's text fields, in the web's own form type; file parts are ignored. */
export async function readForm(c: Context): Promise<URLSearchParams> {
  const body = await c.req.parseBody({ all: true });
  const form = new URLSearchParams();
  for (const [name, value] of Object.entries(body)) {
    for (const v of [value].flat()) if (typeof v === 'string') form.append(name, v);
  }
  return form;
}

/**
 * Puts each issue under the form field it is about: the field whose name is the issue's path or
 * starts it (`hosts.2` belongs to `hosts`); the longest name wins, and the rest go to `''`.
 */
export function fieldErrors(
  issues: ApiIssue[],
  fields: string[],
  describe: (issue: ApiIssue) => string = (issue) => issue.message,
): FieldErrors {
  const byLength = [...fields].sort((a, b) => b.length - a.length);
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = byLength.find((f) => issue.path === f || issue.path.startsWith(`${f}.`)) ?? '';
    const message = describe(issue);
    const list = errors[field] ?? [];
    if (!list.includes(message)) errors[field] = [...list, message];
  }
  return errors;
}

export type Submitted<T> = { ok: true; data: T } | { ok: false; errors: FieldErrors };

/**
 * Validates a form's values with the shared schema (the one the admin API uses) and runs the store
 * write. What either refuses as the person's mistake (a missing name, a component deleted meanwhile)
 * comes back as errors per field, for the form to be shown again; anything else is thrown.
 */
export async function submit<S extends z.ZodType, T>(
  schema: S,
  input: unknown,
  fields: string[],
  write: (data: z.infer<S>) => Promise<T>,
  describe?: (issue: ApiIssue) => string,
): Promise<Submitted<T>> {
  const parsed = schema.safeParse(input);
  if (!parsed.success)
    return { ok: false, errors: fieldErrors(issuesFromZod(parsed.error), fields, describe) };
  try {
    return { ok: true, data: await write(parsed.data) };
  } catch (err) {
    if (err instanceof Invalid) {
      return { ok: false, errors: fieldErrors(err.issues, fields, describe) };
    }
    throw err;
  }
}

/** `components.<id>` selects with a status chosen; an empty choice means "not affected" or "unchanged". */
export function componentStatuses(form: URLSearchParams): Record<string, ComponentStatus> {
  const out: Record<string, ComponentStatus> = {};
  for (const [name, value] of form) {
    if (name.startsWith('components.') && value)
      out[name.slice('components.'.length)] = value as ComponentStatus;
  }
  return out;
}

/** Host names typed one per line or separated by commas or spaces. */
export const hostList = (text: string): string[] => text.split(/[\s,]+/).filter(Boolean);

/** The text of an optional field, or undefined when left empty, so the schema's default applies. */
export const optional = (form: URLSearchParams, name: string): string | undefined =>
  form.get(name) || undefined;

const partsFormat = new Map<string, Intl.DateTimeFormat>();

/** How far `timeZone` is ahead of UTC at the instant `utcMs`, in milliseconds. */
function offsetAt(utcMs: number, timeZone: string): number {
  let f = partsFormat.get(timeZone);
  if (!f) {
    f = new Intl.DateTimeFormat('en-US', {
      timeZone,
      hourCycle: 'h23',
      year: 'numeric',
      month: 'numeric',
      day: 'numeric',
      hour: 'numeric',
      minute: 'numeric',
      second: 'numeric',
    });
    partsFormat.set(timeZone, f);
  }
  const p = Object.fromEntries(f.formatToParts(new Date(utcMs)).map((x) => [x.type, Number(x.value)]));
  const wall = Date.UTC(p.year ?? 0, (p.month ?? 1) - 1, p.day, p.hour, p.minute, p.second);
  return wall - Math.floor(utcMs / 1000) * 1000;
}

/**
 * A `datetime-local` value (`2025-06-01T14:30`), read as a time in the page's zone, as an ISO instant;
 * undefined when it is not such a value.
 */
export function zonedToIso(local: string, timeZone: string): string | undefined {
  const m = /^(\d{4})-(\d{2})-(\d{2})T(\d{2}):(\d{2})(?::(\d{2}))?$/.exec(local);
  if (!m) return undefined;
  const [, y, mo, d, h, mi, s] = m.map(Number) as number[];
  const wall = Date.UTC(y as number, (mo as number) - 1, d, h, mi, s || 0);
  // Date.UTC rolls 31 February over into March; such a date was not a real one.
  if (new Date(wall).toISOString().slice(0, 16) !== local.slice(0, 16)) return undefined;
  // The second pass corrects a first guess that landed on the other side of a daylight-saving change.
  const first = wall - offsetAt(wall, timeZone);
  return new Date(wall - offsetAt(first, timeZone)).toISOString();
}
