import { readFileSync } from 'node:fs';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import {
  v2ComponentsResponse,
  v2IncidentsResponse,
  v2MaintenancesResponse,
  v2StatusResponse,
  v2Summary,
} from '../../shared/schemas/api-v2.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const documented = JSON.parse(
  readFileSync(new URL('../fixtures/statuspage-v2-documented.json', import.meta.url), 'utf8'),
) as Record<string, Record<string, unknown>> & { endpoints: Record<string, string[]> };

const jsonType = (v: unknown) => (v === null ? 'null' : Array.isArray(v) ? 'array' : typeof v);

/** Every documented key is present, and where the documentation shows a value, ours has its JSON type. */
function expectDocumentedShape(
  ours: Record<string, unknown>,
  example: Record<string, unknown>,
  where: string,
) {
  for (const [key, value] of Object.entries(example)) {
    expect(ours, `${where} lacks "${key}"`).toHaveProperty(key);
    if (value !== null && ours[key] !== null) {
      expect(jsonType(ours[key]), `${where}.${key}`).toBe(jsonType(value));
    }
  }
}

const responseSchemas = {
  '/api/v2/summary.json': v2Summary,
  '/api/v2/status.json': v2StatusResponse,
  '/api/v2/components.json': v2ComponentsResponse,
  '/api/v2/incidents.json': v2IncidentsResponse,
  '/api/v2/incidents/unresolved.json': v2IncidentsResponse,
  '/api/v2/scheduled-maintenances.json': v2MaintenancesResponse,
  '/api/v2/scheduled-maintenances/upcoming.json': v2MaintenancesResponse,
  '/api/v2/scheduled-maintenances/active.json': v2MaintenancesResponse,
} as const;

describe.each(testDatabases())('status-page API v2 on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
    const group = (await (await server.admin('POST', '/groups', { name: 'Shop' })).json()).group;
    const api = (
      await (await server.admin('POST', '/components', { name: 'API', group_id: group.id })).json()
    ).component;
    await server.admin('POST', '/components', { name: 'Website' });
    const incident = (
      await (
        await server.admin('POST', '/incidents', {
          name: 'Slow API',
          impact: 'minor',
          message: 'Investigating.',
          components: { [api.id]: 'degraded_performance' },
        })
      ).json()
    ).incident;
    await server.admin('POST', `/incidents/${incident.id}/updates`, {
      status: 'identified',
      message: 'Found it.',
    });
    const old = (
      await (await server.admin('POST', '/incidents', { name: 'Old outage', message: 'Down.' })).json()
    ).incident;
    await server.admin('POST', `/incidents/${old.id}/resolve`, {});
    const soon = new Date(Date.now() + 86_400_000);
    await server.admin('POST', '/maintenances', {
      name: 'Upgrade',
      message: 'Planned.',
      scheduled_for: soon.toISOString(),
      scheduled_until: new Date(soon.getTime() + 3_600_000).toISOString(),
      components: [api.id],
    });
    const now = (
      await (
        await server.admin('POST', '/maintenances', {
          name: 'Network work',
          message: 'Planned.',
          scheduled_for: new Date(Date.now() - 60_000).toISOString(),
          scheduled_until: new Date(Date.now() + 3_600_000).toISOString(),
        })
      ).json()
    ).scheduled_maintenance;
    await server.admin('POST', `/maintenances/${now.id}/updates`, {
      status: 'in_progress',
      message: 'Under way.',
    });
  });
  afterAll(() => server.stop());

  for (const [path, schema] of Object.entries(responseSchemas)) {
    it(`${path} has the documented top-level keys and parses with the shared schema`, async () => {
      const res = await server.request(path);
      expect(res.status).toBe(200);
      expect(res.headers.get('content-type')).toBe('application/json; charset=utf-8');
      expect(res.headers.get('access-control-allow-origin')).toBe('*');
      const body = await res.json();
      expect(Object.keys(body).sort()).toEqual([...(documented.endpoints[path] ?? [])].sort());
      expect(schema.safeParse(body).error).toBeUndefined();
      expectDocumentedShape(body.page, documented.page as Record<string, unknown>, `${path} page`);
    });
  }

  it('nests components, incidents, updates and maintenance as documented', async () => {
    const summary = v2Summary.parse(await (await server.request('/api/v2/summary.json')).json());
    expect(summary.components.length).toBe(3);
    for (const c of summary.components) expectDocumentedShape(c, documented.component as never, 'component');
    const group = summary.components.find((c) => c.group);
    expect(group?.components).toHaveLength(1);
    expect(summary.components.find((c) => c.id === group?.components?.[0])?.group_id).toBe(group?.id);

    expect(summary.incidents.map((i) => i.name)).toEqual(['Slow API']);
    const incident = summary.incidents[0] as (typeof summary.incidents)[number];
    expectDocumentedShape(incident, documented.incident as never, 'incident');
    expect(incident.shortlink).toBe(`http://status.test/incidents/${incident.id}`);
    for (const u of incident.incident_updates) {
      expectDocumentedShape(u, documented.incident_update as never, 'incident_update');
    }
    expect(incident.incident_updates.map((u) => u.status)).toEqual(['identified', 'investigating']);

    expect(summary.scheduled_maintenances.map((m) => m.name).sort()).toEqual(['Network work', 'Upgrade']);
    for (const m of summary.scheduled_maintenances) {
      expectDocumentedShape(m, documented.scheduled_maintenance as never, 'scheduled_maintenance');
    }
    expect(summary.status).toEqual({ indicator: 'minor', description: 'Minor Service Outage' });
  });

  it('lists every incident, newest first, and only open ones as unresolved', async () => {
    const all = v2IncidentsResponse.parse(await (await server.request('/api/v2/incidents.json')).json());
    expect(all.incidents.map((i) => i.name)).toEqual(['Old outage', 'Slow API']);
    expect(all.incidents[0]?.status).toBe('resolved');
    const open = v2IncidentsResponse.parse(
      await (await server.request('/api/v2/incidents/unresolved.json')).json(),
    );
    expect(open.incidents.map((i) => i.name)).toEqual(['Slow API']);
  });

  it('tells upcoming from active maintenance', async () => {
    const get = async (p: string) =>
      v2MaintenancesResponse
        .parse(await (await server.request(p)).json())
        .scheduled_maintenances.map((m) => m.name);
    expect(await get('/api/v2/scheduled-maintenances/upcoming.json')).toEqual(['Upgrade']);
    expect(await get('/api/v2/scheduled-maintenances/active.json')).toEqual(['Network work']);
    expect((await get('/api/v2/scheduled-maintenances.json')).sort()).toEqual(['Network work', 'Upgrade']);
  });

  it('answers an unknown API path with the error shape', async () => {
    const res = await server.request('/api/v2/nothing.json');
    expect(res.status).toBe(404);
    expect((await res.json()).error).toMatchObject({ code: 'not_found' });
  });
});

describe.skip.each(skippedDatabases())('status-page API v2 on %s', () => {
  it('needs PostgreSQL', () => {});
});
