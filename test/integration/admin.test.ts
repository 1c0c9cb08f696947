import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v2Incident, v2ScheduledMaintenance, v2Summary } from '../../shared/schemas/api-v2.ts';
import { createToken, revokeToken } from '../../status-server/auth/tokens.ts';
import { createComponent } from '../../status-server/status/writes.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

describe.each(testDatabases())('admin API on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database);
  });
  afterAll(() => server.stop());

  const summary = async () => v2Summary.parse(await (await server.request('/api/v2/summary.json')).json());

  it('refuses requests without a live token', async () => {
    const none = await server.request('/api/admin/components');
    expect(none.status).toBe(401);
    expect(none.headers.get('www-authenticate')).toContain('Bearer');
    expect((await none.json()).error.code).toBe('unauthorized');

    const wrong = await server.request('/api/admin/components', {
      headers: { authorization: 'Bearer sdk_nope' },
    });
    expect(wrong.status).toBe(401);

    const { id, token } = await createToken(server.store.db, 'short-lived');
    const ok = await server.request('/api/admin/components', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(ok.status).toBe(200);
    expect(await revokeToken(server.store.db, id)).toBe(true);
    const revoked = await server.request('/api/admin/components', {
      headers: { authorization: `Bearer ${token}` },
    });
    expect(revoked.status).toBe(401);
    expect((await revoked.json()).error.message).toMatch(/revoked/);
  });

  it('stores tokens hashed, never in clear', async () => {
    const rows = await server.store.db.selectFrom('admin_tokens').select('token_hash').execute();
    expect(rows.length).toBeGreaterThan(0);
    for (const r of rows) {
      expect(r.token_hash).toMatch(/^[0-9a-f]{64}$/);
      expect(r.token_hash).not.toContain(server.token);
    }
  });

  it('creates groups and components, and updates them', async () => {
    const group = await server.admin('POST', '/groups', {
      name: 'Shop',
      description: 'Storefront and checkout',
    });
    expect(group.status).toBe(201);
    const groupId = (await group.json()).group.id as string;

    const created = await server.admin('POST', '/components', {
      name: 'Checkout',
      group_id: groupId,
      hosts: ['Shop.Example.com', 'checkout.example.com'],
    });
    expect(created.status).toBe(201);
    const component = (await created.json()).component;
    expect(component).toMatchObject({
      name: 'Checkout',
      status: 'operational',
      group_id: groupId,
      group: false,
    });
    expect(component.hosts).toEqual(['checkout.example.com', 'shop.example.com']);

    const patched = await server.admin('PATCH', `/components/${component.id}`, {
      status: 'degraded_performance',
      description: 'Cart and payment',
    });
    expect(patched.status).toBe(200);
    expect((await patched.json()).component).toMatchObject({
      status: 'degraded_performance',
      description: 'Cart and payment',
    });

    const renamed = await server.admin('PATCH', `/groups/${groupId}`, { name: 'Storefront' });
    expect((await renamed.json()).group).toMatchObject({
      name: 'Storefront',
      group: true,
      components: [component.id],
    });

    const s = await summary();
    const groupInSummary = s.components.find((c) => c.id === groupId);
    expect(groupInSummary).toMatchObject({ group: true, status: 'degraded_performance' });
    expect(s.status.indicator).toBe('minor');

    await server.admin('PATCH', `/components/${component.id}`, { status: 'operational' });
    expect((await summary()).status.indicator).toBe('none');
  });

  it('runs an incident from investigating to resolved, moving component statuses with it', async () => {
    const api = (await (await server.admin('POST', '/components', { name: 'API' })).json()).component;
    const created = await server.admin('POST', '/incidents', {
      name: 'Payments failing',
      impact: 'major',
      message: 'We are investigating failed card payments.',
      components: { [api.id]: 'major_outage' },
    });
    expect(created.status).toBe(201);
    const incident = v2Incident.parse((await created.json()).incident);
    expect(incident).toMatchObject({ status: 'investigating', impact: 'major', resolved_at: null });
    expect(incident.incident_updates[0]?.affected_components).toEqual([
      { code: api.id, name: 'API', old_status: 'operational', new_status: 'major_outage' },
    ]);
    expect((await summary()).status.indicator).toBe('critical');

    for (const status of ['identified', 'monitoring'] as const) {
      const r = await server.admin('POST', `/incidents/${incident.id}/updates`, {
        status,
        message: `Now ${status}.`,
        ...(status === 'monitoring' ? { components: { [api.id]: 'degraded_performance' } } : {}),
      });
      expect(r.status).toBe(201);
    }
    let s = await summary();
    expect(s.incidents.map((i) => i.id)).toContain(incident.id);
    expect(s.components.find((c) => c.id === api.id)?.status).toBe('degraded_performance');
    const monitoring = s.incidents.find((i) => i.id === incident.id);
    expect(monitoring?.monitoring_at).not.toBeNull();
    expect(monitoring?.incident_updates.map((u) => u.status)).toEqual([
      'monitoring',
      'identified',
      'investigating',
    ]);

    const resolved = await server.admin('POST', `/incidents/${incident.id}/resolve`, {});
    expect(resolved.status).toBe(200);
    const body = v2Incident.parse((await resolved.json()).incident);
    expect(body.status).toBe('resolved');
    expect(body.resolved_at).not.toBeNull();
    expect(body.incident_updates[0]?.body).toBe('This incident has been resolved.');

    s = await summary();
    expect(s.incidents.map((i) => i.id)).not.toContain(incident.id);
    expect(s.components.find((c) => c.id === api.id)?.status).toBe('operational');
    expect(s.status.indicator).toBe('none');
  });

  it('schedules maintenance and moves it through its states', async () => {
    const db = (await (await server.admin('POST', '/components', { name: 'Database' })).json()).component;
    const start = new Date(Date.now() + 3_600_000).toISOString();
    const end = new Date(Date.now() + 7_200_000).toISOString();
    const created = await server.admin('POST', '/maintenances', {
      name: 'Database upgrade',
      message: 'We will upgrade the primary database.',
      scheduled_for: start,
      scheduled_until: end,
      components: [db.id],
    });
    expect(created.status).toBe(201);
    const m = v2ScheduledMaintenance.parse((await created.json()).scheduled_maintenance);
    expect(m).toMatchObject({
      status: 'scheduled',
      impact: 'maintenance',
      scheduled_for: start,
      scheduled_until: end,
    });

    const upcoming = await (await server.request('/api/v2/scheduled-maintenances/upcoming.json')).json();
    expect(upcoming.scheduled_maintenances.map((x: { id: string }) => x.id)).toContain(m.id);

    await server.admin('POST', `/maintenances/${m.id}/updates`, {
      status: 'in_progress',
      message: 'Started.',
    });
    let s = await summary();
    expect(s.components.find((c) => c.id === db.id)?.status).toBe('under_maintenance');
    expect(s.status.indicator).toBe('maintenance');
    const active = await (await server.request('/api/v2/scheduled-maintenances/active.json')).json();
    expect(active.scheduled_maintenances.map((x: { id: string }) => x.id)).toEqual([m.id]);

    await server.admin('POST', `/maintenances/${m.id}/updates`, { status: 'completed', message: 'Done.' });
    s = await summary();
    expect(s.components.find((c) => c.id === db.id)?.status).toBe('operational');
    expect(s.scheduled_maintenances.map((x) => x.id)).not.toContain(m.id);
    const all = await (await server.request('/api/v2/scheduled-maintenances.json')).json();
    expect(all.scheduled_maintenances.find((x: { id: string }) => x.id === m.id).status).toBe('completed');
  });

  it('answers reads with what another instance wrote a moment ago, without building pages', async () => {
    const before = server.snapshots.snapshot.revision;
    // Written straight into the shared database, as a second instance does; this one has not polled.
    const { id } = await createComponent(server.store.db, {
      name: 'Written elsewhere',
      hosts: ['else.test'],
    });
    const res = await server.admin('GET', '/components');
    const { components } = (await res.json()) as { components: { id: string; hosts?: string[] }[] };
    expect(components.find((c) => c.id === id)?.hosts).toEqual(['else.test']);
    expect(server.snapshots.snapshot.revision).toBe(before);
  });
});

describe.skip.each(skippedDatabases())('admin API on %s', () => {
  it('needs PostgreSQL', () => {});
});
