import { componentStatus } from '../../../shared/schemas/status.ts';
import type { ComponentRecord, GroupRecord } from '../../store/page-data.ts';
import { icon } from '../icons.ts';
import { componentStatusLabel, componentTone } from '../labels.ts';
import { html } from '../markup.ts';
import type { ConsoleContext, ConsoleKey } from './context.ts';
import {
  csrfField,
  errorSummary,
  type FormState,
  inputField,
  labelsFrom,
  selectField,
  textArea,
} from './form.ts';
import { renderConsole } from './layout.ts';

const labelKeys: Record<string, ConsoleKey> = {
  name: 'console.field.name',
  description: 'console.field.description',
  group_id: 'console.field.group',
  hosts: 'console.field.hosts',
  status: 'console.field.status',
};
const labelOf = (ctx: ConsoleContext) => labelsFrom(labelKeys, ctx);

/** Components and groups as the public page arranges them, each with a link to edit it. */
export function renderComponentList(
  components: ComponentRecord[],
  groups: GroupRecord[],
  ctx: ConsoleContext,
): string {
  const { t } = ctx;
  const groupName = (id: string | null) => groups.find((g) => g.id === id)?.name ?? '';
  const body = html`<div class="heading"><h1>${t('console.components.title')}</h1>
<p class="actions"><a class="button" href="/console/components/new">${t('console.components.new')}</a> <a class="button secondary" href="/console/groups/new">${t('console.groups.new')}</a></p></div>
${
  components.length
    ? html`<div class="scroll"><table class="list"><thead><tr><th scope="col">${t('console.field.name')}</th><th scope="col">${t('console.field.group')}</th><th scope="col">${t('console.field.hosts')}</th><th scope="col">${t('console.field.status')}</th></tr></thead>
<tbody>${components.map(
        (c) =>
          html`<tr><td><a href="/console/components/${c.id}">${c.name}</a></td><td>${groupName(c.group_id)}</td><td class="mono">${c.hosts.join(', ')}</td><td><span class="status tone-${componentTone(c.status)}">${icon(componentTone(c.status))}${componentStatusLabel(t, c.status)}</span></td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="empty">${t('console.components.none')}</p>`
}
<h2>${t('console.groups.title')}</h2>
${
  groups.length
    ? html`<div class="scroll"><table class="list"><thead><tr><th scope="col">${t('console.field.name')}</th><th scope="col">${t('console.field.description')}</th><th scope="col">${t('console.groups.members')}</th></tr></thead>
<tbody>${groups.map(
        (g) =>
          html`<tr><td><a href="/console/groups/${g.id}">${g.name}</a></td><td>${g.description ?? ''}</td><td>${components.filter((c) => c.group_id === g.id).length}</td></tr>`,
      )}</tbody></table></div>`
    : html`<p class="empty">${t('console.groups.none')}</p>`
}`;
  return renderConsole({ title: t('console.components.title'), section: 'components', body }, ctx);
}

/** Creates a component (no `id`) or edits one. */
export function renderComponentForm(
  form: FormState,
  groups: GroupRecord[],
  id: string | undefined,
  ctx: ConsoleContext,
): string {
  const { t } = ctx;
  const title = id ? t('console.components.edit') : t('console.components.new');
  const body = html`<p class="meta"><a href="/console/components">${t('console.components.back')}</a></p>
<h1>${title}</h1>
${errorSummary(form, labelOf(ctx), ctx)}
<form class="stack" method="post" action="${id ? `/console/components/${id}` : '/console/components'}" novalidate>${csrfField(ctx)}
${inputField({ name: 'name', label: t('console.field.name'), form, required: true })}
${textArea({ name: 'description', label: t('console.field.description'), form })}
${selectField({
  name: 'group_id',
  label: t('console.field.group'),
  form,
  choices: [
    { value: '', label: t('console.groups.noGroup') },
    ...groups.map((g) => ({ value: g.id, label: g.name })),
  ],
})}
${textArea({ name: 'hosts', label: t('console.field.hosts'), form, hint: t('console.components.hostsHint') })}
${selectField({
  name: 'status',
  label: t('console.field.status'),
  form,
  choices: componentStatus.options.map((s) => ({ value: s, label: componentStatusLabel(t, s) })),
})}
<button type="submit">${id ? t('console.save') : t('console.components.create')}</button>
</form>`;
  return renderConsole({ title, section: 'components', body }, ctx);
}

/** Creates a group (no `id`) or edits one. */
export function renderGroupForm(form: FormState, id: string | undefined, ctx: ConsoleContext): string {
  const { t } = ctx;
  const title = id ? t('console.groups.edit') : t('console.groups.new');
  const body = html`<p class="meta"><a href="/console/components">${t('console.components.back')}</a></p>
<h1>${title}</h1>
${errorSummary(form, labelOf(ctx), ctx)}
<form class="stack" method="post" action="${id ? `/console/groups/${id}` : '/console/groups'}" novalidate>${csrfField(ctx)}
${inputField({ name: 'name', label: t('console.field.name'), form, required: true })}
${textArea({ name: 'description', label: t('console.field.description'), form })}
<button type="submit">${id ? t('console.save') : t('console.groups.create')}</button>
</form>`;
  return renderConsole({ title, section: 'components', body }, ctx);
}
