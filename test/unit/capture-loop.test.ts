import { describe, expect, it } from 'vitest';
import { stitchPage } from '../../extension/lib/capture/loop.ts';
import { type CaptureClock, pacedCapture } from '../../extension/lib/capture/pacing.ts';
import { finishedParts, planParts } from '../../extension/lib/capture/parts.ts';
import { pinnedStep } from '../../extension/lib/capture/pinned.ts';
import { planStitch, type StitchTile } from '../../extension/lib/capture/stitch-plan.ts';
import type { TileView } from '../../extension/lib/messages.ts';

const VIEWPORT = 800;

/** A fixed element of the fake page: where it sits in the viewport, and from which scroll on it is fixed. */
interface FakeFixed {
  id: number;
  top: number;
  bottom: number;
  fixedFrom?: number;
}

/**
 * A page in a tab, as the loop sees it through its messages: it scrolls (clamped to its height), may
 * grow or shrink when scrolled past a point, and has fixed elements. The clock moves only when the
 * loop waits, scrolls or captures, so the times below are exact.
 */
function fakeTab(options: {
  height: number;
  fixed?: FakeFixed[];
  resize?: { at: number; height: number };
  refuse?: (call: number) => Error | undefined;
}) {
  let clock = 0;
  let height = options.height;
  let scrollY = 0;
  let hidden: readonly number[] = [];
  const shots: { at: number; scrollY: number; shown: number[] }[] = [];
  const io: CaptureClock = {
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    captureVisibleTab: async () => {
      const error = options.refuse?.(shots.length + 1);
      const visible = (options.fixed ?? [])
        .filter((f) => scrollY >= (f.fixedFrom ?? 0) && !hidden.includes(f.id))
        .map((f) => f.id);
      shots.push({ at: clock, scrollY, shown: error ? [] : visible });
      if (error) throw error;
      return `shot ${shots.length}`;
    },
  };
  const page = {
    async scroll(y: number): Promise<TileView> {
      clock += 80; // scrolling and painting take a while
      scrollY = Math.min(y, height - VIEWPORT);
      if (options.resize && scrollY >= options.resize.at) height = options.resize.height;
      const fixed = (options.fixed ?? []).filter((f) => scrollY >= (f.fixedFrom ?? 0));
      return {
        scrollY,
        scrollHeight: height,
        fixed: fixed.map(({ id, top, bottom }) => ({ id, top, bottom })),
      };
    },
    async hide(ids: readonly number[]) {
      clock += 40;
      hidden = [...ids];
    },
  };
  const drawn: { shot: string; tile: StitchTile }[] = [];
  const captureVisible = pacedCapture(io);
  const pixels = {
    capture: () => captureVisible(1),
    async draw(shot: string, tile: StitchTile) {
      drawn.push({ shot, tile });
    },
  };
  return { io, page, pixels, shots, drawn, now: () => clock };
}

const plan = (height: number, dpr = 1) =>
  planStitch({ scrollHeight: height, viewportWidth: 1000, viewportHeight: VIEWPORT, devicePixelRatio: dpr });
const viewport = { devicePixelRatio: 1 };

describe('which fixed elements each capture shows', () => {
  it('shows what is fixed at the page’s top in the first capture only, and what is fixed later never', () => {
    const header = { id: 1, top: 0, bottom: 60 };
    const cookie = { id: 2, top: 680, bottom: 800 };
    const first = pinnedStep(new Map(), [header, cookie], { first: true });
    expect(first.hide).toEqual([]);
    const late = { id: 3, top: 0, bottom: 50 };
    const later = pinnedStep(first.places, [header, cookie, late], { first: false });
    expect(later.hide).toEqual([1, 2, 3]);
    expect(later.places).toEqual(
      new Map([
        [1, 'first'],
        [2, 'first'],
        [3, 'never'],
      ]),
    );
  });

  it('keeps the place an element got when first seen', () => {
    const first = pinnedStep(new Map(), [{ id: 7, top: 0, bottom: 40 }], { first: false });
    // Not fixed at the top, then seen again: still never shown.
    expect(pinnedStep(first.places, [{ id: 7, top: 0, bottom: 40 }], { first: false }).hide).toEqual([7]);
  });
});

describe('the capture loop, with a fake tab and clock', () => {
  it('takes each capture with only the fixed elements that belong there, and covers the page once', async () => {
    const tab = fakeTab({
      height: 4000,
      fixed: [
        { id: 1, top: 0, bottom: 60 }, // header
        { id: 2, top: 0, bottom: 800 }, // full-height sidebar
        { id: 3, top: 720, bottom: 800 }, // add-to-cart bar
        { id: 4, top: 0, bottom: 48, fixedFrom: 1200 }, // pinned by a script past the hero
      ],
    });
    const p = plan(4000);
    const out = await stitchPage(tab.page, tab.pixels, p, viewport);
    expect(tab.shots.map((s) => s.shown)).toEqual([[1, 2, 3], [], [], [], []]);
    expect(tab.shots.map((s) => s.scrollY)).toEqual([0, 800, 1600, 2400, 3200]);
    expect(out).toMatchObject({ height: 4000, truncated: false, grew: false });
    let row = 0;
    for (const { tile } of tab.drawn) {
      expect(tile.destY).toBe(row);
      row += tile.source.height;
    }
    expect(row).toBe(p.canvas.height);
  });

  it('paces the captures at two a second: the whole loop takes the floor and not much more', async () => {
    const tab = fakeTab({ height: 12 * 800 });
    const p = plan(12 * 800);
    await stitchPage(tab.page, tab.pixels, p, viewport);
    const at = tab.shots.map((s) => s.at);
    // Any three captures in a row span more than the browser's one-second quota window.
    for (let i = 2; i < at.length; i++) expect((at[i] ?? 0) - (at[i - 2] ?? 0)).toBeGreaterThan(1000);
    expect(tab.now()).toBeGreaterThanOrEqual(p.floorMs);
    expect(tab.now()).toBeLessThanOrEqual(p.floorMs * 1.1);
  });

  it('goes on after the browser refuses a capture for its quota, and loses no tile', async () => {
    const quota = new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');
    const tab = fakeTab({ height: 3200, refuse: (call) => (call === 3 ? quota : undefined) });
    const out = await stitchPage(tab.page, tab.pixels, plan(3200), viewport);
    expect(tab.drawn.map((d) => d.shot)).toEqual(['shot 1', 'shot 2', 'shot 4', 'shot 5']);
    const [refused, retried] = tab.shots.slice(2).map((s) => s.at);
    expect((retried ?? 0) - (refused ?? 0)).toBe(1100);
    expect(out.height).toBe(3200);
  });

  it('passes a failure other than the quota on, so the caller restores the page', async () => {
    const tab = fakeTab({
      height: 3200,
      refuse: (call) => (call === 2 ? new Error('tab closed') : undefined),
    });
    await expect(stitchPage(tab.page, tab.pixels, plan(3200), viewport)).rejects.toThrow('tab closed');
  });

  it('says truncated when the page grows while it is captured, and keeps the height it started with', async () => {
    const tab = fakeTab({ height: 3200, resize: { at: 1600, height: 6400 } });
    const out = await stitchPage(tab.page, tab.pixels, plan(3200), viewport);
    expect(out).toMatchObject({ height: 3200, truncated: true, grew: true });
  });

  it('ends the image where the page ends when it gets shorter while captured', async () => {
    const tab = fakeTab({ height: 4000, resize: { at: 800, height: 2000 } });
    const out = await stitchPage(tab.page, tab.pixels, plan(4000), viewport);
    expect(out.height).toBe(2000);
    expect(tab.drawn.map((d) => [d.tile.scrollY, d.tile.destY, d.tile.source.y])).toEqual([
      [0, 0, 0],
      [800, 800, 0],
      [1200, 1600, 400],
    ]);
  });

  it('has every part of a tall page but the last final while captures go on, so it is encoded meanwhile', async () => {
    // 20,000 CSS px at ratio 1 with a 28 px band: two parts, cut near row 10,000.
    const tab = fakeTab({ height: 20_000 });
    const p = plan(20_000);
    const parts = planParts(p.canvas.height, 28);
    expect(parts).toHaveLength(2);
    const finalAt = new Map<number, number>();
    const pixels = {
      capture: tab.pixels.capture,
      async draw(shot: string, tile: StitchTile) {
        await tab.pixels.draw(shot, tile);
        for (const i of finishedParts(parts, tile.destY + tile.source.height)) {
          if (!finalAt.has(i)) finalAt.set(i, tab.now());
        }
      },
    };
    await stitchPage(tab.page, pixels, p, viewport);
    // The first part was final with about half the captures still to take: seconds for its encoding.
    const last = tab.shots.at(-1)?.at ?? 0;
    expect(last - (finalAt.get(0) ?? last)).toBeGreaterThan(5000);
    expect(finalAt.has(1)).toBe(false);
  });

  it('places a capture where the page really scrolled to, at ratio 2', async () => {
    const tab = fakeTab({ height: 2000 });
    const p = plan(2000, 2);
    const out = await stitchPage(tab.page, tab.pixels, p, { devicePixelRatio: 2 });
    expect(out.height).toBe(4000);
    expect(tab.drawn.at(-1)?.tile).toMatchObject({
      scrollY: 1200,
      destY: 3200,
      source: { y: 800, height: 800 },
    });
  });
});
