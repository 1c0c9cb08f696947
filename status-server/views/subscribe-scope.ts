import { raw } from 'hono/html';
import type { PageData } from '../store/page-data.ts';
import type { ViewContext } from './context.ts';
import { type Html, html } from './markup.ts';

/** What the form shows ticked: everything, or the listed components and groups. */
export interface ScopeChoice {
  all: boolean;
  targets: string[];
  maintenance: boolean;
}

export const everything: ScopeChoice = { all: true, targets: [], maintenance: true };

/**
 * Form styles: the page's stylesheet has none for forms, and the CSP allows inline style only.
 * Kept here so every subscription page shares them.
 */
export const formStyle = raw(`<style>
.sub form{margin:0 0 2rem}.sub fieldset{margin:1rem 0;padding:.75rem 1rem;border:1px solid var(--line);border-radius:.5rem}
.sub legend{font-weight:600;padding:0 .25rem}.sub label{display:block;margin:.25rem 0}
.sub input[type=email],.sub input[type=url]{width:100%;max-width:28rem;padding:.5rem;font:inherit;color:var(--fg);background:var(--bg);border:1px solid var(--muted);border-radius:.375rem}
.sub ul{margin:.25rem 0 0;padding-left:1.25rem;list-style:none}.sub .hint{color:var(--muted);font-size:.875rem;margin:.25rem 0}
.sub button{padding:.5rem 1rem;font:inherit;font-weight:600;color:var(--on-button);background:var(--button);border:0;border-radius:.375rem;cursor:pointer}
.sub .problem{padding:.75rem 1rem;border-left:4px solid var(--critical);background:var(--card)}
.sub code{overflow-wrap:anywhere;font-size:.9375rem;padding:.1em .3em;background:var(--card);border:1px solid var(--line);border-radius:.25rem}
</style>`);

const byPosition = (a: { position: number; name: string }, b: { position: number; name: string }) =>
  a.position - b.position || a.name.localeCompare(b.name);

function box(name: 'component' | 'group', value: string, label: Html | string, choice: ScopeChoice): Html {
  const checked = !choice.all && choice.targets.includes(value);
  return html`<label><input type="checkbox" name="${name}" value="${value}"${checked ? raw(' checked') : ''}> ${label}</label>`;
}

/** The "which components" and "maintenance too" choices, shared by the subscribe and manage forms. */
export function scopeFields(data: PageData, ctx: ViewContext, choice: ScopeChoice): Html {
  const { t } = ctx;
  const groups = [...data.groups].sort(byPosition);
  const loose = data.components.filter((c) => !c.group_id || !groups.some((g) => g.id === c.group_id));
  const list = data.components.length
    ? html`<ul>${groups.map((g) => {
        const members = data.components.filter((c) => c.group_id === g.id).sort(byPosition);
        return html`<li>${box('group', g.id, html`<strong>${t('subscribe.wholeGroup', { group: g.name })}</strong>`, choice)}<ul>${members.map(
          (c) => html`<li>${box('component', c.id, c.name, choice)}</li>`,
        )}</ul></li>`;
      })}${loose.sort(byPosition).map((c) => html`<li>${box('component', c.id, c.name, choice)}</li>`)}</ul>`
    : '';
  return html`<fieldset><legend>${t('subscribe.scope')}</legend>
<label><input type="radio" name="scope" value="all"${choice.all ? raw(' checked') : ''}> ${t('subscribe.scopeAll')}</label>
<label><input type="radio" name="scope" value="some"${choice.all ? '' : raw(' checked')}> ${t('subscribe.scopeSome')}</label>
${list}</fieldset>
<label><input type="checkbox" name="maintenance" value="1"${choice.maintenance ? raw(' checked') : ''}> ${t('subscribe.maintenance')}</label>`;
}
