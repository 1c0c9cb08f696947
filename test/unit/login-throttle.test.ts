import { describe, expect, it } from 'vitest';
import { LoginThrottle } from '../../status-server/auth/login-throttle.ts';

/** A throttle on a clock the test moves. */
function throttle(accountCeiling?: number) {
  const clock = { now: Date.parse('2030-01-01T00:00:00Z') };
  return { clock, throttle: new LoginThrottle({ now: () => clock.now, accountCeiling }) };
}

const MINUTE = 60_000;

describe('login throttle', () => {
  it('lets a client fail three times, then makes it wait 1 s, 2 s, 4 s … up to 5 minutes', () => {
    const { clock, throttle: t } = throttle();
    for (let i = 0; i < 3; i++) {
      expect(t.waitFor('ana@example.com', 'a')).toBe(0);
      t.fail('ana@example.com', 'a');
    }
    const waits: number[] = [];
    for (let i = 0; i < 12; i++) {
      const wait = t.waitFor('ana@example.com', 'a');
      waits.push(wait);
      clock.now += wait - 1;
      expect(t.waitFor('ana@example.com', 'a')).toBe(1);
      clock.now += 1;
      expect(t.waitFor('ana@example.com', 'a')).toBe(0);
      t.fail('ana@example.com', 'a');
    }
    expect(waits.map((w) => w / 1000)).toEqual([1, 2, 4, 8, 16, 32, 64, 128, 256, 300, 300, 300]);
  });

  it('counts each account and client apart, and forgets a client’s failures when it gets in', () => {
    const { throttle: t } = throttle();
    for (let i = 0; i < 6; i++) t.fail('ana@example.com', 'guesser');
    expect(t.waitFor('ana@example.com', 'guesser')).toBeGreaterThan(0);
    expect(t.waitFor('ana@example.com', 'ana’s browser')).toBe(0);
    expect(t.waitFor('bo@example.com', 'guesser')).toBe(0);
    t.fail('ana@example.com', 'ana’s browser');
    t.fail('ana@example.com', 'ana’s browser');
    t.succeed('ana@example.com', 'ana’s browser');
    t.fail('ana@example.com', 'ana’s browser');
    t.fail('ana@example.com', 'ana’s browser');
    expect(t.waitFor('ana@example.com', 'ana’s browser')).toBe(0);
  });

  it('forgets a client’s failures an hour after its last one', () => {
    const { clock, throttle: t } = throttle();
    for (let i = 0; i < 8; i++) t.fail('ana@example.com', 'a');
    clock.now += 60 * MINUTE;
    expect(t.waitFor('ana@example.com', 'a')).toBe(0);
    t.fail('ana@example.com', 'a');
    expect(t.waitFor('ana@example.com', 'a')).toBe(0); // a first failure again
  });

  it('under a flood for one account, makes every failing client wait from its first failure, never one that has not failed', () => {
    const { clock, throttle: t } = throttle(10);
    for (let i = 0; i < 10; i++) t.fail('ana@example.com', `bot ${i}`);
    t.fail('ana@example.com', 'bot 10');
    expect(t.waitFor('ana@example.com', 'bot 10')).toBe(2000);
    expect(t.waitFor('ana@example.com', 'ana')).toBe(0);
    // Other accounts are not affected, and the flood is forgotten after its window.
    t.fail('bo@example.com', 'bot 10');
    expect(t.waitFor('bo@example.com', 'bot 10')).toBe(0);
    clock.now += 15 * MINUTE;
    expect(t.waitFor('ana@example.com', 'bot 10')).toBe(0);
  });

  it('remembers at most 50,000 clients and accounts, however many a guesser cycles through', () => {
    const { clock, throttle: t } = throttle();
    const flood = (from: number, to: number) => {
      for (let i = from; i < to; i++) {
        t.fail(`user${i % 70_000}@example.com`, `10.${i >> 16}.${(i >> 8) & 255}.${i & 255}`);
        if (i % 1000 === 0) clock.now += 1000;
      }
    };
    flood(0, 110_000);
    // A client that failed recently outlives the flood's older entries.
    for (let i = 0; i < 8; i++) t.fail('ana@example.com', 'recent');
    flood(110_000, 120_000);
    expect(t.size.clients).toBeLessThanOrEqual(50_000);
    expect(t.size.accounts).toBeLessThanOrEqual(50_000);
    expect(t.waitFor('ana@example.com', 'recent')).toBeGreaterThan(0);
  });
});
