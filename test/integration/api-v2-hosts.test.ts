import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { hostCovers } from '../../shared/hosts.ts';
import { v2ComponentsResponse, v2Summary } from '../../shared/schemas/api-v2.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

/**
 * The Snapdesk extension to the status-page API: components carry the host names they serve, so the
 * browser extension matches the person's tab against incidents itself, without sending the tab.
 */
describe.each(testDatabases())('component hosts in the status-page API on $name', (database) => {
  let server: TestServer;
  let shop: { id: string };
  let group: { id: string };
  beforeAll(async () => {
    server = await startTestServer(database);
    group = (await (await server.admin('POST', '/groups', { name: 'Storefront' })).json()).group;
    shop = (
      await (
        await server.admin('POST', '/components', {
          name: 'Shop',
          group_id: group.id,
          hosts: ['shop.example.com', 'Checkout.Example.com'],
        })
      ).json()
    ).component;
    await server.admin('POST', '/components', { name: 'Back office' });
    await server.admin('POST', '/incidents', {
      name: 'Checkout fails',
      message: 'Payments time out.',
      components: { [shop.id]: 'partial_outage' },
    });
  });
  afterAll(() => server.stop());

  it('summary.json names each component’s hosts, also inside the incidents that affect it', async () => {
    const summary = v2Summary.parse(await (await server.request('/api/v2/summary.json')).json());
    const byName = new Map(summary.components.map((c) => [c.name, c]));
    expect(byName.get('Shop')?.hosts).toEqual(['checkout.example.com', 'shop.example.com']);
    expect(byName.get('Back office')?.hosts).toEqual([]);
    // A group serves no host of its own: its members do.
    expect(byName.get('Storefront')).not.toHaveProperty('hosts');
    const [incident] = summary.incidents;
    expect(incident?.components.map((c) => [c.id, c.hosts])).toEqual([
      [shop.id, ['checkout.example.com', 'shop.example.com']],
    ]);
    // The rule the extension applies to a tab on a subdomain of a component's host.
    expect(incident?.components[0]?.hosts?.some((h) => hostCovers(h, 'eu.shop.example.com'))).toBe(true);
  });

  it('components.json names them too, and a change of hosts changes the answer and its ETag', async () => {
    const first = await server.request('/api/v2/components.json');
    const etag = first.headers.get('etag') ?? '';
    const unchanged = await server.request('/api/v2/components.json', { headers: { 'If-None-Match': etag } });
    expect(unchanged.status).toBe(304);

    await server.admin('PATCH', `/components/${shop.id}`, { hosts: ['shop.example.org'] });
    const res = await server.request('/api/v2/components.json', { headers: { 'If-None-Match': etag } });
    expect(res.status).toBe(200);
    const body = v2ComponentsResponse.parse(await res.json());
    expect(body.components.find((c) => c.id === shop.id)?.hosts).toEqual(['shop.example.org']);
  });
});

describe.skip.each(skippedDatabases())('component hosts in the status-page API on %s', () => {
  it('needs PostgreSQL', () => {});
});
