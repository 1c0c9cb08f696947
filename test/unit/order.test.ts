import { describe, expect, it } from 'vitest';
import { byText, newestReportFirst, referenceNumber } from '../../shared/order.ts';
import { earliestStartFirst, latestStartFirst, newestUpdateFirst } from '../../status-server/domain/order.ts';

describe('orders of lists sorted by time', () => {
  it('reads references as numbers, so SD-999 comes before SD-1000', () => {
    expect(referenceNumber('SD-999')).toBe(999);
    expect(referenceNumber('SD-1000')).toBe(1000);
  });

  it('lists My reports newest first, and of one millisecond the later reference first', () => {
    const at = '2026-03-04T10:15:30.123Z';
    const sent = [
      { reference: 'SD-999', sentAt: at },
      { reference: 'SD-1001', sentAt: '2026-03-04T09:00:00.000Z' },
      { reference: 'SD-1000', sentAt: at },
    ];
    // Whatever order the store hands them over in, the list reads the same.
    for (const input of [sent, [...sent].reverse()]) {
      expect(input.sort(newestReportFirst((r) => r.sentAt)).map((r) => r.reference)).toEqual([
        'SD-1000',
        'SD-999',
        'SD-1001',
      ]);
    }
  });

  it('orders incidents of one start by creation, then by id, in either direction', () => {
    const start = '2026-03-04T10:00:00.000Z';
    const rows = [
      { id: 'bbb', started_at: start, created_at: '2026-03-04T10:00:01.000Z' },
      { id: 'ccc', started_at: start, created_at: '2026-03-04T10:00:02.000Z' },
      { id: 'aaa', started_at: start, created_at: '2026-03-04T10:00:02.000Z' },
      { id: 'zzz', started_at: '2026-03-05T00:00:00.000Z', created_at: start },
    ];
    for (const input of [rows, [...rows].reverse()]) {
      expect([...input].sort(latestStartFirst).map((r) => r.id)).toEqual(['zzz', 'aaa', 'ccc', 'bbb']);
      expect([...input].sort(earliestStartFirst).map((r) => r.id)).toEqual(['bbb', 'aaa', 'ccc', 'zzz']);
    }
    const updates = [
      { id: 'u2', created_at: start },
      { id: 'u1', created_at: start },
    ];
    expect(updates.sort(newestUpdateFirst).map((u) => u.id)).toEqual(['u1', 'u2']);
  });

  it('compares text by code unit, the same in every locale', () => {
    expect(['b', 'a', 'B', 'é'].sort(byText)).toEqual(['B', 'a', 'b', 'é']);
  });
});
