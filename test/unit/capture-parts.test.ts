import { describe, expect, it } from 'vitest';
import {
  cutParts,
  finishedParts,
  planParts,
  slicesOf,
  WEBP_MAX_SIDE,
} from '../../extension/lib/capture/parts.ts';
import { canMove } from '../../extension/lib/report/series.ts';
import { type AttachmentMeta, report } from '../../shared/schemas/report.ts';

const BAND = 56;

describe('cutting a tall whole-page image into parts', () => {
  it('keeps a page that fits one WebP, band included, in one part', () => {
    expect(planParts(WEBP_MAX_SIDE - BAND, BAND)).toEqual([{ start: 0, end: WEBP_MAX_SIDE - BAND }]);
    expect(planParts(8000, BAND)).toEqual([{ start: 0, end: 8000 }]);
  });

  it('cuts one row more into two parts of equal height', () => {
    const rows = WEBP_MAX_SIDE - BAND + 1;
    const parts = planParts(rows, BAND);
    expect(parts).toHaveLength(2);
    expect(parts[0]?.end).toBe(parts[1]?.start);
    expect(
      Math.abs((parts[0]?.end ?? 0) - ((parts[1]?.end ?? 0) - (parts[1]?.start ?? 0))),
    ).toBeLessThanOrEqual(1);
  });

  it('covers every row once, in order, each part a valid WebP with the band below the last', () => {
    for (let rows = 1; rows <= 3 * WEBP_MAX_SIDE; rows += 997) {
      for (const band of [0, 28, 56, 70]) {
        const parts = planParts(rows, band);
        expect(parts[0]?.start).toBe(0);
        expect(parts.at(-1)?.end).toBe(rows);
        parts.forEach((p, i) => {
          if (i > 0) expect(p.start).toBe(parts[i - 1]?.end);
          expect(p.end).toBeGreaterThan(p.start);
          expect(p.end - p.start + band).toBeLessThanOrEqual(WEBP_MAX_SIDE);
        });
        const heights = parts.map((p) => p.end - p.start);
        expect(Math.max(...heights) - Math.min(...heights)).toBeLessThanOrEqual(1);
        // As few parts as hold the rows.
        expect(parts.length).toBe(Math.max(1, Math.ceil(rows / (WEBP_MAX_SIDE - band))));
      }
    }
  });

  it('cuts at Chromium’s tallest canvas (32,767 rows) into three parts', () => {
    expect(planParts(32_767, BAND)).toHaveLength(3);
  });

  it('ends the parts where a page that got shorter ended, dropping those below', () => {
    const parts = planParts(40_000, BAND);
    expect(cutParts(parts, 20_000)).toEqual([parts[0], { start: parts[1]?.start, end: 20_000 }]);
    expect(cutParts(parts, 40_000)).toEqual(parts);
  });

  it('counts a part final once its last row is drawn, but never the last part, which waits for the band', () => {
    const parts = planParts(30_000, BAND);
    const [first] = parts;
    expect(finishedParts(parts, (first?.end ?? 0) - 1)).toEqual([]);
    expect(finishedParts(parts, first?.end ?? 0)).toEqual([0]);
    expect(finishedParts(parts, 30_000)).toEqual([0]);
    expect(finishedParts(planParts(8000, BAND), 8000)).toEqual([]);
  });

  it('sends the rows of a capture that straddles a cut into both parts, nothing lost or doubled', () => {
    const parts = [
      { start: 0, end: 1000 },
      { start: 1000, end: 2000 },
    ];
    expect(slicesOf(parts, { sourceY: 100, destY: 900, height: 300 })).toEqual([
      { part: 0, sourceY: 100, destY: 900, height: 100 },
      { part: 1, sourceY: 200, destY: 0, height: 200 },
    ]);
    expect(slicesOf(parts, { sourceY: 0, destY: 1000, height: 720 })).toEqual([
      { part: 1, sourceY: 0, destY: 0, height: 720 },
    ]);
  });
});

describe('the parts of a whole page in the report form', () => {
  const series = [
    { part: { index: 1, count: 3 } },
    { part: { index: 2, count: 3 } },
    {},
    { part: { index: 3, count: 3 } },
  ];

  it('never lets one part move past another, so they stay top to bottom', () => {
    expect(canMove(series, 0, 1)).toBe(false);
    expect(canMove(series, 1, -1)).toBe(false);
    expect(canMove([{ part: { index: 1, count: 2 } }, { part: { index: 2, count: 2 } }], 1, -1)).toBe(false);
  });

  it('lets another capture move between or around the parts', () => {
    expect(canMove(series, 2, -1)).toBe(true);
    expect(canMove(series, 2, 1)).toBe(true);
    expect(canMove(series, 1, 1)).toBe(true);
    expect(canMove(series, 0, -1)).toBe(false);
    expect(canMove(series, 3, 1)).toBe(false);
  });
});

describe('the report’s page parts, as the intake checks them', () => {
  const base = {
    type: 'bug',
    title: 'Checkout is broken',
    environment: {
      url: 'https://shop.example.com/',
      title: 'Shop',
      captured_at: '2026-01-01T10:00:00.000+01:00',
      time_zone: 'Europe/Prague',
      browser: 'Chromium',
      browser_version: '130',
      os: 'Linux',
      viewport: { width: 1280, height: 720 },
      screen: { width: 1920, height: 1080 },
      device_pixel_ratio: 1,
      language: 'en',
      extension_version: '0.1.0',
    },
  };
  const part = (i: number, index: number, count: number, kind: AttachmentMeta['kind'] = 'capture') => ({
    part: `file${i}`,
    name: `full-page-${index}of${count}.png`,
    kind,
    method: 'stitched' as const,
    page_part: { index, count },
  });
  const issues = (attachments: unknown[]) => {
    const parsed = report.safeParse({ ...base, attachments });
    return parsed.success ? [] : parsed.error.issues.map((i) => `${i.path.join('.')}: ${i.message}`);
  };

  it('takes the parts in page order, with another capture between them or one removed', () => {
    expect(issues([part(0, 1, 3), part(1, 2, 3), part(2, 3, 3)])).toEqual([]);
    expect(issues([part(0, 1, 3), { part: 'file1', name: 'v.png', kind: 'capture' }, part(2, 3, 3)])).toEqual(
      [],
    );
    expect(issues([part(0, 1, 3), part(1, 3, 3)])).toEqual([]);
  });

  it('refuses parts out of order or twice, with a message that says so', () => {
    expect(issues([part(0, 2, 3), part(1, 1, 3)])).toEqual([
      'attachments: the parts of a whole page must come in page order, each once (1/3, 2/3, 3/3)',
    ]);
    expect(issues([part(0, 1, 3), part(1, 1, 3)])).toHaveLength(1);
  });

  it('refuses a malformed part label', () => {
    expect(issues([part(0, 4, 3)])).toEqual(['attachments.0.page_part: index must be at most count']);
    expect(issues([part(0, 0, 3)])).toHaveLength(1);
    expect(issues([part(0, 1, 1)])).toHaveLength(1);
    expect(issues([{ ...part(0, 1, 2), page_part: '1/2' }])).toHaveLength(1);
    expect(issues([part(0, 1, 2), part(1, 2, 3)])).toEqual([
      'attachments: the parts of a whole page must all have the same count',
    ]);
    expect(issues([part(0, 1, 2, 'file')])).toEqual([
      'attachments: only a capture can be part of a whole page',
    ]);
  });
});
