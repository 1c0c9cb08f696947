import { describe, expect, it } from 'vitest';
import { type CaptureClock, pacedCapture } from '../../extension/lib/capture/pacing.ts';

/** A browser whose clock only moves when the capture waits; `refuse` makes a call fail. */
function fakeBrowser(refuse: (call: number) => Error | undefined = () => undefined) {
  let clock = 0;
  const calls: number[] = [];
  const io: CaptureClock = {
    now: () => clock,
    sleep: async (ms) => {
      clock += ms;
    },
    captureVisibleTab: async () => {
      calls.push(clock);
      const error = refuse(calls.length);
      if (error) throw error;
      return `data:image/png;base64,${calls.length}`;
    },
  };
  return { io, calls };
}

describe('pacing captures to the browser’s rate limit', () => {
  it('takes two captures a second, and a third only once that second is over', async () => {
    const { io, calls } = fakeBrowser();
    const capture = pacedCapture(io);
    for (let i = 0; i < 6; i++) await capture(1);
    expect(calls.slice(0, 2)).toEqual([0, 0]);
    // Any three calls in a row span more than the quota window of a second.
    const spans = calls.slice(2).map((at, i) => at - (calls[i] ?? 0));
    for (const span of spans) expect(span).toBeGreaterThan(1000);
  });

  it('after the browser says the quota is spent, tries once more when every window has closed', async () => {
    const quota = new Error('This request exceeds the MAX_CAPTURE_VISIBLE_TAB_CALLS_PER_SECOND quota.');
    const { io, calls } = fakeBrowser((call) => (call === 1 ? quota : undefined));
    expect(await pacedCapture(io)(1)).toBe('data:image/png;base64,2');
    expect(calls).toEqual([0, 1100]);
  });

  it('passes any other failure on at once', async () => {
    const { io, calls } = fakeBrowser(() => new Error('Cannot access contents of the page'));
    await expect(pacedCapture(io)(1)).rejects.toThrow('Cannot access contents');
    expect(calls).toEqual([0]);
  });

  it('keeps one clock per capturer, so a fresh one starts with the full quota', async () => {
    const { io, calls } = fakeBrowser();
    const first = pacedCapture(io);
    await first(1);
    await first(1);
    await pacedCapture(io)(1);
    expect(calls).toEqual([0, 0, 0]);
  });
});
