import type { MiddlewareHandler } from 'hono';
import { cors } from 'hono/cors';

export interface CorsOptions {
  /** The origin to allow for a request's `Origin`, or null to allow none. */
  origin: (origin: string) => string | null;
  allowHeaders: string[];
  exposeHeaders: string[];
  allowMethods: string[];
  maxAge: number;
}

/**
 * Cross-origin calls, as hono's `cors` allows them, with the headers of an actual call added to the
 * response its handler built rather than to one started before it: hono's sets them on `c.res`
 * ahead of the handler, and the handler's own response is then merged into that one, which turns the
 * Node adapter's light response into a full web Response (about a tenth of the batched status
 * call's time). Preflights are hono's own.
 */
export function corsAllowing(options: CorsOptions): MiddlewareHandler {
  const preflight = cors(options);
  const answerTo = corsAnswer(options);
  return async (c, next) => {
    if (c.req.method === 'OPTIONS') return preflight(c, next);
    await next();
    const { headers } = c.res;
    for (const [name, value] of answerTo(c.req.header('origin'))) {
      if (name === 'vary') headers.append(name, value);
      else headers.set(name, value);
    }
  };
}

/**
 * The cross-origin headers of an actual call from `origin`, as `corsAllowing` adds them (`Vary` is
 * appended to the response's own): for a listener that answers before the app does.
 */
export function corsAnswer(options: CorsOptions) {
  const expose = options.exposeHeaders.join(',');
  return (origin: string | undefined): [string, string][] => {
    const allowed = options.origin(origin ?? '');
    if (!allowed) return [['vary', 'Origin']];
    return [
      ['vary', 'Origin'],
      ['access-control-allow-origin', allowed],
      ...(expose ? ([['access-control-expose-headers', expose]] as [string, string][]) : []),
    ];
  };
}
