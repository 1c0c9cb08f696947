import { gzipSync } from 'node:zlib';
import { contentEtag, etagMatches } from '../platform/http/etag.ts';
import { BASELINE, builtWithBaseline, DEFAULT_OTHER_POLICY, PAGE_POLICY } from '../platform/http/headers.ts';

/** One encoding of a body, with the headers of its full answer and of its 304, each built once. */
export interface Representation {
  body: Uint8Array<ArrayBuffer>;
  headers: Record<string, string>;
  /** A 304 has no body, so no length, type or encoding; the rest is as the full answer's. */
  notModified: Record<string, string>;
  /** The same two as flat name, value lists, as node:http writes them without building anything. */
  raw: string[];
  rawNotModified: string[];
}

/** A response body built once per snapshot, with the headers every copy of it is sent with. */
export interface Entry extends Representation {
  status: number;
  etag: string;
  lastModified: string;
  /** The same body gzipped once, for clients that accept it (a phone on a slow line, mostly). */
  gzip?: Representation;
}

/** Below this a gzip header and the work cost more than they save. */
const GZIP_MIN_BYTES = 1024;

/** Browsers and proxies may keep a copy but must ask again each time; a 304 makes that cheap. */
const CACHE_CONTROL = 'public, max-age=0, must-revalidate';
const bytesOf = (body: string | Uint8Array<ArrayBuffer>) =>
  typeof body === 'string' ? Buffer.from(body) : body;
const needsGzip = (bytes: Uint8Array) => bytes.byteLength >= GZIP_MIN_BYTES;
const GZIP_LEVEL = { level: 9 };

/** An entry for a body, compressed at once: on the build's thread, or on request (a badge, an incident page). */
export function makeEntry(
  body: string | Uint8Array<ArrayBuffer>,
  contentType: string,
  lastModified: string,
  status = 200,
  /** Headers that replace the defaults below (a badge's shorter cache life, its own policy). */
  own: Record<string, string> = {},
): Entry {
  const bytes = bytesOf(body);
  const zipped = needsGzip(bytes) ? new Uint8Array(gzipSync(bytes, GZIP_LEVEL)) : undefined;
  return entryOf(bytes, contentType, lastModified, status, own, zipped);
}

function entryOf(
  bytes: Uint8Array<ArrayBuffer>,
  contentType: string,
  lastModified: string,
  status: number,
  own: Record<string, string>,
  zipped: Uint8Array<ArrayBuffer> | undefined,
): Entry {
  const etag = contentEtag(bytes);
  const lm = new Date(lastModified).toUTCString();
  const headers: Record<string, string> = {
    'content-type': contentType,
    'content-length': String(bytes.byteLength),
    etag,
    'last-modified': lm,
    'cache-control': status === 200 ? CACHE_CONTROL : 'no-store',
    ...BASELINE,
    vary: 'Accept-Encoding',
  };
  if (contentType.startsWith('text/html')) {
    headers['content-security-policy'] = PAGE_POLICY;
    // The language comes from ?lang=, the lang cookie or Accept-Language.
    headers.vary = 'Accept-Language, Cookie, Accept-Encoding';
  } else {
    headers['content-security-policy'] = DEFAULT_OTHER_POLICY;
    // The v2 API is read by widgets on other sites, as the API it mirrors allows.
    headers['access-control-allow-origin'] = '*';
  }
  Object.assign(headers, own);
  const entry: Entry = { status, etag, lastModified: lm, ...representation(bytes, headers) };
  if (zipped) {
    // A different encoding is a different representation: it gets its own validator.
    entry.gzip = representation(zipped, {
      ...headers,
      'content-length': String(zipped.byteLength),
      'content-encoding': 'gzip',
      etag: `${etag.slice(0, -1)}-gz"`,
    });
  }
  return entry;
}

function representation(body: Uint8Array<ArrayBuffer>, headers: Record<string, string>): Representation {
  const { 'content-length': _, 'content-type': __, 'content-encoding': ___, ...notModified } = headers;
  const flat = (h: Record<string, string>) => Object.entries(h).flat();
  return { body, headers, notModified, raw: flat(headers), rawNotModified: flat(notModified) };
}

export const JSON_TYPE = 'application/json; charset=utf-8';
export const HTML_TYPE = 'text/html; charset=utf-8';

/** What `respond` reads of a request: its headers. */
interface RequestHeaders {
  header(name: string): string | undefined;
}

/** The request headers that choose an entry's answer. */
export interface Conditions {
  acceptEncoding: string | undefined;
  ifNoneMatch: string | undefined;
  ifModifiedSince: string | undefined;
}

/** Which encoding of an entry to send, and whether the client's copy of it is current (a 304). */
export function answerFor(entry: Entry, c: Conditions): { variant: Representation; notModified: boolean } {
  const variant = entry.gzip && acceptsGzip(c.acceptEncoding) ? entry.gzip : entry;
  const fresh = c.ifNoneMatch
    ? etagMatches(c.ifNoneMatch, variant.headers.etag ?? '')
    : c.ifModifiedSince !== undefined && Date.parse(c.ifModifiedSince) >= Date.parse(entry.lastModified);
  return { variant, notModified: fresh && entry.status === 200 };
}

/** Answers from a cached entry, gzipped when the client accepts it, with a 304 when its copy is current. */
export function respond(entry: Entry, req: RequestHeaders): Response {
  const { variant, notModified } = answerFor(entry, {
    acceptEncoding: req.header('accept-encoding'),
    ifNoneMatch: req.header('if-none-match'),
    ifModifiedSince: req.header('if-modified-since'),
  });
  if (notModified)
    return builtWithBaseline(new Response(null, { status: 304, headers: variant.notModified }));
  return builtWithBaseline(new Response(variant.body, { status: entry.status, headers: variant.headers }));
}

/** `gzip` listed without `q=0` (`*` alone is not taken as a promise to decode gzip). */
function acceptsGzip(header: string | undefined): boolean {
  if (!header) return false;
  return header.split(',').some((part) => {
    const [coding = '', ...params] = part.trim().toLowerCase().split(';');
    return coding.trim() === 'gzip' && !params.some((p) => /^\s*q=0(\.0*)?\s*$/.test(p));
  });
}
