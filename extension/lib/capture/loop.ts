import type { TileView } from '../messages.ts';
import { type Place, pinnedStep } from './pinned.ts';
import { placeTile, type StitchPlan, type StitchTile } from './stitch-plan.ts';

/** The page's side of the loop: the page script's steps, as messages to the tab. */
export interface StitchPage {
  /** Scrolls, puts any element that sticks here back in the flow, and measures what stays fixed. */
  scroll(y: number): Promise<TileView>;
  /** Hides exactly these fixed elements (showing the others again) and waits for the paint. */
  hide(ids: readonly number[]): Promise<void>;
}

/** The pixels' side: the browser's (paced) capture, and drawing one capture's kept rows. */
export interface StitchPixels<Shot> {
  capture(): Promise<Shot>;
  draw(shot: Shot, tile: StitchTile): Promise<void>;
}

export interface Stitched {
  /** The tiles as taken, placed where the page really scrolled. */
  tiles: StitchTile[];
  /** Rows of the canvas drawn, in device px: the plan's, unless the page got shorter meanwhile. */
  height: number;
  /** The image stops before the page's end: the plan's cap, or the page grew while it was captured. */
  truncated: boolean;
  /** The page got taller while it was captured (an endless feed). */
  grew: boolean;
}

/** A page counts as grown when it is taller than planned by more than this (CSS px): rounding aside. */
const GROWTH_SLACK = 1;

/**
 * Takes the plan's captures, one after the other: scroll, find what is fixed there, hide what does not
 * belong in this capture, capture, and draw the capture's new rows while the page scrolls on.
 */
export async function stitchPage<Shot>(
  page: StitchPage,
  pixels: StitchPixels<Shot>,
  plan: StitchPlan,
  viewport: { devicePixelRatio: number },
): Promise<Stitched> {
  const end = plan.canvas.height;
  const tiles: StitchTile[] = [];
  let places: ReadonlyMap<number, Place> = new Map();
  let hidden: readonly number[] = [];
  let covered = 0;
  let grew = false;
  let drawn = Promise.resolve();
  for (const [i, planned] of plan.tiles.entries()) {
    // Never below what is covered, even if an earlier capture landed short of its plan.
    const target = i === 0 ? 0 : Math.min(planned.scrollY, Math.floor(covered / viewport.devicePixelRatio));
    const view = await page.scroll(target);
    if (view.scrollHeight > plan.pageHeight + GROWTH_SLACK) grew = true;
    const tile = placeTile(plan.capture, covered, end, view.scrollY, viewport.devicePixelRatio);
    // The page no longer scrolls this far (it got shorter): the image ends with what is covered.
    if (!tile) break;
    const step = pinnedStep(places, view.fixed, { first: i === 0 });
    places = step.places;
    if (!sameIds(step.hide, hidden)) {
      await page.hide(step.hide);
      hidden = step.hide;
    }
    const shot = await pixels.capture();
    drawn = drawn.then(() => pixels.draw(shot, tile));
    tiles.push(tile);
    covered = tile.destY + tile.source.height;
  }
  await drawn;
  return { tiles, height: covered, truncated: plan.truncated || grew, grew };
}

const sameIds = (a: readonly number[], b: readonly number[]) =>
  a.length === b.length && a.every((id, i) => id === b[i]);
