import { z } from 'zod';
import { hostCovers } from '../../../shared/hosts.ts';
import type { V2Summary } from '../../../shared/schemas/api-v2.ts';
import { incidentImpact, incidentStatus } from '../../../shared/schemas/status.ts';

/**
 * The pure decisions of the incident watcher: what the server's summary says is going on, which of
 * it touches the person, and what changed since they were last told. The browser calls (fetch,
 * storage, notifications, badge, tabs) live in run.ts and are passed in there.
 */

/** An unresolved incident as the watcher keeps it between checks: only what it decides and shows with. */
export const watchedIncident = z.object({
  id: z.string(),
  name: z.string(),
  status: incidentStatus,
  impact: incidentImpact,
  /** The incident's page on the status server. */
  url: z.string(),
  startedAt: z.string(),
  /** Changes when support posts an update or changes the incident's status or impact. */
  version: z.string(),
  /** The text of the latest update, as support wrote it. */
  latest: z.string(),
  components: z.array(z.object({ id: z.string(), name: z.string(), hosts: z.array(z.string()) })),
});
export type WatchedIncident = z.infer<typeof watchedIncident>;

/** What the person was last told about one incident: enough to tell it again when it ends. */
export const toldIncident = z.object({
  version: z.string(),
  name: z.string(),
  url: z.string(),
  where: z.array(z.string()),
});
export type ToldIncident = z.infer<typeof toldIncident>;

/** Which incidents the person wants to hear about. */
export type Interest =
  | { mode: 'off' }
  /** Web hosts the person works on (the pages in front of them, the sites they reported on). */
  | { mode: 'sites'; hosts: readonly string[] }
  /** Component ids the person ticked in the options. */
  | { mode: 'components'; ids: readonly string[] };

export interface Change {
  kind: 'started' | 'updated' | 'resolved';
  id: string;
  name: string;
  url: string;
  /** The person's hosts or chosen components the incident touches, to name them in the notification. */
  where: string[];
  /** Absent for a resolved incident: it is no longer in the summary. */
  incident?: WatchedIncident;
}

export interface Decision {
  changes: Change[];
  /** What the person has been told, to keep for the next decision. */
  told: Record<string, ToldIncident>;
  /** The current incidents that touch the person now: the badge's count. */
  touching: WatchedIncident[];
}

/** The unresolved incidents of a summary, newest update first within each, as the watcher keeps them. */
export function incidentsOf(summary: V2Summary): WatchedIncident[] {
  return summary.incidents
    .filter((i) => i.status !== 'resolved' && i.status !== 'postmortem')
    .map((i) => {
      const latest = [...i.incident_updates].sort((a, b) => b.created_at.localeCompare(a.created_at))[0];
      return {
        id: i.id,
        name: i.name,
        status: i.status,
        impact: i.impact,
        url: i.shortlink,
        startedAt: i.started_at,
        version: `${latest?.id ?? ''}|${i.status}|${i.impact}`,
        latest: latest?.body ?? '',
        components: i.components
          .filter((c) => !c.group)
          .map((c) => ({ id: c.id, name: c.name, hosts: c.hosts ?? [] })),
      };
    });
}

/** The person's hosts or chosen components this incident touches; empty when it does not touch them. */
export function whereTouched(incident: WatchedIncident, interest: Interest): string[] {
  if (interest.mode === 'off') return [];
  if (interest.mode === 'components')
    return incident.components.filter((c) => interest.ids.includes(c.id)).map((c) => c.name);
  const hosts = incident.components.flatMap((c) => c.hosts);
  return interest.hosts.filter((host) => hosts.some((h) => hostCovers(h, host)));
}

/**
 * What to tell the person, given what they were told before and the incidents now.
 *
 * - An incident that touches them and that they were not told of has started (for them: it may have
 *   begun earlier, while they worked elsewhere); one they were told of in another version was updated.
 * - An incident they were told of that is gone from the unresolved list was resolved, wherever they
 *   work now: they heard it start, so they hear it end.
 * - An incident they were told of that no longer touches them (they moved to another site) is kept
 *   as told, so coming back to the site tells them only what changed meanwhile.
 */
export function decide(
  told: Readonly<Record<string, ToldIncident>>,
  current: readonly WatchedIncident[],
  interest: Interest,
): Decision {
  const next: Record<string, ToldIncident> = {};
  const changes: Change[] = [];
  const touching: WatchedIncident[] = [];
  const currentIds = new Set(current.map((i) => i.id));

  for (const [id, before] of Object.entries(told)) {
    if (currentIds.has(id)) next[id] = before;
    else changes.push({ kind: 'resolved', id, name: before.name, url: before.url, where: before.where });
  }
  for (const incident of current) {
    const where = whereTouched(incident, interest);
    if (where.length === 0) continue;
    touching.push(incident);
    const before = told[incident.id];
    if (before?.version === incident.version) continue;
    changes.push({
      kind: before ? 'updated' : 'started',
      id: incident.id,
      name: incident.name,
      url: incident.url,
      where,
      incident,
    });
    next[incident.id] = { version: incident.version, name: incident.name, url: incident.url, where };
  }
  return { changes, told: next, touching };
}
