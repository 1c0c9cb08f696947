import type { ComponentStatus, IncidentStatus, MaintenanceStatus } from '../../shared/schemas/status.ts';

/** A component an incident update touched, in the status-page API's `affected_components` form. */
export interface AffectedComponent {
  code: string;
  name: string;
  old_status: ComponentStatus;
  new_status: ComponentStatus;
}

interface IncidentTimes {
  monitoring_at: string | null;
  resolved_at: string | null;
}

const closed = (status: IncidentStatus) => status === 'resolved' || status === 'postmortem';

/**
 * The times an incident moving to `status` at `at` records: the first time it was monitored and
 * the first time it was resolved. Reopening an incident clears its resolution so it shows as active.
 */
export function incidentTimes(
  current: IncidentTimes,
  status: IncidentStatus,
  at: string,
): Partial<IncidentTimes> {
  return {
    ...(status === 'monitoring' && !current.monitoring_at ? { monitoring_at: at } : {}),
    ...(status === 'resolved' && !current.resolved_at ? { resolved_at: at } : {}),
    ...(closed(status) ? {} : { resolved_at: null }),
  };
}

/** Resolving puts an incident's components back to operational, unless the resolution says otherwise. */
export function resolutionStatuses(
  linked: string[],
  given: Record<string, ComponentStatus>,
): Record<string, ComponentStatus> {
  return { ...Object.fromEntries(linked.map((id) => [id, 'operational' as const])), ...given };
}

/**
 * Maintenance moves scheduled → in_progress → verifying → completed. Starting it puts its components
 * under maintenance; completing it returns those still under maintenance to operational (one an
 * incident has meanwhile marked otherwise keeps that status). Other steps change no component.
 */
export function maintenanceStatuses(
  step: MaintenanceStatus,
  linked: { id: string; status: ComponentStatus }[],
): Record<string, ComponentStatus> {
  if (step === 'in_progress') {
    return Object.fromEntries(linked.map((c) => [c.id, 'under_maintenance' as const]));
  }
  if (step === 'completed') {
    return Object.fromEntries(
      linked.filter((c) => c.status === 'under_maintenance').map((c) => [c.id, 'operational' as const]),
    );
  }
  return {};
}
