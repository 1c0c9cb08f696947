import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { LIMITS } from '../../shared/limits.ts';
import { apiError } from '../../shared/schemas/error.ts';
import { intakeResponse, reportStatusResponse } from '../../shared/schemas/report.ts';
import { attachmentUrlFor } from '../../status-server/routes/reports.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { jpegHeader, makePng } from '../helpers/images.ts';
import { postReport, sampleFiles, sampleReport } from '../helpers/intake.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

describe.each(testDatabases())('report intake on $name', (database) => {
  let server: TestServer;
  let shopComponent: string;

  beforeAll(async () => {
    server = await startTestServer(database, { SNAPDESK_INTAKE_PER_MINUTE: '10000' });
    shopComponent = (
      await (await server.admin('POST', '/components', { name: 'Shop', hosts: ['shop.example.com'] })).json()
    ).component.id;
  });
  afterAll(() => server.stop());

  const count = async (table: 'reports' | 'report_attachments') =>
    Number(
      (
        await server.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const expectRefused = async (res: Response, status: number, code: string, mentions?: string) => {
    expect(res.status).toBe(status);
    const body = apiError.parse(await res.json());
    expect(body.error.code).toBe(code);
    if (mentions) expect(body.error.message).toContain(mentions);
  };

  it('stores a report with its images and answers a reference and a secret', async () => {
    const before = await count('reports');
    const files = sampleFiles();
    const res = await postReport(server, { files });
    expect(res.status).toBe(201);
    const body = intakeResponse.parse(await res.json());
    expect(body.reference).toMatch(/^SD-\d{4,}$/);
    expect(body.status_url).toBe(`http://status.test/api/reports/${body.reference}/status`);

    const row = await server.store.db
      .selectFrom('reports')
      .selectAll()
      .where('reference', '=', body.reference)
      .executeTakeFirstOrThrow();
    expect(row).toMatchObject({
      type: 'bug',
      priority: 'high',
      page_host: 'shop.example.com',
      state: 'received',
    });
    // High priority answers within the default 4 h target.
    expect(Date.parse(row.deadline_at as string) - Date.parse(row.received_at)).toBe(4 * 3_600_000);
    const attachments = await server.store.db
      .selectFrom('report_attachments')
      .selectAll()
      .where('report_id', '=', row.id)
      .orderBy('position')
      .execute();
    expect(attachments.map((a) => [a.name, a.content_type, a.width, a.height, a.method])).toEqual([
      ['page.png', 'image/png', 40, 120, 'stitched'],
      ['viewport.png', 'image/png', 40, 30, 'viewport'],
    ]);
    expect(Buffer.from(attachments[0]?.data as Uint8Array).equals(files.file0)).toBe(true);
    expect(await count('reports')).toBe(before + 1);
  });

  it('answers a retry with the same key exactly as the first time and stores nothing twice', async () => {
    const key = crypto.randomUUID();
    const report = sampleReport({ title: 'Retried report about order 77' });
    const files = sampleFiles();
    const first = await postReport(server, { key, report, files });
    expect(first.status).toBe(201);
    const before = await count('reports');
    const again = await postReport(server, { key, report, files });
    expect(again.status).toBe(200);
    expect(await again.json()).toEqual(await first.json());
    expect(await count('reports')).toBe(before);
  });

  it('stores one report when the same key arrives several times at once', async () => {
    const key = crypto.randomUUID();
    const report = sampleReport({ title: 'Concurrent delivery of one report' });
    const files = sampleFiles();
    const before = await count('reports');
    const answers = await Promise.all(
      Array.from({ length: 5 }, () => postReport(server, { key, report, files })),
    );
    const bodies = await Promise.all(answers.map((r) => r.json()));
    expect(answers.map((r) => r.status).sort()).toEqual([200, 200, 200, 200, 201]);
    expect(new Set(bodies.map((b) => b.reference)).size).toBe(1);
    expect(await count('reports')).toBe(before + 1);
  });

  it('refuses a reused key with a different report', async () => {
    const key = crypto.randomUUID();
    await postReport(server, { key });
    const other = await postReport(server, {
      key,
      report: sampleReport({ title: 'A different problem entirely' }),
    });
    await expectRefused(other, 422, 'idempotency_key_reused');
  });

  it('lets the reporter, and only the reporter, read the status', async () => {
    const a = intakeResponse.parse(await (await postReport(server)).json());
    const b = intakeResponse.parse(await (await postReport(server)).json());
    const read = (ref: string, secret: string) =>
      server.request(`/api/reports/${ref}/status`, { headers: { authorization: `Bearer ${secret}` } });
    const ok = await read(a.reference, a.secret);
    expect(ok.status).toBe(200);
    expect(reportStatusResponse.parse(await ok.json())).toMatchObject({
      reference: a.reference,
      state: 'received',
    });
    await expectRefused(await read(a.reference, b.secret), 404, 'not_found');
    await expectRefused(await read('SD-999999', a.secret), 404, 'not_found');
    await expectRefused(await server.request(`/api/reports/${a.reference}/status`), 404, 'not_found');
  });

  it('serves an image to a signed link only', async () => {
    const files = sampleFiles();
    const { reference } = intakeResponse.parse(await (await postReport(server, { files })).json());
    const url = new URL((await attachmentUrlFor(server))(reference, 1));
    const res = await server.request(url.pathname + url.search);
    expect(res.status).toBe(200);
    expect(res.headers.get('content-type')).toBe('image/png');
    expect(res.headers.get('x-content-type-options')).toBe('nosniff');
    expect(Buffer.from(await res.arrayBuffer()).equals(files.file1)).toBe(true);
    expect((await server.request(`${url.pathname}?sig=forged`)).status).toBe(404);
    expect((await server.request(url.pathname.replace(/\/1$/, '/0') + url.search)).status).toBe(404);
  });

  describe('links a report to the incident it belongs to', () => {
    let incidentId: string;
    beforeAll(async () => {
      const r = await server.admin('POST', '/incidents', {
        name: 'Checkout is slow',
        message: 'Investigating.',
        impact: 'major',
        components: { [shopComponent]: 'degraded_performance' },
      });
      incidentId = (await r.json()).incident.id;
    });

    const withUrl = (url: string, capturedAgoMs = 0) =>
      sampleReport({
        environment: {
          ...sampleReport().environment,
          url,
          captured_at: new Date(Date.now() - capturedAgoMs).toISOString(),
        },
      });

    it('by host and time, including subdomains, and says so in the answer', async () => {
      for (const url of ['https://shop.example.com/cart', 'https://eu.shop.example.com/']) {
        const body = intakeResponse.parse(await (await postReport(server, { report: withUrl(url) })).json());
        expect(body.incident).toMatchObject({
          id: incidentId,
          name: 'Checkout is slow',
          status: 'investigating',
          impact: 'major',
        });
        expect(body.incident?.url).toBe(`http://status.test/incidents/${incidentId}`);
      }
    });

    it('not for another host, nor long before the incident began', async () => {
      const other = intakeResponse.parse(
        await (await postReport(server, { report: withUrl('https://blog.example.com/') })).json(),
      );
      expect(other.incident).toBeNull();
      const early = intakeResponse.parse(
        await (
          await postReport(server, { report: withUrl('https://shop.example.com/', 2 * 3_600_000) })
        ).json(),
      );
      expect(early.incident).toBeNull();
    });

    it('within the window before the incident was declared', async () => {
      const body = intakeResponse.parse(
        await (
          await postReport(server, { report: withUrl('https://shop.example.com/', 10 * 60_000) })
        ).json(),
      );
      expect(body.incident?.id).toBe(incidentId);
    });

    it('to the incident the reporter chose, which must exist', async () => {
      const chosen = sampleReport({
        incident_id: incidentId,
        environment: { ...sampleReport().environment, url: 'https://other.test/' },
      });
      const body = intakeResponse.parse(await (await postReport(server, { report: chosen })).json());
      expect(body.incident?.id).toBe(incidentId);
      const row = await server.store.db
        .selectFrom('reports')
        .select('incident_link')
        .where('reference', '=', body.reference)
        .executeTakeFirstOrThrow();
      expect(row.incident_link).toBe('reporter');
      await expectRefused(
        await postReport(server, { report: { ...chosen, incident_id: 'zzzzzzzzzzzz' } }),
        400,
        'invalid_request',
        'incident_id',
      );
    });

    it('lists the incidents covering a host for the extension banner', async () => {
      const res = await server.request('/api/incidents/active?host=www.shop.example.com');
      expect((await res.json()).incidents.map((i: { id: string }) => i.id)).toEqual([incidentId]);
      expect(
        (await (await server.request('/api/incidents/active?host=blog.example.com')).json()).incidents,
      ).toEqual([]);
      await expectRefused(
        await server.request('/api/incidents/active?host=not a host'),
        400,
        'invalid_request',
        'host',
      );
    });
  });

  describe('refuses bad input and stores nothing', () => {
    let before: number;
    beforeAll(async () => {
      before = await count('reports');
    });
    afterAll(async () => {
      expect(await count('reports')).toBe(before);
    });

    it('without an Idempotency-Key', async () => {
      const res = await postReport(server, { headers: { 'idempotency-key': '' } });
      await expectRefused(res, 400, 'invalid_request', 'Idempotency-Key');
    });
    it('when the body is not multipart', async () => {
      const res = await server.request('/api/reports', {
        method: 'POST',
        headers: { 'idempotency-key': crypto.randomUUID(), 'content-type': 'application/json' },
        body: JSON.stringify(sampleReport()),
      });
      await expectRefused(res, 415, 'unsupported_media_type');
    });
    it('when the multipart body is cut short', async () => {
      const res = await server.request('/api/reports', {
        method: 'POST',
        headers: {
          'idempotency-key': crypto.randomUUID(),
          'content-type': 'multipart/form-data; boundary=XYZ',
        },
        body: '--XYZ\r\nContent-Disposition: form-data; name="report"\r\n\r\n{"type":"bug"',
      });
      await expectRefused(res, 400, 'malformed_multipart');
    });
    it('when the report part is not JSON', async () => {
      const form = new FormData();
      form.set('report', '{not json');
      const res = await server.request('/api/reports', {
        method: 'POST',
        headers: { 'idempotency-key': crypto.randomUUID() },
        body: form,
      });
      await expectRefused(res, 400, 'malformed_json');
    });
    it('when a field is unknown, of the wrong type or not allowed for the type', async () => {
      await expectRefused(
        await postReport(server, { report: { ...sampleReport(), colour: 'red' } }),
        400,
        'invalid_request',
        'colour',
      );
      await expectRefused(
        await postReport(server, { report: { ...sampleReport(), title: 42 } }),
        400,
        'invalid_request',
        'title',
      );
      await expectRefused(
        await postReport(server, { report: sampleReport({ type: 'question' }) }),
        400,
        'invalid_request',
        'priority',
      );
      await expectRefused(
        await postReport(server, { report: sampleReport({ contact_email: 'not-an-address' }) }),
        400,
        'invalid_request',
        'contact_email',
      );
    });
    it('when a file is not an image, whatever its declared type', async () => {
      const fake = new Blob([new TextEncoder().encode('<script>alert(1)</script>'.repeat(10))], {
        type: 'image/png',
      });
      const res = await postReport(server, { files: { file0: fake, file1: makePng(4, 4) } });
      await expectRefused(res, 400, 'invalid_request', 'page.png is not a PNG, JPEG, WebP, GIF or PDF');
    });
    it('when a capture is a PDF, or a declared part is missing, or a part is extra', async () => {
      const pdf = new Blob([new TextEncoder().encode('%PDF-1.4\n%…')]);
      await expectRefused(
        await postReport(server, { files: { file0: pdf, file1: makePng(4, 4) } }),
        400,
        'invalid_request',
        'capture must be',
      );
      await expectRefused(
        await postReport(server, { files: { file0: makePng(4, 4) } }),
        400,
        'invalid_request',
        'file1 is missing',
      );
      const extra = { ...sampleFiles(), file2: makePng(4, 4) };
      await expectRefused(await postReport(server, { files: extra }), 400, 'invalid_request', 'file2');
      const form = new FormData();
      form.set('report', JSON.stringify(sampleReport({ attachments: [] })));
      form.set('notes', 'hello');
      const res = await server.request('/api/reports', {
        method: 'POST',
        headers: { 'idempotency-key': crypto.randomUUID() },
        body: form,
      });
      await expectRefused(res, 400, 'invalid_request', 'notes');
    });
    it('when an image header lies about its size', async () => {
      const res = await postReport(server, { files: { file0: jpegHeader(0, 100), file1: makePng(4, 4) } });
      await expectRefused(res, 400, 'invalid_request');
    });
    it('when a file or the whole report is too large', async () => {
      const big = new Uint8Array(11 * 1024 * 1024);
      big.set(makePng(4, 4));
      await expectRefused(
        await postReport(server, { files: { file0: big, file1: makePng(4, 4) } }),
        400,
        'invalid_request',
        'larger than 10 MB',
      );
      const files: Record<string, Uint8Array> = {};
      const attachments = [];
      for (let i = 0; i < 5; i++) {
        files[`file${i}`] = big;
        attachments.push({ part: `file${i}`, name: `${i}.png`, kind: 'file' as const });
      }
      await expectRefused(
        await postReport(server, { files, report: sampleReport({ attachments }) }),
        413,
        'payload_too_large',
      );
    });
    it('when there are too many files', async () => {
      const files: Record<string, Uint8Array> = {};
      const attachments = [];
      for (let i = 0; i < 11; i++) {
        files[`file${i}`] = makePng(2, 2);
        attachments.push({ part: `file${i}`, name: `${i}.png`, kind: 'file' as const });
      }
      await expectRefused(
        await postReport(server, { files, report: sampleReport({ attachments }) }),
        400,
        'invalid_request',
        'attachments',
      );
    });
  });

  it('takes files of 40 MB in all with the framing on top, and refuses more, though the body is within its limit', async () => {
    const ten = new Uint8Array(LIMITS.maxFileBytes);
    ten.set(makePng(4, 4));
    const files: Record<string, Uint8Array> = { file0: ten, file1: ten, file2: ten, file3: ten };
    const attachments = Object.keys(files).map((part) => ({
      part,
      name: `${part}.png`,
      kind: 'file' as const,
    }));
    // 40 MB of files in all: the most a report holds, the report part and the framing on top.
    const largest = await postReport(server, { files, report: sampleReport({ attachments }) });
    expect(largest.status).toBe(201);
    files.file4 = makePng(1, 1);
    attachments.push({ part: 'file4', name: 'file4.png', kind: 'file' });
    await expectRefused(
      await postReport(server, { files, report: sampleReport({ attachments }) }),
      413,
      'payload_too_large',
      'at most 40 MB',
    );
  }, 30_000);

  it('keeps script in text fields as text', async () => {
    const title = '<script>alert("x")</script> Cart total is wrong';
    const body = intakeResponse.parse(
      await (await postReport(server, { report: sampleReport({ title }) })).json(),
    );
    const row = await server.store.db
      .selectFrom('reports')
      .select(['title', 'body'])
      .where('reference', '=', body.reference)
      .executeTakeFirstOrThrow();
    expect(row.title).toBe(title);
    expect(JSON.parse(row.body).title).toBe(title);
  });

  describe('the parts of a whole page cut for its height', () => {
    const part = (i: number, index: number, count: number | string = 2) => ({
      part: `file${i}`,
      name: `full-page-${index}of2.png`,
      kind: 'capture',
      method: 'stitched',
      page_part: { index, count },
    });
    const post = (attachments: unknown[]) =>
      postReport(server, { report: { ...sampleReport(), attachments } });

    it('stores them in page order, each with its label', async () => {
      const res = await post([part(0, 1), part(1, 2)]);
      expect(res.status).toBe(201);
      const { reference } = intakeResponse.parse(await res.json());
      const row = await server.store.db
        .selectFrom('reports')
        .select('body')
        .where('reference', '=', reference)
        .executeTakeFirstOrThrow();
      expect(JSON.parse(row.body).attachments.map((a: { page_part: unknown }) => a.page_part)).toEqual([
        { index: 1, count: 2 },
        { index: 2, count: 2 },
      ]);
    });

    it('refuses parts out of order, or a malformed label, with a 400 that says what is wrong', async () => {
      for (const [attachments, path, message] of [
        [[part(0, 2), part(1, 1)], 'attachments', 'page order'],
        [[part(0, 3), part(1, 2)], 'attachments.0.page_part', 'at most count'],
        [[part(0, 1, 'two'), part(1, 2)], 'attachments.0.page_part.count', ''],
      ] as const) {
        const res = await post([...attachments]);
        expect(res.status).toBe(400);
        const { error } = apiError.parse(await res.json());
        const issue = error.issues?.find((i) => i.path === path);
        expect(issue?.message, JSON.stringify(error)).toContain(message);
      }
    });
  });
});

describe.each(testDatabases())('intake rate limit on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { SNAPDESK_INTAKE_PER_MINUTE: '4' });
  });
  afterAll(() => server.stop());

  it('refuses a client that sends too many reports at once, saying when to try again', async () => {
    const statuses = [];
    for (let i = 0; i < 3; i++) statuses.push((await postReport(server)).status);
    expect(statuses).toEqual([201, 201, 429]);
    const res = await postReport(server);
    expect(res.status).toBe(429);
    expect(Number(res.headers.get('retry-after'))).toBeGreaterThan(0);
    expect((await res.json()).error.code).toBe('rate_limited');
  });
});

describe.skip.each(skippedDatabases())('report intake on %s', () => {
  it('needs PostgreSQL', () => {});
});
