import { deserialize } from 'node:v8';
import { createTranslator } from '../../shared/i18n/index.ts';
import type { Config } from '../config.ts';
import type { Store } from '../platform/db.ts';
import type { PageData } from '../store/page-data.ts';
import { pageRevision } from '../store/page-state.ts';
import type { ViewContext } from '../views/context.ts';
import { renderHome } from '../views/home.ts';
import { type Built, homeKey } from './build.ts';
import { BuildThread } from './build-thread.ts';
import { type Entry, HTML_TYPE, makeEntry } from './entries.ts';
import { V2Mapper } from './v2.ts';

export interface Snapshot {
  revision: number;
  builtAt: Date;
  /** Read back from the build's copy on first use: the hot answers are built ahead and never need it. */
  readonly data: PageData;
  /** The configured default language: the API's words, and the home page built with the snapshot. */
  locale: string;
  readonly v2: V2Mapper;
  /** Built with the snapshot: the home page in each language asked so far, and every API v2 response. */
  entries: Map<string, Entry>;
  /** Built on first request (other languages' home pages, incident pages, history months), oldest first. */
  lazy: Map<string, Entry>;
}

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

/** A turn of the event loop for the requests that arrived meanwhile: a long load yields between its parts. */
export const readersTurn = () => new Promise<void>((resolve) => setImmediate(resolve));

/**
 * The public page and API v2 are served from an in-memory snapshot of the database, rebuilt when a
 * write bumps the page revision (at once on this instance, within a second on others). The build
 * runs on a thread of its own (build-thread.ts): a status write during an outage, when everyone is
 * reading, must not hold up the readers, who are served from the previous snapshot meanwhile.
 */
export class Snapshots {
  private current: Snapshot | undefined;
  private building: Promise<Snapshot> | undefined;
  private queued: Promise<Snapshot> | undefined;
  private timer: NodeJS.Timeout | undefined;
  private stopped = false;
  private readonly thread: BuildThread;
  /** Languages whose home page was asked for: each build makes them with the default one. */
  private readonly asked = new Set<string>();

  constructor(
    private readonly store: Store,
    private readonly config: Config,
  ) {
    this.thread = new BuildThread(config);
  }

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

  /** Stops polling, waits for a build under way and ends the build's thread, so the store can be closed after it. */
  async stop(): Promise<void> {
    this.stopped = true;
    clearInterval(this.timer);
    await this.building?.catch(() => {});
    await this.thread.stop();
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

  /**
   * The home page in `locale`: the default language's is built with every snapshot, another on its
   * first request and then with every snapshot after it.
   */
  home(locale: string): Entry {
    const s = this.snapshot;
    const key = homeKey(locale, s.locale);
    const hit = s.entries.get(key) ?? s.lazy.get(key);
    if (hit) return hit;
    this.asked.add(locale);
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

  private async build(): Promise<Snapshot> {
    const locale = this.config.defaultLocale;
    const built = await this.thread.build([locale, ...this.asked]);
    const snapshot = snapshotOf(built, locale, this.config);
    this.current = snapshot;
    return snapshot;
  }
}

/** A snapshot of a build, its data and API mapper read back from the build's copy on first use. */
function snapshotOf(built: Built, locale: string, config: Config): Snapshot {
  let data: PageData | undefined;
  let v2: V2Mapper | undefined;
  return {
    revision: built.revision,
    builtAt: new Date(built.builtAt),
    locale,
    entries: new Map(built.entries),
    lazy: new Map(),
    get data() {
      data ??= deserialize(built.data) as PageData;
      return data;
    },
    get v2() {
      v2 ??= new V2Mapper(this.data, config, createTranslator(locale));
      return v2;
    },
  };
}

/** Keeps a page built on request in its snapshot, the oldest going first past the limit. */
function keep(s: Snapshot, key: string, entry: Entry): void {
  if (s.lazy.size >= MAX_LAZY_ENTRIES) s.lazy.delete(s.lazy.keys().next().value as string);
  s.lazy.set(key, entry);
}

function homeEntry(data: PageData, ctx: ViewContext): Entry {
  return makeEntry(renderHome(data, ctx), HTML_TYPE, data.updatedAt);
}
