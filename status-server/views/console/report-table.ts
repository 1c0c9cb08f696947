import type { InboxRow } from '../../store/inbox.ts';
import { timeTag } from '../format.ts';
import { type Html, html } from '../markup.ts';
import type { ConsoleContext } from './context.ts';
import { deadlineTag, urgency } from './deadline.ts';

export const reportHref = (reference: string) => `/console/reports/${encodeURIComponent(reference)}`;
export const consoleIncidentHref = (id: string) => `/console/incidents/${encodeURIComponent(id)}`;

export function stateBadge(state: InboxRow['state'], ctx: ConsoleContext): Html {
  return html`<span class="pill ${state}">${ctx.t(`console.state.${state}`)}</span>`;
}

export function priorityText(priority: InboxRow['priority'], ctx: ConsoleContext): string {
  return priority ? ctx.t(`console.priority.${priority}`) : ctx.t('console.none');
}

function row(r: InboxRow, withIncident: boolean, ctx: ConsoleContext): Html {
  const level = r.deadline_at ? urgency(new Date(r.deadline_at), ctx.now) : 'later';
  return html`<tr class="${level}">
<td class="nowrap"><a href="${reportHref(r.reference)}">${r.reference}</a></td>
<td class="title">${r.title}</td>
<td>${ctx.t(`console.type.${r.type}`)}</td>
<td>${priorityText(r.priority, ctx)}</td>
<td>${r.page_host}</td>
<td class="nowrap">${timeTag(r.received_at, ctx)}</td>
<td>${stateBadge(r.state, ctx)}</td>
${withIncident ? html`<td>${r.incident_id ? html`<a href="${consoleIncidentHref(r.incident_id)}">${r.incident_name ?? r.incident_id}</a>` : html`<span class="meta">${ctx.t('console.none')}</span>`}</td>` : ''}
<td>${deadlineTag(r.deadline_at, ctx)}</td>
</tr>`;
}

/**
 * Reports as a table, one per row; the inbox and an incident's page both list them this way (the
 * latter without the incident column, which would name the page's own incident on every row).
 */
export function reportTable(
  rows: InboxRow[],
  caption: string,
  ctx: ConsoleContext,
  withIncident = true,
): Html {
  const { t } = ctx;
  return html`<div class="scroll"><table class="list reports">
<caption>${caption}</caption>
<thead><tr><th scope="col">${t('console.col.reference')}</th><th scope="col">${t('console.col.title')}</th><th scope="col">${t('console.col.type')}</th><th scope="col">${t('console.col.priority')}</th><th scope="col">${t('console.col.host')}</th><th scope="col">${t('console.col.received')}</th><th scope="col">${t('console.col.state')}</th>${withIncident ? html`<th scope="col">${t('console.col.incident')}</th>` : ''}<th scope="col">${t('console.col.deadline')}</th></tr></thead>
<tbody>${rows.map((r) => row(r, withIncident, ctx))}</tbody>
</table></div>`;
}
