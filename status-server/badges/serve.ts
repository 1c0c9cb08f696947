import type { Config } from '../config.ts';
import { type Entry, makeEntry } from '../snapshot/entries.ts';
import type { Snapshot, Snapshots } from '../snapshot/snapshots.ts';
import {
  type BadgeRefusal,
  type BadgeRequest,
  type BadgeTarget,
  decideBadge,
  readBadgeRequest,
  refusalColor,
  shieldsEndpoint,
  unknownComponent,
} from './badge.ts';
import { type BadgeStyle, renderBadge } from './svg.ts';

export type BadgeFormat = 'svg' | 'json';

const SVG = 'image/svg+xml; charset=utf-8';
const JSON_TYPE = 'application/json; charset=utf-8';

/**
 * An SVG is a document that can carry script: opened directly it must run none, load nothing and be
 * framed by nobody, so it gets the policy that allows nothing (its look is all attributes, no
 * `<style>`). `nosniff` and the other baseline headers come with every entry.
 */
export const BADGE_POLICY = "default-src 'none'; frame-ancestors 'none'; base-uri 'none'";

/**
 * A few seconds: image proxies (GitHub's camo) and browsers then keep a badge shown on a busy README
 * for that long instead of asking on every view, and it is never more than that behind the page,
 * which itself changes within a second of a write. Longer would show an outage late.
 */
export const BADGE_CACHE_CONTROL = 'public, max-age=10';

const policy = { 'content-security-policy': BADGE_POLICY };
const own = { ...policy, 'cache-control': BADGE_CACHE_CONTROL };

/**
 * Badges built on first request, per snapshot: they go with it (a new snapshot starts an empty map),
 * and are kept apart from the snapshot's pages so that any number of custom labels cannot push an
 * incident page out. Bounded, oldest first out.
 */
const built = new WeakMap<Snapshot, Map<string, Entry>>();
const MAX_BADGES_PER_SNAPSHOT = 1000;

/** The badges built for this snapshot so far, by normalised path and query (for tests and the bench). */
export function builtBadges(s: Snapshot): ReadonlyMap<string, Entry> {
  return built.get(s) ?? new Map();
}

function cached(s: Snapshot, key: string, build: () => Entry | undefined): Entry | undefined {
  let map = built.get(s);
  if (!map) {
    map = new Map();
    built.set(s, map);
  }
  const hit = map.get(key);
  if (hit) return hit;
  const entry = build();
  if (!entry) return undefined;
  if (map.size >= MAX_BADGES_PER_SNAPSHOT) map.delete(map.keys().next().value as string);
  map.set(key, entry);
  return entry;
}

/** A refused badge: an SVG badge saying why for `.svg`, the API's error shape for `.json`. Never cached (`no-store`). */
function refused(format: BadgeFormat, refusal: BadgeRefusal, style: BadgeStyle): Entry {
  const at = new Date().toISOString();
  const { status } = refusal.failure;
  if (format === 'json')
    return makeEntry(JSON.stringify(refusal.failure.body()), JSON_TYPE, at, status, policy);
  const svg = renderBadge({
    label: 'badge',
    message: refusal.text,
    color: refusalColor(refusal),
    style,
    locale: 'en',
  });
  return makeEntry(svg, SVG, at, status, policy);
}

/** Requests read so far, by path and query as sent: most badges are embedded with the same few URLs. */
const MAX_READ_REQUESTS = 1000;

/**
 * Badges from the current snapshot: no database work, and once a badge was built, two map lookups
 * (its URL as read before, its entry in the snapshot), about what `/api/v2/status.json` costs. The
 * entry is the badge, or the badge saying why there is none.
 */
export function badgeServer(snapshots: Snapshots, config: Config) {
  const read = new Map<string, BadgeRequest>();
  const readOnce = (path: string, url: string): BadgeRequest => {
    const q = url.indexOf('?');
    const raw = q < 0 ? path : `${path}${url.slice(q)}`;
    let wanted = read.get(raw);
    if (!wanted) {
      wanted = readBadgeRequest(
        path,
        new URLSearchParams(q < 0 ? '' : url.slice(q + 1)),
        config.defaultLocale,
      );
      // Any query is the client's to vary: past the bound, start again rather than grow.
      if (read.size >= MAX_READ_REQUESTS) read.clear();
      read.set(raw, wanted);
    }
    return wanted;
  };

  /** `url` is the one asked, with its query; the badge's own path follows from `format` and `target`. */
  return (format: BadgeFormat, target: BadgeTarget, url: string): Entry => {
    const wanted = readOnce(badgePath(format, target), url);
    if (!wanted.ok) return refused(format, wanted.refusal, wanted.style);
    const s = snapshots.snapshot;
    const entry = cached(s, wanted.key, () => {
      const badge = decideBadge(s, target, wanted.query, wanted.locale);
      if (!badge) return undefined;
      // An uptime figure moves with the clock, a status only with a write.
      const at = wanted.query.show === 'uptime' ? s.builtAt.toISOString() : s.data.updatedAt;
      return format === 'svg'
        ? makeEntry(renderBadge(badge), SVG, at, 200, own)
        : makeEntry(JSON.stringify(shieldsEndpoint(badge, badge.style !== 'flat')), JSON_TYPE, at, 200, own);
    });
    if (entry) return entry;
    const id = target.kind === 'component' ? target.id : '';
    return refused(format, unknownComponent(id), wanted.query.style);
  };
}

export type BadgeServer = ReturnType<typeof badgeServer>;

/** A badge's path, as the router takes it and as the badge's links and cache keys name it. */
export function badgePath(format: BadgeFormat, target: BadgeTarget): string {
  return target.kind === 'page'
    ? `/badge.${format}`
    : `/components/${encodeURIComponent(target.id)}/badge.${format}`;
}
