import { type Context, Hono } from 'hono';
import { bodyLimit } from 'hono/body-limit';
import { createMiddleware } from 'hono/factory';
import { z } from 'zod';
import { hostCovers } from '../../shared/hosts.ts';
import {
  MAX_ANSWER_FILES,
  type ReportStatusResponse,
  requestAnswer,
  requestReopen,
} from '../../shared/schemas/report.ts';
import { hostName } from '../../shared/schemas/status.ts';
import type { Config } from '../config.ts';
import { jsonBody, jsonTooLarge, MAX_JSON_BODY, multipartBody, sizeLimit } from '../platform/http/body.ts';
import { clientAddress } from '../platform/http/client.ts';
import { type CorsOptions, corsAllowing } from '../platform/http/cors.ts';
import { ApiFailure, invalid, invalidFromZod, notFound } from '../platform/http/errors.ts';
import { builtWithBaseline } from '../platform/http/headers.ts';
import { limitedBy, rateLimit } from '../platform/http/rate-limit.ts';
import { candidatesAround, type IntakeDeps, incidentLink, LIMITS, receiveReport } from '../reports/intake.ts';
import { serverKey, sign, verify } from '../reports/keys.ts';
import { attachmentResponse } from '../reports/serve.ts';
import { type AnswerPart, checkAnswerFiles } from '../requests/answer-files.ts';
import { eventFileSigned, loadEventFile } from '../requests/events.ts';
import {
  answerRequest,
  confirmRequest,
  loadRequest,
  type RequestDeps,
  reopenRequest,
  reporterView,
} from '../requests/service.ts';
import type { StatusCall } from '../requests/status-call.ts';
import { loadAttachmentData, loadReportByReference } from '../store/reports.ts';

/**
 * The parts a report body may have before it is refused unparsed: the report, its files, and a few
 * more, so that a body with an extra part or file still gets the answer that names it.
 */
const MAX_PARTS = 1 + LIMITS.maxFiles + 5;

const idempotencyKey = z.string().regex(/^[\w.:-]{8,200}$/, 'must be 8–200 letters, digits or . _ : -');
const reference = z.string().regex(/^SD-\d{1,12}$/);

/** Only extension pages call these cross-origin; web pages have no business posting reports. */
export const EXTENSION_CORS: CorsOptions = {
  origin: (origin) => (/^(chrome|moz)-extension:\/\/[\w-]+$/.test(origin) ? origin : null),
  allowHeaders: ['Content-Type', 'Idempotency-Key', 'Authorization', 'If-None-Match'],
  exposeHeaders: ['ETag'],
  allowMethods: ['GET', 'POST'],
  maxAge: 600,
};

/** Where a help desk fetches a report's image: unguessable without the server's key, never expiring. */
export async function attachmentUrlFor(deps: { store: IntakeDeps['store']; config: Config }) {
  const key = await serverKey(deps.store.db, 'attachment-links');
  return (ref: string, position: number) =>
    `${deps.config.publicUrl}/api/reports/${ref}/attachments/${position}?sig=${sign(key, ref, position)}`;
}

/**
 * Report intake for the extension, its status for the reporter, and the incidents that cover a host
 * for the extension's known-incident banner.
 */
export function reportRoutes(deps: IntakeDeps & { statusCall: StatusCall }) {
  const { db } = deps.store;
  const extensionsOnly = corsAllowing(EXTENSION_CORS);

  const requests: RequestDeps = {
    db,
    config: deps.config,
    ...(deps.onQueued ? { onQueued: deps.onQueued } : {}),
  };

  /**
   * The report the request's secret opens. Unknown reference and wrong secret answer alike, so
   * references cannot be probed; the reporter's actions check it as the status read does, first.
   */
  const reporterReport = async (c: Context) => {
    const ref = c.req.param('reference') ?? '';
    const secret = /^Bearer\s+(\S+)$/i.exec(c.req.header('authorization') ?? '')?.[1] ?? '';
    const key = await serverKey(db, 'report-status');
    const stored =
      reference.safeParse(ref).success && verify(key, secret, ref)
        ? await loadReportByReference(db, ref)
        : undefined;
    if (!stored) throw notFound('report you can read', ref);
    return stored;
  };
  // The reporter's writes: a secret's holder may not fill the database with answers.
  const actionLimit = rateLimit({
    perMinute: deps.config.intakePerMinute,
    burst: Math.ceil(deps.config.intakePerMinute / 2),
    key: (c) => clientAddress(c, deps.config.trustProxy),
  });
  const jsonLimit = sizeLimit(MAX_JSON_BODY, () => {
    throw jsonTooLarge();
  });
  // An answer with images may be as large as a report; as JSON it is text only.
  const imagesLimit = bodyLimit({
    maxSize: LIMITS.maxReportBodyBytes,
    onError: () => {
      throw new ApiFailure(
        413,
        'payload_too_large',
        `an answer may be at most ${LIMITS.maxReportBytes / 1024 / 1024} MB`,
      );
    },
  });
  const answerLimit = createMiddleware((c, next) =>
    isMultipart(c) ? imagesLimit(c, next) : jsonLimit(c, next),
  );

  /** `POST /reports/status`: a read that is a POST only to keep the secrets out of URLs and logs. */
  const statusLimit = limitedBy(deps.statusCall.admit, (c) => clientAddress(c, deps.config.trustProxy));
  const statusBatch = async (c: Context) => {
    const answer = await deps.statusCall({
      contentType: c.req.header('content-type'),
      ifNoneMatch: c.req.header('if-none-match'),
      text: await c.req.text(),
    });
    const headers = Object.fromEntries(answer.headers);
    // The baseline is among its headers, so the app's outer layer need not read them back: reading
    // them turns the Node adapter's light response into a full one (platform/http/headers.ts).
    return builtWithBaseline(
      answer.status === 304 ? c.body(null, 304, headers) : c.body(answer.body, 200, headers),
    );
  };

  return new Hono()
    .use('/reports', extensionsOnly)
    .use('/reports/*', extensionsOnly)
    .use('/incidents/active', extensionsOnly)
    .post(
      '/reports',
      rateLimit({
        perMinute: deps.config.intakePerMinute,
        burst: Math.ceil(deps.config.intakePerMinute / 2),
        key: (c) => clientAddress(c, deps.config.trustProxy),
      }),
      bodyLimit({
        maxSize: LIMITS.maxReportBodyBytes,
        onError: () => {
          throw new ApiFailure(
            413,
            'payload_too_large',
            `a report may be at most ${LIMITS.maxReportBytes / 1024 / 1024} MB`,
          );
        },
      }),
      async (c) => {
        const started = performance.now();
        const key = idempotencyKey.safeParse(c.req.header('idempotency-key'));
        if (!key.success) {
          throw invalid([
            {
              path: 'Idempotency-Key',
              message: 'header is required and must be 8–200 letters, digits or . _ : -',
            },
          ]);
        }
        if (!/^multipart\/form-data\s*;/i.test(c.req.header('content-type') ?? '')) {
          throw new ApiFailure(415, 'unsupported_media_type', 'a report is sent as multipart/form-data');
        }
        const form = await multipartBody(c, {
          maxParts: MAX_PARTS,
          hint: `a report is one "report" part and at most ${LIMITS.maxFiles} files`,
        });
        const { report, files } = await readParts(form);
        filesWithinLimit([...files.values()], 'a report');
        const { created, body } = await receiveReport(deps, {
          idempotencyKey: key.data,
          report,
          files,
          clientIp: clientAddress(c, deps.config.trustProxy),
        });
        // Time from the handler's start (body read, checked, stored, forwarding queued), for monitoring and bench/intake.
        c.header('server-timing', `intake;dur=${(performance.now() - started).toFixed(1)}`);
        return c.json(body, created ? 201 : 200);
      },
    )
    .post('/reports/status', statusLimit, jsonLimit, statusBatch)
    .get('/reports/:reference/status', async (c) => {
      const stored = await reporterReport(c);
      const incident = stored.row.incident_id
        ? await db
            .selectFrom('incidents')
            .selectAll()
            .where('id', '=', stored.row.incident_id)
            .executeTakeFirst()
        : undefined;
      return c.json({
        reference: stored.row.reference,
        state: stored.row.state,
        received_at: stored.row.received_at,
        external_reference: stored.row.external_ref,
        incident: incident ? incidentLink(deps.config, incident) : null,
        request: reporterView(await loadRequest(requests, stored.row.id)),
      } satisfies ReportStatusResponse);
    })
    .post('/reports/:reference/answer', actionLimit, answerLimit, async (c) => {
      const stored = await reporterReport(c);
      const { text, files } = isMultipart(c)
        ? await readAnswerParts(
            await multipartBody(c, {
              maxParts: 1 + MAX_ANSWER_FILES + 5,
              hint: `an answer is one "answer" part and at most ${MAX_ANSWER_FILES} images`,
            }),
          )
        : { ...(await jsonBody(c, requestAnswer)), files: [] };
      filesWithinLimit(
        files.map((f) => f.data),
        'an answer',
      );
      await answerRequest(requests, stored.row.id, text, files);
      return c.json({ request: reporterView(await loadRequest(requests, stored.row.id)) });
    })
    .post('/reports/:reference/confirm', actionLimit, async (c) => {
      const stored = await reporterReport(c);
      await confirmRequest(requests, stored.row.id);
      return c.json({ request: reporterView(await loadRequest(requests, stored.row.id)) });
    })
    .post('/reports/:reference/reopen', actionLimit, jsonLimit, async (c) => {
      const stored = await reporterReport(c);
      const { reason } = await jsonBody(c, requestReopen);
      await reopenRequest(requests, stored.row.id, reason);
      return c.json({ request: reporterView(await loadRequest(requests, stored.row.id)) });
    })
    .get('/reports/:reference/attachments/:position', async (c) => {
      const ref = c.req.param('reference');
      const position = Number(c.req.param('position'));
      const key = await serverKey(db, 'attachment-links');
      const signed = Number.isInteger(position) && verify(key, c.req.query('sig') ?? '', ref, position);
      const stored = signed ? await loadReportByReference(db, ref) : undefined;
      const file = stored && (await loadAttachmentData(db, stored.row.id, position));
      if (!file) throw notFound('attachment', `${ref}/${c.req.param('position')}`);
      // A signed link names one stored file, whose bytes never change.
      return attachmentResponse(file, 'private, max-age=86400, immutable');
    })
    .get('/reports/:reference/events/:event/files/:position', async (c) => {
      const { reference: ref, event } = c.req.param();
      const position = Number(c.req.param('position'));
      const signed =
        Number.isInteger(position) &&
        (await eventFileSigned(db, c.req.query('sig') ?? '', ref, event, position));
      const stored = signed ? await loadReportByReference(db, ref) : undefined;
      const file = stored && (await loadEventFile(db, stored.row.id, event, position));
      if (!file) throw notFound('image', `${ref}/${event}/${c.req.param('position')}`);
      // A signed link names one stored image, whose bytes never change.
      return attachmentResponse(file, 'private, max-age=86400, immutable');
    })
    .get('/incidents/active', async (c) => {
      const host = hostName.safeParse(c.req.query('host') ?? '');
      if (!host.success)
        throw invalid([{ path: 'host', message: 'must be a host name such as shop.example.com' }]);
      const now = new Date();
      const open = (
        await candidatesAround({ ...deps, config: { ...deps.config, incidentWindowMs: 0 } }, now)
      ).filter((i) => i.resolved_at === null && i.hosts.some((h) => hostCovers(h, host.data)));
      const rows = open.length
        ? await db
            .selectFrom('incidents')
            .selectAll()
            .where(
              'id',
              'in',
              open.map((i) => i.id),
            )
            .orderBy('started_at', 'desc')
            .orderBy('created_at', 'desc')
            .orderBy('id')
            .execute()
        : [];
      return c.json({ incidents: rows.map((i) => incidentLink(deps.config, i)) });
    });
}

/**
 * The body limit leaves room for the framing; the files themselves may be `maxReportBytes` in all,
 * as the extension checks before sending.
 */
function filesWithinLimit(files: Uint8Array[], what: string): void {
  const total = files.reduce((sum, f) => sum + f.byteLength, 0);
  if (total > LIMITS.maxReportBytes) {
    throw new ApiFailure(
      413,
      'payload_too_large',
      `${what} may be at most ${LIMITS.maxReportBytes / 1024 / 1024} MB`,
    );
  }
}

/** Splits the form into the JSON report part and the file parts; anything else is refused. */
async function readParts(form: FormData): Promise<{ report: unknown; files: Map<string, Uint8Array> }> {
  let report: unknown;
  const files = new Map<string, Uint8Array>();
  for (const [name, value] of form.entries()) {
    if (name === 'report') {
      // Taking the first or the last of two would be a guess at which one the client meant.
      if (report !== undefined) throw invalid([{ path: 'report', message: 'is sent more than once' }]);
      const text = typeof value === 'string' ? value : await value.text();
      try {
        report = JSON.parse(text);
      } catch (err) {
        throw new ApiFailure(
          400,
          'malformed_json',
          `the report part is not valid JSON: ${(err as Error).message}`,
        );
      }
    } else if (/^file\d{1,2}$/.test(name) && typeof value !== 'string' && !files.has(name)) {
      files.set(name, new Uint8Array(await value.arrayBuffer()));
    } else {
      throw invalid([
        {
          path: name,
          message: 'is not a part of a report (expected "report" and file0 … file99, once each)',
        },
      ]);
    }
  }
  if (report === undefined) throw invalid([{ path: 'report', message: 'the JSON report part is missing' }]);
  return { report, files };
}

const isMultipart = (c: Context) => /^multipart\/form-data\s*;/i.test(c.req.header('content-type') ?? '');

/**
 * An answer sent as multipart/form-data: the JSON `answer` part ({ text }) and image parts `file0` …,
 * each once; anything else is refused, and the images are checked by their bytes.
 */
async function readAnswerParts(
  form: FormData,
): Promise<{ text: string; files: ReturnType<typeof checkAnswerFiles> }> {
  let answer: unknown;
  const parts: AnswerPart[] = [];
  for (const [name, value] of form.entries()) {
    if (name === 'answer') {
      if (answer !== undefined) throw invalid([{ path: 'answer', message: 'is sent more than once' }]);
      const text = typeof value === 'string' ? value : await value.text();
      try {
        answer = JSON.parse(text);
      } catch (err) {
        throw new ApiFailure(
          400,
          'malformed_json',
          `the answer part is not valid JSON: ${(err as Error).message}`,
        );
      }
    } else if (
      /^file\d{1,2}$/.test(name) &&
      typeof value !== 'string' &&
      !parts.some((p) => p.part === name)
    ) {
      parts.push({ part: name, name: value.name, data: new Uint8Array(await value.arrayBuffer()) });
    } else {
      throw invalid([
        {
          path: name,
          message: `is not a part of an answer (expected "answer" and image files file0 … file${MAX_ANSWER_FILES - 1}, once each)`,
        },
      ]);
    }
  }
  if (answer === undefined) throw invalid([{ path: 'answer', message: 'the JSON answer part is missing' }]);
  const parsed = requestAnswer.safeParse(answer);
  if (!parsed.success) throw invalidFromZod(parsed.error);
  return { text: parsed.data.text, files: checkAnswerFiles(parts) };
}
