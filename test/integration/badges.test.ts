import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest';
import { z } from 'zod';
import { createTranslator } from '../../shared/i18n/index.ts';
import { apiError } from '../../shared/schemas/error.ts';
import type { ComponentStatus } from '../../shared/schemas/status.ts';
import { uptimeTone } from '../../status-server/badges/badge.ts';
import { BADGE_CACHE_CONTROL, BADGE_POLICY, builtBadges } from '../../status-server/badges/serve.ts';
import { type Badge, renderBadge } from '../../status-server/badges/svg.ts';
import { uptimeBars } from '../../status-server/domain/uptime.ts';
import { toneColors } from '../../status-server/views/colors.ts';
import { uptimePercent } from '../../status-server/views/uptime-bar.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

/**
 * shields.io's endpoint-badge schema as documented (https://shields.io/badges/endpoint-badge, and the
 * Joi schema in badges/shields services/endpoint-common.js): unknown keys are refused, `message` must
 * not be empty, colours are named or hex (with or without `#`).
 */
const shieldsColor = z
  .string()
  .regex(
    /^(#?([\da-f]{3}){1,2}|brightgreen|green|yellowgreen|yellow|orange|red|blue|lightgrey|grey|gray|lightgray|success|important|critical|informational|inactive)$/i,
  );
const shieldsEndpoint = z
  .strictObject({
    schemaVersion: z.literal(1),
    label: z.string(),
    message: z.string().min(1),
    color: shieldsColor.optional(),
    labelColor: shieldsColor.optional(),
    isError: z.boolean().optional(),
    namedLogo: z.string().optional(),
    logoSvg: z.string().optional(),
    logoColor: z.string().optional(),
    logoWidth: z.number().optional(),
    style: z.string().optional(),
    cacheSeconds: z.number().int().min(0).optional(),
  })
  .refine((b) => !(b.namedLogo && b.logoSvg), 'namedLogo or logoSvg, not both');

const statuses: Array<{ status: ComponentStatus; words: string; tone: keyof typeof toneColors }> = [
  { status: 'operational', words: 'operational', tone: 'none' },
  { status: 'degraded_performance', words: 'degraded performance', tone: 'minor' },
  { status: 'partial_outage', words: 'partial outage', tone: 'major' },
  { status: 'major_outage', words: 'major outage', tone: 'critical' },
  { status: 'under_maintenance', words: 'under maintenance', tone: 'maintenance' },
];

const badge = (b: Partial<Badge> & Pick<Badge, 'label' | 'message' | 'color'>): string =>
  renderBadge({ style: 'flat', locale: 'en', ...b });

describe.each(testDatabases())('status badges on $name', (database) => {
  let server: TestServer;
  let checkout: string;
  let search: string;

  beforeAll(async () => {
    server = await startTestServer(database);
    const create = async (name: string) =>
      (await (await server.admin('POST', '/components', { name })).json()).component.id as string;
    checkout = await create('Checkout');
    search = await create('Search');
  });
  afterAll(() => server.stop());

  const setStatus = async (id: string, status: ComponentStatus) => {
    expect((await server.admin('PATCH', `/components/${id}`, { status })).status).toBe(200);
  };
  const get = (path: string, headers: Record<string, string> = {}) => server.request(path, { headers });

  for (const { status, words, tone } of statuses) {
    it(`shows ${status} as "${words}" in its colour, for the component and the page`, async () => {
      await setStatus(checkout, status);
      const color = toneColors[tone];

      const svg = await get(`/components/${checkout}/badge.svg`);
      expect(svg.status).toBe(200);
      expect(await svg.text()).toBe(badge({ label: 'Checkout', message: words, color }));
      const json = await (await get(`/components/${checkout}/badge.json`)).json();
      expect(json).toEqual({ schemaVersion: 1, label: 'Checkout', message: words, color: color.slice(1) });
      expect(shieldsEndpoint.safeParse(json).success).toBe(true);

      // The page's overall status is the worst component's (Search stays operational).
      const page = await get('/badge.svg');
      expect(await page.text()).toBe(badge({ label: 'Acme Status', message: words, color }));
      const pageJson = await (await get('/badge.json')).json();
      expect(pageJson).toEqual({
        schemaVersion: 1,
        label: 'Acme Status',
        message: words,
        color: color.slice(1),
      });
      expect(shieldsEndpoint.safeParse(pageJson).success).toBe(true);

      const other = await (await get(`/components/${search}/badge.json`)).json();
      expect(other.message).toBe('operational');
    });
  }

  it("shows an unresolved incident's impact on the page badge, as the page's banner does", async () => {
    await setStatus(checkout, 'operational');
    const res = await server.admin('POST', '/incidents', {
      name: 'Slow search',
      impact: 'major',
      message: 'Looking.',
    });
    expect(res.status).toBe(201);
    const id = (await res.json()).incident.id as string;
    expect((await (await get('/api/v2/status.json')).json()).status.indicator).toBe('major');
    expect(await (await get('/badge.json')).json()).toMatchObject({
      message: 'partial outage',
      color: toneColors.major.slice(1),
    });
    expect((await server.admin('POST', `/incidents/${id}/resolve`, {})).status).toBe(200);
    expect((await (await get('/badge.json')).json()).message).toBe('operational');
  });

  it('draws each style, and says it in the JSON only when asked for', async () => {
    for (const style of ['flat', 'flat-square', 'for-the-badge'] as const) {
      const svg = await (await get(`/components/${checkout}/badge.svg?style=${style}`)).text();
      expect(svg).toBe(badge({ label: 'Checkout', message: 'operational', color: toneColors.none, style }));
      const json = await (await get(`/components/${checkout}/badge.json?style=${style}`)).json();
      expect(shieldsEndpoint.safeParse(json).success).toBe(true);
      expect(json.style).toBe(style === 'flat' ? undefined : style);
    }
  });

  it('replaces the label with ?label=, trimmed, without control characters, escaped, at most 40 characters', async () => {
    const label = '  <script>alert("x")</script>&\u0007\u202e ';
    const cleaned = '<script>alert("x")</script>&';
    const res = await get(`/badge.svg?label=${encodeURIComponent(label)}`);
    expect(res.status).toBe(200);
    const svg = await res.text();
    expect(svg).toBe(badge({ label: cleaned, message: 'operational', color: toneColors.none }));
    expect(svg).not.toContain('<script');
    expect(svg).toMatch(/&(lt|#60);script&(gt|#62);/);
    const json = await (await get(`/badge.json?label=${encodeURIComponent(label)}`)).json();
    expect(json.label).toBe(cleaned);

    // Forty characters are counted as people see them: Cyrillic and emoji are one each.
    const forty = `${'Ж'.repeat(38)}😀x`;
    expect((await get(`/badge.json?label=${encodeURIComponent(forty)}`)).status).toBe(200);
    const tooLong = await get(`/badge.json?label=${encodeURIComponent(`${forty}y`)}`);
    expect(tooLong.status).toBe(400);
    const body = apiError.parse(await tooLong.json());
    expect(body.error.issues).toEqual([{ path: 'label', message: 'must be at most 40 characters' }]);
    const tooLongSvg = await get(`/badge.svg?label=${'a'.repeat(41)}`);
    expect(tooLongSvg.status).toBe(400);
    expect(await tooLongSvg.text()).toBe(
      badge({ label: 'badge', message: 'label must be at most 40 characters', color: toneColors.critical }),
    );

    // An empty label is no label: the default one.
    expect((await (await get('/badge.json?label=%20')).json()).label).toBe('Acme Status');
  });

  it('speaks the language ?lang= names, else the default, never Accept-Language', async () => {
    for (const locale of ['cs', 'ru', 'uk']) {
      const words = createTranslator(locale)('component.status.operational').toLocaleLowerCase(locale);
      const svg = await (await get(`/components/${checkout}/badge.svg?lang=${locale}`)).text();
      expect(svg).toBe(badge({ label: 'Checkout', message: words, color: toneColors.none, locale }));
      expect((await (await get(`/badge.json?lang=${locale}`)).json()).message).toBe(words);
    }
    const viewer = await get('/badge.json', { 'accept-language': 'ru', cookie: 'lang=cs' });
    expect((await viewer.json()).message).toBe('operational');
    expect(viewer.headers.get('vary')).toBe('Accept-Encoding');
    expect((await (await get('/badge.json?lang=xx')).json()).message).toBe('operational');
    // A badge remembers no language: it is an image in somebody else's page.
    expect((await get('/badge.svg?lang=cs')).headers.get('set-cookie')).toBeNull();
  });

  it('refuses an unknown component, bad days, style or show clearly, in each format', async () => {
    const cases = [
      { path: '/components/zzzzzzzzzzzz/badge', status: 404, text: 'unknown component', code: 'not_found' },
      { path: '/components/NOT-AN-ID/badge', status: 404, text: 'unknown component', code: 'not_found' },
      { path: '/badge', query: '?show=uptime&days=2', status: 400, text: 'days must be 1, 7, 30 or 90' },
      {
        path: '/badge',
        query: '?style=plastic',
        status: 400,
        text: 'style must be flat, flat-square or for-the-badge',
      },
      { path: '/badge', query: '?show=latency', status: 400, text: 'show must be status or uptime' },
    ];
    for (const c of cases) {
      const svg = await get(`${c.path}.svg${c.query ?? ''}`);
      expect(svg.status, c.text).toBe(c.status);
      expect(svg.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
      expect(svg.headers.get('content-security-policy')).toBe(BADGE_POLICY);
      expect(svg.headers.get('x-content-type-options')).toBe('nosniff');
      expect(svg.headers.get('cache-control')).toBe('no-store');
      const color = c.status === 404 ? toneColors.neutral : toneColors.critical;
      expect(await svg.text()).toBe(badge({ label: 'badge', message: c.text, color }));

      const json = await get(`${c.path}.json${c.query ?? ''}`);
      expect(json.status).toBe(c.status);
      expect(json.headers.get('content-type')).toBe('application/json; charset=utf-8');
      const body = apiError.parse(await json.json());
      expect(body.error.code).toBe(c.code ?? 'invalid_request');
      if (c.status === 400) expect(body.error.issues?.map((i) => `${i.path} ${i.message}`)).toEqual([c.text]);
      else expect(body.error.message).toMatch(/^no component with id /);
    }
    // A wrong parameter still draws the refusal in the style asked for, when that one is right.
    const styled = await get('/badge.svg?style=for-the-badge&days=5');
    expect(await styled.text()).toBe(
      badge({
        label: 'badge',
        message: 'days must be 1, 7, 30 or 90',
        color: toneColors.critical,
        style: 'for-the-badge',
      }),
    );
    // Parameters it does not know (a README's cache-buster) are no error.
    expect((await get('/badge.svg?v=2&utm_source=readme')).status).toBe(200);
  });

  it('sends an SVG that can run nothing, cached a few seconds, with an ETag and 304', async () => {
    for (const path of ['/badge.svg', `/components/${checkout}/badge.svg`, '/badge.svg?show=uptime&days=7']) {
      const res = await get(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('image/svg+xml; charset=utf-8');
      // Exactly the badge's policy: the baseline layer's policy does not replace it, nor add to it.
      expect(res.headers.get('content-security-policy')).toBe(BADGE_POLICY);
      expect(BADGE_POLICY).toMatch(/^default-src 'none';/);
      expect(BADGE_POLICY).not.toContain('unsafe');
      expect(res.headers.get('x-content-type-options')).toBe('nosniff');
      expect(res.headers.get('cache-control')).toBe(BADGE_CACHE_CONTROL);
      expect(BADGE_CACHE_CONTROL).toBe('public, max-age=10');
      const etag = res.headers.get('etag') as string;
      expect(etag).toMatch(/^"[\w-]{22}"$/);
      const again = await get(path, { 'if-none-match': etag });
      expect(again.status).toBe(304);
      expect(await again.text()).toBe('');
      expect(again.headers.get('cache-control')).toBe(BADGE_CACHE_CONTROL);
    }
    const json = await get('/badge.json');
    expect(json.headers.get('access-control-allow-origin')).toBe('*');
    expect(json.headers.get('content-security-policy')).toBe(BADGE_POLICY);
    expect(json.headers.get('cache-control')).toBe(BADGE_CACHE_CONTROL);
    expect((await get('/badge.json', { 'if-none-match': json.headers.get('etag') as string })).status).toBe(
      304,
    );
  });

  it('serves badges from the snapshot: built once, then no database work per request', async () => {
    await server.snapshots.refresh();
    const s = server.snapshots.snapshot;
    const first = await get('/badge.svg?style=flat-square&v=1');
    const entry = builtBadges(s).get('/badge.svg?style=flat-square');
    expect(entry).toBeDefined();

    const executor = server.store.db.getExecutor();
    const spy = vi.spyOn(executor, 'executeQuery');
    try {
      // The spy sees every query the store runs…
      await server.store.db.selectFrom('components').select('id').execute();
      expect(spy.mock.calls.some(([q]) => /components/.test(q.sql))).toBe(true);
      spy.mockClear();
      for (let i = 0; i < 5; i++) {
        const res = await get(`/badge.svg?style=flat-square&v=${i}`);
        expect(res.headers.get('etag')).toBe(first.headers.get('etag'));
        await get(`/components/${checkout}/badge.json?show=uptime&days=30`);
      }
      // The poll for other instances' writes reads the page revision each second; nothing else runs.
      const queries = spy.mock.calls.map(([q]) => q.sql).filter((sql) => !/page_state/.test(sql));
      expect(queries).toEqual([]);
    } finally {
      spy.mockRestore();
    }
    expect(builtBadges(s).get('/badge.svg?style=flat-square')).toBe(entry);
    expect(server.snapshots.snapshot).toBe(s);

    // A new snapshot starts afresh: its badges are built from its own data.
    await setStatus(checkout, 'degraded_performance');
    expect(server.snapshots.snapshot).not.toBe(s);
    expect(builtBadges(server.snapshots.snapshot).size).toBe(0);
    const changed = await get('/badge.svg?style=flat-square');
    expect(changed.headers.get('etag')).not.toBe(first.headers.get('etag'));
    await setStatus(checkout, 'operational');
  });
});

describe.each(testDatabases())('uptime badges on $name', (database) => {
  let server: TestServer;
  let history: string;
  let fresh: string;
  const HOUR = 3_600_000;
  const DAY = 24 * HOUR;

  beforeAll(async () => {
    // The page's default language is Ukrainian: the badges speak it unless asked otherwise.
    server = await startTestServer(database, { SNAPDESK_DEFAULT_LOCALE: 'uk' });
    const create = async (name: string) =>
      (await (await server.admin('POST', '/components', { name })).json()).component.id as string;
    history = await create('History');
    fresh = await create('Fresh');
    // History: up since 20 days ago, but for six hours of major outage five days ago.
    const now = Date.now();
    const at = (ms: number) => new Date(now - ms).toISOString();
    await server.store.db
      .insertInto('component_status_changes')
      .values([
        { id: 'hist00000001', component_id: history, status: 'operational', at: at(20 * DAY) },
        { id: 'hist00000002', component_id: history, status: 'major_outage', at: at(5 * DAY) },
        { id: 'hist00000003', component_id: history, status: 'operational', at: at(5 * DAY - 6 * HOUR) },
      ])
      .execute();
    await server.snapshots.refresh();
  });
  afterAll(() => server.stop());

  /** A percentage as a number, whatever the language's separators ("99,72 %", "99.72%"). */
  const percentOf = (text: string) => {
    const m = /(\d+(?:[.,]\d+)?)\s?%/.exec(text.replace(/\u00a0|\u202f/g, ' '));
    if (!m) throw new Error(`no percentage in ${text}`);
    return Number((m[1] as string).replace(',', '.'));
  };
  const badgeJson = async (path: string) => {
    const res = await server.request(path);
    expect(res.status).toBe(200);
    const json = await res.json();
    expect(shieldsEndpoint.safeParse(json).success).toBe(true);
    return json as { label: string; message: string; color: string };
  };

  it("shows over 90 days the very figure under the component's bar on the page", async () => {
    const html = await (await server.request('/')).text();
    const t = createTranslator('uk');
    const onPage = [...html.matchAll(/<span class="pct">([^<]*)<\/span>/g)].map((m) => m[1] as string);
    expect(onPage).toHaveLength(2);
    // Components are listed in the order they were created: History first.
    const json = await badgeJson(`/components/${history}/badge.json?show=uptime&days=90`);
    expect(percentOf(json.message)).toBe(percentOf(onPage[0] as string));
    expect(percentOf(json.message)).toBe(98.75);
    // In the page's language and its number format, which is Intl's for Ukrainian.
    expect(json.message).toBe(
      new Intl.NumberFormat('uk', { style: 'percent', maximumFractionDigits: 2 }).format(0.9875),
    );
    expect(onPage[0]).toBe(t('uptime.percent', { percent: '98,75' }));
    // Coloured by the figure: 98.75 % is below 99, a partial outage's colour.
    expect(json.color).toBe(toneColors[uptimeTone(98.75)].slice(1));
    expect(json.color).toBe(toneColors.major.slice(1));
    expect(json.label).toBe('History');
    // 90 days is the default window.
    expect((await badgeJson(`/components/${history}/badge.json?show=uptime`)).message).toBe(json.message);
  });

  it('shows 1, 7 and 30 days as the bar function computes them over that window', async () => {
    const s = server.snapshots.snapshot;
    const changes = s.data.statusChanges.get(history) ?? [];
    const todayStart = Math.floor(s.builtAt.getTime() / DAY) * DAY;
    const sinceToday = s.builtAt.getTime() - todayStart;
    const expected: Record<string, number> = {
      '1': 1,
      // Six hours down in the six whole days before today and today so far.
      '7': 1 - (6 * HOUR) / (6 * DAY + sinceToday),
      '30': 1 - (6 * HOUR) / (20 * DAY),
    };
    for (const days of ['1', '7', '30', '90']) {
      const json = await badgeJson(`/components/${history}/badge.json?show=uptime&days=${days}&lang=en`);
      const share = uptimeBars(changes, s.builtAt, Number(days)).uptime as number;
      expect(json.message).toBe(
        new Intl.NumberFormat('en', { style: 'percent', maximumFractionDigits: 2 }).format(
          uptimePercent(share) / 100,
        ),
      );
      if (expected[days] !== undefined) expect(share).toBeCloseTo(expected[days] as number, 9);
      expect(json.color).toBe(toneColors[uptimeTone(uptimePercent(share))].slice(1));
    }
    expect((await badgeJson(`/components/${history}/badge.json?show=uptime&days=1&lang=en`)).message).toBe(
      '100%',
    );
  });

  it("gives the whole page the mean of its components' figures", async () => {
    // Fresh has been up since it was created: 100 %; History 98.75 % over 30 days.
    const json = await badgeJson('/badge.json?show=uptime&days=30&lang=en');
    expect(json.message).toBe('99.37%');
    expect(json.label).toBe('Acme Status');
    // 99.37 % is below 99.9 and at least 99: the degraded colour.
    expect(json.color).toBe(toneColors.minor.slice(1));
    const today = await badgeJson('/badge.json?show=uptime&days=1&lang=en');
    expect(today).toMatchObject({ message: '100%', color: toneColors.none.slice(1) });
    const svg = await (await server.request('/badge.svg?show=uptime&days=30&lang=en')).text();
    expect(svg).toBe(badge({ label: 'Acme Status', message: '99.37%', color: toneColors.minor }));
    expect(fresh).toBeTruthy();
  });

  it("speaks the page's default language when no ?lang= is given", async () => {
    const words = createTranslator('uk')('component.status.operational').toLocaleLowerCase('uk');
    expect((await badgeJson(`/components/${fresh}/badge.json`)).message).toBe(words);
  });
});

describe.skip.each(skippedDatabases())('status badges on %s', () => {
  it('needs PostgreSQL', () => {});
});
