import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { newId } from '../../status-server/domain/ids.ts';
import { enqueue } from '../../status-server/platform/jobs/queue.ts';
import { type ConsoleClient, signedIn } from '../helpers/console.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { insertReport } from '../helpers/reports.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const minutes = (n: number) => new Date(Date.now() + n * 60_000).toISOString();

/** The inbox table's rows: reference, row class (deadline level), and the deadline cell's class and words. */
function rows(page: string) {
  return [
    ...page.matchAll(
      /<tr class="(\w+)">\s*<td class="nowrap"><a href="[^"]+">(SD-\d+)<\/a>[\s\S]*?<td>([^\n]*)<\/td>\s*<\/tr>/g,
    ),
  ].map((m) => {
    const cell = m[3] as string;
    return {
      level: m[1],
      reference: m[2],
      dueClass: /^<span class="due (\w+)">/.exec(cell)?.[1],
      dueText: cell.replace(/<[^>]+>/g, ''),
    };
  });
}

describe.each(testDatabases())('console report inbox on $name', (database) => {
  let server: TestServer;
  let client: ConsoleClient;
  beforeAll(async () => {
    server = await startTestServer(database);
    client = await signedIn(server);
  });
  afterAll(() => server.stop());

  const inbox = async (query: string) => {
    const res = await client.get(`/console?${query}`);
    return { status: res.status, page: await res.text() };
  };

  it('lists reports newest first, or nearest deadline first with those without one last', async () => {
    const host = 'order.test';
    const old = await insertReport(server.store, {
      page_host: host,
      received_at: minutes(-300),
      deadline_at: minutes(120),
    });
    const mid = await insertReport(server.store, {
      page_host: host,
      received_at: minutes(-200),
      deadline_at: null,
    });
    const recent = await insertReport(server.store, {
      page_host: host,
      received_at: minutes(-10),
      deadline_at: minutes(20),
    });
    const byReceived = rows((await inbox(`host=${host}`)).page).map((r) => r.reference);
    expect(byReceived).toEqual([recent.reference, mid.reference, old.reference]);
    const { page } = await inbox(`host=${host}&sort=deadline`);
    expect(rows(page).map((r) => r.reference)).toEqual([recent.reference, old.reference, mid.reference]);
    expect(page).toMatch(/<a href="[^"]*sort=deadline[^"]*" aria-current="true">By response deadline<\/a>/);
  });

  it('marks deadlines amber within 30 minutes and red once passed, in words as well as colour', async () => {
    const host = 'colours.test';
    const late = await insertReport(server.store, { page_host: host, deadline_at: minutes(-120) });
    const soon = await insertReport(server.store, { page_host: host, deadline_at: minutes(25) });
    const edge = await insertReport(server.store, { page_host: host, deadline_at: minutes(29.9) });
    const later = await insertReport(server.store, { page_host: host, deadline_at: minutes(45) });
    const none = await insertReport(server.store, { page_host: host, deadline_at: null });
    const shown = new Map(
      rows((await inbox(`host=${host}&sort=deadline`)).page).map((r) => [r.reference, r]),
    );

    expect(shown.get(late.reference)).toMatchObject({
      level: 'late',
      dueClass: 'late',
      dueText: 'overdue by 2 h',
    });
    expect(shown.get(soon.reference)).toMatchObject({
      level: 'soon',
      dueClass: 'soon',
      dueText: 'due in 25 min',
    });
    expect(shown.get(edge.reference)).toMatchObject({
      level: 'soon',
      dueClass: 'soon',
      dueText: 'due in 30 min',
    });
    expect(shown.get(later.reference)).toMatchObject({
      level: 'later',
      dueClass: 'later',
      dueText: 'due in 45 min',
    });
    expect(shown.get(none.reference)).toMatchObject({
      level: 'later',
      dueClass: undefined,
      dueText: 'no deadline',
    });
  });

  it('filters by state, incident and host', async () => {
    const host = 'filters.test';
    const incidentRes = await client.post('/console/incidents', { name: 'Filter incident', message: 'x' });
    const incidentId = (incidentRes.headers.get('location') ?? '').split('/').pop() as string;
    const failed = await insertReport(server.store, { page_host: host, state: 'failed' });
    const linked = await insertReport(server.store, {
      page_host: host,
      incident_id: incidentId,
      incident_link: 'match',
    });
    const other = await insertReport(server.store, { page_host: 'elsewhere.test' });
    const refs = async (q: string) => rows((await inbox(q)).page).map((r) => r.reference);

    expect(await refs(`host=${host}&state=failed`)).toEqual([failed.reference]);
    expect(await refs(`incident=${incidentId}`)).toEqual([linked.reference]);
    expect(await refs(`host=${host}&incident=none`)).toEqual([failed.reference]);
    expect(await refs('host=elsewhere.test')).toEqual([other.reference]);
    // Empty values, as the filter form sends for "Any", mean no filter.
    expect(await refs(`host=${host}&state=&incident=`)).toEqual([linked.reference, failed.reference]);
    // The linked incident is named in the row and offered as a filter.
    const { page } = await inbox(`host=${host}`);
    expect(page).toContain(`<a href="/console/incidents/${incidentId}">Filter incident</a>`);
    expect(page).toContain(`<option value="${incidentId}">Filter incident</option>`);
  });

  it('answers wrong filter values with a 400 page that names them, not a server error', async () => {
    const { status, page } = await inbox('state=lost&incident=DROP%20TABLE&host=not_a_host!&page=0&sort=up');
    expect(status).toBe(400);
    expect(page).toContain('Please correct the following:');
    for (const field of ['f-state-error', 'f-incident-error', 'f-page']) expect(page).toContain(field);
    expect(page).toContain('must be a host name such as shop.example.com');
    expect(rows(page)).toEqual([]);
  });

  it('pages through many reports, 50 at a time', async () => {
    const host = 'many.test';
    for (let i = 0; i < 53; i++)
      await insertReport(server.store, { page_host: host, received_at: minutes(-i) });
    const first = await inbox(`host=${host}`);
    expect(rows(first.page)).toHaveLength(50);
    expect(first.page).toContain('Page 1 of 2');
    expect(first.page).toContain(`<a rel="next" href="/console?host=${host}&amp;page=2">`);
    const second = await inbox(`host=${host}&page=2`);
    expect(rows(second.page)).toHaveLength(3);
    expect(second.page).toContain('53 reports');
  });

  it('shows a report’s fields, environment, console entries and images, with any script as text', async () => {
    const report = await insertReport(server.store, {
      images: 2,
      title: '<script>alert("title")</script>',
      external_ref: '#4711',
    });
    const res = await client.get(`/console/reports/${report.reference}`);
    expect(res.status).toBe(200);
    const page = await res.text();
    expect(page).not.toContain('<script>alert');
    expect(page).toContain('&lt;script&gt;alert(&quot;title&quot;)&lt;/script&gt;');
    for (const text of [
      '1. Add a sofa to the cart',
      'The order is placed',
      'Möbelhaus Nord GmbH',
      'anna@moebel-nord.example',
      'Chrome 134.0',
      '1280 × 720',
      'Europe/Berlin',
      'https://api.example.com/orders',
      'Failed request',
      '#4711',
      'Full page (stitched)',
      // The country by its name in the reader's language, with the code the reporter sent.
      'Germany (DE)',
    ]) {
      expect(page).toContain(text);
    }
    const inRussian = await client.get(`/console/reports/${report.reference}`, { 'accept-language': 'ru' });
    expect(await inRussian.text()).toContain('Германия (DE)');
    expect(page).toContain(`<img src="/console/reports/${report.reference}/attachments/0"`);
    expect(page).toContain(`<img src="/console/reports/${report.reference}/attachments/1"`);
  });

  it('serves a report’s image inline, sandboxed and unsniffable, only to the console', async () => {
    const report = await insertReport(server.store, { images: 1 });
    const path = `/console/reports/${report.reference}/attachments/0`;
    const res = await client.get(path);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('content-disposition')).toBe('inline; filename="capture-1.png"');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(res.headers.get('content-security-policy')).toBe('sandbox');
    const stored = await server.store.db
      .selectFrom('report_attachments')
      .select('data')
      .where('report_id', '=', report.id)
      .executeTakeFirstOrThrow();
    expect(Buffer.from(await res.arrayBuffer()).equals(Buffer.from(stored.data))).toBe(true);

    expect((await client.get(`/console/reports/${report.reference}/attachments/5`)).status).toBe(404);
    expect((await client.get('/console/reports/SD-1/attachments/0')).status).toBe(404);
    const anonymous = await server.request(path);
    expect(anonymous.status).toBe(303);
    expect(anonymous.headers.get('content-type') ?? '').not.toContain('image');
  });

  it('shows forwarding per help desk and retries a failed one with "Retry now"', async () => {
    const report = await insertReport(server.store, { state: 'failed' });
    const [redmine, email] = await enqueue(server.store.db, [
      { kind: 'forward', ref_id: report.id, payload: { connector: 'redmine' } },
      { kind: 'forward', ref_id: report.id, payload: { connector: 'email' } },
    ]);
    await server.store.db
      .updateTable('jobs')
      .set({ state: 'failed', attempts: 12, last_error: 'Redmine answered 503 <b>down</b>' })
      .where('id', '=', redmine as string)
      .execute();
    await server.store.db
      .updateTable('jobs')
      .set({ state: 'done', attempts: 1, result: JSON.stringify({}) })
      .where('id', '=', email as string)
      .execute();
    const path = `/console/reports/${report.reference}`;
    const page = await (await client.get(path)).text();
    expect(page).toMatch(
      /<td>Redmine<\/td><td><span class="pill failed">Gave up<\/span><\/td><td>12 of 12<\/td>/,
    );
    expect(page).toContain('Redmine answered 503 &lt;b&gt;down&lt;/b&gt;');
    expect(page).toMatch(/<td>E-mail<\/td><td><span class="pill done">Delivered<\/span>/);

    const job = () =>
      server.store.db
        .selectFrom('jobs')
        .selectAll()
        .where('id', '=', redmine as string)
        .executeTakeFirstOrThrow();
    expect((await client.post(`${path}/retry`, {}, { csrf: 'wrong' })).status).toBe(403);
    expect((await job()).state).toBe('failed');

    const retried = await client.post(`${path}/retry`, {});
    expect(retried.status).toBe(303);
    expect(retried.headers.get('location')).toBe(`${path}?retried=1`);
    const after = await job();
    expect(after.state).toBe('pending');
    expect(Date.parse(after.run_at)).toBeLessThanOrEqual(Date.now());
    expect(after.max_attempts).toBeGreaterThan(after.attempts);
    expect(await (await client.get(`${path}?retried=1`)).text()).toContain(
      'Forwarding will be tried again now.',
    );
  });

  it('answers an unknown report with a 404 page', async () => {
    for (const ref of ['SD-999999', 'nonsense', newId()]) {
      const res = await client.get(`/console/reports/${ref}`);
      expect(res.status).toBe(404);
      expect(await res.text()).toContain('There is no report with this reference.');
    }
  });
});

describe.skip.each(skippedDatabases())('console report inbox on %s', () => {
  it('needs PostgreSQL', () => {});
});
