import type { IncomingMessage, ServerResponse } from 'node:http';
import { answerFor, type Entry } from './entries.ts';

/**
 * The hottest public GETs (API v2 and the badges, read by every widget, monitor and README during
 * an outage) answered from entries built ahead, before the request is turned into a fetch `Request`
 * and routed: those two steps cost more than the answer itself, a map lookup and a pre-built buffer
 * with pre-built headers. `entryFor` names the entry for a URL, or nothing: then the request goes
 * the ordinary way, as every other one does.
 *
 * Returns whether it answered.
 */
export function snapshotLane(entryFor: (url: string) => Entry | undefined) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const { method, url } = req;
    if ((method !== 'GET' && method !== 'HEAD') || url === undefined) return false;
    const entry = entryFor(url);
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
