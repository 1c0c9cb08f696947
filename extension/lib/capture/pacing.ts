import { captureDelayMs } from './stitch-plan.ts';

/** What pacing needs of the browser: its capture call and a clock. */
export interface CaptureClock {
  /** The visible part of a window's active tab as a PNG data URL. */
  captureVisibleTab(windowId: number): Promise<string>;
  now(): number;
  sleep(ms: number): Promise<void>;
}

/** Chromium's rate-limit error names the limit it enforces. */
const QUOTA_EXCEEDED = 'MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND';
/** Long enough for any quota window open at the failed call to have closed (1 s, and a margin). */
const QUOTA_RETRY_MS = 1100;

/**
 * `captureVisibleTab` as soon as the browser's rate limit allows. The clock of earlier calls lives in
 * the function made here: one per background, a fresh one per test.
 */
export function pacedCapture(io: CaptureClock): (windowId: number) => Promise<string> {
  /** Start times of our `captureVisibleTab` calls, oldest first. */
  const calls: number[] = [];
  return async (windowId) => {
    // Asked again after each wait: a timer may fire a little before the clock reaches the time asked
    // for, and the call must go at a moment the pacing rule has approved.
    for (let wait = captureDelayMs(io.now(), calls); wait > 0; wait = captureDelayMs(io.now(), calls)) {
      await io.sleep(wait);
    }
    calls.push(io.now());
    if (calls.length > 10) calls.shift();
    try {
      return await io.captureVisibleTab(windowId);
    } catch (err) {
      if (!(err instanceof Error && err.message.includes(QUOTA_EXCEEDED))) throw err;
      // Our clock and the browser's put a call in different quota windows (a busy machine delays the
      // browser's count): once every window open then has closed, the next call surely has room.
      await io.sleep(QUOTA_RETRY_MS);
      calls.push(io.now());
      return io.captureVisibleTab(windowId);
    }
  };
}
