import { componentSeverity } from '../domain/overall.ts';
import type { ComponentRecord, GroupRecord, PageData } from '../store/page-data.ts';
import type { ViewContext } from './context.ts';
import { icon } from './icons.ts';
import { componentStatusLabel, componentTone } from './labels.ts';
import { type Html, html } from './markup.ts';
import { uptimeBar } from './uptime-bar.ts';

type Entry = { group: GroupRecord; members: ComponentRecord[] } | { component: ComponentRecord };

const byPosition = (a: { position: number; name: string }, b: { position: number; name: string }) =>
  a.position - b.position || a.name.localeCompare(b.name);

/** A component marked "only show if degraded" stays off the page while it is operational. */
function isShown(c: ComponentRecord): boolean {
  return !(c.only_show_if_degraded && c.status === 'operational');
}

/**
 * Groups and ungrouped components share one list ordered by position, the way API v2 lists them; a
 * group with nothing to show is left out, and a component whose group is gone counts as ungrouped.
 */
function entries(data: PageData): Entry[] {
  const shown = data.components.filter(isShown).sort(byPosition);
  const groups = new Map(data.groups.map((g) => [g.id, g]));
  const list: (Entry & { position: number; name: string })[] = [];
  for (const group of groups.values()) {
    const members = shown.filter((c) => c.group_id === group.id);
    if (members.length) list.push({ group, members, position: group.position, name: group.name });
  }
  for (const component of shown) {
    if (component.group_id === null || !groups.has(component.group_id)) {
      list.push({ component, position: component.position, name: component.name });
    }
  }
  return list.sort(byPosition);
}

/** The worst status among `members`: a group shows its most troubled component's. */
function statusText(members: ComponentRecord[], ctx: ViewContext): Html {
  const worst = members.reduce((w, c) => (componentSeverity[c.status] > componentSeverity[w.status] ? c : w));
  const tone = componentTone(worst.status);
  return html`<p class="status tone-${tone}">${icon(tone)}<span>${componentStatusLabel(ctx.t, worst.status)}</span></p>`;
}

function componentItem(c: ComponentRecord, level: 3 | 4, data: PageData, ctx: ViewContext): Html {
  const heading = level === 3 ? html`<h3 class="name">${c.name}</h3>` : html`<h4 class="name">${c.name}</h4>`;
  return html`<li class="component"><div class="row">${heading}${statusText([c], ctx)}</div>
${c.description ? html`<p class="desc">${c.description}</p>` : ''}${uptimeBar(c, data, ctx)}</li>`;
}

/** Every shown component with its status and 90-day bar, grouped as the page's owner arranged them. */
export function componentList(data: PageData, ctx: ViewContext): Html {
  const list = entries(data);
  if (!list.length) return html`<p class="empty">${ctx.t('page.noComponents')}</p>`;
  return html`<ul class="components">${list.map((e) =>
    'group' in e
      ? html`<li class="group"><div class="row"><h3 class="name">${e.group.name}</h3>${statusText(e.members, ctx)}</div>
${e.group.description ? html`<p class="desc">${e.group.description}</p>` : ''}<ul>${e.members.map((c) => componentItem(c, 4, data, ctx))}</ul></li>`
      : componentItem(e.component, 3, data, ctx),
  )}</ul>`;
}
