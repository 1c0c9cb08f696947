import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { ApiFailure } from './errors.ts';

/**
 * A token bucket per key (client address): `burst` requests at once, refilled at `perMinute`.
 * Kept in this process's memory: with several instances each allows its own share, which is fine
 * for stopping a runaway client, not for billing.
 */
export function rateLimit(options: { perMinute: number; burst: number; key: (c: Context) => string }) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = options.perMinute / 60_000;
  return createMiddleware(async (c, next) => {
    const now = Date.now();
    const key = options.key(c);
    const b = buckets.get(key) ?? { tokens: options.burst, at: now };
    b.tokens = Math.min(options.burst, b.tokens + (now - b.at) * refillPerMs);
    b.at = now;
    if (b.tokens < 1) {
      const wait = Math.ceil((1 - b.tokens) / refillPerMs / 1000);
      c.header('retry-after', String(wait));
      throw new ApiFailure(429, 'rate_limited', `too many requests from this client; try again in ${wait} s`);
    }
    b.tokens -= 1;
    buckets.set(key, b);
    // Forget full buckets now and then so the map does not grow with every address ever seen.
    if (buckets.size > 10_000) {
      for (const [k, v] of buckets) if (v.tokens >= options.burst - 1) buckets.delete(k);
    }
    await next();
  });
}
