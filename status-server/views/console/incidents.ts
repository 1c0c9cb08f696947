import { componentStatus, incidentImpact, incidentStatus } from '../../../shared/schemas/status.ts';
import { latestStartFirst } from '../../domain/order.ts';
import type { ComponentRecord, GroupRecord, IncidentRecord } from '../../store/page-data.ts';
import { timeTag } from '../format.ts';
import { componentStatusLabel, impactLabel, progressLabel } from '../labels.ts';
import { type Html, html } from '../markup.ts';
import type { ConsoleContext, ConsoleKey } from './context.ts';
import {
  type Choice,
  csrfField,
  errorSummary,
  type FormState,
  fieldId,
  inputField,
  labelsFrom,
  options,
  selectField,
  textArea,
} from './form.ts';
import { renderConsole } from './layout.ts';
import { consoleIncidentHref } from './report-table.ts';

export interface ComponentChoices {
  components: ComponentRecord[];
  groups: GroupRecord[];
}

/** "Group › Component", so two components of the same name in different groups can be told apart. */
export function componentName(c: ComponentRecord, groups: GroupRecord[]): string {
  const group = groups.find((g) => g.id === c.group_id);
  return group ? `${group.name} › ${c.name}` : c.name;
}

export const impactChoices = (ctx: ConsoleContext): Choice[] =>
  incidentImpact.options.map((i) => ({ value: i, label: impactLabel(ctx.t, i) }));

export const incidentStatusChoices = (ctx: ConsoleContext, resolved: boolean): Choice[] =>
  incidentStatus.options
    .filter((s) => resolved || (s !== 'resolved' && s !== 'postmortem'))
    .map((s) => ({ value: s, label: progressLabel(ctx.t, s) }));

/**
 * One status choice per component, named `components.<id>`; the empty choice leaves the component
 * out (on a new incident) or unchanged (on an update), and the current status is shown beside it.
 */
export function componentStatusFields(
  legend: string,
  emptyLabel: string,
  choices: ComponentChoices,
  form: FormState,
  ctx: ConsoleContext,
): Html {
  if (!choices.components.length) return html`<p class="empty">${ctx.t('console.components.none')}</p>`;
  const statuses: Choice[] = [
    { value: '', label: emptyLabel },
    ...componentStatus.options.map((s) => ({ value: s, label: componentStatusLabel(ctx.t, s) })),
  ];
  return html`<fieldset class="field"><legend>${legend}</legend><div class="choices">${choices.components.map(
    (c) => {
      const name = `components.${c.id}`;
      const errors = form.errors[name] ?? [];
      return html`<label for="${fieldId(name)}">${componentName(c, choices.groups)} <span class="meta">(${componentStatusLabel(ctx.t, c.status)})</span></label>
<select id="${fieldId(name)}" name="${name}"${errors.length ? html` aria-invalid="true" aria-describedby="${fieldId(name)}-error"` : ''}>${options(statuses, form.values.get(name) ?? '')}</select>
${errors.length ? html`<p class="error" id="${fieldId(name)}-error">${errors.join(' ')}</p>` : ''}`;
    },
  )}</div></fieldset>`;
}

const labelKeys: Record<string, ConsoleKey> = {
  name: 'console.field.name',
  status: 'console.field.status',
  impact: 'console.field.impact',
  message: 'console.field.message',
  resolution: 'console.incident.resolution',
};

/** The label of an incident form's field, for the error summary. */
export function incidentLabel(name: string, choices: ComponentChoices, ctx: ConsoleContext): string {
  const component = choices.components.find((c) => `components.${c.id}` === name);
  return component ? componentName(component, choices.groups) : labelsFrom(labelKeys, ctx)(name);
}

/** Every incident, the ones still open first, with how many reports each has linked. */
export function renderIncidentList(
  incidents: IncidentRecord[],
  reportCounts: Map<string, number>,
  ctx: ConsoleContext,
): string {
  const { t } = ctx;
  const sorted = [...incidents].sort(
    (a, b) => Number(a.resolved_at !== null) - Number(b.resolved_at !== null) || latestStartFirst(a, b),
  );
  const body = html`<div class="heading"><h1>${t('console.incidents.title')}</h1><a class="button" href="/console/incidents/new">${t('console.incidents.new')}</a></div>
${
  sorted.length
    ? html`<div class="scroll"><table class="list"><thead><tr><th scope="col">${t('console.field.name')}</th><th scope="col">${t('console.field.status')}</th><th scope="col">${t('console.field.impact')}</th><th scope="col">${t('console.incidents.started')}</th><th scope="col">${t('console.incidents.reports')}</th></tr></thead>
<tbody>${sorted.map(
        (i) =>
          html`<tr><td class="title"><a href="${consoleIncidentHref(i.id)}">${i.name}</a></td><td>${progressLabel(t, i.status)}</td><td><span class="tone-${i.impact} status">${impactLabel(t, i.impact)}</span></td><td class="nowrap">${timeTag(i.started_at, ctx)}</td><td>${reportCounts.get(i.id) ?? 0}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="empty">${t('console.incidents.empty')}</p>`
}`;
  return renderConsole({ title: t('console.incidents.title'), section: 'incidents', body }, ctx);
}

/** The form that declares an incident: what, how bad, what is known, which components suffer. */
export function renderIncidentForm(form: FormState, choices: ComponentChoices, ctx: ConsoleContext): string {
  const { t } = ctx;
  const body = html`<p class="meta"><a href="/console/incidents">${t('console.incidents.back')}</a></p>
<h1>${t('console.incidents.new')}</h1>
${errorSummary(form, (name) => incidentLabel(name, choices, ctx), ctx)}
<form class="stack" method="post" action="/console/incidents" novalidate>${csrfField(ctx)}
${inputField({ name: 'name', label: t('console.field.name'), form, required: true, hint: t('console.incidents.nameHint') })}
${selectField({ name: 'impact', label: t('console.field.impact'), form, choices: impactChoices(ctx) })}
${selectField({ name: 'status', label: t('console.field.status'), form, choices: incidentStatusChoices(ctx, false) })}
${textArea({ name: 'message', label: t('console.field.message'), form, required: true, hint: t('console.field.markdownHint') })}
${componentStatusFields(t('console.incidents.affected'), t('console.incidents.notAffected'), choices, form, ctx)}
<button type="submit">${t('console.incidents.create')}</button>
</form>`;
  return renderConsole({ title: t('console.incidents.new'), section: 'incidents', body }, ctx);
}
