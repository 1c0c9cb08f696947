import { componentStatus, type IncidentImpact } from '../../shared/schemas/status.ts';
import { indicatorDescriptionKey, overallIndicator } from '../domain/overall.ts';
import type { PageData } from '../store/page-data.ts';
import { componentList } from './components.ts';
import type { ViewContext } from './context.ts';
import { timeTag } from './format.ts';
import { icon } from './icons.ts';
import { componentStatusLabel, componentTone } from './labels.ts';
import { renderLayout } from './layout.ts';
import { type Html, html, tHtml } from './markup.ts';
import { incidentCard } from './timeline.ts';

/** What each bar colour means, in words. */
function legend(ctx: ViewContext): Html {
  return html`<ul class="legend" aria-label="${ctx.t('uptime.legend')}">${componentStatus.options.map(
    (status) =>
      html`<li><i class="tone-${componentTone(status)}" aria-hidden="true"></i>${componentStatusLabel(ctx.t, status)}</li>`,
  )}<li><i class="nodata" aria-hidden="true"></i>${ctx.t('uptime.noData')}</li></ul>`;
}

/** The status page: overall state first, then what is happening, then every component's record. */
export function renderHome(data: PageData, ctx: ViewContext): string {
  const active = data.incidents.filter((i) => i.kind === 'incident' && i.resolved_at === null);
  const maintenance = data.maintenances.filter((m) => m.kind === 'maintenance' && m.status !== 'completed');
  const indicator = overallIndicator(
    data.components.map((c) => c.status),
    active.map((i) => i.impact).filter((impact): impact is IncidentImpact => impact !== 'maintenance'),
  );

  const body = html`<h1 class="banner tone-${indicator}">${icon(indicator)}<span>${ctx.t(indicatorDescriptionKey[indicator])}</span></h1>
<p class="updated">${tHtml(ctx.t, 'page.lastUpdated', { time: timeTag(data.updatedAt, ctx) })}</p>
${
  active.length
    ? html`<section aria-labelledby="active"><h2 id="active">${ctx.t('page.activeIncidents')}</h2>
${active.map((i) => incidentCard(i, data, ctx))}</section>`
    : ''
}
${
  maintenance.length
    ? html`<section aria-labelledby="maintenance"><h2 id="maintenance">${ctx.t('page.maintenance')}</h2>
${maintenance.map((m) => incidentCard(m, data, ctx))}</section>`
    : ''
}
<section aria-labelledby="components"><h2 id="components">${ctx.t('page.components')}</h2>
${componentList(data, ctx)}
${legend(ctx)}
</section>
<p class="more"><a href="/history">${ctx.t('page.viewHistory')}</a></p>`;

  return renderLayout({ current: 'home', indicator, body }, ctx);
}
