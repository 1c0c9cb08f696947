import type { Translator } from '../../shared/i18n/index.ts';
import type {
  V2Component,
  V2Incident,
  V2Page,
  V2ScheduledMaintenance,
  V2Status,
  V2Summary,
} from '../../shared/schemas/api-v2.ts';
import type { IncidentImpact, IncidentStatus, MaintenanceStatus } from '../../shared/schemas/status.ts';
import type { Config } from '../config.ts';
import { latestStartFirst } from '../domain/order.ts';
import { componentSeverity, indicatorDescriptionKey, overallIndicator } from '../domain/overall.ts';
import { API_LIST_LIMIT, type IncidentRecord, type PageData } from '../store/page-data.ts';

/**
 * Maps stored records to the status-page API v2 objects. Groups are components with `group: true`
 * and the ids of their members, as that API represents them.
 */
export class V2Mapper {
  readonly page: V2Page;
  private readonly components: V2Component[];
  private readonly byId: Map<string, V2Component>;

  constructor(
    private readonly data: PageData,
    private readonly config: Config,
    private readonly t: Translator,
  ) {
    const pageId = pageIdFor(config.publicUrl);
    this.page = {
      id: pageId,
      name: config.pageName,
      url: config.publicUrl,
      time_zone: config.timeZone,
      updated_at: data.updatedAt,
    };
    const groups: V2Component[] = data.groups.map((g) => {
      const members = data.components.filter((c) => c.group_id === g.id);
      return {
        id: g.id,
        name: g.name,
        status: worstOf(members.map((m) => m.status)),
        created_at: g.created_at,
        updated_at: g.updated_at,
        position: g.position,
        description: g.description,
        showcase: false,
        start_date: null,
        group_id: null,
        page_id: pageId,
        group: true,
        only_show_if_degraded: false,
        components: members.map((m) => m.id),
      };
    });
    const members: V2Component[] = data.components.map((c) => ({
      id: c.id,
      name: c.name,
      status: c.status,
      created_at: c.created_at,
      updated_at: c.updated_at,
      position: c.position,
      description: c.description,
      showcase: c.showcase === 1,
      start_date: c.created_at.slice(0, 10),
      group_id: c.group_id,
      page_id: pageId,
      group: false,
      only_show_if_degraded: c.only_show_if_degraded === 1,
      hosts: c.hosts,
    }));
    this.components = [...groups, ...members];
    this.byId = new Map(this.components.map((c) => [c.id, c]));
  }

  status(): V2Status {
    const indicator = overallIndicator(
      this.data.components.map((c) => c.status),
      this.unresolved().map((i) => i.impact as IncidentImpact),
    );
    return { indicator, description: this.t(indicatorDescriptionKey[indicator]) };
  }

  componentList(): V2Component[] {
    return this.components;
  }

  incident(record: IncidentRecord): V2Incident {
    return {
      id: record.id,
      name: record.name,
      status: record.status as IncidentStatus,
      created_at: record.created_at,
      updated_at: record.updated_at,
      monitoring_at: record.monitoring_at,
      resolved_at: record.resolved_at,
      impact: record.impact as IncidentImpact,
      shortlink: `${this.config.publicUrl}/incidents/${record.id}`,
      started_at: record.started_at,
      page_id: this.page.id,
      incident_updates: record.updates.map((u) => ({
        id: u.id,
        status: u.status,
        body: u.body,
        incident_id: record.id,
        created_at: u.created_at,
        updated_at: u.created_at,
        display_at: u.created_at,
        affected_components: u.affected_components,
        deliver_notifications: true,
        custom_tweet: null,
        tweet_id: null,
      })),
      components: record.component_ids.flatMap((id) => this.byId.get(id) ?? []),
    };
  }

  maintenance(record: IncidentRecord): V2ScheduledMaintenance {
    return {
      ...this.incident(record),
      status: record.status as MaintenanceStatus,
      impact: 'maintenance',
      scheduled_for: record.scheduled_for ?? record.started_at,
      scheduled_until: record.scheduled_until ?? record.started_at,
    };
  }

  unresolved(): IncidentRecord[] {
    return this.data.incidents.filter((i) => i.status !== 'resolved' && i.status !== 'postmortem');
  }

  incidents(): V2Incident[] {
    return this.data.incidents.slice(0, API_LIST_LIMIT).map((i) => this.incident(i));
  }

  maintenances(filter: 'all' | 'upcoming' | 'active'): V2ScheduledMaintenance[] {
    const wanted = {
      all: () => true,
      upcoming: (m: IncidentRecord) => m.status === 'scheduled',
      active: (m: IncidentRecord) => m.status === 'in_progress' || m.status === 'verifying',
    }[filter];
    const list = this.data.maintenances.filter(wanted);
    // The full list is newest first, like incidents; upcoming and active read best soonest first.
    if (filter === 'all') list.sort(latestStartFirst);
    return list.slice(0, API_LIST_LIMIT).map((m) => this.maintenance(m));
  }

  summary(): V2Summary {
    return {
      page: this.page,
      components: this.components,
      incidents: this.unresolved().map((i) => this.incident(i)),
      scheduled_maintenances: this.data.maintenances
        .filter((m) => m.status !== 'completed')
        .map((m) => this.maintenance(m)),
      status: this.status(),
    };
  }
}

function worstOf(statuses: V2Component['status'][]): V2Component['status'] {
  return statuses.reduce<V2Component['status']>(
    (worst, s) => (componentSeverity[s] > componentSeverity[worst] ? s : worst),
    'operational',
  );
}

/** A stable 12-character page id derived from the public URL, so it survives restarts without storage. */
function pageIdFor(publicUrl: string): string {
  let h1 = 0x811c9dc5;
  let h2 = 0x01000193;
  for (const ch of publicUrl) {
    const c = ch.codePointAt(0) ?? 0;
    h1 = Math.imul(h1 ^ c, 0x01000193) >>> 0;
    h2 = Math.imul(h2 ^ c, 0x5bd1e995) >>> 0;
  }
  return (h1.toString(36) + h2.toString(36)).padStart(12, '0').slice(0, 12);
}
