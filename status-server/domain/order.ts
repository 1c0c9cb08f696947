import { byText } from '../../shared/order.ts';

interface Started {
  id: string;
  started_at: string;
  created_at: string;
}

/**
 * Incidents and maintenance, latest start first. An imported or back-dated start is often a round
 * minute shared by several, so creation time and then the id settle ties: a total order.
 */
export const latestStartFirst = (a: Started, b: Started): number =>
  byText(b.started_at, a.started_at) || byText(b.created_at, a.created_at) || byText(a.id, b.id);

/** Earliest start first (upcoming maintenance), ties settled as in `latestStartFirst`. */
export const earliestStartFirst = (a: Started, b: Started): number =>
  byText(a.started_at, b.started_at) || byText(a.created_at, b.created_at) || byText(a.id, b.id);

/** Incident updates, newest first; updates of one millisecond by id. */
export const newestUpdateFirst = (
  a: { id: string; created_at: string },
  b: { id: string; created_at: string },
): number => byText(b.created_at, a.created_at) || byText(a.id, b.id);
