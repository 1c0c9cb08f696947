import { describe, expect, it } from 'vitest';
import { uptimeBars } from '../../status-server/domain/uptime.ts';

const now = new Date('2026-03-10T12:00:00Z');

describe('uptime bars', () => {
  it('gives 90 UTC days ending today', () => {
    const bars = uptimeBars([{ status: 'operational', at: '2025-01-01T00:00:00Z' }], now);
    expect(bars.days).toHaveLength(90);
    expect(bars.days.at(-1)?.date).toBe('2026-03-10');
    expect(bars.days[0]?.date).toBe('2025-12-11');
    expect(bars.uptime).toBe(1);
    expect(bars.days.every((d) => d.worst === 'operational' && d.uptime === 1)).toBe(true);
  });

  it('shows no data before the component existed', () => {
    const bars = uptimeBars([{ status: 'operational', at: '2026-03-08T06:00:00Z' }], now);
    expect(bars.days.slice(0, 87).every((d) => d.worst === null && d.uptime === null)).toBe(true);
    expect(bars.days.at(-3)).toMatchObject({ date: '2026-03-08', worst: 'operational', uptime: 1 });
  });

  it('counts a major outage fully and a partial outage at 30%', () => {
    const bars = uptimeBars(
      [
        { status: 'operational', at: '2026-01-01T00:00:00Z' },
        { status: 'major_outage', at: '2026-03-09T00:00:00Z' },
        { status: 'partial_outage', at: '2026-03-09T06:00:00Z' },
        { status: 'operational', at: '2026-03-09T12:00:00Z' },
      ],
      now,
    );
    const day = bars.days.at(-2);
    expect(day).toMatchObject({
      date: '2026-03-09',
      worst: 'major_outage',
      majorSeconds: 6 * 3600,
      partialSeconds: 6 * 3600,
    });
    expect(day?.uptime).toBeCloseTo(1 - (6 + 0.3 * 6) / 24, 6);
    expect(bars.uptime).toBeLessThan(1);
    expect(bars.uptime).toBeGreaterThan(0.99);
  });

  it('marks a day with a brief degradation by its worst status without counting it as down', () => {
    const bars = uptimeBars(
      [
        { status: 'operational', at: '2026-01-01T00:00:00Z' },
        { status: 'degraded_performance', at: '2026-03-10T01:00:00Z' },
        { status: 'operational', at: '2026-03-10T01:05:00Z' },
      ],
      now,
    );
    expect(bars.days.at(-1)).toMatchObject({ worst: 'degraded_performance', uptime: 1 });
  });

  it('carries an outage across midnight into both days', () => {
    const bars = uptimeBars(
      [
        { status: 'operational', at: '2026-01-01T00:00:00Z' },
        { status: 'major_outage', at: '2026-03-08T23:00:00Z' },
        { status: 'operational', at: '2026-03-09T01:00:00Z' },
      ],
      now,
    );
    expect(bars.days.at(-3)).toMatchObject({ date: '2026-03-08', worst: 'major_outage', majorSeconds: 3600 });
    expect(bars.days.at(-2)).toMatchObject({ date: '2026-03-09', worst: 'major_outage', majorSeconds: 3600 });
  });
});
