import type { IncidentRecord, PageData } from '../store/page-data.ts';
import type { ViewContext } from './context.ts';
import { timeRangeTag, timeTag } from './format.ts';
import { progressLabel } from './labels.ts';
import { renderLayout } from './layout.ts';
import { type Html, html } from './markup.ts';
import { affectedNames, impactBadge, listText, updateTimeline } from './timeline.ts';

function fact(term: string, value: Html | string): Html {
  return html`<dt>${term}</dt><dd>${value}</dd>`;
}

/** When it happened: an incident's start and end, a maintenance's window and completion. */
function timing(incident: IncidentRecord, ctx: ViewContext): Html[] {
  const { t } = ctx;
  const facts: Html[] = [];
  if (incident.kind === 'maintenance' && incident.scheduled_for && incident.scheduled_until) {
    facts.push(
      fact(t('incident.fieldScheduled'), timeRangeTag(incident.scheduled_for, incident.scheduled_until, ctx)),
    );
  } else {
    facts.push(fact(t('incident.fieldStarted'), timeTag(incident.started_at, ctx)));
  }
  if (incident.resolved_at) {
    const term = incident.kind === 'maintenance' ? t('incident.fieldCompleted') : t('incident.fieldResolved');
    facts.push(fact(term, timeTag(incident.resolved_at, ctx)));
  }
  return facts;
}

/** One incident or maintenance with its facts and every update; linked from the home and history pages. */
export function renderIncident(incident: IncidentRecord, data: PageData, ctx: ViewContext): string {
  const { t } = ctx;
  const names = affectedNames(incident, data);
  const body = html`<article class="tone-${incident.impact}" aria-labelledby="title">
<h1 id="title">${incident.name}</h1>
<dl class="facts">
${fact(t('incident.fieldStatus'), progressLabel(t, incident.status))}
${incident.kind === 'incident' ? fact(t('incident.fieldImpact'), impactBadge(incident, ctx)) : ''}
${timing(incident, ctx)}
${names.length ? fact(t('incident.fieldComponents'), listText(names, ctx.locale)) : ''}
</dl>
<h2>${t('incident.updates')}</h2>
${updateTimeline(incident, ctx)}
</article>`;
  return renderLayout({ title: incident.name, body }, ctx);
}
