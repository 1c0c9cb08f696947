import type { IncomingMessage, ServerResponse } from 'node:http';
import type { FrontAnswer, FrontHandler } from '../platform/http/front-lane.ts';
import { answerFor, type Entry } from './entries.ts';

/**
 * Names the entry for a URL and the request's headers, or nothing: then the request goes the
 * ordinary way, as every other one does.
 */
export type EntryFor = (url: string, headers: RequestHeaders) => Entry | undefined;
type RequestHeaders = Readonly<Record<string, string | string[] | undefined>>;

/** What the lanes read of a request. */
interface Asked {
  method?: string;
  url?: string;
  headers: RequestHeaders;
}

const one = (h: string | string[] | undefined) => (Array.isArray(h) ? h.join(', ') : h);

/**
 * The answer to a GET or HEAD of the hottest public URLs (the page everyone reloads during an outage,
 * and API v2 and the badges, read by every widget, monitor and README), from entries built ahead: a map lookup and a pre-built buffer
 * with pre-built headers, with no fetch `Request` made and no routing.
 */
function laneAnswer(entryFor: EntryFor, { method, url, headers: h }: Asked): FrontAnswer | undefined {
  if ((method !== 'GET' && method !== 'HEAD') || url === undefined) return undefined;
  const entry = entryFor(url, h);
  if (!entry) return undefined;
  const { variant, notModified } = answerFor(entry, {
    acceptEncoding: one(h['accept-encoding']),
    ifNoneMatch: one(h['if-none-match']),
    ifModifiedSince: one(h['if-modified-since']),
  });
  if (notModified) return { status: 304, headers: variant.rawNotModified };
  return { status: entry.status, headers: variant.raw, body: method === 'HEAD' ? undefined : variant.body };
}

/**
 * The lane in front of node:http's parser (platform/http/front-lane.ts): it takes a connection's
 * requests while they are for these URLs, which widgets and monitors mostly ask for alone.
 */
export function snapshotFront(entryFor: EntryFor): FrontHandler {
  return (req) => laneAnswer(entryFor, req);
}

/**
 * The same answers once a connection is node:http's (after a page, a report or an odd head on it):
 * before routing, since turning the request into a fetch `Request` and routing it cost more than the
 * answer itself. Returns whether it answered.
 */
export function snapshotLane(entryFor: EntryFor) {
  return (req: IncomingMessage, res: ServerResponse): boolean => {
    const answer = laneAnswer(entryFor, req);
    if (!answer) return false;
    res.writeHead(answer.status, answer.headers);
    res.end(answer.body);
    return true;
  };
}
