import { promisify } from 'node:util';
import { gzip, gzipSync } from 'node:zlib';
import { createTranslator } from '../../shared/i18n/index.ts';
import type { Config } from '../config.ts';
import type { Store } from '../platform/db.ts';
import { contentEtag, etagMatches } from '../platform/http/etag.ts';
import { BASELINE, builtWithBaseline, DEFAULT_OTHER_POLICY, PAGE_POLICY } from '../platform/http/headers.ts';
import { loadPageData, type PageData } from '../store/page-data.ts';
import { pageRevision } from '../store/page-state.ts';
import type { ViewContext } from '../views/context.ts';
import { renderHome } from '../views/home.ts';
import { barsAhead } from '../views/uptime-bar.ts';
import { V2Mapper } from './v2.ts';

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

export interface Snapshot {
  revision: number;
  builtAt: Date;
  data: PageData;
  /** The configured default language: the API's words, and the home page built with the snapshot. */
  locale: string;
  v2: V2Mapper;
  /** Built with the snapshot: the home page and every API v2 response. */
  entries: Map<string, Entry>;
  /** Built on first request (other languages' home pages, incident pages, history months), oldest first. */
  lazy: Map<string, Entry>;
}

/** Browsers and proxies may keep a copy but must ask again each time; a 304 makes that cheap. */
const CACHE_CONTROL = 'public, max-age=0, must-revalidate';
/** Pages show relative state (maintenance windows, today's bar), so they are rebuilt at least this often. */
const MAX_AGE_MS = 60_000;
/**
 * How often an instance checks whether another instance changed the shared database: one indexed
 * read of a single row, cheap enough to do four times a second so that another instance's write,
 * with the rebuild it causes, shows here within a second even under load.
 */
export const POLL_MS = 250;
/** Pages built on demand (incident pages, history months) kept per snapshot, most recent first. */
const MAX_LAZY_ENTRIES = 500;

const bytesOf = (body: string | Uint8Array<ArrayBuffer>) =>
  typeof body === 'string' ? Buffer.from(body) : body;
const needsGzip = (bytes: Uint8Array) => bytes.byteLength >= GZIP_MIN_BYTES;
const GZIP_LEVEL = { level: 9 };
const gzipOffLoop = promisify(gzip);

/** An entry for a body built on request (a page in another language, a badge), compressed at once. */
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

/**
 * An entry for the snapshot's own build, which readers must not wait for: the compression runs on
 * libuv's threads rather than on the event loop that serves them.
 */
async function entryOffLoop(body: string, contentType: string, lastModified: string): Promise<Entry> {
  const bytes = bytesOf(body);
  const zipped = needsGzip(bytes) ? new Uint8Array(await gzipOffLoop(bytes, GZIP_LEVEL)) : undefined;
  return entryOf(bytes, contentType, lastModified, 200, {}, zipped);
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

const JSON_TYPE = 'application/json; charset=utf-8';
const HTML_TYPE = 'text/html; charset=utf-8';

/** A turn of the event loop for the requests that arrived meanwhile: a build yields between its parts. */
export const readersTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The public page and API v2 are served from an in-memory snapshot of the database, rebuilt when a
 * write bumps the page revision (at once on this instance, within a second on others).
 */
export class Snapshots {
  private current: Snapshot | undefined;
  private building: Promise<Snapshot> | undefined;
  private queued: Promise<Snapshot> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;

  constructor(
    private readonly store: Store,
    private readonly config: Config,
  ) {}

  get snapshot(): Snapshot {
    if (!this.current) throw new Error('snapshot read before the first build');
    return this.current;
  }

  /** The snapshot, or undefined before the first build. */
  get latest(): Snapshot | undefined {
    return this.current;
  }

  /**
   * A snapshot that reflects every write made before the call. While a build is under way (it may
   * have read before the caller's write) exactly one more is queued, and every caller meanwhile
   * shares that one.
   */
  refresh(): Promise<Snapshot> {
    if (!this.building) return this.startBuild();
    this.queued ??= this.building
      .catch(() => undefined)
      .then(() => {
        this.queued = undefined;
        return this.startBuild();
      });
    return this.queued;
  }

  private startBuild(): Promise<Snapshot> {
    const build: Promise<Snapshot> = this.build().finally(() => {
      if (this.building === build) this.building = undefined;
    });
    this.building = build;
    return build;
  }

  /** Starts the poll that picks up other instances' writes and the clock's effect on pages. */
  start(): void {
    this.timer = setInterval(() => {
      void this.refreshIfStale().catch((err) => console.error('status snapshot refresh failed:', err));
    }, POLL_MS);
    this.timer.unref();
  }

  /** Stops polling and waits for a build under way, so the store can be closed after it. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.building?.catch(() => {});
  }

  private async refreshIfStale(): Promise<void> {
    if (this.building || this.stopped) return;
    const revision = await pageRevision(this.store.db);
    const current = this.current;
    if (this.stopped) return;
    if (!current || revision !== current.revision || Date.now() - current.builtAt.getTime() >= MAX_AGE_MS) {
      await this.refresh();
    }
  }

  /**
   * A page built on first request and kept until the next snapshot, keyed by language and path;
   * `build` returning undefined means 404.
   */
  async lazy(key: string, build: (s: Snapshot) => Promise<Entry | undefined>): Promise<Entry | undefined> {
    const s = this.snapshot;
    const hit = s.lazy.get(key);
    if (hit) return hit;
    const entry = await build(s);
    if (entry && s === this.current) keep(s, key, entry);
    return entry;
  }

  /** The home page in `locale`: the default language's is built with the snapshot, another on first request. */
  home(locale: string): Entry {
    const s = this.snapshot;
    const key = locale === s.locale ? '/' : `${locale} /`;
    const hit = s.entries.get(key) ?? s.lazy.get(key);
    if (hit) return hit;
    const entry = homeEntry(s.data, {
      config: this.config,
      t: createTranslator(locale),
      locale,
      now: s.builtAt,
      path: '/',
    });
    keep(s, key, entry);
    return entry;
  }

  /**
   * Reads the page's data and builds the home page and every API v2 answer from it. Readers are
   * served from the previous snapshot meanwhile, so the build yields to them between its parts and
   * compresses off the event loop: a status write during an outage, when everyone is reading, must
   * not hold up the readers for the whole build.
   */
  private async build(locale = this.config.defaultLocale): Promise<Snapshot> {
    const now = new Date();
    const data = await loadPageData(this.store.db, now, readersTurn);
    const t = createTranslator(locale);
    const v2 = new V2Mapper(data, this.config, t);
    const at = data.updatedAt;
    await readersTurn();
    const ctx = { config: this.config, t, locale, now, path: '/' };
    const bars = await barsAhead(data, ctx, readersTurn);
    const entries = new Map<string, Entry>([
      ['/', await entryOffLoop(renderHome(data, { ...ctx, bars }), HTML_TYPE, at)],
    ]);
    const answers: [string, () => unknown][] = [
      ['/api/v2/summary.json', () => v2.summary()],
      ['/api/v2/status.json', () => ({ page: v2.page, status: v2.status() })],
      ['/api/v2/components.json', () => ({ page: v2.page, components: v2.componentList() })],
      ['/api/v2/incidents.json', () => ({ page: v2.page, incidents: v2.incidents() })],
      [
        '/api/v2/incidents/unresolved.json',
        () => ({ page: v2.page, incidents: v2.unresolved().map((i) => v2.incident(i)) }),
      ],
      [
        '/api/v2/scheduled-maintenances.json',
        () => ({ page: v2.page, scheduled_maintenances: v2.maintenances('all') }),
      ],
      [
        '/api/v2/scheduled-maintenances/upcoming.json',
        () => ({ page: v2.page, scheduled_maintenances: v2.maintenances('upcoming') }),
      ],
      [
        '/api/v2/scheduled-maintenances/active.json',
        () => ({ page: v2.page, scheduled_maintenances: v2.maintenances('active') }),
      ],
    ];
    for (const [key, answer] of answers) {
      await readersTurn();
      entries.set(key, await entryOffLoop(JSON.stringify(answer()), JSON_TYPE, at));
    }
    const snapshot = { revision: data.revision, builtAt: now, data, locale, v2, entries, lazy: new Map() };
    this.current = snapshot;
    return snapshot;
  }
}

/** Keeps a page built on request in its snapshot, the oldest going first past the limit. */
function keep(s: Snapshot, key: string, entry: Entry): void {
  if (s.lazy.size >= MAX_LAZY_ENTRIES) s.lazy.delete(s.lazy.keys().next().value as string);
  s.lazy.set(key, entry);
}

function homeEntry(data: PageData, ctx: ViewContext): Entry {
  return makeEntry(renderHome(data, ctx), HTML_TYPE, data.updatedAt);
}

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
