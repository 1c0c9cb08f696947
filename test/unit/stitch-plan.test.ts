import { describe, expect, it } from 'vitest';
import {
  captureDelayMs,
  planStitch,
  rateLimitFloorMs,
  type StitchInput,
  type StitchPlan,
} from '../../extension/lib/capture/stitch-plan.ts';

const page = (overrides: Partial<StitchInput> = {}): StitchInput => ({
  scrollHeight: 3000,
  viewportWidth: 1000,
  viewportHeight: 800,
  devicePixelRatio: 1,
  ...overrides,
});

/**
 * Everything wrong with how a plan's tiles fill the canvas: each must start where the previous ended,
 * from 0 to the canvas height, with a non-empty source inside the capture, taken from the capture
 * where its page rows really sat (dest − source = the scroll snapped to device px). Plain code, not
 * an `expect` per tile, so the fuzz test stays fast.
 */
function coverProblems(plan: StitchPlan, dpr: number): string[] {
  const problems: string[] = [];
  let row = 0;
  plan.tiles.forEach(({ scrollY, source, destY }, i) => {
    if (destY !== row) problems.push(`tile ${i} starts at ${destY}, not ${row}`);
    if (source.height <= 0) problems.push(`tile ${i} is empty`);
    if (source.y < 0 || source.y + source.height > plan.capture.height)
      problems.push(`tile ${i} leaves the capture`);
    if (source.x !== 0 || source.width !== plan.capture.width) problems.push(`tile ${i} is not full width`);
    if (destY - source.y !== Math.round(scrollY * dpr)) problems.push(`tile ${i} is out of place`);
    row = destY + source.height;
  });
  if (row !== plan.canvas.height) problems.push(`tiles end at ${row}, the canvas at ${plan.canvas.height}`);
  return problems;
}

const expectExactCover = (plan: StitchPlan, dpr = 1) => expect(coverProblems(plan, dpr)).toEqual([]);

describe('full-page stitch plan', () => {
  it('tiles a plain page viewport by viewport and pulls the last capture back to the page end', () => {
    const plan = planStitch(page());
    expect(plan.tiles.map((t) => t.scrollY)).toEqual([0, 800, 1600, 2200]);
    // The last capture overlaps the previous one; only its 600 new rows are kept.
    expect(plan.tiles.at(-1)).toEqual({
      scrollY: 2200,
      source: { x: 0, y: 200, width: 1000, height: 600 },
      destY: 2400,
    });
    expect(plan.canvas).toEqual({ width: 1000, height: 3000 });
    expect(plan).toMatchObject({ truncated: false, pageHeight: 3000, coveredHeight: 3000, floorMs: 1000 });
    expectExactCover(plan);
  });

  it('needs no overlap when the page is an exact multiple of the viewport', () => {
    const plan = planStitch(page({ scrollHeight: 2400 }));
    expect(plan.tiles.map((t) => [t.scrollY, t.source.y, t.source.height])).toEqual([
      [0, 0, 800],
      [800, 0, 800],
      [1600, 0, 800],
    ]);
  });

  it('captures a page shorter than the viewport once, as the viewport shows it', () => {
    const plan = planStitch(page({ scrollHeight: 300 }));
    expect(plan.tiles).toEqual([{ scrollY: 0, source: { x: 0, y: 0, width: 1000, height: 800 }, destY: 0 }]);
    expect(plan).toMatchObject({ pageHeight: 800, canvas: { width: 1000, height: 800 }, floorMs: 0 });
  });

  it('works in device pixels at ratio 2', () => {
    const plan = planStitch(page({ devicePixelRatio: 2 }));
    expect(plan.capture).toEqual({ width: 2000, height: 1600 });
    expect(plan.canvas).toEqual({ width: 2000, height: 6000 });
    expect(plan.tiles.map((t) => t.destY)).toEqual([0, 1600, 3200, 4800]);
    expect(plan.tiles.at(-1)?.source).toEqual({ x: 0, y: 400, width: 2000, height: 1200 });
    expectExactCover(plan, 2);
  });

  it('keeps tiles meeting exactly at the fractional ratio 1.25', () => {
    const plan = planStitch(page({ scrollHeight: 2999, viewportHeight: 701, devicePixelRatio: 1.25 }));
    expect(plan.capture.height).toBe(876); // 701 × 1.25 = 876.25
    expect(plan.canvas.height).toBe(Math.round((2999 - 701) * 1.25) + 876);
    expectExactCover(plan, 1.25);
  });

  it('caps a very tall page at the canvas limit and reports how much it covers', () => {
    const plan = planStitch(page({ scrollHeight: 100_000, devicePixelRatio: 2 }));
    // 2000 px wide: Chromium's 268,435,456 px area allows 134,217 rows, its 32,767 px side fewer.
    expect(plan.canvas).toEqual({ width: 2000, height: 32_767 });
    expect(plan).toMatchObject({ truncated: true, pageHeight: 100_000, coveredHeight: 16_383 });
    expectExactCover(plan, 2);
  });

  it('stops a growing page at its cap and says it is truncated', () => {
    const plan = planStitch(page({ scrollHeight: 40_000, maxCssHeight: 15_000, devicePixelRatio: 2 }));
    expect(plan.canvas).toEqual({ width: 2000, height: 30_000 });
    expect(plan).toMatchObject({ truncated: true, coveredHeight: 15_000 });
    expectExactCover(plan, 2);
    // A cap the page does not reach changes nothing.
    expect(planStitch(page({ maxCssHeight: 15_000 }))).toEqual(planStitch(page()));
  });

  it('steps a whole viewport at a time: nothing is cropped, so no capture is wasted on bars', () => {
    const plan = planStitch(page({ scrollHeight: 8000 }));
    expect(plan.tiles).toHaveLength(10);
    for (const tile of plan.tiles.slice(0, -1)) expect(tile.source).toMatchObject({ y: 0, height: 800 });
  });

  it('caps by area for a wide viewport and by custom limits', () => {
    const wide = planStitch(page({ scrollHeight: 50_000, viewportWidth: 5000, devicePixelRatio: 2 }));
    expect(wide.canvas.height).toBe(Math.floor(268_435_456 / 10_000));
    const small = planStitch(page({ limits: { maxSide: 2000 } }));
    expect(small).toMatchObject({ truncated: true, coveredHeight: 2000, canvas: { height: 2000 } });
    expectExactCover(small);
  });

  it('uses the real capture size when the shell knows it', () => {
    const plan = planStitch(page({ devicePixelRatio: 1.5, captureSize: { width: 1500, height: 1199 } }));
    expect(plan.capture).toEqual({ width: 1500, height: 1199 });
    expectExactCover(plan, 1.5);
  });

  it('falls back to sane values for missing or broken measurements', () => {
    const plan = planStitch({
      scrollHeight: Number.NaN,
      viewportWidth: 0,
      viewportHeight: 600,
      devicePixelRatio: -1,
    });
    expect(plan.tiles).toHaveLength(1);
    expect(plan.canvas).toEqual({ width: 1, height: 600 });
  });

  it('covers the canvas exactly once for random pages and ratios', () => {
    // A seeded generator keeps failures reproducible.
    let seed = 42;
    const random = () => {
      seed = (seed * 1_103_515_245 + 12_345) % 2 ** 31;
      return seed / 2 ** 31;
    };
    const ratios = [0.5, 0.75, 1, 1.1, 1.25, 1.5, 1.75, 2, 2.625, 3];
    for (let run = 0; run < 2000; run++) {
      const viewportHeight = 100 + Math.floor(random() * 1400);
      const dpr = ratios[Math.floor(random() * ratios.length)] ?? 1;
      const maxSide = random() < 0.3 ? 2000 + Math.floor(random() * 20_000) : 32_767;
      const plan = planStitch({
        scrollHeight: Math.floor(random() * 40_000),
        viewportWidth: 200 + Math.floor(random() * 3000),
        viewportHeight,
        devicePixelRatio: dpr,
        limits: { maxSide },
      });
      const problems = coverProblems(plan, dpr);
      const reachesEnd = !plan.truncated;
      plan.tiles.forEach(({ scrollY }, i) => {
        if (i > 0 && scrollY <= (plan.tiles[i - 1]?.scrollY ?? 0))
          problems.push(`tile ${i} does not scroll down`);
        if (scrollY > plan.pageHeight - viewportHeight) problems.push(`tile ${i} scrolls past the end`);
      });
      const fullHeight = Math.round((plan.pageHeight - viewportHeight) * dpr) + plan.capture.height;
      if (reachesEnd && plan.canvas.height !== fullHeight) problems.push('the whole page is not covered');
      if (plan.canvas.height > maxSide) problems.push('the canvas is over the limit');
      expect(problems, `run ${run} at ratio ${dpr}`).toEqual([]);
    }
  });
});

describe('capture rate limit', () => {
  it('puts the floor at one window per pair of captures after the first pair', () => {
    expect([0, 1, 2, 3, 12, 13].map((n) => rateLimitFloorMs(n))).toEqual([0, 0, 0, 1000, 5000, 6000]);
    expect(rateLimitFloorMs(12, 4)).toBe(2000);
  });

  it('lets two captures go at once and holds the third until the first one’s window has passed', () => {
    expect(captureDelayMs(0, [])).toBe(0);
    expect(captureDelayMs(100, [0])).toBe(0);
    expect(captureDelayMs(200, [0, 100])).toBe(825);
    expect(captureDelayMs(2000, [0, 100])).toBe(0);
    // Only the call two back matters: older history does not delay.
    expect(captureDelayMs(1500, [0, 100, 1100, 1200])).toBe(625);
  });

  it('follows the browser’s quota windows: a late call does not hold back the next window’s pair', () => {
    // The viewport at 0 and the first tile at 700 share the first window; the next window opens with
    // the call at 1025 and has room for another at once.
    expect(captureDelayMs(800, [0, 700])).toBe(225);
    expect(captureDelayMs(1200, [0, 700, 1025])).toBe(0);
    expect(captureDelayMs(1300, [0, 700, 1025, 1200])).toBe(750);
  });

  it('never calls within the margin of a window’s end, where the browser might count it in either', () => {
    expect(captureDelayMs(990, [0])).toBe(35);
    expect(captureDelayMs(974, [0])).toBe(0);
  });

  it('paces a plan at no more than the floor plus the margin per window', () => {
    const plan = planStitch(page({ scrollHeight: 12 * 800 }));
    const times: number[] = [];
    let now = 0;
    for (const _ of plan.tiles) {
      now += captureDelayMs(now, times);
      times.push(now);
    }
    expect(plan.tiles).toHaveLength(12);
    expect(now).toBeGreaterThanOrEqual(plan.floorMs);
    expect(now).toBeLessThanOrEqual(plan.floorMs * 1.05);
  });
});
