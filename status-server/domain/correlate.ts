import { hostCovers } from '../../shared/hosts.ts';
import type { IncidentImpact } from '../../shared/schemas/status.ts';
import { latestStartFirst } from './order.ts';

export interface CandidateIncident {
  id: string;
  impact: IncidentImpact;
  started_at: string;
  created_at: string;
  resolved_at: string | null;
  /** Host names of the components the incident affects. */
  hosts: string[];
}

const impactRank: Record<IncidentImpact, number> = { none: 0, minor: 1, major: 2, critical: 3 };

/**
 * The incident a report most likely belongs to: one whose components serve the page's host and that
 * was open at the capture time, counting `windowMs` before its start and after its end (people
 * report a little before an incident is declared, and a little after it is resolved). An open
 * incident wins over a resolved one, then the more severe, then the most recent.
 */
export function matchIncident(
  host: string,
  capturedAt: Date,
  candidates: readonly CandidateIncident[],
  windowMs: number,
): CandidateIncident | undefined {
  const t = capturedAt.getTime();
  const matching = candidates.filter(
    (c) =>
      c.hosts.some((h) => hostCovers(h, host)) &&
      Date.parse(c.started_at) - windowMs <= t &&
      (c.resolved_at === null || Date.parse(c.resolved_at) + windowMs >= t),
  );
  return matching.sort(
    (a, b) =>
      Number(a.resolved_at !== null) - Number(b.resolved_at !== null) ||
      impactRank[b.impact] - impactRank[a.impact] ||
      latestStartFirst(a, b),
  )[0];
}
