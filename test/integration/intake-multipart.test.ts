import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiError } from '../../shared/schemas/error.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { makePng } from '../helpers/images.ts';
import { sampleReport } from '../helpers/intake.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

/** A multipart body written by hand, for shapes FormData would not produce. */
function multipart(boundary: string, parts: { name: string; body: string | Uint8Array; file?: string }[]) {
  const chunks: Buffer[] = [];
  for (const p of parts) {
    const filename = p.file ? `; filename="${p.file}"` : '';
    chunks.push(
      Buffer.from(`--${boundary}\r\nContent-Disposition: form-data; name="${p.name}"${filename}\r\n\r\n`),
      Buffer.from(p.body),
      Buffer.from('\r\n'),
    );
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return Buffer.concat(chunks);
}

describe.each(testDatabases())('multipart parts of a report on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { SNAPDESK_INTAKE_PER_MINUTE: '10000' });
  });
  afterAll(() => server.stop());

  const post = (body: Uint8Array<ArrayBuffer>, contentType: string) =>
    server.request('/api/reports', {
      method: 'POST',
      headers: { 'idempotency-key': crypto.randomUUID(), 'content-type': contentType },
      body,
    });
  const refusal = async (res: Response) => {
    expect(res.status).toBe(400);
    return apiError.parse(await res.json()).error;
  };
  const reports = async () =>
    Number(
      (
        await server.store.db
          .selectFrom('reports')
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  it('accepts a report written by hand, so the refusals below are about their parts', async () => {
    const body = multipart('b0undary', [
      { name: 'report', body: JSON.stringify(sampleReport({ attachments: [] })) },
    ]);
    expect((await post(body, 'multipart/form-data; boundary=b0undary')).status).toBe(201);
    const quoted = multipart('with space', [
      { name: 'report', body: JSON.stringify(sampleReport({ attachments: [] })) },
    ]);
    expect((await post(quoted, 'multipart/form-data; boundary="with space"')).status).toBe(201);
  });

  it('refuses a second report part, naming it, rather than keeping either', async () => {
    const before = await reports();
    const first = JSON.stringify(sampleReport({ attachments: [], title: 'The first one' }));
    const second = JSON.stringify(sampleReport({ attachments: [], title: 'The second one' }));
    const body = multipart('xyz', [
      { name: 'report', body: first },
      { name: 'report', body: second },
    ]);
    const error = await refusal(await post(body, 'multipart/form-data; boundary=xyz'));
    expect(error.code).toBe('invalid_request');
    expect(error.issues).toEqual([{ path: 'report', message: 'is sent more than once' }]);
    expect(await reports()).toBe(before);
  });

  it('refuses a body of 600,000 tiny parts before parsing it, saying why', async () => {
    const part = '--B\r\nContent-Disposition: form-data; name="x"\r\n\r\n\r\n';
    const body = Buffer.from(`${part.repeat(600_000)}--B--\r\n`);
    const error = await refusal(await post(body, 'multipart/form-data; boundary=B'));
    expect(error.code).toBe('too_many_parts');
    expect(error.message).toBe(
      'the multipart body has more than 16 parts (a report is one "report" part and at most 10 files)',
    );
  });

  it('refuses a few parts over the limit as well, wherever they are in the body', async () => {
    const report = sampleReport({ attachments: [] });
    const files = Array.from({ length: 16 }, (_, i) => ({
      name: `file${i}`,
      body: makePng(2, 2),
      file: `${i}.png`,
    }));
    const body = multipart('lim1t', [{ name: 'report', body: JSON.stringify(report) }, ...files]);
    const error = await refusal(await post(body, 'multipart/form-data; boundary=lim1t'));
    expect(error.code).toBe('too_many_parts');
    // One fewer is parsed, and answered by what is wrong with its parts.
    const fewer = multipart('lim1t', [{ name: 'report', body: JSON.stringify(report) }, ...files.slice(1)]);
    const answer = await refusal(await post(fewer, 'multipart/form-data; boundary=lim1t'));
    expect(answer.code).toBe('invalid_request');
  });

  it('refuses a multipart body without a boundary', async () => {
    const body = multipart('b', [{ name: 'report', body: '{}' }]);
    const error = await refusal(await post(body, 'multipart/form-data; charset=utf-8'));
    expect(error.code).toBe('malformed_multipart');
  });
});

describe.skip.each(skippedDatabases())('multipart parts of a report on %s', () => {
  it('needs PostgreSQL', () => {});
});
