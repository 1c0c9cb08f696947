import { getConnInfo } from '@hono/node-server/conninfo';
import type { Context } from 'hono';

/**
 * The client's address: the socket's peer, or the first X-Forwarded-For hop when the server is
 * configured to sit behind a proxy it trusts (otherwise that header is the client's to forge).
 */
export function clientAddress(c: Context, trustProxy: boolean): string {
  return addressOf(c.req.header('x-forwarded-for'), () => getConnInfo(c).remote.address, trustProxy);
}

/** The same, from the header and the socket's peer, for a listener that answers before the app. */
export function addressOf(
  forwardedFor: string | undefined,
  peer: () => string | undefined,
  trustProxy: boolean,
): string {
  if (trustProxy) {
    const forwarded = forwardedFor?.split(',')[0]?.trim();
    if (forwarded) return forwarded;
  }
  try {
    return peer() ?? 'unknown';
  } catch {
    // In-process requests (tests, app.request) have no socket.
    return 'local';
  }
}
