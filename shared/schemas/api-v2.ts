import { z } from 'zod';
import {
  componentStatus,
  incidentImpact,
  incidentStatus,
  maintenanceStatus,
  statusIndicator,
} from './status.ts';

/**
 * Response shapes of the status-page API v2 (`/api/v2/*.json`), field for field as the widely used
 * hosted status-page product documents them, so existing widgets and monitors read ours unchanged.
 */
const isoTime = z.iso.datetime({ offset: true });

export const v2Page = z.object({
  id: z.string(),
  name: z.string(),
  url: z.string(),
  time_zone: z.string(),
  updated_at: isoTime,
});

export const v2Status = z.object({ indicator: statusIndicator, description: z.string() });

export const v2Component = z.object({
  id: z.string(),
  name: z.string(),
  status: componentStatus,
  created_at: isoTime,
  updated_at: isoTime,
  position: z.number().int(),
  description: z.string().nullable(),
  showcase: z.boolean(),
  start_date: z.iso.date().nullable(),
  group_id: z.string().nullable(),
  page_id: z.string(),
  group: z.boolean(),
  only_show_if_degraded: z.boolean(),
  /** Only on groups: the ids of the components inside. */
  components: z.array(z.string()).optional(),
  /**
   * A Snapdesk extension, only on components (not groups): the host names the component serves, so
   * a client can tell which incidents touch a page without telling the server which page it shows.
   * Clients of the hosted product ignore keys they do not know.
   */
  hosts: z.array(z.string()).optional(),
});

export const v2AffectedComponent = z.object({
  code: z.string(),
  name: z.string(),
  old_status: componentStatus,
  new_status: componentStatus,
});

export const v2IncidentUpdate = z.object({
  id: z.string(),
  status: z.union([incidentStatus, maintenanceStatus]),
  body: z.string(),
  incident_id: z.string(),
  created_at: isoTime,
  updated_at: isoTime,
  display_at: isoTime,
  affected_components: z.array(v2AffectedComponent).nullable(),
  deliver_notifications: z.boolean(),
  custom_tweet: z.string().nullable(),
  tweet_id: z.string().nullable(),
});

export const v2Incident = z.object({
  id: z.string(),
  name: z.string(),
  status: incidentStatus,
  created_at: isoTime,
  updated_at: isoTime,
  monitoring_at: isoTime.nullable(),
  resolved_at: isoTime.nullable(),
  impact: incidentImpact,
  shortlink: z.string(),
  started_at: isoTime,
  page_id: z.string(),
  incident_updates: z.array(v2IncidentUpdate),
  components: z.array(v2Component),
});

export const v2ScheduledMaintenance = v2Incident.extend({
  status: maintenanceStatus,
  impact: z.literal('maintenance'),
  scheduled_for: isoTime,
  scheduled_until: isoTime,
});

export const v2StatusResponse = z.object({ page: v2Page, status: v2Status });
export const v2ComponentsResponse = z.object({ page: v2Page, components: z.array(v2Component) });
export const v2IncidentsResponse = z.object({ page: v2Page, incidents: z.array(v2Incident) });
export const v2MaintenancesResponse = z.object({
  page: v2Page,
  scheduled_maintenances: z.array(v2ScheduledMaintenance),
});
export const v2Summary = z.object({
  page: v2Page,
  components: z.array(v2Component),
  incidents: z.array(v2Incident),
  scheduled_maintenances: z.array(v2ScheduledMaintenance),
  status: v2Status,
});

export type V2Page = z.infer<typeof v2Page>;
export type V2Status = z.infer<typeof v2Status>;
export type V2Component = z.infer<typeof v2Component>;
export type V2IncidentUpdate = z.infer<typeof v2IncidentUpdate>;
export type V2Incident = z.infer<typeof v2Incident>;
export type V2ScheduledMaintenance = z.infer<typeof v2ScheduledMaintenance>;
export type V2Summary = z.infer<typeof v2Summary>;
