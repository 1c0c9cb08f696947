import { describe, expect, it } from 'vitest';
import { createTranslator } from '../../shared/i18n/index.ts';
import type { ComponentStatus } from '../../shared/schemas/status.ts';
import type { Config } from '../../status-server/config.ts';
import type { StatusChange } from '../../status-server/domain/uptime.ts';
import type {
  ComponentRecord,
  GroupRecord,
  IncidentRecord,
  PageData,
  UpdateRecord,
} from '../../status-server/store/page-data.ts';
import type { ViewContext } from '../../status-server/views/context.ts';
import { renderHistory } from '../../status-server/views/history.ts';
import { renderHome } from '../../status-server/views/home.ts';
import { renderIncident } from '../../status-server/views/incident.ts';
import { renderNotFound } from '../../status-server/views/not-found.ts';

const now = new Date('2025-06-15T12:00:00Z');
const hoursAgo = (h: number) => new Date(now.getTime() - h * 3_600_000).toISOString();
const daysAgo = (d: number) => hoursAgo(d * 24);

function context(timeZone = 'Etc/UTC'): ViewContext {
  const config = { pageName: 'Acme Status', publicUrl: 'https://status.example.com', timeZone } as Config;
  return { config, t: createTranslator('en'), locale: 'en', now, path: '/' };
}

let seq = 0;
const nextId = (prefix: string) => `${prefix}${String(++seq).padStart(12 - prefix.length, '0')}`;

function component(name: string, over: Partial<ComponentRecord> = {}): ComponentRecord {
  return {
    id: nextId('c'),
    group_id: null,
    name,
    description: null,
    status: 'operational',
    position: 0,
    only_show_if_degraded: 0,
    showcase: 1,
    created_at: daysAgo(400),
    updated_at: daysAgo(1),
    hosts: [],
    ...over,
  };
}

function group(name: string, position: number): GroupRecord {
  return {
    id: nextId('g'),
    name,
    description: null,
    position,
    created_at: daysAgo(400),
    updated_at: daysAgo(1),
  };
}

function update(status: UpdateRecord['status'], body: string, at: string): UpdateRecord {
  return { id: nextId('u'), incident_id: '', status, body, affected_components: null, created_at: at };
}

function incident(over: Partial<IncidentRecord> = {}): IncidentRecord {
  return {
    id: nextId('i'),
    kind: 'incident',
    name: 'Elevated error rates',
    status: 'investigating',
    impact: 'minor',
    started_at: hoursAgo(3),
    created_at: hoursAgo(3),
    updated_at: hoursAgo(1),
    monitoring_at: null,
    resolved_at: null,
    scheduled_for: null,
    scheduled_until: null,
    updates: [],
    component_ids: [],
    ...over,
  };
}

function page(over: Partial<PageData> = {}): PageData {
  const components = over.components ?? [component('API')];
  const statusChanges = new Map<string, StatusChange[]>(
    components.map((c) => [c.id, [{ status: c.status as ComponentStatus, at: c.created_at }]]),
  );
  return {
    revision: 1,
    updatedAt: hoursAgo(1),
    groups: [],
    components,
    incidents: [],
    maintenances: [],
    statusChanges,
    ...over,
  };
}

const bannerText = (doc: string) => /<h1 class="banner[^"]*">.*?<span>([^<]*)<\/span><\/h1>/s.exec(doc)?.[1];

/** The day elements of the uptime bar of the component with this name. */
function barDays(doc: string, name: string): string[] {
  const bar = new RegExp(`<div class="bar" role="img" aria-label="${name}, [^"]*">(.*?)</div>`, 's').exec(
    doc,
  );
  return bar?.[1]?.match(/<i[^>]*><\/i>/g) ?? [];
}

describe('home page', () => {
  it('says all systems are operational when nothing is wrong', () => {
    expect(bannerText(renderHome(page(), context()))).toBe('All Systems Operational');
  });

  it('shows the worst component status in the banner', () => {
    const data = page({
      components: [
        component('API', { status: 'degraded_performance' }),
        component('Web', { status: 'major_outage' }),
        component('CDN', { status: 'partial_outage' }),
      ],
    });
    const doc = renderHome(data, context());
    expect(bannerText(doc)).toBe('Major Service Outage');
    expect(doc).toContain('<h1 class="banner tone-critical">');
  });

  it('lets an unresolved incident raise the banner before any component is marked down', () => {
    const active = incident({ impact: 'major' });
    const resolved = incident({ impact: 'critical', status: 'resolved', resolved_at: hoursAgo(1) });
    const doc = renderHome(page({ incidents: [active, resolved] }), context());
    expect(bannerText(doc)).toBe('Partial System Outage');
  });

  it('lists an active incident with its updates newest first, escaping what staff typed', () => {
    const active = incident({
      name: '<script>alert(1)</script> checkout down',
      impact: 'major',
      updates: [
        update('investigating', 'First we looked <b>closely</b>.', hoursAgo(3)),
        update('monitoring', 'Then a **fix** went out.', hoursAgo(1)),
        update('identified', 'We found the cause.', hoursAgo(2)),
      ],
    });
    const doc = renderHome(page({ incidents: [active] }), context());

    expect(doc).toContain('&lt;script&gt;alert(1)&lt;/script&gt; checkout down');
    expect(doc).toContain(`<a href="/incidents/${active.id}">`);
    expect(doc).toContain('First we looked &lt;b&gt;closely&lt;/b&gt;.');
    expect(doc).toContain('Then a <strong>fix</strong> went out.');
    const order = ['Monitoring', 'Identified', 'Investigating'].map((label) =>
      doc.indexOf(`<strong>${label}</strong>`),
    );
    expect(order.every((at) => at > 0)).toBe(true);
    expect(order).toEqual([...order].sort((a, b) => a - b));
    expect(doc).toContain('Major impact');
  });

  it('leaves resolved incidents off the home page', () => {
    const resolved = incident({ name: 'Old trouble', status: 'resolved', resolved_at: hoursAgo(1) });
    expect(renderHome(page({ incidents: [resolved] }), context())).not.toContain('Old trouble');
  });

  it('shows upcoming maintenance with its window but not completed maintenance', () => {
    const upcoming = incident({
      kind: 'maintenance',
      name: 'Database upgrade',
      impact: 'maintenance',
      status: 'scheduled',
      scheduled_for: '2025-06-20T08:00:00Z',
      scheduled_until: '2025-06-20T10:00:00Z',
    });
    const done = incident({
      kind: 'maintenance',
      name: 'Past work',
      impact: 'maintenance',
      status: 'completed',
    });
    const doc = renderHome(page({ maintenances: [upcoming, done] }), context());
    expect(doc).toContain('Database upgrade');
    expect(doc).toContain(
      'Scheduled for <time datetime="2025-06-20T08:00:00.000Z">Jun 20, 8:00 AM UTC</time> – <time datetime="2025-06-20T10:00:00.000Z">10:00 AM UTC</time>',
    );
    expect(doc).not.toContain('Past work');
  });

  it('hides an only-if-degraded component while it is operational and shows it once it is not', () => {
    const quiet = component('Email relay', { only_show_if_degraded: 1 });
    const troubled = component('SMS relay', { only_show_if_degraded: 1, status: 'partial_outage' });
    const doc = renderHome(page({ components: [component('API'), quiet, troubled] }), context());
    expect(doc).not.toContain('Email relay');
    expect(doc).toContain('SMS relay');
  });

  it('states each component status in words, not only in colour', () => {
    const doc = renderHome(
      page({ components: [component('API', { status: 'degraded_performance' })] }),
      context(),
    );
    expect(doc).toMatch(
      /<h3 class="name">API<\/h3><p class="status tone-minor">.*<span>Degraded performance<\/span>/,
    );
  });

  it('orders groups by position and leaves out a group with nothing to show', () => {
    const web = group('Web apps', 2);
    const infra = group('Infrastructure', 1);
    const empty = group('Internal', 0);
    const components = [
      component('Website', { group_id: web.id }),
      component('CDN', { group_id: infra.id }),
      component('Ledger', { group_id: empty.id, only_show_if_degraded: 1 }),
    ];
    const doc = renderHome(page({ groups: [web, infra, empty], components }), context());
    expect(doc.indexOf('Infrastructure')).toBeLessThan(doc.indexOf('Web apps'));
    expect(doc).toMatch(/<h3 class="name">Infrastructure<\/h3>.*<h4 class="name">CDN<\/h4>/s);
    expect(doc).not.toContain('Internal');
  });

  it('draws 90 days per component with the uptime as text', () => {
    const api = component('API');
    const data = page({ components: [api] });
    // One hour of major outage in 89.5 days of history.
    data.statusChanges.set(api.id, [
      { status: 'operational', at: daysAgo(400) },
      { status: 'major_outage', at: daysAgo(10) },
      { status: 'operational', at: new Date(Date.parse(daysAgo(10)) + 3_600_000).toISOString() },
    ]);
    const doc = renderHome(data, context());
    const days = barDays(doc, 'API');
    expect(days).toHaveLength(90);
    expect(doc).toContain('<span class="pct">99.95 % uptime</span>');
    expect(doc).toContain('aria-label="API, last 90 days: 99.95 % uptime"');
    expect(days.filter((d) => d.includes('class="critical"'))).toEqual([
      '<i class="critical" title="Jun 5: 60 min major outage"></i>',
    ]);
    expect(doc).toContain('<li><time datetime="2025-06-05">Jun 5, 2025</time>: 60 min major outage</li>');
  });

  it('redraws a day whose outage changed between builds, and in each page’s own language', () => {
    const api = component('API');
    const data = page({ components: [api] });
    const outage = (minutes: number): StatusChange[] => [
      { status: 'operational', at: daysAgo(400) },
      { status: 'major_outage', at: daysAgo(10) },
      { status: 'operational', at: new Date(Date.parse(daysAgo(10)) + minutes * 60_000).toISOString() },
    ];
    const critical = (doc: string) => barDays(doc, 'API').filter((d) => d.includes('class="critical"'));
    data.statusChanges.set(api.id, outage(60));
    expect(critical(renderHome(data, context()))).toEqual([
      '<i class="critical" title="Jun 5: 60 min major outage"></i>',
    ]);
    // The next build, after support corrected when the outage ended: the same day, told anew.
    data.statusChanges.set(api.id, outage(90));
    expect(critical(renderHome(data, context()))).toEqual([
      '<i class="critical" title="Jun 5: 90 min major outage"></i>',
    ]);
    const russian = { ...context(), t: createTranslator('ru'), locale: 'ru' };
    const [day] = renderHome(data, russian).match(/<i class="critical"[^>]*><\/i>/g) ?? [];
    expect(day).toContain('Серьёзный сбой: 90 мин');
    expect(day).not.toContain('Jun 5');
    // And English again, unmixed with the Russian page built in between.
    expect(critical(renderHome(data, context()))).toEqual([
      '<i class="critical" title="Jun 5: 90 min major outage"></i>',
    ]);
  });

  it('marks the days before a component existed as no data', () => {
    const fresh = component('Webhooks', { created_at: daysAgo(9.5) });
    const doc = renderHome(page({ components: [fresh] }), context());
    const days = barDays(doc, 'Webhooks');
    expect(days).toHaveLength(90);
    expect(days.filter((d) => d.includes('class="nodata"') && d.includes(': No data"'))).toHaveLength(80);
    expect(doc).toContain('<span class="pct">100 % uptime</span>');
  });

  it('links to the history and the JSON API', () => {
    const doc = renderHome(page(), context());
    expect(doc).toContain('href="/history"');
    expect(doc).toContain('href="/api/v2/summary.json"');
    expect(doc).toContain('Powered by Snapdesk');
  });
});

describe('incident page', () => {
  it('shows the facts and every update of an incident', () => {
    const api = component('API');
    const web = component('Web');
    const subject = incident({
      name: 'Checkout errors',
      impact: 'critical',
      status: 'resolved',
      started_at: '2025-06-15T08:00:00Z',
      resolved_at: '2025-06-15T09:30:00Z',
      component_ids: [web.id, api.id],
      updates: [
        update('investigating', 'Looking into [the dashboards](https://grafana.example.com).', hoursAgo(4)),
        update('resolved', 'All clear.', hoursAgo(2.5)),
      ],
    });
    const doc = renderIncident(subject, page({ components: [api, web] }), context('America/New_York'));
    expect(doc).toContain('<h1 id="title">Checkout errors</h1>');
    expect(doc).toContain('<title>Checkout errors · Acme Status</title>');
    expect(doc).toContain('Critical impact');
    expect(doc).toContain('<dt>Affected components</dt><dd>API and Web</dd>');
    expect(doc).toContain(
      '<dt>Resolved</dt><dd><time datetime="2025-06-15T09:30:00.000Z">Jun 15, 5:30 AM EDT</time>',
    );
    expect(doc).toContain('rel="nofollow noopener noreferrer"');
    expect(doc.indexOf('All clear.')).toBeLessThan(doc.indexOf('Looking into'));
  });

  it('shows maintenance by its scheduled window', () => {
    const work = incident({
      kind: 'maintenance',
      name: 'Network upgrade',
      impact: 'maintenance',
      status: 'in_progress',
      scheduled_for: '2025-06-15T22:00:00Z',
      scheduled_until: '2025-06-16T02:00:00Z',
    });
    const doc = renderIncident(work, page(), context());
    expect(doc).toContain('<dt>Status</dt><dd>In progress</dd>');
    expect(doc).toContain(
      '<dt>Scheduled</dt><dd><time datetime="2025-06-15T22:00:00.000Z">Jun 15, 10:00 PM UTC</time> – <time datetime="2025-06-16T02:00:00.000Z">Jun 16, 2:00 AM UTC</time></dd>',
    );
    expect(doc).not.toContain('<dt>Impact</dt>');
  });
});

describe('history page', () => {
  const range = { from: new Date('2025-04-01T00:00:00Z'), to: new Date('2025-07-01T00:00:00Z'), page: 0 };

  it('groups incidents by month, newest first, and says so when a month was quiet', () => {
    const june = incident({ name: 'June outage', impact: 'major', started_at: '2025-06-10T10:00:00Z' });
    const april = incident({
      name: 'April blip',
      status: 'resolved',
      started_at: '2025-04-03T10:00:00Z',
      resolved_at: '2025-04-03T11:00:00Z',
    });
    const doc = renderHistory([april, june], range, page(), context());
    const headings = [...doc.matchAll(/<h2 id="m-[^"]+">([^<]+)<\/h2>/g)].map((m) => m[1]);
    expect(headings).toEqual(['June 2025', 'May 2025', 'April 2025']);
    const may = doc.slice(doc.indexOf('May 2025'), doc.indexOf('April 2025'));
    expect(may).toContain('No incidents reported');
    expect(doc.indexOf('June outage')).toBeLessThan(doc.indexOf('May 2025'));
    expect(doc.indexOf('April blip')).toBeGreaterThan(doc.indexOf('April 2025'));
    expect(doc).toContain(`<a href="/incidents/${april.id}">April blip</a>`);
    expect(doc).toContain('Resolved <time datetime="2025-04-03T11:00:00.000Z">Apr 3, 11:00 AM UTC</time>');
    expect(doc).toContain('class="tone-major"');
  });

  it('groups by month in the page time zone', () => {
    // 23:30 UTC on 31 May is already June in Berlin.
    const late = incident({ name: 'Late night', started_at: '2025-05-31T23:30:00Z' });
    const berlin = { from: new Date('2025-03-31T22:00:00Z'), to: new Date('2025-06-30T22:00:00Z'), page: 0 };
    const doc = renderHistory([late], berlin, page(), context('Europe/Berlin'));
    const june = doc.slice(doc.indexOf('June 2025'), doc.indexOf('May 2025'));
    expect(june).toContain('Late night');
    expect([...doc.matchAll(/<h2 id="m-/g)]).toHaveLength(3);
  });

  it('links to older and newer pages', () => {
    const first = renderHistory([], range, page(), context());
    expect(first).toContain('href="/history?page=1"');
    expect(first).not.toContain('Newer incidents');
    const second = renderHistory([], { ...range, page: 2 }, page(), context());
    expect(second).toContain('href="/history?page=1"');
    expect(second).toContain('href="/history?page=3"');
  });

  it('offers no older page before anything on the page existed', () => {
    const data = page({ components: [component('API', { created_at: '2025-05-01T00:00:00Z' })] });
    expect(renderHistory([], range, data, context())).not.toContain('Older incidents');
  });
});

describe('every page', () => {
  const active = incident({ updates: [update('investigating', 'Looking.', hoursAgo(1))] });
  const data = page({ incidents: [active] });
  const docs = {
    home: renderHome(data, context()),
    incident: renderIncident(active, data, context()),
    history: renderHistory(
      [active],
      { from: new Date('2025-04-01'), to: new Date('2025-07-01'), page: 0 },
      data,
      context(),
    ),
    notFound: renderNotFound(context()),
  };

  it.each(Object.entries(docs))('%s is a complete, script-free, accessible document', (_name, doc) => {
    expect(doc.startsWith('<!doctype html>')).toBe(true);
    expect(doc).toContain('<html lang="en">');
    expect(doc).toContain('<meta name="viewport" content="width=device-width, initial-scale=1">');
    expect(doc).not.toMatch(/<script|javascript:|\son\w+=/i);
    expect(doc.match(/<style>/g)).toHaveLength(1);
    expect(doc).not.toMatch(/<link rel="stylesheet"|src="http/);
    expect(doc).toContain('<a class="skip" href="#main">Skip to main content</a>');
    for (const landmark of ['<header', '<nav', '<main id="main"', '<footer']) expect(doc).toContain(landmark);
    expect(doc.match(/<h1[ >]/g)).toHaveLength(1);
  });

  it('keeps heading levels in order', () => {
    for (const doc of Object.values(docs)) {
      const levels = [...doc.matchAll(/<h([1-6])[ >]/g)].map((m) => Number(m[1]));
      levels.forEach((level, i) => {
        if (i > 0) expect(level).toBeLessThanOrEqual((levels[i - 1] as number) + 1);
      });
    }
  });

  it('keeps a page with ten components and an incident small', () => {
    const components = Array.from({ length: 10 }, (_, i) => component(`Service number ${i}`));
    expect(renderHome(page({ components, incidents: [active] }), context()).length).toBeLessThan(60_000);
  });

  it('renders a not-found page', () => {
    expect(docs.notFound).toContain('<h1>Page not found</h1>');
    expect(docs.notFound).toContain('<title>Page not found · Acme Status</title>');
  });
});
