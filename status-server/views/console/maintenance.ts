import { raw } from 'hono/html';
import { maintenanceStatus } from '../../../shared/schemas/status.ts';
import { earliestStartFirst, latestStartFirst } from '../../domain/order.ts';
import type { IncidentRecord } from '../../store/page-data.ts';
import { timeRangeTag } from '../format.ts';
import { progressLabel } from '../labels.ts';
import { html } from '../markup.ts';
import { listText, updateTimeline } from '../timeline.ts';
import type { ConsoleContext, ConsoleKey } from './context.ts';
import {
  csrfField,
  errorSummary,
  type FormState,
  fieldId,
  inputField,
  labelsFrom,
  selectField,
  textArea,
} from './form.ts';
import { type ComponentChoices, componentName } from './incidents.ts';
import { renderConsole } from './layout.ts';

const labelKeys: Record<string, ConsoleKey> = {
  name: 'console.field.name',
  message: 'console.field.message',
  scheduled_for: 'console.maintenance.from',
  scheduled_until: 'console.maintenance.until',
  components: 'console.maintenance.components',
  status: 'console.field.status',
};
const labelOf = (ctx: ConsoleContext) => labelsFrom(labelKeys, ctx);
const href = (m: IncidentRecord) => `/console/maintenance/${m.id}`;

/** Maintenance not yet completed first, soonest first; then completed, latest first. */
export function renderMaintenanceList(list: IncidentRecord[], ctx: ConsoleContext): string {
  const { t } = ctx;
  const sorted = [...list].sort(
    (a, b) =>
      Number(a.status === 'completed') - Number(b.status === 'completed') ||
      (a.status === 'completed' ? latestStartFirst(a, b) : earliestStartFirst(a, b)),
  );
  const body = html`<div class="heading"><h1>${t('console.maintenance.title')}</h1><a class="button" href="/console/maintenance/new">${t('console.maintenance.new')}</a></div>
${
  sorted.length
    ? html`<div class="scroll"><table class="list"><thead><tr><th scope="col">${t('console.field.name')}</th><th scope="col">${t('console.field.status')}</th><th scope="col">${t('console.maintenance.window')}</th></tr></thead>
<tbody>${sorted.map(
        (m) =>
          html`<tr><td class="title"><a href="${href(m)}">${m.name}</a></td><td>${progressLabel(t, m.status)}</td><td>${m.scheduled_for && m.scheduled_until ? timeRangeTag(m.scheduled_for, m.scheduled_until, ctx) : ''}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="empty">${t('console.maintenance.empty')}</p>`
}`;
  return renderConsole({ title: t('console.maintenance.title'), section: 'maintenance', body }, ctx);
}

export function renderMaintenanceForm(
  form: FormState,
  choices: ComponentChoices,
  ctx: ConsoleContext,
): string {
  const { t } = ctx;
  const picked = new Set(form.values.getAll('components'));
  const zoneHint = t('console.maintenance.zoneHint', { zone: ctx.config.timeZone });
  const errors = form.errors.components ?? [];
  const body = html`<p class="meta"><a href="/console/maintenance">${t('console.maintenance.back')}</a></p>
<h1>${t('console.maintenance.new')}</h1>
${errorSummary(form, labelOf(ctx), ctx)}
<form class="stack" method="post" action="/console/maintenance" novalidate>${csrfField(ctx)}
${inputField({ name: 'name', label: t('console.field.name'), form, required: true })}
${inputField({ name: 'scheduled_for', label: t('console.maintenance.from'), form, type: 'datetime-local', required: true, hint: zoneHint })}
${inputField({ name: 'scheduled_until', label: t('console.maintenance.until'), form, type: 'datetime-local', required: true, hint: zoneHint })}
${textArea({ name: 'message', label: t('console.field.message'), form, required: true, hint: t('console.field.markdownHint') })}
<fieldset class="field checks" id="${fieldId('components')}"><legend>${t('console.maintenance.components')}</legend>
${choices.components.map(
  (c) =>
    html`<label><input type="checkbox" name="components" value="${c.id}"${picked.has(c.id) ? raw(' checked') : ''}> ${componentName(c, choices.groups)}</label>`,
)}
${errors.length ? html`<p class="error">${errors.join(' ')}</p>` : ''}</fieldset>
<button type="submit">${t('console.maintenance.create')}</button>
</form>`;
  return renderConsole({ title: t('console.maintenance.new'), section: 'maintenance', body }, ctx);
}

export function renderMaintenancePage(
  m: IncidentRecord,
  choices: ComponentChoices,
  form: FormState,
  ctx: ConsoleContext,
): string {
  const { t } = ctx;
  const names = choices.components
    .filter((c) => m.component_ids.includes(c.id))
    .map((c) => componentName(c, choices.groups));
  const body = html`<p class="meta"><a href="/console/maintenance">${t('console.maintenance.back')}</a></p>
<article class="tone-maintenance" aria-labelledby="title">
<h1 id="title">${m.name}</h1>
<dl class="facts">
<dt>${t('console.field.status')}</dt><dd>${progressLabel(t, m.status)}</dd>
${m.scheduled_for && m.scheduled_until ? html`<dt>${t('console.maintenance.window')}</dt><dd>${timeRangeTag(m.scheduled_for, m.scheduled_until, ctx)}</dd>` : ''}
${names.length ? html`<dt>${t('incident.fieldComponents')}</dt><dd>${listText(names, ctx.locale)}</dd>` : ''}
<dt>${t('console.incident.public')}</dt><dd><a href="/incidents/${m.id}">${t('console.incident.publicLink')}</a></dd>
</dl>
<section aria-labelledby="post-update"><h2 id="post-update">${t('console.incident.postUpdate')}</h2>
${errorSummary(form, labelOf(ctx), ctx)}
<form class="stack" method="post" action="${href(m)}/updates" novalidate>${csrfField(ctx)}
${selectField({ name: 'status', label: t('console.field.status'), form, choices: maintenanceStatus.options.map((s) => ({ value: s, label: progressLabel(t, s) })) })}
${textArea({ name: 'message', label: t('console.field.message'), form, required: true, hint: t('console.maintenance.statusHint') })}
<button type="submit">${t('console.incident.post')}</button>
</form></section>
<h2>${t('incident.updates')}</h2>
${updateTimeline(m, ctx)}
</article>`;
  return renderConsole({ title: m.name, section: 'maintenance', body }, ctx);
}
