import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerFor, type Snapshots } from './snapshots.ts';

/**
 * The hottest public GETs (API v2, read by every widget and monitor during an outage) answered
 * straight from the snapshot, before the request is turned into a fetch `Request` and routed:
 * those two steps cost more than the answer itself, which is a map lookup and a pre-built buffer
 * with pre-built headers. Anything else, a query string included, goes the ordinary way, and so do
 * these paths before the first snapshot.
 *
 * Returns whether it answered.
 */
export function snapshotLane(snapshots: Snapshots, paths: readonly string[]) {
  const served = new Set(paths);
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const { method, url } = req;
    if ((method !== 'GET' && method !== 'HEAD') || url === undefined || !served.has(url)) return false;
    const entry = snapshots.latest?.entries.get(url);
    if (!entry) return false;
    const h = req.headers;
    const { variant, notModified } = answerFor(entry, {
      acceptEncoding: h['accept-encoding'],
      ifNoneMatch: h['if-none-match'],
      ifModifiedSince: h['if-modified-since'],
    });
    if (notModified) {
      res.writeHead(304, variant.rawNotModified);
      res.end();
    } else {
      res.writeHead(entry.status, variant.raw);
      res.end(method === 'HEAD' ? undefined : variant.body);
    }
    return true;
  };
}
