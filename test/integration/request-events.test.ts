import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { reportStatusResponse } from '../../shared/schemas/report.ts';
import type { Connector } from '../../status-server/connectors/config.ts';
import { retryNow } from '../../status-server/platform/jobs/queue.ts';
import { REQUEST_EVENT_JOB } from '../../status-server/requests/events.ts';
import { type ConsoleClient, signedIn } from '../helpers/console.ts';
import { skippedDatabases, testDatabases } from '../helpers/databases.ts';
import { type HookReceiver, startHookReceiver } from '../helpers/hook-receiver.ts';
import { jpegHeader, makePng } from '../helpers/images.ts';
import { type MailSink, startMailSink } from '../helpers/mail-sink.ts';
import { insertReport } from '../helpers/reports.ts';
import { type RequestServer, startRequestServer } from '../helpers/request-server.ts';

const secret = `whsec_${Buffer.alloc(32, 5).toString('base64')}`;
const DESK = 'desk@example.com';

interface Verified {
  type: string;
  data: {
    reference: string;
    external_ref: string | null;
    event_id: string;
    text: string | null;
    attachments: { name: string; content_type: string; size: number; url: string }[];
  };
}

describe.each(testDatabases())('the reporter’s moves reach the help desk on $name', (database) => {
  let hook: HookReceiver;
  let sink: MailSink;
  let server: RequestServer;
  let client: ConsoleClient;
  beforeAll(async () => {
    hook = await startHookReceiver({ secret });
    sink = await startMailSink();
    server = await startRequestServer(database, {
      SNAPDESK_FORWARD_WEBHOOK_URL: `${hook.url}/desk`,
      SNAPDESK_FORWARD_WEBHOOK_SECRET: secret,
      SNAPDESK_SMTP_URL: sink.url,
      SNAPDESK_FORWARD_EMAIL_TO: DESK,
      SNAPDESK_HELPDESK_LOCALE: 'cs',
    });
    client = await signedIn(server);
  });
  beforeEach(() => {
    hook.deliveries.length = 0;
    sink.messages.length = 0;
  });
  afterAll(async () => {
    await server.stop();
    await hook.stop();
    await sink.stop();
  });

  const png = makePng(6, 4, [10, 200, 30]);
  const jpeg = jpegHeader(8, 6);

  /** A report forwarded to these connectors (unless `forward: false`), waiting for its reporter. */
  const waitingReport = async (connectors: Connector[], o: { forward?: boolean } = {}) => {
    const report = await insertReport(server.store, { connectors, images: 0 });
    if (o.forward !== false) await server.drain();
    const asked = await client.post(`/console/reports/${report.reference}/request`, {
      state: 'waiting_for_customer',
      reply: 'Can you send a screenshot?',
    });
    expect(asked.status).toBe(303);
    return { ...report, secret: await server.secretOf(report.reference) };
  };
  const answer = (r: { reference: string; secret: string }, parts: [string, string | Blob, string?][]) => {
    const form = new FormData();
    for (const [name, value, file] of parts) {
      if (typeof value === 'string') form.append(name, value);
      else form.append(name, value, file);
    }
    return server.request(`/api/reports/${r.reference}/answer`, {
      method: 'POST',
      headers: { authorization: `Bearer ${r.secret}` },
      body: form,
    });
  };
  const image = (bytes: Buffer, type = 'image/png') => new Blob([new Uint8Array(bytes)], { type });
  const reporterCall = (r: { reference: string; secret: string }, action: string, body?: unknown) =>
    server.request(`/api/reports/${r.reference}/${action}`, {
      method: 'POST',
      headers: {
        authorization: `Bearer ${r.secret}`,
        ...(body ? { 'content-type': 'application/json' } : {}),
      },
      ...(body ? { body: JSON.stringify(body) } : {}),
    });
  const eventJobs = (reportId: string) =>
    server.store.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', REQUEST_EVENT_JOB)
      .where('ref_id', '=', reportId)
      .orderBy('created_at')
      .execute();
  const hookEvents = () =>
    hook.deliveries.filter((d) => d.verified && (d.verified as Verified).type.startsWith('request.'));

  it('stores an answer’s two images with it, shows them, and sends them to the webhook and the mailbox', async () => {
    const r = await waitingReport(['email', 'webhook']);
    const forwardedMail = sink.to(DESK)[0];
    expect(forwardedMail?.subject).toBe(`[${r.reference}] Checkout button does nothing`);

    const res = await answer(r, [
      ['answer', JSON.stringify({ text: 'Here it is, twice.' })],
      ['file0', image(png), 'screen.png'],
      ['file1', image(jpeg, 'application/octet-stream'), 'photo.jpg'],
    ]);
    expect(res.status).toBe(200);
    const view = reportStatusResponse.shape.request.parse((await res.json()).request);
    expect(view?.state).toBe('in_progress');
    expect(view?.comments.at(-1)).toMatchObject({
      author: 'reporter',
      body: 'Here it is, twice.',
      attachments: [
        { name: 'screen.png', content_type: 'image/png', size: png.length },
        { name: 'photo.jpg', content_type: 'image/jpeg', size: jpeg.length },
      ],
    });
    // The support comment before it has none, and says nothing of them.
    expect(view?.comments[0]).not.toHaveProperty('attachments');

    // One job per connector, queued with the answer.
    const jobs = await eventJobs(r.id);
    expect(jobs.map((j) => JSON.parse(j.payload).connector).sort()).toEqual(['email', 'webhook']);

    // The console shows both images, each served behind its login.
    const page = await (await client.get(`/console/reports/${r.reference}`)).text();
    const srcs = [...page.matchAll(/<img src="([^"]*\/events\/[^"]+)"/g)].map((m) => m[1] as string);
    expect(srcs).toHaveLength(2);
    const served = await client.get(srcs[1] as string);
    expect(served.headers.get('content-type')).toBe('image/jpeg');
    expect(Buffer.from(await served.arrayBuffer())).toEqual(jpeg);
    expect((await server.request(srcs[0] as string)).status).not.toBe(200);

    await server.drain();

    const [event] = hookEvents();
    expect(hookEvents()).toHaveLength(1);
    const sent = event?.verified as Verified;
    expect(sent).toMatchObject({
      type: 'request.answered',
      data: { reference: r.reference, external_ref: null, text: 'Here it is, twice.' },
    });
    expect(event?.id).toBe(jobs.find((j) => j.payload.includes('webhook'))?.id);
    expect(sent.data.attachments.map((a) => [a.name, a.content_type, a.size])).toEqual([
      ['screen.png', 'image/png', png.length],
      ['photo.jpg', 'image/jpeg', jpeg.length],
    ]);
    // The links serve the images to anyone holding them, and nothing to a guess.
    const link = sent.data.attachments[0]?.url ?? '';
    const fetched = await server.request(link);
    expect(fetched.status).toBe(200);
    expect(Buffer.from(await fetched.arrayBuffer())).toEqual(png);
    const forged = link.replace(/sig=.{4}/, 'sig=AAAA');
    expect((await server.request(forged)).status).toBe(404);

    const mails = sink.to(DESK);
    expect(mails).toHaveLength(2);
    const reply = mails[1];
    expect(reply?.subject).toBe(`Re: [${r.reference}] Checkout button does nothing`);
    expect(reply?.inReplyTo).toBe(forwardedMail?.messageId);
    expect(reply?.references).toContain(forwardedMail?.messageId as string);
    // Labelled in the help desk's language (cs); the reporter's words as written.
    expect(reply?.text).toContain('Zákazník odpověděl');
    expect(reply?.text).toContain('Here it is, twice.');
    expect(reply?.attachments.map((a) => [a.filename, a.contentType, Buffer.from(a.content)])).toEqual([
      ['screen.png', 'image/png', png],
      ['photo.jpg', 'image/jpeg', jpeg],
    ]);
    expect((await eventJobs(r.id)).map((j) => j.state)).toEqual(['done', 'done']);
  });

  it('sends a reopening and a confirmation in the order the reporter made them', async () => {
    const r = await waitingReport(['webhook']);
    await client.post(`/console/reports/${r.reference}/request`, { state: 'resolved' });
    expect((await reporterCall(r, 'reopen', { reason: 'Still broken on Firefox.' })).status).toBe(200);
    await client.post(`/console/reports/${r.reference}/request`, { state: 'resolved' });
    expect((await reporterCall(r, 'confirm')).status).toBe(200);
    await server.drain();
    // Claimed together, the confirmation waits while the reopening is being sent, then goes.
    const waiting = (await eventJobs(r.id)).filter((j) => j.state === 'pending');
    for (const j of waiting) expect(j.last_error).toMatch(/waits for an earlier event/);
    await retryNow(
      server.store.db,
      waiting.map((j) => j.id),
    );
    await server.drain();
    expect(
      hookEvents().map((d) => [(d.verified as Verified).type, (d.verified as Verified).data.text]),
    ).toEqual([
      ['request.reopened', 'Still broken on Firefox.'],
      ['request.confirmed', null],
    ]);
  });

  it('holds an answer back while the ticket is not made yet, without using up its tries', async () => {
    hook.answers.push(503);
    const r = await waitingReport(['webhook']);
    const [forward] = await server.store.db
      .selectFrom('jobs')
      .selectAll()
      .where('kind', '=', 'forward')
      .where('ref_id', '=', r.id)
      .execute();
    expect(forward?.state).toBe('pending');

    expect((await answer(r, [['answer', JSON.stringify({ text: 'Before the ticket' })]])).status).toBe(200);
    await server.drain();
    const [held] = await eventJobs(r.id);
    expect(held).toMatchObject({ state: 'pending', attempts: 0 });
    expect(held?.last_error).toMatch(/waits for the report's forwarding to webhook/);
    expect(hookEvents()).toHaveLength(0);

    // The ticket is made; the answer follows it, and only then.
    await retryNow(server.store.db, [forward?.id as string]);
    await server.drain();
    await retryNow(server.store.db, [held?.id as string]);
    await server.drain();
    expect(hook.deliveries.filter((d) => d.status === 204).map((d) => (d.verified as Verified).type)).toEqual(
      ['report.received', 'request.answered'],
    );
    expect((await eventJobs(r.id))[0]).toMatchObject({ state: 'done', attempts: 1 });
  });

  it('retries after the receiver’s 500 and is delivered once, with the same webhook-id', async () => {
    const r = await waitingReport(['webhook']);
    hook.answers.push(500);
    await answer(r, [['answer', JSON.stringify({ text: 'Third try lucky' })]]);
    await server.drain();
    const [job] = await eventJobs(r.id);
    expect(job).toMatchObject({ state: 'pending', attempts: 1 });
    expect(job?.last_error).toMatch(/answered 500/);

    await retryNow(server.store.db, [job?.id as string]);
    await server.drain();
    await server.drain();
    const events = hookEvents();
    expect(events.map((d) => [d.id, d.status])).toEqual([
      [job?.id, 500],
      [job?.id, 204],
    ]);
    expect((await eventJobs(r.id))[0]?.state).toBe('done');
  });

  it('keeps a queued answer across a restart and delivers it after', async () => {
    const r = await waitingReport(['email', 'webhook']);
    await answer(r, [
      ['answer', JSON.stringify({ text: 'Sent just before the deploy' })],
      ['file0', image(png), 'before-restart.png'],
    ]);
    await server.restart();
    await server.drain();
    expect(hookEvents().map((d) => (d.verified as Verified).data.text)).toEqual([
      'Sent just before the deploy',
    ]);
    const mails = sink.to(DESK);
    expect(mails.at(-1)?.attachments.map((a) => a.filename)).toEqual(['before-restart.png']);
  });

  it('queues nothing for a report forwarded to no connector that sends events', async () => {
    const r = await waitingReport([]);
    expect((await answer(r, [['answer', JSON.stringify({ text: 'Nobody to tell' })]])).status).toBe(200);
    expect(await eventJobs(r.id)).toEqual([]);
  });

  describe('refuses an answer it cannot take, and stores nothing of it', () => {
    const tooLarge = Buffer.concat([png, Buffer.alloc(10 * 1024 * 1024)]);
    const cases: [string, () => [string, string | Blob, string?][], number, RegExp][] = [
      [
        'a file that is not an image',
        () => [
          ['answer', JSON.stringify({ text: 'A PDF' })],
          ['file0', image(Buffer.from('%PDF-1.7\n'), 'image/png'), 'fake.png'],
        ],
        400,
        /file0.*PNG, JPEG or WebP/,
      ],
      [
        'too many images',
        () => [
          ['answer', JSON.stringify({ text: 'Six' })],
          ...Array.from({ length: 6 }, (_, i): [string, Blob, string] => [
            `file${i}`,
            image(png),
            `${i}.png`,
          ]),
        ],
        400,
        /at most 5 images/,
      ],
      [
        'an image over the size limit',
        () => [
          ['answer', JSON.stringify({ text: 'Huge' })],
          ['file0', image(tooLarge), 'huge.png'],
        ],
        400,
        /larger than 10 MB/,
      ],
      [
        'a part of another name',
        () => [
          ['answer', JSON.stringify({ text: 'Wrong name' })],
          ['image', image(png), 'x.png'],
        ],
        400,
        /image: is not a part of an answer/,
      ],
      ['no answer part', () => [['file0', image(png), 'x.png']], 400, /answer part is missing/],
      ['an answer part that is not JSON', () => [['answer', '{text:']], 400, /not valid JSON/],
      ['an empty text', () => [['answer', JSON.stringify({ text: '  ' })]], 400, /text/],
    ];
    it.each(cases)('%s', async (_, parts, status, message) => {
      const r = await waitingReport([]);
      const res = await answer(r, parts());
      expect(res.status).toBe(status);
      const body = (await res.json()) as { error: { message: string; issues?: { path: string }[] } };
      expect(JSON.stringify(body.error)).toMatch(message);
      const events = await server.store.db
        .selectFrom('report_events')
        .select(['id', 'kind'])
        .where('report_id', '=', r.id)
        .execute();
      expect(events.filter((e) => e.kind === 'answer')).toEqual([]);
      const files = await server.store.db
        .selectFrom('report_event_files')
        .select('event_id')
        .where(
          'event_id',
          'in',
          events.map((e) => e.id),
        )
        .execute();
      expect(files).toEqual([]);
      const row = await server.store.db
        .selectFrom('reports')
        .select('request_state')
        .where('id', '=', r.id)
        .executeTakeFirstOrThrow();
      expect(row.request_state).toBe('waiting_for_customer');
    });
  });
});

describe.skip.each(skippedDatabases())('the reporter’s moves reach the help desk on %s', () => {
  it('runs on PostgreSQL', () => {});
});
