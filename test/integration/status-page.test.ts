import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

/** The visible text of a page, without tags, so assertions read like what a person sees. */
const visibleText = (html: string) =>
  html
    .replace(/<style[\s\S]*?<\/style>/g, '')
    .replace(/<[^>]+>/g, ' ')
    .replace(/&amp;/g, '&')
    .replace(/\s+/g, ' ');

describe.each(testDatabases())('status page on $name', (database) => {
  let server: TestServer;
  let componentId: string;
  let incidentId: string;

  beforeAll(async () => {
    server = await startTestServer(database);
    const group = (await (await server.admin('POST', '/groups', { name: 'Storefront' })).json()).group;
    componentId = (
      await (await server.admin('POST', '/components', { name: 'Checkout', group_id: group.id })).json()
    ).component.id;
  });
  afterAll(() => server.stop());

  const page = async (path: string) => {
    const res = await server.request(path);
    return { res, html: await res.text() };
  };

  it('starts all operational, with the component in its group and its uptime bar', async () => {
    const { res, html } = await page('/');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/html; charset=utf-8');
    expect(res.headers.get('content-security-policy')).toContain("default-src 'none'");
    expect(html).not.toMatch(/<script/i);
    const text = visibleText(html);
    expect(text).toContain('All Systems Operational');
    expect(text).toContain('Storefront');
    expect(text).toContain('Checkout');
    expect(text).toContain('100 % uptime');
    expect(text).not.toContain('Active incidents');
  });

  it('follows an incident through investigating, identified, monitoring and resolved', async () => {
    const created = await server.admin('POST', '/incidents', {
      name: 'Card payments <b>failing</b>',
      impact: 'critical',
      message: 'We are **investigating** failed payments.',
      components: { [componentId]: 'major_outage' },
    });
    incidentId = (await created.json()).incident.id;

    let { html } = await page('/');
    let text = visibleText(html);
    expect(text).toContain('Major Service Outage');
    expect(text).toContain('Active incidents');
    expect(html).toContain('Card payments &lt;b&gt;failing&lt;/b&gt;');
    expect(html).toContain('<strong>investigating</strong>');
    expect(text).toContain('Major outage');

    const steps = [
      { status: 'identified', message: 'The payment provider rejects our requests.' },
      {
        status: 'monitoring',
        message: 'A fix is live; we are watching.',
        components: { [componentId]: 'operational' },
      },
    ];
    for (const step of steps) {
      expect((await server.admin('POST', `/incidents/${incidentId}/updates`, step)).status).toBe(201);
      text = visibleText((await page('/')).html);
      expect(text).toContain(step.message);
    }
    // Open and being monitored: still on the page, with its updates newest first.
    text = visibleText((await page('/')).html);
    const order = ['Monitoring', 'Identified', 'Investigating'].map((label) => text.indexOf(label));
    expect(order.every((i) => i >= 0)).toBe(true);
    expect([...order].sort((a, b) => a - b)).toEqual(order);
    expect(text).toContain('Major Service Outage'); // the open critical incident still counts

    await server.admin('POST', `/incidents/${incidentId}/resolve`, { message: 'Payments work again.' });
    ({ html } = await page('/'));
    text = visibleText(html);
    expect(text).toContain('All Systems Operational');
    expect(text).not.toContain('Active incidents');
    expect(text).not.toContain('Payments work again.');
  });

  it('keeps the whole timeline on the incident page', async () => {
    const { res, html } = await page(`/incidents/${incidentId}`);
    expect(res.status).toBe(200);
    const text = visibleText(html);
    for (const label of ['Resolved', 'Monitoring', 'Identified', 'Investigating'])
      expect(text).toContain(label);
    for (const message of ['Payments work again.', 'A fix is live; we are watching.', 'failed payments']) {
      expect(text).toContain(message);
    }
    expect(text).toContain('Checkout');
    expect(html).toMatch(/<time datetime="\d{4}-\d\d-\d\dT/);
  });

  it('lists the incident in history, and the day in the uptime bar', async () => {
    const { html } = await page('/history');
    expect(html).toContain(`/incidents/${incidentId}`);
    const home = visibleText((await page('/')).html);
    expect(home).not.toContain('100 % uptime'); // a minute of major outage today
    const older = await page('/history?page=1');
    expect(older.res.status).toBe(200);
    expect(visibleText(older.html)).toContain('No incidents reported');
  });

  it('answers unknown pages and bad page numbers with a 404 page', async () => {
    for (const path of [
      '/incidents/zzzzzzzzzzzz',
      '/incidents/<script>',
      '/history?page=-1',
      '/history?page=abc',
      '/nope',
    ]) {
      const { res, html } = await page(path);
      expect(res.status, path).toBe(404);
      expect(visibleText(html)).toContain('Page not found');
      expect(html).not.toContain('<script>');
    }
  });

  it('sanitises Markdown in updates: no raw HTML, no script links', async () => {
    const r = await server.admin('POST', '/incidents', {
      name: 'Markdown check',
      message:
        'See <img src=x onerror=alert(1)> and [this](javascript:alert(1)) and [docs](https://example.com/docs).',
    });
    const id = (await r.json()).incident.id;
    const { html } = await page(`/incidents/${id}`);
    expect(html).not.toContain('<img src=x');
    expect(html).toContain('&lt;img src=x onerror=alert(1)&gt;');
    expect(html).not.toMatch(/href="javascript:/i);
    expect(html).toMatch(/<a href="https:\/\/example\.com\/docs"[^>]*rel="nofollow noopener noreferrer"/);
  });

  it('describes every public page to search engines, once, with the page’s name', async () => {
    const description =
      '<meta name="description" content="Current status, incidents and scheduled maintenance of Acme Status.">';
    // A subscription's manage page: public, though only its subscriber has the link.
    const added = await server.admin('POST', '/subscriptions', {
      webhook_url: 'https://93.184.215.14/status',
    });
    expect(added.status).toBe(201);
    const manage = new URL((await added.json()).manage_url).pathname;
    for (const path of [
      '/',
      `/incidents/${incidentId}`,
      '/history',
      '/history?page=1',
      '/subscribe',
      manage,
      '/nope',
    ]) {
      const { html } = await page(path);
      expect(html.split('<meta name="description"').length - 1, path).toBe(1);
      expect(html, path).toContain(description);
    }
  });

  it('serves robots.txt: the public pages allowed, the console and admin API not, and no sitemap', async () => {
    const res = await server.request('/robots.txt');
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('text/plain; charset=utf-8');
    const lines = (await res.text()).split('\n').map((l) => l.trim());
    expect(lines[0]).toBe('User-agent: *');
    expect(lines).toContain('Allow: /');
    expect(lines).toContain('Disallow: /console');
    expect(lines).toContain('Disallow: /api/admin');
    expect(lines).toContain('Disallow: /subscriptions/'); // subscribers' own links, with their tokens
    // Nothing public is disallowed: each rule's path is a prefix of none of the public pages.
    const disallowed = lines.filter((l) => l.startsWith('Disallow:')).map((l) => l.slice(9).trim());
    for (const path of [
      '/',
      '/history',
      '/incidents/abc',
      '/subscribe',
      '/history.atom',
      '/api/v2/summary.json',
    ]) {
      expect(
        disallowed.filter((d) => d && path.startsWith(d)),
        path,
      ).toEqual([]);
    }
    expect(lines.some((l) => /^sitemap:/i.test(l))).toBe(false);
  });
});

describe.skip.each(skippedDatabases())('status page on %s', () => {
  it('needs PostgreSQL', () => {});
});
