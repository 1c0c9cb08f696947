import type { Translator } from '../../shared/i18n/index.ts';
import {
  type ComponentStatus,
  type IncidentImpact,
  type IncidentStatus,
  incidentStatus,
  type MaintenanceStatus,
  type StatusIndicator,
} from '../../shared/schemas/status.ts';
import { overallIndicator } from '../domain/overall.ts';

/** Every status and impact word the page shows, so no enum value reaches a reader untranslated. */
export function componentStatusLabel(t: Translator, status: ComponentStatus): string {
  return t(`component.status.${status}`);
}

/** Incident and maintenance statuses are disjoint sets, so the value alone says which list it is from. */
export function progressLabel(t: Translator, status: IncidentStatus | MaintenanceStatus): string {
  const asIncident = incidentStatus.safeParse(status);
  return asIncident.success
    ? t(`incident.status.${asIncident.data}`)
    : t(`maintenance.status.${status as MaintenanceStatus}`);
}

export function impactLabel(t: Translator, impact: IncidentImpact | 'maintenance'): string {
  return t(`impact.${impact}`);
}

/** The severity a component status is drawn with: the same scale as the page's overall indicator. */
export function componentTone(status: ComponentStatus): StatusIndicator {
  return overallIndicator([status], []);
}
