import type { StatusIndicator } from '../../shared/schemas/status.ts';
import { type UptimeDay, uptimeBars } from '../domain/uptime.ts';
import type { ComponentRecord, PageData } from '../store/page-data.ts';
import { UPTIME_DAYS } from '../store/page-data.ts';
import type { ViewContext } from './context.ts';
import { utcDayText } from './format.ts';
import { componentStatusLabel, componentTone } from './labels.ts';
import { type Html, html } from './markup.ts';

const percentFormats = new Map<string, Intl.NumberFormat>();

/**
 * A share of time up (0..1) as the percentage the page shows, to hundredths and rounded down, so a
 * day with any downtime never reads as 100 %. The badges show the same figure.
 */
export function uptimePercent(share: number): number {
  // The epsilon keeps binary rounding (0.9995 * 10000 = 9994.99…) from costing a hundredth.
  return Math.floor(share * 10_000 + 1e-6) / 100;
}

function percentText(share: number, locale: string): string {
  let f = percentFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { maximumFractionDigits: 2 });
    percentFormats.set(locale, f);
  }
  return f.format(uptimePercent(share));
}

function dayTone(day: UptimeDay): StatusIndicator | 'nodata' {
  return day.worst === null ? 'nodata' : componentTone(day.worst);
}

function daySummary(day: UptimeDay, ctx: ViewContext): string {
  if (day.worst === null) return ctx.t('uptime.noData');
  const parts: string[] = [];
  if (day.majorSeconds > 0)
    parts.push(ctx.t('uptime.majorMinutes', { minutes: Math.ceil(day.majorSeconds / 60) }));
  if (day.partialSeconds > 0) {
    parts.push(ctx.t('uptime.partialMinutes', { minutes: Math.ceil(day.partialSeconds / 60) }));
  }
  if (parts.length) return parts.join(', ');
  return day.worst === 'operational' ? ctx.t('uptime.noDowntime') : componentStatusLabel(ctx.t, day.worst);
}

/**
 * Day cells already made, by language and all that a cell shows. Every status write rebuilds the
 * page while readers wait their turn, and the cells (90 a component, each a translated tooltip with a
 * formatted date) were four fifths of the page's work; from one build to the next, only today's change.
 */
const cells = new Map<string, Html>();
/** A few months of days for some hundred components in a few languages; past it the cells are made afresh. */
const MAX_CELLS = 50_000;

function dayCell(day: UptimeDay, ctx: ViewContext): Html {
  const key = `${ctx.locale}|${day.date}|${day.worst}|${day.majorSeconds}|${day.partialSeconds}`;
  const kept = cells.get(key);
  if (kept) return kept;
  const tone = dayTone(day);
  const title = ctx.t('uptime.day', {
    date: utcDayText(day.date, ctx.locale, 'short'),
    summary: daySummary(day, ctx),
  });
  // Operational is the default colour, which keeps the common day to a few bytes.
  const cell =
    tone === 'none' ? html`<i title="${title}"></i>` : html`<i class="${tone}" title="${title}"></i>`;
  if (cells.size >= MAX_CELLS) cells.clear();
  cells.set(key, cell);
  return cell;
}

/**
 * The 90-day bar: one element per UTC day with its tooltip, a text summary for screen readers, and the
 * days with trouble as a list, since tooltips reach neither keyboards nor touch screens.
 */
export function uptimeBar(component: ComponentRecord, data: PageData, ctx: ViewContext): Html {
  const bars = uptimeBars(data.statusChanges.get(component.id) ?? [], ctx.now, UPTIME_DAYS);
  const uptime =
    bars.uptime === null
      ? ctx.t('uptime.noData')
      : ctx.t('uptime.percent', { percent: percentText(bars.uptime, ctx.locale) });
  const label = ctx.t('uptime.barLabel', { name: component.name, days: UPTIME_DAYS, uptime });
  const days = bars.days.map((day) => dayCell(day, ctx));
  const troubled = bars.days.filter((d) => d.worst !== null && d.worst !== 'operational').reverse();
  return html`<div class="uptime">
<div class="bar" role="img" aria-label="${label}">${days}</div>
<p class="scale" aria-hidden="true"><span>${ctx.t('uptime.daysAgo', { days: UPTIME_DAYS })}</span><span class="pct">${uptime}</span><span>${ctx.t('uptime.today')}</span></p>
${
  troubled.length
    ? html`<details class="days"><summary>${ctx.t('uptime.daysWithIssues', { count: troubled.length })}</summary><ul>${troubled.map(
        (d) =>
          html`<li><time datetime="${d.date}">${utcDayText(d.date, ctx.locale)}</time>: ${daySummary(d, ctx)}</li>`,
      )}</ul></details>`
    : ''
}</div>`;
}
