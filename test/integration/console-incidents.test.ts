import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { v2Summary } from '../../shared/schemas/api-v2.ts';
import { type ConsoleClient, signedIn } from '../helpers/console.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { insertReport } from '../helpers/reports.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

describe.each(testDatabases())('console incidents on $name', (database) => {
  let server: TestServer;
  let client: ConsoleClient;
  let shop: string;
  let api: string;
  beforeAll(async () => {
    server = await startTestServer(database);
    client = await signedIn(server);
    const create = async (name: string, hosts: string[]) =>
      (await (await server.admin('POST', '/components', { name, hosts })).json()).component.id as string;
    shop = await create('Shop', ['shop.test']);
    api = await create('API', ['api.test']);
  });
  afterAll(() => server.stop());

  const summary = async () => v2Summary.parse(await (await server.request('/api/v2/summary.json')).json());
  const incidentCount = async () =>
    Number(
      (
        await server.store.db
          .selectFrom('incidents')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  /** Declares an incident through the form and answers its id. */
  const declare = async (fields: Record<string, string>) => {
    const res = await client.post('/console/incidents', fields);
    expect(res.status).toBe(303);
    return (res.headers.get('location') ?? '').replace('/console/incidents/', '');
  };

  it('declares an incident with affected components, and the public page shows it at once', async () => {
    const form = await (await client.get('/console/incidents/new')).text();
    expect(form).toContain(`name="components.${shop}"`);
    const id = await declare({
      name: 'Checkout fails',
      impact: 'major',
      status: 'identified',
      message: 'Payments **fail** at the last step.',
      [`components.${shop}`]: 'partial_outage',
      [`components.${api}`]: '',
    });
    expect(id).toMatch(/^[a-z0-9]{12}$/);
    const s = await summary();
    const incident = s.incidents.find((i) => i.id === id);
    expect(incident).toMatchObject({ name: 'Checkout fails', impact: 'major', status: 'identified' });
    expect(incident?.components.map((c) => c.id)).toEqual([shop]);
    expect(s.components.find((c) => c.id === shop)?.status).toBe('partial_outage');
    expect(s.components.find((c) => c.id === api)?.status).toBe('operational');

    const page = await (await client.get(`/console/incidents/${id}`)).text();
    expect(page).toContain('<h1 id="title">Checkout fails</h1>');
    expect(page).toContain('<strong>fail</strong>');
    const list = await (await client.get('/console/incidents')).text();
    expect(list).toContain(`<a href="/console/incidents/${id}">Checkout fails</a>`);
  });

  it('shows the form again with the input and a message at each wrong field, and stores nothing', async () => {
    const before = await incidentCount();
    const res = await client.post('/console/incidents', {
      name: '<script>alert(1)</script>',
      impact: 'apocalyptic',
      message: '   ',
      [`components.${shop}`]: 'on_fire',
    });
    expect(res.status).toBe(400);
    const page = await res.text();
    expect(page).toContain('Please correct the following:');
    expect(page).toContain('value="&lt;script&gt;alert(1)&lt;/script&gt;"');
    expect(page).not.toContain('<script>alert(1)');
    expect(page).toMatch(/id="f-impact"[^>]*aria-invalid="true"/);
    expect(page).toMatch(/id="f-message-error">must not be empty/);
    expect(page).toContain(`id="f-components-${shop}-error"`);
    expect(await incidentCount()).toBe(before);
  });

  it('posts updates with new component statuses and resolves, back to operational', async () => {
    const id = await declare({
      name: 'API slow',
      impact: 'minor',
      message: 'Looking into it',
      [`components.${api}`]: 'degraded_performance',
    });
    const update = await client.post(`/console/incidents/${id}/updates`, {
      status: 'monitoring',
      impact: '',
      message: 'A fix is out; watching.',
      [`components.${api}`]: 'operational',
    });
    expect(update.status).toBe(303);
    const incident = (await summary()).incidents.find((i) => i.id === id);
    expect(incident?.status).toBe('monitoring');
    expect(incident?.incident_updates.map((u) => u.body)).toContain('A fix is out; watching.');
    expect((await summary()).components.find((c) => c.id === api)?.status).toBe('operational');

    const bad = await client.post(`/console/incidents/${id}/updates`, { status: 'exploded', message: '' });
    expect(bad.status).toBe(400);
    expect(await bad.text()).toMatch(/id="f-status-error"/);

    await client.post(`/console/incidents/${id}/updates`, {
      status: 'identified',
      message: 'It is back',
      [`components.${api}`]: 'major_outage',
    });
    const resolved = await client.post(`/console/incidents/${id}/resolve`, { resolution: '' });
    expect(resolved.status).toBe(303);
    const s = await summary();
    expect(s.incidents.find((i) => i.id === id)).toBeUndefined(); // summary lists unresolved only
    expect(s.components.find((c) => c.id === api)?.status).toBe('operational');
    const page = await (await client.get(`/console/incidents/${id}`)).text();
    expect(page).toContain('This incident has been resolved.');
    expect(page).not.toContain(`action="/console/incidents/${id}/resolve"`);
  });

  it('lists the reports linked to an incident on its page, and only those', async () => {
    const id = await declare({ name: 'Images missing', message: 'Product images do not load' });
    const other = await declare({ name: 'Other incident', message: 'x' });
    const mine = await insertReport(server.store, {
      incident_id: id,
      incident_link: 'match',
      page_host: 'shop.test',
      title: 'No pictures <img src=x onerror=alert(1)>',
    });
    const theirs = await insertReport(server.store, { incident_id: other, incident_link: 'reporter' });
    const page = await (await client.get(`/console/incidents/${id}`)).text();
    expect(page).toContain('1 report linked');
    expect(page).toContain(`<a href="/console/reports/${mine.reference}">${mine.reference}</a>`);
    expect(page).not.toContain(theirs.reference);
    expect(page).toContain('No pictures &lt;img src=x onerror=alert(1)&gt;');
    const list = await (await client.get('/console/incidents')).text();
    expect(list).toMatch(/Images missing<\/a><\/td>.*?<td>1<\/td><\/tr>/);
    const report = await (await client.get(`/console/reports/${mine.reference}`)).text();
    expect(report).toContain(
      `<a href="/console/incidents/${id}">Images missing</a> (matched by host and time)`,
    );
  });

  it('lists open incidents before resolved ones', async () => {
    const closed = await declare({ name: 'Old trouble', message: 'x' });
    await client.post(`/console/incidents/${closed}/resolve`, { resolution: 'Fixed.' });
    const open = await declare({ name: 'Current trouble', message: 'x' });
    const list = await (await client.get('/console/incidents')).text();
    expect(list.indexOf('Current trouble')).toBeGreaterThan(-1);
    expect(list.indexOf('Current trouble')).toBeLessThan(list.indexOf('Old trouble'));
    expect(open).not.toBe(closed);
  });

  it('answers an unknown incident with a 404 page for reads and posts alike', async () => {
    for (const id of ['zzzzzzzzzzzz', 'not-an-id']) {
      expect((await client.get(`/console/incidents/${id}`)).status).toBe(404);
      expect(
        (await client.post(`/console/incidents/${id}/updates`, { status: 'identified', message: 'x' }))
          .status,
      ).toBe(404);
    }
  });
});

describe.skip.each(skippedDatabases())('console incidents on %s', () => {
  it('needs PostgreSQL', () => {});
});
