import { z } from 'zod';
import { createTranslator, localeFor } from '../../shared/i18n/index.ts';
import type { ComponentStatus, StatusIndicator } from '../../shared/schemas/status.ts';
import { uptimeBars } from '../domain/uptime.ts';
import { type ApiFailure, invalidFromZod, notFound } from '../platform/http/errors.ts';
import type { Snapshot } from '../snapshot/snapshots.ts';
import { toneColors } from '../views/colors.ts';
import { componentStatusLabel, componentTone } from '../views/labels.ts';
import { uptimePercent } from '../views/uptime-bar.ts';
import { type Badge, type BadgeStyle, badgeStyles } from './svg.ts';

/** The windows an uptime badge may cover, in UTC days ending today, as the page's bar counts them. */
export const badgeDays = ['1', '7', '30', '90'] as const;
/** A label longer than this would make a badge wider than anyone embeds one. */
export const MAX_LABEL_CHARS = 40;

/** Control characters, and the bidi controls that would let a label reorder the text after it. */
const UNWANTED = /[\p{Cc}\u202a-\u202e\u2066-\u2069]/gu;

/**
 * The query a badge takes. Parameters it does not know are ignored (READMEs add `?v=2` to get past
 * an image proxy's cache), so they are neither errors nor a reason to build another copy.
 */
export const badgeQuery = z.object({
  show: z.enum(['status', 'uptime'], { error: 'must be status or uptime' }).default('status'),
  days: z.enum(badgeDays, { error: 'must be 1, 7, 30 or 90' }).default('90'),
  style: z
    .enum(badgeStyles as [BadgeStyle, ...BadgeStyle[]], {
      error: 'must be flat, flat-square or for-the-badge',
    })
    .default('flat'),
  label: z
    .string()
    .transform((s) => s.replace(UNWANTED, '').trim())
    .refine((s) => Array.from(s).length <= MAX_LABEL_CHARS, `must be at most ${MAX_LABEL_CHARS} characters`)
    .optional(),
  lang: z.string().optional(),
});
export type BadgeQuery = z.infer<typeof badgeQuery>;

export const badgeParams = ['show', 'days', 'style', 'label', 'lang'] as const;

/** What a badge shows: the page's overall status, or one component's. */
export type BadgeTarget = { kind: 'page' } | { kind: 'component'; id: string };

/** A request that cannot be answered with a badge: the API's error, and the badge's words for it. */
export interface BadgeRefusal {
  failure: ApiFailure;
  /** Short enough for a badge's right half. */
  text: string;
}

/** A badge request as read from the URL: valid and normalised, or refused. */
export type BadgeRequest =
  | { ok: true; query: BadgeQuery; locale: string; key: string }
  | { ok: false; refusal: BadgeRefusal; style: BadgeStyle };

/**
 * Reads a badge's parameters (the first value of each) and names the copy it is: only the known
 * parameters, in a fixed order, each only where it changes the badge, so equal badges share one copy.
 * The language is `?lang=` or the page's default, never `Accept-Language`: a badge is an image in
 * someone else's page, fetched with each viewer's headers, and must read the same for all of them
 * (and an image proxy such as GitHub's caches one copy for everybody). A language we lack is no error.
 */
export function readBadgeRequest(path: string, params: URLSearchParams, defaultLocale: string): BadgeRequest {
  const raw: Record<string, string> = {};
  for (const name of badgeParams) {
    const value = params.get(name);
    if (value !== null) raw[name] = value;
  }
  const parsed = badgeQuery.safeParse(raw);
  if (!parsed.success) {
    const failure = invalidFromZod(parsed.error);
    const first = failure.issues?.[0];
    const style = badgeStyles.find((s) => s === raw.style) ?? 'flat';
    return {
      ok: false,
      style,
      refusal: { failure, text: first ? `${first.path} ${first.message}` : 'invalid' },
    };
  }
  const query = parsed.data;
  const locale = query.lang ? localeFor({ query: query.lang }, defaultLocale) : defaultLocale;
  const key = new URLSearchParams();
  if (query.show === 'uptime') {
    key.set('show', 'uptime');
    key.set('days', query.days);
  }
  if (query.style !== 'flat') key.set('style', query.style);
  if (query.label) key.set('label', query.label);
  if (locale !== defaultLocale) key.set('lang', locale);
  return { ok: true, query, locale, key: key.size ? `${path}?${key}` : path };
}

/** The refusal of a badge for a component the page does not have. */
export const unknownComponent = (id: string): BadgeRefusal => ({
  failure: notFound('component', id),
  text: 'unknown component',
});

/** The component words for the page's overall indicator, so both badges speak the same five words. */
const indicatorStatus: Record<StatusIndicator, ComponentStatus> = {
  none: 'operational',
  minor: 'degraded_performance',
  major: 'partial_outage',
  critical: 'major_outage',
  maintenance: 'under_maintenance',
};

const percentFormats = new Map<string, Intl.NumberFormat>();
function percentFormat(locale: string): Intl.NumberFormat {
  let f = percentFormats.get(locale);
  if (!f) {
    f = new Intl.NumberFormat(locale, { style: 'percent', maximumFractionDigits: 2 });
    percentFormats.set(locale, f);
  }
  return f;
}

/**
 * The badge for `target` from the snapshot: undefined if the component is not on the page.
 *
 * - Status: the page's overall indicator (the banner's: the worst of every component's status and
 *   every unresolved incident's impact) or the component's status, in the catalogue's words for
 *   components, lower-cased as badges are, coloured as the page colours it.
 * - Uptime: `uptimeBars` over the last `days` UTC days, the very function and clock (the snapshot's)
 *   the page's 90-day bar uses, rounded down to hundredths as the page rounds it. The whole page's
 *   figure is the mean of its components' figures (each component counts once, as each has one bar
 *   on the page; the page shows no figure of its own). Coloured by the figure, in the page's
 *   colours (see `uptimeTone`).
 */
export function decideBadge(
  s: Snapshot,
  target: BadgeTarget,
  query: BadgeQuery,
  locale: string,
): Badge | undefined {
  const { data } = s;
  const component = target.kind === 'component' ? data.components.find((c) => c.id === target.id) : undefined;
  if (target.kind === 'component' && !component) return undefined;
  const components = component ? [component] : data.components;
  const label = query.label || (component ? component.name : s.v2.page.name);
  const t = createTranslator(locale);

  if (query.show === 'uptime') {
    const days = Number(query.days);
    const shares: number[] = [];
    for (const c of components) {
      const bars = uptimeBars(data.statusChanges.get(c.id) ?? [], s.builtAt, days);
      if (bars.uptime !== null) shares.push(bars.uptime);
    }
    if (!shares.length)
      return { label, message: t('uptime.noData'), color: toneColors.neutral, style: query.style, locale };
    const percent = uptimePercent(shares.reduce((a, b) => a + b, 0) / shares.length);
    const message = percentFormat(locale).format(percent / 100);
    return { label, message, color: toneColors[uptimeTone(percent)], style: query.style, locale };
  }

  const status = component ? component.status : indicatorStatus[s.v2.status().indicator];
  return {
    label,
    message: componentStatusLabel(t, status).toLocaleLowerCase(locale),
    color: toneColors[componentTone(status)],
    style: query.style,
    locale,
  };
}

/** shields.io's endpoint-badge JSON (https://shields.io/badges/endpoint-badge): colour as hex without `#`. */
export interface ShieldsEndpoint {
  schemaVersion: 1;
  label: string;
  message: string;
  color: string;
  style?: BadgeStyle;
}

export function shieldsEndpoint(badge: Badge, styled: boolean): ShieldsEndpoint {
  return {
    schemaVersion: 1,
    label: badge.label,
    message: badge.message,
    color: badge.color.replace(/^#/, ''),
    // Only when asked for: shields.io draws its own default otherwise, and its `?style=` still wins.
    ...(styled ? { style: badge.style } : {}),
  };
}

/** The colours of a refused badge: grey for a badge that names nothing, red for a wrong parameter. */
export const refusalColor = (r: BadgeRefusal): string =>
  r.failure.status === 404 ? toneColors.neutral : toneColors.critical;

/**
 * An uptime figure's colour, read as how good it is: green from 99.9 %, then the page's colours for
 * degraded (99 %), partial (95 %) and major outages below. Not the worst day in the window: one bad
 * hour would paint a 90-day badge red for three months.
 */
export function uptimeTone(percent: number): StatusIndicator {
  if (percent >= 99.9) return 'none';
  if (percent >= 99) return 'minor';
  if (percent >= 95) return 'major';
  return 'critical';
}
