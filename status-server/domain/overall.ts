import type { ComponentStatus, IncidentImpact, StatusIndicator } from '../../shared/schemas/status.ts';

const componentIndicator: Record<ComponentStatus, StatusIndicator> = {
  operational: 'none',
  degraded_performance: 'minor',
  partial_outage: 'major',
  major_outage: 'critical',
  under_maintenance: 'maintenance',
};

/** Severity order of the page indicator; maintenance outranks "none" but no real trouble. */
const severity: Record<StatusIndicator, number> = {
  none: 0,
  maintenance: 1,
  minor: 2,
  major: 3,
  critical: 4,
};

/** The message key describing each indicator on the page and in `status.json`. */
export const indicatorDescriptionKey = {
  none: 'status.allOperational',
  minor: 'status.minor',
  major: 'status.major',
  critical: 'status.critical',
  maintenance: 'status.maintenance',
} as const satisfies Record<StatusIndicator, string>;

/**
 * The page's overall indicator: the worst of every component's status and every unresolved incident's
 * impact, so a declared incident shows even before a component is marked down.
 */
export function overallIndicator(
  componentStatuses: readonly ComponentStatus[],
  unresolvedImpacts: readonly IncidentImpact[],
): StatusIndicator {
  let worst: StatusIndicator = 'none';
  const consider = (i: StatusIndicator) => {
    if (severity[i] > severity[worst]) worst = i;
  };
  for (const s of componentStatuses) consider(componentIndicator[s]);
  for (const impact of unresolvedImpacts) consider(impact);
  return worst;
}

export const componentSeverity: Record<ComponentStatus, number> = {
  operational: 0,
  under_maintenance: 1,
  degraded_performance: 2,
  partial_outage: 3,
  major_outage: 4,
};
