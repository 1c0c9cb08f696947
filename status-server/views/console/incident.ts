import { createTranslator } from '../../../shared/i18n/index.ts';
import type { InboxRow } from '../../store/inbox.ts';
import type { IncidentRecord } from '../../store/page-data.ts';
import { timeTag } from '../format.ts';
import { progressLabel } from '../labels.ts';
import { type Html, html } from '../markup.ts';
import { impactBadge, listText, updateTimeline } from '../timeline.ts';
import type { ConsoleContext } from './context.ts';
import { csrfField, errorSummary, type FormState, selectField, textArea } from './form.ts';
import {
  type ComponentChoices,
  componentName,
  componentStatusFields,
  impactChoices,
  incidentLabel,
  incidentStatusChoices,
} from './incidents.ts';
import { renderConsole } from './layout.ts';
import { reportTable } from './report-table.ts';

export interface IncidentView {
  incident: IncidentRecord;
  choices: ComponentChoices;
  reports: InboxRow[];
  reportTotal: number;
  update: FormState;
  resolve: FormState;
}

function linkedReports(v: IncidentView, ctx: ConsoleContext): Html {
  const { t } = ctx;
  if (!v.reports.length) return html`<p class="empty">${t('console.incident.noReports')}</p>`;
  return html`${reportTable(v.reports, t('console.incident.reportsCaption', { count: v.reportTotal }), ctx, false)}
${v.reportTotal > v.reports.length ? html`<p><a href="/console?incident=${v.incident.id}">${t('console.incident.allReports', { count: v.reportTotal })}</a></p>` : ''}`;
}

function updateForm(v: IncidentView, ctx: ConsoleContext): Html {
  const { t } = ctx;
  const form = v.update;
  return html`<section aria-labelledby="post-update"><h2 id="post-update">${t('console.incident.postUpdate')}</h2>
${errorSummary(form, (name) => incidentLabel(name, v.choices, ctx), ctx)}
<form class="stack" method="post" action="/console/incidents/${v.incident.id}/updates" novalidate>${csrfField(ctx)}
${selectField({ name: 'status', label: t('console.field.status'), form, choices: incidentStatusChoices(ctx, true) })}
${selectField({ name: 'impact', label: t('console.field.impact'), form, choices: [{ value: '', label: t('console.incident.unchanged') }, ...impactChoices(ctx)] })}
${textArea({ name: 'message', label: t('console.field.message'), form, required: true, hint: t('console.field.markdownHint') })}
${componentStatusFields(t('console.incident.componentStatuses'), t('console.incident.unchanged'), v.choices, form, ctx)}
<button type="submit">${t('console.incident.post')}</button>
</form></section>`;
}

function resolveForm(v: IncidentView, ctx: ConsoleContext): Html {
  const { t } = ctx;
  if (v.incident.resolved_at) return html``;
  return html`<section aria-labelledby="resolve"><h2 id="resolve">${t('console.incident.resolve')}</h2>
${errorSummary(v.resolve, (name) => incidentLabel(name, v.choices, ctx), ctx)}
<form class="stack" method="post" action="/console/incidents/${v.incident.id}/resolve" novalidate>${csrfField(ctx)}
${textArea({ name: 'resolution', label: t('console.incident.resolution'), form: v.resolve, hint: t('console.incident.resolutionHint', { message: createTranslator(ctx.config.defaultLocale)('incident.resolvedMessage') }) })}
<button type="submit" class="secondary">${t('console.incident.resolveButton')}</button>
</form></section>`;
}

/** An incident as support works on it: its state, timeline, the reports it explains, and the forms to move it on. */
export function renderConsoleIncident(v: IncidentView, ctx: ConsoleContext): string {
  const { t } = ctx;
  const i = v.incident;
  const names = v.choices.components
    .filter((c) => i.component_ids.includes(c.id))
    .map((c) => componentName(c, v.choices.groups));
  const body = html`<p class="meta"><a href="/console/incidents">${t('console.incidents.back')}</a></p>
<article class="tone-${i.impact}" aria-labelledby="title">
<h1 id="title">${i.name}</h1>
<dl class="facts">
<dt>${t('console.field.status')}</dt><dd>${progressLabel(t, i.status)}</dd>
<dt>${t('console.field.impact')}</dt><dd>${impactBadge(i, ctx)}</dd>
<dt>${t('console.incidents.started')}</dt><dd>${timeTag(i.started_at, ctx)}</dd>
${i.resolved_at ? html`<dt>${t('incident.fieldResolved')}</dt><dd>${timeTag(i.resolved_at, ctx)}</dd>` : ''}
${names.length ? html`<dt>${t('incident.fieldComponents')}</dt><dd>${listText(names, ctx.locale)}</dd>` : ''}
<dt>${t('console.incident.public')}</dt><dd><a href="/incidents/${i.id}">${t('console.incident.publicLink')}</a></dd>
</dl>
<h2>${t('console.incident.reports')}</h2>
${linkedReports(v, ctx)}
<h2>${t('incident.updates')}</h2>
${updateTimeline(i, ctx)}
${updateForm(v, ctx)}
${resolveForm(v, ctx)}
</article>`;
  return renderConsole({ title: i.name, section: 'incidents', body }, ctx);
}
