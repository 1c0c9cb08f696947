import { raw } from 'hono/html';
import { newestUpdateFirst } from '../domain/order.ts';
import type { IncidentRecord, PageData } from '../store/page-data.ts';
import type { ViewContext } from './context.ts';
import { timeRangeTag, timeTag } from './format.ts';
import { icon } from './icons.ts';
import { impactLabel, progressLabel } from './labels.ts';
import { renderMarkdown } from './markdown.ts';
import { type Html, html, tHtml } from './markup.ts';

export function incidentHref(incident: IncidentRecord): string {
  return `/incidents/${encodeURIComponent(incident.id)}`;
}

/** Names of the components an incident lists, in the page's order; unknown ids are skipped. */
export function affectedNames(incident: IncidentRecord, data: PageData): string[] {
  return data.components.filter((c) => incident.component_ids.includes(c.id)).map((c) => c.name);
}

export function listText(names: string[], locale: string): string {
  return new Intl.ListFormat(locale, { type: 'conjunction' }).format(names);
}

/** The impact as a badge: icon, colour and words, so colour is never the only sign. */
export function impactBadge(incident: IncidentRecord, ctx: ViewContext): Html {
  return html`<span class="badge tone-${incident.impact}">${icon(incident.impact)}${impactLabel(ctx.t, incident.impact)}</span>`;
}

export function maintenanceWindow(incident: IncidentRecord, ctx: ViewContext): Html | '' {
  if (!incident.scheduled_for || !incident.scheduled_until) return '';
  return tHtml(ctx.t, 'maintenance.window', {
    window: timeRangeTag(incident.scheduled_for, incident.scheduled_until, ctx),
  });
}

/** Every update, newest first as status pages conventionally list them, with its message rendered. */
export function updateTimeline(incident: IncidentRecord, ctx: ViewContext): Html {
  if (!incident.updates.length) return html`<p class="empty">${ctx.t('incident.noUpdates')}</p>`;
  const updates = [...incident.updates].sort(newestUpdateFirst);
  return html`<ol class="timeline">${updates.map(
    (u) =>
      html`<li><p class="u-head"><strong>${progressLabel(ctx.t, u.status)}</strong> ${timeTag(u.created_at, ctx)}</p><div class="md">${raw(renderMarkdown(u.body))}</div></li>`,
  )}</ol>`;
}

/** An incident or maintenance as the home page shows it: linked title, impact, scope and timeline. */
export function incidentCard(incident: IncidentRecord, data: PageData, ctx: ViewContext): Html {
  const names = affectedNames(incident, data);
  const status =
    incident.kind === 'maintenance'
      ? html`<span class="badge tone-maintenance">${icon('maintenance')}${progressLabel(ctx.t, incident.status)}</span>`
      : impactBadge(incident, ctx);
  return html`<article class="card tone-${incident.impact}" aria-labelledby="i-${incident.id}">
<h3 id="i-${incident.id}"><a href="${incidentHref(incident)}">${incident.name}</a></h3>
<p class="meta">${status}${incident.kind === 'maintenance' ? html` <span>${maintenanceWindow(incident, ctx)}</span>` : ''}</p>
${names.length ? html`<p class="meta">${ctx.t('page.affected', { components: listText(names, ctx.locale) })}</p>` : ''}
${updateTimeline(incident, ctx)}</article>`;
}
