import { z } from 'zod';
import { wellFormed } from './text.ts';

/** The vocabulary of the widely used status-page API v2, kept verbatim so its consumers read ours. */
export const componentStatus = z.enum([
  'operational',
  'degraded_performance',
  'partial_outage',
  'major_outage',
  'under_maintenance',
]);
export const incidentStatus = z.enum(['investigating', 'identified', 'monitoring', 'resolved', 'postmortem']);
export const incidentImpact = z.enum(['none', 'minor', 'major', 'critical']);
export const maintenanceStatus = z.enum(['scheduled', 'in_progress', 'verifying', 'completed']);
export const statusIndicator = z.enum(['none', 'minor', 'major', 'critical', 'maintenance']);

export type ComponentStatus = z.infer<typeof componentStatus>;
export type IncidentStatus = z.infer<typeof incidentStatus>;
export type IncidentImpact = z.infer<typeof incidentImpact>;
export type MaintenanceStatus = z.infer<typeof maintenanceStatus>;
export type StatusIndicator = z.infer<typeof statusIndicator>;

export const entityId = z
  .string()
  .regex(/^[a-z0-9]{12}$/, 'must be a 12-character id of lowercase letters and digits');

const name = wellFormed(z.string()).trim().min(1, 'must not be empty').max(200);
const description = wellFormed(z.string()).trim().max(2000);
/** Markdown; rendered safely (no raw HTML) wherever it is shown. */
const message = wellFormed(z.string()).trim().min(1, 'must not be empty').max(20_000);
/** A DNS host name a component serves, used to match reports and pages to it. */
export const hostName = z
  .string()
  .trim()
  .toLowerCase()
  .regex(
    /^(?=.{1,253}$)([a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)(\.[a-z0-9]([a-z0-9-]{0,61}[a-z0-9])?)*$/,
    'must be a host name such as shop.example.com',
  );
const isoTime = z.iso.datetime({ offset: true });

export const groupCreate = z.strictObject({
  name,
  description: description.optional(),
  position: z.number().int().min(0).max(10_000).optional(),
});
export const groupUpdate = groupCreate.partial();

export const componentCreate = z.strictObject({
  name,
  description: description.optional(),
  group_id: entityId.nullable().optional(),
  status: componentStatus.optional(),
  position: z.number().int().min(0).max(10_000).optional(),
  hosts: z.array(hostName).max(50).optional(),
  only_show_if_degraded: z.boolean().optional(),
  showcase: z.boolean().optional(),
});
export const componentUpdate = componentCreate.partial();

/** Component statuses set by an incident or one of its updates: `{ "<component id>": "<status>" }`. */
export const componentStatuses = z.record(entityId, componentStatus);

export const incidentCreate = z.strictObject({
  name,
  status: incidentStatus.exclude(['resolved', 'postmortem']).default('investigating'),
  impact: incidentImpact.default('minor'),
  message,
  components: componentStatuses.default({}),
  started_at: isoTime.optional(),
});
export const incidentUpdateCreate = z.strictObject({
  status: incidentStatus,
  message,
  components: componentStatuses.default({}),
  impact: incidentImpact.optional(),
});
export const incidentResolve = z.strictObject({
  /** Without one, the page's own words for it, in the page's default language. */
  message: message.optional(),
  /** Components return to operational unless listed here with another status. */
  components: componentStatuses.default({}),
});

export const maintenanceCreate = z
  .strictObject({
    name,
    message,
    scheduled_for: isoTime,
    scheduled_until: isoTime,
    components: z.array(entityId).max(500).default([]),
  })
  .refine((m) => Date.parse(m.scheduled_until) > Date.parse(m.scheduled_for), {
    path: ['scheduled_until'],
    message: 'must be after scheduled_for',
  });
export const maintenanceUpdateCreate = z.strictObject({
  status: maintenanceStatus,
  message,
});

export type GroupCreate = z.infer<typeof groupCreate>;
export type GroupUpdate = z.infer<typeof groupUpdate>;
export type ComponentCreate = z.infer<typeof componentCreate>;
export type ComponentUpdate = z.infer<typeof componentUpdate>;
export type IncidentCreate = z.infer<typeof incidentCreate>;
export type IncidentUpdateCreate = z.infer<typeof incidentUpdateCreate>;
export type IncidentResolve = z.infer<typeof incidentResolve>;
export type MaintenanceCreate = z.infer<typeof maintenanceCreate>;
export type MaintenanceUpdateCreate = z.infer<typeof maintenanceUpdateCreate>;
