import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { apiError } from '../../shared/schemas/error.ts';
import { intakeResponse } from '../../shared/schemas/report.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { postReport, sampleReport } from '../helpers/intake.ts';
import { startTestServer, type TestServer } from '../helpers/server.ts';

const NOT_WELL_FORMED = 'must be well-formed Unicode text (it contains an unpaired surrogate)';

describe.each(testDatabases())('text that is not well-formed Unicode on $name', (database) => {
  let server: TestServer;
  beforeAll(async () => {
    server = await startTestServer(database, { SNAPDESK_INTAKE_PER_MINUTE: '10000' });
  });
  afterAll(() => server.stop());

  const count = async (table: 'reports' | 'components' | 'incidents') =>
    Number(
      (
        await server.store.db
          .selectFrom(table)
          .select((eb) => eb.fn.countAll().as('n'))
          .executeTakeFirstOrThrow()
      ).n,
    );

  const expectRefused = async (res: Response, path: string) => {
    expect(res.status).toBe(400);
    const { error } = apiError.parse(await res.json());
    expect(error.code).toBe('invalid_request');
    expect(error.issues).toEqual([{ path, message: NOT_WELL_FORMED }]);
    expect(error.message).toBe(`${path}: ${NOT_WELL_FORMED}`);
  };

  it('is refused in a report, naming the field, and nothing is stored', async () => {
    const before = await count('reports');
    // JSON.stringify writes a lone surrogate as the escape `\ud800`, which JSON.parse turns back into one.
    const title = 'Checkout \ud800 fails';
    expect(JSON.stringify(title)).toContain('\\ud800');
    await expectRefused(await postReport(server, { report: sampleReport({ title }) }), 'title');
    const report = sampleReport();
    await expectRefused(
      await postReport(server, {
        report: { ...report, environment: { ...report.environment, title: 'Order \udc00' } },
      }),
      'environment.title',
    );
    expect(await count('reports')).toBe(before);
  });

  it('is refused by the admin API, naming the field', async () => {
    const components = await count('components');
    await expectRefused(await server.admin('POST', '/components', { name: 'Shop \ud800' }), 'name');
    await expectRefused(
      await server.admin('POST', '/incidents', { name: 'Down', message: 'Looking \udfff into it' }),
      'message',
    );
    expect(await count('components')).toBe(components);
  });

  it('keeps well-formed text in any script, with characters outside the BMP', async () => {
    const title = 'Plata eșuează — Сбой оплаты — Platba selhala 😀';
    const res = await postReport(server, { report: sampleReport({ title }) });
    expect(res.status).toBe(201);
    const { reference } = intakeResponse.parse(await res.json());
    const row = await server.store.db
      .selectFrom('reports')
      .select(['title', 'body'])
      .where('reference', '=', reference)
      .executeTakeFirstOrThrow();
    expect(row.title).toBe(title);
    expect(JSON.parse(row.body).title).toBe(title);
  });
});

describe.skip.each(skippedDatabases())('text that is not well-formed Unicode on %s', () => {
  it('needs PostgreSQL', () => {});
});
