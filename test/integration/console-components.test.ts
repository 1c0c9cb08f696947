import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v2Summary } from '../../shared/schemas/api-v2.ts';
import { type ConsoleClient, signedIn } from '../helpers/console.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

describe.each(testDatabases())('console components and maintenance on $name', (database) => {
  let server: TestServer;
  let client: ConsoleClient;
  beforeAll(async () => {
    // A zone with daylight saving, so maintenance times typed in the form must be converted.
    server = await startTestServer(database, { SNAPDESK_TIME_ZONE: 'Europe/Bucharest' });
    client = await signedIn(server);
  });
  afterAll(() => server.stop());

  const summary = async () => v2Summary.parse(await (await server.request('/api/v2/summary.json')).json());
  const hostsOf = async (id: string) =>
    (
      await server.store.db
        .selectFrom('component_hosts')
        .select('host')
        .where('component_id', '=', id)
        .orderBy('host')
        .execute()
    ).map((h) => h.host);

  it('creates a group and a component in it with host names, and edits both', async () => {
    expect(
      (await client.post('/console/groups', { name: 'Storefront', description: 'What shoppers see' })).status,
    ).toBe(303);
    const group = (await summary()).components.find((c) => c.name === 'Storefront' && c.group);
    expect(group).toBeDefined();

    const created = await client.post('/console/components', {
      name: 'Checkout',
      description: '',
      group_id: group?.id as string,
      hosts: 'Shop.Example.com\ncheckout.example.com, pay.example.com',
      status: 'operational',
    });
    expect(created.status).toBe(303);
    const component = (await summary()).components.find((c) => c.name === 'Checkout');
    expect(component).toMatchObject({ group_id: group?.id, status: 'operational' });
    const id = component?.id as string;
    expect(await hostsOf(id)).toEqual(['checkout.example.com', 'pay.example.com', 'shop.example.com']);

    const edit = await (await client.get(`/console/components/${id}`)).text();
    expect(edit).toContain('value="Checkout"');
    expect(edit).toMatch(new RegExp(`<option value="${group?.id}" selected>Storefront</option>`));
    const saved = await client.post(`/console/components/${id}`, {
      name: 'Checkout and payment',
      description: 'Cart, payment',
      group_id: '',
      hosts: 'pay.example.com',
      status: 'degraded_performance',
    });
    expect(saved.status).toBe(303);
    expect((await summary()).components.find((c) => c.id === id)).toMatchObject({
      name: 'Checkout and payment',
      description: 'Cart, payment',
      group_id: null,
      status: 'degraded_performance',
    });
    expect(await hostsOf(id)).toEqual(['pay.example.com']);

    expect(
      (await client.post(`/console/groups/${group?.id}`, { name: 'Shop front', description: '' })).status,
    ).toBe(303);
    expect((await summary()).components.find((c) => c.id === group?.id)?.name).toBe('Shop front');
    const list = await (await client.get('/console/components')).text();
    expect(list).toContain(`<a href="/console/components/${id}">Checkout and payment</a>`);
    expect(list).toContain(`<a href="/console/groups/${group?.id}">Shop front</a>`);
  });

  it('names the host that is not a host name, keeps the input, and stores nothing', async () => {
    const before = (await summary()).components.length;
    const res = await client.post('/console/components', {
      name: '<b>Search</b>',
      hosts: 'search.example.com\nnot a host!',
      status: 'operational',
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toMatch(/id="f-hosts-error">“host!”: must be a host name/);
    expect(page).toContain('value="&lt;b&gt;Search&lt;/b&gt;"');
    expect(page).toContain('search.example.com\nnot a host!</textarea>');
    expect((await summary()).components.length).toBe(before);
  });

  it('schedules maintenance in the page’s time zone and moves it through its states', async () => {
    const target = (await (await server.admin('POST', '/components', { name: 'Database' })).json()).component
      .id as string;
    const form = await (await client.get('/console/maintenance/new')).text();
    expect(form).toContain('Time in Europe/Bucharest.');
    const res = await client.post('/console/maintenance', {
      name: 'Database upgrade',
      message: 'We upgrade the database.',
      scheduled_for: '2099-07-01T02:00',
      scheduled_until: '2099-07-01T04:30',
      components: [target],
    });
    expect(res.status).toBe(303);
    const id = (res.headers.get('location') ?? '').split('/').pop() as string;
    const row = await server.store.db
      .selectFrom('incidents')
      .selectAll()
      .where('id', '=', id)
      .executeTakeFirstOrThrow();
    // Bucharest is UTC+3 in summer.
    expect(row.scheduled_for).toBe('2099-06-30T23:00:00.000Z');
    expect(row.scheduled_until).toBe('2099-07-01T01:30:00.000Z');
    expect(await (await client.get('/console/maintenance')).text()).toContain(
      `<a href="/console/maintenance/${id}">Database upgrade</a>`,
    );

    expect(
      (await client.post(`/console/maintenance/${id}/updates`, { status: 'in_progress', message: 'Started' }))
        .status,
    ).toBe(303);
    expect((await summary()).components.find((c) => c.id === target)?.status).toBe('under_maintenance');
    expect(
      (await client.post(`/console/maintenance/${id}/updates`, { status: 'completed', message: 'Done' }))
        .status,
    ).toBe(303);
    expect((await summary()).components.find((c) => c.id === target)?.status).toBe('operational');
    const page = await (await client.get(`/console/maintenance/${id}`)).text();
    expect(page).toContain('Done');
    expect(page).toContain('Started');
  });

  it('refuses maintenance with times that are not times or end before they start', async () => {
    const res = await client.post('/console/maintenance', {
      name: 'Broken window',
      message: 'x',
      scheduled_for: '2099-02-31T10:00',
      scheduled_until: 'tomorrow',
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toMatch(/id="f-scheduled_for-error">must be a date and a time/);
    expect(page).toMatch(/id="f-scheduled_until-error">must be a date and a time/);
    expect(page).toContain('value="tomorrow"');

    const reversed = await client.post('/console/maintenance', {
      name: 'Backwards',
      message: 'x',
      scheduled_for: '2099-03-02T10:00',
      scheduled_until: '2099-03-02T09:00',
    });
    expect(reversed.status).toBe(400);
    expect(await reversed.text()).toMatch(/id="f-scheduled_until-error">must be after scheduled_for/);
    const names = (await server.store.db.selectFrom('incidents').select('name').execute()).map((r) => r.name);
    expect(names).not.toContain('Broken window');
    expect(names).not.toContain('Backwards');
  });

  it('answers unknown components, groups and maintenance with 404 pages', async () => {
    for (const path of [
      '/console/components/zzzzzzzzzzzz',
      '/console/groups/nope',
      '/console/maintenance/zzzzzzzzzzzz',
    ]) {
      expect((await client.get(path)).status, path).toBe(404);
      expect((await client.post(path, { name: 'x' })).status, path).toBe(404);
    }
  });
});

describe.skip.each(skippedDatabases())('console components and maintenance on %s', () => {
  it('needs PostgreSQL', () => {});
});
