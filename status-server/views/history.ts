import { latestStartFirst } from '../domain/order.ts';
import type { IncidentRecord, PageData } from '../store/page-data.ts';
import type { ViewContext } from './context.ts';
import { type MonthKey, monthHeading, monthOf, previousMonth, timeTag } from './format.ts';
import { progressLabel } from './labels.ts';
import { renderLayout } from './layout.ts';
import { type Html, html, tHtml } from './markup.ts';
import { impactBadge, incidentHref, maintenanceWindow } from './timeline.ts';

/** A bound on the months one page lists, whatever range it is given. */
const MAX_MONTHS = 24;

/**
 * Time zones sit within 14 hours of UTC, so stepping 15 hours inside the range finds its first and last
 * month in the page's zone whether the caller cut it at UTC or at local month starts.
 */
const ZONE_SLACK_MS = 15 * 3_600_000;

/**
 * The months the range covers, newest first, plus any month an incident falls in, so none is dropped
 * when the range was cut in another zone than the page's.
 */
function months(incidents: IncidentRecord[], from: Date, to: Date, timeZone: string): MonthKey[] {
  const first = monthOf(new Date(from.getTime() + ZONE_SLACK_MS), timeZone);
  const keys = new Set<MonthKey>();
  for (
    let m = monthOf(new Date(to.getTime() - ZONE_SLACK_MS), timeZone);
    m >= first && keys.size < MAX_MONTHS;
  ) {
    keys.add(m);
    m = previousMonth(m);
  }
  for (const i of incidents) keys.add(monthOf(new Date(i.started_at), timeZone));
  return [...keys].sort().reverse();
}

function when(incident: IncidentRecord, ctx: ViewContext): Html {
  const { t } = ctx;
  if (incident.kind === 'maintenance') {
    const window = maintenanceWindow(incident, ctx);
    return window
      ? html`${window} · ${progressLabel(t, incident.status)}`
      : html`${progressLabel(t, incident.status)}`;
  }
  const started = tHtml(t, 'incident.startedAt', { time: timeTag(incident.started_at, ctx) });
  const end = incident.resolved_at
    ? tHtml(t, 'incident.resolvedAt', { time: timeTag(incident.resolved_at, ctx) })
    : progressLabel(t, incident.status);
  return html`${started} · ${end}`;
}

function item(incident: IncidentRecord, ctx: ViewContext): Html {
  return html`<li class="tone-${incident.impact}"><h3><a href="${incidentHref(incident)}">${incident.name}</a></h3>
<p class="meta">${impactBadge(incident, ctx)}<span>${when(incident, ctx)}</span></p></li>`;
}

/** Pages go back in time; the oldest is the one reaching back before anything on the page existed. */
function pager(range: { from: Date; page: number }, data: PageData, ctx: ViewContext): Html {
  const created = [...data.components, ...data.groups].map((x) => Date.parse(x.created_at));
  const hasOlder = created.some((at) => at < range.from.getTime());
  const newer = range.page > 0 ? (range.page === 1 ? '/history' : `/history?page=${range.page - 1}`) : null;
  if (!newer && !hasOlder) return html``;
  return html`<nav class="pager" aria-label="${ctx.t('history.pagination')}">${
    newer ? html`<a href="${newer}" rel="prev">← ${ctx.t('history.newer')}</a>` : ''
  }${hasOlder ? html`<a href="/history?page=${range.page + 1}" rel="next">${ctx.t('history.older')} →</a>` : ''}</nav>`;
}

/** Incidents and maintenance by month, newest first; a quiet month says so rather than vanishing. */
export function renderHistory(
  incidents: IncidentRecord[],
  range: { from: Date; to: Date; page: number },
  data: PageData,
  ctx: ViewContext,
): string {
  const tz = ctx.config.timeZone;
  const sorted = [...incidents].sort(latestStartFirst);
  const body = html`<h1>${ctx.t('history.title')}</h1>
${months(sorted, range.from, range.to, tz).map((month) => {
  const inMonth = sorted.filter((i) => monthOf(new Date(i.started_at), tz) === month);
  return html`<section aria-labelledby="m-${month}"><h2 id="m-${month}">${monthHeading(month, ctx.locale)}</h2>
${inMonth.length ? html`<ul class="history">${inMonth.map((i) => item(i, ctx))}</ul>` : html`<p class="empty">${ctx.t('history.empty')}</p>`}
</section>`;
})}
${pager(range, data, ctx)}`;
  return renderLayout({ title: ctx.t('history.title'), current: 'history', body }, ctx);
}
