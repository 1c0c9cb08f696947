import { raw } from 'hono/html';
import { reportState } from '../../../shared/schemas/report.ts';
import type { InboxOrder, InboxRow } from '../../store/inbox.ts';
import { type Html, html } from '../markup.ts';
import type { ConsoleContext } from './context.ts';
import { errorSummary, type FormState, inputField, selectField } from './form.ts';
import { renderConsole } from './layout.ts';
import { reportTable } from './report-table.ts';

export interface InboxView {
  rows: InboxRow[];
  total: number;
  page: number;
  pages: number;
  order: InboxOrder;
  /** The query as given (shown in the filter form) with any problems in it. */
  form: FormState;
  choices: { hosts: string[]; incidents: { id: string; name: string }[] };
}

/** The current filters with some values replaced, as an inbox link; empty values are left out. */
function inboxHref(form: FormState, changes: Record<string, string>): string {
  const q = new URLSearchParams();
  for (const name of ['sort', 'state', 'incident', 'host', 'page']) {
    const value = name in changes ? changes[name] : form.values.get(name);
    if (value) q.set(name, value);
  }
  const s = q.toString();
  return s ? `/console?${s}` : '/console';
}

function sortLinks(v: InboxView, ctx: ConsoleContext): Html {
  const link = (order: InboxOrder, label: string) =>
    html`<li><a href="${inboxHref(v.form, { sort: order === 'received' ? '' : order, page: '' })}"${v.order === order ? raw(' aria-current="true"') : ''}>${label}</a></li>`;
  return html`<nav aria-label="${ctx.t('console.inbox.sortLabel')}"><ul>${link('received', ctx.t('console.inbox.sortReceived'))}${link('deadline', ctx.t('console.inbox.sortDeadline'))}</ul></nav>`;
}

function filters(v: InboxView, ctx: ConsoleContext): Html {
  const { t } = ctx;
  const any = { value: '', label: t('console.inbox.any') };
  return html`<form class="filters" method="get" action="/console" aria-label="${t('console.inbox.filtersLabel')}">
${v.order === 'deadline' ? html`<input type="hidden" name="sort" value="deadline">` : ''}
${selectField({
  name: 'state',
  label: t('console.col.state'),
  form: v.form,
  choices: [any, ...reportState.options.map((s) => ({ value: s, label: t(`console.state.${s}`) }))],
})}
${selectField({
  name: 'incident',
  label: t('console.col.incident'),
  form: v.form,
  choices: [
    any,
    { value: 'none', label: t('console.inbox.noIncident') },
    ...v.choices.incidents.map((i) => ({ value: i.id, label: i.name })),
  ],
})}
${inputField({ name: 'host', label: t('console.col.host'), form: v.form, type: 'search', list: 'hosts' })}
<datalist id="hosts">${v.choices.hosts.map((h) => html`<option value="${h}"></option>`)}</datalist>
<p class="buttons"><button type="submit">${t('console.inbox.filter')}</button> <a href="${v.order === 'deadline' ? '/console?sort=deadline' : '/console'}">${t('console.inbox.clear')}</a></p>
</form>`;
}

function pager(v: InboxView, ctx: ConsoleContext): Html {
  if (v.pages <= 1) return html``;
  return html`<nav class="pager" aria-label="${ctx.t('console.inbox.pages')}">
${v.page > 1 ? html`<a rel="prev" href="${inboxHref(v.form, { page: v.page === 2 ? '' : String(v.page - 1) })}">${ctx.t('console.inbox.previous')}</a>` : ''}
<span>${ctx.t('console.inbox.pageOf', { page: v.page, pages: v.pages })}</span>
${v.page < v.pages ? html`<a rel="next" href="${inboxHref(v.form, { page: String(v.page + 1) })}">${ctx.t('console.inbox.next')}</a>` : ''}
</nav>`;
}

/** The console's home: every report, newest first or by deadline, filtered by state, incident, host. */
export function renderInbox(v: InboxView, ctx: ConsoleContext): string {
  const { t } = ctx;
  const labels: Record<string, string> = {
    state: t('console.col.state'),
    incident: t('console.col.incident'),
    host: t('console.col.host'),
    sort: t('console.inbox.sortLabel'),
    page: t('console.inbox.pages'),
  };
  const caption =
    v.order === 'deadline' ? t('console.inbox.captionDeadline') : t('console.inbox.captionReceived');
  const body = html`<div class="heading"><h1>${t('console.inbox.title')}</h1>${Object.keys(v.form.errors).length ? '' : html`<p class="meta">${t('console.inbox.count', { count: v.total })}</p>`}</div>
${sortLinks(v, ctx)}
${errorSummary(v.form, (name) => labels[name] ?? name, ctx)}
${filters(v, ctx)}
${v.rows.length ? reportTable(v.rows, caption, ctx) : html`<p class="empty">${t('console.inbox.empty')}</p>`}
${pager(v, ctx)}`;
  return renderConsole({ title: t('console.inbox.title'), section: 'inbox', body }, ctx);
}
