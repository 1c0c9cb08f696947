import type { ViewContext } from './context.ts';
import { type Html, html } from './markup.ts';

// Building an Intl.DateTimeFormat costs far more than using one, and a page formats hundreds of dates.
const formatters = new Map<string, Intl.DateTimeFormat>();

function formatter(locale: string, options: Intl.DateTimeFormatOptions): Intl.DateTimeFormat {
  const key = `${locale}|${JSON.stringify(options)}`;
  let f = formatters.get(key);
  if (!f) {
    f = new Intl.DateTimeFormat(locale, options);
    formatters.set(key, f);
  }
  return f;
}

function yearIn(date: Date, timeZone: string): string {
  return formatter('en-US', { timeZone, year: 'numeric' }).format(date);
}

function dayIn(date: Date, timeZone: string): string {
  return formatter('en-CA', { timeZone, year: 'numeric', month: '2-digit', day: '2-digit' }).format(date);
}

/** Date and time in the page's zone, with the zone's abbreviation; the year only when not this year. */
function dateTimeText(date: Date, ctx: ViewContext): string {
  const timeZone = ctx.config.timeZone;
  const sameYear = yearIn(date, timeZone) === yearIn(ctx.now, timeZone);
  return formatter(ctx.locale, {
    timeZone,
    timeZoneName: 'short',
    year: sameYear ? undefined : 'numeric',
    month: 'short',
    day: 'numeric',
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
}

function timeOnlyText(date: Date, ctx: ViewContext): string {
  return formatter(ctx.locale, {
    timeZone: ctx.config.timeZone,
    timeZoneName: 'short',
    hour: 'numeric',
    minute: '2-digit',
  }).format(date);
}

/** A moment as `<time>`: readable in the page's zone, exact in `datetime`. */
export function timeTag(iso: string, ctx: ViewContext): Html {
  const date = new Date(iso);
  if (Number.isNaN(date.getTime())) return html`${iso}`;
  return html`<time datetime="${date.toISOString()}">${dateTimeText(date, ctx)}</time>`;
}

/** A window such as maintenance; the end drops the date when it falls on the same local day. */
export function timeRangeTag(fromIso: string, untilIso: string, ctx: ViewContext): Html {
  const from = new Date(fromIso);
  const until = new Date(untilIso);
  if (Number.isNaN(from.getTime()) || Number.isNaN(until.getTime())) return html`${fromIso} – ${untilIso}`;
  const sameDay = dayIn(from, ctx.config.timeZone) === dayIn(until, ctx.config.timeZone);
  const end = sameDay ? timeOnlyText(until, ctx) : dateTimeText(until, ctx);
  return html`${timeTag(fromIso, ctx)} – <time datetime="${until.toISOString()}">${end}</time>`;
}

/**
 * A UTC calendar day (`YYYY-MM-DD`, as the uptime bars count them) in the reader's language. `short`
 * drops the year, which the 90 days of a bar never need and which would cost 5 KB on a 10-bar page.
 */
export function utcDayText(day: string, locale: string, length: 'short' | 'full' = 'full'): string {
  return formatter(locale, {
    timeZone: 'UTC',
    year: length === 'full' ? 'numeric' : undefined,
    month: 'short',
    day: 'numeric',
  }).format(new Date(`${day}T00:00:00Z`));
}

/** A calendar month as `YYYY-MM`, the key the history page groups by. */
export type MonthKey = string;

/** The month an instant falls in, seen from the page's time zone. */
export function monthOf(date: Date, timeZone: string): MonthKey {
  return dayIn(date, timeZone).slice(0, 7);
}

/** The month before, for walking back through a history page's range. */
export function previousMonth(month: MonthKey): MonthKey {
  const [year = 0, m = 1] = month.split('-').map(Number);
  const d = new Date(Date.UTC(year, m - 2, 1));
  return d.toISOString().slice(0, 7);
}

export function monthHeading(month: MonthKey, locale: string): string {
  return formatter(locale, { timeZone: 'UTC', year: 'numeric', month: 'long' }).format(
    new Date(`${month}-01T00:00:00Z`),
  );
}
