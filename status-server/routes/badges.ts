import { Hono } from 'hono';
import type { BadgeFormat, BadgeServer } from '../badges/serve.ts';
import { respond } from '../snapshot/entries.ts';

/**
 * Status badges for READMEs, intranets and dashboards: the whole page's and each component's, as an
 * SVG image or as shields.io's endpoint JSON (`https://img.shields.io/endpoint?url=…`). Public, from
 * the same snapshot as the page.
 */
export function badgeRoutes(serveBadge: BadgeServer) {
  const page =
    (format: BadgeFormat) => (c: { req: { url: string; header(n: string): string | undefined } }) =>
      respond(serveBadge(format, { kind: 'page' }, c.req.url), c.req);
  const component =
    (format: BadgeFormat) =>
    (c: { req: { url: string; param(n: 'id'): string; header(n: string): string | undefined } }) =>
      respond(serveBadge(format, { kind: 'component', id: c.req.param('id') }, c.req.url), c.req);
  return new Hono()
    .get('/badge.svg', page('svg'))
    .get('/badge.json', page('json'))
    .get('/components/:id/badge.svg', component('svg'))
    .get('/components/:id/badge.json', component('json'));
}
