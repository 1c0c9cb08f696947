import type { ComponentStatus } from '../../shared/schemas/status.ts';
import { componentSeverity } from './overall.ts';

export interface StatusChange {
  status: ComponentStatus;
  at: string;
}

export interface UptimeDay {
  /** UTC calendar day, `YYYY-MM-DD`. */
  date: string;
  /** The worst status the component was in that day; null before the component existed. */
  worst: ComponentStatus | null;
  /** Seconds spent in major and partial outage that day. */
  majorSeconds: number;
  partialSeconds: number;
  /** Share of the day up, 0..1; null before the component existed. */
  uptime: number | null;
}

export interface UptimeBars {
  days: UptimeDay[];
  /** Over the days the component existed, 0..1; null if it has no history yet. */
  uptime: number | null;
}

const DAY_MS = 86_400_000;
/** A partial outage counts as 30% down, the weighting status pages commonly publish for their bars. */
const PARTIAL_WEIGHT = 0.3;

/**
 * Daily bars for the `days` UTC days ending with the day of `now`, from the component's status
 * changes (oldest first; the first one is the status it was created with).
 */
export function uptimeBars(changes: readonly StatusChange[], now: Date, days = 90): UptimeBars {
  const todayStart = Math.floor(now.getTime() / DAY_MS) * DAY_MS;
  const windowStart = todayStart - (days - 1) * DAY_MS;
  const end = now.getTime();
  const spans = changes.map((c, i) => ({
    status: c.status,
    from: Date.parse(c.at),
    to: i + 1 < changes.length ? Date.parse((changes[i + 1] as StatusChange).at) : end,
  }));

  const result: UptimeDay[] = [];
  let upMs = 0;
  let knownMs = 0;
  for (let d = 0; d < days; d++) {
    const dayFrom = windowStart + d * DAY_MS;
    const dayTo = Math.min(dayFrom + DAY_MS, end);
    let worst: ComponentStatus | null = null;
    let major = 0;
    let partial = 0;
    let known = 0;
    for (const s of spans) {
      const overlap = Math.min(s.to, dayTo) - Math.max(s.from, dayFrom);
      // A status set and changed within the same instant still counts as seen that day.
      if (overlap < 0 || (overlap === 0 && !(s.from === s.to && s.from >= dayFrom && s.from < dayTo)))
        continue;
      known += overlap;
      if (worst === null || componentSeverity[s.status] > componentSeverity[worst]) worst = s.status;
      if (s.status === 'major_outage') major += overlap;
      if (s.status === 'partial_outage') partial += overlap;
    }
    const up = known - major - PARTIAL_WEIGHT * partial;
    upMs += up;
    knownMs += known;
    result.push({
      date: new Date(dayFrom).toISOString().slice(0, 10),
      worst,
      majorSeconds: Math.round(major / 1000),
      partialSeconds: Math.round(partial / 1000),
      uptime: worst === null ? null : known > 0 ? up / known : 1,
    });
  }
  return { days: result, uptime: knownMs > 0 ? upMs / knownMs : null };
}
