import { Hono } from 'hono';
import { type BadgeFormat, badgeServer } from '../badges/serve.ts';
import type { Config } from '../config.ts';
import type { Snapshots } from '../snapshot/snapshots.ts';

/**
 * Status badges for READMEs, intranets and dashboards: the whole page's and each component's, as an
 * SVG image or as shields.io's endpoint JSON (`https://img.shields.io/endpoint?url=…`). Public, from
 * the same snapshot as the page.
 */
export function badgeRoutes({ snapshots, config }: { snapshots: Snapshots; config: Config }) {
  const serveBadge = badgeServer(snapshots, config);
  const page =
    (format: BadgeFormat) => (c: { req: { url: string; header(n: string): string | undefined } }) =>
      serveBadge(format, { kind: 'page' }, `/badge.${format}`, c.req);
  const component =
    (format: BadgeFormat) =>
    (c: { req: { url: string; param(n: 'id'): string; header(n: string): string | undefined } }) => {
      const id = c.req.param('id');
      return serveBadge(
        format,
        { kind: 'component', id },
        `/components/${encodeURIComponent(id)}/badge.${format}`,
        c.req,
      );
    };
  return new Hono()
    .get('/badge.svg', page('svg'))
    .get('/badge.json', page('json'))
    .get('/components/:id/badge.svg', component('svg'))
    .get('/components/:id/badge.json', component('json'));
}
