import type {
  ComponentStatus,
  IncidentImpact,
  IncidentStatus,
  MaintenanceStatus,
} from '../../shared/schemas/status.ts';

/**
 * Table rows as both databases hold them. Times are ISO 8601 UTC strings (`toISOString()`), which sort
 * and compare correctly as text in SQLite and PostgreSQL alike; booleans are 0/1.
 */
export interface Database {
  page_state: { id: number; revision: number; updated_at: string };
  component_groups: {
    id: string;
    name: string;
    description: string | null;
    position: number;
    created_at: string;
    updated_at: string;
  };
  components: {
    id: string;
    group_id: string | null;
    name: string;
    description: string | null;
    status: ComponentStatus;
    position: number;
    only_show_if_degraded: number;
    showcase: number;
    created_at: string;
    updated_at: string;
  };
  component_hosts: { component_id: string; host: string };
  /** Every status a component entered and when: the source of the uptime bars. */
  component_status_changes: { id: string; component_id: string; status: ComponentStatus; at: string };
  /** Incidents and scheduled maintenance share one table, as in the status-page API they mirror. */
  incidents: {
    id: string;
    kind: 'incident' | 'maintenance';
    name: string;
    status: IncidentStatus | MaintenanceStatus;
    impact: IncidentImpact | 'maintenance';
    started_at: string;
    created_at: string;
    updated_at: string;
    monitoring_at: string | null;
    resolved_at: string | null;
    scheduled_for: string | null;
    scheduled_until: string | null;
  };
  incident_components: { incident_id: string; component_id: string };
  incident_updates: {
    id: string;
    incident_id: string;
    status: IncidentStatus | MaintenanceStatus;
    body: string;
    /** JSON array of `{ code, name, old_status, new_status }`, or null when no component changed. */
    affected_components: string | null;
    created_at: string;
  };
  admin_tokens: {
    id: string;
    name: string;
    token_hash: string;
    created_at: string;
    last_used_at: string | null;
    revoked_at: string | null;
  };
}
