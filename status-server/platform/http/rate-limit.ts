import type { Context } from 'hono';
import { createMiddleware } from 'hono/factory';
import { ApiFailure } from './errors.ts';

export interface RateLimitOptions {
  perMinute: number;
  burst: number;
}

/**
 * A token bucket per key (client address): `burst` requests at once, refilled at `perMinute`.
 * Kept in this process's memory: with several instances each allows its own share, which is fine
 * for stopping a runaway client, not for billing. `take` spends one token of the key's bucket, or
 * throws the 429 that says how long to wait (its `retryAfter`, in seconds).
 */
export function tokenBuckets(options: RateLimitOptions) {
  const buckets = new Map<string, { tokens: number; at: number }>();
  const refillPerMs = options.perMinute / 60_000;
  return (key: string): void => {
    const now = Date.now();
    const b = buckets.get(key) ?? { tokens: options.burst, at: now };
    b.tokens = Math.min(options.burst, b.tokens + (now - b.at) * refillPerMs);
    b.at = now;
    if (b.tokens < 1) throw new RateLimited(Math.ceil((1 - b.tokens) / refillPerMs / 1000));
    b.tokens -= 1;
    buckets.set(key, b);
    // Forget full buckets now and then so the map does not grow with every address ever seen.
    if (buckets.size > 10_000) {
      for (const [k, v] of buckets) if (v.tokens >= options.burst - 1) buckets.delete(k);
    }
  };
}

/** A 429 with the seconds to wait, which the answer carries as `Retry-After`. */
export class RateLimited extends ApiFailure {
  constructor(readonly retryAfter: number) {
    super(429, 'rate_limited', `too many requests from this client; try again in ${retryAfter} s`);
  }
}

/** A token bucket per key as a route's middleware, keyed by what `key` reads of the request. */
export function rateLimit(options: RateLimitOptions & { key: (c: Context) => string }) {
  return limitedBy(tokenBuckets(options), options.key);
}

/** Middleware that spends a token of `take` (see `tokenBuckets`), answering 429 with `Retry-After` when none is left. */
export function limitedBy(take: (key: string) => void, key: (c: Context) => string) {
  return createMiddleware(async (c, next) => {
    try {
      take(key(c));
    } catch (err) {
      if (err instanceof RateLimited) c.header('retry-after', String(err.retryAfter));
      throw err;
    }
    await next();
  });
}
